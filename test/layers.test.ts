/**
 * The layout follows the architecture. In the core package (packages/core/src), a module imports only
 * its own layer or lower ones, lowest first: core helpers, validation rules, the Prefect model,
 * storage, the project, deployments, the CLI, then the entry point (`index.ts`); and one storage
 * option never imports another (what they share lives in `storage/` itself). Each cloud package
 * (packages/<cloud>/src) is a storage option: it reaches into the core only up to the storage layer
 * (deep imports of `prefect-code-storage/lib/<layer>/...`), never into another cloud package, and the
 * core never imports a cloud package.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const PACKAGES = path.join(__dirname, "..", "packages");
const CORE_SRC = path.join(PACKAGES, "core", "src");
const LAYERS = ["core", "validation", "prefect", "storage", "project", "deployments", "cli"];
const CLOUDS = fs.readdirSync(PACKAGES).filter((p) => p !== "core");
const STORAGE = LAYERS.indexOf("storage");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

/** A core file (`storage/docker/registry.ts`) -> its layer index (the entry point ranks above every layer) and storage option, if any. */
function place(file: string): { layer: number; option?: string } {
  const [top, sub] = path.relative(CORE_SRC, file).split(path.sep);
  if (!sub) return { layer: LAYERS.length };
  const option = top === "storage" && fs.existsSync(path.join(CORE_SRC, top, sub)) && fs.statSync(path.join(CORE_SRC, top, sub)).isDirectory() ? sub : undefined;
  return { layer: LAYERS.indexOf(top), option };
}

/** Every import of a module of this repository (import, export from, require(), import()): relative ones, and the packages' names. */
function importsOf(file: string): { specifier: string; target?: string }[] {
  return ts
    .preProcessFile(fs.readFileSync(file, "utf8"), true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((s) => s.startsWith(".") || s.startsWith("prefect-code-storage"))
    .map((specifier) => {
      if (specifier.startsWith(".")) return { specifier, target: path.resolve(path.dirname(file), specifier) };
      const deep = specifier.match(/^prefect-code-storage\/lib\/(.+)$/);
      if (deep) return { specifier, target: path.join(CORE_SRC, deep[1]) };
      if (specifier === "prefect-code-storage") return { specifier, target: path.join(CORE_SRC, "index") };
      return { specifier };
    });
}

const coreImports = sourceFiles(CORE_SRC).flatMap((file) => importsOf(file).map((i) => ({ ...i, source: file, from: path.relative(CORE_SRC, file) })));
const cloudImports = CLOUDS.flatMap((cloud) =>
  sourceFiles(path.join(PACKAGES, cloud, "src")).flatMap((file) => importsOf(file).map((i) => ({ ...i, cloud, source: file, from: path.relative(PACKAGES, file) }))),
);

it("every core source file is in a known layer", () => {
  const unknown = sourceFiles(CORE_SRC).filter((f) => place(f).layer < 0).map((f) => path.relative(CORE_SRC, f));
  expect(unknown).toEqual([]);
});

it("no core module imports a higher layer, or any cloud package", () => {
  const upward = coreImports.filter((i) => !i.target || place(i.target).layer > place(i.source).layer).map((i) => `${i.from} -> ${i.specifier}`);
  expect(coreImports.length).toBeGreaterThan(100);
  expect(upward).toEqual([]);
});

it("no storage option in the core imports another (shared code lives in storage/)", () => {
  const across = coreImports
    .filter((i) => {
      const [a, b] = [place(i.source).option, i.target && place(i.target).option];
      return a !== undefined && b !== undefined && a !== b;
    })
    .map((i) => `${i.from} -> ${i.specifier}`);
  expect(across).toEqual([]);
});

it("a cloud package reaches into the core only up to the storage layer, and into no other cloud package", () => {
  expect(CLOUDS.sort()).toEqual(["aws", "azure", "git", "google"]);
  expect(cloudImports.filter((i) => i.specifier.startsWith("prefect-code-storage/lib/")).length).toBeGreaterThan(20);
  const wrong = cloudImports
    .filter((i) => {
      if (!i.target) return true; // another package's name
      if (i.target.startsWith(CORE_SRC + path.sep)) return i.specifier.startsWith(".") || place(i.target).layer > STORAGE;
      // Its own sources, and its own package.json (its version, for the core's version check).
      return !i.target.startsWith(path.join(PACKAGES, i.cloud, "src") + path.sep) && i.target !== path.join(PACKAGES, i.cloud, "package.json");
    })
    .map((i) => `${i.from} -> ${i.specifier}`);
  expect(wrong).toEqual([]);
});
