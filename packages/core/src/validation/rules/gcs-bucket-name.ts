import { findings, Rule } from "../rule";

const MAX_PLAIN = 63;
const MAX_DOTTED = 222;

/**
 * Cloud Storage bucket naming rules (docs: "Bucket naming"). Names are global: a name that
 * breaks a rule fails at apply, after other resources may already exist, so it is caught here.
 * Names with dots are also checked against the per-component limit; they additionally need a
 * verified domain, which only Google can check.
 */
export const GcsBucketName: Rule = {
  id: "GcsBucketName",
  explanation:
    "Cloud Storage bucket names are 3-63 characters (up to 222 with dots, each dot-separated part at most 63) of lowercase letters, digits, dashes, underscores and dots, start and end with a letter or digit, do not start with 'goog', do not contain 'google' or a close misspelling, and are not IP addresses.",
  check: (name) => {
    const dotted = name.includes(".");
    const max = dotted ? MAX_DOTTED : MAX_PLAIN;
    const longParts = dotted ? name.split(".").filter((part) => part.length > MAX_PLAIN) : [];
    return findings(
      [
        name.length < 3 || name.length > max,
        `is ${name.length} characters long; Cloud Storage allows 3 to ${max}${dotted ? " for names with dots" : " (up to 222 with dots)"}`,
      ],
      [longParts.length > 0, `has a dot-separated part longer than ${MAX_PLAIN} characters`],
      [/[^a-z0-9._-]/.test(name), "may contain only lowercase letters, digits, dashes, underscores and dots", suggest(name)],
      [!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name), "must begin and end with a lowercase letter or digit"],
      [name.includes(".."), "must not contain two adjacent dots"],
      [/^\d{1,3}(\.\d{1,3}){3}$/.test(name), "must not be formatted as an IP address"],
      [name.startsWith("goog"), "must not begin with the 'goog' prefix"],
      [containsGoogle(name), "must not contain 'google' or a close misspelling of it (such as 'g00gle')"],
    );
  },
};

/**
 * "google" and look-alikes: digits standing in for letters (g00gle, goog1e, googl3), an extra or
 * missing 'o' (gooogle, gogle) and swapped ending letters (googel). "goggle" is a different word.
 */
function containsGoogle(name: string): boolean {
  const normalized = name.replace(/0/g, "o").replace(/1/g, "l").replace(/3/g, "e").replace(/6|9/g, "g");
  return /go{1,}gle|go{2,}gel/.test(normalized);
}

/** A valid name from what was given: the bucket of a `gs://` or console URL, lowercased, with `-` for other characters. */
function suggest(name: string): string {
  const s = name
    .replace(/^(?:gs:\/\/|https?:\/\/(?:storage\.googleapis\.com|storage\.cloud\.google\.com|console\.cloud\.google\.com\/storage\/browser)\/)/i, "")
    .replace(/[/?#].*$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
  return `use a name such as "${s}"`;
}
