// What every hand-written Prefect binding shares (see provider.ts for why they are hand-written).
// A binding is a documented config interface plus an attribute table: for each config property, the
// Terraform attribute it becomes and its kind. The functions below turn that table into the two views
// cdktf asks a resource for, with the same cdktf converters `cdktf get` output calls longhand per attribute:
// synthesizeAttributes() (Terraform JSON, the default) and synthesizeHclAttributes() (`synthHcl`).

import { Construct } from "constructs";
import * as cdktf from "cdktf";

/**
 * Written into required_providers. No providerVersion: cdktf prefers it over the constraint, and we want the range.
 * Shared by the provider and every resource, as in generated bindings.
 */
export const PREFECT_GENERATOR_METADATA: cdktf.TerraformProviderGeneratorMetadata = {
  providerName: "prefect",
  providerVersionConstraint: "~> 3.4",
};

/** What cdktf's HCL renderer takes per attribute: the value plus how to print it. */
export interface HclAttribute {
  readonly value: unknown;
  readonly isBlock: false;
  readonly type: string;
  readonly storageClassType: string;
}

function hcl(value: unknown, storageClassType: string, type = "simple"): HclAttribute {
  return { value, isBlock: false, type, storageClassType };
}

/** How one kind of value reaches Terraform, in JSON and in HCL. */
export interface Converter {
  toTerraform(value: any): any;
  toHclTerraform(value: any): HclAttribute;
}

/**
 * The schema types the Prefect provider uses for plain attributes. Every string list it has is a set
 * (tags), hence HCL type "set"; "dynamic" is `prefect_variable.value`.
 */
export type Kind = "string" | "number" | "boolean" | "stringList" | "stringMap" | "dynamic";

const KINDS: Record<Kind, Converter> = {
  string: { toTerraform: cdktf.stringToTerraform, toHclTerraform: (v) => hcl(cdktf.stringToHclTerraform(v), "string") },
  number: { toTerraform: cdktf.numberToTerraform, toHclTerraform: (v) => hcl(cdktf.numberToHclTerraform(v), "number") },
  boolean: { toTerraform: cdktf.booleanToTerraform, toHclTerraform: (v) => hcl(cdktf.booleanToHclTerraform(v), "boolean") },
  stringList: {
    toTerraform: cdktf.listMapper(cdktf.stringToTerraform, false),
    toHclTerraform: (v) => hcl(cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(v), "stringList", "set"),
  },
  stringMap: {
    toTerraform: cdktf.hashMapper(cdktf.stringToTerraform),
    toHclTerraform: (v) => hcl(cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(v), "stringMap", "map"),
  },
  dynamic: { toTerraform: cdktf.anyToTerraform, toHclTerraform: hclDynamic },
};

/**
 * HCL has no "dynamic" storage class: describe the value by its own JS type so top-level strings stay quoted.
 * Inside objects cdktf's HCL renderer guesses (`"123"` comes out as `123`); JSON synthesis, the default, is exact.
 */
function hclDynamic(value: unknown): HclAttribute {
  switch (typeof value) {
    case "string":
      return hcl(value, "string");
    case "number":
      return hcl(value, "number");
    case "boolean":
      return hcl(value, "boolean");
    default:
      return hcl(cdktf.anyToHclTerraform(value), "any", "any");
  }
}

// Nested attributes (the provider's "Attributes" types) are not blocks: generated code marks them isBlock: true,
// which renders `x { ... }` in HCL and Terraform rejects as an unsupported block. Kept isBlock: false they
// render as `x = [...]` / `x = {...}`.

/** A list of nested objects (`pull_steps`), each converted by the struct's own converters. */
export function nestedList(toTerraform: cdktf.Mapper, toHclTerraform: cdktf.Mapper, storageClassType: string): Converter {
  return {
    toTerraform: cdktf.listMapper(toTerraform, false),
    toHclTerraform: (v) => hcl(cdktf.listMapperHcl(toHclTerraform, false)(v), storageClassType, "list"),
  };
}

