import { findings, Rule } from "../rule";

const RFC3339_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;

/**
 * When an ACR token password stops working, as `azurerm_container_registry_token_password` takes it:
 * an RFC 3339 UTC date-time such as `2026-06-30T00:00:00Z`.
 */
export const AcrTokenExpiry: Rule = {
  id: "AcrTokenExpiry",
  explanation: "A registry token password expiry is an RFC 3339 UTC date-time such as 2026-06-30T00:00:00Z.",
  check: (expiry) => {
    const m = RFC3339_UTC.exec(expiry);
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(expiry);
    return findings(
      [!m, "is not an RFC 3339 UTC date-time (YYYY-MM-DDThh:mm:ssZ)", dateOnly ? `use "${expiry}T00:00:00Z"` : 'use e.g. "2026-06-30T00:00:00Z"'],
      [!!m && !isRealTime(m), "is not a real calendar date or time"],
    );
  },
};

/** The expiry as a time, for comparisons (undefined when it does not parse). */
export function acrTokenExpiryTime(expiry: string): number | undefined {
  const m = RFC3339_UTC.exec(expiry);
  return m && isRealTime(m) ? Date.parse(expiry) : undefined;
}

function isRealTime(m: RegExpExecArray): boolean {
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}
