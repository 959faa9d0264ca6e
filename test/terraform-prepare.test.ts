import {
  forOfflinePlan,
  PrefectReferenceError,
  withoutBackend,
  withoutPrefect,
  type TerraformJson,
} from "../packages/core/src/cli/terraform/prepare";

/** A small stack in the shape cdktf synthesizes (hand-written input). */
function fixture(): TerraformJson {
  return {
    "//": {
      metadata: { backend: "local", overrides: { prefect_block: ["data"] }, stackName: "s", version: "0.21.0" },
      outputs: { s: { bucket_name: "bucket_name", block_id: "block_id", creds_id: "creds_id" } },
    },
    terraform: {
      backend: { local: { path: "/somewhere/terraform.s.tfstate" } },
      required_providers: {
        aws: { source: "aws", version: "5.100.0" },
        prefect: { source: "prefecthq/prefect", version: "~> 2.0" },
      },
    },
    provider: {
      aws: [{ region: "eu-west-1" }],
      prefect: [{ endpoint: "https://api.prefect.cloud" }],
    },
    resource: {
      aws_s3_bucket: {
        prefect_code: {
          "//": { metadata: { path: "s/prefect_code", uniqueId: "prefect_code" } },
          bucket: "flows-bucket",
          force_destroy: false,
        },
      },
      aws_iam_user: {
        pusher: { name: "prefect-pusher", tags: { purpose: "prefect_code uploads" } },
      },
      aws_iam_access_key: {
        pusher: { user: "${aws_iam_user.pusher.name}" },
      },
      prefect_block: {
        creds: {
          name: "aws-creds",
          type_slug: "aws-credentials",
          data: '{"aws_access_key_id":"${aws_iam_access_key.pusher.id}"}',
          provider: "prefect",
        },
        bucket: {
          name: "code",
          type_slug: "s3-bucket",
          data: '{"bucket_name":"${aws_s3_bucket.prefect_code.bucket}","credentials":{"$ref":{"block_document_id":"${prefect_block.creds.id}"}}}',
          depends_on: ["prefect_block.creds"],
        },
      },
      prefect_variable: { folder: { name: "code_folder", value: "flows" } },
    },
    data: {
      aws_iam_policy_document: {
        push: { statement: [{ actions: ["s3:PutObject"], resources: ["${aws_s3_bucket.prefect_code.arn}/*"] }] },
      },
      prefect_workspace: { ws: { handle: "main" } },
    },
    locals: {
      folder: "flows",
      block_ref: "${prefect_block.bucket.id}",
      block_ref_twice: "${local.block_ref}-x",
      ws: "${data.prefect_workspace.ws.id}",
      bucket_arn: "${aws_s3_bucket.prefect_code.arn}",
    },
    output: {
      bucket_name: { value: "${aws_s3_bucket.prefect_code.bucket}" },
      block_id: { value: "${prefect_block.bucket.id}" },
      creds_id: { value: "${local.block_ref_twice}", sensitive: true },
      folder: { value: "${local.folder}" },
    },
  };
}

