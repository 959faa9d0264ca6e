// Hand-written binding for `prefect_work_queue`; see provider.ts for why and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";

export interface WorkQueueConfig extends cdktf.TerraformMetaArguments {
  /** Queue name, unique within its pool. */
  readonly name: string;
  /** Pool the queue belongs to (`WorkPool.name`, so Terraform orders the pool first). */
  readonly workPoolName: string;
  /** Prefect Cloud account ID, overriding the provider's. */
  readonly accountId?: string;
  /** Maximum concurrent runs from this queue. */
  readonly concurrencyLimit?: number;
  /** Human-readable description. */
  readonly description?: string;
  /** Stop workers from picking up runs from this queue. */
  readonly isPaused?: boolean | cdktf.IResolvable;
  /** Queue priority within the pool (lower runs first). */
  readonly priority?: number;
  /** Prefect Cloud workspace ID, overriding the provider's. */
  readonly workspaceId?: string;
}

/** HCL-synthesis descriptor, as generated bindings write out longhand for every attribute. */
function hcl(value: unknown, storageClassType: string, type = "simple") {
  return { value, isBlock: false, type, storageClassType };
}

/** A queue in a Prefect work pool (`prefect_work_queue`). */
export class WorkQueue extends cdktf.TerraformResource {
  public static readonly tfResourceType = "prefect_work_queue";

  private readonly _config: WorkQueueConfig;

  public constructor(scope: Construct, id: string, config: WorkQueueConfig) {
    super(scope, id, {
      terraformResourceType: "prefect_work_queue",
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
  public get workPoolNameInput(): string {
    return this._config.workPoolName;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      name: cdktf.stringToTerraform(c.name),
      work_pool_name: cdktf.stringToTerraform(c.workPoolName),
      account_id: cdktf.stringToTerraform(c.accountId),
      concurrency_limit: cdktf.numberToTerraform(c.concurrencyLimit),
      description: cdktf.stringToTerraform(c.description),
      is_paused: cdktf.booleanToTerraform(c.isPaused),
      priority: cdktf.numberToTerraform(c.priority),
      workspace_id: cdktf.stringToTerraform(c.workspaceId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    const attrs = {
      name: hcl(cdktf.stringToHclTerraform(c.name), "string"),
      work_pool_name: hcl(cdktf.stringToHclTerraform(c.workPoolName), "string"),
      account_id: hcl(cdktf.stringToHclTerraform(c.accountId), "string"),
      concurrency_limit: hcl(cdktf.numberToHclTerraform(c.concurrencyLimit), "number"),
      description: hcl(cdktf.stringToHclTerraform(c.description), "string"),
      is_paused: hcl(cdktf.booleanToHclTerraform(c.isPaused), "boolean"),
      priority: hcl(cdktf.numberToHclTerraform(c.priority), "number"),
      workspace_id: hcl(cdktf.stringToHclTerraform(c.workspaceId), "string"),
    };
    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([, a]) => a.value !== undefined));
  }
}
