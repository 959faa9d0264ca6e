#!/usr/bin/env node
/**
 * `prepack` of every package under packages/: puts what npm ships next to the built code into the
 * package directory (git ignores these copies). The changelog and licence are the repository's (each
 * package has a README of its own, which jsii also reads). The bundled dependencies (jsii requires a
 * non-jsii runtime dependency to be bundled) are copied out of the workspace's hoisted node_modules,
 * because `npm pack` bundles only what physically sits in the package's own node_modules. A copy of
 * the same version is kept, so packs running side by side never delete what another is reading.
 */
const fs = require("fs");
const path = require("path");

const pkgDir = process.cwd();
const repoRoot = path.join(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
const versionAt = (dir) => (fs.existsSync(path.join(dir, "package.json")) ? JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version : undefined);

for (const file of ["CHANGELOG.md", "LICENSE"]) {
  fs.copyFileSync(path.join(repoRoot, file), path.join(pkgDir, file));
}
for (const dep of pkg.bundledDependencies ?? []) {
  const to = path.join(pkgDir, "node_modules", dep);
  const from = path.dirname(require.resolve(`${dep}/package.json`, { paths: [repoRoot] }));
  if (versionAt(to) === versionAt(from)) continue;
  // Copy beside it, then swap it in with one rename.
  const staging = `${to}.${process.pid}`;
  fs.cpSync(from, staging, { recursive: true, dereference: true });
  fs.rmSync(to, { recursive: true, force: true });
  fs.renameSync(staging, to);
}
