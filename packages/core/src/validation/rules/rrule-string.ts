import { Rule, RuleFinding } from "../rule";
import { isIanaTimeZone } from "./iana-time-zone";
import { closestMatch } from "../../core/closest-match";

/** Prefect's limit on an rrule string (`MAX_RRULE_LENGTH`: about a year of RDATEs). */
const MAX_LENGTH = 6500;

const FREQS = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY"];
const [YEARLY, MONTHLY, , , HOURLY, MINUTELY, SECONDLY] = FREQS.map((_, i) => i);
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
/** Frequencies people write that RFC 5545 spells differently. */
const FREQ_FIXES: { readonly [freq: string]: string } = {
  FORTNIGHTLY: "FREQ=WEEKLY;INTERVAL=2",
  BIWEEKLY: "FREQ=WEEKLY;INTERVAL=2",
  QUARTERLY: "FREQ=MONTHLY;INTERVAL=3",
  ANNUALLY: "FREQ=YEARLY",
};
const INTEGER_PARTS = ["INTERVAL", "COUNT"];
/** dateutil's integer-list parts, with the range RFC 5545 gives each (BYEASTER, dateutil's own, has none). */
const LIST_PARTS: { readonly [part: string]: { readonly min: number; readonly max: number; readonly negative: boolean } | undefined } = {
  BYSETPOS: { min: 1, max: 366, negative: true },
  BYMONTH: { min: 1, max: 12, negative: false },
  BYMONTHDAY: { min: 1, max: 31, negative: true },
  BYYEARDAY: { min: 1, max: 366, negative: true },
  BYEASTER: undefined,
  BYWEEKNO: { min: 1, max: 53, negative: true },
  BYHOUR: { min: 0, max: 23, negative: false },
  BYMINUTE: { min: 0, max: 59, negative: false },
  BYSECOND: { min: 0, max: 59, negative: false },
};
const PARTS = ["FREQ", "UNTIL", "WKST", "BYDAY", "BYWEEKDAY", ...INTEGER_PARTS, ...Object.keys(LIST_PARTS)];

const EXAMPLE = '"FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0"';

/**
 * An RFC 5545 recurrence rule as Prefect's `RRuleSchedule` takes it: what python-dateutil's
 * `rrulestr` parses (Prefect's own check), at most 6500 characters. A single rule
 * (`FREQ=WEEKLY;BYDAY=MO`, optionally `RRULE:`-prefixed) or lines of `DTSTART`, `RRULE`, `RDATE`,
 * `EXRULE` and `EXDATE`, separated by newlines or spaces; case-insensitive.
 *
 * Follows dateutil's parser step by step (unknown parts, `;;`, a trailing `;`, a missing FREQ, bad
 * numbers and weekdays, BYSETPOS 0, BYHOUR 24 in a daily rule, an UNTIL without Z after a zoned
 * DTSTART). Stricter than dateutil where the rule would never do what it says: values outside RFC
 * 5545's ranges (BYMONTH=13, INTERVAL=0, COUNT=0), an ordinal BYDAY (`1MO`) outside MONTHLY and
 * YEARLY rules (dateutil drops the ordinal), COUNT with UNTIL, a TZID dateutil ignores, and date-times
 * in other forms than RFC 5545's `20240101T090000Z` or ISO 8601's `2024-01-01T09:00:00Z` (dateutil
 * guesses at those).
 */
export const RRuleString: Rule<unknown> = {
  id: "RRuleString",
  explanation:
    "An rrule schedule is an RFC 5545 recurrence rule such as FREQ=WEEKLY;BYDAY=MO (optionally with DTSTART, RDATE, EXRULE and EXDATE lines), as python-dateutil parses it, at most 6500 characters.",
  check: (rrule) => {
    if (typeof rrule !== "string") return [{ problem: `must be a string, not ${rrule === null ? "null" : typeof rrule}` }];
    const found = parse(rrule);
    if (rrule.length > MAX_LENGTH) {
      found.push({ problem: `is ${rrule.length} characters long; Prefect allows at most ${MAX_LENGTH}`, fix: "split it into several schedules, or list fewer RDATE and EXDATE dates" });
    }
    return found;
  },
};

interface DateTime {
  /** Has a UTC offset (Z, +01:00) or a TZID dateutil knows. */
  readonly aware: boolean;
  /** Hour, minute and second (0 for a date). */
  readonly time: readonly [number, number, number];
}

