import { GitlabProvider } from "@cdktf/provider-gitlab/lib/provider";
import { TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { DeploymentSpec, PrefectProject, Schedule } from "prefect-code-storage";
import { GitCodeStorage, GitCodeStorageProps, GitCredentials, GitToken } from "prefect-code-storage-git";
import { exampleProject, ExampleStackOptions, prefectProvider } from "./shared";

const NIGHTLY: DeploymentSpec = {
  name: "nightly",
  entrypoint: "flows/etl.py:etl",
  workPool: { name: "k8s-pool" },
  schedules: [Schedule.cron("0 3 * * *", { timezone: "UTC" })],
};

/** One git-backed project: storage plus prefect.yaml; `setUp` adds providers and credentials. */
abstract class GitExampleStack extends TerraformStack {
  readonly storage: GitCodeStorage;
  readonly project: PrefectProject;
  constructor(scope: Construct, id: string, options: ExampleStackOptions, storage: (stack: TerraformStack) => GitCodeStorageProps) {
    super(scope, id);
    this.storage = new GitCodeStorage(this, "flow-code", storage(this));
    this.project = exampleProject(this, options, { name: "etl", storage: this.storage, deployments: [NIGHTLY] });
  }
}

/** A sensitive variable for a token typed in at plan time (TF_VAR_<name>), never in code. */
function tokenVariable(stack: TerraformStack, name: string, description: string): string {
  return new TerraformVariable(stack, name, { type: "string", sensitive: true, description }).stringValue;
}

/** Public GitHub repository: a git_clone pull step and nothing else, no credentials. */
export class GitHubPublicStack extends GitExampleStack {
  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id, options, () => ({ repository: "https://github.com/acme/public-flows.git", branch: "main" }));
  }
}

/**
 * Private GitHub repository, the way interactive `prefect deploy` does it: the token in a Secret block
 * named `deployment-<deployment>-<flow>-repo-token`, referenced as git_clone's access_token. The token is
 * a fine-grained PAT (Contents: read-only, this repository only), given as TF_VAR_github_token.
 */
export class GitHubPrivateStack extends GitExampleStack {
  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id, options, (stack) => {
      prefectProvider(stack);
      const token = tokenVariable(stack, "github_token", "Fine-grained GitHub PAT: Contents read-only on acme/private-flows only");
      return {
        repository: "https://github.com/acme/private-flows.git",
        branch: "main",
        credentials: GitCredentials.secret(GitToken.fromValue(token), { deploymentName: NIGHTLY.name, flowName: "etl" }),
      };
    });
  }
}

/**
 * GitLab with a token Terraform creates: a project access token with only read_repository (Reporter),
 * rotated by the GitLab provider, stored in a gitlab-credentials block referenced as `credentials`.
 * The GitLab provider reads GITLAB_TOKEN (a maintainer's token) at plan time.
 */
export class GitLabStack extends GitExampleStack {
  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id, options, (stack) => {
      prefectProvider(stack);
      new GitlabProvider(stack, "gitlab");
      return {
        repository: "https://gitlab.com/acme/flows.git",
        branch: "main",
        credentials: GitCredentials.credentialsBlock(GitToken.gitlabProjectAccessToken({ project: "acme/flows" })),
      };
    });
  }
}

/**
 * Bitbucket Cloud with a repository access token (Repositories: Read) in a bitbucket-credentials block.
 * Prefect adds `x-token-auth:` itself for bitbucket hosts, so the token is stored as issued.
 */
export class BitbucketStack extends GitExampleStack {
  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id, options, (stack) => {
      prefectProvider(stack);
      const token = tokenVariable(stack, "bitbucket_token", "Bitbucket repository access token with Repositories: Read");
      return {
        repository: "https://bitbucket.org/acme/flows.git",
        branch: "main",
        credentials: GitCredentials.credentialsBlock(GitToken.fromValue(token)),
      };
    });
  }
}
