import { Fn, TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { ValidationErrors } from "../../validation/errors";
import { BlockName } from "../../validation/rules";
import { Block } from "../provider/block";
import { BlockRef } from "../template";
import { CHECKS } from "../../validation/checks";

/** Options every typed block shares. */
export interface PrefectBlockOptions {
  /** Block document name, referenced from prefect.yaml; `^[a-z0-9-]+$`. */
  readonly name: string;
  /**
   * Send the data through `data_wo`, a write-only attribute (Terraform >= 1.11) that never enters
   * Terraform state or plan output. Terraform cannot see drift in it: a change reaches Prefect only
   * when `writeOnlyVersion` is bumped.
   * @default false (the data goes to `data`, which the provider marks sensitive but keeps in state)
   */
  readonly writeOnly?: boolean;
  /**
   * With `writeOnly`, the `data_wo_version` to send; bump it to push changed data (e.g. a rotated key).
   * @default 1
   */
  readonly writeOnlyVersion?: number;
  /** @default the stack's default Prefect provider */
  readonly provider?: TerraformProvider;
}

/**
 * For each camelCase field of a block's data struct, the field's name in Prefect's block schema, or
 * for a nested struct its name and its own table. One table per block type (tested against the schemas).
 */
export type BlockFieldNames = {
  readonly [field: string]: string | { readonly name: string; readonly fields: BlockFieldNames };
};

/**
 * A Prefect block document created by Terraform (`prefect_block`). Subclasses fix the type slug and
 * type the data in camelCase; a table per block type maps it to the field names of Prefect's block
 * schema. Values may be Terraform tokens, e.g. a key's secret attribute: secrets reach the block from
 * resource attributes or sensitive variables, never as literals in code.
 */
export abstract class PrefectBlock extends Construct {
  readonly blockName: string;
  readonly typeSlug: string;
  readonly resource: Block;
  private readonly fieldNames: BlockFieldNames;

  /**
   * @param fieldNames for each camelCase field of `data`, Prefect's field name, or for a nested
   * struct `{ name, fields }` with its own table
   */
  protected constructor(scope: Construct, id: string, typeSlug: string, options: PrefectBlockOptions, data: any, fieldNames: { [field: string]: any }) {
    super(scope, id);
    const errors = new ValidationErrors();
    if (Token.isUnresolved(options.name)) {
      errors.add("name", options.name, BlockName, "must be known at synth time: prefect.yaml references it by name");
    }
    errors.check(BlockName, "name", options.name);
    if (options.writeOnlyVersion !== undefined && !options.writeOnly) {
      errors.add("writeOnlyVersion", options.writeOnlyVersion, CHECKS.BlockWriteOnly, "only applies with writeOnly: true", "set writeOnly: true or drop writeOnlyVersion");
    }
    const prefectData = toPrefectNames(data, fieldNames as BlockFieldNames, "data", errors);
    errors.report(this);

    this.blockName = options.name;
    this.typeSlug = typeSlug;
    this.fieldNames = fieldNames as BlockFieldNames;
    const json = Fn.jsonencode(prefectData);
    this.resource = new Block(this, "block", {
      name: options.name,
      typeSlug,
      provider: options.provider,
      ...(options.writeOnly
        ? { dataWo: json, dataWoVersion: options.writeOnlyVersion ?? 1 }
        : { data: json }),
    });
  }

  /** `{{ prefect.blocks.<slug>.<name> }}`: the whole block, as steps' `credentials` expect. */
  reference(): BlockRef {
    return new BlockRef(this.typeSlug, this.blockName, undefined, this.resolvesToValue);
  }

  /**
   * `{{ prefect.blocks.<slug>.<name>.<field> }}`: one field of the block, named in camelCase
   * (`awsAccessKeyId`) or as in Prefect (`aws_access_key_id`).
   */
  fieldReference(field: string): BlockRef {
    const known = Object.entries(this.fieldNames).map(([camel, to]) => [camel, typeof to === "string" ? to : to.name]);
    const match = known.find(([camel, prefect]) => field === camel || field === prefect);
    if (!match) throw new Error(`A ${this.typeSlug} block has no field "${field}" (it has ${known.map(([c]) => c).join(", ")}).`);
    return new BlockRef(this.typeSlug, this.blockName, match[1]);
  }

  /** Whether a reference to the whole block yields a plain value (Secret blocks) rather than a dict. */
  protected get resolvesToValue(): boolean {
    return false;
  }
}

/** The data with Prefect's field names, unset fields dropped; unknown fields (JS callers skip the types) reported. */
function toPrefectNames(data: object, names: BlockFieldNames, where: string, errors: ValidationErrors): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data ?? {})) {
    if (value === undefined) continue;
    const to = Object.prototype.hasOwnProperty.call(names, key) ? names[key] : undefined;
    if (to === undefined) {
      const fields = Object.keys(names);
      errors.add(`${where}.${key}`, "(not shown)", CHECKS.BlockData, `is not a field of this block (it has ${fields.join(", ")})`, "use the camelCase field names of the block's data struct");
    } else if (typeof to === "string") out[to] = value;
    else out[to.name] = Token.isUnresolved(value) ? value : toPrefectNames(value, to.fields, `${where}.${key}`, errors);
  }
  return out;
}