/** dateutil's `_parse_rfc` (with `unfold=False, forceset=False`, as Prefect calls it). */
function parse(original: string): RuleFinding[] {
  const s = original.toUpperCase();
  if (s.trim() === "") return [{ problem: "is empty", fix: `use a rule such as ${EXAMPLE}` }];
  // TZID values keep their case: dateutil looks the upper-cased parameter up in this map.
  const tzids = new Map([...original.matchAll(/TZID=([^:]+):/g)].map((m) => [m[1].toUpperCase(), m[1]]));
  // dateutil splits lines at any whitespace, so a space inside a rule cuts it in two.
  if (/[;=]\s+\S|\S\s+[;=]/.test(original)) {
    return [{ problem: 'has whitespace around ";" or "=", where dateutil starts a new line', fix: `use "${short(original.trim().replace(/\s*([;=])\s*/g, "$1"))}"` }];
  }
  const lines = s.split(/\s+/).filter(Boolean);
  if (lines.length === 1 && (!s.includes(":") || s.startsWith("RRULE:"))) return parseRule(lines[0], undefined);

  const found: RuleFinding[] = [];
  const rrules: string[] = [];
  const exrules: string[] = [];
  let rdates = 0;
  let exdates = 0;
  let dtstart: DateTime | undefined;
  for (const line of lines) {
    const colon = line.indexOf(":");
    const [head, value] = colon < 0 ? ["RRULE", line] : [line.slice(0, colon), line.slice(colon + 1)];
    const [name, ...params] = head.split(";");
    if (name === "RRULE" || name === "EXRULE") {
      for (const p of params) found.push({ problem: `${name} has the parameter ${p}, which dateutil does not take`, fix: `write "${name}:${short(value)}"` });
      (name === "RRULE" ? rrules : exrules).push(value);
    } else if (name === "RDATE") {
      for (const p of params.filter((p) => p !== "VALUE=DATE-TIME")) {
        found.push({ problem: `RDATE has the parameter ${p}, which dateutil does not take`, fix: `write "RDATE:${short(value)}" with date-times such as 20240101T090000Z` });
      }
      // The first bad date of a line is enough to report.
      value.split(",").every((d) => dateTime(d, "RDATE", found) !== undefined);
      rdates++;
    } else if (name === "EXDATE" || name === "DTSTART") {
      const dates = dateValues(name, value, params, tzids, found, original);
      if (name === "EXDATE") exdates++;
      else if (dates.length !== 1) found.push({ problem: `DTSTART has ${dates.length} values; it takes one`, fix: `keep one, e.g. "DTSTART:${value.split(",")[0]}"` });
      else dtstart = dates[0];
    } else {
      found.push({
        problem: `has a line "${short(name)}", which dateutil does not read (it reads DTSTART, RRULE, RDATE, EXRULE and EXDATE)`,
        fix: `remove it, or put it on one line with its rule, as in ${EXAMPLE}`,
      });
    }
  }
  if (rrules.length > 1 || rdates || exrules.length || exdates) {
    for (const r of [...rrules, ...exrules]) found.push(...parseRule(r, dtstart));
    if (!rrules.length && !rdates) found.push({ problem: "has no RRULE or RDATE line, so it never runs", fix: `add a rule such as "RRULE:FREQ=WEEKLY;BYDAY=MO"` });
  } else if (rrules.length === 0) {
    found.push({ problem: "has no RRULE line", fix: 'add a line such as "RRULE:FREQ=DAILY"' });
  } else {
    found.push(...parseRule(rrules[0], dtstart));
  }
  return found;
}

/** Values of DTSTART or EXDATE with their parameters (dateutil's `_parse_date_value`). */
function dateValues(name: string, value: string, params: string[], tzids: Map<string, string>, found: RuleFinding[], original: string): DateTime[] {
  let zoned = false;
  let valueSeen = false;
  for (const p of params) {
    if (p.startsWith("TZID=")) {
      const key = p.split("TZID=").pop()!;
      const zone = tzids.get(key);
      if (zone === undefined) {
        const at = original.toUpperCase().indexOf(p);
        const others = params.filter((q) => q !== p).join(";");
        found.push({
          problem: `${name}'s ${original.slice(at, at + p.length)} is ignored by dateutil unless TZID is the last parameter`,
          fix: `write "${name};${others ? `${others};` : ""}${original.slice(at, at + p.length)}:${short(value)}"`,
        });
      } else if (!isIanaTimeZone(zone)) {
        found.push({ problem: `${name}'s TZID=${zone} is not a tz database zone; dateutil ignores it and reads the time as floating`, fix: 'use a zone such as "TZID=Europe/Berlin"' });
      } else {
        zoned = true;
      }
    } else if (p !== "VALUE=DATE-TIME" && p !== "VALUE=DATE") {
      found.push({ problem: `${name} has the parameter ${p}, which dateutil does not take`, fix: `write "${name}:${short(value)}"` });
    } else if (valueSeen) {
      found.push({ problem: `${name} has VALUE twice`, fix: "keep one VALUE parameter" });
    } else {
      valueSeen = true;
    }
  }
  const before = found.length;
  return value.split(",").map((d) => {
    const parsed = dateTime(d, name, found.length > before ? [] : found);
    if (zoned && parsed?.aware) {
      found.push({ problem: `${name} has both a TZID and a UTC offset ("${d}")`, fix: `drop the offset: "${d.replace(/(Z|[+-]\d{2}:?\d{2})$/, "")}"` });
    }
    return { aware: zoned || !!parsed?.aware, time: parsed?.time ?? [0, 0, 0] };
  });
}

