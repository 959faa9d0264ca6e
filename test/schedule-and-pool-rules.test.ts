/**
 * The rules for schedules (cron, rrule, interval, anchor date, time zone), work pools and KMS key ARNs.
 *
 * Verdicts in the "Prefect accepts" / "Prefect refuses" tables were checked against Prefect's own
 * validators: `validate_cron_string` with the croniter Prefect vendors (src/prefect/_vendor/croniter),
 * and `validate_rrule_string`, i.e. python-dateutil's `rrulestr` (2.8.2). Cases where a rule is
 * deliberately stricter than Prefect are in their own tables.
 */
import { Rule } from "../packages/core/src/validation/rule";
import {
  AwsKmsKeyArn,
  CronExpression,
  EcrKmsKeyArn,
  IanaTimeZone,
  IsoDateTime,
  PositiveInteger,
  PositiveSeconds,
  RRuleString,
  WorkPoolName,
  WorkPoolType,
} from "../packages/core/src/validation/rules";
import { isIanaTimeZone } from "../packages/core/src/validation/rules/iana-time-zone";
import { closestMatch } from "../packages/core/src/core/closest-match";
import { WORK_POOL_TYPES } from "../packages/core/src/validation/rules/work-pool-type";

/** The findings of a rule as plain objects (fix omitted when none). */
const check = (rule: Rule<unknown>, value: unknown) => rule.check(value).map((f) => (f.fix === undefined ? { problem: f.problem } : { ...f }));
const problems = (rule: Rule<unknown>, value: unknown) => rule.check(value).map((f) => f.problem);

/** Values that are not strings, as Python callers (no TypeScript types) may pass them. */
const NOT_STRINGS: Array<[unknown, string]> = [
  [5, "number"],
  [null, "null"],
  [true, "boolean"],
  [{ cron: "* * * * *" }, "object"],
  [["0 9 * * *"], "object"],
];