/** One nested object (`concurrency_options`): HCL takes its Terraform JSON as an "any" value. */
export function nestedObject(toTerraform: cdktf.Mapper, storageClassType: string): Converter {
  return { toTerraform, toHclTerraform: (v) => hcl(toTerraform(v), storageClassType, "any") };
}

/** One config property's Terraform attribute: its snake_case name and kind. */
export interface Attribute {
  readonly name: string;
  readonly kind: Kind | Converter;
}

/**
 * Every property of config type C except Terraform's meta-arguments (which TerraformResource renders itself),
 * in the order the attributes are synthesized. Mapped over C, so a property missing here is a compile error.
 */
export type AttributeTable<C> = {
  readonly [K in keyof C as K extends keyof cdktf.TerraformMetaArguments ? never : K]-?: Attribute;
};

function converter(kind: Kind | Converter): Converter {
  return typeof kind === "string" ? KINDS[kind] : kind;
}

function entries<C>(table: AttributeTable<C>): [keyof C, Attribute][] {
  return Object.entries(table) as [keyof C, Attribute][];
}

/** synthesizeAttributes(): every attribute, unset ones as undefined (cdktf drops those from the JSON). */
export function attributesToTerraform<C>(table: AttributeTable<C>, config: C): { [name: string]: any } {
  const attrs: { [name: string]: any } = {};
  for (const [key, { name, kind }] of entries(table)) attrs[name] = converter(kind).toTerraform(config[key]);
  return attrs;
}

/** synthesizeHclAttributes(): descriptors of the set attributes only (the HCL renderer does not skip undefined). */
export function attributesToHclTerraform<C>(table: AttributeTable<C>, config: C): { [name: string]: any } {
  const attrs: { [name: string]: HclAttribute } = {};
  for (const [key, { name, kind }] of entries(table)) {
    const attr = converter(kind).toHclTerraform(config[key]);
    if (attr.value !== undefined) attrs[name] = attr;
  }
  return attrs;
}

/** A nested struct's converter (generated `<struct>ToTerraform` shape): tokens pass through unconverted. */
function convertStruct<S>(struct: S | cdktf.IResolvable | undefined, convert: (s: S) => any): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return convert(struct as S);
}

export function structToTerraform<S>(table: AttributeTable<S>, struct: S | cdktf.IResolvable | undefined): any {
  return convertStruct(struct, (s) => attributesToTerraform(table, s));
}

export function structToHclTerraform<S>(table: AttributeTable<S>, struct: S | cdktf.IResolvable | undefined): any {
  return convertStruct(struct, (s) => attributesToHclTerraform(table, s));
}

/**
 * Base of every `prefect_*` resource: passes the meta-arguments (provider, count, for_each, ...) to
 * TerraformResource, synthesizes the config through the subclass's attribute table, and exposes the
 * computed attributes all Prefect resources have.
 */
/** @internal */
export abstract class PrefectResource<C extends cdktf.TerraformMetaArguments> extends cdktf.TerraformResource {
  protected constructor(
    scope: Construct,
    id: string,
    terraformResourceType: string,
    protected readonly _config: C,
    private readonly _attributes: AttributeTable<C>,
  ) {
    super(scope, id, {
      terraformResourceType,
      terraformGeneratorMetadata: PREFECT_GENERATOR_METADATA,
      provider: _config.provider,
      dependsOn: _config.dependsOn,
      count: _config.count,
      lifecycle: _config.lifecycle,
      provisioners: _config.provisioners,
      connection: _config.connection,
      forEach: _config.forEach,
    });
  }

  /** Server-assigned ID (settable only on `prefect_deployment_schedule`). */
  public get id(): string {
    return this.getStringAttribute("id");
  }
  public get created(): string {
    return this.getStringAttribute("created");
  }
  public get updated(): string {
    return this.getStringAttribute("updated");
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return attributesToTerraform(this._attributes, this._config);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return attributesToHclTerraform(this._attributes, this._config);
  }
}
