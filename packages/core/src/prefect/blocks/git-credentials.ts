import { Construct } from "constructs";
import { BlockFieldNames, PrefectBlock, PrefectBlockOptions } from "./block";

/** Fields of `github-credentials` (prefect-github). */
export interface GitHubCredentialsData {
  /** A fine-grained personal access token: Contents read-only, on the selected repository only. @default none */
  readonly token?: string;
}

/** Fields of `gitlab-credentials` (prefect-gitlab). */
export interface GitLabCredentialsData {
  /** A project access token with the `read_repository` scope. @default none */
  readonly token?: string;
  /** Base URL of a self-managed GitLab instance. @default none (gitlab.com) */
  readonly url?: string;
}

/** Fields of `bitbucket-credentials` (prefect-bitbucket). */
export interface BitbucketCredentialsData {
  /** A repository, project or workspace access token (Prefect adds `x-token-auth:` for bitbucket hosts). @default none */
  readonly token?: string;
  /** Makes git_clone use `username:token` (Bitbucket Server / Data Center, or app passwords). @default none */
  readonly username?: string;
  /** @default none */
  readonly password?: string;
  /** Base URL of the instance. @default https://api.bitbucket.org/ (Prefect's default) */
  readonly url?: string;
}

/** `github-credentials`; register with `prefect block register -m prefect_github`. */
export interface GitHubCredentialsBlockProps extends PrefectBlockOptions {
  readonly data: GitHubCredentialsData;
}

const GITHUB_CREDENTIALS_FIELDS: BlockFieldNames = { token: "token" };

/** A `github-credentials` block (prefect-github): a token that git_clone takes as `credentials` to clone a private GitHub repository. */
export class GitHubCredentialsBlock extends PrefectBlock {
  static readonly TYPE_SLUG = "github-credentials";
  /** Prefect's field name for each camelCase field. */
  static readonly FIELDS: { [field: string]: any } = GITHUB_CREDENTIALS_FIELDS;
  /** The data as given, before JSON encoding. */
  readonly data: GitHubCredentialsData;
  constructor(scope: Construct, id: string, props: GitHubCredentialsBlockProps) {
    super(scope, id, GitHubCredentialsBlock.TYPE_SLUG, props, props.data, GITHUB_CREDENTIALS_FIELDS);
    this.data = props.data;
  }
}

/** `gitlab-credentials`; register with `prefect block register -m prefect_gitlab`. */
export interface GitLabCredentialsBlockProps extends PrefectBlockOptions {
  readonly data: GitLabCredentialsData;
}

const GITLAB_CREDENTIALS_FIELDS: BlockFieldNames = { token: "token", url: "url" };

/** A `gitlab-credentials` block (prefect-gitlab): a token (and instance URL) that git_clone takes as `credentials` to clone a private GitLab repository. */
export class GitLabCredentialsBlock extends PrefectBlock {
  static readonly TYPE_SLUG = "gitlab-credentials";
  /** Prefect's field name for each camelCase field. */
  static readonly FIELDS: { [field: string]: any } = GITLAB_CREDENTIALS_FIELDS;
  /** The data as given, before JSON encoding. */
  readonly data: GitLabCredentialsData;
  constructor(scope: Construct, id: string, props: GitLabCredentialsBlockProps) {
    super(scope, id, GitLabCredentialsBlock.TYPE_SLUG, props, props.data, GITLAB_CREDENTIALS_FIELDS);
    this.data = props.data;
  }
}

/** `bitbucket-credentials`; register with `prefect block register -m prefect_bitbucket`. */
export interface BitbucketCredentialsBlockProps extends PrefectBlockOptions {
  readonly data: BitbucketCredentialsData;
}

const BITBUCKET_CREDENTIALS_FIELDS: BlockFieldNames = { token: "token", username: "username", password: "password", url: "url" };

/** A `bitbucket-credentials` block (prefect-bitbucket): a token or user name and password that git_clone takes as `credentials` to clone a private Bitbucket repository. */
export class BitbucketCredentialsBlock extends PrefectBlock {
  static readonly TYPE_SLUG = "bitbucket-credentials";
  /** Prefect's field name for each camelCase field. */
  static readonly FIELDS: { [field: string]: any } = BITBUCKET_CREDENTIALS_FIELDS;
  /** The data as given, before JSON encoding. */
  readonly data: BitbucketCredentialsData;
  constructor(scope: Construct, id: string, props: BitbucketCredentialsBlockProps) {
    super(scope, id, BitbucketCredentialsBlock.TYPE_SLUG, props, props.data, BITBUCKET_CREDENTIALS_FIELDS);
    this.data = props.data;
  }
}
