/**
 * What `npm pack` ships, and the dependency declarations users install against: only the built
 * package (lib/ JavaScript and declarations, the jsii assembly), the README, changelog and licence,
 * with yaml and ignore bundled (jsii requires non-jsii runtime dependencies to be); and cdktf,
 * constructs and the provider packages as peer dependencies with ranges, so a user's own versions
 * are used (an exact pin installs a second `constructs` next to theirs).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { prerequisite } from "./support/prerequisites";

const ROOT = path.join(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const built = fs.existsSync(path.join(ROOT, "lib", "all.js")) && fs.existsSync(path.join(ROOT, ".jsii"));

describe("package.json declarations", () => {
  it("takes cdktf, constructs and the provider bindings as peer dependencies with ranges", () => {
    const peers = pkg.peerDependencies as Record<string, string>;
    expect(Object.keys(peers).sort()).toEqual(
      ["@cdktf/provider-aws", "@cdktf/provider-azurerm", "@cdktf/provider-github", "@cdktf/provider-gitlab", "@cdktf/provider-google", "cdktf", "constructs"].sort(),
    );
    for (const [name, range] of Object.entries(peers)) expect({ name, range: /^[\^~>]/.test(range) }).toEqual({ name, range: true });
  });

  it("depends at runtime only on what it bundles", () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["ignore", "yaml"]);
    expect([...pkg.bundledDependencies].sort()).toEqual(["ignore", "yaml"]);
  });

  it("points main and types at the built jsii entry", () => {
    expect({ main: pkg.main, types: pkg.types }).toEqual({ main: "lib/all.js", types: "lib/all.d.ts" });
  });
});

(prerequisite(built ? undefined : "lib/ and .jsii are missing: run npm run build first") ? describe : describe.skip)("npm pack", () => {
  let files: string[];
  let bundled: string[];
  beforeAll(() => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const [report] = JSON.parse(out);
    files = report.files.map((f: { path: string }) => f.path);
    bundled = report.bundled;
  }, 60_000);

  it("ships only the built package, its docs and licence, and the bundled dependencies", () => {
    const allowed = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|\.jsii|lib\/.+\.(js|d\.ts)|node_modules\/(yaml|ignore)\/.+)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    expect([...bundled].sort()).toEqual(["ignore", "yaml"]);
  });

  it("holds the command users run (npx prefect-code-storage plan), as an executable script", () => {
    expect(pkg.bin).toEqual({ "prefect-code-storage": "lib/cli/main.js" });
    expect(files).toContain("lib/cli/main.js");
    expect(fs.readFileSync(path.join(ROOT, "lib", "cli", "main.js"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("holds every entry point, the assembly and the licence", () => {
    for (const f of ["lib/all.js", "lib/all.d.ts", "lib/index.js", "lib/aws.js", "lib/google.js", "lib/azure.js", "lib/git.js", ".jsii", "LICENSE", "README.md"]) {
      expect(files).toContain(f);
    }
  });
});
