import { findings, Rule } from "../rule";

/**
 * An Azure Container Registry name: 5-50 letters and digits, unique across Azure because it names
 * the login server (`<name>.azurecr.io`, lowercased). Uniqueness is checked by Azure at apply.
 */
export const AcrName: Rule = {
  id: "AcrName",
  explanation: "Container registry names are 5-50 letters and digits only, and globally unique (they name <name>.azurecr.io).",
  check: (name) => {
    const cleaned = name.replace(/[^A-Za-z0-9]+/g, "").slice(0, 50);
    return findings(
      [name.length < 5 || name.length > 50, `is ${name.length} characters long; Azure allows 5 to 50`],
      [/[^A-Za-z0-9]/.test(name), "may contain only letters and digits (no hyphens, dots or underscores)", cleaned.length >= 5 ? `use "${cleaned}"` : undefined],
    );
  },
};
