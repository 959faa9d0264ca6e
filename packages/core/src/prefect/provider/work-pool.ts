// Hand-written binding for `prefect_work_pool`: config interface + attribute table (synthesized by resource.ts).
// See provider.ts for why it is hand-written and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";
import { AttributeTable, PrefectResource } from "./resource";

/** Configuration of a `prefect_work_pool` resource: the pool's name, worker type and base job template. */
export interface WorkPoolConfig extends cdktf.TerraformMetaArguments {
  /** Work pool name (what deployments' `workPoolName` and workers' `--pool` refer to). */
  readonly name: string;
  /**
   * Prefect Cloud account ID, overriding the provider's.
   * @default - the provider's account
   */
  readonly accountId?: string;
  /**
   * Job template (`job_configuration` + `variables`) as a JSON string; the server's default for `type` if unset.
   * @default - unset: not sent, so the server's default applies
   */
  readonly baseJobTemplate?: string;
  /**
   * Maximum concurrent runs across the pool.
   * @default - no limit
   */
  readonly concurrencyLimit?: number;
  /**
   * Human-readable description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Stop workers from picking up runs from this pool.
   * @default false (the provider's default)
   */
  readonly paused?: boolean | cdktf.IResolvable;
  /**
   * Worker type (Terraform's `type`): process, docker, kubernetes, ecs, cloud-run, azure-container-instance, or a `:push` variant.
   * @default `prefect-agent` (the provider's default)
   */
  readonly poolType?: string;
  /**
   * Prefect Cloud workspace ID, overriding the provider's.
   * @default - the provider's workspace
   */
  readonly workspaceId?: string;
}

const ATTRIBUTES: AttributeTable<WorkPoolConfig> = {
  name: { name: "name", kind: "string" },
  accountId: { name: "account_id", kind: "string" },
  baseJobTemplate: { name: "base_job_template", kind: "string" },
  concurrencyLimit: { name: "concurrency_limit", kind: "number" },
  description: { name: "description", kind: "string" },
  paused: { name: "paused", kind: "boolean" },
  poolType: { name: "type", kind: "string" },
  workspaceId: { name: "workspace_id", kind: "string" },
};

/**
 * The work pool a deployment runs on: one this app creates (a `WorkPool` resource, an `ImageWorkPool`)
 * or an existing one, `WorkPool.fromName("process-pool")`.
 */
export interface IWorkPool {
  /** The pool's name, as deployments' `work_pool.name` and `prefect worker start --pool` use it. */
  readonly workPoolName: string;
  /**
   * The `prefect_work_pool` resource when this app creates the pool: Terraform-managed deployments wait for it.
   * @default undefined for a pool that exists already
   */
  readonly workPoolResource?: WorkPool;
}

/** A Prefect work pool (`prefect_work_pool`). */
export class WorkPool extends PrefectResource<WorkPoolConfig> implements IWorkPool {
  public static readonly tfResourceType = "prefect_work_pool";

  /** A pool that exists already (created in the UI, by `prefect work-pool create`, or in another app). */
  public static fromName(workPoolName: string): IWorkPool {
    return { workPoolName };
  }

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
  public get workPoolName(): string {
    return this._config.name;
  }
  public get workPoolResource(): WorkPool | undefined {
    return this;
  }
  public get poolTypeInput(): string | undefined {
    return this._config.poolType;
  }
  public get baseJobTemplateInput(): string | undefined {
    return this._config.baseJobTemplate;
  }
}
