/**
 * End-to-end check of the Terraform tier: synthesize a tiny cdktf stack (aws + a fake Prefect
 * block), set the Prefect parts aside and run the real terraform init / validate / plan / show.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { App, TerraformOutput, TerraformProvider, TerraformResource, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { planStack, plannedResources, resourceChanges, type PlanStackResult } from "../packages/core/src/cli/terraform/terraform";

const BUCKET = "prefect-cdktf-smoke-flow-code";

/** Just enough of a Prefect provider to synthesize `provider.prefect` and its required_providers entry. */
class FakePrefectProvider extends TerraformProvider {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      terraformResourceType: "prefect",
      terraformGeneratorMetadata: { providerName: "prefect" },
      terraformProviderSource: "prefecthq/prefect",
    });
  }
  protected synthesizeAttributes(): Record<string, unknown> {
    return { endpoint: "https://prefect.invalid/api" };
  }
}

function synthSmokeStack(outdir: string): string {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "smoke");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const prefect = new FakePrefectProvider(stack, "prefect");
  const bucket = new S3Bucket(stack, "flow_code", { bucket: BUCKET, forceDestroy: false });
  const block = new TerraformResource(stack, "bucket_block", {
    terraformResourceType: "prefect_block",
    provider: prefect,
  });
  block.addOverride("name", "flow-code");
  block.addOverride("type_slug", "s3-bucket");
  block.addOverride("data", JSON.stringify({ bucket_name: bucket.bucket }));
  new TerraformOutput(stack, "bucket_name", { value: bucket.bucket });
  new TerraformOutput(stack, "block_id", { value: block.getStringAttribute("id") });
  app.synth();
  return path.join(outdir, "stacks", "smoke");
}

describe("terraform tier smoke test", () => {
  let tmp: string;
  let stackDir: string;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-smoke-"));
    stackDir = synthSmokeStack(path.join(tmp, "cdktf.out"));
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("synthesized a stack that really contains the prefect parts", () => {
    const synthesized = fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8");
    expect(synthesized).toContain('"prefect_block"');
    expect(synthesized).toContain("prefecthq/prefect");
  });

  describe("plan from empty state", () => {
    let result: PlanStackResult;
    beforeAll(() => {
      result = planStack({ stackDir, workdir: path.join(tmp, "plan") });
    });

    it("validates", () => {
      expect(result.validate.valid).toBe(true);
      expect(result.validate.error_count).toBe(0);
    });

    it("plans the bucket with its name and force_destroy false", () => {
      const buckets = plannedResources(result.plan, "aws_s3_bucket");
      expect(buckets).toHaveLength(1);
      expect(buckets[0].address).toBe("aws_s3_bucket.flow_code");
      expect(buckets[0].values.bucket).toBe(BUCKET);
      expect(buckets[0].values.force_destroy).toBe(false);
      const changes = resourceChanges(result.plan, "aws_s3_bucket");
      expect(changes.map((c) => c.change.actions)).toEqual([["create"]]);
    });

    it("has no prefect resource, provider or output", () => {
      expect(plannedResources(result.plan).map((r) => r.type)).toEqual(["aws_s3_bucket"]);
      expect(resourceChanges(result.plan).filter((c) => c.type.startsWith("prefect_"))).toEqual([]);
      expect(Object.keys(result.plan.planned_values?.outputs ?? {})).toEqual(["bucket_name"]);
      const providerConfig = (result.plan.configuration as { provider_config?: Record<string, unknown> }).provider_config;
      expect(Object.keys(providerConfig ?? {})).toEqual(["aws"]);
      expect(fs.readFileSync(path.join(result.workdir, "main.tf.json"), "utf8")).not.toContain("prefect_block");
    });
  });

  it("plans against a prior state (stateFile): renaming the bucket replaces it", () => {
    const stateFile = path.join(tmp, "prior.tfstate");
    fs.writeFileSync(
      stateFile,
      JSON.stringify({
        version: 4,
        terraform_version: "1.11.4",
        serial: 1,
        lineage: "5f0c6b9e-2f4e-4f5a-9c39-000000000001",
        outputs: {},
        resources: [
          {
            mode: "managed",
            type: "aws_s3_bucket",
            name: "flow_code",
            provider: 'provider["registry.terraform.io/hashicorp/aws"]',
            instances: [
              {
                schema_version: 0,
                attributes: { id: "old-flow-code-bucket", bucket: "old-flow-code-bucket", force_destroy: false },
                sensitive_attributes: [],
              },
            ],
          },
        ],
      }),
    );
    const { plan } = planStack({ stackDir, workdir: path.join(tmp, "plan-from-state"), stateFile });
    const [change] = resourceChanges(plan, "aws_s3_bucket");
    expect(change.change.actions).toEqual(["delete", "create"]);
    expect(change.change.before?.bucket).toBe("old-flow-code-bucket");
    expect(change.change.after?.bucket).toBe(BUCKET);
  });
});