describe("CronExpression", () => {
  it.each([
    "* * * * *",
    "0 9 * * 1-5",
    "*/15 * * * *",
    "0 0 1 * *",
    "30 1-23/2 * * *",
    "15,45 */2 1-7 * 1-5",
    "5/10 * * * *", // a/n counts from a
    "*/70 * * * *", // a step past the field's end: just the start
    "50-10 * * * *", // ranges wrap
    "0 0 * * FRI-MON",
    "0 0 * APR-JAN/3 *",
    "0 0 * jan,feb mon",
    "0 0 * JAN-DEC/2 *",
    "0 0 * * 7", // Sunday
    "0 0 * * 0-7",
    "0 0 * * SUN-7",
    "0 0 * * 6-0",
    "0 0 L * *", // last day of the month
    "0 0 15-L * *",
    "0 0 1,L * *",
    "0 0 * * L5", // last Friday
    "0 0 * * 1#2", // second Monday
    "0 0 * * MON#2",
    "0 0 * * mon-fri#2",
    "0 0 * * 1#2,L5",
    "0 0 * * 1#2,1#4",
    "0 0 ? * MON",
    "0 0 1 * ?",
    "00 09 * * *",
    " 0 9 * * * ",
    "0\t9 * * *",
    "0 0 29 2 *", // leap years
    "@yearly",
    "@annually",
    "@monthly",
    "@weekly",
    "@daily",
    "@DAILY",
    "@midnight",
    "@hourly",
  ])("Prefect accepts %j", (cron) => {
    expect(CronExpression.check(cron)).toEqual([]);
  });

  it.each([
    "61 * * * *",
    "1-60 * * * *",
    "0 24 * * *",
    "0 0 0 * *",
    "0 0 32 * *",
    "0 0 0-5 * *",
    "0 0 * 13 *",
    "0 0 * 0-3 *",
    "0 0 * * 8",
    "0 0 * * 1-8",
    "*/0 * * * *",
    "0 0 1/0 * *",
    "-1 * * * *",
    "+1 * * * *",
    "1.5 * * * *",
    "a * * * *",
    "1-2-3 * * * *",
    "1,,2 * * * *",
    ",1 * * * *",
    "** * * * *",
    "0 0 * * monday",
    "0 0 * january *",
    "? 0 * * *",
    "0 0 ? ? 1?",
    "0 0 * * 5L",
    "0 0 * * L",
    "0 0 L-5 * *",
    "0 0 15W * *",
    "0 0 LW * *",
    "L * * * *",
    "0 0 * L *",
    "0 0 * * 1#6",
    "0 0 * * 1#0",
    "0 0 * * 1-5#2",
    "0 0 * * jan#2",
    "0 0 * * 5#L",
    "0 0 * * 1#2,3",
    "0 0 * * L5,1",
    "R * * * *",
    "H * * * *",
    "H/5 * * * *",
    "* * * *",
    "0 0 1 1 1 2099",
    "0 0 * * * * * *",
    "@reboot",
    "@daily ",
    "",
  ])("Prefect refuses %j", (cron) => {
    expect(CronExpression.check(cron).length).toBeGreaterThan(0);
  });

  it.each([
    // croniter reads a 6th field as seconds at the end, a 7th as the year; Quartz puts seconds first.
    // Prefect accepts the first, reading it as every second of 00:00 each day (Quartz means hourly),
    // and refuses the others ("?" is not a second).
    ["0 0 * * * *", 'use "0 * * * *" (the 5 fields without seconds; Prefect runs schedules on whole minutes)'],
    ["0 0 12 * * ?", 'use "0 12 * * *" (the 5 fields without seconds; Prefect runs schedules on whole minutes)'],
    ["0 0 12 * * ? *", 'use "0 12 * * *" (the 5 fields without seconds and year; Prefect runs schedules on whole minutes)'],
    ["0 0 12 ? * 2", "drop the seconds field; write day-of-week as names (SUN-SAT) or 0-6 from Sunday, since Quartz counts 1-7 from Sunday"],
    ["0 0 12 * * ? 2025", "drop the seconds and year fields; Prefect's cron cannot restrict years (an rrule schedule with UNTIL can)"],
  ])("6/7-field (Quartz) form %j: refused, with the 5-field form", (cron, fix) => {
    const n = cron.split(" ").length;
    expect(check(CronExpression, cron)).toEqual([
      {
        problem: `has ${n} fields; Prefect's cron takes 5: minute hour day-of-month month day-of-week (croniter would read a 6th field as seconds at the end, while Quartz and Spring put seconds first)`,
        fix,
      },
    ]);
  });

  it("stricter than Prefect: random fields with a range or step, and days that never come", () => {
    expect(check(CronExpression, "R/5 * * * *")).toEqual([
      { problem: 'minute field "R/5" is a random (R) value, drawn anew whenever Prefect computes runs', fix: 'use "*/5 * * * *"' },
    ]);
    expect(check(CronExpression, "0 R(0-5) * * *")).toEqual([
      { problem: 'hour field "R(0-5)" is a random (R) value, drawn anew whenever Prefect computes runs', fix: 'use "0 0 * * *"' },
    ]);
    expect(check(CronExpression, "0 0 30 2 *")).toEqual([
      { problem: 'never runs: February has at most 29 days, so day-of-month "30" never comes', fix: 'use "0 0 L 2 *" for the last day of the month' },
    ]);
    expect(check(CronExpression, "0 0 31 4,6 *")).toEqual([
      { problem: 'never runs: April, June have at most 30 days, so day-of-month "31" never comes', fix: 'use "0 0 L 4,6 *" for the last day of the month' },
    ]);
    // With a restricted day-of-week, croniter ORs the two day fields: the schedule does run.
    expect(CronExpression.check("0 0 30 2 MON")).toEqual([]);
  });

  it("names the field and the value out of range", () => {
    expect(check(CronExpression, "61 * * * *")).toEqual([{ problem: 'minute field "61" is out of range 0-59', fix: "the minute field takes 0-59" }]);
    expect(check(CronExpression, "1,61 * * * *")).toEqual([{ problem: 'minute field "1,61": "61" is out of range 0-59', fix: "the minute field takes 0-59" }]);
    expect(check(CronExpression, "0 0 0-5 * *")).toEqual([{ problem: 'day-of-month field "0-5" is out of range 1-31', fix: "the day-of-month field takes 1-31" }]);
    expect(check(CronExpression, "0 0 * * 8")).toEqual([
      { problem: 'day-of-week field "8" is out of range 0-7 (0 and 7 are Sunday)', fix: "the day-of-week field takes 0-7 (0 and 7 are Sunday)" },
    ]);
    expect(check(CronExpression, "0 24 * * *")).toEqual([{ problem: 'hour field "24" is out of range 0-23', fix: 'use "0 0 * * *"' }]);
  });

  it("reports every bad field", () => {
    expect(problems(CronExpression, "61 25 * 13 *")).toEqual([
      'minute field "61" is out of range 0-59',
      'hour field "25" is out of range 0-23',
      'month field "13" is out of range 1-12',
    ]);
  });

  it("suggests corrected expressions where one follows", () => {
    expect(check(CronExpression, "0 0 * * monday")).toEqual([
      { problem: 'day-of-week field "monday" uses full names; croniter reads only three letters (SUN-SAT)', fix: 'use "0 0 * * MON"' },
    ]);
    expect(CronExpression.check("0 0 * JANUARY-MARCH *")[0].fix).toBe('use "0 0 * JAN-MAR *"');
    expect(check(CronExpression, "0 0 * * 5L")).toEqual([
      { problem: 'day-of-week field "5L" puts L after the day; croniter writes the last such day of the month as L<day number>', fix: 'use "0 0 * * L5"' },
    ]);
    expect(CronExpression.check("0 0 * * FRIL")[0].fix).toBe('use "0 0 * * L5"');
    expect(check(CronExpression, "0 0 * * 1-5#2")).toEqual([
      { problem: 'day-of-week field "1-5#2" puts a numeric range before #; croniter takes only day names there', fix: 'use "0 0 * * MON-FRI#2"' },
    ]);
    expect(check(CronExpression, "0 0 * * 1#2,3")).toEqual([
      {
        problem: 'day-of-week field "1#2,3" mixes nth-weekday days (# or L) with plain days, which croniter refuses',
        fix: 'use two schedules: "0 0 * * 1#2" and "0 0 * * 3"',
      },
    ]);
    expect(check(CronExpression, "? 0 * * *")).toEqual([
      { problem: 'minute field "?" uses "?", which croniter allows only in day-of-month and day-of-week', fix: 'use "* 0 * * *"' },
    ]);
    expect(check(CronExpression, "0 0 1? * *")).toEqual([
      { problem: 'day-of-month field "1?" uses "?" with other characters; "?" must stand alone', fix: 'use "0 0 1 * *"' },
    ]);
    expect(check(CronExpression, "1,,2 * * * *")).toEqual([{ problem: 'minute field "1,,2" has an empty list item', fix: 'use "1,2 * * * *"' }]);
    expect(check(CronExpression, "@daily ")).toEqual([{ problem: "has whitespace around the alias, which croniter does not read", fix: 'use "@daily"' }]);
  });

  it("explains what croniter does not support", () => {
    expect(check(CronExpression, "0 0 15W * *")).toEqual([
      { problem: 'day-of-month field "15W" uses W (nearest weekday), which croniter does not support', fix: "use a day number, or L for the last day of the month" },
    ]);
    expect(check(CronExpression, "0 0 * * L")).toEqual([
      {
        problem: 'day-of-week field "L" is L without a day; in day-of-week croniter needs L<day>, e.g. L5 for the last Friday',
        fix: 'for the last day of the month put L in day-of-month, e.g. "0 0 L * *"',
      },
    ]);
    expect(check(CronExpression, "0 0 * * 1#6")).toEqual([
      { problem: 'day-of-week field "1#6" asks for occurrence 6 of the month; # takes 1-5', fix: 'use # with 1-5, or L<day> for the last one, e.g. "L1"' },
    ]);
    expect(check(CronExpression, "*/0 * * * *")).toEqual([{ problem: 'minute field "*/0" has a step of 0', fix: 'use a step of 1 or more, e.g. "*/5"' }]);
    expect(check(CronExpression, "-5 * * * *")).toEqual([{ problem: 'minute field "-5" is negative', fix: "the minute field takes 0-59" }]);
    expect(check(CronExpression, "a * * * *")).toEqual([{ problem: 'minute field "a" is not a number', fix: "the minute field takes 0-59" }]);
    expect(check(CronExpression, "0 0 * foo *")).toEqual([{ problem: 'month field "foo" is not a number or month name (JAN-DEC)', fix: "the month field takes 1-12" }]);
    expect(check(CronExpression, "1-2-3 * * * *")).toEqual([
      { problem: 'minute field "1-2-3" is not a number, range (a-b), step (*/n, a-b/n) or list croniter reads', fix: "the minute field takes 0-59" },
    ]);
  });

  it("refuses random and hashed fields, as Prefect does", () => {
    expect(check(CronExpression, "R * * * *")).toEqual([{ problem: 'minute field "R" is a random (R) value, which Prefect refuses', fix: 'use a fixed value, e.g. "17"' }]);
    expect(check(CronExpression, "0 0 h * *")).toEqual([{ problem: 'day-of-month field "h" is a hashed (H) value, which Prefect refuses', fix: 'use a fixed value, e.g. "1"' }]);
    expect(check(CronExpression, "H(0-29)/10 * * * *")).toEqual([
      { problem: 'minute field "H(0-29)/10" is a hashed (H) value, which croniter reads only with a hash id, and Prefect passes none', fix: 'use "0-29/10 * * * *"' },
    ]);
  });

  it("field count, aliases and empty values", () => {
    expect(check(CronExpression, "* * * *")).toEqual([
      { problem: "has 4 fields; Prefect's cron takes 5: minute hour day-of-month month day-of-week", fix: 'write all 5 fields, e.g. "0 9 * * 1-5" (09:00 Monday to Friday)' },
    ]);
    expect(problems(CronExpression, "0")).toEqual(["has 1 field; Prefect's cron takes 5: minute hour day-of-month month day-of-week"]);
    expect(check(CronExpression, "@reboot")).toEqual([
      {
        problem: "is not a schedule alias croniter knows (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)",
        fix: 'use one of those aliases, or 5 fields such as "0 9 * * 1-5" (09:00 Monday to Friday)',
      },
    ]);
    expect(CronExpression.check("@every 5m")[0].fix).toBe("use an interval schedule (interval in seconds) instead");
    expect(check(CronExpression, "")).toEqual([{ problem: "is empty", fix: 'use a 5-field expression such as "0 9 * * 1-5" (09:00 Monday to Friday)' }]);
    expect(problems(CronExpression, "  \t ")).toEqual(["is empty"]);
  });

  it("every derived fix is itself accepted", () => {
    const bad = ["0 24 * * *", "0 0 * * monday", "0 0 * * 5L", "0 0 * * 1-5#2", "? 0 * * *", "0 0 1? * *", "1,,2 * * * *", "0 0 30 2 *", "R/5 * * * *", "0 0 12 * * ?", "@daily "];
    for (const cron of bad) {
      const fixed = /^use "([^"]*)"/.exec(CronExpression.check(cron)[0].fix ?? "")?.[1];
      expect(fixed).toBeDefined();
      expect(CronExpression.check(fixed)).toEqual([]);
    }
  });

  it.each(NOT_STRINGS)("reports a non-string (%j) instead of throwing", (value, type) => {
    expect(check(CronExpression, value)).toEqual([{ problem: `must be a string, not ${type}` }]);
  });
});

