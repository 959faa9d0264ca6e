import { findings, Rule } from "../rule";

/** Soft-delete retention of blobs and containers: Azure accepts 1 to 365 whole days. */
export const AzureRetentionDays: Rule<number> = {
  id: "AzureRetentionDays",
  explanation: "Blob and container soft-delete retention is a whole number of days from 1 to 365.",
  check: (days) =>
    findings([!Number.isInteger(days) || days < 1 || days > 365, "must be a whole number of days from 1 to 365"]),
};
