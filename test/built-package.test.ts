/**
 * The BUILT packages (lib/*.d.ts, lib/*.js), as a user's cdktf app gets them: a fresh app laid out
 * like `cdktf init --template=typescript` (the template's tsconfig.json, no "paths"), outside the
 * repository, whose node_modules holds every package (package.json + lib/, and the core's bundled
 * dependencies) and the peer dependencies. The app's own tsc type-checks the example stacks (which
 * use every cloud), the README snippets and a user's stack (test/consumer-app/) with zero
 * diagnostics and without reading any source file; plain node then runs the user's stack and
 * synthesizes it. (test/consumer-app.test.ts installs packed tarballs the way npm does.)
 *
 * It does not build: `npm test` runs `npm run build` first. Without lib/ the tests skip locally and
 * fail under CI=true; a lib/ older than its src/ fails them everywhere.
 */
import { spawnSync, SpawnSyncReturns } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { CDKTF_TEMPLATE_TSCONFIG, USER_STACK, userEnv, writeJson } from "./support/consumer-app";
import { manifestOf, missingBuild, packageDir, PACKAGES, ROOT } from "./support/packages";
import { prerequisite } from "./support/prerequisites";
import { writeSnippetModules } from "./support/readme-snippets";

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
const rel = (f: string) => path.relative(ROOT, f);

function staleBuild(): string | undefined {
  for (const p of PACKAGES) {
    const problem = staleIn(packageDir(p));
    if (problem) return problem;
  }
  return undefined;
}

function staleIn(dir: string): string | undefined {
  const newestSrc = filesUnder(path.join(dir, "src"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ f, t: fs.statSync(f).mtimeMs }))
    .reduce((a, b) => (b.t > a.t ? b : a));
  const built = [...filesUnder(path.join(dir, "lib")), path.join(dir, ".jsii")].filter((f) => fs.existsSync(f));
  const stale = built.filter((f) => fs.statSync(f).mtimeMs < newestSrc.t);
  if (stale.length === 0) return undefined;
  return (
    `the built package is stale: ${rel(newestSrc.f)} changed at ${new Date(newestSrc.t).toISOString()}, after ${stale.length} ` +
    `built file(s) such as ${rel(stale[0])} (${new Date(fs.statSync(stale[0]).mtimeMs).toISOString()}): run npm run build first.`
  );
}

const built = prerequisite(missingBuild());
if (built) {
  const stale = staleBuild();
  if (stale) throw new Error(stale);
}

function link(target: string, at: string): void {
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.symlinkSync(target, at, "dir");
}


/** The user's app in a fresh temp dir (outside the repository, so nothing resolves through its node_modules). */
function createApp(): { dir: string; nm: string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "prefect-code-storage-consumer-")));
  const nm = path.join(dir, "node_modules");

  // Each package as npm installs it: package.json, lib/, the bundled dependencies. No src/.
  const peers = new Set<string>(["@types/node"]);
  for (const p of PACKAGES) {
    const manifest = manifestOf(p);
    const at = path.join(nm, p.name);
    writeJson(path.join(at, "package.json"), manifest);
    fs.cpSync(path.join(packageDir(p), "lib"), path.join(at, "lib"), { recursive: true });
    for (const dep of manifest.bundledDependencies ?? []) link(path.join(ROOT, "node_modules", dep), path.join(at, "node_modules", dep));
    for (const dep of Object.keys(manifest.peerDependencies).filter((d) => !PACKAGES.some((q) => q.name === d))) peers.add(dep);
  }

  // What the user installs next to them: the peer dependencies (cdktf, constructs, providers) and Node's types.
  for (const dep of peers) link(path.join(ROOT, "node_modules", dep), path.join(nm, dep));

  // `cdktf init --template=typescript`: package.json, cdktf.json, tsconfig.json, main.ts.
  writeJson(path.join(dir, "package.json"), { name: "consumer", version: "1.0.0", main: "main.js", types: "main.ts", private: true });
  writeJson(path.join(dir, "cdktf.json"), { language: "typescript", app: "node main.js", terraformProviders: [], terraformModules: [], context: {} });
  writeJson(path.join(dir, "tsconfig.json"), CDKTF_TEMPLATE_TSCONFIG);
  // The user's stack and app entry (its jest tests run in test/consumer-app.test.ts, which installs jest).
  for (const f of ["main.ts", "flows-stack.ts"]) fs.copyFileSync(path.join(ROOT, "test", "consumer-app", f), path.join(dir, f));

  // The example stacks and the README snippets, as a user would copy them.
  fs.mkdirSync(path.join(dir, "stacks"));
  for (const f of fs.readdirSync(path.join(ROOT, "stacks")).filter((f) => f.endsWith(".ts"))) {
    fs.copyFileSync(path.join(ROOT, "stacks", f), path.join(dir, "stacks", f));
  }
  writeSnippetModules(path.join(ROOT, "README.md"), path.join(dir, "readme"));

  // Records which files plain node loaded, to show where the package came from.
  fs.writeFileSync(
    path.join(dir, "record-loaded-modules.js"),
    'process.on("exit", () => require("fs").writeFileSync(__dirname + "/loaded-modules.json", JSON.stringify(Object.keys(require.cache))));\n',
  );
  return { dir, nm };
}

