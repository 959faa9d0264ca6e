/**
 * The BUILT package (lib/*.d.ts, lib/*.js), as a user's cdktf app gets it: a fresh app laid out like
 * `cdktf init --template=typescript` (the template's tsconfig.json, no "paths"), outside the
 * repository, whose node_modules holds the package (package.json + lib/ + its bundled dependencies),
 * one shim package per cloud pointing into its lib/ as the per-cloud packages will after the split,
 * and the peer dependencies. The app's own tsc type-checks the example stacks, the README snippets and
 * a user's stack (test/consumer-app/main.ts) with zero diagnostics and without reading any file of
 * src/; plain node then runs the user's stack and synthesizes it.
 *
 * It does not build: `npm test` runs `npm run build` first. Without lib/ the tests skip locally and
 * fail under CI=true; a lib/ older than src/ fails them everywhere.
 */
import { spawnSync, SpawnSyncReturns } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { prerequisite } from "./support/prerequisites";
import { writeSnippetModules } from "./support/readme-snippets";

const ROOT = path.join(__dirname, "..");
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
/** The per-cloud packages and the lib/ module each will be (today a submodule of the one package). */
const CLOUD_PACKAGES: Record<string, string> = {
  "prefect-code-storage-aws": "aws",
  "prefect-code-storage-google": "google",
  "prefect-code-storage-azure": "azure",
  "prefect-code-storage-git": "git",
};
const LIB_MODULES = ["all", "index", ...Object.values(CLOUD_PACKAGES)];
const BUILT_FILES = LIB_MODULES.flatMap((m) => [`lib/${m}.js`, `lib/${m}.d.ts`]);
/** What test/consumer-app/main.ts creates. */
const USER_STACK = { name: "consumer-flows", bucket: "acme-consumer-flow-code", deployments: ["nightly"] };
/** The cdktf TypeScript template's compilerOptions (@cdktf/cli-core/templates/typescript/tsconfig.json). */
const CDKTF_TEMPLATE_TSCONFIG = {
  compilerOptions: {
    alwaysStrict: true,
    declaration: true,
    experimentalDecorators: true,
    inlineSourceMap: true,
    inlineSources: true,
    lib: ["es2018"],
    module: "CommonJS",
    noEmitOnError: true,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: "ES2018",
    incremental: true,
    skipLibCheck: true,
  },
  include: ["**/*.ts"],
  exclude: ["node_modules", "cdktf.out"],
};

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
const rel = (f: string) => path.relative(ROOT, f);

function missingBuild(): string | undefined {
  const missing = BUILT_FILES.filter((f) => !fs.existsSync(path.join(ROOT, f)));
  // `npm run build` (jsii) also writes the assembly; locally a lib/ from `tsc -p tsconfig.jsii.json` will do.
  if (process.env.CI === "true" && !fs.existsSync(path.join(ROOT, ".jsii"))) missing.push(".jsii");
  if (missing.length === 0) return undefined;
  return `the built package is missing (${missing.join(", ")}): run npm run build first.`;
}

function staleBuild(): string | undefined {
  const newestSrc = filesUnder(path.join(ROOT, "src"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ f, t: fs.statSync(f).mtimeMs }))
    .reduce((a, b) => (b.t > a.t ? b : a));
  const built = [...filesUnder(path.join(ROOT, "lib")), path.join(ROOT, ".jsii")].filter((f) => fs.existsSync(f));
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

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

