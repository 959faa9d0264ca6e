import { findings, Rule } from "../rule";

/** Branch names per `git check-ref-format --branch`, the parts that matter for a clone. */
export const GitBranchName: Rule = {
  id: "GitBranchName",
  explanation: "Branch names cannot contain spaces, '..', '~', '^', ':', '?', '*', '[', '\\' or control characters, nor start with '-' or end with '.lock', '/' or '.'.",
  check: (branch) =>
    findings(
      [branch.length === 0, "is empty"],
      [/[\s~^:?*[\\\x00-\x1f\x7f]/.test(branch) || branch.includes(".."), "contains a character git forbids in ref names"],
      [/^[-/]/.test(branch) || /(\.lock|\/|\.)$/.test(branch) || branch.includes("//") || branch.includes("@{"), "has a form git rejects ('-' or '/' first, '.lock', '/' or '.' last, '//' or '@{')"],
    ),
};

/** A full commit SHA: git_clone fetches it by name, which hosts allow only for full object names. */
export const GitCommitSha: Rule = {
  id: "GitCommitSha",
  explanation: "commitSha is a full commit SHA: 40 hex digits (SHA-1) or 64 (SHA-256), as hosts only serve full SHAs to fetch.",
  check: (sha) =>
    findings([
      !/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(sha),
      "must be a full, lowercase commit SHA (40 or 64 hex digits)",
      /^[0-9a-fA-F]+$/.test(sha) && sha.length < 40 ? "use the full SHA (git rev-parse <short sha>)" : undefined,
    ]),
};
