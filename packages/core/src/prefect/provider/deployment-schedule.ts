// Hand-written binding for `prefect_deployment_schedule`: config interface + attribute table (synthesized by resource.ts).
// See provider.ts for why it is hand-written and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";
import { AttributeTable, PrefectResource } from "./resource";

/** Configuration of a `prefect_deployment_schedule` resource: one cron, interval or rrule schedule of a deployment. */
export interface DeploymentScheduleConfig extends cdktf.TerraformMetaArguments {
  /** ID of the deployment to schedule (`Deployment.id`). */
  readonly deploymentId: string;
  /**
   * Prefect Cloud account ID, overriding the provider's.
   * @default - the provider's account
   */
  readonly accountId?: string;
  /**
   * Whether the schedule creates runs.
   * @default - unset: the server's default (true on Prefect 3.8.3)
   */
  readonly active?: boolean | cdktf.IResolvable;
  /**
   * Interval schedules: start of the first interval (ISO 8601).
   * @default - unset: the server takes the time the schedule is created
   */
  readonly anchorDate?: string;
  /**
   * Cron expression; set one of `cron`, `interval` or `rrule`.
   * @default - none
   */
  readonly cron?: string;
  /**
   * Cron: match day-of-month OR day-of-week (cron's usual rule) rather than AND.
   * @default - unset: the server's default (true, cron's OR, on Prefect 3.8.3)
   */
  readonly dayOr?: boolean | cdktf.IResolvable;
  /**
   * Schedule ID. The provider marks it optional rather than computed: leave it unset and the server assigns one.
   * @default - assigned by the server
   */
  readonly id?: string;
  /**
   * Interval in seconds; set one of `cron`, `interval` or `rrule`.
   * @default - none
   */
  readonly interval?: number;
  /**
   * How many future runs the scheduler keeps created.
   * @default - unset: no per-schedule limit, the server's scheduler settings apply
   */
  readonly maxScheduledRuns?: number;
  /**
   * Parameter overrides for runs from this schedule, as a JSON object string.
   * @default `{}` (the provider's default): no overrides
   */
  readonly parameters?: string;
  /**
   * iCalendar RRULE; set one of `cron`, `interval` or `rrule`.
   * @default - none
   */
  readonly rrule?: string;
  /**
   * Stable slug identifying the schedule within its deployment.
   * @default - none
   */
  readonly slug?: string;
  /**
   * IANA time zone the schedule is evaluated in.
   * @default - unset: the server's default (UTC, or an interval schedule's anchor date's zone)
   */
  readonly timezone?: string;
  /**
   * Prefect Cloud workspace ID, overriding the provider's.
   * @default - the provider's workspace
   */
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
