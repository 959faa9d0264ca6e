import { ValidationErrors } from "../validation/errors";
import { CronExpression, IanaTimeZone, IsoDateTime, PositiveSeconds, RRuleString } from "../validation/rules";
import { CHECKS } from "../validation/checks";

/** Fields every schedule kind may carry. */
export interface ScheduleOptions {
  /** IANA time zone, e.g. `Europe/Berlin`. @default UTC */
  readonly timezone?: string;
  /** @default true (Prefect's default) */
  readonly active?: boolean;
  /** Parameter overrides for runs of this schedule. @default none */
  readonly parameters?: { [name: string]: any };
  /** Stable identifier of the schedule within the deployment. @default none */
  readonly slug?: string;
}

/** Options of a cron schedule (`Schedule.cron`): the fields every schedule takes, plus how day-of-month and day-of-week combine. */
export interface CronScheduleOptions extends ScheduleOptions {
  /** Cron's OR of day-of-month and day-of-week; false makes them AND. @default true */
  readonly dayOr?: boolean;
}

/** Options of an interval schedule (`Schedule.interval`): the fields every schedule takes, plus the date the intervals count from. */
export interface IntervalScheduleOptions extends ScheduleOptions {
  /** ISO 8601 date-time the intervals count from. @default when the schedule is created */
  readonly anchorDate?: string;
}

/**
 * When a deployment runs: `Schedule.cron("0 2 * * *", { timezone: "Europe/Berlin" })`,
 * `Schedule.interval(3600)` or `Schedule.rrule("FREQ=WEEKLY;BYDAY=SA")`. Checked at synth as Prefect's
 * schedule models check them when `prefect deploy` reads the file.
 */
export class Schedule {
  /** A cron expression (croniter's grammar, 5 fields). */
  static cron(expression: string, options: CronScheduleOptions = {}): Schedule {
    return new Schedule({ ...options, cronExpression: expression });
  }

  /** A run every `seconds` seconds. */
  static interval(seconds: number, options: IntervalScheduleOptions = {}): Schedule {
    return new Schedule({ ...options, intervalSeconds: seconds });
  }

  /** An RFC 5545 recurrence rule, e.g. `FREQ=WEEKLY;BYDAY=MO`. */
  static rrule(rule: string, options: ScheduleOptions = {}): Schedule {
    return new Schedule({ ...options, recurrenceRule: rule });
  }

  /** The cron expression, for a cron schedule. */
  readonly cronExpression?: string;
  /** Cron's OR of day-of-month and day-of-week, as given. */
  readonly dayOr?: boolean;
  /** Seconds between runs, for an interval schedule. */
  readonly intervalSeconds?: number;
  /** The date-time intervals count from, as given. */
  readonly anchorDate?: string;
  /** The recurrence rule, for an rrule schedule. */
  readonly recurrenceRule?: string;
  /** The IANA time zone, as given. */
  readonly timezone?: string;
  /** Whether the schedule is active, as given. */
  readonly active?: boolean;
  /** Parameter overrides for this schedule's runs, as given. */
  readonly parameters?: { [name: string]: any };
  /** The schedule's stable identifier, as given. */
  readonly slug?: string;

  private constructor(fields: CronScheduleOptions & IntervalScheduleOptions & { cronExpression?: string; intervalSeconds?: number; recurrenceRule?: string }) {
    Object.assign(this, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
  }
}

/**
 * Checks a schedule as Prefect's schedule models do when `prefect deploy` reads it (croniter for cron,
 * dateutil for RRULEs, IANA zone names, positive intervals, ISO 8601 anchor dates), at runtime, since
 * JavaScript callers skip the types. `prop` names the schedule, e.g. `deployments["etl"].schedules[0]`.
 */
export function checkSchedule(errors: ValidationErrors, s: Schedule, prop: string): void {
  const fields = (s ?? {}) as unknown as Record<string, unknown>;
  if (!(s instanceof Schedule)) {
    const kinds = ["cron", "interval", "rrule"].filter((k) => fields[k] !== undefined);
    const fix = kinds.length === 1 ? `write Schedule.${kinds[0]}(${JSON.stringify(fields[kinds[0]])}${Object.keys(fields).length > 1 ? ", { ...the other fields }" : ""})` : "use Schedule.cron(...), Schedule.interval(...) or Schedule.rrule(...), one per schedule";
    errors.add(prop, s, CHECKS.ScheduleKind, "must be a Schedule made by Schedule.cron, Schedule.interval or Schedule.rrule", fix);
    return;
  }
  errors.check(CronExpression, `${prop}.cron`, s.cronExpression);
  errors.check(PositiveSeconds, `${prop}.interval`, s.intervalSeconds);
  errors.check(IsoDateTime, `${prop}.anchorDate`, s.anchorDate);
  errors.check(RRuleString, `${prop}.rrule`, s.recurrenceRule);
  errors.check(IanaTimeZone, `${prop}.timezone`, s.timezone);
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
  if (s.cronExpression !== undefined) out = { cron: s.cronExpression, day_or: s.dayOr, ...extras };
  else if (s.recurrenceRule !== undefined) out = { rrule: s.recurrenceRule, ...extras };
  else {
    // Prefect's schema takes a bare number only in its plain interval shape; with extras
    // (active, parameters, slug) it expects an ISO 8601 duration, which the CLI parses too.
    const plain = s.active === undefined && s.parameters === undefined && s.slug === undefined;
    out = { interval: plain ? s.intervalSeconds : `PT${s.intervalSeconds}S`, anchor_date: s.anchorDate, ...extras };
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
