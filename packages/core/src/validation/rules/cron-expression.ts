import { Rule, RuleFinding } from "../rule";

const HOUR = 1;
const DAY_OF_MONTH = 2;
const MONTH = 3;
const DAY_OF_WEEK = 4;

interface Field {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** What the field's range reads as in messages. */
  readonly range: string;
  /** Names croniter reads in this field (lowercase), with their numbers. */
  readonly names?: readonly string[];
  readonly namesHint?: string;
}

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const FULL_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const FULL_DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const FIELDS: readonly Field[] = [
  { name: "minute", min: 0, max: 59, range: "0-59" },
  { name: "hour", min: 0, max: 23, range: "0-23" },
  { name: "day-of-month", min: 1, max: 31, range: "1-31" },
  { name: "month", min: 1, max: 12, range: "1-12", names: MONTH_NAMES, namesHint: "or month name (JAN-DEC)" },
  { name: "day-of-week", min: 0, max: 6, range: "0-7 (0 and 7 are Sunday)", names: DAY_NAMES, namesHint: "or day name (SUN-SAT)" },
];

/** croniter's aliases (matched after lowercasing, but not trimmed). */
const ALIASES = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_TITLES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const SUGGESTED = '"0 9 * * 1-5" (09:00 Monday to Friday)';

/**
 * A cron expression as Prefect's `CronSchedule` takes it: croniter's grammar (`croniter.is_valid`,
 * from the copy Prefect vendors), five fields `minute hour day-of-month month day-of-week` with
 * numbers, `*`, ranges `a-b` (wrapping, e.g. `FRI-MON`), lists, steps `*\/n`, `a-b/n` and `a/n`,
 * names JAN-DEC and SUN-SAT, `7` for Sunday, `L` (day-of-month `L`, `15-L`; day-of-week `L5` =
 * last Friday), `MON#2` (second Monday), `?` in the day fields, and the aliases `@yearly`,
 * `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly`. Random (`R`) and hashed
 * (`H`) fields are refused, as Prefect refuses them.
 *
 * Stricter than Prefect in three places, each a schedule that would not do what it says: six or
 * seven fields (croniter reads a sixth field as seconds at the end, where Quartz and Spring put
 * seconds first), random fields with a range or step (`R/5`, which Prefect lets through and which
 * re-draws its value whenever Prefect computes runs), and days that never occur (`0 0 30 2 *`).
 */
export const CronExpression: Rule<unknown> = {
  id: "CronExpression",
  explanation:
    "A cron schedule has 5 fields, minute hour day-of-month month day-of-week (numbers, *, a-b, lists, */n, JAN-DEC, SUN-SAT, L, #), or is one of @yearly, @monthly, @weekly, @daily, @hourly; Prefect validates it with croniter.",
  check: (cron) => {
    if (typeof cron !== "string") return [{ problem: `must be a string, not ${cron === null ? "null" : typeof cron}` }];
    if (cron.trim() === "") return [{ problem: "is empty", fix: `use a 5-field expression such as ${SUGGESTED}` }];
    const fields = cron.trim().split(/\s+/);
    if (fields[0].startsWith("@")) return checkAlias(cron);
    if (fields.length !== 5) return [fieldCount(fields)];
    return checkFields(fields);
  },
};

function checkAlias(cron: string): RuleFinding[] {
  const alias = cron.toLowerCase();
  if (ALIASES.includes(alias)) return [];
  if (ALIASES.includes(alias.trim())) {
    return [{ problem: "has whitespace around the alias, which croniter does not read", fix: `use "${cron.trim()}"` }];
  }
  return [
    {
      problem: `is not a schedule alias croniter knows (${ALIASES.join(", ")})`,
      fix: /^@every\b/i.test(cron.trim())
        ? "use an interval schedule (interval in seconds) instead"
        : `use one of those aliases, or 5 fields such as ${SUGGESTED}`,
    },
  ];
}

