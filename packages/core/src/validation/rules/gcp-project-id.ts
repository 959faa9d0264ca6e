import { findings, Rule } from "../rule";

/**
 * A project ID (not its display name or number): 6-30 lowercase letters, digits and hyphens,
 * beginning with a letter and not ending with a hyphen. Legacy domain-scoped IDs
 * (`example.com:my-project`) are accepted.
 */
export const GcpProjectId: Rule = {
  id: "GcpProjectId",
  explanation:
    "Project IDs are 6-30 characters of lowercase letters, digits and hyphens, begin with a letter and do not end with a hyphen (optionally after a legacy 'domain:' scope).",
  check: (project) => {
    const id = project.replace(/^[a-z0-9.-]+\.[a-z]{2,}:/, "");
    return findings(
      [/^\d+$/.test(id), "is a project number; give the project ID"],
      [!/^\d+$/.test(id) && (id.length < 6 || id.length > 30), `is ${id.length} characters long; project IDs are 6 to 30`],
      [/[^a-z0-9-]/.test(id), "may contain only lowercase letters, digits and hyphens (it is the ID, not the display name)"],
      [!/^\d+$/.test(id) && !/^[a-z]/.test(id), "must begin with a lowercase letter"],
      [id.endsWith("-"), "must not end with a hyphen"],
    );
  },
};
