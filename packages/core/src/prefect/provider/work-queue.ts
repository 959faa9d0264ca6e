// Hand-written binding for `prefect_work_queue`: config interface + attribute table (synthesized by resource.ts).
// See provider.ts for why it is hand-written and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";
import { AttributeTable, PrefectResource } from "./resource";

/** Configuration of a `prefect_work_queue` resource: a named queue in a work pool, with its priority and limits. */
export interface WorkQueueConfig extends cdktf.TerraformMetaArguments {
  /** Queue name, unique within its pool. */
  readonly name: string;
  /** Pool the queue belongs to (`WorkPool.name`, so Terraform orders the pool first). */
  readonly workPoolName: string;
  /**
   * Prefect Cloud account ID, overriding the provider's.
   * @default - the provider's account
   */
  readonly accountId?: string;
  /**
   * Maximum concurrent runs from this queue.
   * @default - no limit
   */
  readonly concurrencyLimit?: number;
  /**
   * Human-readable description.
   * @default `""` (the provider's default)
   */
  readonly description?: string;
  /**
   * Stop workers from picking up runs from this queue.
   * @default false (the provider's default)
   */
  readonly isPaused?: boolean | cdktf.IResolvable;
  /**
   * Queue priority within the pool (lower runs first).
   * @default - unset: the server gives the queue the first free priority in its pool
   */
  readonly priority?: number;
  /**
   * Prefect Cloud workspace ID, overriding the provider's.
   * @default - the provider's workspace
   */
  readonly workspaceId?: string;
}

const ATTRIBUTES: AttributeTable<WorkQueueConfig> = {
  name: { name: "name", kind: "string" },
  workPoolName: { name: "work_pool_name", kind: "string" },
  accountId: { name: "account_id", kind: "string" },
  concurrencyLimit: { name: "concurrency_limit", kind: "number" },
  description: { name: "description", kind: "string" },
  isPaused: { name: "is_paused", kind: "boolean" },
  priority: { name: "priority", kind: "number" },
  workspaceId: { name: "workspace_id", kind: "string" },
};

/** A queue in a Prefect work pool (`prefect_work_queue`). */
export class WorkQueue extends PrefectResource<WorkQueueConfig> {
  public static readonly tfResourceType = "prefect_work_queue";

  public constructor(scope: Construct, id: string, config: WorkQueueConfig) {
    super(scope, id, WorkQueue.tfResourceType, config, ATTRIBUTES);
  }

  public get name(): string {
    return this.getStringAttribute("name");
  }

  // Inputs as given (generated bindings' `<attr>Input`): plain values for synth-time checks, where the getters above are tokens.
  public get nameInput(): string {
    return this._config.name;
  }
  public get workPoolNameInput(): string {
    return this._config.workPoolName;
  }
}
