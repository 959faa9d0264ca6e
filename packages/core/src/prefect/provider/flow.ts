// Hand-written binding for `prefect_flow`: config interface + attribute table (synthesized by resource.ts).
// See provider.ts for why it is hand-written and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";
import { AttributeTable, PrefectResource } from "./resource";

/** Configuration of a `prefect_flow` resource: the flow's name and tags. */
export interface FlowConfig extends cdktf.TerraformMetaArguments {
  /** Flow name: must match the `@flow` name that deployments of it run. */
  readonly name: string;
  /**
   * Prefect Cloud account ID, overriding the provider's.
   * @default - the provider's account
   */
  readonly accountId?: string;
  /**
   * Flow tags (a set: order and duplicates are not kept).
   * @default - no tags
   */
  readonly tags?: string[];
  /**
   * Prefect Cloud workspace ID, overriding the provider's.
   * @default - the provider's workspace
   */
  readonly workspaceId?: string;
}

const ATTRIBUTES: AttributeTable<FlowConfig> = {
  name: { name: "name", kind: "string" },
  accountId: { name: "account_id", kind: "string" },
  tags: { name: "tags", kind: "stringList" },
  workspaceId: { name: "workspace_id", kind: "string" },
};

/**
 * A Prefect flow (`prefect_flow`), registered ahead of its deployments so they can take its ID
 * (`Deployment.flowId` = `Flow.id`).
 */
export class Flow extends PrefectResource<FlowConfig> {
  public static readonly tfResourceType = "prefect_flow";

  public constructor(scope: Construct, id: string, config: FlowConfig) {
    super(scope, id, Flow.tfResourceType, config, ATTRIBUTES);
  }

  public get name(): string {
    return this.getStringAttribute("name");
  }

  // Inputs as given (generated bindings' `<attr>Input`): plain values for synth-time checks, where the getters above are tokens.
  public get nameInput(): string {
    return this._config.name;
  }
}