describe("RRuleString", () => {
  // The npm package rrule (2.8.1) disagrees with dateutil on about a fifth of these cases: it refuses
  // MO(+1), lowercase weekdays and ISO 8601 dates in DTSTART/UNTIL, and accepts a rule without FREQ,
  // INTERVAL=abc, BYHOUR=24 in a daily rule, WKST=XX, "BYHOUR=9," and non-existent dates. So the rule
  // follows dateutil's parser itself; the cases below pin those differences.
  it.each([
    "FREQ=WEEKLY;BYDAY=MO",
    "RRULE:FREQ=DAILY;INTERVAL=2",
    "DTSTART:20240101T090000Z\nRRULE:FREQ=DAILY",
    "DTSTART:20240101T090000Z RRULE:FREQ=DAILY",
    "DTSTART:20240101T090000Z\r\nRRULE:FREQ=DAILY",
    "freq=weekly;byday=mo,we",
    "rrule:freq=daily",
    "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9;BYMINUTE=0",
    "FREQ=MONTHLY;BYDAY=+1MO",
    "FREQ=MONTHLY;BYDAY=MO(+1)",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1",
    "FREQ=WEEKLY;WKST=SU;BYDAY=MO,TU",
    "FREQ=WEEKLY;BYWEEKDAY=MO",
    "FREQ=DAILY;INTERVAL=+2",
    "FREQ=DAILY;COUNT=10",
    "FREQ=DAILY;UNTIL=20250101T000000Z",
    "FREQ=DAILY;UNTIL=20250101",
    "FREQ=DAILY;UNTIL=2025-01-01",
    "FREQ=YEARLY;BYEASTER=0",
    "FREQ=HOURLY;INTERVAL=5;BYHOUR=9",
    "DTSTART:20240101T090000Z\nRRULE:FREQ=DAILY;UNTIL=20250101T000000Z",
    "DTSTART:2024-01-01T09:00:00Z\nRRULE:FREQ=DAILY",
    "DTSTART;TZID=America/New_York:20240101T090000\nRRULE:FREQ=DAILY",
    "DTSTART;VALUE=DATE:20240101\nRRULE:FREQ=DAILY",
    "DTSTART:20240101T080000Z\nRRULE:FREQ=HOURLY;INTERVAL=2;BYHOUR=10",
    "RRULE:FREQ=DAILY\nRRULE:FREQ=WEEKLY",
    "DTSTART:20240101T090000Z\nRRULE:FREQ=DAILY\nEXDATE:20240105T090000Z",
    "RDATE:20240101T090000Z,20240102T090000Z\nRRULE:FREQ=DAILY",
    "RDATE:20240101T090000Z",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
  ])("Prefect accepts %j", (rrule) => {
    expect(RRuleString.check(rrule)).toEqual([]);
  });

  it.each([
    "",
    "  ",
    "FREQ=FORTNIGHTLY",
    "FREQ=WEEKLY;BYDAY=XX",
    "FREQ=WEEKLY;BYDAY=MON",
    "FREQ=WEEKLY;BYDAY=",
    "FREQ=WEEKLY;BYDAY=MO,",
    "FREQ=MONTHLY;BYDAY=0MO",
    "FREQ=DAILY;",
    "FREQ=DAILY;;INTERVAL=2",
    "FREQ=WEEKLY; BYDAY=MO",
    "BYDAY=MO",
    "FREQ=DAILY INTERVAL=2",
    "FREQ=DAILY;FOO=1",
    "FREQ=DAILY;INTERVAL=abc",
    "FREQ=DAILY;INTERVAL=1.5",
    "FREQ=DAILY;COUNT=1.0",
    "FREQ=DAILY;BYHOUR=9,",
    "FREQ=DAILY;BYHOUR=",
    "FREQ=DAILY;BYHOUR=24",
    "FREQ=DAILY;BYHOUR=9;BYMINUTE=60",
    "FREQ=DAILY;BYSECOND=61",
    "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0",
    "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=367",
    "FREQ=WEEKLY;WKST=XX",
    "FREQ=DAILY;UNTIL=garbage",
    "FREQ=DAILY;UNTIL=20250230T000000Z",
    "DTSTART:20240101T090000\nRRULE:FREQ=DAILY;UNTIL=20250101T000000Z",
    "DTSTART:20240230T090000Z\nRRULE:FREQ=DAILY",
    "DTSTART:garbage\nRRULE:FREQ=DAILY",
    "DTSTART:20240101T090000Z",
    "DTSTART;X=1:20240101T090000Z\nRRULE:FREQ=DAILY",
    "RRULE;X=1:FREQ=DAILY",
    "RDATE;VALUE=DATE:20240101\nRRULE:FREQ=DAILY",
    "VEVENT:FREQ=DAILY",
    "RRULE:FREQ=DAILY:X",
    "RRULE FREQ=DAILY",
    "DTSTART:20240101T080000Z\nRRULE:FREQ=HOURLY;INTERVAL=2;BYHOUR=9",
  ])("Prefect refuses %j", (rrule) => {
    expect(RRuleString.check(rrule).length).toBeGreaterThan(0);
  });

  it.each([
    // dateutil takes these, but the rule never does what it says (or never runs at all).
    ["FREQ=YEARLY;BYMONTH=13", "BYMONTH=13 has 13, outside 1 to 12"],
    ["FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY=32 has 32, outside 1 to 31 or -31 to -1"],
    ["FREQ=DAILY;INTERVAL=0", "INTERVAL=0 must be at least 1"],
    ["FREQ=DAILY;COUNT=0", "COUNT=0 must be at least 1, or the rule never runs"],
    ["FREQ=WEEKLY;BYDAY=1MO", "BYDAY=1MO numbers weekdays (1MO) in a WEEKLY rule; dateutil drops the numbers there"],
    ["FREQ=MONTHLY;BYDAY=6MO", "BYDAY=6MO asks for weekday 6MO, which no month has"],
    ["FREQ=DAILY;COUNT=5;UNTIL=20250101T000000Z", "sets both COUNT and UNTIL; RFC 5545 allows one, and dateutil warns it will refuse both"],
    ["EXDATE:20240101T090000Z", "has no RRULE or RDATE line, so it never runs"],
    ["DTSTART;TZID=Nowhere/Zone:20240101T090000\nRRULE:FREQ=DAILY", "DTSTART's TZID=Nowhere/Zone is not a tz database zone; dateutil ignores it and reads the time as floating"],
    [
      "DTSTART;TZID=Europe/Berlin;VALUE=DATE-TIME:20240101T090000\nRRULE:FREQ=DAILY",
      "DTSTART's TZID=Europe/Berlin is ignored by dateutil unless TZID is the last parameter",
    ],
  ])("stricter than dateutil: %j", (rrule, problem) => {
    expect(problems(RRuleString, rrule)).toEqual([problem]);
  });

  it("refuses what dateutil accepts or refuses by the clock: BYHOUR unreachable at some start times, without DTSTART", () => {
    expect(check(RRuleString, "FREQ=HOURLY;INTERVAL=2;BYHOUR=9")).toEqual([
      {
        problem:
          "with INTERVAL=2, the BYHOUR values dateutil accepts depend on the start time, and there is no DTSTART: Prefect would check it against the time it validates",
        fix: 'add a DTSTART line, e.g. "DTSTART:20240101T000000Z", or use an INTERVAL that shares no factor with 24',
      },
    ]);
  });

  it("problems with fixes", () => {
    expect(check(RRuleString, "FREQ=FORTNIGHTLY")).toEqual([
      { problem: "FREQ=FORTNIGHTLY is not a frequency (YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY, MINUTELY, SECONDLY)", fix: "use FREQ=WEEKLY;INTERVAL=2" },
    ]);
    expect(RRuleString.check("FREQ=WEEKLI")[0].fix).toBe("use FREQ=WEEKLY");
    expect(check(RRuleString, "FREQ=WEEKLY;BYDAY=XX")).toEqual([
      {
        problem: 'BYDAY=XX has "XX", which is not a weekday (MO, TU, WE, TH, FR, SA, SU, optionally with a non-zero number before, e.g. -1FR)',
        fix: "use e.g. BYDAY=MO,WE,FR",
      },
    ]);
    expect(RRuleString.check("FREQ=WEEKLY;BYDAY=MON,WED")[0].fix).toBe("use BYDAY=MO,WED");
    expect(check(RRuleString, "")).toEqual([{ problem: "is empty", fix: 'use a rule such as "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0"' }]);
    expect(check(RRuleString, "FREQ=DAILY;")).toEqual([{ problem: 'has an empty part (";;", or ";" at an end)', fix: 'use "FREQ=DAILY"' }]);
    expect(check(RRuleString, "FREQ=WEEKLY; BYDAY=MO")).toEqual([{ problem: 'has whitespace around ";" or "=", where dateutil starts a new line', fix: 'use "FREQ=WEEKLY;BYDAY=MO"' }]);
    expect(check(RRuleString, "BYDAY=MO")).toEqual([{ problem: "has no FREQ part, which every rule needs", fix: 'add one, e.g. "FREQ=WEEKLY;BYDAY=MO"' }]);
    expect(check(RRuleString, "FREQ=DAILY;COUNT=1.0")).toEqual([{ problem: "COUNT=1.0 is not a whole number", fix: "use COUNT=1" }]);
    expect(check(RRuleString, "FREQ=DAILY;BYDAYS=MO")[0].fix).toMatch(/^did you mean BYDAY\? /);
    expect(check(RRuleString, "FREQ=DAILY;BYHOUR=24")).toEqual([{ problem: "BYHOUR=24 has 24, outside 0 to 23", fix: "keep BYHOUR within 0 to 23" }]);
    expect(check(RRuleString, "DTSTART:20240101T090000Z\nRRULE:FREQ=DAILY;UNTIL=20250101")).toEqual([
      { problem: 'UNTIL=20250101 has no UTC "Z", but DTSTART has a time zone (RFC 5545 and dateutil want UNTIL in UTC then)', fix: "use UNTIL=20250101T000000Z" },
    ]);
    expect(check(RRuleString, "DTSTART:20240101T090000\nRRULE:FREQ=DAILY;UNTIL=20250101T000000Z")).toEqual([
      {
        problem: "UNTIL=20250101T000000Z has a time zone, but DTSTART is floating (no Z or TZID)",
        fix: "give DTSTART a zone as well (e.g. DTSTART:20240101T090000Z), or write UNTIL=20250101T000000",
      },
    ]);
    expect(check(RRuleString, "DTSTART:20240230T090000Z\nRRULE:FREQ=DAILY")).toEqual([
      { problem: 'DTSTART value "20240230T090000Z" is not a real date and time', fix: "write a real date and time, e.g. 20240101T090000Z" },
    ]);
    expect(check(RRuleString, "DTSTART:20240101T090000Z")).toEqual([{ problem: "has no RRULE line", fix: 'add a line such as "RRULE:FREQ=DAILY"' }]);
    expect(check(RRuleString, "DTSTART;TZID=Europe/Berlin:20240101T090000Z\nRRULE:FREQ=DAILY")).toEqual([
      { problem: 'DTSTART has both a TZID and a UTC offset ("20240101T090000Z")', fix: 'drop the offset: "20240101T090000"' },
    ]);
    expect(check(RRuleString, "DTSTART;TZID=Europe/Berlin;VALUE=DATE-TIME:20240101T090000\nRRULE:FREQ=DAILY")[0].fix).toBe(
      'write "DTSTART;VALUE=DATE-TIME;TZID=Europe/Berlin:20240101T090000"',
    );
    expect(check(RRuleString, "DTSTART:20240101T080000Z\nRRULE:FREQ=HOURLY;INTERVAL=2;BYHOUR=9")).toEqual([
      {
        problem: "BYHOUR=9 is never reached counting every 2 from DTSTART's hour 8, which dateutil refuses",
        fix: "use BYHOUR values that differ from 8 by a multiple of 2, or move DTSTART",
      },
    ]);
  });

  it("Prefect's 6500-character limit", () => {
    const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10).replace(/-/g, "");
    const dates = Array.from({ length: 400 }, (_, i) => `${day(i)}T090000Z`);
    const long = `RRULE:FREQ=YEARLY\nRDATE:${dates.join(",")}`;
    expect(long.length).toBeGreaterThan(6500);
    expect(check(RRuleString, long)).toEqual([
      { problem: `is ${long.length} characters long; Prefect allows at most 6500`, fix: "split it into several schedules, or list fewer RDATE and EXDATE dates" },
    ]);
    expect(RRuleString.check(long.slice(0, long.lastIndexOf(",", 6499)))).toEqual([]);
  });

  it("reports the first bad date of a line, not every one", () => {
    expect(check(RRuleString, "RRULE:FREQ=DAILY\nEXDATE:20240230T090000Z,20240231T090000Z\nRDATE:2024-13-01,2024-14-01")).toEqual([
      { problem: 'EXDATE value "20240230T090000Z" is not a real date and time', fix: "write a real date and time, e.g. 20240101T090000Z" },
      { problem: 'RDATE value "2024-13-01" is not a real date and time', fix: "write a real date and time, e.g. 20240101T090000Z" },
    ]);
  });

  it("keeps long values short in its messages", () => {
    const [finding] = RRuleString.check("X".repeat(200));
    expect(finding.problem).toBe(`part "${"X".repeat(57)}..." is not NAME=VALUE`);
  });

  it.each(NOT_STRINGS)("reports a non-string (%j) instead of throwing", (value, type) => {
    expect(check(RRuleString, value)).toEqual([{ problem: `must be a string, not ${type}` }]);
  });
});

