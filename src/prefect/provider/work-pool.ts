// Hand-written binding for `prefect_work_pool`: config interface + attribute table (synthesized by resource.ts).
// See provider.ts for why it is hand-written and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";
import { AttributeTable, PrefectResource } from "./resource";

export interface WorkPoolConfig extends cdktf.TerraformMetaArguments {
  /** Work pool name (what deployments' `workPoolName` and workers' `--pool` refer to). */
  readonly name: string;
  /** Prefect Cloud account ID, overriding the provider's. */
  readonly accountId?: string;
  /** Job template (`job_configuration` + `variables`) as a JSON string; the server's default for `type` if unset. */
  readonly baseJobTemplate?: string;
  /** Maximum concurrent runs across the pool. */
  readonly concurrencyLimit?: number;
  /** Human-readable description. */
  readonly description?: string;
  /** Stop workers from picking up runs from this pool. */
  readonly paused?: boolean | cdktf.IResolvable;
  /** Worker type: process, docker, kubernetes, ecs, cloud-run, azure-container-instance, or a `:push` variant. */
  readonly type?: string;
  /** Prefect Cloud workspace ID, overriding the provider's. */
  readonly workspaceId?: string;
}

const ATTRIBUTES: AttributeTable<WorkPoolConfig> = {
  name: { name: "name", kind: "string" },
  accountId: { name: "account_id", kind: "string" },
  baseJobTemplate: { name: "base_job_template", kind: "string" },
  concurrencyLimit: { name: "concurrency_limit", kind: "number" },
  description: { name: "description", kind: "string" },
  paused: { name: "paused", kind: "boolean" },
  type: { name: "type", kind: "string" },
  workspaceId: { name: "workspace_id", kind: "string" },
};

/** A Prefect work pool (`prefect_work_pool`). */
export class WorkPool extends PrefectResource<WorkPoolConfig> {
  public static readonly tfResourceType = "prefect_work_pool";

  public constructor(scope: Construct, id: string, config: WorkPoolConfig) {
    super(scope, id, WorkPool.tfResourceType, config, ATTRIBUTES);
  }

  public get name(): string {
    return this.getStringAttribute("name");
  }
  /** ID of the `default` queue the server creates with every pool. */
  public get defaultQueueId(): string {
    return this.getStringAttribute("default_queue_id");
  }

  // Inputs as given (generated bindings' `<attr>Input`): plain values for synth-time checks, where the getters above are tokens.
  public get nameInput(): string {
    return this._config.name;
  }
  public get typeInput(): string | undefined {
    return this._config.type;
  }
  public get baseJobTemplateInput(): string | undefined {
    return this._config.baseJobTemplate;
  }
}
