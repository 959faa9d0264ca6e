import { TemplateValue } from "prefect-code-storage/lib/prefect/template";
import { RepositoryDeployKey } from "@cdktf/provider-github/lib/repository-deploy-key";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { PrefectBlock } from "prefect-code-storage/lib/prefect/blocks/block";
import { BitbucketCredentialsBlock, GitHubCredentialsBlock, GitLabCredentialsBlock } from "prefect-code-storage/lib/prefect/blocks/git-credentials";
import { SecretBlock } from "prefect-code-storage/lib/prefect/blocks/secret";
import { slugify } from "prefect-code-storage/lib/core/slugify";
import { Steps } from "prefect-code-storage/lib/prefect/steps/steps";
import { Step } from "prefect-code-storage/lib/prefect/steps/step";
import { BlockRef } from "prefect-code-storage/lib/prefect/template";
import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { BlockName, StorageFolder } from "prefect-code-storage/lib/validation/rules";
import { GitBranchName, GitCommitSha } from "prefect-code-storage/lib/validation/rules/git-ref";
import { GitRepositoryUrl } from "prefect-code-storage/lib/validation/rules/git-repository-url";
import { ICodeStorage } from "prefect-code-storage/lib/storage/code-storage";
import { addStorageOutputs } from "prefect-code-storage/lib/storage/common";
import { GitCredentials } from "./git-credentials";
import { GitHostKind, parseGitUrl, prefectHostKind } from "prefect-code-storage/lib/core/git-url";
import { shapeToken } from "./host-rules";
import { CHECKS } from "prefect-code-storage/lib/validation/checks";

/** Props of GitCodeStorage: the repository and revision workers clone the flow code from, and how they authenticate. */
export interface GitCodeStorageProps {
  /** Repository URL: https (required with a token), or ssh (`git@host:org/repo.git`) for deploy keys. */
  readonly repository: string;
  /** Branch to clone. Mutually exclusive with commitSha. @default the repository's default branch */
  readonly branch?: string;
  /** Full commit SHA to clone (pins the code). Mutually exclusive with branch. @default none */
  readonly commitSha?: string;
  /** Also clone submodules. @default false */
  readonly includeSubmodules?: boolean;
  /** Sparse checkout: only these directories (relative paths). @default the whole repository */
  readonly directories?: string[];
  /** Directory name of the clone. @default Prefect's: `<repo name>-<branch>` */
  readonly cloneDirectoryName?: string;
  /** How workers authenticate. @default GitCredentials.none() (public repository) */
  readonly credentials?: GitCredentials;
  /**
   * Whose host rules apply, when the host name does not say (self-managed GitLab, Bitbucket Server,
   * GitHub Enterprise without "github" in the name).
   * @default detected from the host name, as Prefect does
   */
  readonly hostKind?: GitHostKind;
}

const BLOCK_CLASSES = {
  github: GitHubCredentialsBlock,
  gitlab: GitLabCredentialsBlock,
  bitbucket: BitbucketCredentialsBlock,
} as const;

/**
 * Flow code in a git repository, the guide's recommendation for production: a `git_clone` pull step
 * with exactly Prefect's parameters, and, for private repositories, the token stored as a Secret or
 * a host credentials block (or a read-only GitHub deploy key for ssh). There is no push step:
 * Prefect never pushes code to git; CI pushes commits as usual.
 */
export class GitCodeStorage extends Construct implements ICodeStorage {
  readonly buildSteps: Step[] = [];
  readonly pushSteps: Step[] = [];
  readonly pullSteps: Step[];
  /** The pull steps hold no step-output reference: Terraform stores them as they are. */
  get literalPullSteps(): Step[] {
    return this.pullSteps;
  }
  readonly ignorePatterns: string[] = [];
  readonly jobVariables: { [name: string]: TemplateValue } = {};
  /** The Secret or credentials block holding the token, if any. */
  readonly block?: PrefectBlock;
  readonly deployKey?: RepositoryDeployKey;