describe("withoutPrefect", () => {
  it("removes prefect resources, data sources, provider and required provider", () => {
    const out = withoutPrefect(fixture());
    expect(Object.keys(out.resource as object).sort()).toEqual(["aws_iam_access_key", "aws_iam_user", "aws_s3_bucket"]);
    expect(Object.keys(out.data as object)).toEqual(["aws_iam_policy_document"]);
    expect(out.provider).toEqual({ aws: [{ region: "eu-west-1" }] });
    expect(out.terraform).toEqual({
      backend: { local: { path: "/somewhere/terraform.s.tfstate" } },
      required_providers: { aws: { source: "aws", version: "5.100.0" } },
    });
    expect(JSON.stringify(out)).not.toMatch(/\bprefect_(block|variable|workspace)\b/);
  });

  it("keeps non-prefect resources untouched, including names that merely contain prefect_", () => {
    const input = fixture();
    const out = withoutPrefect(input);
    const resource = out.resource as Record<string, unknown>;
    expect(resource.aws_s3_bucket).toEqual((input.resource as Record<string, unknown>).aws_s3_bucket);
    expect(resource.aws_iam_user).toEqual({ pusher: { name: "prefect-pusher", tags: { purpose: "prefect_code uploads" } } });
  });

  it("removes outputs and locals referencing prefect, transitively through locals", () => {
    const out = withoutPrefect(fixture());
    expect(out.locals).toEqual({ folder: "flows", bucket_arn: "${aws_s3_bucket.prefect_code.arn}" });
    expect(Object.keys(out.output as object).sort()).toEqual(["bucket_name", "folder"]);
    const comment = out["//"] as { metadata: Record<string, unknown>; outputs: Record<string, unknown> };
    expect(comment.outputs).toEqual({ s: { bucket_name: "bucket_name" } });
    expect(comment.metadata.overrides).toBeUndefined();
  });

  it("does not modify its input", () => {
    const input = fixture();
    const before = JSON.stringify(input);
    withoutPrefect(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it("removes maps left empty", () => {
    const out = withoutPrefect({
      terraform: { required_providers: { prefect: { source: "prefecthq/prefect" } } },
      provider: { prefect: [{}] },
      resource: { prefect_block: { b: { name: "x", type_slug: "secret", data: "{}" } } },
      data: { prefect_block: { d: { name: "y" } } },
      locals: { id: "${prefect_block.b.id}" },
      output: { id: { value: "${data.prefect_block.d.id}" } },
    });
    expect(out).toEqual({});
  });

  it("recognises the prefect provider under another local name by its source", () => {
    const out = withoutPrefect({
      terraform: {
        required_providers: {
          aws: { source: "hashicorp/aws" },
          pf: { source: "registry.terraform.io/PrefectHQ/prefect" },
        },
      },
      provider: { aws: [{ region: "eu-west-1" }], pf: [{ endpoint: "x" }] },
      resource: { aws_s3_bucket: { b: { bucket: "b" } } },
    });
    expect(out.provider).toEqual({ aws: [{ region: "eu-west-1" }] });
    expect(out.terraform).toEqual({ required_providers: { aws: { source: "hashicorp/aws" } } });
  });

  it("throws when a remaining resource references a prefect resource", () => {
    const input = fixture();
    (input.resource as Record<string, Record<string, unknown>>).aws_ssm_parameter = {
      block: { name: "/prefect/block", type: "String", value: "${prefect_block.bucket.id}" },
    };
    expect(() => withoutPrefect(input)).toThrow(PrefectReferenceError);
    expect(() => withoutPrefect(input)).toThrow(/aws_ssm_parameter\.block references prefect_block\.bucket\b/);
  });

  it("throws on depends_on, data source and removed-local references", () => {
    const base = (): TerraformJson => ({
      resource: { prefect_variable: { v: { name: "v", value: "x" } }, aws_s3_bucket: { b: { bucket: "b" } } },
      data: { prefect_workspace: { ws: { handle: "main" } } },
      locals: { ws: "${data.prefect_workspace.ws.id}" },
    });
    const dependsOn = base();
    (dependsOn.resource as any).aws_s3_bucket.b.depends_on = ["prefect_variable.v"];
    expect(() => withoutPrefect(dependsOn)).toThrow(/aws_s3_bucket\.b references prefect_variable\.v/);

    const dataRef = base();
    (dataRef.resource as any).aws_s3_bucket.b.tags = { ws: "${data.prefect_workspace.ws.id}" };
    expect(() => withoutPrefect(dataRef)).toThrow(/aws_s3_bucket\.b references data\.prefect_workspace\.ws\b/);

    const localRef = base();
    (localRef.resource as any).aws_s3_bucket.b.tags = { ws: "${local.ws}" };
    expect(() => withoutPrefect(localRef)).toThrow(/aws_s3_bucket\.b references local\.ws/);

    const providerRef = base();
    (providerRef.resource as any).aws_s3_bucket.b.provider = "prefect";
    expect(() => withoutPrefect(providerRef)).toThrow(/uses the Prefect provider/);

    expect(() => withoutPrefect(base())).not.toThrow();
  });
});

describe("forOfflinePlan", () => {
  it("sets the skip flags on every aws provider, a region where missing, and drops the backend", () => {
    const out = forOfflinePlan({
      terraform: { backend: { s3: { bucket: "state" } }, required_providers: { aws: { source: "aws" } } },
      provider: {
        aws: [
          { region: "eu-west-1", default_tags: [{ tags: { app: "prefect" } }] },
          { alias: "us", profile: "prod", assume_role: [{ role_arn: "arn:aws:iam::1:role/x" }] },
        ],
      },
      resource: { aws_s3_bucket: { b: { bucket: "b" } } },
    });
    const skips = { skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true };
    expect(out.provider).toEqual({
      aws: [
        { region: "eu-west-1", default_tags: [{ tags: { app: "prefect" } }], ...skips },
        { alias: "us", region: "us-east-1", ...skips },
      ],
    });
    expect(out.terraform).toEqual({ required_providers: { aws: { source: "aws" } } });
    expect(out.resource).toEqual({ aws_s3_bucket: { b: { bucket: "b" } } });
  });

  it("accepts a single provider object, a custom region, and writes no credential", () => {
    const input: TerraformJson = { provider: { aws: { access_key: "AKIA", secret_key: "s" } } };
    const out = forOfflinePlan(input, { region: "eu-central-1" });
    expect(out.provider).toEqual({
      aws: {
        region: "eu-central-1",
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
      },
    });
    expect(input.provider).toEqual({ aws: { access_key: "AKIA", secret_key: "s" } });
  });

  it("leaves a stack without aws provider alone apart from the backend", () => {
    expect(forOfflinePlan({ terraform: { backend: { local: {} } }, provider: { google: [{}] } })).toEqual({
      provider: { google: [{}] },
    });
  });
});

describe("withoutBackend", () => {
  it("drops terraform.backend and cdktf's backend metadata", () => {
    const out = withoutBackend({
      "//": { metadata: { backend: "local", stackName: "s" } },
      terraform: { backend: { local: { path: "x" } }, required_providers: { aws: { source: "aws" } } },
    });
    expect(out).toEqual({
      "//": { metadata: { stackName: "s" } },
      terraform: { required_providers: { aws: { source: "aws" } } },
    });
  });
});
