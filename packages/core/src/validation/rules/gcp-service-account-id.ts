import { findings, Rule } from "../rule";

const PATTERN = /^[a-z](?:[-a-z0-9]{4,28}[a-z0-9])$/;

/** The account ID of a service account (the part of its email before `@`). */
export const GcpServiceAccountId: Rule = {
  id: "GcpServiceAccountId",
  explanation:
    "Service account IDs are 6-30 characters of lowercase letters, digits and hyphens, begin with a letter and end with a letter or digit (^[a-z](?:[-a-z0-9]{4,28}[a-z0-9])$).",
  check: (id) => {
    const cleaned = id.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^[^a-z]+|-+$/g, "");
    const fix = cleaned !== id && PATTERN.test(cleaned) ? `use "${cleaned}"` : undefined;
    return findings(
      [id.length < 6 || id.length > 30, `is ${id.length} characters long; service account IDs are 6 to 30`],
      [/[^a-z0-9-]/.test(id), "may contain only lowercase letters, digits and hyphens", fix],
      [!/^[a-z]/.test(id), "must begin with a lowercase letter"],
      [id.endsWith("-"), "must not end with a hyphen"],
    );
  },
};