describe("IanaTimeZone", () => {
  it.each(["Europe/Berlin", "UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Etc/GMT-14", "US/Eastern", "CET", "EST5EDT", "EST", "GMT", "Asia/Calcutta", "Asia/Kolkata", "Europe/Kyiv", "America/Ciudad_Juarez"])(
    "accepts %j",
    (tz) => expect(IanaTimeZone.check(tz)).toEqual([]),
  );

  it("wrong case and whitespace: the database's spelling", () => {
    expect(check(IanaTimeZone, "europe/berlin")).toEqual([
      { problem: "is not spelled as the tz database spells it (zone names are case-sensitive)", fix: 'use "Europe/Berlin"' },
    ]);
    expect(check(IanaTimeZone, "us/eastern")).toEqual([{ problem: "is not spelled as the tz database spells it (zone names are case-sensitive)", fix: 'use "US/Eastern"' }]);
    expect(check(IanaTimeZone, "utc")[0].fix).toBe('use "UTC"');
    expect(check(IanaTimeZone, " Europe/Berlin")).toEqual([{ problem: "has leading or trailing whitespace", fix: 'use "Europe/Berlin"' }]);
  });

  it.each([
    ["+01:00", 'use the zone of the place to follow daylight saving time, e.g. "Europe/Berlin", or the fixed offset "Etc/GMT-1" (POSIX signs: Etc/GMT-1 is UTC+1)'],
    ["-05:00", 'use the zone of the place to follow daylight saving time, e.g. "Europe/Berlin", or the fixed offset "Etc/GMT+5" (POSIX signs: Etc/GMT+5 is UTC-5)'],
    ["UTC+2", 'use the zone of the place to follow daylight saving time, e.g. "Europe/Berlin", or the fixed offset "Etc/GMT-2" (POSIX signs: Etc/GMT-2 is UTC+2)'],
    ["+00:00", 'use "UTC"'],
    ["Z", 'use "UTC"'],
    ["+05:30", 'use the zone of the place, e.g. "Asia/Kolkata" for +05:30 (Etc/GMT zones exist for whole hours only)'],
  ])("offset %j", (tz, fix) => {
    expect(check(IanaTimeZone, tz)).toEqual([{ problem: "is a UTC offset, not a time zone name", fix }]);
  });

  it.each([
    ["CEST", "Europe/Berlin"],
    ["PST", "America/Los_Angeles"],
    ["IST", "Asia/Kolkata"],
    ["BST", "Europe/London"],
    ["XYZT", "Europe/Berlin"],
  ])("abbreviation %j", (tz, zone) => {
    expect(check(IanaTimeZone, tz)).toEqual([
      { problem: "is a time zone abbreviation, not a tz database name (abbreviations are ambiguous)", fix: `use the zone of the place the schedule follows, e.g. "${zone}"` },
    ]);
  });

  it("names Node accepts but Python's zoneinfo does not", () => {
    // ICU still knows this link, removed from the tz database in 2020b.
    expect(check(IanaTimeZone, "US/Pacific-New")).toEqual([{ problem: "is an alias only Node's ICU knows; Python's zoneinfo does not", fix: 'use "America/Los_Angeles"' }]);
    expect(problems(IanaTimeZone, "SystemV/AST4")).toEqual(["is not a time zone name of the IANA tz database"]);
    expect(problems(IanaTimeZone, "Factory")).toEqual(["is not a time zone name of the IANA tz database"]);
  });

  it("typos and bare city names: the nearest zone", () => {
    expect(check(IanaTimeZone, "Europe/Berln")).toEqual([{ problem: "is not a time zone name of the IANA tz database", fix: 'use "Europe/Berlin"' }]);
    expect(check(IanaTimeZone, "Berlin")[0].fix).toBe('use "Europe/Berlin"');
    expect(check(IanaTimeZone, "New York")[0].fix).toBe('use "America/New_York"');
    expect(check(IanaTimeZone, "Mars/Olympus_Mons")).toEqual([
      {
        problem: "is not a time zone name of the IANA tz database",
        fix: 'use a tz database name such as "Europe/Berlin" or "America/New_York"; `python -c "import zoneinfo; print(sorted(zoneinfo.available_timezones()))"` lists them',
      },
    ]);
  });

  it("Etc/GMT zones outside -14..+12: the sign people mean", () => {
    expect(check(IanaTimeZone, "Etc/GMT+13")).toEqual([
      { problem: "is not a tz database zone: the Etc/GMT zones run from Etc/GMT-14 to Etc/GMT+12", fix: 'use "Etc/GMT-13" for UTC+13 (POSIX signs: Etc/GMT-13 is UTC+13)' },
    ]);
    expect(check(IanaTimeZone, "Etc/GMT-15")[0].fix).toBe('use the zone of the place the schedule follows, e.g. "Pacific/Auckland"');
  });

  it("empty", () => {
    expect(check(IanaTimeZone, "")).toEqual([{ problem: "is empty", fix: 'use "UTC", or the zone of the place the schedule follows, e.g. "Europe/Berlin"' }]);
  });

  it("knows every zone this Node's ICU lists, and the tz database's links", () => {
    for (const zone of Intl.supportedValuesOf("timeZone")) expect(isIanaTimeZone(zone)).toBe(true);
    expect(["US/Pacific", "GB", "Japan", "Etc/UTC", "Zulu", "America/Indiana/Indianapolis"].every(isIanaTimeZone)).toBe(true);
  });

  it.each(NOT_STRINGS)("reports a non-string (%j) instead of throwing", (value, type) => {
    expect(check(IanaTimeZone, value)).toEqual([{ problem: `must be a string, not ${type}` }]);
  });
});

