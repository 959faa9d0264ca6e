import { Construct } from "constructs";
import { PrefectBlock, PrefectBlockOptions } from "./block";

/** Fields of `github-credentials` (prefect-github). */
export interface GitHubCredentialsData {
  /** A fine-grained personal access token: Contents read-only, on the selected repository only. */
  readonly token?: string;
}

/** Fields of `gitlab-credentials` (prefect-gitlab). */
export interface GitLabCredentialsData {
  /** A project access token with the `read_repository` scope. */
  readonly token?: string;
  /** Base URL of a self-managed GitLab instance. */
  readonly url?: string;
}

/** Fields of `bitbucket-credentials` (prefect-bitbucket). */
export interface BitbucketCredentialsData {
  /** A repository, project or workspace access token (Prefect adds `x-token-auth:` for bitbucket hosts). */
  readonly token?: string;
  /** Makes git_clone use `username:token` (Bitbucket Server / Data Center, or app passwords). */
  readonly username?: string;
  readonly password?: string;
  /** Base URL of the instance. @default https://api.bitbucket.org/ (Prefect's default) */
  readonly url?: string;
}

/** `github-credentials`; register with `prefect block register -m prefect_github`. */
export class GitHubCredentialsBlock extends PrefectBlock<GitHubCredentialsData> {
  static readonly TYPE_SLUG = "github-credentials";
  constructor(scope: Construct, id: string, props: PrefectBlockOptions & { readonly data: GitHubCredentialsData }) {
    super(scope, id, GitHubCredentialsBlock.TYPE_SLUG, props, props.data);
  }
}

/** `gitlab-credentials`; register with `prefect block register -m prefect_gitlab`. */
export class GitLabCredentialsBlock extends PrefectBlock<GitLabCredentialsData> {
  static readonly TYPE_SLUG = "gitlab-credentials";
  constructor(scope: Construct, id: string, props: PrefectBlockOptions & { readonly data: GitLabCredentialsData }) {
    super(scope, id, GitLabCredentialsBlock.TYPE_SLUG, props, props.data);
  }
}

/** `bitbucket-credentials`; register with `prefect block register -m prefect_bitbucket`. */
export class BitbucketCredentialsBlock extends PrefectBlock<BitbucketCredentialsData> {
  static readonly TYPE_SLUG = "bitbucket-credentials";
  constructor(scope: Construct, id: string, props: PrefectBlockOptions & { readonly data: BitbucketCredentialsData }) {
    super(scope, id, BitbucketCredentialsBlock.TYPE_SLUG, props, props.data);
  }
}
