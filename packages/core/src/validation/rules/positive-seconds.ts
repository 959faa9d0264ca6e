import { Rule } from "../rule";

/** Python's `timedelta` holds at most 999999999 days. */
const MAX_SECONDS = 999_999_999 * 86_400;
const DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * A number of seconds greater than 0, such as an interval schedule's `interval` (Prefect turns it
 * into a `timedelta` and requires it to be positive; fractions are fine). Checked at runtime: a
 * string ("600", or an ISO 8601 duration such as "PT10M") is reported with the number it means.
 */
export const PositiveSeconds: Rule<unknown> = {
  id: "PositiveSeconds",
  explanation: "An interval is a number of seconds greater than 0 (a number, not a string; fractions are fine), e.g. 600 for ten minutes.",
  check: (value) => {
    if (typeof value === "string") {
      const seconds = secondsOf(value.trim());
      return [{ problem: "must be a number of seconds, not a string", fix: seconds !== undefined && seconds > 0 ? `use the number ${seconds}` : "use a number of seconds greater than 0, e.g. 600" }];
    }
    if (typeof value !== "number") return [{ problem: `must be a number of seconds, not ${value === null ? "null" : typeof value}`, fix: "use a number of seconds greater than 0, e.g. 600" }];
    if (!Number.isFinite(value)) return [{ problem: "must be a finite number of seconds", fix: "use a number of seconds greater than 0, e.g. 600" }];
    if (value <= 0) return [{ problem: "must be greater than 0", fix: "use a number of seconds greater than 0, e.g. 600" }];
    if (value > MAX_SECONDS) return [{ problem: "is longer than Python's timedelta holds (999999999 days)", fix: "use a shorter interval" }];
    return [];
  },
};

/** The seconds a numeric string or an ISO 8601 duration (`PT10M`, `P1D`) means; undefined otherwise. */
function secondsOf(text: string): number | undefined {
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return Number(text);
  const m = DURATION.exec(text);
  if (!m || text.toUpperCase() === "P" || /T$/i.test(text)) return undefined;
  const [d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0));
  return Math.round((d * 86_400 + h * 3_600 + min * 60 + s) * 1e6) / 1e6;
}
