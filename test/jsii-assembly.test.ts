/**
 * The public API as jsii compiled it, one assembly per package (`npm run build` writes each
 * package's `.jsii`; it fails on any jsii error or warning, so compiling at all is checked there).
 * This file checks what jsii does not:
 * - the split holds: the core references no provider bindings and no cloud package, each cloud
 *   package only the core and its own providers, and each assembly's dependencies (which jsii makes
 *   required peers, and the generated Python package requirements) are exactly those;
 * - every type, struct property and step is documented the way the README promises (`@default` on
 *   every optional prop, a summary on every type), since the API reference is generated from these;
 * - the typed steps cover every step definition, so a Python user reaches each one.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import * as aws from "../packages/core/src/prefect/steps/aws";
import * as azure from "../packages/core/src/prefect/steps/azure";
import * as core from "../packages/core/src/prefect/steps/core";
import * as docker from "../packages/core/src/prefect/steps/docker";
import * as gcp from "../packages/core/src/prefect/steps/gcp";
import { StepDefinition } from "../packages/core/src/prefect/steps/step";
import { CORE_NAME, missingBuild, packageDir, PACKAGES } from "./support/packages";
import { prerequisite } from "./support/prerequisites";

/** The assemblies each package may reference (and so depend on): the core, cdktf, constructs, its own providers. */
const allowedFor = (p: (typeof PACKAGES)[number]) => [...(p.name === CORE_NAME ? [] : [CORE_NAME]), "cdktf", "constructs", ...p.providers].sort();

interface TypeRef {
  fqn?: string;
  primitive?: string;
  collection?: { elementtype: TypeRef };
  union?: { types: TypeRef[] };
}
interface Member {
  name: string;
  optional?: boolean;
  static?: boolean;
  docs?: { summary?: string; default?: string };
  type?: TypeRef;
  returns?: { type: TypeRef };
  parameters?: Array<{ name: string; type: TypeRef }>;
}
interface JsiiType {
  fqn: string;
  kind: "class" | "interface" | "enum";
  datatype?: boolean;
  base?: string;
  interfaces?: string[];
  docs?: { summary?: string };
  properties?: Member[];
  methods?: Member[];
  initializer?: Member;
}

const run = prerequisite(missingBuild());
interface Assembly {
  name: string;
  readme?: { markdown: string };
  dependencies?: Record<string, string>;
  submodules?: Record<string, unknown>;
  types: Record<string, JsiiType>;
}
const assemblies: Record<string, Assembly> = run ? Object.fromEntries(PACKAGES.map((p) => [p.name, JSON.parse(fs.readFileSync(path.join(packageDir(p), ".jsii"), "utf8"))])) : {};
/** Every package's types, by FQN (`prefect-code-storage-aws.S3CodeStorage`). */
const types: Record<string, JsiiType> = Object.assign({}, ...Object.values(assemblies).map((a) => a.types));

function fqnsIn(ref: TypeRef | undefined): string[] {
  if (!ref) return [];
  if (ref.fqn) return [ref.fqn];
  if (ref.collection) return fqnsIn(ref.collection.elementtype);
  if (ref.union) return ref.union.types.flatMap(fqnsIn);
  return [];
}

function referencedBy(t: JsiiType): string[] {
  const members = [...(t.properties ?? []), ...(t.methods ?? []), ...(t.initializer ? [t.initializer] : [])];
  return [
    ...(t.base ? [t.base] : []),
    ...(t.interfaces ?? []),
    ...members.flatMap((m) => [...fqnsIn(m.type), ...fqnsIn(m.returns?.type), ...(m.parameters ?? []).flatMap((p) => fqnsIn(p.type))]),
  ];
}