/**
 * A date or date-time in a form every reader agrees on: RFC 5545's `20240101`, `20240101T090000` and
 * `20240101T090000Z` (or with an offset, `+0100`), or ISO 8601's `2024-01-01`, `2024-01-01T09:00[:00]`
 * with `Z` or `+01:00`.
 */
function dateTime(text: string, what: string, found: RuleFinding[]): DateTime | undefined {
  const m =
    /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/.exec(text) ??
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/.exec(text);
  if (!m) {
    found.push({ problem: `${what} value "${short(text)}" is not an RFC 5545 date-time`, fix: "write it as YYYYMMDDTHHMMSSZ (UTC) or YYYYMMDDTHHMMSS, e.g. 20240101T090000Z" });
    return undefined;
  }
  const [y, mo, d, h = 0, mi = 0, sec = 0] = m.slice(1, 7).map((x) => Number(x ?? 0));
  const t = new Date(Date.UTC(y, mo - 1, d));
  t.setUTCFullYear(y);
  if (y < 1 || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) {
    found.push({ problem: `${what} value "${text}" is not a real date and time`, fix: "write a real date and time, e.g. 20240101T090000Z" });
    return undefined;
  }
  return { aware: m[7] !== undefined, time: [h, mi, sec] };
}

/** One rule (dateutil's `_parse_rfc_rrule` and the checks of its `rrule` constructor). */
function parseRule(line: string, dtstart: DateTime | undefined): RuleFinding[] {
  const found: RuleFinding[] = [];
  let value = line;
  if (line.includes(":")) {
    const parts = line.split(":");
    if (parts.length !== 2) return [{ problem: `rule "${short(line)}" has more than one ":"`, fix: `write "RRULE:" once, then the parts: ${EXAMPLE}` }];
    if (parts[0] !== "RRULE") return [{ problem: `rule "${short(line)}" starts with "${short(parts[0])}:" where dateutil expects "RRULE:"`, fix: `write "RRULE:${short(parts[1])}"` }];
    value = parts[1];
  }
  const rule = new Map<string, string>();
  for (const pair of value.split(";")) {
    const kv = pair.split("=");
    if (kv.length !== 2) {
      const cleaned = value.split(";").filter((p) => p.split("=").length === 2).join(";");
      found.push(
        pair === ""
          ? { problem: 'has an empty part (";;", or ";" at an end)', fix: cleaned ? `use "${cleaned}"` : `use a rule such as ${EXAMPLE}` }
          : { problem: `part "${short(pair)}" is not NAME=VALUE`, fix: `write each part as NAME=VALUE, separated by ";" without spaces, e.g. ${EXAMPLE}` },
      );
      continue;
    }
    const [name, v] = kv;
    if (!PARTS.includes(name)) {
      const near = closestMatch(name, PARTS);
      found.push({ problem: `has the part ${short(name)}, which dateutil does not know`, fix: near ? `did you mean ${near}? RFC 5545's parts are ${PARTS.join(", ")}` : `use RFC 5545's parts: ${PARTS.join(", ")}` });
      continue;
    }
    const problem = partProblem(name, v);
    if (problem) found.push(problem);
    else rule.set(name === "BYWEEKDAY" ? "BYDAY" : name, v);
  }
  if (found.length) return found;
  return ruleProblems(rule, value, dtstart);
}

