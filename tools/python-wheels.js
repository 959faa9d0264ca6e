#!/usr/bin/env node
/**
 * The second half of `npm run package:python`: a wheel from each package's generated Python sources
 * (packages/<package>/dist/python, written by `jsii-pacmak --code-only`) into
 * packages/<package>/dist/wheels. jsii-pacmak's own wheel step pins its build tools
 * (setuptools~=75.3.2) and fetches them from PyPI; this builds with any setuptools >= 70.1 (which
 * has bdist_wheel built in) that pip can install into a build environment (dist/python-build-env),
 * from PyPI or a local index. Where there is no python3 or no such setuptools, it says so and
 * leaves the generated sources (under CI=true that fails: a release must not lack its wheels).
 * `--check` only prepares the build environment and prints what is missing, if anything.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const python = process.env.PYTHON ?? "python3";
const env = path.join(root, "dist", "python-build-env");
const envPython = path.join(env, "bin", "python");
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, encoding: "utf8" });

function buildEnvironment() {
  if (run(python, ["--version"]).status !== 0) return `${python} is not on the PATH`;
  if (!fs.existsSync(envPython) && run(python, ["-m", "venv", env]).status !== 0) return `${python} -m venv failed`;
  const pip = run(envPython, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "setuptools>=70.1"]);
  return pip.status === 0 ? undefined : `no setuptools >= 70.1 could be installed:\n${pip.stderr.trim()}`;
}

const problem = buildEnvironment();
if (process.argv.includes("--check")) {
  if (problem) console.log(problem);
  process.exit(0);
}
if (problem) {
  console.log(`No wheels built (${problem}); the generated sources are in packages/*/dist/python.`);
  process.exit(process.env.CI === "true" ? 1 : 0);
}
let failed = false;
for (const workspace of require(path.join(root, "package.json")).workspaces) {
  const sources = path.join(root, workspace, "dist", "python");
  const wheels = path.join(root, workspace, "dist", "wheels");
  fs.rmSync(wheels, { recursive: true, force: true });
  const built = run(envPython, ["-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-build-isolation", "--no-deps", "-w", wheels, sources]);
  if (built.status !== 0) {
    failed = true;
    console.error(`${workspace}: the wheel failed\n${built.stderr}`);
  } else {
    console.log(`${workspace}: ${fs.readdirSync(wheels).join(", ")}`);
  }
}
process.exitCode = failed ? 1 : 0;
