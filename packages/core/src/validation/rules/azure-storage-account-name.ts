import { findings, Rule } from "../rule";

/**
 * Azure storage account names (docs: "Storage account name"): 3-24 characters of lowercase letters
 * and digits only, unique across all of Azure because the name is the host of every endpoint
 * (`<name>.blob.core.windows.net`). Uniqueness can only be checked by Azure at apply time.
 */
export const AzureStorageAccountName: Rule = {
  id: "AzureStorageAccountName",
  explanation:
    "Azure storage account names are 3-24 characters of lowercase letters and digits only, and globally unique (they name the account's endpoints).",
  check: (name) => {
    const cleaned = name.toLowerCase().replace(/[^a-z0-9]+/g, "").slice(0, 24);
    return findings(
      [name.length < 3 || name.length > 24, `is ${name.length} characters long; Azure allows 3 to 24`],
      [
        /[^a-z0-9]/.test(name),
        "may contain only lowercase letters and digits (no hyphens, dots or underscores)",
        cleaned.length >= 3 ? `use a name such as "${cleaned}"` : undefined,
      ],
    );
  },
};