/** Why dateutil refuses one NAME=VALUE part, if it does. */
function partProblem(name: string, v: string): RuleFinding | undefined {
  const shown = short(`${name}=${v}`);
  if (name === "FREQ") {
    if (FREQS.includes(v)) return undefined;
    const fix = FREQ_FIXES[v] ?? (closestMatch(v, FREQS) && `FREQ=${closestMatch(v, FREQS)}`);
    return { problem: `${shown} is not a frequency (${FREQS.join(", ")})`, fix: fix ? `use ${fix}` : `use one of ${FREQS.join(", ")}` };
  }
  if (name === "UNTIL") {
    const found: RuleFinding[] = [];
    dateTime(v, "UNTIL", found);
    return found[0];
  }
  if (name === "WKST") {
    return WEEKDAYS.includes(v) ? undefined : { problem: `${shown} is not a weekday (${WEEKDAYS.join(", ")})`, fix: "use e.g. WKST=MO" };
  }
  if (name === "BYDAY" || name === "BYWEEKDAY") {
    const bad = v.split(",").find((d) => weekday(d) === undefined);
    if (bad === undefined) return undefined;
    const near = closestMatch(bad.replace(/^[+-]?\d+/, ""), WEEKDAYS);
    return {
      problem: bad === "" ? `${shown} has an empty weekday` : `${shown} has "${bad}", which is not a weekday (${WEEKDAYS.join(", ")}, optionally with a non-zero number before, e.g. -1FR)`,
      fix: near && bad !== "" ? `use ${name}=${v.split(",").map((d) => (d === bad ? bad.replace(/[A-Z]+$/, "").concat(near) : d)).join(",")}` : `use e.g. ${name}=MO,WE,FR`,
    };
  }
  const items = INTEGER_PARTS.includes(name) ? [v] : v.split(",");
  const bad = items.find((x) => integer(x) === undefined);
  if (bad === undefined) return undefined;
  return {
    problem: INTEGER_PARTS.includes(name) ? `${shown} is not a whole number` : `${shown} has "${bad}", which is not a whole number`,
    fix: /^\d+\.0*$/.test(bad) ? `use ${name}=${items.map((x) => (x === bad ? String(parseInt(x, 10)) : x)).join(",")}` : `write ${name} as ${INTEGER_PARTS.includes(name) ? "a whole number" : "whole numbers separated by commas"}`,
  };
}

/** Python's `int()` of an ASCII string: sign, digits, single underscores between digits. */
function integer(text: string): number | undefined {
  return /^[+-]?\d+(?:_\d+)*$/.test(text) ? Number(text.replace(/_/g, "")) : undefined;
}

/** dateutil's BYDAY item: `MO`, `+1MO`, `-1FR` or `MO(+1)`; its ordinal (0 for none), or undefined if dateutil refuses it. */
function weekday(d: string): number | undefined {
  const prefixed = /^([+-]?\d+)?([A-Z]{2})$/.exec(d);
  const [ordinal, name] = prefixed ? [prefixed[1], prefixed[2]] : (/^([A-Z]{2})\(([+-]?\d+)\)$/.exec(d)?.slice(1).reverse() ?? []);
  if (name === undefined || !WEEKDAYS.includes(name)) return undefined;
  if (ordinal === undefined) return 0;
  return Number(ordinal) === 0 ? undefined : Number(ordinal);
}

