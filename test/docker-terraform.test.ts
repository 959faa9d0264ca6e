/**
 * The Terraform tier for the Docker/ECR option: stacks/docker-ecr.ts and stacks/docker-ci-built.ts,
 * synthesized into a temp dir, go through the real `terraform init` (local aws mirror here, the
 * registry elsewhere), `validate` and an offline `plan`; assertions read `terraform show -json`.
 * The prefect_* part is set aside by planStack (no Prefect provider binary here); the synth-level
 * tests in docker-stacks.test.ts check it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack } from "cdktf";
import { DockerCiBuiltStack } from "../stacks/docker-ci-built";
import { DockerEcrStack } from "../stacks/docker-ecr";
import { EcrPushIdentity } from "../packages/aws/src/ecr/ecr-identity";
import { EcrRegistry } from "../packages/aws/src/ecr/ecr-registry";
import { planStack, plannedResources, resourceChanges, TerraformPlan } from "../packages/core/src/cli/terraform/terraform";

const ACCOUNT = "123456789012";
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "docker-tier-"));
const plans: Record<string, TerraformPlan> = {};
const KMS_KEY = "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** The options the examples leave at their defaults: a push user with a key, KMS, mutable tags, a shorter history. */
class EcrOptionsStack extends TerraformStack {
  constructor(scope: App, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-central-1" });
    new EcrRegistry(this, "images", {
      accountId: ACCOUNT,
      region: "eu-central-1",
      repositoryName: "acme/etl-kms",
      kmsKeyArn: KMS_KEY,
      immutableTags: false,
      scanOnPush: false,
      keepLastImages: 5,
      pushIdentity: EcrPushIdentity.iamUser(),
    });
  }
}

beforeAll(() => {
  const app = new App({ outdir });
  new DockerEcrStack(app, "docker-ecr");
  new DockerCiBuiltStack(app, "docker-ci-built");
  new EcrOptionsStack(app, "ecr-options");
  app.synth();
  for (const name of ["docker-ecr", "docker-ci-built", "ecr-options"]) {
    plans[name] = planStack({ stackDir: path.join(outdir, "stacks", name), workdir: path.join(outdir, "plan", name) }).plan;
  }
});
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

const one = (plan: TerraformPlan, type: string) => {
  const found = plannedResources(plan, type);
  expect(found).toHaveLength(1);
  return found[0].values as any;
};
const rolePolicies = (plan: TerraformPlan) =>
  Object.fromEntries(plannedResources(plan, "aws_iam_role_policy").map((r) => [r.values.role as string, { name: r.values.name, policy: JSON.parse(r.values.policy as string) }]));

/** The two statements every grant has: the repository actions, and the login token on `*` (AWS requires `*`). */
const grant = (sid: string, actions: string[], repository: string) => ({
  Version: "2012-10-17",
  Statement: [
    { Sid: sid, Effect: "Allow", Action: actions, Resource: `arn:aws:ecr:eu-central-1:${ACCOUNT}:repository/${repository}` },
    { Sid: "GetRegistryLoginToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
  ],
});
const PUSH = ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage"];
const PULL = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];

