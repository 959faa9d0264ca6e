// Hand-written binding for `prefect_work_pool`; see provider.ts for why and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";

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

/** HCL-synthesis descriptor, as generated bindings write out longhand for every attribute. */
function hcl(value: unknown, storageClassType: string, type = "simple") {
  return { value, isBlock: false, type, storageClassType };
}

/** A Prefect work pool (`prefect_work_pool`). */
export class WorkPool extends cdktf.TerraformResource {
  public static readonly tfResourceType = "prefect_work_pool";

  private readonly _config: WorkPoolConfig;

  public constructor(scope: Construct, id: string, config: WorkPoolConfig) {
    super(scope, id, {
      terraformResourceType: "prefect_work_pool",
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
  /** ID of the `default` queue the server creates with every pool. */
  public get defaultQueueId(): string {
    return this.getStringAttribute("default_queue_id");
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
      base_job_template: cdktf.stringToTerraform(c.baseJobTemplate),
      concurrency_limit: cdktf.numberToTerraform(c.concurrencyLimit),
      description: cdktf.stringToTerraform(c.description),
      paused: cdktf.booleanToTerraform(c.paused),
      type: cdktf.stringToTerraform(c.type),
      workspace_id: cdktf.stringToTerraform(c.workspaceId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    const attrs = {
      name: hcl(cdktf.stringToHclTerraform(c.name), "string"),
      account_id: hcl(cdktf.stringToHclTerraform(c.accountId), "string"),
      base_job_template: hcl(cdktf.stringToHclTerraform(c.baseJobTemplate), "string"),
      concurrency_limit: hcl(cdktf.numberToHclTerraform(c.concurrencyLimit), "number"),
      description: hcl(cdktf.stringToHclTerraform(c.description), "string"),
      paused: hcl(cdktf.booleanToHclTerraform(c.paused), "boolean"),
      type: hcl(cdktf.stringToHclTerraform(c.type), "string"),
      workspace_id: hcl(cdktf.stringToHclTerraform(c.workspaceId), "string"),
    };
    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([, a]) => a.value !== undefined));
  }
}