/** What dateutil's `rrule()` refuses, and values RFC 5545 rules out (which never match). */
function ruleProblems(rule: Map<string, string>, value: string, dtstart: DateTime | undefined): RuleFinding[] {
  const found: RuleFinding[] = [];
  const freqName = rule.get("FREQ");
  if (freqName === undefined) return [{ problem: "has no FREQ part, which every rule needs", fix: `add one, e.g. "FREQ=WEEKLY;${short(value)}"` }];
  const freq = FREQS.indexOf(freqName);
  const until = rule.get("UNTIL");
  if (until !== undefined && dtstart) {
    const untilAware = dateTime(until, "UNTIL", [])?.aware;
    if (untilAware !== dtstart.aware) {
      found.push(
        dtstart.aware
          ? { problem: `UNTIL=${until} has no UTC "Z", but DTSTART has a time zone (RFC 5545 and dateutil want UNTIL in UTC then)`, fix: `use UNTIL=${until.replace(/^(\d{8})$/, "$1T000000")}Z` }
          : { problem: `UNTIL=${until} has a time zone, but DTSTART is floating (no Z or TZID)`, fix: `give DTSTART a zone as well (e.g. DTSTART:20240101T090000Z), or write UNTIL=${until.replace(/(Z|[+-]\d{2}:?\d{2})$/, "")}` },
      );
    }
  }
  const numbers = (part: string) => rule.get(part)?.split(",").map((x) => integer(x)!);
  for (const [part, range] of Object.entries(LIST_PARTS)) {
    const values = numbers(part);
    if (!values || !range) continue;
    const outside = values.filter((x) => (range.negative ? Math.abs(x) < range.min || Math.abs(x) > range.max : x < range.min || x > range.max));
    if (outside.length) {
      const allowed = range.negative ? `${range.min} to ${range.max} or -${range.max} to -${range.min}` : `${range.min} to ${range.max}`;
      found.push({ problem: `${part}=${rule.get(part)} has ${outside.join(", ")}, outside ${allowed}`, fix: `keep ${part} within ${allowed}` });
    }
  }
  for (const part of INTEGER_PARTS) {
    const n = numbers(part)?.[0];
    if (n !== undefined && n < 1) {
      found.push({ problem: `${part}=${rule.get(part)} must be at least 1${part === "COUNT" ? ", or the rule never runs" : ""}`, fix: part === "INTERVAL" ? "use INTERVAL=1 (the default) or more" : "use COUNT=1 or more, or leave COUNT out for no end" });
    }
  }
  if (rule.has("COUNT") && until !== undefined) {
    found.push({ problem: "sets both COUNT and UNTIL; RFC 5545 allows one, and dateutil warns it will refuse both", fix: "keep COUNT or UNTIL" });
  }
  const days = rule.get("BYDAY")?.split(",") ?? [];
  const ordinals = days.filter((d) => weekday(d) !== 0);
  if (ordinals.length && freq !== MONTHLY && freq !== YEARLY) {
    found.push({
      problem: `BYDAY=${rule.get("BYDAY")} numbers weekdays (${ordinals.join(", ")}) in a ${freqName} rule; dateutil drops the numbers there`,
      fix: `use FREQ=MONTHLY for "the nth weekday of the month", or plain weekdays (BYDAY=${days.map((d) => d.replace(/\(.*\)$|^[+-]?\d+/g, "")).join(",")})`,
    });
  }
  for (const d of freq === MONTHLY || freq === YEARLY ? ordinals : []) {
    const n = Math.abs(weekday(d)!);
    if (n > (freq === MONTHLY ? 5 : 53)) found.push({ problem: `BYDAY=${rule.get("BYDAY")} asks for weekday ${d}, which no ${freq === MONTHLY ? "month" : "year"} has`, fix: `use a number up to ${freq === MONTHLY ? 5 : 53} (or -1 for the last)` });
  }
  found.push(...unreachable(rule, freq, dtstart));
  return found;
}

/**
 * dateutil refuses BYHOUR (HOURLY), BYMINUTE (MINUTELY) or BYSECOND (SECONDLY) values the INTERVAL
 * never reaches from DTSTART's time. Without DTSTART it counts from the time of validation, so
 * whether Prefect accepts such a rule would depend on the clock.
 */
function unreachable(rule: Map<string, string>, freq: number, dtstart: DateTime | undefined): RuleFinding[] {
  const unit = freq === HOURLY ? 0 : freq === MINUTELY ? 1 : freq === SECONDLY ? 2 : -1;
  const part = ["BYHOUR", "BYMINUTE", "BYSECOND"][unit];
  const interval = integer(rule.get("INTERVAL") ?? "1") ?? 1;
  if (unit < 0 || !rule.has(part) || interval < 1) return [];
  const base = unit === 0 ? 24 : 60;
  const g = gcd(interval, base);
  if (g === 1) return [];
  if (!dtstart) {
    return [
      {
        problem: `with INTERVAL=${interval}, the ${part} values dateutil accepts depend on the start time, and there is no DTSTART: Prefect would check it against the time it validates`,
        fix: `add a DTSTART line, e.g. "DTSTART:20240101T000000Z", or use an INTERVAL that shares no factor with ${base}`,
      },
    ];
  }
  const start = dtstart.time[unit as 0 | 1 | 2];
  const values = rule.get(part)!.split(",").map((x) => integer(x)!);
  if (values.some((v) => (((v - start) % g) + g) % g === 0)) return [];
  return [
    {
      problem: `${part}=${rule.get(part)} is never reached counting every ${interval} from DTSTART's ${["hour", "minute", "second"][unit]} ${start}, which dateutil refuses`,
      fix: `use ${part} values that differ from ${start} by a multiple of ${g}, or move DTSTART`,
    },
  ];
}

/** Long values cut for messages. */
function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
