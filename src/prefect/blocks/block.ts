import { Fn, TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { ValidationErrors } from "../../validation/errors";
import { BlockName } from "../../validation/rules";
import { Block } from "../provider/block";
import { BlockRef } from "../template";

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
 * A Prefect block document created by Terraform (`prefect_block`). Subclasses fix the type slug
 * and type the data with the field names of Prefect's block schema (values may be Terraform
 * tokens, e.g. a key's secret attribute). Secrets reach the block from
 * resource attributes or sensitive variables, never as literals in code.
 */
export abstract class PrefectBlock<D extends object = object> extends Construct {
  readonly blockName: string;
  readonly typeSlug: string;
  /** The data as given, before JSON encoding; for tests and inspection. */
  readonly data: D;
  readonly resource: Block;

  protected constructor(scope: Construct, id: string, typeSlug: string, options: PrefectBlockOptions, data: D) {
    super(scope, id);
    const errors = new ValidationErrors();
    if (Token.isUnresolved(options.name)) {
      errors.add("name", options.name, "BlockName", "must be known at synth time: prefect.yaml references it by name");
    }
    errors.check(BlockName, "name", options.name);
    if (options.writeOnlyVersion !== undefined && !options.writeOnly) {
      errors.add("writeOnlyVersion", options.writeOnlyVersion, "BlockWriteOnly", "only applies with writeOnly: true", "set writeOnly: true or drop writeOnlyVersion");
    }
    errors.report(this);

    this.blockName = options.name;
    this.typeSlug = typeSlug;
    this.data = data;
    const json = Fn.jsonencode(withoutUndefined(data));
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
  ref(): BlockRef {
    return new BlockRef(this.typeSlug, this.blockName, undefined, this.resolvesToValue);
  }

  /** `{{ prefect.blocks.<slug>.<name>.<field> }}`: one field of the block. */
  fieldRef(field: keyof D & string): BlockRef {
    return new BlockRef(this.typeSlug, this.blockName, field);
  }

  /** Whether a reference to the whole block yields a plain value (Secret blocks) rather than a dict. */
  protected get resolvesToValue(): boolean {
    return false;
  }
}

function withoutUndefined(data: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}