(built ? describe : describe.skip)("the built packages in a user's cdktf app (lib/ only, no src/)", () => {
  let app: { dir: string; nm: string };
  let tsc: SpawnSyncReturns<string>;
  /** Absolute paths tsc read (--listFiles) and everything else it printed (diagnostics). */
  let compiled: string[];
  let diagnostics: string[];

  beforeAll(() => {
    app = createApp();
    // One tsc for everything: type-checks, and emits main.js for node (the template has no outDir).
    tsc = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsc"), ["-p", app.dir, "--listFiles", "--pretty", "false"], { cwd: app.dir, encoding: "utf8" });
    const lines = tsc.stdout.split("\n").filter((l) => l.trim() !== "");
    compiled = lines.filter((l) => path.isAbsolute(l) && fs.existsSync(l));
    diagnostics = lines.filter((l) => !compiled.includes(l));
  }, 180_000);

  afterAll(() => {
    if (app) fs.rmSync(app.dir, { recursive: true, force: true });
  });

  it("the app's own tsc (cdktf template tsconfig) compiles the example stacks, the README snippets and a user's stack with zero diagnostics", () => {
    expect({ status: tsc.status, diagnostics, stderr: tsc.stderr, error: tsc.error?.message }).toEqual({ status: 0, diagnostics: [], stderr: "", error: undefined });
    const own = compiled.filter((f) => f.startsWith(app.dir + path.sep) && !f.includes(`${path.sep}node_modules${path.sep}`)).map((f) => path.relative(app.dir, f));
    expect(own.filter((f) => f.startsWith("stacks/")).length).toBe(fs.readdirSync(path.join(ROOT, "stacks")).filter((f) => f.endsWith(".ts")).length);
    expect(own.filter((f) => f.startsWith("readme/")).length).toBeGreaterThan(5);
    expect(own).toContain("main.ts");
  });

  it("reads the packages' declarations from their lib/ and nothing of the repository: no src/, no repo lib/", () => {
    const roots = [ROOT, fs.realpathSync(ROOT)];
    expect(compiled.filter((f) => f.includes(`${path.sep}src${path.sep}`) && !f.includes(`${path.sep}node_modules${path.sep}`))).toEqual([]);
    // Nor the repository's lib/ or any other file of it but its node_modules (the peer dependencies).
    expect(compiled.filter((f) => roots.some((r) => f.startsWith(r + path.sep) && !f.startsWith(path.join(r, "node_modules") + path.sep)))).toEqual([]);
    // Every TypeScript source compiled is the app's own; everything else is a declaration file.
    expect(compiled.filter((f) => !f.endsWith(".d.ts") && !(f.startsWith(app.dir + path.sep) && !f.includes("node_modules")))).toEqual([]);
    for (const p of PACKAGES) expect(compiled).toContain(path.join(app.nm, p.name, "lib", "index.d.ts"));
  });

  it("plain node runs the user's stack from JS: the packages' lib/*.js synthesizes cdk.tf.json with the bucket and prefect.yaml with the deployment", () => {
    expect(fs.existsSync(path.join(app.dir, "main.js"))).toBe(true); // emitted by the tsc above (none when it reported errors)
    const run = spawnSync(process.execPath, ["--require", "./record-loaded-modules.js", "main.js"], { cwd: app.dir, env: userEnv(), encoding: "utf8" });
    expect({ status: run.status, stderr: run.status === 0 ? "" : run.stderr }).toEqual({ status: 0, stderr: "" }); // the error when it failed

    const stackDir = path.join(app.dir, "cdktf.out", "stacks", USER_STACK.name);
    const config = JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8"));
    expect(Object.values(config.resource?.aws_s3_bucket ?? {}).map((b: any) => b.bucket)).toEqual([USER_STACK.bucket]);
    const prefectYaml = parse(fs.readFileSync(path.join(stackDir, "prefect.yaml"), "utf8"));
    expect(prefectYaml.deployments.map((d: any) => d.name)).toEqual(USER_STACK.deployments);

    // The package's code came from the app's node_modules, never from the repository. The peer and
    // bundled dependencies are links into the repository's node_modules, which node loads by their real path.
    const loaded: string[] = JSON.parse(fs.readFileSync(path.join(app.dir, "loaded-modules.json"), "utf8"));
    expect(loaded).toContain(path.join(app.nm, "prefect-code-storage", "lib", "index.js"));
    expect(loaded).toContain(path.join(app.nm, "prefect-code-storage-aws", "lib", "index.js"));
    const roots = [ROOT, fs.realpathSync(ROOT)];
    expect(loaded.filter((f) => roots.some((r) => f.startsWith(r + path.sep) && !f.startsWith(path.join(r, "node_modules") + path.sep)))).toEqual([]);
    // One copy of the core: the AWS package's deep imports load the same files as the core's entry.
    expect(loaded.filter((f) => /prefect-code-storage[^/]*\/lib\//.test(f) && !f.startsWith(app.nm + path.sep))).toEqual([]);
  }, 120_000);
});