describe("IsoDateTime", () => {
  it.each([
    "2024-01-01T00:00:00Z",
    "2024-01-01T09:30:00+01:00",
    "2024-01-01T09:30:00-0500",
    "2024-01-01T09:30:00",
    "2024-01-01T09:30",
    "2024-01-01 09:30:00",
    "2024-01-01T09:30:00.123456Z",
    "2024-01-01", // pydantic, pendulum and dateutil read it as midnight
    "2024-02-29",
    "2000-02-29",
    "2024-12-31T23:59:59Z",
  ])("accepts %j", (value) => expect(IsoDateTime.check(value)).toEqual([]));

  it.each([
    ["2024-02-30", "is not a real date: February 2024 has 29 days", 'use a real date, e.g. "2024-02-29T00:00:00Z"'],
    ["2023-02-29", "is not a real date: February 2023 has 28 days", 'use a real date, e.g. "2023-02-28T00:00:00Z"'],
    ["1900-02-29", "is not a real date: February 1900 has 28 days", 'use a real date, e.g. "1900-02-28T00:00:00Z"'],
    ["2024-04-31T00:00:00Z", "is not a real date: April 2024 has 30 days", 'use a real date, e.g. "2024-04-30T00:00:00Z"'],
    ["2024-13-01", "has month 13; months run from 01 to 12", 'use e.g. "2024-01-01T09:00:00Z"'],
    ["2024-01-01T24:00:00Z", "has hour 24, which Python's datetime does not take", 'use "2024-01-02T00:00:00Z" (midnight is 00:00 of the next day)'],
    ["2024-12-31T24:00:00+01:00", "has hour 24, which Python's datetime does not take", 'use "2025-01-01T00:00:00+01:00" (midnight is 00:00 of the next day)'],
    ["2024-01-01T23:60:00Z", "is not a real time of day (hours 00-23, minutes and seconds 00-59)", 'use e.g. "2024-01-01T00:00:00Z"'],
    ["2024-01-01T23:59:60Z", "is not a real time of day (hours 00-23, minutes and seconds 00-59)", 'use e.g. "2024-01-01T00:00:00Z"'],
    ["2024-01-01T09:00:00+24:00", "has the offset +24:00; offsets run from -23:59 to +23:59", 'use "2024-01-01T09:00:00Z" for UTC, or a real offset such as +01:00'],
    ["0000-01-01", "has year 0000, which Python's datetime does not have", 'use e.g. "2024-01-01T09:00:00Z"'],
  ])("refuses %j", (value, problem, fix) => {
    expect(check(IsoDateTime, value)).toEqual([{ problem, fix }]);
  });

  it.each([
    ["20240101T090000Z", "2024-01-01T09:00:00Z"],
    ["20240101", "2024-01-01T00:00:00Z"],
    ["2024/01/15", "2024-01-15T00:00:00Z"],
    ["2024-01-01t09:00:00z", "2024-01-01T09:00:00Z"],
    ["2024-01-01T09:00:00+01", "2024-01-01T09:00:00+01:00"],
    ["2024-01-01T09:00:00,5Z", "2024-01-01T09:00:00.5Z"],
  ])("near misses: %j gets the extended form", (value, fixed) => {
    expect(check(IsoDateTime, value)).toEqual([{ problem: "is not in the ISO 8601 extended form Prefect's parsers share (YYYY-MM-DDTHH:MM:SS)", fix: `use "${fixed}"` }]);
    expect(IsoDateTime.check(fixed)).toEqual([]);
  });

  it("more than microseconds, Unix times, free text", () => {
    expect(check(IsoDateTime, "2024-01-01T09:30:00.1234567Z")).toEqual([{ problem: "has more than 6 digits of fractional seconds", fix: 'use "2024-01-01T09:30:00.123456Z"' }]);
    expect(check(IsoDateTime, "1704067200")).toEqual([{ problem: "is a Unix timestamp, not an ISO 8601 date-time", fix: 'use "2024-01-01T00:00:00Z"' }]);
    for (const text of ["next monday", "01/02/2024", "2024-1-1", "2024-01-01T9:00"]) {
      expect(check(IsoDateTime, text)).toEqual([{ problem: "is not an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SS with Z or an offset)", fix: 'use e.g. "2024-01-01T09:00:00Z"' }]);
    }
    expect(check(IsoDateTime, "")).toEqual([{ problem: "is empty", fix: 'use e.g. "2024-01-01T09:00:00Z"' }]);
    expect(check(IsoDateTime, " 2024-01-01 ")).toEqual([{ problem: "has leading or trailing whitespace", fix: 'use "2024-01-01"' }]);
  });

  it("non-strings: numbers and Dates get their ISO form", () => {
    expect(check(IsoDateTime, 1704067200)).toEqual([{ problem: "must be an ISO 8601 string, not a number", fix: 'use "2024-01-01T00:00:00Z"' }]);
    expect(check(IsoDateTime, new Date("2024-03-01T12:00:00.250Z"))).toEqual([{ problem: "must be an ISO 8601 string, not a Date object", fix: 'use "2024-03-01T12:00:00Z"' }]);
    expect(check(IsoDateTime, new Date("nonsense"))).toEqual([{ problem: "must be an ISO 8601 string, not a Date object", fix: 'use e.g. "2024-01-01T09:00:00Z"' }]);
    expect(check(IsoDateTime, NaN)).toEqual([{ problem: "must be an ISO 8601 string, not a number", fix: 'use e.g. "2024-01-01T09:00:00Z"' }]);
    expect(check(IsoDateTime, null)).toEqual([{ problem: "must be a string, not null" }]);
    expect(check(IsoDateTime, { year: 2024 })).toEqual([{ problem: "must be a string, not object" }]);
    expect(check(IsoDateTime, false)).toEqual([{ problem: "must be a string, not boolean" }]);
  });
});

