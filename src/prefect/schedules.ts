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

/** Problems with a schedule, as phrases (empty when it is fine). */
export function scheduleProblems(s: Schedule): string[] {
  const kinds = ["cron", "interval", "rrule"].filter((k) => (s as unknown as Record<string, unknown>)[k] !== undefined);
  const problems: string[] = [];
  if (kinds.length !== 1) problems.push(`must set exactly one of cron, interval, rrule (got ${kinds.join(", ") || "none"})`);
  if ("cron" in s && s.cron !== undefined && s.cron.trim().split(/\s+/).length < 5) problems.push(`cron "${s.cron}" needs 5 fields`);
  if ("interval" in s && s.interval !== undefined && !(s.interval > 0)) problems.push("interval must be a positive number of seconds");
  return problems;
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
