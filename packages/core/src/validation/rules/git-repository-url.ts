import { parseGitUrl } from "../../core/git-url";
import { findings, Rule } from "../rule";

/** A repository URL git_clone can use, with no credential embedded in it. */
export const GitRepositoryUrl: Rule = {
  id: "GitRepositoryUrl",
  explanation:
    "Repository URLs are https://host/org/repo(.git), ssh://git@host/org/repo or git@host:org/repo, with no user or password in them.",
  check: (url) => {
    const parsed = parseGitUrl(url);
    return findings(
      [!parsed, "is not an https, ssh or scp-like (git@host:org/repo) repository URL"],
      [!!parsed?.hasUserInfo, "embeds a user or password; credentials belong in a block", "remove the user info and use the credentials option"],
      [/\s/.test(url), "contains whitespace"],
    );
  },
};
