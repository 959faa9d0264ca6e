/**
 * The public entry points, one per package: `prefect-code-storage` (the core: Prefect side, project,
 * deployments, local and image storage) and one per cloud plus git. A user of one cloud loads only
 * that cloud's provider bindings; the examples and the README import nothing else; and every README
 * snippet type-checks against them.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import { promisify } from "util";
import * as ts from "typescript";
import { requireMatchingCore } from "../packages/core/src/core/matching-core";
import { PACKAGES, ROOT } from "./support/packages";
import { readmeSnippets, writeSnippetModules } from "./support/readme-snippets";

const ENTRIES: Record<string, { file: string; providers: string[] }> = Object.fromEntries(
  PACKAGES.map((p) => [p.name, { file: `packages/${p.workspace}/src/index.ts`, providers: p.providers }]),
);
/** What user code may import besides the entry points (and Node's own modules). */
const THIRD_PARTY = /^(cdktf|constructs|@cdktf\/provider-[a-z]+\/lib\/[a-z0-9-]+)$/;
const isNodeBuiltin = (m: string) => builtinModules.includes(m.replace(/^node:/, ""));

/** The provider packages a fresh Node process has loaded after requiring `file`. */
async function providersLoadedBy(file: string): Promise<string[]> {
  const script =
    `require(${JSON.stringify(path.join(ROOT, file))});` +
    "const found = Object.keys(require.cache).map((f) => (f.match(/node_modules\\/(@cdktf\\/provider-[a-z]+)\\//) || [])[1]).filter(Boolean);" +
    "console.log(JSON.stringify([...new Set(found)].sort()));";
  const { stdout } = await promisify(execFile)(path.join(ROOT, "node_modules", ".bin", "tsx"), ["-e", script], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(stdout);
}

describe("each entry point loads only its own provider bindings", () => {
  // One fresh process per entry point, all at once.
  let loaded: Record<string, string[]>;
  beforeAll(async () => {
    const names = Object.keys(ENTRIES);
    const results = await Promise.all(names.map((name) => providersLoadedBy(ENTRIES[name].file)));
    loaded = Object.fromEntries(names.map((name, i) => [name, results[i]]));
  }, 120_000);

  it.each(Object.entries(ENTRIES))("%s", (name, entry) => {
    expect(loaded[name]).toEqual(entry.providers);
  });
});

/** Module specifiers imported by a TypeScript source text. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/^import\s[^;]*?from\s+"([^"]+)";/gms)].map((m) => m[1]);
}

describe("the examples import only the entry points, cdktf, constructs and deep provider paths", () => {
  const files = fs.readdirSync(path.join(ROOT, "stacks")).filter((f) => f.endsWith(".ts"));
  it.each(files)("stacks/%s", (file) => {
    const imports = importsOf(fs.readFileSync(path.join(ROOT, "stacks", file), "utf8"));
    expect(imports.filter((m) => !(m in ENTRIES) && !THIRD_PARTY.test(m) && !isNodeBuiltin(m) && !m.startsWith("./"))).toEqual([]);
  });
});

describe("README snippets", () => {
  const snippets = readmeSnippets(path.join(ROOT, "README.md"));

  it("import only the entry points, cdktf, constructs and deep provider paths", () => {
    expect(snippets.length).toBeGreaterThan(5);
    const imports = snippets.flatMap(importsOf);
    expect(imports.filter((m) => !(m in ENTRIES) && !THIRD_PARTY.test(m))).toEqual([]);
  });

  it("type-check against the entry points (with `stack`, `project`, `storage` and a worker identity in scope where they use them)", () => {
    const dir = fs.mkdtempSync(path.join(ROOT, "cdktf.out.readme-"));
    try {
      const files = writeSnippetModules(path.join(ROOT, "README.md"), dir);
      const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
      const program = ts.createProgram(files, { ...config.options, noUnusedLocals: false, noEmit: true });
      const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file && files.includes(path.normalize(d.file.fileName)));
      expect(errors.map((d) => `${path.basename(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("a cloud package and the core", () => {
  it("load together at the version they were released with", () => {
    for (const p of PACKAGES.filter((p) => p.name !== "prefect-code-storage")) {
      const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "packages", p.workspace, "package.json"), "utf8"));
      expect(() => requireMatchingCore(manifest)).not.toThrow();
    }
  });

  it("refuse a core of another version at import, naming both versions and the install that fixes it", () => {
    expect(() => requireMatchingCore({ name: "prefect-code-storage-aws", version: "0.9.0" })).toThrow(
      /^prefect-code-storage-aws 0\.9\.0 works only with prefect-code-storage 0\.9\.0, but prefect-code-storage \d+\.\d+\.\d+\S* is installed \(.+\)\. .*npm install prefect-code-storage@0\.9\.0 prefect-code-storage-aws@0\.9\.0\.$/,
    );
  });
});
