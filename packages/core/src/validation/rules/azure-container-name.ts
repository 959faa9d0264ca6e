import { findings, Rule } from "../rule";

/**
 * Blob container names (docs: "Naming and referencing containers, blobs, and metadata"): 3-63
 * characters of lowercase letters, digits and hyphens, beginning and ending with a letter or digit,
 * every hyphen between two letters or digits (so no `--`).
 */
export const AzureContainerName: Rule = {
  id: "AzureContainerName",
  explanation:
    "Blob container names are 3-63 characters of lowercase letters, digits and single hyphens, and begin and end with a letter or digit.",
  check: (name) =>
    findings(
      [name.length < 3 || name.length > 63, `is ${name.length} characters long; Azure allows 3 to 63`],
      [/[^a-z0-9-]/.test(name), "may contain only lowercase letters, digits and hyphens", suggestContainerName(name)],
      [!/^[a-z0-9]/i.test(name) || !/[a-z0-9]$/i.test(name), "must begin and end with a letter or digit"],
      [name.includes("--"), "must not contain consecutive hyphens", suggestContainerName(name)],
    ),
};

function suggestContainerName(name: string): string | undefined {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return s.length >= 3 ? `use a name such as "${s}"` : undefined;
}
