/**
 * The three image registries (EcrRegistry, ArtifactRegistryDockerRepository, AzureContainerRegistry):
 * what each synthesizes (repository settings, cleanup, identities, grants held exactly against the
 * registries' documented push and pull permissions), the docker-registry-credentials blocks checked
 * against Prefect's block schema, and every bad input refused at synth with path, value, rule and fix.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { PrefectProvider } from "../packages/core/src/prefect/provider/provider";
import { AcrPushAccess } from "../packages/azure/src/acr/acr-access";
import { ArtifactRegistryDockerRepository, ArtifactRegistryDockerRepositoryProps } from "../packages/google/src/artifact-registry/artifact-registry";
import { ArtifactRegistryPushIdentity } from "../packages/google/src/artifact-registry/artifact-registry-identity";
import { AcrSku, AzureContainerRegistry, AzureContainerRegistryProps } from "../packages/azure/src/acr/azure-container-registry";
import { EcrPushIdentity } from "../packages/aws/src/ecr/ecr-identity";
import { EcrRegistry, EcrRegistryProps } from "../packages/aws/src/ecr/ecr-registry";
import { ValidationError } from "../packages/core/src/validation/errors";
import { AzurePrincipalType } from "../packages/core/src/storage/azure-principal-type";
import { blockDataErrors } from "./support/shared";
import { captureValidationError, expectOneLinePerProblem, problemAssertionsAt, reported } from "./support/validation";

const STACK = "test-stack";
const PATH = `${STACK}/images`;
const { expectProblem, expectOnlyProblem } = problemAssertionsAt(PATH);

type Cloud = "aws" | "google" | "azure";

/** A stack with the cloud's provider and Prefect's, one registry (id `images`), synthesized. */
function synth<R extends Construct>(cloud: Cloud, build: (stack: TerraformStack) => R, after?: (registry: R) => void): { json: any; synth: string; registry: R } {
  const stack = new TerraformStack(Testing.app(), STACK);
  if (cloud === "aws") new AwsProvider(stack, "aws", { region: "eu-central-1" });
  if (cloud === "google") new GoogleProvider(stack, "google", { project: "acme-prefect" });
  if (cloud === "azure") new AzurermProvider(stack, "azurerm", { features: [{}] });
  new PrefectProvider(stack, "prefect");
  const registry = build(stack);
  after?.(registry);
  const text = Testing.synth(stack);
  return { json: JSON.parse(text), synth: text, registry };
}

const resources = (json: any, type: string): Array<[string, any]> => Object.entries(json.resource?.[type] ?? {});
/** The one resource of `type` whose logical id starts with `images_<part>_`. */
function resource(json: any, type: string, part: string): any {
  const found = resources(json, type).filter(([id]) => new RegExp(`^images_${part}_[0-9A-F]{8}$`).test(id));
  if (found.length !== 1) throw new Error(`expected one ${type} images_${part}, found ${resources(json, type).map(([id]) => id).join(", ")}`);
  return found[0][1];
}
const ref = (type: string, part: string, attr: string) => expect.stringMatching(new RegExp(`^\\$\\{${type}\\.images_${part}_[0-9A-F]{8}\\.${attr.replace(/[[\]]/g, "\\$&")}\\}$`));
/** Block data as Terraform would fill it in: each expression replaced by a sample string. */
function blockFields(data: string): Record<string, unknown> {
  const fields = [...data.matchAll(/"([a-z_]+)" = ("[^"]*"|[^,}]+)/g)].map((m) => [m[1], m[2].startsWith('"') ? JSON.parse(m[2]) : "sample"]);
  return Object.fromEntries(fields);
}

// ---------------------------------------------------------------------------------------------
// Amazon ECR
// ---------------------------------------------------------------------------------------------

const ACCOUNT = "123456789012";
const ECR_HOST = `${ACCOUNT}.dkr.ecr.eu-central-1.amazonaws.com`;
const REPO = "acme/prefect-etl";
const REPO_ARN = `arn:aws:ecr:eu-central-1:${ACCOUNT}:repository/${REPO}`;
const ecrDefaults: EcrRegistryProps = { accountId: ACCOUNT, region: "eu-central-1", repositoryName: REPO, pushIdentity: EcrPushIdentity.role("ci-deploy") };
const ecr = (props: EcrRegistryProps | ((stack: TerraformStack) => EcrRegistryProps), after?: (r: EcrRegistry) => void) =>
  synth("aws", (s) => new EcrRegistry(s, "images", typeof props === "function" ? props(s) : props), after);

/** Written out from AWS's documented push and pull permissions (ECR user guide). */
const ecrGrant = (sid: "PushFlowImage" | "PullFlowImage", arn = REPO_ARN) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: sid,
      Effect: "Allow",
      Action:
        sid === "PushFlowImage"
          ? ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage"]
          : ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
      Resource: arn,
    },
    { Sid: "GetRegistryLoginToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
  ],
});
const rolePolicies = (json: any) =>
  Object.fromEntries(resources(json, "aws_iam_role_policy").map(([, p]) => [p.role, { name: p.name, policy: JSON.parse(p.policy) }]));