/** The user's app in a fresh temp dir (outside the repository, so nothing resolves through its node_modules). */
function createApp(): { dir: string; pkgDir: string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "prefect-code-storage-consumer-")));
  const nm = path.join(dir, "node_modules");

  // The package as npm installs it: package.json, lib/, the bundled dependencies. No src/.
  const pkgDir = path.join(nm, PKG.name);
  writeJson(path.join(pkgDir, "package.json"), {
    name: PKG.name,
    version: PKG.version,
    main: PKG.main,
    types: PKG.types,
    dependencies: PKG.dependencies,
    peerDependencies: PKG.peerDependencies,
    bundledDependencies: PKG.bundledDependencies,
  });
  fs.cpSync(path.join(ROOT, "lib"), path.join(pkgDir, "lib"), { recursive: true });
  for (const dep of PKG.bundledDependencies ?? []) link(path.join(ROOT, "node_modules", dep), path.join(pkgDir, "node_modules", dep));

  // One package per cloud, resolving into the package's lib/ as they will after the split.
  for (const [name, module] of Object.entries(CLOUD_PACKAGES)) {
    writeJson(path.join(nm, name, "package.json"), {
      name,
      version: PKG.version,
      main: `../${PKG.name}/lib/${module}.js`,
      types: `../${PKG.name}/lib/${module}.d.ts`,
    });
  }

  // What the user installs next to it: the peer dependencies (cdktf, constructs, providers) and Node's types.
  for (const dep of [...Object.keys(PKG.peerDependencies), "@types/node"]) link(path.join(ROOT, "node_modules", dep), path.join(nm, dep));

  // `cdktf init --template=typescript`: package.json, cdktf.json, tsconfig.json, main.ts.
  writeJson(path.join(dir, "package.json"), { name: "consumer", version: "1.0.0", main: "main.js", types: "main.ts", private: true });
  writeJson(path.join(dir, "cdktf.json"), { language: "typescript", app: "node main.js", terraformProviders: [], terraformModules: [], context: {} });
  writeJson(path.join(dir, "tsconfig.json"), CDKTF_TEMPLATE_TSCONFIG);
  fs.copyFileSync(path.join(ROOT, "test", "consumer-app", "main.ts"), path.join(dir, "main.ts"));

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
  return { dir, pkgDir };
}

(built ? describe : describe.skip)("the built package in a user's cdktf app (lib/ only, no src/)", () => {
  let app: { dir: string; pkgDir: string };
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

  it("reads the package's declarations from its lib/ and nothing of the repository: no src/, no repo lib/", () => {
    const roots = [ROOT, fs.realpathSync(ROOT)];
    expect(compiled.filter((f) => roots.some((r) => f.startsWith(path.join(r, "src") + path.sep)))).toEqual([]);
    // Nor the repository's lib/ or any other file of it but its node_modules (the peer dependencies).
    expect(compiled.filter((f) => roots.some((r) => f.startsWith(r + path.sep) && !f.startsWith(path.join(r, "node_modules") + path.sep)))).toEqual([]);
    // Every TypeScript source compiled is the app's own; everything else is a declaration file.
    expect(compiled.filter((f) => !f.endsWith(".d.ts") && !(f.startsWith(app.dir + path.sep) && !f.includes("node_modules")))).toEqual([]);
    for (const m of LIB_MODULES) expect(compiled).toContain(path.join(app.pkgDir, "lib", `${m}.d.ts`));
  });

  it("plain node runs the user's stack from JS: the package's lib/*.js synthesizes cdk.tf.json with the bucket and prefect.yaml with the deployment", () => {
    expect(fs.existsSync(path.join(app.dir, "main.js"))).toBe(true); // emitted by the tsc above (none when it reported errors)
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("CDKTF_") && k !== "NODE_OPTIONS"));
    const run = spawnSync(process.execPath, ["--require", "./record-loaded-modules.js", "main.js"], { cwd: app.dir, env, encoding: "utf8" });
    expect({ status: run.status, stderr: run.status === 0 ? "" : run.stderr }).toEqual({ status: 0, stderr: "" }); // the error when it failed

    const stackDir = path.join(app.dir, "cdktf.out", "stacks", USER_STACK.name);
    const config = JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8"));
    expect(Object.values(config.resource?.aws_s3_bucket ?? {}).map((b: any) => b.bucket)).toEqual([USER_STACK.bucket]);
    const prefectYaml = parse(fs.readFileSync(path.join(stackDir, "prefect.yaml"), "utf8"));
    expect(prefectYaml.deployments.map((d: any) => d.name)).toEqual(USER_STACK.deployments);

    // The package's code came from the app's node_modules, never from the repository. The peer and
    // bundled dependencies are links into the repository's node_modules, which node loads by their real path.
    const loaded: string[] = JSON.parse(fs.readFileSync(path.join(app.dir, "loaded-modules.json"), "utf8"));
    expect(loaded).toContain(path.join(app.pkgDir, "lib", "aws.js"));
    const roots = [ROOT, fs.realpathSync(ROOT)];
    expect(loaded.filter((f) => roots.some((r) => f.startsWith(r + path.sep) && !f.startsWith(path.join(r, "node_modules") + path.sep)))).toEqual([]);
    expect(loaded.filter((f) => f.includes(`${path.sep}prefect-code-storage${path.sep}lib${path.sep}`) && !f.startsWith(app.pkgDir + path.sep))).toEqual([]);
  }, 120_000);
});
