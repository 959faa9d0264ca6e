/**
 * The public API as jsii compiled it (`npm run build` writes `.jsii`; it fails on any jsii error or
 * warning, so compiling at all is checked there). This file checks what jsii does not:
 * - the future package split is a move: the core (the assembly's root) references no provider
 *   bindings and no cloud submodule, and each cloud references only the core and its own providers;
 * - every type, struct property and step is documented the way the README promises (`@default` on
 *   every optional prop, a summary on every type), since the API reference is generated from these;
 * - the typed steps cover every step definition, so a Python user reaches each one.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import * as aws from "../src/prefect/steps/aws";
import * as azure from "../src/prefect/steps/azure";
import * as core from "../src/prefect/steps/core";
import * as docker from "../src/prefect/steps/docker";
import * as gcp from "../src/prefect/steps/gcp";
import { StepDefinition } from "../src/prefect/steps/step";
import { prerequisite } from "./support/prerequisites";

const ROOT = path.join(__dirname, "..");
const ASSEMBLY = path.join(ROOT, ".jsii");
const PACKAGE = "prefect-code-storage";

/** Which foreign assemblies each part of the API may reference: the split packages' dependencies. */
const ALLOWED: Record<string, string[]> = {
  "": ["cdktf", "constructs"],
  aws: ["cdktf", "constructs", "@cdktf/provider-aws"],
  google: ["cdktf", "constructs", "@cdktf/provider-google"],
  azure: ["cdktf", "constructs", "@cdktf/provider-azurerm"],
  git: ["cdktf", "constructs", "@cdktf/provider-github", "@cdktf/provider-gitlab"],
};

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

const missing = !fs.existsSync(ASSEMBLY) ? "the jsii assembly (.jsii) is missing: run npm run build first" : undefined;
const run = prerequisite(missing);
const types: Record<string, JsiiType> = run ? JSON.parse(fs.readFileSync(ASSEMBLY, "utf8")).types : {};

/** `""` for the root (the core package), else the cloud submodule. */
const partOf = (fqn: string) => (fqn.startsWith(`${PACKAGE}.`) ? (fqn.slice(PACKAGE.length + 1).match(/^(aws|google|azure|git)\./)?.[1] ?? "") : undefined);

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

(run ? describe : describe.skip)("the jsii assembly", () => {
  it("has the core at the root and one submodule per cloud", () => {
    const parts = new Set(Object.keys(types).map(partOf));
    expect([...parts].sort()).toEqual(["", "aws", "azure", "git", "google"]);
    expect(types[`${PACKAGE}.Steps`]?.kind).toBe("class");
    expect(types[`${PACKAGE}.aws.S3CodeStorage`]?.kind).toBe("class");
  });

  it("splits into packages by moving submodules: each part references only the core, itself and its own providers", () => {
    const crossings = Object.values(types).flatMap((t) => {
      const part = partOf(t.fqn)!;
      return referencedBy(t)
        .filter((ref) => {
          const refPart = partOf(ref);
          if (refPart !== undefined) return refPart !== "" && refPart !== part;
          return !ALLOWED[part].includes(ref.split(".")[0]);
        })
        .map((ref) => `${t.fqn} -> ${ref}`);
    });
    expect(crossings).toEqual([]);
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

  it("is the whole TypeScript API too: the entry points export nothing jsii leaves out, but the `template` tag and its type", () => {
    const TS_ONLY = ["template", "TemplateValue"];
    const entries = { "": "index", aws: "aws", google: "google", azure: "azure", git: "git" };
    const files = Object.values(entries).map((f) => path.join(ROOT, "src", `${f}.ts`));
    const program = ts.createProgram(files, { esModuleInterop: true, skipLibCheck: true, noEmit: true });
    const checker = program.getTypeChecker();
    const extra = Object.entries(entries).flatMap(([part, file]) => {
      const symbol = checker.getSymbolAtLocation(program.getSourceFile(path.join(ROOT, "src", `${file}.ts`))!)!;
      const prefix = part ? `${PACKAGE}.${part}.` : `${PACKAGE}.`;
      // A helper the cloud modules share, tagged @internal, stays importable by them (after the
      // package split, by deep import) but is no API: it says so in its docs.
      const internal = (s: ts.Symbol) => (s.declarations ?? []).some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === "internal"));
      return checker
        .getExportsOfModule(symbol)
        .filter((s) => !types[prefix + s.name] && !TS_ONLY.includes(s.name) && !internal(s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s))
        .map((s) => `${file}: ${s.name}`);
    });
    expect(extra).toEqual([]);
  });

  it("has its API reference (API.md, generated by the build) committed as generated, with every type", () => {
    const apiMd = fs.readFileSync(path.join(ROOT, "API.md"), "utf8");
    expect(Object.keys(types).filter((fqn) => !apiMd.includes(`id="${fqn}"`))).toEqual([]);
    // The build rewrote API.md from this assembly: a difference from the committed file means it was not committed.
    const diff = spawnSync("git", ["diff", "--stat", "--", "API.md"], { cwd: ROOT, encoding: "utf8" });
    if (diff.status === 0) expect(diff.stdout).toBe("");
  });

  it("reaches every step definition through a static factory on Steps", () => {
    const factories = (types[`${PACKAGE}.Steps`].methods ?? []).filter((m) => m.static).map((m) => m.name).sort();
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
