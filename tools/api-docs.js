#!/usr/bin/env node
/**
 * Writes API.md for the package in the current directory from its jsii assembly (`npm run build`).
 * jsii-docgen's own command looks for the dependencies' assemblies under the package's node_modules,
 * where npm workspaces never put them (they are hoisted to the repository's), so this hands it a
 * directory with exactly the assemblies the package's type system spans.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { Documentation, Language } = require("jsii-docgen");

async function main() {
  const pkgDir = process.cwd();
  const own = JSON.parse(fs.readFileSync(path.join(pkgDir, ".jsii"), "utf8"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "api-docs-"));
  try {
    const linked = new Set();
    const link = (name, assemblyFile) => {
      if (linked.has(name)) return;
      linked.add(name);
      const at = path.join(dir, String(linked.size));
      fs.mkdirSync(at);
      fs.symlinkSync(fs.realpathSync(assemblyFile), path.join(at, ".jsii"));
      const assembly = JSON.parse(fs.readFileSync(assemblyFile, "utf8"));
      for (const dep of Object.keys(assembly.dependencies ?? {})) {
        const depDir = path.dirname(require.resolve(`${dep}/package.json`, { paths: [path.dirname(assemblyFile)] }));
        link(dep, path.join(depDir, ".jsii"));
      }
    };
    link(own.name, path.join(pkgDir, ".jsii"));
    const docs = await Documentation.forAssembly(own.name, dir);
    const markdown = await docs.toMarkdown({ language: Language.TYPESCRIPT, allSubmodules: true });
    fs.writeFileSync(path.join(pkgDir, "API.md"), markdown.render());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
