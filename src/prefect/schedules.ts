import { ValidationErrors } from "../validation/errors";
import { CronExpression, IanaTimeZone, IsoDateTime, PositiveSeconds, RRuleString } from "../validation/rules";

/** Fields every schedule kind may carry. */
interface ScheduleBase {
  /** IANA time zone, e.g. `Europe/Berlin`. @default UTC */
  readonly timezone?: string;
  /** @default true (Prefect's default) */
  readonly active?: boolean;
  /** Parameter overrides for runs of this schedule. */
  readonly parameters?: { readonly [name: string]: unknown };
  /** Stable identifier of the schedule within the deployment. */
  readonly slug?: string;
}

export interface CronSchedule extends ScheduleBase {
  readonly cron: string;
  /** Cron's OR of day-of-month and day-of-week; false makes them AND. @default true */
  readonly dayOr?: boolean;
}

export interface IntervalSchedule extends ScheduleBase {
  /** Seconds between runs. */
  readonly interval: number;
  /** ISO 8601 date-time the intervals count from. */
  readonly anchorDate?: string;
}

export interface RRuleSchedule extends ScheduleBase {
  /** An RFC 5545 recurrence rule, e.g. `FREQ=WEEKLY;BYDAY=MO`. */
  readonly rrule: string;
}

export type Schedule = CronSchedule | IntervalSchedule | RRuleSchedule;

/**
 * Checks a schedule as Prefect's schedule models do when `prefect deploy` reads it (croniter for cron,
 * dateutil for RRULEs, IANA zone names, positive intervals, ISO 8601 anchor dates), at runtime, since
 * Python users pass plain dicts. `prop` names the schedule, e.g. `deployments["etl"].schedules[0]`.
 */
export function checkSchedule(errors: ValidationErrors, s: Schedule, prop: string): void {
  const fields = s as unknown as Record<string, unknown>;
  const kinds = ["cron", "interval", "rrule"].filter((k) => fields[k] !== undefined);
  if (kinds.length !== 1) {
    errors.add(prop, kinds, "ScheduleKind", `must set exactly one of cron, interval, rrule (got ${kinds.join(", ") || "none"})`, "keep one of cron, interval and rrule; use one schedule entry per kind");
  }
  errors.check(CronExpression, `${prop}.cron`, fields.cron);
  errors.check(PositiveSeconds, `${prop}.interval`, fields.interval);
  errors.check(IsoDateTime, `${prop}.anchorDate`, fields.anchorDate);
  errors.check(RRuleString, `${prop}.rrule`, fields.rrule);
  errors.check(IanaTimeZone, `${prop}.timezone`, fields.timezone);
}

/** The schedule as prefect.yaml's `schedules` entries take it. */
export function renderSchedule(s: Schedule): Record<string, unknown> {
  const extras = {
    timezone: s.timezone,
    active: s.active,
    parameters: s.parameters,
    slug: s.slug,
  };
  let out: Record<string, unknown>;
  if ("cron" in s) out = { cron: s.cron, day_or: s.dayOr, ...extras };
  else if ("rrule" in s) out = { rrule: s.rrule, ...extras };
  else {
    // Prefect's schema takes a bare number only in its plain interval shape; with extras
    // (active, parameters, slug) it expects an ISO 8601 duration, which the CLI parses too.
    const plain = s.active === undefined && s.parameters === undefined && s.slug === undefined;
    out = { interval: plain ? s.interval : `PT${s.interval}S`, anchor_date: s.anchorDate, ...extras };
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
