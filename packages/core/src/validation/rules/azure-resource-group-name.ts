import { findings, Rule } from "../rule";

/** Resource group names: 1-90 characters of letters, digits, `_`, `-`, `.`, `(` and `)`, not ending with `.`. */
export const AzureResourceGroupName: Rule = {
  id: "AzureResourceGroupName",
  explanation:
    "Resource group names are 1-90 characters of letters, digits, underscores, hyphens, periods and parentheses, and do not end with a period.",
  check: (name) =>
    findings(
      [name.length < 1 || name.length > 90, `is ${name.length} characters long; Azure allows 1 to 90`],
      [/[^\w\-.()]/.test(name), "may contain only letters, digits, '_', '-', '.', '(' and ')'"],
      [name.endsWith("."), "must not end with a period"],
    ),
};