(run ? describe : describe.skip)("the jsii assemblies", () => {
  it("are one per package, each named as its package, without submodules", () => {
    expect(Object.values(assemblies).map((a) => a.name)).toEqual(PACKAGES.map((p) => p.name));
    expect(Object.values(assemblies).filter((a) => a.submodules && Object.keys(a.submodules).length > 0).map((a) => a.name)).toEqual([]);
    expect(types[`${CORE_NAME}.Steps`]?.kind).toBe("class");
    expect(types["prefect-code-storage-aws.S3CodeStorage"]?.kind).toBe("class");
  });

  it.each(PACKAGES.map((p) => [p.name, p] as const))("%s carries its own README (npm's and PyPI's page come from it)", (name, p) => {
    const readme = assemblies[name].readme?.markdown ?? "";
    expect(readme.startsWith(`# ${name}\n`)).toBe(true);
    expect(readme).toBe(fs.readFileSync(path.join(packageDir(p), "README.md"), "utf8"));
  });

  it.each(PACKAGES.map((p) => [p.name, p] as const))("%s depends on and references only the core, cdktf, constructs and its own provider bindings", (name, p) => {
    expect(Object.keys(assemblies[name].dependencies ?? {}).sort()).toEqual(allowedFor(p));
    const referenced = new Set(Object.values(assemblies[name].types).flatMap((t) => referencedBy(t).map((ref) => ref.split(".")[0])));
    expect([...referenced].filter((a) => a !== name && !allowedFor(p).includes(a))).toEqual([]);
  });

  it("documents every type with a summary", () => {
    expect(Object.values(types).filter((t) => !t.docs?.summary).map((t) => t.fqn)).toEqual([]);
  });

  it("gives every optional struct property a @default", () => {
    const undocumented = Object.values(types)
      .filter((t) => t.kind === "interface" && t.datatype)
      .flatMap((t) => (t.properties ?? []).filter((p) => p.optional && p.docs?.default === undefined).map((p) => `${t.fqn}.${p.name}`));
    expect(undocumented).toEqual([]);
  });

  it("are the whole TypeScript API too: the entry points export nothing jsii leaves out, but the `template` tag and its type", () => {
    const TS_ONLY = ["template", "TemplateValue"];
    const files = PACKAGES.map((p) => path.join(packageDir(p), "src", "index.ts"));
    const config = ts.getParsedCommandLineOfConfigFile(path.join(packageDir(PACKAGES[0]), "..", "..", "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const program = ts.createProgram(files, { ...config.options, noEmit: true });
    const checker = program.getTypeChecker();
    // A helper tagged @internal is no API: it says so in its docs.
    const internal = (s: ts.Symbol) => (s.declarations ?? []).some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === "internal"));
    const extra = PACKAGES.flatMap((p, i) => {
      const symbol = checker.getSymbolAtLocation(program.getSourceFile(files[i])!)!;
      return checker
        .getExportsOfModule(symbol)
        .filter((s) => !types[`${p.name}.${s.name}`] && !TS_ONLY.includes(s.name) && !internal(s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s))
        .map((s) => `${p.name}: ${s.name}`);
    });
    expect(extra).toEqual([]);
  });

  it.each(PACKAGES.map((p) => [p.name, p] as const))("%s has its API reference (API.md, generated by the build) committed as generated, with every type", (name, p) => {
    const apiMd = fs.readFileSync(path.join(packageDir(p), "API.md"), "utf8");
    const own = Object.keys(assemblies[name].types);
    expect(own.length).toBeGreaterThan(3);
    expect(own.filter((fqn) => !apiMd.includes(`id="${fqn}"`))).toEqual([]);
    // The build rewrote API.md from this assembly: a difference from the committed file means it was not committed.
    const diff = spawnSync("git", ["diff", "--stat", "--", "API.md"], { cwd: packageDir(p), encoding: "utf8" });
    if (diff.status === 0) expect(diff.stdout).toBe("");
  });

  it("reaches every step definition through a static factory on Steps", () => {
    const factories = (types[`${CORE_NAME}.Steps`].methods ?? []).filter((m) => m.static).map((m) => m.name).sort();
    // Every step definition the step modules export, by its function's short name, camelCased.
    const fns = [aws, azure, core, docker, gcp].flatMap((module) =>
      Object.values(module as Record<string, unknown>).flatMap((v) => (v && typeof v === "object" && typeof (v as StepDefinition).fn === "string" ? [(v as StepDefinition).fn.split(".").pop()!] : [])),
    );
    const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const expected = fns.map((fn) => (fn === "set_working_directory" ? "workingDirectory" : camel(fn))).sort();
    expect(fns.length).toBe(12);
    expect(factories).toEqual(expected);
  });
});
