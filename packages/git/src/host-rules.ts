import { GitHostKind } from "prefect-code-storage/lib/core/git-url";

export interface HostRuleInput {
  readonly kind: GitHostKind;
  /** The host name, lowercased: Prefect decides by substrings of it ("gitlab", "bitbucket", "bitbucketserver"). */
  readonly host: string;
  readonly mode: "secret" | "credentials-block";
  readonly username?: string;
}

export interface ShapedToken {
  /** The token value to store, as a function of the raw token expression. */
  readonly value: (token: string) => string;
  /** `username` field of a bitbucket-credentials block. */
  readonly blockUsername?: string;
  /** Problems with the combination, as sentences with a fix. */
  readonly problems: Array<{ problem: string; fix: string }>;
}

/**
 * What to store so that Prefect's git_clone builds a clone URL the host accepts (facts sheet, "git_clone"):
 * - GitLab: Prefect prefixes `oauth2:` only when "gitlab" is in the host name; for a self-managed host
 *   without it, the prefix is stored with the token.
 * - Bitbucket Cloud: Prefect adds `x-token-auth:` itself; adding it here would double it. Bitbucket
 *   Server / Data Center (host without "bitbucket", or with "bitbucketserver") needs
 *   `<username>:<token>`, so a username is required.
 * - GitHub: a `user:token` string gets its colon URL-encoded and fails; the token goes alone.
 */
export function shapeToken(input: HostRuleInput): ShapedToken {
  const { kind, host, mode, username } = input;
  const hostNamesKind = host.includes(kind);
  const problems: ShapedToken["problems"] = [];
  const withUser = (user: string) => (token: string) => `${user}:${token}`;
  const asIs = (token: string) => token;

  if (kind === "github") {
    if (username) problems.push({ problem: "GitHub takes the token alone: a user:token string has its colon URL-encoded by Prefect and fails", fix: "drop username" });
    return { value: asIs, problems };
  }
  if (kind === "gitlab") {
    if (mode === "credentials-block" && username) {
      problems.push({ problem: "gitlab-credentials has no username field", fix: "drop username, or use GitCredentials.secret" });
    }
    if (username) return { value: withUser(username), problems };
    return { value: hostNamesKind ? asIs : withUser("oauth2"), problems };
  }
  // bitbucket: Prefect refuses a "bitbucketserver" host without a username, and any other host
  // without "bitbucket" in its name gets no x-token-auth, so Server / Data Center needs <username>:<token>.
  if ((!hostNamesKind || host.includes("bitbucketserver")) && !username) {
    problems.push({
      problem: "Bitbucket Server / Data Center needs <username>:<token> (this host is not Bitbucket Cloud)",
      fix: "set username to the token's user",
    });
  }
  if (mode === "credentials-block") return { value: asIs, blockUsername: username, problems };
  return { value: username ? withUser(username) : asIs, problems };
}
