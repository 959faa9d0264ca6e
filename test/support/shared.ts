/**
 * Prefect's own schemas and signatures, read from ../shared/prefect/ (never copied into the repo),
 * and checks built on them: a prefect.yaml against Prefect's JSON Schema and step signatures,
 * block data against the block schemas.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import Ajv from "ajv";

export const SHARED_PREFECT_DIR = path.resolve(__dirname, "..", "..", "..", "shared", "prefect");

export function readShared<T = any>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(SHARED_PREFECT_DIR, file), "utf8"));
}

interface StepSignature {
  params: Array<{ name: string; required: boolean; default: string | null }>;
  varkw: string | null;
}

const stepSignatures = readShared<Record<string, StepSignature>>("step-signatures.json");
const blockTypes = readShared<{ block_types: Record<string, { fields: any }> }>("block-schemas.json").block_types;

const validatePrefectYaml = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(readShared("prefect.yaml.schema.json"));

/** Problems with a parsed prefect.yaml per Prefect's JSON Schema (empty when valid). */
export function prefectYamlSchemaErrors(doc: unknown): string[] {
  if (validatePrefectYaml(doc)) return [];
  return (validatePrefectYaml.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Every step of a parsed prefect.yaml, with where it sits. */
export function stepsOf(doc: any): Array<{ where: string; step: Record<string, any> }> {
  const out: Array<{ where: string; step: Record<string, any> }> = [];
  const sections = (owner: any, prefix: string) => {
    for (const s of ["build", "push", "pull"]) {
      (owner?.[s] ?? []).forEach((step: any, i: number) => out.push({ where: `${prefix}${s}[${i}]`, step }));
    }
  };
  sections(doc, "");
  (doc.deployments ?? []).forEach((d: any, i: number) => sections(d, `deployments[${i}].`));
  return out;
}

/** Parameter names of a step function per step-signatures.json (empty for an unknown function). */
export function stepParameters(fn: string): string[] {
  return (stepSignatures[fn]?.params ?? []).map((p) => p.name);
}

/**
 * Problems with one step per Prefect's rules: exactly one key, a known function, `id`/`requires`
 * reserved, every other key a parameter of the function, every required parameter present.
 */
export function stepSignatureErrors(step: Record<string, any>): string[] {
  const keys = Object.keys(step);
  if (keys.length !== 1) return [`a step must have exactly one key, got ${keys.join(", ")}`];
  const fn = keys[0];
  const sig = stepSignatures[fn];
  if (!sig) return [`unknown step function ${fn}`];
  const kwargs = step[fn] ?? {};
  const params = new Set(sig.params.map((p) => p.name));
  const errors: string[] = [];
  for (const k of Object.keys(kwargs)) {
    if (k !== "id" && k !== "requires" && !params.has(k) && !sig.varkw) errors.push(`${fn} has no parameter ${k}`);
  }
  for (const p of sig.params) if (p.required && !(p.name in kwargs)) errors.push(`${fn} requires ${p.name}`);
  return errors;
}

const blockAjv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

/**
 * Problems with block data per the block type's schema: unknown fields (the schemas allow extra
 * properties, Prefect would silently drop them) and type/required errors.
 */
export function blockDataErrors(typeSlug: string, data: Record<string, unknown>): string[] {
  const type = blockTypes[typeSlug];
  if (!type) return [`unknown block type ${typeSlug}`];
  const fields = type.fields;
  const errors = Object.keys(data)
    .filter((k) => !(k in (fields.properties ?? {})))
    .map((k) => `${typeSlug} has no field ${k}`);
  const validate = blockAjv.compile({ ...fields, $schema: undefined });
  if (!validate(data)) errors.push(...(validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  return errors;
}

export function blockSchema(typeSlug: string): { properties: Record<string, any>; required?: string[] } {
  return blockTypes[typeSlug].fields;
}

/** Placeholders `{{ prefect.blocks.<slug>.<name>[.<field>] }}` found in any string of a document. */
export function blockReferences(doc: unknown): Array<{ slug: string; name: string; field?: string }> {
  const refs: Array<{ slug: string; name: string; field?: string }> = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") {
      for (const m of v.matchAll(/\{\{\s*prefect\.blocks\.([a-z0-9-]+)\.([a-z0-9-]+)(?:\.([A-Za-z0-9_]+))?\s*\}\}/g)) {
        refs.push({ slug: m[1], name: m[2], field: m[3] });
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(doc);
  return refs;
}

/** A block's field table: Prefect's name for each camelCase field, nested structs as `{ name, fields }`. */
export type BlockFieldTable = { [field: string]: string | { name: string; fields: BlockFieldTable } };

/** camelCase block data renamed through a block class's field table (its `FIELDS`), as the prefect_block's JSON holds it. */
export function withPrefectFieldNames(data: object, table: BlockFieldTable): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => {
        const to = table[k];
        if (to === undefined) throw new Error(`the block's field table has no ${k}`);
        return typeof to === "string" ? [to, v] : [to.name, withPrefectFieldNames(v as object, to.fields)];
      }),
  );
}

/**
 * A typed block's data under Prefect's field names (through its class's `FIELDS`), with every
 * Terraform token replaced by a sample string, as Terraform would fill it in: for blockDataErrors.
 */
export function sampleBlockData(block: { readonly data: object }): Record<string, unknown> {
  const table = (block.constructor as unknown as { FIELDS?: BlockFieldTable }).FIELDS;
  if (!table) throw new Error(`${block.constructor.name} has no FIELDS table`);
  const data = withPrefectFieldNames(block.data, table);
  return JSON.parse(JSON.stringify(data, (_k, v) => (typeof v === "string" && v.includes("${") ? "sample" : v)));
}