describe("docker-ecr plan", () => {
  const plan = () => plans["docker-ecr"];

  it("only creates, exactly the repository, its lifecycle policy and the two role policies, each fully known", () => {
    const changes = resourceChanges(plan());
    expect(changes.map((c) => c.type).sort()).toEqual(["aws_ecr_lifecycle_policy", "aws_ecr_repository", "aws_iam_role_policy", "aws_iam_role_policy"]);
    for (const c of changes) expect({ address: c.address, actions: c.change.actions }).toEqual({ address: c.address, actions: ["create"] });
    for (const c of changes.filter((c) => c.type === "aws_iam_role_policy")) {
      expect({ address: c.address, unknown: (c.change.after_unknown as any)?.policy ?? false }).toEqual({ address: c.address, unknown: false });
    }
  });

  it("creates the repository with immutable tags, scan on push, AES256 and no force delete", () => {
    const repo = one(plan(), "aws_ecr_repository");
    expect(repo).toMatchObject({
      name: "acme/prefect-etl",
      image_tag_mutability: "IMMUTABLE",
      force_delete: false,
      image_scanning_configuration: [{ scan_on_push: true }],
    });
    expect(repo.encryption_configuration).toEqual([expect.objectContaining({ encryption_type: "AES256" })]);
    expect(repo.encryption_configuration[0].kms_key ?? "").toBe("");
  });

  it("keeps the last 30 images with one lifecycle rule", () => {
    expect(JSON.parse(one(plan(), "aws_ecr_lifecycle_policy").policy)).toEqual({
      rules: [
        {
          rulePriority: 1,
          description: "Keep the last 30 images",
          selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 30 },
          action: { type: "expire" },
        },
      ],
    });
  });

  it("grants CI's role push and the task execution role pull on this one repository, plus the login token", () => {
    expect(rolePolicies(plan())).toEqual({
      "github-actions-prefect-deploy": { name: "prefect-image-push-acme-prefect-etl", policy: grant("PushFlowImage", PUSH, "acme/prefect-etl") },
      "prefect-ecs-task-execution": { name: "prefect-image-pull-acme-prefect-etl", policy: grant("PullFlowImage", PULL, "acme/prefect-etl") },
    });
  });

  it("creates no IAM user, no access key and nothing Prefect", () => {
    expect(plannedResources(plan(), "aws_iam_user")).toEqual([]);
    expect(plannedResources(plan(), "aws_iam_access_key")).toEqual([]);
    expect(resourceChanges(plan()).filter((c) => c.type.startsWith("prefect_"))).toEqual([]);
  });

  it("outputs the image name, registry host and repository ARN, all known at plan", () => {
    const outputs = plan().planned_values?.outputs ?? {};
    expect(Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, o.value]))).toEqual({
      images_image_name: `${ACCOUNT}.dkr.ecr.eu-central-1.amazonaws.com/acme/prefect-etl`,
      images_registry_url: `${ACCOUNT}.dkr.ecr.eu-central-1.amazonaws.com`,
      images_repository_arn: `arn:aws:ecr:eu-central-1:${ACCOUNT}:repository/acme/prefect-etl`,
    });
  });
});

describe("docker-ci-built plan", () => {
  const plan = () => plans["docker-ci-built"];

  it("leaves the existing repository alone and only attaches the two grants", () => {
    expect(resourceChanges(plan()).map((c) => c.type)).toEqual(["aws_iam_role_policy", "aws_iam_role_policy"]);
    expect(rolePolicies(plan())).toEqual({
      "github-actions-image-build": { name: "prefect-image-push-acme-prefect-reports", policy: grant("PushFlowImage", PUSH, "acme/prefect-reports") },
      "prefect-docker-worker-host": { name: "prefect-image-pull-acme-prefect-reports", policy: grant("PullFlowImage", PULL, "acme/prefect-reports") },
    });
  });
});

describe("ECR options plan (push user with key, KMS, mutable tags)", () => {
  const plan = () => plans["ecr-options"];

  it("encrypts with the KMS key, mutable tags, no scanning, keeps 5 images", () => {
    expect(one(plan(), "aws_ecr_repository")).toMatchObject({
      name: "acme/etl-kms",
      image_tag_mutability: "MUTABLE",
      image_scanning_configuration: [{ scan_on_push: false }],
      encryption_configuration: [{ encryption_type: "KMS", kms_key: KMS_KEY }],
    });
    expect(JSON.parse(one(plan(), "aws_ecr_lifecycle_policy").policy).rules[0].selection.countNumber).toBe(5);
  });

  it("creates the push user with exactly the push policy and one key; no KMS action (ECR decrypts with its own grant)", () => {
    expect(one(plan(), "aws_iam_user")).toMatchObject({ name: "prefect-acme-etl-kms-push", path: "/prefect/" });
    const policy = one(plan(), "aws_iam_user_policy");
    expect(policy.name).toBe("prefect-image-push");
    expect(JSON.parse(policy.policy)).toEqual(grant("PushFlowImage", PUSH, "acme/etl-kms"));
    expect(plannedResources(plan(), "aws_iam_access_key")).toHaveLength(1);
    expect(plannedResources(plan(), "aws_iam_role_policy")).toEqual([]);
  });

  it("marks the secret access key output sensitive; no secret in plan output", () => {
    const outputs = plan().planned_values?.outputs ?? {};
    expect(outputs.images_push_secret_access_key).toMatchObject({ sensitive: true });
    expect(outputs.images_push_secret_access_key.value).toBeUndefined();
    expect(JSON.stringify(plan().planned_values)).not.toMatch(/"secret":"[^"]/);
  });
});
