/**
 * The Terraform tier: each AWS example stack, synthesized as `npm run synth` does, goes through the
 * real `terraform init` (local provider mirror here, the registry elsewhere), `validate` and an
 * offline `plan`; assertions read `terraform show -json`. The prefect_* part is set aside first
 * (no Prefect provider binary can be installed here); test/example-stacks.test.ts checks it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planStack, plannedResources, resourceChanges, TerraformPlan } from "../packages/core/src/cli/terraform/terraform";
import { synthExampleApp } from "./support/synth-app";

const AWS_STACKS = ["s3-users", "s3-keyless", "s3-deployments"] as const;
const app = synthExampleApp();
const workroot = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-tier-"));
const plans: Record<string, TerraformPlan> = {};

beforeAll(() => {
  for (const name of AWS_STACKS) {
    const stack = app.stacks.find((s) => s.name === name)!;
    plans[name] = planStack({ stackDir: stack.dir, workdir: path.join(workroot, name) }).plan;
  }
});
afterAll(() => {
  app.cleanup();
  fs.rmSync(workroot, { recursive: true, force: true });
});

const one = (plan: TerraformPlan, type: string) => {
  const found = plannedResources(plan, type);
  expect(found).toHaveLength(1);
  return found[0].values as any;
};
const policiesOf = (plan: TerraformPlan, type: string) =>
  Object.fromEntries(plannedResources(plan, type).map((r) => [r.values.name as string, JSON.parse(r.values.policy as string)]));

describe("s3-users plan", () => {
  const plan = () => plans["s3-users"];

  it("only creates, and every policy is fully known for the reviewer", () => {
    const changes = resourceChanges(plan());
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) expect({ address: c.address, actions: c.change.actions }).toEqual({ address: c.address, actions: ["create"] });
    for (const c of changes.filter((c) => c.type.endsWith("_policy"))) {
      expect({ address: c.address, unknown: (c.change as any).after_unknown?.policy ?? false }).toEqual({ address: c.address, unknown: false });
    }
  });

  it("locks the bucket down", () => {
    expect(one(plan(), "aws_s3_bucket")).toMatchObject({ bucket: "acme-prefect-flow-code", force_destroy: false });
    expect(one(plan(), "aws_s3_bucket_versioning").versioning_configuration).toEqual([expect.objectContaining({ status: "Enabled" })]);
    expect(one(plan(), "aws_s3_bucket_server_side_encryption_configuration").rule[0].apply_server_side_encryption_by_default).toEqual([
      expect.objectContaining({ sse_algorithm: "AES256" }),
    ]);
    expect(one(plan(), "aws_s3_bucket_public_access_block")).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(one(plan(), "aws_s3_bucket_ownership_controls").rule).toEqual([{ object_ownership: "BucketOwnerEnforced" }]);
    const lifecycle = one(plan(), "aws_s3_bucket_lifecycle_configuration").rule[0];
    expect(lifecycle.noncurrent_version_expiration).toEqual([expect.objectContaining({ noncurrent_days: 30 })]);
  });

  it("denies every non-TLS request in the rendered bucket policy", () => {
    const policy = JSON.parse(one(plan(), "aws_s3_bucket_policy").policy);
    expect(policy.Statement).toEqual([
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: ["arn:aws:s3:::acme-prefect-flow-code", "arn:aws:s3:::acme-prefect-flow-code/*"],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ]);
  });

  it("gives the push user PutObject on the folder and the pull user list + get on the folder, nothing else", () => {
    const users = plannedResources(plan(), "aws_iam_user").map((u) => u.values.name).sort();
    expect(users).toEqual(["prefect-acme-prefect-flow-code-etl-pull", "prefect-acme-prefect-flow-code-etl-push"]);
    expect(plannedResources(plan(), "aws_iam_access_key")).toHaveLength(2);
    const policies = policiesOf(plan(), "aws_iam_user_policy");
    expect(policies["prefect-code-push"].Statement).toEqual([
      { Sid: "PushFlowCode", Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::acme-prefect-flow-code/etl/*" },
    ]);
    expect(policies["prefect-code-pull"].Statement).toEqual([
      {
        Sid: "ListFlowCode",
        Effect: "Allow",
        Action: "s3:ListBucket",
        Resource: "arn:aws:s3:::acme-prefect-flow-code",
        Condition: { StringLike: { "s3:prefix": ["etl", "etl/*"] } },
      },
      { Sid: "PullFlowCode", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::acme-prefect-flow-code/etl/*" },
    ]);
  });

  it("keeps the secret access keys out of plan output (sensitive or unknown until apply)", () => {
    const text = JSON.stringify(plan().planned_values);
    expect(text).not.toMatch(/"secret":"[^"]/);
  });
});

describe("s3-keyless plan", () => {
  const plan = () => plans["s3-keyless"];

  it("creates no user and no key, and attaches the grants to the existing roles", () => {
    expect(plannedResources(plan(), "aws_iam_user")).toEqual([]);
    expect(plannedResources(plan(), "aws_iam_access_key")).toEqual([]);
    const byRole = Object.fromEntries(
      plannedResources(plan(), "aws_iam_role_policy").map((r) => [r.values.role as string, JSON.parse(r.values.policy as string)]),
    );
    expect(Object.keys(byRole).sort()).toEqual(["github-actions-prefect-deploy", "prefect-ecs-task"]);
    expect(byRole["github-actions-prefect-deploy"].Statement).toEqual([
      expect.objectContaining({ Action: "s3:PutObject", Resource: "arn:aws:s3:::acme-prefect-flow-code-keyless/reports/*" }),
    ]);
    expect(byRole["prefect-ecs-task"].Statement.map((s: any) => s.Action)).toEqual(["s3:ListBucket", "s3:GetObject"]);
  });

  it("keeps the default of old versions (no lifecycle rule)", () => {
    expect(plannedResources(plan(), "aws_s3_bucket_lifecycle_configuration")).toEqual([]);
  });
});

describe("s3-deployments plan", () => {
  const plan = () => plans["s3-deployments"];

  it("uploads exactly the files .prefectignore lets through, keyed under the folder with content hashes", () => {
    const objects = plannedResources(plan(), "aws_s3_object").map((r) => r.values as any);
    expect(objects.map((o) => o.key).sort()).toEqual(["etl/flows/etl.py", "etl/requirements.txt"]);
    for (const o of objects) {
      expect(o.bucket).toBeUndefined(); // the bucket's id is only known after apply
      expect(o.source_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(o.source).toMatch(/^assets\//);
    }
  });
});
