/** The git hosts Prefect's git_clone treats specially, detected as it does: by substring of the host name. */
/** The git hosts Prefect knows how to insert a token for, recognized by name in the URL's host. */
export enum GitHostKind {
  GITHUB = "github",
  GITLAB = "gitlab",
  BITBUCKET = "bitbucket",
}

export interface GitUrl {
  readonly scheme: "https" | "http" | "ssh";
  /** Host name, lowercased, without port or user. */
  readonly host: string;
  /** `https://host[:port]` for http(s) URLs: the instance's base URL. */
  readonly origin?: string;
  /** Whether the URL carries a user or password (`https://user:pass@host/...`). */
  readonly hasUserInfo: boolean;
}

/** Parses `https://host/org/repo.git`, `ssh://git@host/org/repo.git` and scp-like `git@host:org/repo.git`. */
export function parseGitUrl(url: string): GitUrl | undefined {
  const scp = /^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+):(?!\/\/)(.+)$/.exec(url);
  if (scp) return { scheme: "ssh", host: scp[2].toLowerCase(), hasUserInfo: false };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol.replace(/:$/, "");
  if (scheme !== "https" && scheme !== "http" && scheme !== "ssh") return undefined;
  if (!parsed.hostname || parsed.pathname.length <= 1) return undefined;
  return {
    scheme,
    host: parsed.hostname.toLowerCase(),
    origin: scheme === "ssh" ? undefined : `${scheme}://${parsed.host}`,
    // ssh URLs name their user (git@); only http(s) user info would embed a credential.
    hasUserInfo: scheme !== "ssh" && (parsed.username !== "" || parsed.password !== ""),
  };
}

/** The host kind as Prefect's git_clone decides it: `bitbucket` / `gitlab` anywhere in the host name. */
export function prefectHostKind(host: string): GitHostKind | undefined {
  if (host.includes("bitbucket")) return GitHostKind.BITBUCKET;
  if (host.includes("gitlab")) return GitHostKind.GITLAB;
  if (host.includes("github")) return GitHostKind.GITHUB;
  return undefined;
}
