/**
 * The layout follows the architecture: a module imports only its own layer or lower ones, and one
 * storage option never imports another (what they share lives in `src/storage/` itself).
 * Lowest first: core helpers, validation rules, the Prefect model, storage, the project, deployments,
 * then the entry points (`src/*.ts`).
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "..", "src");
const LAYERS = ["core", "validation", "prefect", "storage", "project", "deployments", "cli"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

/** `storage/s3/policies.ts` -> its layer index (entry points rank above every layer) and its storage option, if any. */
function place(file: string): { layer: number; option?: string } {
  const [top, sub] = path.relative(SRC, file).split(path.sep);
  if (!sub) return { layer: LAYERS.length };
  const option = top === "storage" && fs.existsSync(path.join(SRC, top, sub)) && fs.statSync(path.join(SRC, top, sub)).isDirectory() ? sub : undefined;
  return { layer: LAYERS.indexOf(top), option };
}

const imports = sourceFiles(SRC).flatMap((file) =>
  [...fs.readFileSync(file, "utf8").matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)";/gms)].map((m) => ({
    from: path.relative(SRC, file),
    to: path.relative(SRC, path.resolve(path.dirname(file), m[1]) + ".ts").replace(/\/index\.ts$|\.ts\.ts$/, ""),
    source: file,
    target: path.resolve(path.dirname(file), m[1]),
  })),
);

it("every source file is in a known layer", () => {
  const unknown = sourceFiles(SRC).filter((f) => place(f).layer < 0).map((f) => path.relative(SRC, f));
  expect(unknown).toEqual([]);
});

it("no module imports a higher layer", () => {
  const upward = imports.filter((i) => place(i.target).layer > place(i.source).layer).map((i) => `${i.from} -> ${i.to}`);
  expect(imports.length).toBeGreaterThan(100);
  expect(upward).toEqual([]);
});

it("no storage option imports another (shared code lives in src/storage/)", () => {
  const across = imports
    .filter((i) => {
      const [a, b] = [place(i.source).option, place(i.target).option];
      return a !== undefined && b !== undefined && a !== b;
    })
    .map((i) => `${i.from} -> ${i.to}`);
  expect(across).toEqual([]);
});
