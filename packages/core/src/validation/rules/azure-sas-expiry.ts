import { findings, Rule } from "../rule";

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?Z)?$/;

/**
 * A SAS expiry (`se`) as Azure Storage accepts it and as `azurerm_storage_account_blob_container_sas`
 * validates it: an ISO 8601 UTC date (`2026-06-30`) or date and time (`2026-06-30T00:00Z`,
 * `2026-06-30T00:00:00Z`). Offsets other than `Z` are not accepted by the service.
 */
export const AzureSasExpiry: Rule = {
  id: "AzureSasExpiry",
  explanation:
    "A SAS expiry is an ISO 8601 UTC date or date-time: YYYY-MM-DD, YYYY-MM-DDThh:mmZ or YYYY-MM-DDThh:mm:ssZ.",
  check: (expiry) => {
    const m = DATE.exec(expiry);
    return findings(
      [!m, "is not an ISO 8601 UTC date or date-time (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)", 'use e.g. "2026-06-30T00:00:00Z"'],
      [!!m && !isRealDate(m), "is not a real calendar date or time"],
    );
  },
};

/** The expiry as a time, for comparisons (undefined when it does not parse). */
export function sasExpiryTime(expiry: string): number | undefined {
  const m = DATE.exec(expiry);
  return m && isRealDate(m) ? Date.parse(m[4] === undefined ? `${expiry}T00:00:00Z` : expiry) : undefined;
}

function isRealDate(m: RegExpExecArray): boolean {
  const [y, mo, d, h = "0", mi = "0", s = "0"] = m.slice(1);
  const t = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
  return t.getUTCFullYear() === +y && t.getUTCMonth() === +mo - 1 && t.getUTCDate() === +d && +h < 24 && +mi < 60 && +s < 60;
}