  constructor(scope: Construct, id: string, props: GitCodeStorageProps) {
    super(scope, id);
    const errors = new ValidationErrors();
    const credentials = props.credentials ?? GitCredentials.none();
    const url = this.validate(errors, props, credentials);
    const kind = props.hostKind ?? (url && prefectHostKind(url.host));
    const repoSlug = slugify(props.repository.replace(/^[a-z]+:\/\/|\.git$/g, "")) || "repository";

    let tokenValue: ((token: string) => string) | undefined;
    let blockUsername: string | undefined;
    if (credentials.usesToken && url) {
      if (!kind) {
        errors.add("hostKind", undefined, CHECKS.GitHostKind, `cannot tell the host rules for "${url.host}" from its name`, "set hostKind to GitHostKind.GITHUB, GitHostKind.GITLAB or GitHostKind.BITBUCKET");
      } else {
        const shaped = shapeToken({
          kind,
          host: url.host,
          mode: credentials.kind as "secret" | "credentials-block",
          username: credentials.options.username,
        });
        for (const p of shaped.problems) errors.add("credentials.username", credentials.options.username, CHECKS.GitHostRules, p.problem, p.fix);
        tokenValue = shaped.value;
        blockUsername = shaped.blockUsername;
      }
    }
    const blockName = this.blockName(errors, credentials, repoSlug);
    // With a problem, no credentials are set up (they would be built from the bad values); synth fails anyway.
    const valid = errors.report(this);

    let accessToken: BlockRef | undefined;
    let credentialsRef: BlockRef | undefined;
    if (!valid) {
      // nothing to set up
    } else if (credentials.kind === "secret") {
      const block = new SecretBlock(this, "repo-token", {
        name: blockName!,
        value: tokenValue!(credentials.token!.resolve(this)),
        writeOnly: credentials.options.writeOnly,
      });
      this.block = block;
      accessToken = block.reference();
    } else if (credentials.kind === "credentials-block") {
      const token = tokenValue!(credentials.token!.resolve(this));
      const data =
        kind === "bitbucket"
          ? { token, username: blockUsername, url: url!.host.includes("bitbucket") ? undefined : url!.origin }
          : kind === "gitlab"
            ? { token, url: url!.host === "gitlab.com" ? undefined : url!.origin }
            : { token };
      const block = new BLOCK_CLASSES[kind!](this, "repo-credentials", { name: blockName!, writeOnly: credentials.options.writeOnly, data });
      this.block = block;
      credentialsRef = block.reference();
    } else if (credentials.kind === "github-deploy-key") {
      const key = credentials.deployKey!;
      this.deployKey = new RepositoryDeployKey(this, "deploy-key", {
        repository: key.repository,
        key: key.publicKey,
        title: key.title ?? "prefect-workers",
        readOnly: true,
      });
    }

    this.pullSteps = [
      Steps.gitClone({
        id: "clone_repo",
        repository: props.repository,
        branch: props.branch,
        commitSha: props.commitSha,
        includeSubmodules: props.includeSubmodules || undefined,
        accessToken: accessToken,
        credentials: credentialsRef,
        directories: props.directories,
        cloneDirectoryName: props.cloneDirectoryName,
      }),
    ];
    addStorageOutputs(this, {
      repository: { value: props.repository, description: "Repository workers clone the flow code from" },
      block: this.block && { value: this.block.blockName, description: `${this.block.typeSlug} block holding the repository token` },
    });
  }

