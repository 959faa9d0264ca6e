import { findings, Rule } from "../rule";

const COMPONENT = "[a-z0-9]+(?:[._-][a-z0-9]+)*";
const PATTERN = new RegExp(`^(?:${COMPONENT}/)*${COMPONENT}$`);

/**
 * An Amazon ECR repository name (API: `CreateRepository`): 2-256 characters, lowercase path
 * components of letters and digits joined by single `.`, `_` or `-`, separated by `/` (namespaces
 * such as `team/etl`). The name is also the image path in every image reference.
 */
export const EcrRepositoryName: Rule = {
  id: "EcrRepositoryName",
  explanation:
    "ECR repository names are 2-256 characters of lowercase path components (letters and digits joined by single '.', '_' or '-') separated by '/'.",
  check: (name) => {
    const suggestion = name
      .toLowerCase()
      .split("/")
      .map((c) => c.replace(/[^a-z0-9._-]+/g, "-").replace(/[._-]{2,}/g, "-").replace(/^[._-]+|[._-]+$/g, ""))
      .filter(Boolean)
      .join("/");
    return findings(
      [name.length < 2 || name.length > 256, `is ${name.length} characters long; ECR allows 2 to 256`],
      [
        !PATTERN.test(name),
        "must be lowercase path components of letters and digits joined by single '.', '_' or '-', separated by '/'",
        suggestion.length >= 2 && suggestion !== name ? `use "${suggestion}"` : undefined,
      ],
    );
  },
};
