/**
 * GitCodeStorage: the git_clone pull step it hands to a project, the Secret or credentials block that
 * carries the token (shaped by Prefect's host rules), the GitLab project access token and GitHub deploy
 * key it can create, how it rejects bad input, and the git example stacks.
 * Expectations follow ../shared/prefect/README.md ("git_clone", "Names"): access_token (a Secret) and
 * credentials (a *-credentials block) are exclusive, tokens are inserted only into https URLs, Prefect adds
 * `x-token-auth:` for bitbucket hosts and `oauth2:` for gitlab hosts itself, and the default Secret is named
 * `deployment-<slugify(deployment)>-<slugify(flow)>-repo-token` as interactive `prefect deploy` names it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RepositoryDeployKey } from "@cdktf/provider-github/lib/repository-deploy-key";
import { GithubProvider } from "@cdktf/provider-github/lib/provider";
import { ProjectAccessToken } from "@cdktf/provider-gitlab/lib/project-access-token";
import { GitlabProvider } from "@cdktf/provider-gitlab/lib/provider";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { parse } from "yaml";
import { BitbucketStack, GitHubPrivateStack, GitHubPublicStack, GitLabStack } from "../stacks/git-stacks";
import { GitHostKind } from "../packages/core/src/core/git-url";
import { Block } from "../packages/core/src/prefect/provider/block";
import { PrefectProvider } from "../packages/core/src/prefect/provider/provider";
import { GitCodeStorage, GitCodeStorageProps } from "../packages/git/src/git-code-storage";
import { GitCredentials } from "../packages/git/src/git-credentials";
import { GitToken } from "../packages/git/src/git-token";
import { ValidationError } from "../packages/core/src/validation/errors";
import { blockDataErrors, blockReferences, prefectYamlSchemaErrors, stepSignatureErrors, stepsOf } from "./support/shared";
import { PropsOrFactory, resourcesOf, SynthesizedStorage, synthStorageStack } from "./support/synth-storage";
import { captureValidationError, expectOneLinePerProblem, problemAssertionsAt, reported } from "./support/validation";

const STACK = "test-stack";
const PATH = `${STACK}/code`;
const GIT_CLONE = "prefect.deployments.steps.git_clone";
const GITHUB_REPO = "https://github.com/acme/private-flows.git";
const SHA1 = "0123456789abcdef0123456789abcdef01234567";
const SHA256 = "0123456789abcdef".repeat(4);
const PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGtQvWfX3H7kLq8tYc2m8qZ9vJ4rN5sWbXyZ1a2b3c4d prefect@workers";

type GitPropsOrFactory = PropsOrFactory<GitCodeStorageProps>;

/** A stack with the Prefect, GitHub and GitLab providers and one GitCodeStorage (id `code`). */
function synthGit(props: GitPropsOrFactory): SynthesizedStorage<GitCodeStorage> {
  const providers = (stack: TerraformStack) => {
    new PrefectProvider(stack, "prefect");
    new GithubProvider(stack, "github", { owner: "acme" });
    new GitlabProvider(stack, "gitlab");
  };
  return synthStorageStack(STACK, providers, (stack, p: GitCodeStorageProps) => new GitCodeStorage(stack, "code", p), props);
}

/** A sensitive Terraform variable's value (`${var.<name>}` once synthesized). */
const sensitive = (stack: TerraformStack, name = "repo_token") =>
  new TerraformVariable(stack, name, { type: "string", sensitive: true }).stringValue;

/** The storage's one pull step, checked to be git_clone, as its kwargs. */
function cloneKwargs(storage: GitCodeStorage): Record<string, unknown> {
  expect(storage.pullSteps).toHaveLength(1);
  const yaml = storage.pullSteps[0].toYaml();
  expect(Object.keys(yaml)).toEqual([GIT_CLONE]);
  return yaml[GIT_CLONE] as Record<string, unknown>;
}

function onlyResource(json: any, type: string): [string, any] {
  const all = resourcesOf(json, type);
  expect(all).toHaveLength(1);
  return all[0];
}

/**
 * The fields of a synthesized `${jsonencode({"k" = <expr>, ...})}`, each as a Terraform template string:
 * a bare reference `var.x` becomes `${var.x}`, a quoted string is unquoted (`"oauth2:${var.x}"`).
 */
function blockFields(expression: string): Record<string, string> {
  const m = /^\$\{jsonencode\(\{(.*)\}\)\}$/s.exec(expression);
  if (!m) throw new Error(`not a jsonencode expression: ${expression}`);
  const fields: Record<string, string> = {};
  for (const f of m[1].matchAll(/"([a-z_]+)" = ("(?:[^"\\]|\\.)*"|[^,]+?)(?=, "[a-z_]+" = |$)/g)) {
    fields[f[1]] = f[2].startsWith('"') ? JSON.parse(f[2]) : `\${${f[2]}}`;
  }
  return fields;
}

/** Block fields with every Terraform expression replaced by a sample string, for blockDataErrors. */
const withSampleTokens = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.replace(/\$\{[^}]*\}/g, "sample-token-123")]));

// ---------------------------------------------------------------------------------------------
// Public repositories
// ---------------------------------------------------------------------------------------------