  private validate(errors: ValidationErrors, props: GitCodeStorageProps, credentials: GitCredentials) {
    const known = (prop: string, value: string | undefined) => {
      if (value !== undefined && Token.isUnresolved(value)) {
        errors.add(prop, value, CHECKS.KnownAtSynth, "must be known at synth time: it is written into prefect.yaml");
      }
    };
    known("repository", props.repository);
    known("branch", props.branch);
    known("commitSha", props.commitSha);
    // A URL with user info may carry a password: problems show it redacted.
    const shownUrl = redactUserInfo(props.repository);
    errors.check(GitRepositoryUrl, "repository", props.repository, shownUrl);
    errors.check(GitBranchName, "branch", props.branch);
    errors.check(GitCommitSha, "commitSha", props.commitSha);
    if (props.branch !== undefined && props.commitSha !== undefined) {
      errors.add("commitSha", props.commitSha, CHECKS.GitRef, "cannot be combined with branch (Prefect's git_clone takes one)", "drop branch or commitSha");
    }
    (props.directories ?? []).forEach((d, i) => errors.check(StorageFolder, `directories[${i}]`, d));
    const url = Token.isUnresolved(props.repository) ? undefined : parseGitUrl(props.repository);
    if (url && credentials.usesToken && url.scheme !== "https") {
      errors.add("repository", shownUrl, CHECKS.GitTokenOverHttps, "a token is only inserted into https URLs (ssh uses the worker's keys)", "use the https URL, or GitCredentials.githubDeployKey for ssh");
    }
    if (url && credentials.kind === "github-deploy-key" && url.scheme !== "ssh") {
      errors.add("repository", shownUrl, CHECKS.GitDeployKeyOverSsh, "a deploy key only works with an ssh URL", "use git@github.com:<owner>/<repo>.git");
    }
    if (credentials.kind === "github-deploy-key" && !/^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com) [A-Za-z0-9+/=]+( .*)?$/.test(credentials.deployKey!.publicKey)) {
      errors.add("credentials.publicKey", credentials.deployKey!.publicKey.slice(0, 24) + "...", CHECKS.SshPublicKey, "is not an OpenSSH public key line", "pass the content of your key's .pub file");
    }
    if (credentials.usesToken && credentials.token?.kind === "value" && !Token.isUnresolved(credentials.token.value!)) {
      // Print no part of what may be a real secret.
      errors.add("credentials.token", "<literal>", CHECKS.NoLiteralSecrets, "is a literal string; tokens must come from a sensitive TerraformVariable or a resource attribute", "declare a TerraformVariable with sensitive: true and pass its .stringValue");
    }
    if (credentials.token?.kind === "gitlab-project-access-token" && url && (props.hostKind ?? prefectHostKind(url.host)) !== "gitlab") {
      errors.add("credentials.token", "gitlabProjectAccessToken", CHECKS.GitHostRules, `a GitLab project access token cannot open a repository on ${url.host}`, "use GitToken.fromValue, or set hostKind: GitHostKind.GITLAB for a self-managed GitLab");
    }
    return url;
  }

  private blockName(errors: ValidationErrors, credentials: GitCredentials, repoSlug: string): string | undefined {
    const o = credentials.options;
    if (credentials.kind === "secret") {
      if (o.blockName === undefined && (o.deploymentName === undefined || o.flowName === undefined)) {
        errors.add("credentials.blockName", undefined, BlockName, "the default Secret name needs deploymentName and flowName", "set blockName, or deploymentName and flowName");
        return undefined;
      }
      const name = o.blockName ?? repoTokenSecretName(o.deploymentName!, o.flowName!);
      errors.check(BlockName, "credentials.blockName", name);
      return name;
    }
    if (credentials.kind === "credentials-block") {
      const name = o.blockName ?? `${repoSlug}-git-credentials`;
      errors.check(BlockName, "credentials.blockName", name);
      return name;
    }
    return undefined;
  }
}

/** `https://user:secret@host/...` -> `https://***@host/...` for error messages (ssh users like `git@` are no secret). */
function redactUserInfo(url: string): string {
  return url.replace(/^(https?:\/\/)[^/@\s]+@/i, "$1***@");
}

/**
 * The Secret block name interactive `prefect deploy` gives a private repository's token:
 * `deployment-<slugify(deployment)>-<slugify(flow)>-repo-token`.
 * @internal
 */
export function repoTokenSecretName(deploymentName: string, flowName: string): string {
  return `deployment-${slugify(deploymentName)}-${slugify(flowName)}-repo-token`;
}
