import { GitToken } from "./git-token";

/** Options of the block that carries a git token to workers (`GitCredentials.credentialsBlock`, and the base of GitSecretOptions): its name, user name and write-only mode. */
export interface GitCredentialsBlockOptions {
  /**
   * Name of the block.
   * @default a credentials block: `<repository slug>-git-credentials`; a Secret block:
   * `deployment-<deployment>-<flow>-repo-token` (slugified), as interactive `prefect deploy` names it,
   * which needs `deploymentName` and `flowName`
   */
  readonly blockName?: string;
  /**
   * Makes git_clone send `<username>:<token>` (Bitbucket Server / Data Center, Bitbucket app
   * passwords): written into the Secret, or into a bitbucket-credentials block's `username`.
   * @default none
   */
  readonly username?: string;
  /** Block data through write-only `data_wo`, kept out of state. @default false */
  readonly writeOnly?: boolean;
}

/** Options of the Secret block that carries a git token to workers (`GitCredentials.secret`): those of any credentials block, plus the names `prefect deploy` would derive the block's name from. */
export interface GitSecretOptions extends GitCredentialsBlockOptions {
  /** With flowName, names the Secret block as `prefect deploy` would. @default none */
  readonly deploymentName?: string;
  /** With deploymentName, names the Secret block as `prefect deploy` would. @default none */
  readonly flowName?: string;
}

/** Options of a read-only GitHub deploy key (`GitCredentials.githubDeployKey`): the repository, the public key and its title. */
export interface GitHubDeployKeyOptions {
  /** The repository's name on GitHub (the owner comes from the GitHub provider). */
  readonly repository: string;
  /** OpenSSH public key; its private half must be in the workers' SSH setup (Prefect does not inject it). */
  readonly publicKey: string;
  /** @default "prefect-workers" */
  readonly title?: string;
}

/**
 * How workers authenticate to the repository in the pull step.
 * - `none()`: public repository.
 * - `secret(token)`: a Secret block referenced as git_clone's `access_token` (the guide's way).
 * - `credentialsBlock(token)`: a github-, gitlab- or bitbucket-credentials block (by host) referenced as
 *   `credentials`. Prefect forbids giving both.
 * - `githubDeployKey(...)`: a read-only deploy key for an ssh URL; no token, nothing in prefect.yaml.
 */
export class GitCredentials {
  static none(): GitCredentials {
    return new GitCredentials("none");
  }
  static secret(token: GitToken, options: GitSecretOptions = {}): GitCredentials {
    return new GitCredentials("secret", token, options);
  }
  static credentialsBlock(token: GitToken, options: GitCredentialsBlockOptions = {}): GitCredentials {
    return new GitCredentials("credentials-block", token, options);
  }
  static githubDeployKey(options: GitHubDeployKeyOptions): GitCredentials {
    return new GitCredentials("github-deploy-key", undefined, {}, options);
  }

  private constructor(
    readonly kind: "none" | "secret" | "credentials-block" | "github-deploy-key",
    readonly token?: GitToken,
    readonly options: GitSecretOptions = {},
    readonly deployKey?: GitHubDeployKeyOptions,
  ) {}

  /** Whether a token is inserted into the clone URL (only Prefect does that, and only for https). */
  get usesToken(): boolean {
    return this.kind === "secret" || this.kind === "credentials-block";
  }
}
