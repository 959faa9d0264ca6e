// Hand-written binding for `prefect_deployment_schedule`; see provider.ts for why and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";

export interface DeploymentScheduleConfig extends cdktf.TerraformMetaArguments {
  /** ID of the deployment to schedule (`Deployment.id`). */
  readonly deploymentId: string;
  /** Prefect Cloud account ID, overriding the provider's. */
  readonly accountId?: string;
  /** Whether the schedule creates runs. */
  readonly active?: boolean | cdktf.IResolvable;
  /** Interval schedules: start of the first interval (ISO 8601). */
  readonly anchorDate?: string;
  /** Cron expression; set one of `cron`, `interval` or `rrule`. */
  readonly cron?: string;
  /** Cron: match day-of-month OR day-of-week (cron's usual rule) rather than AND. */
  readonly dayOr?: boolean | cdktf.IResolvable;
  /** Schedule ID. The provider marks it optional rather than computed: leave it unset and the server assigns one. */
  readonly id?: string;
  /** Interval in seconds; set one of `cron`, `interval` or `rrule`. */
  readonly interval?: number;
  /** How many future runs the scheduler keeps created. */
  readonly maxScheduledRuns?: number;
  /** Parameter overrides for runs from this schedule, as a JSON object string. */
  readonly parameters?: string;
  /** iCalendar RRULE; set one of `cron`, `interval` or `rrule`. */
  readonly rrule?: string;
  /** Stable slug identifying the schedule within its deployment. */
  readonly slug?: string;
  /** IANA time zone the schedule is evaluated in. */
  readonly timezone?: string;
  /** Prefect Cloud workspace ID, overriding the provider's. */
  readonly workspaceId?: string;
}

/** HCL-synthesis descriptor, as generated bindings write out longhand for every attribute. */
function hcl(value: unknown, storageClassType: string, type = "simple") {
  return { value, isBlock: false, type, storageClassType };
}

/** One schedule of a Prefect deployment (`prefect_deployment_schedule`). */
export class DeploymentSchedule extends cdktf.TerraformResource {
  public static readonly tfResourceType = "prefect_deployment_schedule";

  private readonly _config: DeploymentScheduleConfig;

  public constructor(scope: Construct, id: string, config: DeploymentScheduleConfig) {
    super(scope, id, {
      terraformResourceType: "prefect_deployment_schedule",
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
  public get created(): string {
    return this.getStringAttribute("created");
  }
  public get updated(): string {
    return this.getStringAttribute("updated");
  }

  // Inputs as given (generated bindings' `<attr>Input`): plain values for synth-time checks, where the getters above are tokens.
  public get deploymentIdInput(): string {
    return this._config.deploymentId;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      deployment_id: cdktf.stringToTerraform(c.deploymentId),
      account_id: cdktf.stringToTerraform(c.accountId),
      active: cdktf.booleanToTerraform(c.active),
      anchor_date: cdktf.stringToTerraform(c.anchorDate),
      cron: cdktf.stringToTerraform(c.cron),
      day_or: cdktf.booleanToTerraform(c.dayOr),
      id: cdktf.stringToTerraform(c.id),
      interval: cdktf.numberToTerraform(c.interval),
      max_scheduled_runs: cdktf.numberToTerraform(c.maxScheduledRuns),
      parameters: cdktf.stringToTerraform(c.parameters),
      rrule: cdktf.stringToTerraform(c.rrule),
      slug: cdktf.stringToTerraform(c.slug),
      timezone: cdktf.stringToTerraform(c.timezone),
      workspace_id: cdktf.stringToTerraform(c.workspaceId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    const attrs = {
      deployment_id: hcl(cdktf.stringToHclTerraform(c.deploymentId), "string"),
      account_id: hcl(cdktf.stringToHclTerraform(c.accountId), "string"),
      active: hcl(cdktf.booleanToHclTerraform(c.active), "boolean"),
      anchor_date: hcl(cdktf.stringToHclTerraform(c.anchorDate), "string"),
      cron: hcl(cdktf.stringToHclTerraform(c.cron), "string"),
      day_or: hcl(cdktf.booleanToHclTerraform(c.dayOr), "boolean"),
      id: hcl(cdktf.stringToHclTerraform(c.id), "string"),
      interval: hcl(cdktf.numberToHclTerraform(c.interval), "number"),
      max_scheduled_runs: hcl(cdktf.numberToHclTerraform(c.maxScheduledRuns), "number"),
      parameters: hcl(cdktf.stringToHclTerraform(c.parameters), "string"),
      rrule: hcl(cdktf.stringToHclTerraform(c.rrule), "string"),
      slug: hcl(cdktf.stringToHclTerraform(c.slug), "string"),
      timezone: hcl(cdktf.stringToHclTerraform(c.timezone), "string"),
      workspace_id: hcl(cdktf.stringToHclTerraform(c.workspaceId), "string"),
    };
    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([, a]) => a.value !== undefined));
  }
}
