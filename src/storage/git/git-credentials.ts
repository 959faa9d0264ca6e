import { GitToken } from "./git-token";

export interface GitSecretOptions {
  /**
   * Name of the Secret block.
   * @default `deployment-<deployment>-<flow>-repo-token` (slugified), as interactive `prefect deploy`
   * names it; needs `deploymentName` and `flowName`
   */
  readonly blockName?: string;
  readonly deploymentName?: string;
  readonly flowName?: string;
  /** Sent as `<username>:<token>` (Bitbucket Server / Data Center, Bitbucket app passwords). @default none */
  readonly username?: string;
  /** Block data through write-only `data_wo`, kept out of state. @default false */
  readonly writeOnly?: boolean;
}

export interface GitCredentialsBlockOptions {
  /** @default `<repository slug>-git-credentials` */
  readonly blockName?: string;
  /** Written to the block's `username` (bitbucket-credentials only): git_clone then sends `<username>:<token>`. @default none */
  readonly username?: string;
  /** Block data through write-only `data_wo`, kept out of state. @default false */
  readonly writeOnly?: boolean;
}

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
    readonly options: GitSecretOptions & GitCredentialsBlockOptions = {},
    readonly deployKey?: GitHubDeployKeyOptions,
  ) {}

  /** Whether a token is inserted into the clone URL (only Prefect does that, and only for https). */
  get usesToken(): boolean {
    return this.kind === "secret" || this.kind === "credentials-block";
  }
}
