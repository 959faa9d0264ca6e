#!/usr/bin/env node
/**
 * `prepack` of every package under packages/: puts what npm ships next to the built code into the
 * package directory (git ignores these copies). The README, changelog and licence are the
 * repository's. The bundled dependencies (jsii requires a non-jsii runtime dependency to be bundled)
 * are copied out of the workspace's hoisted node_modules, because `npm pack` bundles only what
 * physically sits in the package's own node_modules.
 */
const fs = require("fs");
const path = require("path");

const pkgDir = process.cwd();
const repoRoot = path.join(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));

for (const file of ["README.md", "CHANGELOG.md", "LICENSE"]) {
  fs.copyFileSync(path.join(repoRoot, file), path.join(pkgDir, file));
}
for (const dep of pkg.bundledDependencies ?? []) {
  const from = path.dirname(require.resolve(`${dep}/package.json`, { paths: [pkgDir] }));
  const to = path.join(pkgDir, "node_modules", dep);
  if (fs.existsSync(to) && fs.realpathSync(to) === fs.realpathSync(from)) continue;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, dereference: true });
}