describe("PositiveInteger", () => {
  it.each([1, 5, 100, Number.MAX_SAFE_INTEGER])("accepts %j", (n) => expect(PositiveInteger.check(n)).toEqual([]));

  it.each([
    [0, "must be greater than 0", "use 1 or more"],
    [-3, "must be greater than 0", "use 1 or more"],
    [1.5, "must be a whole number", "use 2"],
    [0.4, "must be a whole number", "use 1"],
    [NaN, "must be a finite number", "use a whole number of 1 or more, e.g. 1"],
    [Infinity, "must be a finite number", "use a whole number of 1 or more, e.g. 1"],
    [2 ** 60, "is larger than 9007199254740991, the largest whole number JavaScript holds exactly", "use a smaller number"],
  ])("refuses %j", (n, problem, fix) => {
    expect(check(PositiveInteger, n)).toEqual([{ problem, fix }]);
  });

  it("strings: the number they hold", () => {
    expect(check(PositiveInteger, "5")).toEqual([{ problem: "must be a number, not a string", fix: "use the number 5" }]);
    expect(check(PositiveInteger, " 12 ")).toEqual([{ problem: "must be a number, not a string", fix: "use the number 12" }]);
    expect(check(PositiveInteger, "0")).toEqual([{ problem: "must be a number, not a string", fix: "use a whole number of 1 or more, e.g. 1" }]);
    expect(check(PositiveInteger, "five")).toEqual([{ problem: "must be a number, not a string", fix: "use a whole number of 1 or more, e.g. 1" }]);
    expect(check(PositiveInteger, "")).toEqual([{ problem: "must be a number, not a string", fix: "use a whole number of 1 or more, e.g. 1" }]);
  });

  it.each([
    [true, "boolean"],
    [null, "null"],
    [[3], "object"],
  ])("reports %j instead of throwing", (value, type) => {
    expect(check(PositiveInteger, value)).toEqual([{ problem: `must be a number, not ${type}`, fix: "use a whole number of 1 or more, e.g. 1" }]);
  });
});

