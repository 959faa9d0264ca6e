import { Rule, RuleFinding } from "../rule";

/** The forms every parser on the way accepts; groups: date, time, fraction, offset. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** Near misses that still say which instant is meant: basic format, lowercase t/z, slashes, commas, long fractions. */
const LOOSE = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})(?:[Tt _](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

const EXAMPLE = '"2024-01-01T09:00:00Z"';
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * An ISO 8601 date-time as Prefect's interval `anchor_date` takes it. `prefect deploy` reads it with
 * pendulum (Python up to 3.12) or dateutil (3.13+), the API with pydantic; this rule accepts what
 * all three read the same way: `YYYY-MM-DD`, optionally followed by `T` (or a space) and `HH:MM`,
 * `HH:MM:SS` or `HH:MM:SS.ffffff`, and by `Z` or an offset (`+01:00`, `+0100`). A date alone is
 * midnight; a time without offset is UTC. Dates and times must exist (no 2023-02-29, no hour 24).
 */
export const IsoDateTime: Rule<unknown> = {
  id: "IsoDateTime",
  explanation:
    "An anchor date is an ISO 8601 date-time such as 2024-01-01T09:00:00Z or 2024-01-01T09:00:00+01:00 (a date alone is midnight; no offset means UTC).",
  check: (value) => {
    if (value instanceof Date) {
      return [{ problem: "must be an ISO 8601 string, not a Date object", fix: Number.isNaN(value.getTime()) ? `use e.g. ${EXAMPLE}` : `use "${isoSeconds(value)}"` }];
    }
    if (typeof value === "number") {
      // Seconds since 1970 (what pydantic would read), if the number is plausible as such.
      const fix = Number.isFinite(value) && Math.abs(value) < 1e11 ? `use "${isoSeconds(new Date(value * 1000))}"` : `use e.g. ${EXAMPLE}`;
      return [{ problem: "must be an ISO 8601 string, not a number", fix }];
    }
    if (typeof value !== "string") return [{ problem: `must be a string, not ${value === null ? "null" : typeof value}` }];
    const t = value.trim();
    if (t === "") return [{ problem: "is empty", fix: `use e.g. ${EXAMPLE}` }];
    const found: RuleFinding[] = t === value ? [] : [{ problem: "has leading or trailing whitespace", fix: `use "${t}"` }];
    const m = ISO.exec(t);
    if (m) return found.concat(realDateTime(m, t));
    if (/^\d{9,11}(\.\d+)?$/.test(t)) {
      return found.concat({ problem: "is a Unix timestamp, not an ISO 8601 date-time", fix: `use "${isoSeconds(new Date(Number(t) * 1000))}"` });
    }
    const loose = LOOSE.exec(t);
    if (loose) {
      const [, y, mo, d, h, mi, s = "00", fraction, offset] = loose;
      const time = h === undefined ? "00:00:00" : `${h}:${mi}:${s}${fraction ? `.${fraction.slice(0, 6)}` : ""}`;
      const rewritten = `${y}-${mo}-${d}T${time}${normalizeOffset(offset)}`;
      const fixed = ISO.exec(rewritten);
      const problem = fraction && fraction.length > 6 ? "has more than 6 digits of fractional seconds" : "is not in the ISO 8601 extended form Prefect's parsers share (YYYY-MM-DDTHH:MM:SS)";
      if (fixed && realDateTime(fixed, rewritten).length === 0) return found.concat({ problem, fix: `use "${rewritten}"` });
    }
    return found.concat({ problem: "is not an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SS with Z or an offset)", fix: `use e.g. ${EXAMPLE}` });
  },
};

/** Calendar and clock checks of a matched value. */
function realDateTime(m: RegExpExecArray, text: string): RuleFinding[] {
  const [y, mo, d] = [1, 2, 3].map((i) => Number(m[i]));
  const [h, mi, s] = [4, 5, 6].map((i) => Number(m[i] ?? 0));
  const offset = m[8];
  if (y < 1) return [{ problem: "has year 0000, which Python's datetime does not have", fix: `use e.g. ${EXAMPLE}` }];
  if (mo < 1 || mo > 12) return [{ problem: `has month ${m[2]}; months run from 01 to 12`, fix: `use e.g. ${EXAMPLE}` }];
  const days = daysIn(y, mo);
  if (d < 1 || d > days) {
    const last = `${m[1]}-${m[2]}-${String(days).padStart(2, "0")}`;
    return [{ problem: `is not a real date: ${MONTHS[mo - 1]} ${m[1]} has ${days} days`, fix: `use a real date, e.g. "${last}T00:00:00Z"` }];
  }
  if (h === 24 && mi === 0 && s === 0 && !m[7]) {
    const next = new Date(Date.UTC(y, mo - 1, d + 1));
    next.setUTCFullYear(y, mo - 1, d + 1);
    return [{ problem: "has hour 24, which Python's datetime does not take", fix: `use "${next.toISOString().slice(0, 10)}T00:00:00${normalizeOffset(offset)}" (midnight is 00:00 of the next day)` }];
  }
  if (h > 23 || mi > 59 || s > 59) return [{ problem: "is not a real time of day (hours 00-23, minutes and seconds 00-59)", fix: `use e.g. "${text.slice(0, 10)}T00:00:00Z"` }];
  if (offset && offset !== "Z") {
    const [oh, om] = [Number(offset.slice(1, 3)), Number(offset.slice(-2))];
    if (oh > 23 || om > 59) return [{ problem: `has the offset ${offset}; offsets run from -23:59 to +23:59`, fix: `use "${text.slice(0, -offset.length)}Z" for UTC, or a real offset such as +01:00` }];
  }
  return [];
}

function daysIn(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** `Z` for no offset or z, `+HH:MM` otherwise. */
function normalizeOffset(offset: string | undefined): string {
  if (offset === undefined || /^z$/i.test(offset)) return "Z";
  const digits = offset.slice(1).replace(":", "");
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || "00"}`;
}

/** `2024-01-01T09:00:00Z`: the instant in UTC, to the second. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
