// Hand-written binding for `prefect_deployment_schedule`: config interface + attribute table (synthesized by resource.ts).
// See provider.ts for why it is hand-written and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";
import { AttributeTable, PrefectResource } from "./resource";

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

const ATTRIBUTES: AttributeTable<DeploymentScheduleConfig> = {
  deploymentId: { name: "deployment_id", kind: "string" },
  accountId: { name: "account_id", kind: "string" },
  active: { name: "active", kind: "boolean" },
  anchorDate: { name: "anchor_date", kind: "string" },
  cron: { name: "cron", kind: "string" },
  dayOr: { name: "day_or", kind: "boolean" },
  id: { name: "id", kind: "string" },
  interval: { name: "interval", kind: "number" },
  maxScheduledRuns: { name: "max_scheduled_runs", kind: "number" },
  parameters: { name: "parameters", kind: "string" },
  rrule: { name: "rrule", kind: "string" },
  slug: { name: "slug", kind: "string" },
  timezone: { name: "timezone", kind: "string" },
  workspaceId: { name: "workspace_id", kind: "string" },
};

/** One schedule of a Prefect deployment (`prefect_deployment_schedule`). */
export class DeploymentSchedule extends PrefectResource<DeploymentScheduleConfig> {
  public static readonly tfResourceType = "prefect_deployment_schedule";

  public constructor(scope: Construct, id: string, config: DeploymentScheduleConfig) {
    super(scope, id, DeploymentSchedule.tfResourceType, config, ATTRIBUTES);
  }

  // Inputs as given (generated bindings' `<attr>Input`): plain values for synth-time checks, where the attribute getters are tokens.
  public get deploymentIdInput(): string {
    return this._config.deploymentId;
  }
}
