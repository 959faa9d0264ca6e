#!/usr/bin/env node
/**
 * `npm run build`: each package's own build script (jsii, then its API.md), the core first since
 * every cloud package compiles against its lib/ and assembly, then the cloud packages side by side,
 * as many at once as there are CPUs. Each package's output is printed when it finishes; any failure
 * fails the build.
 */
const { spawn } = require("child_process");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..");
const [core, ...clouds] = require(path.join(root, "package.json")).workspaces;

function build(workspace) {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "build", "--silent"], { cwd: path.join(root, workspace), env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: "1" } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => {
      process.stdout.write(`--- ${workspace}: ${code === 0 ? "built" : `FAILED (exit ${code})`}\n${code === 0 ? "" : output}`);
      resolve(code === 0);
    });
  });
}

async function main() {
  if (!(await build(core))) return 1;
  const queue = [...clouds];
  const lane = async () => {
    let ok = true;
    while (queue.length > 0) ok = (await build(queue.shift())) && ok;
    return ok;
  };
  const lanes = await Promise.all(Array.from({ length: Math.max(1, Math.min(os.cpus().length, clouds.length)) }, lane));
  return lanes.every(Boolean) ? 0 : 1;
}

main().then((code) => (process.exitCode = code));
