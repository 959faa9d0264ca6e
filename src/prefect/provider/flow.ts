// Hand-written binding for `prefect_flow`; see provider.ts for why and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";

export interface FlowConfig extends cdktf.TerraformMetaArguments {
  /** Flow name: must match the `@flow` name that deployments of it run. */
  readonly name: string;
  /** Prefect Cloud account ID, overriding the provider's. */
  readonly accountId?: string;
  /** Flow tags (a set: order and duplicates are not kept). */
  readonly tags?: string[];
  /** Prefect Cloud workspace ID, overriding the provider's. */
  readonly workspaceId?: string;
}

/** HCL-synthesis descriptor, as generated bindings write out longhand for every attribute. */
function hcl(value: unknown, storageClassType: string, type = "simple") {
  return { value, isBlock: false, type, storageClassType };
}

/** A Prefect flow (`prefect_flow`), registered ahead of its deployments so they can take its ID. */
export class Flow extends cdktf.TerraformResource {
  public static readonly tfResourceType = "prefect_flow";

  private readonly _config: FlowConfig;

  public constructor(scope: Construct, id: string, config: FlowConfig) {
    super(scope, id, {
      terraformResourceType: "prefect_flow",
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

  /** Flow ID, for `Deployment.flowId`. */
  public get id(): string {
    return this.getStringAttribute("id");
  }
  public get name(): string {
    return this.getStringAttribute("name");
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

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      name: cdktf.stringToTerraform(c.name),
      account_id: cdktf.stringToTerraform(c.accountId),
      tags: cdktf.listMapper(cdktf.stringToTerraform, false)(c.tags),
      workspace_id: cdktf.stringToTerraform(c.workspaceId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    const attrs = {
      name: hcl(cdktf.stringToHclTerraform(c.name), "string"),
      account_id: hcl(cdktf.stringToHclTerraform(c.accountId), "string"),
      tags: hcl(cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(c.tags), "stringList", "set"),
      workspace_id: hcl(cdktf.stringToHclTerraform(c.workspaceId), "string"),
    };
    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([, a]) => a.value !== undefined));
  }
}