describe("EcrRegistry: defaults", () => {
  const { json, registry } = ecr(ecrDefaults);

  it("creates one repository: immutable tags, scan on push, AES256, no force delete", () => {
    expect(resources(json, "aws_ecr_repository")).toHaveLength(1);
    expect(resource(json, "aws_ecr_repository", "repository")).toEqual({
      name: REPO,
      image_tag_mutability: "IMMUTABLE",
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: "AES256" }],
      force_delete: false,
    });
  });

  it("keeps the last 30 images with one lifecycle rule on that repository", () => {
    const lifecycle = resource(json, "aws_ecr_lifecycle_policy", "lifecycle");
    expect(lifecycle.repository).toEqual(ref("aws_ecr_repository", "repository", "name"));
    expect(JSON.parse(lifecycle.policy)).toEqual({
      rules: [{ rulePriority: 1, description: "Keep the last 30 images", selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 30 }, action: { type: "expire" } }],
    });
  });

  it("gives CI's role push on this repository and the login token, nothing else; no user, no key, no block", () => {
    expect(rolePolicies(json)).toEqual({ "ci-deploy": { name: "prefect-image-push-acme-prefect-etl", policy: ecrGrant("PushFlowImage") } });
    for (const type of ["aws_iam_user", "aws_iam_access_key", "aws_iam_user_policy", "aws_ecr_repository_policy", "prefect_block"]) expect(json.resource[type]).toBeUndefined();
    expect(registry.pushCredentials).toBeUndefined();
  });

  it("names the repository as images and ARNs do, known at synth", () => {
    expect(registry.kind).toBe("ecr");
    expect(registry.registryUrl).toBe(ECR_HOST);
    expect(registry.imageName).toBe(`${ECR_HOST}/${REPO}`);
    expect(registry.repositoryArn).toBe(REPO_ARN);
    expect(registry.immutableTags).toBe(true);
  });

  it("outputs image name, registry host and ARN, nothing secret", () => {
    expect(json.output).toEqual({
      images_image_name: { description: expect.any(String), value: `${ECR_HOST}/${REPO}` },
      images_registry_url: { description: expect.any(String), value: ECR_HOST },
      images_repository_arn: { description: expect.any(String), value: REPO_ARN },
    });
  });
});