function fieldCount(fields: string[]): RuleFinding {
  const n = fields.length;
  const problem = `has ${n} field${n === 1 ? "" : "s"}; Prefect's cron takes 5: minute hour day-of-month month day-of-week`;
  if (n === 6 || n === 7) {
    const why =
      " (croniter would read a 6th field as seconds at the end, while Quartz and Spring put seconds first)";
    const quartz = fields.slice(1, 6).map((f) => (f === "?" ? "*" : f));
    const year = fields[6];
    if (year !== undefined && year !== "*" && year !== "?") {
      return { problem: problem + why, fix: "drop the seconds and year fields; Prefect's cron cannot restrict years (an rrule schedule with UNTIL can)" };
    }
    const candidate = quartz.join(" ");
    const dayOfWeekHasNumbers = /\d/.test(quartz[DAY_OF_WEEK].replace(/#\d/, ""));
    if (!dayOfWeekHasNumbers && checkFields(quartz).length === 0) {
      return { problem: problem + why, fix: `use "${candidate}" (the 5 fields without seconds${year !== undefined ? " and year" : ""}; Prefect runs schedules on whole minutes)` };
    }
    return {
      problem: problem + why,
      fix: `drop the seconds${year !== undefined ? " and year fields" : " field"}; write day-of-week as names (SUN-SAT) or 0-6 from Sunday, since Quartz counts 1-7 from Sunday`,
    };
  }
  return { problem, fix: `write all 5 fields, e.g. ${SUGGESTED}` };
}

/** What one field means, as croniter expands it: numbers (or "l"), with #/L weekdays apart. */
interface Expanded {
  readonly values: Set<number | "l" | "*">;
  /** day-of-week: weekday → which occurrences (1-5 or "l"). */
  readonly nth: Map<number, Set<number | "l">>;
}

/** Why croniter refuses a field. */
class FieldError {
  constructor(
    readonly detail: string,
    /** A corrected field, where one can be derived. */
    readonly fixed?: string,
    /** How to correct it otherwise. */
    readonly hint?: string,
    /** The list item at fault, when the field is a list. */
    readonly item?: string,
  ) {}
}

function checkFields(fields: readonly string[]): RuleFinding[] {
  const found: RuleFinding[] = [];
  const expanded: Expanded[] = [];
  fields.forEach((text, i) => {
    const result = expandField(i, text);
    if (result instanceof FieldError) {
      const where = result.item !== undefined && result.item !== text ? `: "${result.item}"` : "";
      const fixed = result.fixed === undefined ? undefined : fields.map((f, j) => (j === i ? result.fixed : f)).join(" ");
      found.push({
        problem: `${FIELDS[i].name} field "${text}"${where} ${result.detail}`,
        fix: fixed !== undefined ? `use "${fixed}"` : result.hint ?? `the ${FIELDS[i].name} field takes ${FIELDS[i].range}`,
      });
    } else {
      expanded.push(result);
    }
  });
  if (found.length) return found;
  return [...mixedWeekdays(fields, expanded[DAY_OF_WEEK]), ...neverRuns(fields, expanded)];
}

/** croniter refuses plain days next to #/L days in one day-of-week field (unless they make the whole week). */
function mixedWeekdays(fields: readonly string[], dow: Expanded): RuleFinding[] {
  if (dow.nth.size === 0) return [];
  const plain = [...dow.values].filter((v) => v !== "*" && !dow.nth.has(v as number));
  if (plain.length === 0 || dow.values.size === 7) return [];
  const items = fields[DAY_OF_WEEK].split(",");
  const special = items.filter((e) => /[#l]/i.test(e));
  const rest = items.filter((e) => !/[#l]/i.test(e));
  const withDow = (d: string) => `"${[...fields.slice(0, 4), d].join(" ")}"`;
  return [
    {
      problem: `day-of-week field "${fields[DAY_OF_WEEK]}" mixes nth-weekday days (# or L) with plain days, which croniter refuses`,
      fix: `use two schedules: ${withDow(special.join(","))} and ${withDow(rest.join(","))}`,
    },
  ];
}

/** A day-of-month that no listed month has, with day-of-week `*`: croniter finds no run, ever. */
function neverRuns(fields: readonly string[], expanded: readonly Expanded[]): RuleFinding[] {
  if (!["*", "?"].includes(fields[DAY_OF_WEEK])) return [];
  const days = expanded[DAY_OF_MONTH].values;
  const months = expanded[MONTH].values;
  if (days.has("*") || days.has("l")) return [];
  const monthList = months.has("*") ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : ([...months] as number[]).sort((a, b) => a - b);
  const dayList = [...days] as number[];
  if (monthList.some((m) => dayList.some((d) => d <= DAYS_IN_MONTH[m - 1]))) return [];
  const longest = Math.max(...monthList.map((m) => DAYS_IN_MONTH[m - 1]));
  const named = monthList.map((m) => MONTH_TITLES[m - 1]).join(", ");
  return [
    {
      problem: `never runs: ${named} ${monthList.length === 1 ? "has" : "have"} at most ${longest} days, so day-of-month "${fields[DAY_OF_MONTH]}" never comes`,
      fix: `use "${[fields[0], fields[1], "L", fields[3], fields[4]].join(" ")}" for the last day of the month`,
    },
  ];
}

// croniter's patterns (for lowercased fields).
const STEP = /^([^-]+)-([^-/]+)(\/(\d+))?$/;
const WEEKDAYS = DAY_NAMES.join("|");
const MONTHS = MONTH_NAMES.join("|");
const SPECIAL_DOW = new RegExp(`^(?:((?:(?:${WEEKDAYS})(?:-(?:${WEEKDAYS}))?)|(?:(?:${MONTHS})(?:-(?:${MONTHS}))?)|\\w+)#|(l))(\\d+)$`);
const HASH = /^(h|r)(?:\((\d+)-(\d+)\))?(?:\/(\d+))?$/;

/**
 * One field as croniter's `_expand` reads it, or why croniter (or Prefect) refuses it. Follows
 * croniter step by step: `?` as `*`, `*\/n` as `min-max/n`, `a/n` as `a-max/n`, ranges that wrap,
 * `7` as Sunday, every value range-checked after expansion.
 */
function expandField(i: number, text: string): Expanded | FieldError {
  const field = FIELDS[i];
  let f = text.toLowerCase();
  const hash = HASH.exec(f);
  if (hash) {
    const why =
      f.length === 1
        ? "which Prefect refuses"
        : hash[1] === "r"
          ? "drawn anew whenever Prefect computes runs"
          : "which croniter reads only with a hash id, and Prefect passes none";
    const [, , begin, end, step] = hash;
    // A fixed stand-in: the range's start, or the step from the range's (or field's) start.
    const fixed = step ? (begin ? `${begin}-${end}/${step}` : `*/${step}`) : begin;
    const example = field.min === 0 ? Math.min(17, field.max) : 1;
    return new FieldError(`is a ${hash[1] === "r" ? "random (R)" : "hashed (H)"} value, ${why}`, fixed, `use a fixed value, e.g. "${example}"`);
  }
  if (f.includes("?")) {
    if (f !== "?") {
      const without = text.replace(/\?/g, "");
      return new FieldError('uses "?" with other characters; "?" must stand alone', without && !(expandField(i, without) instanceof FieldError) ? without : "*");
    }
    if (i !== DAY_OF_MONTH && i !== DAY_OF_WEEK) return new FieldError('uses "?", which croniter allows only in day-of-month and day-of-week', "*");
    f = "*";
  }
  const values = new Set<number | "l" | "*">();
  const nth = new Map<number, Set<number | "l">>();
  const items = f.split(",");
  const originals = text.split(",");
  for (let k = 0; k < items.length; k++) {
    const problem = expandItem(i, items[k], originals[k], text, values, nth);
    if (problem) return problem;
  }
  return { values, nth };
}

/** Expands one list item into `values`, or says why croniter refuses it. */
function expandItem(
  i: number,
  item: string,
  original: string,
  fieldText: string,
  values: Set<number | "l" | "*">,
  nth: Map<number, Set<number | "l">>,
): FieldError | undefined {
  const field = FIELDS[i];
  const fail = (detail: string, fixed?: string, hint?: string) => new FieldError(detail, fixed, hint, original);
  if (item === "") return new FieldError("has an empty list item", fieldText.split(",").filter(Boolean).join(",") || "*");
  let e = item;
  let occurrence: number | "l" | undefined;
  if (i === DAY_OF_WEEK) {
    const special = SPECIAL_DOW.exec(e);
    if (special && special[1] !== undefined) {
      occurrence = Number(special[3]);
      if (occurrence < 1 || occurrence > 5) {
        return fail(`asks for occurrence ${special[3]} of the month; # takes 1-5`, undefined, `use # with 1-5, or L<day> for the last one, e.g. "L${alias(i, toNumber(i, special[1]) ?? 5)}"`);
      }
      e = special[1];
    } else if (special) {
      e = special[3];
      occurrence = "l";
    }
  }
  let t = e.replace(/^\*(\/.+)$/, `${field.min}-${field.max}$1`);
  let m = STEP.exec(t);
  if (!m) {
    t = e.replace(/^(.+)\/(.+)$/, `$1-${field.max}/$2`);
    m = STEP.exec(t);
  }
  if (m) {
    const step = m[4] === undefined ? 1 : Number(m[4]);
    const low = toNumber(i, m[1]);
    const high = toNumber(i, i === DAY_OF_MONTH && m[2] === "l" ? "31" : m[2]);
    if (low === undefined || high === undefined) return explain(i, original, fieldText);
    const [a, b] = [alias(i, low), alias(i, high)];
    if (Math.max(a, b) > field.max) return fail(`is out of range ${field.range}`);
    if (step === 0) return fail("has a step of 0", undefined, 'use a step of 1 or more, e.g. "*/5"');
    for (const v of expandRange(field, a, b, step)) {
      if (v < field.min) return fail(`is out of range ${field.range}`);
      add(v, occurrence, values, nth);
    }
    return undefined;
  }
  if (t.startsWith("-")) return /^-\d+$/.test(t) ? fail("is negative") : explain(i, original, fieldText);
  if (t === "*" || (i === DAY_OF_MONTH && t === "l")) {
    add(t, occurrence, values, nth);
    return undefined;
  }
  const n = toNumber(i, t);
  if (n === undefined) return explain(i, original, fieldText);
  const value = alias(i, n);
  if (value < field.min || value > field.max) {
    // Midnight is hour 0: "0 24 * * *" means "0 0 * * *".
    return fail(`is out of range ${field.range}`, i === HOUR && value === 24 && original === fieldText ? "0" : undefined);
  }
  add(value, occurrence, values, nth);
  return undefined;
}

function add(value: number | "l" | "*", occurrence: number | "l" | undefined, values: Set<number | "l" | "*">, nth: Map<number, Set<number | "l">>): void {
  values.add(value);
  if (occurrence !== undefined && typeof value === "number") nth.set(value, (nth.get(value) ?? new Set<number | "l">()).add(occurrence));
}

/** A number, or a name of the field (month, day of week), as croniter reads it; undefined otherwise. */
function toNumber(i: number, text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = FIELDS[i].names?.indexOf(text) ?? -1;
  if (index < 0) return undefined;
  return i === MONTH ? index + 1 : index;
}

/** croniter's value_alias for 5 fields: day-of-week 7 is Sunday (0). */
function alias(i: number, n: number): number {
  return i === DAY_OF_WEEK && n === 7 ? 0 : n;
}

/** The values of `low-high/step` as croniter lists them, including ranges that wrap (`FRI-MON`). */
function expandRange(field: Field, low: number, high: number, step: number): number[] {
  const range = (from: number, to: number) => {
    const out: number[] = [];
    for (let v = from; v <= to; v += step) out.push(v);
    return out;
  };
  if (low === high) return range(field.min, field.max);
  if (low < high) return range(low, high);
  // croniter: low..max, then from min on, skipping what the step has not yet used up.
  const whole = Array.from({ length: field.max - field.min + 1 }, (_, k) => field.min + k);
  const first = range(low, field.max);
  let skip = 0;
  if (first.length) {
    const last = first[first.length - 1];
    const position = whole.indexOf(last);
    const alreadySkipped = whole.length - 1 - position;
    if (position + step > whole.length && alreadySkipped < step) skip = step - alreadySkipped;
  }
  return [...first, ...range(field.min + skip, high)];
}

/** Why croniter refuses an item that is not a number, range or step it reads, with a fix where one follows. */
function explain(i: number, item: string, fieldText: string): FieldError {
  const field = FIELDS[i];
  const e = item.toLowerCase();
  const fail = (detail: string, fixedItem?: string, hint?: string) =>
    new FieldError(detail, fixedItem === undefined ? undefined : fieldText.split(",").map((x) => (x === item ? fixedItem : x)).join(","), hint, item);
  const full = i === MONTH ? FULL_MONTH_NAMES : i === DAY_OF_WEEK ? FULL_DAY_NAMES : [];
  if (full.some((n) => e.includes(n))) {
    const short = full.reduce((s, n) => s.replace(new RegExp(n, "gi"), n.slice(0, 3).toUpperCase()), item);
    return fail(`uses full names; croniter reads only three letters (${i === MONTH ? "JAN-DEC" : "SUN-SAT"})`, short);
  }
  if (i === DAY_OF_MONTH && e.includes("w")) {
    return fail("uses W (nearest weekday), which croniter does not support", undefined, "use a day number, or L for the last day of the month");
  }
  if (e.includes("l") && !field.names?.some((n) => e.includes(n) && n.includes("l"))) {
    if (i === DAY_OF_WEEK) {
      const last = /^(\d|sun|mon|tue|wed|thu|fri|sat)l$/.exec(e);
      if (last) return fail("puts L after the day; croniter writes the last such day of the month as L<day number>", `L${alias(i, toNumber(i, last[1])!)}`);
      if (e === "l") return fail("is L without a day; in day-of-week croniter needs L<day>, e.g. L5 for the last Friday", undefined, 'for the last day of the month put L in day-of-month, e.g. "0 0 L * *"');
      return fail("uses L in a form croniter does not read; write L<day>, e.g. L5 for the last Friday", undefined, 'write e.g. "L5" for the last Friday of the month');
    }
    if (i === DAY_OF_MONTH) {
      return fail("uses L in a form croniter does not read (L alone, or ending a range as in 15-L)", undefined, 'write "L" for the last day of the month');
    }
    return fail("uses L, which croniter allows only in day-of-month and day-of-week");
  }
  if (e.includes("#")) {
    if (i !== DAY_OF_WEEK) return fail("uses #, which croniter allows only in day-of-week");
    const numericRange = /^([0-7])-([0-7])#([1-5])$/.exec(e);
    if (numericRange) {
      const name = (n: string) => DAY_NAMES[Number(n) % 7].toUpperCase();
      return fail("puts a numeric range before #; croniter takes only day names there", `${name(numericRange[1])}-${name(numericRange[2])}#${numericRange[3]}`);
    }
    return fail("is not a day and occurrence croniter reads (e.g. MON#2 or 1#2)");
  }
  const names = field.namesHint ? ` ${field.namesHint}` : "";
  if (/^[a-z]+$/.test(e)) return fail(`is not a number${names}`);
  return fail(`is not a number${names}, range (a-b), step (*/n, a-b/n) or list croniter reads`);
}
