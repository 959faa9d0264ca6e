/**
 * What `npm pack` ships for each package, and the dependency declarations users install against:
 * only the built package (lib/ JavaScript and declarations, the jsii assembly), its API reference,
 * README, changelog and licence; yaml and ignore bundled in the core (jsii requires non-jsii runtime
 * dependencies to be); cdktf, constructs and each package's own provider bindings as peer
 * dependencies with ranges, so a user's own versions are used (an exact pin installs a second
 * `constructs` next to theirs). The cloud packages need the core at their own version: they are
 * released together and reach into its built lib/. The repository root is a private workspace root.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CORE_NAME, manifestOf, missingBuild, packageDir, PACKAGES, ROOT } from "./support/packages";
import { prerequisite } from "./support/prerequisites";

// npm's own range matcher (semver ships with npm and with the repository's tooling; it has no types here).
const { satisfies } = require("semver") as { satisfies(version: string, range: string): boolean };

const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const CDK_PEERS = ["cdktf", "constructs"];
const cases = PACKAGES.map((p) => [p.name, p] as const);

describe("package.json declarations", () => {
  it("the repository root is a private workspace root over exactly the packages, all at one version", () => {
    expect(root.private).toBe(true);
    expect(root.workspaces).toEqual(PACKAGES.map((p) => `packages/${p.workspace}`));
    expect(PACKAGES.map((p) => manifestOf(p).name)).toEqual(PACKAGES.map((p) => p.name));
    expect(new Set(PACKAGES.map((p) => manifestOf(p).version))).toEqual(new Set([root.version]));
  });

  it.each(cases)("%s takes cdktf, constructs and only its own provider bindings as peers with ranges", (name, p) => {
    const peers = manifestOf(p).peerDependencies as Record<string, string>;
    const ranged = Object.entries(peers).filter(([n]) => n !== CORE_NAME);
    expect(ranged.map(([n]) => n).sort()).toEqual([...CDK_PEERS, ...p.providers].sort());
    for (const [dep, range] of ranged) expect({ dep, range: /^[\^~>]/.test(range) }).toEqual({ dep, range: true });
    // The peers are what the repository tests against: the root's devDependencies satisfy them.
    for (const [dep, range] of ranged) expect({ dep, tested: satisfies(root.devDependencies[dep], range) }).toEqual({ dep, tested: true });
    if (name !== CORE_NAME) expect(peers[CORE_NAME]).toBe(root.version);
  });

  it.each(cases)("%s takes each peer as the devDependency jsii asks for, at the version the repository installs", (_name, p) => {
    const manifest = manifestOf(p);
    const expected = Object.fromEntries(Object.keys(manifest.peerDependencies).map((dep) => [dep, dep === CORE_NAME ? root.version : root.devDependencies[dep]]));
    expect(manifest.devDependencies).toEqual(expected);
  });

  it.each(cases)("%s depends at runtime only on what it bundles, and points main and types at its built entry", (name, p) => {
    const manifest = manifestOf(p);
    const bundled = name === CORE_NAME ? ["ignore", "yaml"] : [];
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(bundled);
    expect([...(manifest.bundledDependencies ?? [])].sort()).toEqual(bundled);
    expect({ main: manifest.main, types: manifest.types, private: manifest.private }).toEqual({ main: "lib/index.js", types: "lib/index.d.ts", private: undefined });
    expect(manifest.engines).toEqual(root.engines);
  });

  it.each(cases)("%s has a README of its own (npm's and PyPI's page): its name, its install line, the bindings it needs", (name, p) => {
    const readme = fs.readFileSync(path.join(packageDir(p), "README.md"), "utf8");
    expect(readme.startsWith(`# ${name}\n`)).toBe(true);
    expect(readme).toMatch(new RegExp(`^npm install .*\\b${name}\\b`, "m"));
    expect(readme).toMatch(new RegExp(`^pip install ${name}$`, "m"));
    for (const provider of p.providers) expect(readme).toContain(provider);
  });
});

(prerequisite(missingBuild()) ? describe : describe.skip)("npm pack", () => {
  const reports: Record<string, { files: string[]; bundled: string[] }> = {};
  beforeAll(() => {
    // With scripts: each package's prepack puts the licence, changelog and bundled dependencies in place.
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--workspaces"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    for (const r of JSON.parse(out)) reports[r.name] = { files: r.files.map((f: { path: string }) => f.path), bundled: r.bundled };
  }, 120_000);

  it.each(cases)("%s ships only its built code, assembly, API reference, docs and licence, and its bundled dependencies", (name) => {
    const allowed = /^(package\.json|README\.md|API\.md|CHANGELOG\.md|LICENSE|\.jsii|lib\/.+\.(js|d\.ts)|node_modules\/(yaml|ignore)\/.+)$/;
    const { files, bundled } = reports[name];
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    for (const f of ["lib/index.js", "lib/index.d.ts", ".jsii", "API.md", "README.md", "CHANGELOG.md", "LICENSE"]) expect(files).toContain(f);
    expect([...bundled].sort()).toEqual(name === CORE_NAME ? ["ignore", "yaml"] : []);
    if (name !== CORE_NAME) expect(files.filter((f) => f.startsWith("node_modules/"))).toEqual([]);
  });

  it("the core holds the command users run (npx prefect-code-storage plan), as an executable script", () => {
    const core = PACKAGES.find((p) => p.name === CORE_NAME)!;
    expect(manifestOf(core).bin).toEqual({ "prefect-code-storage": "lib/cli/main.js" });
    expect(reports[CORE_NAME].files).toContain("lib/cli/main.js");
    expect(fs.readFileSync(path.join(packageDir(core), "lib", "cli", "main.js"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
