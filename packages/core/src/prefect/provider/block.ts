// Hand-written binding for `prefect_block`: config interface + attribute table (synthesized by resource.ts).
// See provider.ts for why it is hand-written and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";
import { AttributeTable, PrefectResource } from "./resource";

/** Configuration of a `prefect_block` resource: the block document's name, type and data. */
export interface BlockConfig extends cdktf.TerraformMetaArguments {
  /** Block document name (`^[a-z0-9-]+$`); changing it replaces the block. */
  readonly name: string;
  /** Slug of a block type already registered on the server (e.g. `aws-credentials`); changing it replaces the block. */
  readonly typeSlug: string;
  /**
   * Prefect Cloud account ID, overriding the provider's.
   * @default - the provider's account
   */
  readonly accountId?: string;
  /**
   * Block data as a JSON string. Sensitive, but still stored in Terraform state: prefer `dataWo` for secrets.
   * @default - none: the block is created without data (unless `dataWo` is set)
   */
  readonly data?: string;
  /**
   * Block data as a JSON string; sensitive and write-only (Terraform >= 1.11): sent to the server, kept out of plan and state.
   * Terraform cannot diff it, so bump `dataWoVersion` to push a change.
   * @default - none: the block's data comes from `data`, if set
   */
  readonly dataWo?: string;
  /**
   * Change (bump) this to make Terraform re-send `dataWo`.
   * @default - none: `dataWo` is sent only when the block is created
   */
  readonly dataWoVersion?: number;
  /**
   * Prefect Cloud workspace ID, overriding the provider's.
   * @default - the provider's workspace
   */
  readonly workspaceId?: string;
}

const ATTRIBUTES: AttributeTable<BlockConfig> = {
  name: { name: "name", kind: "string" },
  typeSlug: { name: "type_slug", kind: "string" },
  accountId: { name: "account_id", kind: "string" },
  data: { name: "data", kind: "string" },
  dataWo: { name: "data_wo", kind: "string" },
  dataWoVersion: { name: "data_wo_version", kind: "number" },
  workspaceId: { name: "workspace_id", kind: "string" },
};

/**
 * A Prefect block document (`prefect_block`). Its `id` is what `{"$ref": {"block_document_id": ...}}` in another
 * block's data points at.
 */
export class Block extends PrefectResource<BlockConfig> {
  public static readonly tfResourceType = "prefect_block";

  public constructor(scope: Construct, id: string, config: BlockConfig) {
    super(scope, id, Block.tfResourceType, config, ATTRIBUTES);
  }

  public get name(): string {
    return this.getStringAttribute("name");
  }
  public get typeSlug(): string {
    return this.getStringAttribute("type_slug");
  }

  // Inputs as given (generated bindings' `<attr>Input`): plain values for synth-time checks, where the getters above are tokens.
  public get nameInput(): string {
    return this._config.name;
  }
  public get typeSlugInput(): string {
    return this._config.typeSlug;
  }
}