describe("PositiveSeconds", () => {
  it.each([1, 600, 0.5, 86_400 * 365])("accepts %j", (n) => expect(PositiveSeconds.check(n)).toEqual([]));

  it.each([
    [0, "must be greater than 0", "use a number of seconds greater than 0, e.g. 600"],
    [-60, "must be greater than 0", "use a number of seconds greater than 0, e.g. 600"],
    [NaN, "must be a finite number of seconds", "use a number of seconds greater than 0, e.g. 600"],
    [Infinity, "must be a finite number of seconds", "use a number of seconds greater than 0, e.g. 600"],
    [1e20, "is longer than Python's timedelta holds (999999999 days)", "use a shorter interval"],
  ])("refuses %j", (n, problem, fix) => {
    expect(check(PositiveSeconds, n)).toEqual([{ problem, fix }]);
  });

  it.each([
    ["600", "use the number 600"],
    ["1.5", "use the number 1.5"],
    ["PT10M", "use the number 600"],
    ["P1DT1H30M", "use the number 91800"],
    ["PT0.5S", "use the number 0.5"],
    ["0", "use a number of seconds greater than 0, e.g. 600"],
    ["PT", "use a number of seconds greater than 0, e.g. 600"],
    ["ten minutes", "use a number of seconds greater than 0, e.g. 600"],
  ])("strings: %j", (value, fix) => {
    expect(check(PositiveSeconds, value)).toEqual([{ problem: "must be a number of seconds, not a string", fix }]);
  });

  it.each([
    [true, "boolean"],
    [null, "null"],
    [{ minutes: 10 }, "object"],
  ])("reports %j instead of throwing", (value, type) => {
    expect(check(PositiveSeconds, value)).toEqual([{ problem: `must be a number of seconds, not ${type}`, fix: "use a number of seconds greater than 0, e.g. 600" }]);
  });
});

describe("WorkPoolName", () => {
  it.each(["etl", "my pool", "docker-pool", "Pool_1", "prod.eu", "ümlaut", "a"])("accepts %j", (name) => expect(WorkPoolName.check(name)).toEqual([]));

  it.each([
    ["etl/images", "contains /, which Prefect refuses in names (they break API URLs)", 'use "etl-images"'],
    ["a&b<c>d%e", "contains & < > %, which Prefect refuses in names (they break API URLs)", 'use "a-b-c-d-e"'],
    ["/etl/", "contains /, which Prefect refuses in names (they break API URLs)", 'use "etl"'],
    ["//", "contains /, which Prefect refuses in names (they break API URLs)", 'use "my-pool"'],
    ["", "is empty", 'use a name such as "my-pool"'],
    ["   ", "is empty once spaces and quotes are stripped, which Prefect refuses", 'use a name such as "my-pool"'],
    ["''", "is empty once spaces and quotes are stripped, which Prefect refuses", 'use a name such as "my-pool"'],
    ['" "', "is empty once spaces and quotes are stripped, which Prefect refuses", 'use a name such as "my-pool"'],
    ["\t", "is only whitespace", 'use a name such as "my-pool"'],
    [" etl ", "has leading or trailing whitespace", 'use "etl"'],
  ])("refuses %j", (name, problem, fix) => {
    expect(check(WorkPoolName, name)).toEqual([{ problem, fix }]);
  });

  it("reports banned characters and whitespace together, with one fix", () => {
    expect(check(WorkPoolName, " etl/x ")).toEqual([
      { problem: "contains /, which Prefect refuses in names (they break API URLs)", fix: 'use "etl-x"' },
      { problem: "has leading or trailing whitespace", fix: 'use "etl-x"' },
    ]);
  });

  it.each(NOT_STRINGS)("reports a non-string (%j) instead of throwing", (value, type) => {
    expect(check(WorkPoolName, value)).toEqual([{ problem: `must be a string, not ${type}` }]);
  });
});

describe("WorkPoolType", () => {
  it.each([...WORK_POOL_TYPES])("accepts %j", (type) => expect(WorkPoolType.check(type)).toEqual([]));

  it("covers the types FlowDeployment and ImageWorkPool offer, and Prefect's registry and push/managed pools", () => {
    const offered = ["process", "docker", "kubernetes", "ecs", "cloud-run", "azure-container-instance", "ecs:push", "cloud-run:push", "azure-container-instance:push"];
    const registry = ["process", "ecs", "azure-container-instance", "docker", "cloud-run", "cloud-run-v2", "vertex-ai", "kubernetes"];
    const cloud = ["cloud-run-v2:push", "modal:push", "coiled:push", "prefect:managed"];
    for (const type of [...offered, ...registry, ...cloud]) expect(WORK_POOL_TYPES).toContain(type);
    expect(new Set(WORK_POOL_TYPES).size).toBe(WORK_POOL_TYPES.length);
  });

  it.each([
    ["kubernetes-job", "kubernetes"],
    ["ECS", "ecs"],
    ["k8s", "kubernetes"],
    ["ecs-push", "ecs:push"],
    ["cloud_run", "cloud-run"],
    ["Cloud Run V2", "cloud-run-v2"],
    ["cloud-run-push", "cloud-run:push"],
    ["aci", "azure-container-instance"],
    ["docker-worker", "docker"],
    ["dokcer", "docker"],
    ["kubernets", "kubernetes"],
    ["prefect-managed", "prefect:managed"],
    ["managed", "prefect:managed"],
    ["local", "process"],
    ["vertex", "vertex-ai"],
  ])("suggests the closest type for %j", (type, closest) => {
    // The enum member is written out by hand here (`cloud-run:push` → CLOUD_RUN_PUSH), as a user would.
    const member = closest.toUpperCase().replace(/[-:]/g, "_");
    expect(check(WorkPoolType, type)).toEqual([{ problem: `is not a Prefect work pool type (${WORK_POOL_TYPES.join(", ")})`, fix: `use WorkPoolType.${member} ("${closest}")` }]);
  });

  it("no suggestion for what resembles no type", () => {
    expect(check(WorkPoolType, "lambda")).toEqual([
      {
        problem: `is not a Prefect work pool type (${WORK_POOL_TYPES.join(", ")})`,
        fix: "pick one of the types listed; `prefect work-pool get-default-base-job-template --type <type>` shows each one's settings",
      },
    ]);
    expect(WorkPoolType.check("")[0].fix).toMatch(/^pick one of the types listed/);
  });

  it.each(NOT_STRINGS)("reports a non-string (%j) instead of throwing", (value, type) => {
    expect(check(WorkPoolType, value)).toEqual([{ problem: `must be a string, not ${type}` }]);
  });

  it("closestMatch: within a third of the length, nearest first", () => {
    expect(closestMatch("dokcer", ["docker", "process"])).toBe("docker");
    expect(closestMatch("xyz", ["docker", "process"])).toBeUndefined();
    expect(closestMatch("ab", ["ac", "ad"])).toBe("ac");
    expect(closestMatch("abcdefghij", ["abcdefghzz"], 1)).toBeUndefined();
  });
});

