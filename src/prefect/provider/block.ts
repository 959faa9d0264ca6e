// Hand-written binding for `prefect_block`; see provider.ts for why and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";

export interface BlockConfig extends cdktf.TerraformMetaArguments {
  /** Block document name (`^[a-z0-9-]+$`); changing it replaces the block. */
  readonly name: string;
  /** Slug of a block type already registered on the server (e.g. `aws-credentials`); changing it replaces the block. */
  readonly typeSlug: string;
  /** Prefect Cloud account ID, overriding the provider's. */
  readonly accountId?: string;
  /** Block data as a JSON string. Sensitive, but still stored in Terraform state: prefer `dataWo` for secrets. */
  readonly data?: string;
  /**
   * Block data as a JSON string; sensitive and write-only (Terraform >= 1.11): sent to the server, kept out of plan and state.
   * Terraform cannot diff it, so bump `dataWoVersion` to push a change.
   */
  readonly dataWo?: string;
  /** Change (bump) this to make Terraform re-send `dataWo`. */
  readonly dataWoVersion?: number;
  /** Prefect Cloud workspace ID, overriding the provider's. */
  readonly workspaceId?: string;
}

/** HCL-synthesis descriptor, as generated bindings write out longhand for every attribute. */
function hcl(value: unknown, storageClassType: string, type = "simple") {
  return { value, isBlock: false, type, storageClassType };
}

/** A Prefect block document (`prefect_block`). */
export class Block extends cdktf.TerraformResource {
  public static readonly tfResourceType = "prefect_block";

  private readonly _config: BlockConfig;

  public constructor(scope: Construct, id: string, config: BlockConfig) {
    super(scope, id, {
      terraformResourceType: "prefect_block",
      terraformGeneratorMetadata: { providerName: "prefect", providerVersionConstraint: "~> 3.4" },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this._config = config;
  }

  /** Block document ID: what `{"$ref": {"block_document_id": ...}}` in another block's data points at. */
  public get id(): string {
    return this.getStringAttribute("id");
  }
  public get name(): string {
    return this.getStringAttribute("name");
  }
  public get typeSlug(): string {
    return this.getStringAttribute("type_slug");
  }
  public get created(): string {
    return this.getStringAttribute("created");
  }
  public get updated(): string {
    return this.getStringAttribute("updated");
  }

  // Inputs as given (generated bindings' `<attr>Input`): plain values for synth-time checks, where the getters above are tokens.
  public get nameInput(): string {
    return this._config.name;
  }
  public get typeSlugInput(): string {
    return this._config.typeSlug;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      name: cdktf.stringToTerraform(c.name),
      type_slug: cdktf.stringToTerraform(c.typeSlug),
      account_id: cdktf.stringToTerraform(c.accountId),
      data: cdktf.stringToTerraform(c.data),
      data_wo: cdktf.stringToTerraform(c.dataWo),
      data_wo_version: cdktf.numberToTerraform(c.dataWoVersion),
      workspace_id: cdktf.stringToTerraform(c.workspaceId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    const attrs = {
      name: hcl(cdktf.stringToHclTerraform(c.name), "string"),
      type_slug: hcl(cdktf.stringToHclTerraform(c.typeSlug), "string"),
      account_id: hcl(cdktf.stringToHclTerraform(c.accountId), "string"),
      data: hcl(cdktf.stringToHclTerraform(c.data), "string"),
      data_wo: hcl(cdktf.stringToHclTerraform(c.dataWo), "string"),
      data_wo_version: hcl(cdktf.numberToHclTerraform(c.dataWoVersion), "number"),
      workspace_id: hcl(cdktf.stringToHclTerraform(c.workspaceId), "string"),
    };
    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([, a]) => a.value !== undefined));
  }
}