describe("GitCodeStorage: public repository", () => {
  it("one git_clone pull step with exactly the repository and branch, no token, no push or build step", () => {
    const { storage, json, synth } = synthGit({ repository: "https://github.com/acme/public-flows.git", branch: "main" });
    expect(cloneKwargs(storage)).toEqual({
      id: "clone_repo",
      repository: "https://github.com/acme/public-flows.git",
      branch: "main",
    });
    expect(storage.pushSteps).toEqual([]);
    expect(storage.buildSteps).toEqual([]);
    expect(storage.ignorePatterns).toEqual([]);
    expect(storage.block).toBeUndefined();
    expect(storage.deployKey).toBeUndefined();
    expect(synth).not.toHaveResource(Block);
    expect(json.resource).toBeUndefined();
    expect(json.output[`code_repository`].value).toBe("https://github.com/acme/public-flows.git");
    expect(json.output).not.toHaveProperty("code_block");
  });

  it("the step passes Prefect's git_clone signature", () => {
    const { storage } = synthGit({ repository: "https://github.com/acme/public-flows.git", branch: "main" });
    expect(stepSignatureErrors(storage.pullSteps[0].toYaml())).toEqual([]);
  });

  it("commitSha variant: commit_sha instead of branch", () => {
    const { storage } = synthGit({ repository: "https://github.com/acme/public-flows.git", commitSha: SHA1 });
    const kwargs = cloneKwargs(storage);
    expect(kwargs).toEqual({ id: "clone_repo", repository: "https://github.com/acme/public-flows.git", commit_sha: SHA1 });
    expect(kwargs).not.toHaveProperty("branch");
    expect(stepSignatureErrors(storage.pullSteps[0].toYaml())).toEqual([]);
  });

  it("a 64-digit SHA-256 commit is accepted", () => {
    const { storage } = synthGit({ repository: "https://github.com/acme/public-flows.git", commitSha: SHA256 });
    expect(cloneKwargs(storage).commit_sha).toBe(SHA256);
  });

  it("no branch: git_clone gets neither branch nor commit_sha (the default branch)", () => {
    const { storage } = synthGit({ repository: "https://github.com/acme/public-flows.git" });
    expect(cloneKwargs(storage)).toEqual({ id: "clone_repo", repository: "https://github.com/acme/public-flows.git" });
  });

  it("includeSubmodules true, directories and cloneDirectoryName are passed under Prefect's names", () => {
    const { storage } = synthGit({
      repository: "https://github.com/acme/public-flows.git",
      branch: "release/2024.1",
      includeSubmodules: true,
      directories: ["flows/etl", "shared"],
      cloneDirectoryName: "etl-code",
    });
    expect(cloneKwargs(storage)).toEqual({
      id: "clone_repo",
      repository: "https://github.com/acme/public-flows.git",
      branch: "release/2024.1",
      include_submodules: true,
      directories: ["flows/etl", "shared"],
      clone_directory_name: "etl-code",
    });
    expect(stepSignatureErrors(storage.pullSteps[0].toYaml())).toEqual([]);
  });

  it("includeSubmodules false is left out (Prefect's default)", () => {
    const { storage } = synthGit({ repository: "https://github.com/acme/public-flows.git", includeSubmodules: false });
    expect(cloneKwargs(storage)).not.toHaveProperty("include_submodules");
  });

  it("ssh and scp-like URLs are fine without credentials", () => {
    for (const repository of ["git@github.com:acme/public-flows.git", "ssh://git@github.com/acme/public-flows.git"]) {
      const { storage } = synthGit({ repository });
      expect(cloneKwargs(storage)).toEqual({ id: "clone_repo", repository });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Secret mode
// ---------------------------------------------------------------------------------------------

describe("GitCodeStorage: Secret mode", () => {
  it("a Secret block referenced as access_token; no credentials; data is the variable, no literal", () => {
    const { storage, json, synth } = synthGit((stack) => ({
      repository: GITHUB_REPO,
      branch: "main",
      credentials: GitCredentials.secret(GitToken.fromValue(sensitive(stack, "github_token")), { deploymentName: "nightly", flowName: "etl" }),
    }));
    const name = "deployment-nightly-etl-repo-token";
    const kwargs = cloneKwargs(storage);
    expect(kwargs).toEqual({
      id: "clone_repo",
      repository: GITHUB_REPO,
      branch: "main",
      access_token: `{{ prefect.blocks.secret.${name} }}`,
    });
    expect(kwargs).not.toHaveProperty("credentials");
    expect(stepSignatureErrors(storage.pullSteps[0].toYaml())).toEqual([]);

    const [, block] = onlyResource(json, "prefect_block");
    expect(block).toEqual({ name, type_slug: "secret", data: '${jsonencode({"value" = var.github_token})}' });
    expect(synth).toHaveResourceWithProperties(Block, { name, type_slug: "secret" });
    expect(blockDataErrors("secret", withSampleTokens(blockFields(block.data)))).toEqual([]);
    expect(storage.block?.typeSlug).toBe("secret");
    expect(storage.block?.blockName).toBe(name);
    // The block name is an output; the token is not.
    expect(json.output.code_block.value).toBe(name);
    expect(JSON.stringify(json.output)).not.toContain("var.github_token");
  });

  // Expected names worked out by hand from python-slugify's defaults: transliterate to ASCII, lowercase,
  // drop commas between digits, every other run of characters outside [a-z0-9] -> one '-', trim '-'.
  it.each([
    ["spaces and capitals", "Nightly ETL Run", "ETL", "deployment-nightly-etl-run-etl-repo-token"],
    ["underscores and dots", "nightly_run.v2", "my_flow.main", "deployment-nightly-run-v2-my-flow-main-repo-token"],
    ["é, ß, Ø", "Café Straße", "Ørsted Flow", "deployment-cafe-strasse-orsted-flow-repo-token"],
    ["æ, œ and combining accents", "Ærø Œuvre", "Ñandú", "deployment-aero-oeuvre-nandu-repo-token"],
    ["leading/trailing punctuation", "--Daily Report!!", "(etl)", "deployment-daily-report-etl-repo-token"],
    ["surrounding blanks and underscores", "  __nightly__  ", "_etl_", "deployment-nightly-etl-repo-token"],
    ["digits with a comma", "Run 1,000 rows", "etl 2,5", "deployment-run-1000-rows-etl-25-repo-token"],
    ["comma not between digits", "Version 2.0, final", "etl,flow", "deployment-version-2-0-final-etl-flow-repo-token"],
    ["runs of mixed separators", "a -_- b", "x.:;/y", "deployment-a-b-x-y-repo-token"],
  ])("default Secret name (%s): %j / %j", (_label, deploymentName, flowName, expected) => {
    const { storage, json } = synthGit((stack) => ({
      repository: GITHUB_REPO,
      credentials: GitCredentials.secret(GitToken.fromValue(sensitive(stack)), { deploymentName, flowName }),
    }));
    const [, block] = onlyResource(json, "prefect_block");
    expect(block.name).toBe(expected);
    expect(block.name).toMatch(/^[a-z0-9-]+$/);
    expect(cloneKwargs(storage).access_token).toBe(`{{ prefect.blocks.secret.${expected} }}`);
  });

  it("an explicit blockName is used as is (deployment and flow names not needed)", () => {
    const { storage, json } = synthGit((stack) => ({
      repository: GITHUB_REPO,
      credentials: GitCredentials.secret(GitToken.fromValue(sensitive(stack)), { blockName: "acme-flows-token" }),
    }));
    expect(onlyResource(json, "prefect_block")[1].name).toBe("acme-flows-token");
    expect(cloneKwargs(storage).access_token).toBe("{{ prefect.blocks.secret.acme-flows-token }}");
  });

  it("blockName wins over deploymentName and flowName", () => {
    const { json } = synthGit((stack) => ({
      repository: GITHUB_REPO,
      credentials: GitCredentials.secret(GitToken.fromValue(sensitive(stack)), { blockName: "mine", deploymentName: "nightly", flowName: "etl" }),
    }));
    expect(onlyResource(json, "prefect_block")[1].name).toBe("mine");
  });

  it("writeOnly: the data goes to data_wo (version 1), never to data", () => {
    const { json } = synthGit((stack) => ({
      repository: GITHUB_REPO,
      credentials: GitCredentials.secret(GitToken.fromValue(sensitive(stack)), { blockName: "repo-token", writeOnly: true }),
    }));
    const [, block] = onlyResource(json, "prefect_block");
    expect(block).not.toHaveProperty("data");
    expect(block.data_wo).toBe('${jsonencode({"value" = var.repo_token})}');
    expect(block.data_wo_version).toBe(1);
  });

  it("gitlab.com: the token is stored as is (Prefect adds oauth2: for gitlab hosts)", () => {
    const { json } = synthGit((stack) => ({
      repository: "https://gitlab.com/acme/flows.git",
      credentials: GitCredentials.secret(GitToken.fromValue(sensitive(stack)), { blockName: "gl-token" }),
    }));
    expect(blockFields(onlyResource(json, "prefect_block")[1].data)).toEqual({ value: "${var.repo_token}" });
  });

  it("bitbucket.org: the token is stored as is, without x-token-auth: (Prefect adds it)", () => {
    const { json } = synthGit((stack) => ({
      repository: "https://bitbucket.org/acme/flows.git",
      credentials: GitCredentials.secret(GitToken.fromValue(sensitive(stack)), { blockName: "bb-token" }),
    }));
    const [, block] = onlyResource(json, "prefect_block");
    expect(blockFields(block.data)).toEqual({ value: "${var.repo_token}" });
    expect(block.data).not.toContain("x-token-auth");
  });

  it("self-managed GitLab (hostKind gitlab, no 'gitlab' in the host): value oauth2:<token>", () => {
    const { json, storage } = synthGit((stack) => ({
      repository: "https://git.acme.internal/acme/flows.git",
      hostKind: GitHostKind.GITLAB,
      credentials: GitCredentials.secret(GitToken.fromValue(sensitive(stack)), { blockName: "gl-token" }),
    }));
    const [, block] = onlyResource(json, "prefect_block");
    expect(blockFields(block.data)).toEqual({ value: "oauth2:${var.repo_token}" });
    expect(blockDataErrors("secret", withSampleTokens(blockFields(block.data)))).toEqual([]);
    expect(cloneKwargs(storage).access_token).toBe("{{ prefect.blocks.secret.gl-token }}");
  });

  it("Bitbucket Server with a username: value <username>:<token>", () => {
    const { json } = synthGit((stack) => ({
      repository: "https://git.acme.internal/scm/acme/flows.git",
      hostKind: GitHostKind.BITBUCKET,
      credentials: GitCredentials.secret(GitToken.fromValue(sensitive(stack)), { blockName: "bbs-token", username: "svc-prefect" }),
    }));
    expect(blockFields(onlyResource(json, "prefect_block")[1].data)).toEqual({ value: "svc-prefect:${var.repo_token}" });
  });

  it("GitHub with a username is refused (Prefect URL-encodes the colon of user:token)", () => {
    const error = validationErrorOf((stack) => ({
      repository: GITHUB_REPO,
      credentials: GitCredentials.secret(GitToken.fromValue(sensitive(stack)), { blockName: "gh-token", username: "octocat" }),
    }));
    expectOnlyProblem(error, {
      prop: "credentials.username",
      value: "octocat",
      rule: "GitHostRules",
      problem: "GitHub takes the token alone",
      fix: "drop username",
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Credentials-block mode
// ---------------------------------------------------------------------------------------------

describe("GitCodeStorage: credentials-block mode", () => {
  const cases: Array<{
    label: string;
    repository: string;
    hostKind?: GitHostKind;
    username?: string;
    slug: string;
    blockName: string;
    fields: Record<string, string>;
  }> = [
    {
      label: "github.com -> github-credentials {token}",
      repository: GITHUB_REPO,
      slug: "github-credentials",
      blockName: "github-com-acme-private-flows-git-credentials",
      fields: { token: "${var.repo_token}" },
    },
    {
      label: "gitlab.com -> gitlab-credentials {token}, no url",
      repository: "https://gitlab.com/acme/flows.git",
      slug: "gitlab-credentials",
      blockName: "gitlab-com-acme-flows-git-credentials",
      fields: { token: "${var.repo_token}" },
    },
    {
      label: "self-managed GitLab without 'gitlab' in the host -> oauth2:<token>, url = origin",
      repository: "https://git.acme.internal/acme/flows.git",
      hostKind: GitHostKind.GITLAB,
      slug: "gitlab-credentials",
      blockName: "git-acme-internal-acme-flows-git-credentials",
      fields: { token: "oauth2:${var.repo_token}", url: "https://git.acme.internal" },
    },
    {
      label: "self-managed GitLab with 'gitlab' in the host -> token as is, url = origin",
      repository: "https://gitlab.acme.com/acme/flows.git",
      slug: "gitlab-credentials",
      blockName: "gitlab-acme-com-acme-flows-git-credentials",
      fields: { token: "${var.repo_token}", url: "https://gitlab.acme.com" },
    },
    {
      label: "bitbucket.org -> bitbucket-credentials, token as is (no x-token-auth:)",
      repository: "https://bitbucket.org/acme/flows.git",
      slug: "bitbucket-credentials",
      blockName: "bitbucket-org-acme-flows-git-credentials",
      fields: { token: "${var.repo_token}" },
    },
    {
      label: "Bitbucket Server (hostKind bitbucket) with username -> username set, url = origin with port",
      repository: "https://git.acme.internal:7990/scm/acme/flows.git",
      hostKind: GitHostKind.BITBUCKET,
      username: "svc-prefect",
      slug: "bitbucket-credentials",
      blockName: "git-acme-internal-7990-scm-acme-flows-git-credentials",
      fields: { token: "${var.repo_token}", username: "svc-prefect", url: "https://git.acme.internal:7990" },
    },
  ];

  it.each(cases)("$label", ({ repository, hostKind, username, slug, blockName, fields }) => {
    const { storage, json, synth } = synthGit((stack) => ({
      repository,
      branch: "main",
      hostKind,
      credentials: GitCredentials.credentialsBlock(GitToken.fromValue(sensitive(stack)), { username }),
    }));
    const [, block] = onlyResource(json, "prefect_block");
    expect(block.type_slug).toBe(slug);
    expect(block.name).toBe(blockName);
    expect(synth).toHaveResourceWithProperties(Block, { name: blockName, type_slug: slug });
    expect(blockFields(block.data)).toEqual(fields);
    expect(block.data).not.toContain("x-token-auth");
    expect(blockDataErrors(slug, withSampleTokens(blockFields(block.data)))).toEqual([]);

    const kwargs = cloneKwargs(storage);
    expect(kwargs).toEqual({ id: "clone_repo", repository, branch: "main", credentials: `{{ prefect.blocks.${slug}.${blockName} }}` });
    expect(kwargs).not.toHaveProperty("access_token");
    expect(stepSignatureErrors(storage.pullSteps[0].toYaml())).toEqual([]);
    expect(blockReferences(storage.pullSteps[0].toYaml())).toEqual([{ slug, name: blockName, field: undefined }]);
  });

  it("GitHub Enterprise without 'github' in the host: hostKind github picks github-credentials", () => {
    const { json } = synthGit((stack) => ({
      repository: "https://code.acme.com/acme/flows.git",
      hostKind: GitHostKind.GITHUB,
      credentials: GitCredentials.credentialsBlock(GitToken.fromValue(sensitive(stack))),
    }));
    const [, block] = onlyResource(json, "prefect_block");
    expect(block.type_slug).toBe("github-credentials");
    expect(blockFields(block.data)).toEqual({ token: "${var.repo_token}" });
  });

  it("an explicit blockName and writeOnly", () => {
    const { json, storage } = synthGit((stack) => ({
      repository: "https://bitbucket.org/acme/flows.git",
      credentials: GitCredentials.credentialsBlock(GitToken.fromValue(sensitive(stack)), { blockName: "bb-creds", writeOnly: true }),
    }));
    const [, block] = onlyResource(json, "prefect_block");
    expect(block.name).toBe("bb-creds");
    expect(block).not.toHaveProperty("data");
    expect(blockFields(block.data_wo)).toEqual({ token: "${var.repo_token}" });
    expect(block.data_wo_version).toBe(1);
    expect(cloneKwargs(storage).credentials).toBe("{{ prefect.blocks.bitbucket-credentials.bb-creds }}");
  });

  it("a token from a resource attribute works like a variable", () => {
    const { json } = synthGit((stack) => {
      const gitlabToken = new ProjectAccessToken(stack, "existing-token", {
        project: "acme/flows",
        name: "x",
        scopes: ["read_repository"],
        accessLevel: "reporter",
        expiresAt: "2030-01-01",
      });
      return { repository: "https://gitlab.com/acme/flows.git", credentials: GitCredentials.credentialsBlock(GitToken.fromValue(gitlabToken.token)) };
    });
    expect(blockFields(onlyResource(json, "prefect_block")[1].data)).toEqual({
      token: expect.stringMatching(/^\$\{gitlab_project_access_token\.existing-token\.token\}$/),
    });
  });
});

// ---------------------------------------------------------------------------------------------
// GitLab project access token, GitHub deploy key
// ---------------------------------------------------------------------------------------------

describe("GitCodeStorage: GitLab project access token", () => {
  it("read_repository at Reporter level, rotated 90/14 days by default; the block takes its token attribute", () => {
    const { json, synth, storage } = synthGit({
      repository: "https://gitlab.com/acme/flows.git",
      credentials: GitCredentials.credentialsBlock(GitToken.gitlabProjectAccessToken({ project: "acme/flows" })),
    });
    const [id, token] = onlyResource(json, "gitlab_project_access_token");
    expect(token).toEqual({
      project: "acme/flows",
      name: "prefect-workers",
      scopes: ["read_repository"],
      access_level: "reporter",
      rotation_configuration: { expiration_days: 90, rotate_before_days: 14 },
    });
    expect(synth).toHaveResourceWithProperties(ProjectAccessToken, { scopes: ["read_repository"], access_level: "reporter" });
    const [, block] = onlyResource(json, "prefect_block");
    expect(block.type_slug).toBe("gitlab-credentials");
    expect(blockFields(block.data)).toEqual({ token: `\${gitlab_project_access_token.${id}.token}` });
    expect(cloneKwargs(storage).credentials).toBe(`{{ prefect.blocks.gitlab-credentials.${block.name} }}`);
  });

  it("custom rotation and name are honoured", () => {
    const { json } = synthGit({
      repository: "https://gitlab.com/acme/flows.git",
      credentials: GitCredentials.credentialsBlock(
        GitToken.gitlabProjectAccessToken({ project: "1234", name: "etl-workers", rotation: { expirationDays: 30, rotateBeforeDays: 7 } }),
      ),
    });
    const [, token] = onlyResource(json, "gitlab_project_access_token");
    expect(token.rotation_configuration).toEqual({ expiration_days: 30, rotate_before_days: 7 });
    expect(token.name).toBe("etl-workers");
    expect(token.project).toBe("1234");
    expect(token.scopes).toEqual(["read_repository"]);
    expect(token.access_level).toBe("reporter");
  });

  it("in a Secret on a self-managed GitLab, the value is oauth2:<the resource's token>", () => {
    const { json } = synthGit({
      repository: "https://git.acme.internal/acme/flows.git",
      hostKind: GitHostKind.GITLAB,
      credentials: GitCredentials.secret(GitToken.gitlabProjectAccessToken({ project: "acme/flows" }), { blockName: "gl-token" }),
    });
    const [id] = onlyResource(json, "gitlab_project_access_token");
    expect(blockFields(onlyResource(json, "prefect_block")[1].data)).toEqual({ value: `oauth2:\${gitlab_project_access_token.${id}.token}` });
  });
});

describe("GitCodeStorage: GitHub deploy key", () => {
  it("a read-only deploy key with the public key and default title; ssh URL; no block; no token in the step", () => {
    const { json, synth, storage } = synthGit({
      repository: "git@github.com:acme/private-flows.git",
      branch: "main",
      credentials: GitCredentials.githubDeployKey({ repository: "private-flows", publicKey: PUBLIC_KEY }),
    });
    const [, key] = onlyResource(json, "github_repository_deploy_key");
    expect(key).toEqual({ repository: "private-flows", key: PUBLIC_KEY, title: "prefect-workers", read_only: true });
    expect(synth).toHaveResourceWithProperties(RepositoryDeployKey, { read_only: true, key: PUBLIC_KEY });
    expect(synth).not.toHaveResource(Block);
    expect(storage.block).toBeUndefined();
    expect(storage.deployKey).toBeDefined();
    const kwargs = cloneKwargs(storage);
    expect(kwargs).toEqual({ id: "clone_repo", repository: "git@github.com:acme/private-flows.git", branch: "main" });
    expect(kwargs).not.toHaveProperty("access_token");
    expect(kwargs).not.toHaveProperty("credentials");
  });

  it("a custom title and an ssh:// URL", () => {
    const { json } = synthGit({
      repository: "ssh://git@github.com/acme/private-flows.git",
      credentials: GitCredentials.githubDeployKey({ repository: "private-flows", publicKey: PUBLIC_KEY, title: "etl workers" }),
    });
    expect(onlyResource(json, "github_repository_deploy_key")[1].title).toBe("etl workers");
  });

  it.each([
    ["ssh-rsa", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7"],
    ["ecdsa", "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY="],
  ])("accepts %s keys", (_label, publicKey) => {
    const { json } = synthGit({
      repository: "git@github.com:acme/private-flows.git",
      credentials: GitCredentials.githubDeployKey({ repository: "private-flows", publicKey }),
    });
    expect(onlyResource(json, "github_repository_deploy_key")[1].key).toBe(publicKey);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

/** The ValidationError thrown while building the storage. */
function validationErrorOf(props: GitPropsOrFactory): ValidationError {
  return captureValidationError(() => synthGit(props));
}

const { expectProblem, expectOnlyProblem } = problemAssertionsAt(PATH);

const secretWithName = (stack: TerraformStack) => GitCredentials.secret(GitToken.fromValue(sensitive(stack)), { blockName: "repo-token" });

describe("GitCodeStorage: bad input", () => {
  it.each([
    ["scp-like ssh", "git@github.com:acme/private-flows.git"],
    ["ssh://", "ssh://git@github.com/acme/private-flows.git"],
    ["plain http", "http://github.com/acme/private-flows.git"],
  ])("a token with a non-https URL (%s)", (_label, repository) => {
    for (const credentials of [secretWithName, (s: TerraformStack) => GitCredentials.credentialsBlock(GitToken.fromValue(sensitive(s)))]) {
      const error = validationErrorOf((stack) => ({ repository, credentials: credentials(stack) }));
      expectOnlyProblem(error, {
        prop: "repository",
        value: repository,
        rule: "GitTokenOverHttps",
        problem: "a token is only inserted into https URLs",
        fix: "use the https URL, or GitCredentials.githubDeployKey for ssh",
      });
    }
  });

  it("a deploy key with an https URL", () => {
    const error = validationErrorOf({
      repository: GITHUB_REPO,
      credentials: GitCredentials.githubDeployKey({ repository: "private-flows", publicKey: PUBLIC_KEY }),
    });
    expectOnlyProblem(error, {
      prop: "repository",
      value: GITHUB_REPO,
      rule: "GitDeployKeyOverSsh",
      problem: "a deploy key only works with an ssh URL",
      fix: "use git@github.com:<owner>/<repo>.git",
    });
  });

  it.each([
    ["not a key", "not-a-key", "not-a-key..."],
    ["no key type", "AAAAC3NzaC1lZDI1NTE5AAAAIGtQvWfX3H7k", "AAAAC3NzaC1lZDI1NTE5AAAA..."],
    ["type only", "ssh-ed25519", "ssh-ed25519..."],
  ])("a bad public key (%s)", (_label, publicKey, shown) => {
    const error = validationErrorOf({
      repository: "git@github.com:acme/private-flows.git",
      credentials: GitCredentials.githubDeployKey({ repository: "private-flows", publicKey }),
    });
    expectProblem(error, {
      prop: "credentials.publicKey",
      value: shown,
      rule: "SshPublicKey",
      problem: "is not an OpenSSH public key line",
      fix: "pass the content of your key's .pub file",
    });
  });

  it("a private key passed as the public key is refused without printing its body", () => {
    const body = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW";
    // Armour lines built at run time, so no scanner mistakes this fake for a committed key.
    const armour = (edge: string) => `-----${edge} OPENSSH PRIVATE KEY-----`;
    const error = validationErrorOf({
      repository: "git@github.com:acme/private-flows.git",
      credentials: GitCredentials.githubDeployKey({ repository: "private-flows", publicKey: `${armour("BEGIN")}\n${body}\n${armour("END")}` }),
    });
    expect(error.problems.map((p) => p.rule)).toEqual(["SshPublicKey"]);
    expect(error.message).not.toContain(body);
    expect(error.message).not.toContain(body.slice(0, 12));
  });

  it("both branch and commitSha", () => {
    const error = validationErrorOf({ repository: GITHUB_REPO, branch: "main", commitSha: SHA1 });
    expectOnlyProblem(error, {
      prop: "commitSha",
      value: SHA1,
      rule: "GitRef",
      problem: "cannot be combined with branch",
      fix: "drop branch or commitSha",
    });
  });

  it.each([
    ["short", "abc1234", "use the full SHA (git rev-parse <short sha>)"],
    ["uppercase", SHA1.toUpperCase(), null],
    ["41 digits", `${SHA1}0`, null],
    ["not hex", "z".repeat(40), null],
  ])("a bad commitSha (%s)", (_label, commitSha, fix) => {
    const error = validationErrorOf({ repository: GITHUB_REPO, commitSha });
    expectOnlyProblem(error, {
      prop: "commitSha",
      value: commitSha,
      rule: "GitCommitSha",
      problem: "must be a full, lowercase commit SHA (40 or 64 hex digits)",
      fix,
    });
  });

  it.each([
    ["a space", "my branch", "contains a character git forbids in ref names"],
    ["'..'", "feature..x", "contains a character git forbids in ref names"],
    ["a leading '-'", "-main", "has a form git rejects"],
    ["ending '.lock'", "main.lock", "has a form git rejects"],
    ["a '~'", "main~1", "contains a character git forbids in ref names"],
    ["empty", "", "is empty"],
  ])("a bad branch name (%s)", (_label, branch, problem) => {
    const error = validationErrorOf({ repository: GITHUB_REPO, branch });
    expectProblem(error, { prop: "branch", value: branch, rule: "GitBranchName", problem, fix: null });
    expect(error.problems.every((p) => p.rule === "GitBranchName" && p.prop === "branch")).toBe(true);
  });

  it.each([
    ["not a URL", "github.com/acme/flows"],
    ["a bare word", "flows"],
    ["ftp://", "ftp://github.com/acme/flows.git"],
    ["file://", "file:///srv/repos/flows.git"],
    ["no path", "https://github.com"],
  ])("a bad repository URL (%s)", (_label, repository) => {
    const error = validationErrorOf({ repository });
    expectProblem(error, {
      prop: "repository",
      value: repository,
      rule: "GitRepositoryUrl",
      problem: "is not an https, ssh or scp-like (git@host:org/repo) repository URL",
      fix: null,
    });
  });

  it("a repository URL with whitespace", () => {
    const repository = "https://github.com/acme/my flows.git";
    const error = validationErrorOf({ repository });
    expectProblem(error, { prop: "repository", value: repository, rule: "GitRepositoryUrl", problem: "contains whitespace", fix: null });
  });

  it.each([
    ["user:pass@", "https://deploy:hunter2@github.com/acme/flows.git"],
    ["user@", "https://deploy@github.com/acme/flows.git"],
  ])("a repository URL embedding a credential (%s)", (_label, repository) => {
    const error = validationErrorOf({ repository });
    const found = error.problems.filter((p) => p.rule === "GitRepositoryUrl");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      prop: "repository",
      problem: "embeds a user or password; credentials belong in a block",
      fix: "remove the user info and use the credentials option",
    });
    expect(error.constructPath).toBe(PATH);
    // The user info (which may be a password) is never printed.
    expect(found[0].value).toBe("https://***@github.com/acme/flows.git");
    expect(error.message).not.toContain("deploy");
    expect(error.message).not.toContain("hunter2");
  });

  it("a Bitbucket Server host named bitbucketserver... needs a username, as Prefect refuses it without", () => {
    const error = validationErrorOf((stack) => ({
      repository: "https://bitbucketserver.acme.com/scm/acme/flows.git",
      credentials: GitCredentials.credentialsBlock(GitToken.fromValue(sensitive(stack))),
    }));
    expectProblem(error, {
      prop: "credentials.username",
      value: undefined,
      rule: "GitHostRules",
      problem: "Bitbucket Server / Data Center needs <username>:<token>",
      fix: "set username to the token's user",
    });
  });

  it.each([
    ["Secret", (token: string) => GitCredentials.secret(GitToken.fromValue(token), { blockName: "repo-token" })],
    ["credentials block", (token: string) => GitCredentials.credentialsBlock(GitToken.fromValue(token))],
  ])("a literal token string (%s) is refused and not printed", (_label, credentials) => {
    const literal = "ghp_R3alLo0kingT0kenValue4242";
    const error = validationErrorOf({ repository: GITHUB_REPO, credentials: credentials(literal) });
    expectProblem(error, {
      prop: "credentials.token",
      value: "<literal>",
      rule: "NoLiteralSecrets",
      problem: "is a literal string",
      fix: "declare a TerraformVariable with sensitive: true and pass its .stringValue",
    });
    expect(error.message).not.toContain(literal);
    expect(error.message).not.toContain("R3alLo0king");
    expect(JSON.stringify(error.problems)).not.toContain(literal);
  });

  it.each([
    ["no names", {}],
    ["only deploymentName", { deploymentName: "nightly" }],
    ["only flowName", { flowName: "etl" }],
  ])("a Secret without blockName and without deployment and flow names (%s)", (_label, options) => {
    const error = validationErrorOf((stack) => ({ repository: GITHUB_REPO, credentials: GitCredentials.secret(GitToken.fromValue(sensitive(stack)), options) }));
    expectOnlyProblem(error, {
      prop: "credentials.blockName",
      value: undefined,
      rule: "BlockName",
      problem: "the default Secret name needs deploymentName and flowName",
      fix: "set blockName, or deploymentName and flowName",
    });
  });

  it.each([
    ["uppercase", "RepoToken", 'use "repotoken"'],
    ["underscore", "repo_token", 'use "repo-token"'],
    ["dot", "repo.token", 'use "repo-token"'],
  ])("a bad blockName (%s)", (_label, blockName, fix) => {
    for (const credentials of [
      (s: TerraformStack) => GitCredentials.secret(GitToken.fromValue(sensitive(s)), { blockName }),
      (s: TerraformStack) => GitCredentials.credentialsBlock(GitToken.fromValue(sensitive(s)), { blockName }),
    ]) {
      const error = validationErrorOf((stack) => ({ repository: GITHUB_REPO, credentials: credentials(stack) }));
      expectOnlyProblem(error, { prop: "credentials.blockName", value: blockName, rule: "BlockName", problem: "must match ^[a-z0-9-]+$", fix });
    }
  });

  it("an unknown host with a token and no hostKind", () => {
    const error = validationErrorOf((stack) => ({ repository: "https://git.acme.internal/acme/flows.git", credentials: secretWithName(stack) }));
    expectOnlyProblem(error, {
      prop: "hostKind",
      value: undefined,
      rule: "GitHostKind",
      problem: 'cannot tell the host rules for "git.acme.internal" from its name',
      fix: "set hostKind to GitHostKind.GITHUB, GitHostKind.GITLAB or GitHostKind.BITBUCKET",
    });
  });

  it("an unknown host without a token needs no hostKind", () => {
    const { storage } = synthGit({ repository: "https://git.acme.internal/acme/flows.git" });
    expect(cloneKwargs(storage).repository).toBe("https://git.acme.internal/acme/flows.git");
  });

  it("a GitLab project access token for a github.com repository", () => {
    const error = validationErrorOf({
      repository: GITHUB_REPO,
      credentials: GitCredentials.credentialsBlock(GitToken.gitlabProjectAccessToken({ project: "acme/flows" })),
    });
    expectProblem(error, {
      prop: "credentials.token",
      value: "gitlabProjectAccessToken",
      rule: "GitHostRules",
      problem: "a GitLab project access token cannot open a repository on github.com",
      fix: 'use GitToken.fromValue, or set hostKind: GitHostKind.GITLAB for a self-managed GitLab',
    });
  });

  it("a GitLab project access token for a bitbucket.org repository", () => {
    const error = validationErrorOf({
      repository: "https://bitbucket.org/acme/flows.git",
      credentials: GitCredentials.secret(GitToken.gitlabProjectAccessToken({ project: "acme/flows" }), { blockName: "t" }),
    });
    expectProblem(error, {
      prop: "credentials.token",
      value: "gitlabProjectAccessToken",
      rule: "GitHostRules",
      problem: "cannot open a repository on bitbucket.org",
      fix: 'use GitToken.fromValue, or set hostKind: GitHostKind.GITLAB for a self-managed GitLab',
    });
  });

  it("a username with a GitHub host (credentials block)", () => {
    const error = validationErrorOf((stack) => ({
      repository: GITHUB_REPO,
      credentials: GitCredentials.credentialsBlock(GitToken.fromValue(sensitive(stack)), { username: "octocat" }),
    }));
    expectOnlyProblem(error, { prop: "credentials.username", value: "octocat", rule: "GitHostRules", problem: "GitHub takes the token alone", fix: "drop username" });
  });

  it("a username with a gitlab-credentials block", () => {
    const error = validationErrorOf((stack) => ({
      repository: "https://gitlab.com/acme/flows.git",
      credentials: GitCredentials.credentialsBlock(GitToken.fromValue(sensitive(stack)), { username: "deployer" }),
    }));
    expectOnlyProblem(error, {
      prop: "credentials.username",
      value: "deployer",
      rule: "GitHostRules",
      problem: "gitlab-credentials has no username field",
      fix: "drop username, or use GitCredentials.secret",
    });
  });

  it.each([
    ["Secret", secretWithName],
    ["credentials block", (s: TerraformStack) => GitCredentials.credentialsBlock(GitToken.fromValue(sensitive(s)))],
  ])("Bitbucket Server without a username (%s)", (_label, credentials) => {
    const error = validationErrorOf((stack) => ({
      repository: "https://git.acme.internal/scm/acme/flows.git",
      hostKind: GitHostKind.BITBUCKET,
      credentials: credentials(stack),
    }));
    expectOnlyProblem(error, {
      prop: "credentials.username",
      value: undefined,
      rule: "GitHostRules",
      problem: "Bitbucket Server / Data Center needs <username>:<token>",
      fix: "set username to the token's user",
    });
  });

  it.each([
    ["'..'", ["flows", "../secrets"], "directories[1]", "../secrets", "contains a '..' segment", 'use "secrets"'],
    ["leading '/'", ["/flows/etl"], "directories[0]", "/flows/etl", "starts with '/'", 'use "flows/etl"'],
  ])("directories with %s", (_label, directories, prop, value, problem, fix) => {
    const error = validationErrorOf({ repository: GITHUB_REPO, directories });
    expectProblem(error, { prop, value, rule: "StorageFolder", problem, fix });
    expect(error.problems.every((p) => p.prop === prop)).toBe(true);
  });

  it.each([
    ["repository", (stack: TerraformStack) => ({ repository: new TerraformVariable(stack, "repo", { type: "string" }).stringValue })],
    ["branch", (stack: TerraformStack) => ({ repository: GITHUB_REPO, branch: new TerraformVariable(stack, "branch", { type: "string" }).stringValue })],
    ["commitSha", (stack: TerraformStack) => ({ repository: GITHUB_REPO, commitSha: new TerraformVariable(stack, "sha", { type: "string" }).stringValue })],
  ])("a %s given as a Terraform token is refused (it would leak into prefect.yaml)", (prop, props) => {
    const error = validationErrorOf(props);
    expectOnlyProblem(error, {
      prop,
      value: expect.stringMatching(/^\$\{TfToken\[TOKEN\.\d+\]\}$/),
      rule: "KnownAtSynth",
      problem: "must be known at synth time: it is written into prefect.yaml",
      fix: null,
    });
  });

  it("reports several problems together in one error", () => {
    const error = validationErrorOf({
      repository: "git@github.com:acme/flows.git",
      branch: "bad branch",
      commitSha: "ABC",
      directories: ["../up"],
      credentials: GitCredentials.secret(GitToken.fromValue("literal-token-value"), { blockName: "Bad_Name", username: "octocat" }),
    });
    const pairs = error.problems.map((p) => `${p.prop}:${p.rule}`).sort();
    expect(pairs).toEqual(
      [
        "branch:GitBranchName",
        "commitSha:GitCommitSha",
        "commitSha:GitRef",
        "credentials.blockName:BlockName",
        "credentials.token:NoLiteralSecrets",
        "credentials.username:GitHostRules",
        "directories[0]:StorageFolder",
        "repository:GitTokenOverHttps",
      ].sort(),
    );
    expectOneLinePerProblem(error);
    expect(error.message).not.toContain("literal-token-value");
    for (const v of ['"bad branch"', '"ABC"', '"../up"', '"Bad_Name"', '"octocat"', '"git@github.com:acme/flows.git"']) expect(error.message).toContain(v);
  });

  it("names the full construct path when nested", () => {
    const stack = new TerraformStack(Testing.app(), STACK);
    const team = new Construct(stack, "team-a");
    expect(() => reported(new GitCodeStorage(team, "code", { repository: "nope" }))).toThrow(`Invalid configuration for '${STACK}/team-a/code'`);
  });
});

// ---------------------------------------------------------------------------------------------
// Example stacks
// ---------------------------------------------------------------------------------------------

const EXAMPLES = [
  ["github-public", GitHubPublicStack],
  ["github-private", GitHubPrivateStack],
  ["gitlab", GitLabStack],
  ["bitbucket", BitbucketStack],
] as const;

interface ExampleSynth {
  config: any;
  files: Record<string, string>;
  doc: any;
}

const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function synthExample(name: string, StackClass: (typeof EXAMPLES)[number][1]): ExampleSynth {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-git-"));
  tmpDirs.push(outdir);
  const app = new App({ outdir });
  new StackClass(app, name);
  app.synth();
  const dir = path.join(outdir, "stacks", name);
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(dir)) if (f !== "cdk.tf.json") files[f] = fs.readFileSync(path.join(dir, f), "utf8");
  return {
    config: JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")),
    files,
    doc: parse(files["prefect.yaml"]),
  };
}

describe.each(EXAMPLES)("example stack %s", (name, StackClass) => {
  let ex: ExampleSynth;
  beforeAll(() => {
    ex = synthExample(name, StackClass);
  });

  it("writes prefect.yaml that passes Prefect's schema and step signatures", () => {
    expect(Object.keys(ex.files)).toEqual(["prefect.yaml"]);
    expect(prefectYamlSchemaErrors(ex.doc)).toEqual([]);
    const steps = stepsOf(ex.doc);
    expect(steps.map((s) => Object.keys(s.step)[0])).toEqual([GIT_CLONE]);
    for (const { where, step } of steps) expect({ where, errors: stepSignatureErrors(step) }).toEqual({ where, errors: [] });
  });

  it("has no push or build section, top level or per deployment", () => {
    expect(ex.doc).not.toHaveProperty("push");
    expect(ex.doc).not.toHaveProperty("build");
    for (const d of ex.doc.deployments) {
      expect(d).not.toHaveProperty("push");
      expect(d).not.toHaveProperty("build");
    }
  });

  it("every block reference resolves to a prefect_block of this stack with that slug and name", () => {
    const created = Object.values(ex.config.resource?.prefect_block ?? {}).map((b: any) => `${b.type_slug}/${b.name}`);
    const refs = blockReferences(ex.doc).map((r) => `${r.slug}/${r.name}`);
    expect(refs.length).toBe(created.length);
    for (const r of refs) expect(created).toContain(r);
  });

  it("leaks no Terraform token into generated files", () => {
    for (const [file, text] of Object.entries(ex.files)) {
      expect({ file, leaks: text.match(/\$\{|TfToken|TOKEN\.\d+/g) }).toEqual({ file, leaks: null });
    }
  });

  it("block data is a Terraform expression over a variable or resource attribute, valid for its type", () => {
    const blocks = Object.values(ex.config.resource?.prefect_block ?? {}) as any[];
    expect(blocks.length).toBe(blockReferences(ex.doc).length); // a public repository has none
    for (const b of blocks) {
      const fields = blockFields(b.data ?? b.data_wo);
      expect(fields.token ?? fields.value).toMatch(/^\$\{(var|gitlab_project_access_token)\.[^}]+\}$/);
      expect(blockDataErrors(b.type_slug, withSampleTokens(fields))).toEqual([]);
    }
  });
});

describe("example stacks: specifics", () => {
  it("github-public: no block, no resource, a bare git_clone", () => {
    const ex = synthExample("github-public", GitHubPublicStack);
    expect(ex.config.resource).toBeUndefined();
    expect(ex.doc.pull).toEqual([{ [GIT_CLONE]: { id: "clone_repo", repository: "https://github.com/acme/public-flows.git", branch: "main" } }]);
  });

  it("github-private: the Secret prefect deploy would name, from TF_VAR_github_token", () => {
    const ex = synthExample("github-private", GitHubPrivateStack);
    const [block] = Object.values(ex.config.resource.prefect_block) as any[];
    expect(block).toMatchObject({ name: "deployment-nightly-etl-repo-token", type_slug: "secret", data: '${jsonencode({"value" = var.github_token})}' });
    expect(block).not.toHaveProperty("data_wo");
    expect(ex.config.variable.github_token.sensitive).toBe(true);
    expect(ex.doc.pull[0][GIT_CLONE].access_token).toBe("{{ prefect.blocks.secret.deployment-nightly-etl-repo-token }}");
    expect(ex.doc.pull[0][GIT_CLONE]).not.toHaveProperty("credentials");
  });

  it("gitlab: a read_repository project token in a gitlab-credentials block", () => {
    const ex = synthExample("gitlab", GitLabStack);
    const [[id, token]] = Object.entries(ex.config.resource.gitlab_project_access_token) as Array<[string, any]>;
    expect(token).toMatchObject({ scopes: ["read_repository"], access_level: "reporter" });
    const [block] = Object.values(ex.config.resource.prefect_block) as any[];
    expect(block.type_slug).toBe("gitlab-credentials");
    expect(blockFields(block.data)).toEqual({ token: `\${gitlab_project_access_token.${id}.token}` });
    expect(ex.doc.pull[0][GIT_CLONE].credentials).toBe(`{{ prefect.blocks.gitlab-credentials.${block.name} }}`);
    expect(ex.config.terraform.required_providers).toHaveProperty("gitlab");
  });

  it("bitbucket: the token as issued in a bitbucket-credentials block", () => {
    const ex = synthExample("bitbucket", BitbucketStack);
    const [block] = Object.values(ex.config.resource.prefect_block) as any[];
    expect(block.type_slug).toBe("bitbucket-credentials");
    expect(blockFields(block.data)).toEqual({ token: "${var.bitbucket_token}" });
    expect(ex.doc.pull[0][GIT_CLONE].credentials).toBe(`{{ prefect.blocks.bitbucket-credentials.${block.name} }}`);
  });
});