describe("EcrRegistry: options", () => {
  it("pullRoleNames and grantPull/grantPush: one role policy per role, limited to the repository", () => {
    const { json } = ecr({ ...ecrDefaults, pullRoleNames: ["ecs-task-execution", "docker-host"] }, (r) => {
      r.grantPull("analytics-task-execution");
      r.grantPush("release-bot");
    });
    expect(rolePolicies(json)).toEqual({
      "ci-deploy": { name: "prefect-image-push-acme-prefect-etl", policy: ecrGrant("PushFlowImage") },
      "release-bot": { name: "prefect-image-push-acme-prefect-etl", policy: ecrGrant("PushFlowImage") },
      "ecs-task-execution": { name: "prefect-image-pull-acme-prefect-etl", policy: ecrGrant("PullFlowImage") },
      "docker-host": { name: "prefect-image-pull-acme-prefect-etl", policy: ecrGrant("PullFlowImage") },
      "analytics-task-execution": { name: "prefect-image-pull-acme-prefect-etl", policy: ecrGrant("PullFlowImage") },
    });
  });

  it("iamUser push identity: a user with exactly the push policy, an access key, and the secret only as a sensitive output", () => {
    const { json, registry } = ecr({ ...ecrDefaults, pushIdentity: EcrPushIdentity.iamUser() });
    expect(resource(json, "aws_iam_user", "push-user")).toEqual({ name: "prefect-acme-prefect-etl-push", path: "/prefect/", tags: { "prefect-image-registry": "push" } });
    const userPolicy = resource(json, "aws_iam_user_policy", "push-user-policy");
    expect(userPolicy.user).toEqual(ref("aws_iam_user", "push-user", "name"));
    expect(userPolicy.name).toBe("prefect-image-push");
    expect(JSON.parse(userPolicy.policy)).toEqual(ecrGrant("PushFlowImage"));
    expect(resource(json, "aws_iam_access_key", "push-access-key")).toEqual({ user: ref("aws_iam_user", "push-user", "name") });
    expect(json.resource.aws_iam_role_policy).toBeUndefined();
    expect(json.output.images_push_secret_access_key).toEqual({
      value: ref("aws_iam_access_key", "push-access-key", "secret"),
      sensitive: true,
      description: expect.any(String),
    });
    expect(json.output.images_push_access_key_id.value).toEqual(ref("aws_iam_access_key", "push-access-key", "id"));
    expect(json.output.images_push_access_key_id.sensitive).toBeUndefined();
    expect(json.output.images_push_user.value).toEqual(ref("aws_iam_user", "push-user", "name"));
    expect(registry.pushCredentials).toBeUndefined();
    expect(JSON.stringify(json)).not.toMatch(/AKIA[0-9A-Z]{16}/);
  });

  it("iamUser with its own name and path", () => {
    const { json } = ecr({ ...ecrDefaults, pushIdentity: EcrPushIdentity.iamUser({ userName: "ci-images", path: "/ci/" }) });
    expect(resource(json, "aws_iam_user", "push-user")).toMatchObject({ name: "ci-images", path: "/ci/" });
  });

  it("kmsKeyArn, mutable tags, no scanning, keepLastImages and tags shape the created repository", () => {
    const key = "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const { json, registry } = ecr({ ...ecrDefaults, kmsKeyArn: key, immutableTags: false, scanOnPush: false, keepLastImages: 5, tags: { team: "data" } });
    expect(resource(json, "aws_ecr_repository", "repository")).toEqual({
      name: REPO,
      image_tag_mutability: "MUTABLE",
      image_scanning_configuration: { scan_on_push: false },
      encryption_configuration: [{ encryption_type: "KMS", kms_key: key }],
      force_delete: false,
      tags: { team: "data" },
    });
    expect(JSON.parse(resource(json, "aws_ecr_lifecycle_policy", "lifecycle").policy).rules[0].selection.countNumber).toBe(5);
    expect(registry.immutableTags).toBe(false);
    // ECR decrypts through its own grant on the key: no KMS action for push or pull.
    expect(JSON.stringify(rolePolicies(json))).not.toContain("kms:");
  });

  it("existingRepositoryName: nothing about the repository is created; grants name its ARN; tag mutability unknown", () => {
    const { json, registry } = ecr({ accountId: ACCOUNT, region: "eu-central-1", existingRepositoryName: "platform/etl", pushIdentity: EcrPushIdentity.role("ci-deploy"), pullRoleNames: ["runner"] });
    expect(json.resource.aws_ecr_repository).toBeUndefined();
    expect(json.resource.aws_ecr_lifecycle_policy).toBeUndefined();
    const arn = `arn:aws:ecr:eu-central-1:${ACCOUNT}:repository/platform/etl`;
    expect(rolePolicies(json)).toEqual({
      "ci-deploy": { name: "prefect-image-push-platform-etl", policy: ecrGrant("PushFlowImage", arn) },
      runner: { name: "prefect-image-pull-platform-etl", policy: ecrGrant("PullFlowImage", arn) },
    });
    expect(registry.immutableTags).toBeUndefined();
    expect(registry.repository).toBeUndefined();
  });

  it("a repository name only known after apply stays an expression in ARNs and names; policy names fall back to the construct id", () => {
    const { json, registry } = ecr((stack) => ({ ...ecrDefaults, repositoryName: new TerraformVariable(stack, "repo", { type: "string" }).stringValue }));
    expect(resource(json, "aws_ecr_repository", "repository").name).toBe("${var.repo}");
    expect(registry.imageName).toMatch(/^123456789012\.dkr\.ecr\.eu-central-1\.amazonaws\.com\/\$\{TfToken\[/);
    const [push] = Object.values(rolePolicies(json)) as any[];
    expect(push.name).toBe("prefect-image-push-images");
    expect(push.policy.Statement[0].Resource).toBe(`arn:aws:ecr:eu-central-1:${ACCOUNT}:repository/\${var.repo}`);
  });
});

describe("EcrRegistry: bad input", () => {
  const errorOf = (props: EcrRegistryProps): ValidationError => captureValidationError(() => ecr(props), props);

  it("exactly one of repositoryName and existingRepositoryName", () => {
    expectOnlyProblem(errorOf({ ...ecrDefaults, existingRepositoryName: "other" }), {
      prop: "repositoryName",
      value: REPO,
      rule: "EcrRepositorySource",
      problem: "set exactly one of repositoryName (create) and existingRepositoryName (reuse)",
      fix: null,
    });
    const { repositoryName: _omitted, ...neither } = ecrDefaults;
    expectOnlyProblem(errorOf(neither), { prop: "repositoryName", value: undefined, rule: "EcrRepositorySource", problem: "set exactly one of", fix: null });
  });

  it("repository name, account ID, Region and KMS key ARN are checked by their rules", () => {
    const error = errorOf({ ...ecrDefaults, repositoryName: "Acme/ETL", accountId: "1234-5678-9012", region: "EU-Central-1", kmsKeyArn: "alias/ecr" });
    expectProblem(error, { prop: "repositoryName", value: "Acme/ETL", rule: "EcrRepositoryName", problem: "must be lowercase path components", fix: 'use "acme/etl"' });
    expectProblem(error, { prop: "accountId", value: "1234-5678-9012", rule: "EcrAccountId", problem: "must be exactly 12 digits", fix: 'use "123456789012"' });
    expectProblem(error, { prop: "region", value: "EU-Central-1", rule: "EcrRegion", problem: "is not an AWS Region code", fix: 'use "eu-central-1"' });
    expectProblem(error, { prop: "kmsKeyArn", value: "alias/ecr", rule: "EcrKmsKeyArn", problem: "is not a KMS key ARN", fix: "copy it from `aws kms describe-key --key-id <alias or id> --query KeyMetadata.Arn`" });
    expect(error.problems).toHaveLength(4);
    expectOneLinePerProblem(error);
  });

  it.each([[0], [1.5], [-1], [10001]])("keepLastImages %p is not a whole number from 1 to 10000", (keep) => {
    expectOnlyProblem(errorOf({ ...ecrDefaults, keepLastImages: keep }), { prop: "keepLastImages", value: keep, rule: "EcrLifecycle", problem: "must be a whole number from 1 to 10000", fix: null });
  });

  it.each([
    ["immutableTags", true],
    ["scanOnPush", false],
    ["kmsKeyArn", "arn:aws:kms:eu-central-1:123456789012:key/abcd"],
    ["keepLastImages", 10],
    ["tags", { team: "data" }],
  ] as const)("%s with an existing repository", (prop, value) => {
    const props = { accountId: ACCOUNT, region: "eu-central-1", existingRepositoryName: "platform/etl", pushIdentity: EcrPushIdentity.role("ci"), [prop]: value };
    expectOnlyProblem(errorOf(props), {
      prop,
      value,
      rule: "EcrExistingRepository",
      problem: "cannot be applied to an existing repository, which this construct does not manage",
      fix: "set it where the repository is defined",
    });
  });

  it("identity and role names: IAM rules for the push role, the push user and its path, and every pull role", () => {
    expectOnlyProblem(errorOf({ ...ecrDefaults, pushIdentity: EcrPushIdentity.role("ci deploy") }), {
      prop: "pushIdentity.roleName",
      value: "ci deploy",
      rule: "IamName",
      problem: "may contain only letters, digits and +=,.@_-",
      fix: null,
    });
    const error = errorOf({ ...ecrDefaults, pushIdentity: EcrPushIdentity.iamUser({ userName: "x".repeat(65), path: "prefect" }), pullRoleNames: ["ok-role", "bad role"] });
    expectProblem(error, { prop: "pushIdentity.userName", value: "x".repeat(65), rule: "IamName", problem: "is 65 characters long", fix: null });
    expectProblem(error, { prop: "pushIdentity.path", value: "prefect", rule: "IamPath", problem: "must start and end with '/'", fix: 'use "/prefect/"' });
    expectProblem(error, { prop: "pullRoleNames[1]", value: "bad role", rule: "IamName", problem: "may contain only", fix: null });
    expect(error.problems).toHaveLength(3);
  });

  it("a missing push identity (from JavaScript) is reported, not a crash", () => {
    expectOnlyProblem(errorOf({ ...ecrDefaults, pushIdentity: undefined as any }), {
      prop: "pushIdentity",
      value: undefined,
      rule: "EcrPushIdentity",
      problem: "is required",
      fix: 'use EcrPushIdentity.role("<role CI assumes>")',
    });
  });

  it("grantPull with a bad role name names the grant's path", () => {
    const error = captureValidationError(() => ecr(ecrDefaults, (r) => r.grantPull("bad role")));
    expect(error.constructPath).toBe(`${PATH}/grant-pull-bad_role`);
    expect(error.problems).toEqual([expect.objectContaining({ prop: "roleName", value: "bad role", rule: "IamName" })]);
  });

  it("reports the full path when nested deeper", () => {
    const stack = new TerraformStack(Testing.app(), STACK);
    const team = new Construct(stack, "team-a");
    expect(() => reported(new EcrRegistry(team, "images", { ...ecrDefaults, accountId: "1" }))).toThrow(`Invalid configuration for '${STACK}/team-a/images'`);
  });
});

// ---------------------------------------------------------------------------------------------
// Google Artifact Registry
// ---------------------------------------------------------------------------------------------

const PROJECT = "acme-prefect";
const GAR_HOST = "europe-west1-docker.pkg.dev";
const garDefaults: ArtifactRegistryDockerRepositoryProps = { project: PROJECT, location: "europe-west1", repositoryId: "prefect-flows" };
const gar = (props: ArtifactRegistryDockerRepositoryProps, after?: (r: ArtifactRegistryDockerRepository) => void) =>
  synth("google", (s) => new ArtifactRegistryDockerRepository(s, "images", props), after);
const garBindings = (json: any) => resources(json, "google_artifact_registry_repository_iam_member").map(([, b]) => b);
const createdRepo = ref("google_artifact_registry_repository", "repository", "repository_id");

describe("ArtifactRegistryDockerRepository: defaults", () => {
  const { json, registry } = gar(garDefaults);

  it("creates one DOCKER repository: immutable tags, cleanup keeping the last 30 versions (DELETE all + KEEP recent), not a dry run", () => {
    expect(resources(json, "google_artifact_registry_repository")).toHaveLength(1);
    expect(resource(json, "google_artifact_registry_repository", "repository")).toEqual({
      project: PROJECT,
      location: "europe-west1",
      repository_id: "prefect-flows",
      format: "DOCKER",
      mode: "STANDARD_REPOSITORY",
      description: "Prefect flow images; managed by Terraform.",
      docker_config: { immutable_tags: true },
      cleanup_policy_dry_run: false,
      cleanup_policies: [
        { id: "delete-older-versions", action: "DELETE", condition: { tag_state: "ANY" } },
        { id: "keep-last-versions", action: "KEEP", most_recent_versions: { keep_count: 30 } },
      ],
    });
  });

  it("creates a push service account with one key, bound as writer on this repository only", () => {
    expect(resource(json, "google_service_account", "push-service-account")).toEqual({
      project: PROJECT,
      account_id: "prefect-prefect-flows-push",
      display_name: "Prefect image push",
      description: "Pushes Prefect flow images to prefect-flows; managed by Terraform.",
    });
    expect(resource(json, "google_service_account_key", "push-key")).toEqual({ service_account_id: ref("google_service_account", "push-service-account", "name") });
    expect(garBindings(json)).toEqual([
      { project: PROJECT, location: "europe-west1", repository: createdRepo, role: "roles/artifactregistry.writer", member: ref("google_service_account", "push-service-account", "member") },
    ]);
    for (const type of ["google_project_iam_member", "google_project_iam_binding", "google_artifact_registry_repository_iam_binding", "google_artifact_registry_repository_iam_policy"]) {
      expect(json.resource[type]).toBeUndefined();
    }
  });

  it("puts the key into a docker-registry-credentials block: user _json_key, the decoded key JSON as password, the registry host", () => {
    const block = resource(json, "prefect_block", "push-credentials_block");
    expect(block.name).toBe("prefect-flows-push");
    expect(block.type_slug).toBe("docker-registry-credentials");
    expect(block.data).toMatch(/^\$\{jsonencode\(\{.*\}\)\}$/);
    expect(block.data).toMatch(/"password" = base64decode\(google_service_account_key\.images_push-key_[0-9A-F]{8}\.private_key\)[,}]/);
    const fields = blockFields(block.data);
    expect(fields).toEqual({ username: "_json_key", password: "sample", registry_url: GAR_HOST });
    expect(blockDataErrors("docker-registry-credentials", fields)).toEqual([]);
    expect(registry.pushCredentials?.reference().toString()).toBe("{{ prefect.blocks.docker-registry-credentials.prefect-flows-push }}");
  });

  it("names the image <location>-docker.pkg.dev/<project>/<repository>/<image>, the image defaulting to the repository ID", () => {
    expect(registry.kind).toBe("artifact-registry");
    expect(registry.registryUrl).toBe(GAR_HOST);
    expect(registry.imageName).toBe(`${GAR_HOST}/${PROJECT}/prefect-flows/prefect-flows`);
    expect(registry.immutableTags).toBe(true);
  });

  it("outputs image, host, block and push member; nothing secret", () => {
    expect(json.output).toEqual({
      images_image_name: { description: expect.any(String), value: `${GAR_HOST}/${PROJECT}/prefect-flows/prefect-flows` },
      images_registry_url: { description: expect.any(String), value: GAR_HOST },
      images_push_block: { description: expect.any(String), value: "prefect-flows-push" },
      images_push_member: { description: expect.any(String), value: ref("google_service_account", "push-service-account", "member") },
    });
    expect(JSON.stringify(json.output)).not.toMatch(/private_key/);
  });
});

describe("ArtifactRegistryDockerRepository: options", () => {
  const CI = "principalSet://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/attribute.repository/acme/etl";
  const NODES = "serviceAccount:gke-nodes@acme-prefect.iam.gserviceaccount.com";

  it("existing push member: writer for it, no account, no key, no block", () => {
    const { json, registry } = gar({ ...garDefaults, pushIdentity: ArtifactRegistryPushIdentity.existing(CI) });
    for (const type of ["google_service_account", "google_service_account_key", "prefect_block"]) expect(json.resource[type]).toBeUndefined();
    expect(garBindings(json)).toEqual([{ project: PROJECT, location: "europe-west1", repository: createdRepo, role: "roles/artifactregistry.writer", member: CI }]);
    expect(registry.pushCredentials).toBeUndefined();
    expect(json.output.images_push_member.value).toBe(CI);
    expect(json.output.images_push_block).toBeUndefined();
  });

  it("pullMembers and grantPull/grantPush: reader / writer on this repository for each", () => {
    const { json } = gar({ ...garDefaults, pushIdentity: ArtifactRegistryPushIdentity.existing(CI), pullMembers: [NODES] }, (r) => {
      r.grantPull("group:analysts@acme.example");
      r.grantPush("serviceAccount:release@acme-prefect.iam.gserviceaccount.com");
    });
    const byMember = Object.fromEntries(garBindings(json).map((b) => [b.member, b.role]));
    expect(byMember).toEqual({
      [CI]: "roles/artifactregistry.writer",
      [NODES]: "roles/artifactregistry.reader",
      "group:analysts@acme.example": "roles/artifactregistry.reader",
      "serviceAccount:release@acme-prefect.iam.gserviceaccount.com": "roles/artifactregistry.writer",
    });
    for (const b of garBindings(json)) expect(b).toMatchObject({ project: PROJECT, location: "europe-west1", repository: createdRepo });
  });

  it("image, keepLastVersions, mutable tags, CMEK, labels, description, block prefix and write-only data", () => {
    const key = `projects/${PROJECT}/locations/europe-west1/keyRings/images/cryptoKeys/images`;
    const { json, registry } = gar({
      ...garDefaults,
      image: "etl/nightly",
      keepLastVersions: 5,
      immutableTags: false,
      kmsKeyName: key,
      labels: { team: "data" },
      description: "ETL images",
      blockNamePrefix: "etl-images",
      writeOnlyBlocks: true,
      pushIdentity: ArtifactRegistryPushIdentity.serviceAccount({ accountId: "etl-image-pusher" }),
    });
    expect(resource(json, "google_artifact_registry_repository", "repository")).toMatchObject({
      kms_key_name: key,
      labels: { team: "data" },
      description: "ETL images",
      docker_config: { immutable_tags: false },
      cleanup_policies: [expect.anything(), { id: "keep-last-versions", action: "KEEP", most_recent_versions: { keep_count: 5 } }],
    });
    expect(registry.imageName).toBe(`${GAR_HOST}/${PROJECT}/prefect-flows/etl/nightly`);
    expect(resource(json, "google_service_account", "push-service-account").account_id).toBe("etl-image-pusher");
    const block = resource(json, "prefect_block", "push-credentials_block");
    expect(block).toMatchObject({ name: "etl-images-push", data_wo_version: 1 });
    expect(block.data).toBeUndefined();
    expect(block.data_wo).toContain('"username" = "_json_key"');
  });

  it("default account IDs fit GCP's 30 characters, keep the side, and are stable", () => {
    const props = { ...garDefaults, repositoryId: `acme-${"a".repeat(50)}` };
    const id1 = resource(gar(props).json, "google_service_account", "push-service-account").account_id;
    expect(id1).toBe(resource(gar(props).json, "google_service_account", "push-service-account").account_id);
    expect(id1.length).toBeLessThanOrEqual(30);
    expect(id1).toMatch(/^prefect-acme-a+-[0-9a-f]{8}-push$/);
  });

  it("existingRepositoryId: no repository; bindings name it", () => {
    const { json, registry } = gar({ project: PROJECT, location: "us", existingRepositoryId: "platform-images", image: "etl", pullMembers: [NODES] });
    expect(json.resource.google_artifact_registry_repository).toBeUndefined();
    for (const b of garBindings(json)) expect(b).toMatchObject({ project: PROJECT, location: "us", repository: "platform-images" });
    expect(registry.imageName).toBe(`us-docker.pkg.dev/${PROJECT}/platform-images/etl`);
    expect(registry.immutableTags).toBeUndefined();
  });
});

describe("ArtifactRegistryDockerRepository: bad input", () => {
  const errorOf = (props: ArtifactRegistryDockerRepositoryProps): ValidationError => captureValidationError(() => gar(props), props);

  it("exactly one repository source", () => {
    expectOnlyProblem(errorOf({ ...garDefaults, existingRepositoryId: "other" }), {
      prop: "repositoryId",
      value: "prefect-flows",
      rule: "ArtifactRegistryRepositorySource",
      problem: "set exactly one of repositoryId (create) and existingRepositoryId (reuse)",
      fix: null,
    });
  });

  it("project, location, repository ID, image path, KMS key and block prefix, reported together", () => {
    const error = errorOf({ project: "Acme", location: "EU", repositoryId: "Prefect_Flows", image: "ETL", kmsKeyName: "my-key", blockNamePrefix: "Etl_Images" });
    expectProblem(error, { prop: "project", value: "Acme", rule: "GcpProjectId", problem: "is 4 characters long", fix: null });
    expectProblem(error, { prop: "location", value: "EU", rule: "ArtifactRegistryLocation", problem: "must be a region", fix: 'use "europe"' });
    expectProblem(error, { prop: "repositoryId", value: "Prefect_Flows", rule: "ArtifactRegistryRepositoryId", problem: "must be lowercase", fix: 'use "prefect-flows"' });
    expectProblem(error, { prop: "image", value: "ETL", rule: "DockerRepositoryPath", problem: "must be lowercase", fix: 'use "etl"' });
    expectProblem(error, { prop: "kmsKeyName", value: "my-key", rule: "GcpKmsKeyName", problem: "must look like projects/", fix: null });
    expectProblem(error, { prop: "blockNamePrefix", value: "Etl_Images", rule: "BlockName", problem: "must match ^[a-z0-9-]+$", fix: 'use "etl-images"' });
    expectOneLinePerProblem(error);
  });

  it.each([[0], [2.5], [20000]])("keepLastVersions %p", (keep) => {
    expectOnlyProblem(errorOf({ ...garDefaults, keepLastVersions: keep }), { prop: "keepLastVersions", value: keep, rule: "ArtifactRegistryCleanup", problem: "must be a whole number from 1 to 10000", fix: null });
  });

  it.each([
    ["immutableTags", false],
    ["keepLastVersions", 5],
    ["kmsKeyName", `projects/${PROJECT}/locations/us/keyRings/r/cryptoKeys/k`],
    ["description", "x"],
    ["labels", { a: "b" }],
  ] as const)("%s with an existing repository", (prop, value) => {
    expectOnlyProblem(errorOf({ project: PROJECT, location: "us", existingRepositoryId: "platform-images", [prop]: value }), {
      prop,
      value,
      rule: "ArtifactRegistryExistingRepository",
      problem: "cannot be applied to an existing repository",
      fix: "set it where the repository is defined",
    });
  });

  it("push and pull members: IAM member rules (no public members), account ID rule", () => {
    expectOnlyProblem(errorOf({ ...garDefaults, pushIdentity: ArtifactRegistryPushIdentity.existing("ci@acme-prefect.iam.gserviceaccount.com") }), {
      prop: "pushIdentity.member",
      value: "ci@acme-prefect.iam.gserviceaccount.com",
      rule: "GcpIamMember",
      problem: "must be a member identifier",
      fix: 'use "serviceAccount:ci@acme-prefect.iam.gserviceaccount.com"',
    });
    expectOnlyProblem(errorOf({ ...garDefaults, pullMembers: ["allUsers"] }), { prop: "pullMembers[0]", value: "allUsers", rule: "GcpIamMember", problem: "is public", fix: null });
    expectOnlyProblem(errorOf({ ...garDefaults, pushIdentity: ArtifactRegistryPushIdentity.serviceAccount({ accountId: "ci" }) }), {
      prop: "pushIdentity.accountId",
      value: "ci",
      rule: "GcpServiceAccountId",
      problem: "is 2 characters long",
      fix: null,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Azure Container Registry
// ---------------------------------------------------------------------------------------------

const SUB = "00000000-0000-0000-0000-000000000000";
const PRINCIPAL = "3f0c5a0e-8a4b-4c7e-9d1f-2b6e8c4a7d90";
const CI_PRINCIPAL = "11111111-2222-3333-4444-555555555555";
const EXISTING_ID = `/subscriptions/${SUB}/resourceGroups/rg-platform/providers/Microsoft.ContainerRegistry/registries/PlatformImages`;
const acrDefaults: AzureContainerRegistryProps = { registryName: "acmeflows", resourceGroupName: "rg-images", location: "westeurope", repository: "prefect/etl" };
const acr = (props: AzureContainerRegistryProps, after?: (r: AzureContainerRegistry) => void) => synth("azure", (s) => new AzureContainerRegistry(s, "images", props), after);
const roleAssignments = (json: any) => resources(json, "azurerm_role_assignment").map(([, a]) => a);

describe("AzureContainerRegistry: defaults", () => {
  const { json, registry } = acr(acrDefaults);

  it("creates a Standard registry with the admin user and anonymous pull off", () => {
    expect(resource(json, "azurerm_container_registry", "registry")).toEqual({
      name: "acmeflows",
      resource_group_name: "rg-images",
      location: "westeurope",
      sku: "Standard",
      admin_enabled: false,
      anonymous_pull_enabled: false,
      public_network_access_enabled: true,
    });
  });

  it("creates a scope map with exactly content/read + content/write on the repository, a token bound to it, and its password", () => {
    const registryRef = ref("azurerm_container_registry", "registry", "name");
    expect(resource(json, "azurerm_container_registry_scope_map", "push-scope-map")).toEqual({
      name: "acmeflows-prefect-etl-push",
      container_registry_name: registryRef,
      resource_group_name: "rg-images",
      description: "Push Prefect flow images to prefect/etl only",
      actions: ["repositories/prefect/etl/content/read", "repositories/prefect/etl/content/write"],
    });
    expect(resource(json, "azurerm_container_registry_token", "push-token")).toEqual({
      name: "acmeflows-prefect-etl-push",
      container_registry_name: registryRef,
      resource_group_name: "rg-images",
      scope_map_id: ref("azurerm_container_registry_scope_map", "push-scope-map", "id"),
      enabled: true,
    });
    // password1 is a required block: present (empty, so no expiry) rather than dropped.
    expect(resource(json, "azurerm_container_registry_token_password", "push-token-password")).toEqual({
      container_registry_token_id: ref("azurerm_container_registry_token", "push-token", "id"),
      password1: {},
    });
  });

  it("puts the token name and password into a docker-registry-credentials block for the login server", () => {
    const block = resource(json, "prefect_block", "push-credentials_block");
    expect(block).toMatchObject({ name: "acmeflows-prefect-etl-push", type_slug: "docker-registry-credentials" });
    expect(block.data).toMatch(/"username" = azurerm_container_registry_token\.images_push-token_[0-9A-F]{8}\.name[,}]/);
    expect(block.data).toMatch(/"password" = azurerm_container_registry_token_password\.images_push-token-password_[0-9A-F]{8}\.password1\[0\]\.value[,}]/);
    const fields = blockFields(block.data);
    expect(fields).toEqual({ username: "sample", password: "sample", registry_url: "acmeflows.azurecr.io" });
    expect(blockDataErrors("docker-registry-credentials", fields)).toEqual([]);
  });

  it("no role assignment, no admin credentials anywhere", () => {
    expect(json.resource.azurerm_role_assignment).toBeUndefined();
    expect(JSON.stringify(json)).not.toMatch(/admin_password|admin_username/);
  });

  it("names the image <name>.azurecr.io/<repository>; tags are mutable in ACR", () => {
    expect(registry.kind).toBe("acr");
    expect(registry.registryUrl).toBe("acmeflows.azurecr.io");
    expect(registry.imageName).toBe("acmeflows.azurecr.io/prefect/etl");
    expect(registry.immutableTags).toBeUndefined();
    expect(json.output).toEqual({
      images_image_name: { description: expect.any(String), value: "acmeflows.azurecr.io/prefect/etl" },
      images_registry_url: { description: expect.any(String), value: "acmeflows.azurecr.io" },
      images_push_block: { description: expect.any(String), value: "acmeflows-prefect-etl-push" },
      images_push_token: { description: expect.any(String), value: ref("azurerm_container_registry_token", "push-token", "name") },
    });
  });
});

describe("AzureContainerRegistry: options", () => {
  it("token expiry goes to password1", () => {
    const { json } = acr({ ...acrDefaults, pushAccess: AcrPushAccess.repositoryToken({ expiry: "2099-01-01T00:00:00Z" }) });
    expect(resource(json, "azurerm_container_registry_token_password", "push-token-password").password1).toEqual({ expiry: "2099-01-01T00:00:00Z" });
  });

  it("role push access: AcrPush on the registry for the principal; no scope map, token or block", () => {
    const { json, registry } = acr({ ...acrDefaults, pushAccess: AcrPushAccess.role(CI_PRINCIPAL) });
    for (const type of ["azurerm_container_registry_scope_map", "azurerm_container_registry_token", "azurerm_container_registry_token_password", "prefect_block"]) {
      expect(json.resource[type]).toBeUndefined();
    }
    expect(roleAssignments(json)).toEqual([
      {
        scope: ref("azurerm_container_registry", "registry", "id"),
        role_definition_name: "AcrPush",
        principal_id: CI_PRINCIPAL,
        principal_type: "ServicePrincipal",
        description: "Prefect flow images push: prefect/etl",
      },
    ]);
    expect(registry.pushCredentials).toBeUndefined();
  });

  it("pullPrincipalIds and grantPull/grantPush: AcrPull / AcrPush on the registry", () => {
    const { json } = acr({ ...acrDefaults, pullPrincipalIds: [PRINCIPAL] }, (r) => {
      r.grantPull("22222222-2222-2222-2222-222222222222", { principalType: AzurePrincipalType.GROUP });
      r.grantPush(CI_PRINCIPAL);
    });
    const granted = roleAssignments(json).map((a) => [a.principal_id, a.role_definition_name, a.principal_type]);
    expect(granted.sort()).toEqual(
      [
        [PRINCIPAL, "AcrPull", "ServicePrincipal"],
        ["22222222-2222-2222-2222-222222222222", "AcrPull", "Group"],
        [CI_PRINCIPAL, "AcrPush", "ServicePrincipal"],
      ].sort(),
    );
    for (const a of roleAssignments(json)) expect(a.scope).toEqual(ref("azurerm_container_registry", "registry", "id"));
  });

  it("Premium without public network access; Basic leaves anonymous pull (which it lacks) unset; the admin user only on request", () => {
    const premium = resource(acr({ ...acrDefaults, sku: AcrSku.PREMIUM, publicNetworkAccess: false, adminUserEnabled: true }).json, "azurerm_container_registry", "registry");
    expect(premium).toMatchObject({ sku: "Premium", public_network_access_enabled: false, admin_enabled: true, anonymous_pull_enabled: false });
    const basic = resource(acr({ ...acrDefaults, sku: AcrSku.BASIC }).json, "azurerm_container_registry", "registry");
    expect(basic.sku).toBe("Basic");
    expect(basic).not.toHaveProperty("anonymous_pull_enabled");
  });

  it("existingRegistryId: no registry; scope map and token in it (group and name from the ID); roles scoped to the ID; lowercase login server", () => {
    const { json, registry } = acr({ existingRegistryId: EXISTING_ID, repository: "etl", pullPrincipalIds: [PRINCIPAL] });
    expect(json.resource.azurerm_container_registry).toBeUndefined();
    expect(resource(json, "azurerm_container_registry_scope_map", "push-scope-map")).toMatchObject({
      container_registry_name: "PlatformImages",
      resource_group_name: "rg-platform",
      actions: ["repositories/etl/content/read", "repositories/etl/content/write"],
    });
    expect(roleAssignments(json)).toEqual([expect.objectContaining({ scope: EXISTING_ID, role_definition_name: "AcrPull" })]);
    expect(registry.registryUrl).toBe("platformimages.azurecr.io");
    expect(registry.imageName).toBe("platformimages.azurecr.io/etl");
  });

  it("an existing registry ID only known after apply: name and group are read from it by Terraform", () => {
    const { json, registry } = synth("azure", (s) =>
      new AzureContainerRegistry(s, "images", { existingRegistryId: new TerraformVariable(s, "acr", { type: "string" }).stringValue, repository: "etl" }),
    );
    expect(resource(json, "azurerm_container_registry_scope_map", "push-scope-map")).toMatchObject({
      container_registry_name: '${element(split("/", var.acr), 8)}',
      resource_group_name: '${element(split("/", var.acr), 4)}',
      name: "images-etl-push",
    });
    expect(registry.registryUrl).toMatch(/TfToken/);
  });
});

describe("AzureContainerRegistry: bad input", () => {
  const errorOf = (props: AzureContainerRegistryProps): ValidationError => captureValidationError(() => acr(props), props);

  it("exactly one registry source; placement required to create", () => {
    expectOnlyProblem(errorOf({ ...acrDefaults, existingRegistryId: EXISTING_ID, resourceGroupName: undefined, location: undefined }), {
      prop: "registryName",
      value: "acmeflows",
      rule: "AcrRegistrySource",
      problem: "set exactly one of registryName (create) and existingRegistryId (reuse)",
      fix: null,
    });
    const error = errorOf({ registryName: "acmeflows", repository: "etl" });
    expectProblem(error, { prop: "resourceGroupName", value: undefined, rule: "AcrRegistryPlacement", problem: "is required to create a container registry", fix: null });
    expectProblem(error, { prop: "location", value: undefined, rule: "AcrRegistryPlacement", problem: "is required to create a container registry", fix: null });
    expect(error.problems).toHaveLength(2);
  });

  it("registry name, resource group, repository and block prefix, reported together", () => {
    const error = errorOf({ ...acrDefaults, registryName: "acme-flows", resourceGroupName: "rg images?", repository: "Prefect/ETL", blockNamePrefix: "X Y" });
    expectProblem(error, { prop: "registryName", value: "acme-flows", rule: "AcrName", problem: "may contain only letters and digits", fix: 'use "acmeflows"' });
    expectProblem(error, { prop: "resourceGroupName", value: "rg images?", rule: "AzureResourceGroupName", problem: "may contain only letters, digits", fix: null });
    expectProblem(error, { prop: "repository", value: "Prefect/ETL", rule: "DockerRepositoryPath", problem: "must be lowercase", fix: 'use "prefect/etl"' });
    expectProblem(error, { prop: "blockNamePrefix", value: "X Y", rule: "BlockName", problem: "must match", fix: 'use "x-y"' });
    expectOneLinePerProblem(error);
  });

  it("existing registry ID malformed", () => {
    expectOnlyProblem(errorOf({ existingRegistryId: "acmeflows.azurecr.io", repository: "etl" }), {
      prop: "existingRegistryId",
      value: "acmeflows.azurecr.io",
      rule: "AcrRegistryId",
      problem: "is not a container registry resource ID",
      fix: "copy it from `az acr show -n <name> --query id -o tsv`",
    });
  });

  it.each([
    ["sku", "Premium"],
    ["adminUserEnabled", true],
    ["publicNetworkAccess", false],
    ["tags", { a: "b" }],
    ["resourceGroupName", "rg"],
    ["location", "westeurope"],
  ] as const)("%s with an existing registry", (prop, value) => {
    expectOnlyProblem(errorOf({ existingRegistryId: EXISTING_ID, repository: "etl", [prop]: value }), {
      prop,
      value,
      rule: "AcrExistingRegistry",
      problem: "cannot be applied to an existing registry",
      fix: "set it where the registry is defined",
    });
  });

  it("sku: one of the three tiers; no public network access only in Premium", () => {
    expectOnlyProblem(errorOf({ ...acrDefaults, sku: "Free" as any }), { prop: "sku", value: "Free", rule: "AcrSku", problem: "must be one of Basic, Standard, Premium", fix: "use AcrSku.BASIC, AcrSku.STANDARD or AcrSku.PREMIUM" });
    expectOnlyProblem(errorOf({ ...acrDefaults, publicNetworkAccess: false }), {
      prop: "publicNetworkAccess",
      value: false,
      rule: "AcrSku",
      problem: "needs the Premium tier; the registry is Standard",
      fix: "set sku: AcrSku.PREMIUM or leave publicNetworkAccess unset",
    });
  });

  it("principal IDs (push role and pullers) must be GUIDs", () => {
    const error = errorOf({ ...acrDefaults, pushAccess: AcrPushAccess.role("github-ci"), pullPrincipalIds: [EXISTING_ID] });
    expectProblem(error, { prop: "pushAccess.principalId", value: "github-ci", rule: "AzurePrincipalId", problem: "is not a GUID", fix: null });
    expectProblem(error, {
      prop: "pullPrincipalIds[0]",
      value: EXISTING_ID,
      rule: "AzurePrincipalId",
      problem: "is not a GUID",
      fix: "pass the identity's principal_id attribute (e.g. azurerm_user_assigned_identity.principal_id), not its resource ID",
    });
  });

  it("token expiry: RFC 3339 and in the future", () => {
    expectOnlyProblem(errorOf({ ...acrDefaults, pushAccess: AcrPushAccess.repositoryToken({ expiry: "2030-06-30" }) }), {
      prop: "pushAccess.expiry",
      value: "2030-06-30",
      rule: "AcrTokenExpiry",
      problem: "is not an RFC 3339 UTC date-time",
      fix: 'use "2030-06-30T00:00:00Z"',
    });
    expectOnlyProblem(errorOf({ ...acrDefaults, pushAccess: AcrPushAccess.repositoryToken({ expiry: "2020-01-01T00:00:00Z" }) }), {
      prop: "pushAccess.expiry",
      value: "2020-01-01T00:00:00Z",
      rule: "AcrTokenExpired",
      problem: "has already passed",
      fix: "move the expiry into the future and apply (that issues a new password)",
    });
  });
});