describe("AwsKmsKeyArn", () => {
  const uuid = "1234abcd-12ab-34cd-56ef-1234567890ab";
  const mrk = "mrk-1234abcd12ab34cd56ef1234567890ab";
  const lookup = (id: string) => `copy the key's ARN from \`aws kms describe-key --key-id ${id} --query KeyMetadata.Arn --output text\``;

  it.each([
    `arn:aws:kms:us-east-1:111122223333:key/${uuid}`,
    `arn:aws:kms:eu-central-2:111122223333:key/${mrk}`,
    `arn:aws:kms:il-central-1:111122223333:key/${uuid}`,
    `arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/${uuid}`,
    `arn:aws-cn:kms:cn-north-1:111122223333:key/${uuid}`,
  ])("accepts %j", (arn) => expect(AwsKmsKeyArn.check(arn)).toEqual([]));

  it("aliases and bare key IDs: describe-key gives the ARN", () => {
    const aliasArn = "arn:aws:kms:us-east-1:111122223333:alias/flow-code";
    expect(check(AwsKmsKeyArn, aliasArn)).toEqual([{ problem: "is a KMS alias ARN, not a key ARN", fix: lookup(aliasArn) }]);
    expect(check(AwsKmsKeyArn, "alias/flow-code")).toEqual([{ problem: "is a KMS alias, not a key ARN", fix: lookup("alias/flow-code") }]);
    expect(check(AwsKmsKeyArn, uuid)).toEqual([{ problem: "is a bare key ID, not a key ARN", fix: lookup(uuid) }]);
    expect(check(AwsKmsKeyArn, mrk)).toEqual([{ problem: "is a bare key ID, not a key ARN", fix: lookup(mrk) }]);
    expect(check(AwsKmsKeyArn, "flow-code")).toEqual([{ problem: "is neither a key ARN nor a key ID (an alias name is written alias/<name>)", fix: lookup("alias/flow-code") }]);
  });

  it("names each broken part", () => {
    expect(problems(AwsKmsKeyArn, "arn:aws:kms:useast1:11112222333:key/abc")).toEqual([
      'has "useast1" where the Region goes (e.g. us-east-1)',
      'has "11112222333" where the 12-digit account ID goes',
      'has key ID "abc", which is neither a UUID nor an mrk- multi-Region ID',
    ]);
    expect(check(AwsKmsKeyArn, `arn:aws-iso:kms:us-iso-east-1:111122223333:key/${uuid}`)).toEqual([
      { problem: 'has partition "aws-iso"; KMS key ARNs use aws, aws-us-gov, aws-cn', fix: lookup(uuid) },
    ]);
    expect(problems(AwsKmsKeyArn, `arn:aws:kms:us-east-1::key/${uuid}`)).toEqual(["has no account ID"]);
    expect(problems(AwsKmsKeyArn, `arn:aws:kms::111122223333:key/${uuid}`)).toEqual(["has no Region"]);
    expect(problems(AwsKmsKeyArn, "arn:aws:kms:us-east-1:111122223333:grant/abc")).toEqual(['ends in "grant/abc" where key/<key id> goes']);
    expect(check(AwsKmsKeyArn, "arn:aws:s3:::flow-code")).toEqual([{ problem: "is an ARN of s3, not of a KMS key", fix: lookup("<alias or key id>") }]);
    expect(problems(AwsKmsKeyArn, "kms-key")).toEqual(["is neither a key ARN nor a key ID (an alias name is written alias/<name>)"]);
    expect(problems(AwsKmsKeyArn, "key/abc")).toEqual(["is not an ARN (arn:aws:kms:<region>:<account>:key/<key id>)"]);
  });

  it("uppercase and whitespace: the exact ARN", () => {
    const arn = `arn:aws:kms:us-east-1:111122223333:key/${uuid}`;
    expect(check(AwsKmsKeyArn, arn.toUpperCase().replace("ARN:AWS:KMS:US-EAST-1", "arn:aws:kms:us-east-1"))).toEqual([
      { problem: "has uppercase letters; AWS writes key ARNs in lowercase and IAM compares them exactly", fix: `use "${arn}"` },
    ]);
    expect(check(AwsKmsKeyArn, ` ${arn}\n`)).toEqual([{ problem: "has leading or trailing whitespace", fix: `use "${arn}"` }]);
    expect(check(AwsKmsKeyArn, "")).toEqual([{ problem: "is empty", fix: lookup("<alias or key id>") }]);
  });

  it("accepts no key ARN of the aws and aws-us-gov partitions that EcrKmsKeyArn refuses", () => {
    for (const arn of [`arn:aws:kms:us-east-1:111122223333:key/${uuid}`, `arn:aws:kms:eu-west-1:111122223333:key/${mrk}`, `arn:aws-us-gov:kms:us-gov-east-1:111122223333:key/${uuid}`]) {
      expect(AwsKmsKeyArn.check(arn)).toEqual([]);
      expect(EcrKmsKeyArn.check(arn)).toEqual([]);
    }
  });

  it.each(NOT_STRINGS)("reports a non-string (%j) instead of throwing", (value, type) => {
    expect(check(AwsKmsKeyArn, value)).toEqual([{ problem: `must be a string, not ${type}` }]);
  });
});

describe("rules of this file", () => {
  const all = [AwsKmsKeyArn, CronExpression, IanaTimeZone, IsoDateTime, PositiveInteger, PositiveSeconds, RRuleString, WorkPoolName, WorkPoolType];

  it("never throw, whatever they are given", () => {
    const odd: unknown[] = [undefined, null, 0, -1, NaN, "", " ", "\u0000", "💥", {}, [], () => 1, Symbol("x"), 10n, new Date(0), "x".repeat(10_000)];
    for (const rule of all) {
      for (const value of odd) {
        const found = rule.check(value);
        expect(Array.isArray(found)).toBe(true);
        for (const f of found) expect(typeof f.problem).toBe("string");
      }
    }
  });

  it("give a fix with every problem about a string value", () => {
    const bad = ["", "x", "61 * * * *", "FREQ=X", "europe/berlin", "2024-02-30", "5", "a/b", "lambda", "alias/x"];
    for (const rule of all) {
      for (const value of bad) {
        for (const f of rule.check(value)) expect(f.fix).toEqual(expect.any(String));
      }
    }
  });
});
