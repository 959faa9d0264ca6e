/**
 * S3CodeStorage: what it synthesizes (bucket lock-down, least-privilege grants, credentials blocks,
 * outputs), the push_to_s3 / pull_from_s3 steps it hands to a project, and how it rejects bad input.
 * Grants are held against what Prefect's steps actually call (../shared/prefect/README.md):
 * push = PutObject on <bucket>/<folder>/*; pull = ListBucket (s3:prefix like <folder>/*) + GetObject.
 */
import { IamAccessKey } from "@cdktf/provider-aws/lib/iam-access-key";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { IamUserPolicy } from "@cdktf/provider-aws/lib/iam-user-policy";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { Block } from "../packages/core/src/prefect/provider/block";
import { PrefectProvider } from "../packages/core/src/prefect/provider/provider";
import { Variable } from "../packages/core/src/prefect/provider/variable";
import { S3Identity } from "../packages/aws/src/s3/identity";
import { S3CodeStorage, S3CodeStorageProps } from "../packages/aws/src/s3/s3-code-storage";
import { ValidationError } from "../packages/core/src/validation/errors";
import { PropsOrFactory, resourceOf, resourcesOf, SynthesizedStorage, synthStorageStack } from "./support/synth-storage";
import { captureValidationError, expectOneLinePerProblem, problemAssertionsAt, reported } from "./support/validation";

const BUCKET = "acme-flow-code";
const FOLDER = "flows/etl";
const STEM = "acme-flow-code-flows-etl"; // slugify(`${BUCKET}-${FOLDER}`)
const OBJECTS = `arn:aws:s3:::${BUCKET}/${FOLDER}/*`;
const KMS_KEY = "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const STACK = "test-stack";
const PATH = `${STACK}/code`;

/** A stack with both providers and one storage (id `code`); `after` runs on it before synthesis (to add grants). */
function synthStorage(props: PropsOrFactory<S3CodeStorageProps>, after?: (storage: S3CodeStorage) => void): SynthesizedStorage<S3CodeStorage> {
  const providers = (stack: TerraformStack) => {
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    new PrefectProvider(stack, "prefect");
  };
  return synthStorageStack(STACK, providers, (stack, p: S3CodeStorageProps) => new S3CodeStorage(stack, "code", p), props, after);
}

const defaults: S3CodeStorageProps = { bucketName: BUCKET, folder: FOLDER };

const policyOf = (resource: any) => JSON.parse(resource.policy);

/** Every policy document in the stack (IAM user/role inline policies and bucket policies). */
function allPolicies(json: any): any[] {
  return ["aws_iam_user_policy", "aws_iam_role_policy", "aws_s3_bucket_policy"].flatMap((type) =>
    resourcesOf(json, type).map(([, r]) => policyOf(r)),
  );
}

const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

function expectedPushPolicy(kms?: string, objects = OBJECTS) {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "PushFlowCode", Effect: "Allow", Action: "s3:PutObject", Resource: objects },
      ...(kms ? [{ Sid: "EncryptFlowCode", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: kms }] : []),
    ],
  };
}

function expectedPullPolicy(kms?: string, bucket = BUCKET, folder = FOLDER) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ListFlowCode",
        Effect: "Allow",
        Action: "s3:ListBucket",
        Resource: `arn:aws:s3:::${bucket}`,
        // prefect-aws < 0.7.11 lists Prefix=<folder>, later versions Prefix=<folder>/.
        Condition: { StringLike: { "s3:prefix": [folder, `${folder}/*`] } },
      },
      { Sid: "PullFlowCode", Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucket}/${folder}/*` },
      ...(kms ? [{ Sid: "DecryptFlowCode", Effect: "Allow", Action: "kms:Decrypt", Resource: kms }] : []),
    ],
  };
}

const BUCKET_RESOURCE_TYPES = [
  "aws_s3_bucket",
  "aws_s3_bucket_versioning",
  "aws_s3_bucket_server_side_encryption_configuration",
  "aws_s3_bucket_public_access_block",
  "aws_s3_bucket_ownership_controls",
  "aws_s3_bucket_policy",
  "aws_s3_bucket_lifecycle_configuration",
];

describe("S3CodeStorage: defaults", () => {
  const { synth, json, storage } = synthStorage(defaults);

  it("creates the bucket without force_destroy", () => {
    expect(synth).toHaveResourceWithProperties(S3Bucket, { bucket: BUCKET, force_destroy: false });
    expect(resourcesOf(json, "aws_s3_bucket")).toHaveLength(1);
    expect(storage.bucket).toBeDefined();
  });

  it("turns versioning on", () => {
    expect(synth).toHaveResourceWithProperties(S3BucketVersioningA, {
      bucket: expect.stringMatching(/^\$\{aws_s3_bucket\.code_storage_bucket_[0-9A-F]+\.id\}$/),
      versioning_configuration: { status: "Enabled" },
    });
  });

  it("encrypts with SSE-S3 (AES256) and no bucket key", () => {
    expect(synth).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }],
    });
    const rule = resourcesOf(json, "aws_s3_bucket_server_side_encryption_configuration")[0][1].rule[0];
    expect(rule).not.toHaveProperty("bucket_key_enabled");
    expect(rule.apply_server_side_encryption_by_default).not.toHaveProperty("kms_master_key_id");
  });

  it("blocks all four kinds of public access", () => {
    expect(synth).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it("disables ACLs (BucketOwnerEnforced)", () => {
    expect(synth).toHaveResourceWithProperties(S3BucketOwnershipControls, { rule: { object_ownership: "BucketOwnerEnforced" } });
  });

  it("has a bucket policy that denies non-TLS requests on the bucket and its objects", () => {
    expect(synth).toHaveResource(S3BucketPolicy);
    const [[, bucketPolicy]] = resourcesOf(json, "aws_s3_bucket_policy");
    expect(policyOf(bucketPolicy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
    // Written only once the public-access block exists.
    expect(bucketPolicy.depends_on).toEqual([expect.stringMatching(/^aws_s3_bucket_public_access_block\.code_storage_public-access_/)]);
  });

  it("adds no lifecycle configuration unless asked", () => {
    expect(synth).not.toHaveResource(S3BucketLifecycleConfiguration);
  });

  it("creates two IAM users under /prefect/, each with an access key and an inline policy", () => {
    expect(resourcesOf(json, "aws_iam_user")).toHaveLength(2);
    expect(resourcesOf(json, "aws_iam_access_key")).toHaveLength(2);
    expect(resourcesOf(json, "aws_iam_user_policy")).toHaveLength(2);
    expect(synth).toHaveResourceWithProperties(IamUser, { name: `prefect-${STEM}-push`, path: "/prefect/" });
    expect(synth).toHaveResourceWithProperties(IamUser, { name: `prefect-${STEM}-pull`, path: "/prefect/" });
    for (const side of ["push", "pull"]) {
      const userRef = expect.stringMatching(new RegExp(`^\\$\\{aws_iam_user\\.code_${side}-user_[0-9A-F]+\\.name\\}$`));
      expect(synth).toHaveResourceWithProperties(IamAccessKey, { user: userRef });
      expect(synth).toHaveResourceWithProperties(IamUserPolicy, { user: userRef, name: `prefect-code-${side}` });
    }
    expect(synth).not.toHaveResource(IamRolePolicy);
  });

  it("push policy is exactly PutObject on <bucket>/<folder>/*", () => {
    expect(policyOf(resourceOf(json, "aws_iam_user_policy", "push-user-policy"))).toEqual(expectedPushPolicy());
  });

  it("pull policy is ListBucket limited by s3:prefix plus GetObject on <bucket>/<folder>/*", () => {
    expect(policyOf(resourceOf(json, "aws_iam_user_policy", "pull-user-policy"))).toEqual(expectedPullPolicy());
  });

  it("allows no wildcard action or resource anywhere", () => {
    const policies = allPolicies(json);
    expect(policies).toHaveLength(3);
    const allows = policies.flatMap((p) => p.Statement).filter((s: any) => s.Effect === "Allow");
    expect(allows.length).toBeGreaterThan(0);
    for (const s of allows) {
      for (const action of asList(s.Action)) {
        expect(action).not.toBe("*");
        expect(action).not.toMatch(/\*/);
      }
      for (const resource of asList(s.Resource)) {
        expect(resource).not.toBe("*");
        expect(resource).not.toBe(`arn:aws:s3:::${BUCKET}/*`);
      }
    }
  });

  it("creates two aws-credentials blocks with the default names", () => {
    expect(resourcesOf(json, "prefect_block")).toHaveLength(2);
    expect(synth).toHaveResourceWithProperties(Block, { name: `${STEM}-push`, type_slug: "aws-credentials" });
    expect(synth).toHaveResourceWithProperties(Block, { name: `${STEM}-pull`, type_slug: "aws-credentials" });
    expect(storage.pushBlock?.blockName).toBe(`${STEM}-push`);
    expect(storage.pullBlock?.blockName).toBe(`${STEM}-pull`);
  });

  it("block data references the access key attributes as expressions, never literals, and uses data (not data_wo)", () => {
    for (const side of ["push", "pull"]) {
      const block = resourceOf(json, "prefect_block", `${side}-credentials`);
      expect(block).not.toHaveProperty("data_wo");
      expect(block).not.toHaveProperty("data_wo_version");
      const key = `aws_iam_access_key\\.code_${side}-access-key_[0-9A-F]+`;
      expect(block.data).toMatch(/^\$\{jsonencode\(\{.*\}\)\}$/);
      expect(block.data).toMatch(new RegExp(`"aws_access_key_id" = ${key}\\.id[,}]`));
      expect(block.data).toMatch(new RegExp(`"aws_secret_access_key" = ${key}\\.secret[,}]`));
      // The created bucket's region goes into the block.
      expect(block.data).toMatch(/"region_name" = aws_s3_bucket\.code_storage_bucket_[0-9A-F]+\.region/);
      // The secret is an attribute reference, not a quoted value.
      expect(block.data).not.toMatch(/"aws_secret_access_key" = "/);
    }
    // The typed data keeps the same tokens.
    expect(storage.pushBlock?.data.awsSecretAccessKey).toMatch(/\$\{TfToken\[/);
  });

  it("outputs the bucket, folder and both block names", () => {
    expect(json.output).toEqual({
      code_bucket_name: { description: expect.any(String), value: BUCKET },
      code_folder: { description: expect.any(String), value: FOLDER },
      code_push_block: { description: expect.any(String), value: `${STEM}-push` },
      code_pull_block: { description: expect.any(String), value: `${STEM}-pull` },
    });
  });

  it("exposes bucket name and folder, no build steps and no ignore patterns", () => {
    expect(storage.bucketName).toBe(BUCKET);
    expect(storage.folder).toBe(FOLDER);
    expect(storage.buildSteps).toEqual([]);
    expect(storage.ignorePatterns).toEqual([]);
  });
});

describe("S3CodeStorage: options", () => {
  it("kmsKeyArn: SSE-KMS with that key and a bucket key; push gets GenerateDataKey+Decrypt, pull Decrypt only", () => {
    const { synth, json } = synthStorage({ ...defaults, kmsKeyArn: KMS_KEY });
    expect(synth).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: KMS_KEY }, bucket_key_enabled: true }],
    });
    expect(policyOf(resourceOf(json, "aws_iam_user_policy", "push-user-policy"))).toEqual(expectedPushPolicy(KMS_KEY));
    expect(policyOf(resourceOf(json, "aws_iam_user_policy", "pull-user-policy"))).toEqual(expectedPullPolicy(KMS_KEY));
  });

  it("noncurrentVersionExpirationDays: a lifecycle rule expiring noncurrent versions and aborting stale multipart uploads", () => {
    const { synth, json } = synthStorage({ ...defaults, noncurrentVersionExpirationDays: 30 });
    expect(synth).toHaveResourceWithProperties(S3BucketLifecycleConfiguration, {
      rule: [
        expect.objectContaining({
          status: "Enabled",
          noncurrent_version_expiration: [{ noncurrent_days: 30 }],
          abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
        }),
      ],
    });
    const [[, lifecycle]] = resourcesOf(json, "aws_s3_bucket_lifecycle_configuration");
    expect(lifecycle.bucket).toMatch(/^\$\{aws_s3_bucket\.code_storage_bucket_[0-9A-F]+\.id\}$/);
    // Applied only after versioning is on.
    expect(lifecycle.depends_on).toEqual([expect.stringMatching(/^aws_s3_bucket_versioning\./)]);
  });

  it("existingBucketName: creates nothing about the bucket, grants still name it, no region in block data", () => {
    const existing = "their-existing-bucket";
    const { synth, json, storage } = synthStorage({ existingBucketName: existing, folder: FOLDER });
    for (const type of BUCKET_RESOURCE_TYPES) expect(json.resource[type]).toBeUndefined();
    expect(synth).not.toHaveResource(S3Bucket);
    expect(synth).not.toHaveResource(S3BucketPolicy);
    expect(storage.bucket).toBeUndefined();
    expect(storage.bucketName).toBe(existing);
    expect(policyOf(resourceOf(json, "aws_iam_user_policy", "push-user-policy"))).toEqual(
      expectedPushPolicy(undefined, `arn:aws:s3:::${existing}/${FOLDER}/*`),
    );
    expect(policyOf(resourceOf(json, "aws_iam_user_policy", "pull-user-policy"))).toEqual(expectedPullPolicy(undefined, existing));
    for (const [, block] of resourcesOf(json, "prefect_block")) {
      expect(block.data).not.toContain("region_name");
      expect(block.data).toContain("aws_secret_access_key");
    }
    expect(storage.pushSteps[0].renderKwargs().bucket).toBe(existing);
  });

  it("existingBucketName with region: the region is written into both blocks", () => {
    const { json } = synthStorage({ existingBucketName: "their-existing-bucket", folder: FOLDER, region: "us-west-2" });
    const blocks = resourcesOf(json, "prefect_block");
    expect(blocks).toHaveLength(2);
    for (const [, block] of blocks) expect(block.data).toContain('"region_name" = "us-west-2"');
  });

  it("pushIdentity role: no push user, key or block; the role gets the push policy; the push step has no credentials", () => {
    const { synth, json, storage } = synthStorage({ ...defaults, pushIdentity: S3Identity.role("github-actions-deploy") });
    expect(resourcesOf(json, "aws_iam_user")).toHaveLength(1);
    expect(synth).toHaveResourceWithProperties(IamUser, { name: `prefect-${STEM}-pull` });
    expect(synth).not.toHaveResourceWithProperties(IamUser, { name: `prefect-${STEM}-push` });
    expect(resourcesOf(json, "aws_iam_access_key")).toHaveLength(1);
    expect(resourcesOf(json, "aws_iam_access_key")[0][0]).toContain("pull-access-key");
    expect(resourcesOf(json, "prefect_block").map(([, b]) => b.name)).toEqual([`${STEM}-pull`]);
    expect(storage.pushBlock).toBeUndefined();

    const rolePolicies = resourcesOf(json, "aws_iam_role_policy");
    expect(rolePolicies).toHaveLength(1);
    const [[, rolePolicy]] = rolePolicies;
    expect(rolePolicy.role).toBe("github-actions-deploy");
    expect(rolePolicy.name).toBe(`prefect-code-push-${STEM}`);
    expect(policyOf(rolePolicy)).toEqual(expectedPushPolicy());

    const push = storage.pushSteps[0].toYaml();
    expect(push).toEqual({
      "prefect_aws.deployments.steps.push_to_s3": { id: "push_code", requires: "prefect-aws>=0.4.1", bucket: BUCKET, folder: `${FOLDER}/` },
    });
    // The pull side is unchanged.
    expect(storage.pullSteps[0].renderKwargs().credentials).toBe(`{{ prefect.blocks.aws-credentials.${STEM}-pull }}`);
    expect(json.output.code_push_block).toBeUndefined();
    expect(json.output.code_pull_block.value).toBe(`${STEM}-pull`);
  });

  it("pullIdentity role: no pull user, key or block; the role gets the pull policy; the pull step has no credentials", () => {
    const { synth, json, storage } = synthStorage({ ...defaults, pullIdentity: S3Identity.role("prefect-ecs-task") });
    expect(resourcesOf(json, "aws_iam_user")).toHaveLength(1);
    expect(synth).not.toHaveResourceWithProperties(IamUser, { name: `prefect-${STEM}-pull` });
    expect(resourcesOf(json, "aws_iam_access_key")).toHaveLength(1);
    expect(resourcesOf(json, "prefect_block").map(([, b]) => b.name)).toEqual([`${STEM}-push`]);
    expect(storage.pullBlock).toBeUndefined();

    const [[, rolePolicy], ...more] = resourcesOf(json, "aws_iam_role_policy");
    expect(more).toEqual([]);
    expect(rolePolicy.role).toBe("prefect-ecs-task");
    expect(rolePolicy.name).toBe(`prefect-code-pull-${STEM}`);
    expect(policyOf(rolePolicy)).toEqual(expectedPullPolicy());

    expect(storage.pullSteps[0].toYaml()).toEqual({
      "prefect_aws.deployments.steps.pull_from_s3": {
        id: "pull_code",
        requires: "prefect-aws>=0.4.1",
        bucket: "{{ push_code.bucket }}",
        folder: "{{ push_code.folder }}",
      },
    });
  });

  it("both identities roles: no user, key or block at all, and neither step carries credentials", () => {
    const { synth, json, storage } = synthStorage({
      ...defaults,
      kmsKeyArn: KMS_KEY,
      pushIdentity: S3Identity.role("ci"),
      pullIdentity: S3Identity.role("worker"),
    });
    expect(synth).not.toHaveResource(IamUser);
    expect(synth).not.toHaveResource(IamAccessKey);
    expect(synth).not.toHaveResource(IamUserPolicy);
    expect(synth).not.toHaveResource(Block);
    expect(synth).toHaveResourceWithProperties(IamRolePolicy, { role: "ci", policy: JSON.stringify(expectedPushPolicy(KMS_KEY)) });
    expect(synth).toHaveResourceWithProperties(IamRolePolicy, { role: "worker", policy: JSON.stringify(expectedPullPolicy(KMS_KEY)) });
    for (const step of [...storage.pushSteps, ...storage.pullSteps]) expect(step.renderKwargs()).not.toHaveProperty("credentials");
    expect(json.output).not.toHaveProperty("code_push_block");
    expect(json.output).not.toHaveProperty("code_pull_block");
  });

  it("iamUser({userName, path}) is honoured", () => {
    const { synth, json } = synthStorage({
      ...defaults,
      pushIdentity: S3Identity.iamUser({ userName: "ci-uploader", path: "/ci/" }),
      pullIdentity: S3Identity.iamUser({ userName: "worker-downloader" }),
    });
    expect(synth).toHaveResourceWithProperties(IamUser, { name: "ci-uploader", path: "/ci/" });
    expect(synth).toHaveResourceWithProperties(IamUser, { name: "worker-downloader", path: "/prefect/" });
    expect(resourcesOf(json, "aws_iam_user").map(([, u]) => u.name).sort()).toEqual(["ci-uploader", "worker-downloader"]);
    // Block names do not follow the user names.
    expect(resourcesOf(json, "prefect_block").map(([, b]) => b.name).sort()).toEqual([`${STEM}-pull`, `${STEM}-push`]);
  });

  it("default user names are fitted into IAM's 64 characters for a long bucket name, stable and distinct", () => {
    const longBucket = `acme-${"a".repeat(48)}-flow-code`; // 63 characters
    expect(longBucket).toHaveLength(63);
    const props = { bucketName: longBucket, folder: "flows/etl/nightly" };
    const names = (json: any) => resourcesOf(json, "aws_iam_user").map(([id, u]) => [id.includes("push") ? "push" : "pull", u.name]);
    const first = Object.fromEntries(names(synthStorage(props).json));
    const second = Object.fromEntries(names(synthStorage(props).json));
    expect(second).toEqual(first);
    expect(first.push).not.toBe(first.pull);
    for (const name of [first.push, first.pull]) {
      expect(name.length).toBeLessThanOrEqual(64);
      expect(name).toMatch(/^prefect-acme-a+/);
      expect(name).toMatch(/-[0-9a-f]{8}$/);
      expect(name).toMatch(/^[\w+=,.@-]+$/);
    }
    // A short name is left as it is.
    expect(Object.fromEntries(names(synthStorage(defaults).json))).toEqual({ push: `prefect-${STEM}-push`, pull: `prefect-${STEM}-pull` });
  });

  it("grantPull / grantPush attach the pull / push policy to existing roles", () => {
    let pullGrant: IConstruct | undefined;
    let pushGrant: IConstruct | undefined;
    const { synth, json } = synthStorage({ ...defaults, kmsKeyArn: KMS_KEY }, (storage) => {
      pullGrant = storage.grantPull("analytics-worker");
      pushGrant = storage.grantPush("release-ci");
    });
    expect(pullGrant).toBeInstanceOf(IamRolePolicy);
    expect(pushGrant).toBeInstanceOf(IamRolePolicy);
    expect(resourcesOf(json, "aws_iam_role_policy")).toHaveLength(2);
    expect(synth).toHaveResourceWithProperties(IamRolePolicy, {
      role: "analytics-worker",
      name: `prefect-code-pull-${STEM}`,
      policy: JSON.stringify(expectedPullPolicy(KMS_KEY)),
    });
    expect(synth).toHaveResourceWithProperties(IamRolePolicy, {
      role: "release-ci",
      name: `prefect-code-push-${STEM}`,
      policy: JSON.stringify(expectedPushPolicy(KMS_KEY)),
    });
    expect(resourceOf(json, "aws_iam_role_policy", "grant-pull-analytics-worker").role).toBe("analytics-worker");
    expect(resourceOf(json, "aws_iam_role_policy", "grant-push-release-ci").role).toBe("release-ci");
    // Users are still there: grants are in addition.
    expect(resourcesOf(json, "aws_iam_user")).toHaveLength(2);
  });

  it("blockNamePrefix names both blocks (and the default users)", () => {
    const { synth, json, storage } = synthStorage({ ...defaults, blockNamePrefix: "etl-code" });
    expect(synth).toHaveResourceWithProperties(Block, { name: "etl-code-push", type_slug: "aws-credentials" });
    expect(synth).toHaveResourceWithProperties(Block, { name: "etl-code-pull", type_slug: "aws-credentials" });
    expect(resourcesOf(json, "prefect_block").map(([, b]) => b.name).sort()).toEqual(["etl-code-pull", "etl-code-push"]);
    expect(synth).toHaveResourceWithProperties(IamUser, { name: "prefect-etl-code-push" });
    expect(storage.pushSteps[0].renderKwargs().credentials).toBe("{{ prefect.blocks.aws-credentials.etl-code-push }}");
    expect(storage.pullSteps[0].renderKwargs().credentials).toBe("{{ prefect.blocks.aws-credentials.etl-code-pull }}");
  });

  it("writeOnlyBlocks: blocks carry data_wo and data_wo_version 1, and no data", () => {
    const { json } = synthStorage({ ...defaults, writeOnlyBlocks: true });
    const blocks = resourcesOf(json, "prefect_block");
    expect(blocks).toHaveLength(2);
    for (const [id, block] of blocks) {
      const side = id.includes("push") ? "push" : "pull";
      expect(block).not.toHaveProperty("data");
      expect(block.data_wo_version).toBe(1);
      expect(block.data_wo).toMatch(new RegExp(`"aws_secret_access_key" = aws_iam_access_key\\.code_${side}-access-key_[0-9A-F]+\\.secret`));
    }
  });

  it("folderFromEnv: the push step writes to <folder>/{{ $VAR }}, grants stay on <folder>/*", () => {
    const { json, storage } = synthStorage({ ...defaults, folderFromEnv: "PREFECT_ENV", pullIdentity: S3Identity.role("worker") });
    expect(storage.pushSteps[0].renderKwargs().folder).toBe(`${FOLDER}/{{ $PREFECT_ENV }}/`);
    expect(storage.pullSteps[0].renderKwargs().folder).toBe("{{ push_code.folder }}");
    expect(policyOf(resourceOf(json, "aws_iam_user_policy", "push-user-policy"))).toEqual(expectedPushPolicy());
    expect(policyOf(resourceOf(json, "aws_iam_role_policy", "pull-role-policy"))).toEqual(expectedPullPolicy());
    // The output and storage report the static folder.
    expect(json.output.code_folder.value).toBe(FOLDER);
  });

  it("prefectIgnore patterns are exposed as given", () => {
    const { storage } = synthStorage({ ...defaults, prefectIgnore: ["data/", "*.parquet"] });
    expect(storage.ignorePatterns).toEqual(["data/", "*.parquet"]);
  });
});

describe("S3CodeStorage: steps", () => {
  const { storage } = synthStorage(defaults);

  it("push step: push_to_s3 with id push_code, prefect-aws pin, literal bucket and folder, its own block", () => {
    expect(storage.pushSteps).toHaveLength(1);
    const [push] = storage.pushSteps;
    expect(push.fn).toBe("prefect_aws.deployments.steps.push_to_s3");
    expect(push.id).toBe("push_code");
    expect(push.toYaml()).toEqual({
      "prefect_aws.deployments.steps.push_to_s3": {
        id: "push_code",
        requires: "prefect-aws>=0.4.1",
        bucket: BUCKET,
        folder: `${FOLDER}/`,
        credentials: `{{ prefect.blocks.aws-credentials.${STEM}-push }}`,
      },
    });
  });

  it("pull step: pull_from_s3 reading the push step's outputs, with its own block", () => {
    expect(storage.pullSteps).toHaveLength(1);
    const [pull] = storage.pullSteps;
    expect(pull.shortName).toBe("pull_from_s3");
    expect(pull.toYaml()).toEqual({
      "prefect_aws.deployments.steps.pull_from_s3": {
        id: "pull_code",
        requires: "prefect-aws>=0.4.1",
        bucket: "{{ push_code.bucket }}",
        folder: "{{ push_code.folder }}",
        credentials: `{{ prefect.blocks.aws-credentials.${STEM}-pull }}`,
      },
    });
  });

  it("a bucket name that is a Terraform token goes through a Prefect variable, never into the steps", () => {
    let variableToken = "";
    const { synth, json, storage } = synthStorage((stack) => {
      variableToken = new TerraformVariable(stack, "bucket", { type: "string" }).stringValue;
      return { bucketName: variableToken, folder: FOLDER };
    });
    // The bucket itself is still created from the variable.
    expect(synth).toHaveResourceWithProperties(S3Bucket, { bucket: "${var.bucket}" });
    const variables = resourcesOf(json, "prefect_variable");
    expect(variables).toHaveLength(1);
    const [[, variable]] = variables;
    expect(variable.value).toBe("${var.bucket}");
    expect(variable.name).toMatch(/^[a-z0-9_-]+$/);
    expect(synth).toHaveResourceWithProperties(Variable, { name: variable.name, value: "${var.bucket}" });

    const rendered = JSON.stringify([...storage.pushSteps, ...storage.pullSteps].map((s) => s.toYaml()));
    expect(rendered).not.toContain("${");
    expect(rendered).not.toContain("TfToken");
    expect(storage.pushSteps[0].renderKwargs().bucket).toBe(`{{ prefect.variables.${variable.name} }}`);
    expect(storage.pullSteps[0].renderKwargs().bucket).toBe("{{ push_code.bucket }}");
    expect(json.output.code_bucket_variable.value).toBe(variable.name);
    // Grants use the Terraform expression.
    expect(policyOf(resourceOf(json, "aws_iam_user_policy", "push-user-policy")).Statement[0].Resource).toBe(`arn:aws:s3:::\${var.bucket}/${FOLDER}/*`);
    // Block names cannot come from the token: they fall back to the construct id.
    for (const [, block] of resourcesOf(json, "prefect_block")) expect(block.name).toMatch(/^code-(push|pull)$/);
    expect(variableToken).toMatch(/TfToken/);
  });

  it("a token bucket name gives role policies a stable name from the construct id, not from the token", () => {
    const names = (extraVariables: number) => {
      const { json } = synthStorage((stack) => {
        for (let i = 0; i < extraVariables; i++) new TerraformVariable(stack, `unrelated${i}`, { type: "string" });
        return { bucketName: new TerraformVariable(stack, "bucket", { type: "string" }).stringValue, folder: FOLDER, pushIdentity: S3Identity.role("ci") };
      });
      return resourcesOf(json, "aws_iam_role_policy").map(([, r]) => r.name);
    };
    expect(names(0)).toEqual(["prefect-code-push-code"]);
    expect(names(3)).toEqual(names(0));
  });

  it("a literal bucket name makes no Prefect variable", () => {
    const { synth, json } = synthStorage(defaults);
    expect(synth).not.toHaveResource(Variable);
    expect(json.output).not.toHaveProperty("code_bucket_variable");
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

/** The ValidationError thrown while building the storage. */
function validationErrorOf(props: S3CodeStorageProps): ValidationError {
  return captureValidationError(() => synthStorage(props), props);
}

const { expectProblem, expectOnlyProblem } = problemAssertionsAt(PATH);

describe("S3CodeStorage: bad bucket names", () => {
  const cases: Array<[string, string, string | RegExp, string | null]> = [
    ["too short", "ab", "is 2 characters long; S3 allows 3 to 63", null],
    ["too long", "a".repeat(64), "is 64 characters long; S3 allows 3 to 63", null],
    ["uppercase", "AcmeFlowCode", "may contain only lowercase letters, digits, dots and hyphens", 'use a name such as "acmeflowcode"'],
    ["underscore", "acme_flow_code", "may contain only lowercase letters, digits, dots and hyphens", 'use a name such as "acme-flow-code"'],
    ["starts with a hyphen", "-acme-code", "must begin and end with a letter or digit", null],
    ["ends with a hyphen", "acme-code-", "must begin and end with a letter or digit", null],
    ["adjacent dots", "acme..code", "must not contain two adjacent dots", null],
    ["IP address form", "192.168.10.20", "must not be formatted as an IP address", null],
    ["xn-- prefix", "xn--acme-code", /^must not start with .*xn--/, null],
    ["-s3alias suffix", "acme-code-s3alias", /^must not end with .*-s3alias/, null],
  ];

  it.each(cases)("%s: %s", (_label, name, problem, fix) => {
    const error = validationErrorOf({ bucketName: name, folder: FOLDER });
    expectProblem(error, { prop: "bucketName", value: name, rule: "S3BucketName", problem, fix });
    expect(error.message).toContain(JSON.stringify(name));
    // Only the bucket name is wrong.
    expect(error.problems.every((p) => p.rule === "S3BucketName")).toBe(true);
  });

  it("existingBucketName is held to the same rules, reported under its own name", () => {
    const error = validationErrorOf({ existingBucketName: "Their_Bucket", folder: FOLDER });
    expectProblem(error, {
      prop: "existingBucketName",
      value: "Their_Bucket",
      rule: "S3BucketName",
      problem: "may contain only lowercase letters",
      fix: 'use a name such as "their-bucket"',
    });
  });
});

describe("S3CodeStorage: bad folders", () => {
  const cases: Array<[string, string, string, string | null]> = [
    ["empty", "", "is empty; grants would cover the whole bucket", 'use a folder such as "flows"'],
    ["leading /", "/flows/etl", "starts with '/'", 'use "flows/etl"'],
    ["trailing /", "flows/etl/", "ends with '/'", 'use "flows/etl"'],
    ["'..' segment", "flows/../secrets", "contains a '..' segment", 'use "flows/secrets"'],
    ["'./' segment", "./flows", "contains an empty or '.' segment", 'use "flows"'],
    ["'//' (empty segment)", "flows//etl", "contains an empty or '.' segment", 'use "flows/etl"'],
    ["backslash", "flows\\etl", "contains a backslash or a control character", null],
    ["wildcard *", "flows/*", "contains a wildcard", null],
    ["template {{ }}", "flows/{{ $ENV }}", "contains a template or interpolation; use the folderFromEnv option instead", null],
  ];

  it.each(cases)("%s: %j", (_label, folder, problem, fix) => {
    const error = validationErrorOf({ bucketName: BUCKET, folder });
    expectProblem(error, { prop: "folder", value: folder, rule: "StorageFolder", problem, fix });
  });

  it.each([
    ["starts with a digit", "1ENV", '"_1ENV"'],
    ["hyphen", "PREFECT-ENV", '"PREFECT_ENV"'],
    ["template braces", "{{ $ENV }}", '"_ENV_"'],
  ])("bad folderFromEnv (%s): %j", (_label, env, fixed) => {
    const error = validationErrorOf({ ...defaults, folderFromEnv: env });
    expectProblem(error, {
      prop: "folderFromEnv",
      value: env,
      rule: "EnvVarName",
      problem: "must match ^[A-Za-z_][A-Za-z0-9_]*$",
      fix: `use ${fixed}`,
    });
  });
});

describe("S3CodeStorage: other bad input", () => {
  it("kmsKeyArn must be a key ARN: an alias is refused, with the command that gives the ARN", () => {
    const error = validationErrorOf({ bucketName: BUCKET, folder: FOLDER, kmsKeyArn: "alias/flows" });
    expect(error.problems.map((p) => [p.prop, p.value, p.rule])).toEqual([["kmsKeyArn", "alias/flows", "AwsKmsKeyArn"]]);
    expect(error.problems[0].fix).toMatch(/aws kms describe-key --key-id alias\/flows --query KeyMetadata\.Arn/);
  });

  it.each([
    ["uppercase", "EtlCode", 'use "etlcode"'],
    ["underscore", "etl_code", 'use "etl-code"'],
  ])("bad blockNamePrefix (%s)", (_label, prefix, fix) => {
    const error = validationErrorOf({ ...defaults, blockNamePrefix: prefix });
    expectProblem(error, { prop: "blockNamePrefix", value: prefix, rule: "BlockName", problem: "must match ^[a-z0-9-]+$", fix });
  });

  it("both bucketName and existingBucketName", () => {
    const error = validationErrorOf({ bucketName: BUCKET, existingBucketName: "other-bucket", folder: FOLDER });
    expectProblem(error, {
      prop: "bucketName",
      value: BUCKET,
      rule: "S3BucketSource",
      problem: "set exactly one of bucketName (create) and existingBucketName (reuse)",
      fix: null,
    });
  });

  it("neither bucketName nor existingBucketName", () => {
    const error = validationErrorOf({ folder: FOLDER });
    expectOnlyProblem(error, { prop: "bucketName", value: undefined, rule: "S3BucketSource", problem: "set exactly one of", fix: null });
  });

  it("noncurrentVersionExpirationDays with an existing bucket", () => {
    const error = validationErrorOf({ existingBucketName: "their-bucket", folder: FOLDER, noncurrentVersionExpirationDays: 30 });
    expectOnlyProblem(error, {
      prop: "noncurrentVersionExpirationDays",
      value: 30,
      rule: "S3ExistingBucket",
      problem: "cannot be applied to an existing bucket",
      fix: "set the lifecycle rule where the bucket is defined",
    });
  });

  it.each([[1.5], [0], [-3]])("noncurrentVersionExpirationDays %p is not a whole number of days >= 1", (days) => {
    const error = validationErrorOf({ ...defaults, noncurrentVersionExpirationDays: days });
    expectProblem(error, {
      prop: "noncurrentVersionExpirationDays",
      value: days,
      rule: "S3Lifecycle",
      problem: "must be a whole number of days, at least 1",
      fix: null,
    });
  });

  it.each([
    ["pushIdentity", "role name with a space", { pushIdentity: S3Identity.role("ci deploy") }, "pushIdentity.roleName", "ci deploy", "may contain only letters, digits and +=,.@_-"],
    ["pullIdentity", "role ARN instead of a name", { pullIdentity: S3Identity.role("arn:aws:iam::123456789012:role/worker") }, "pullIdentity.roleName", "arn:aws:iam::123456789012:role/worker", "may contain only letters"],
    ["pullIdentity", "empty role name", { pullIdentity: S3Identity.role("") }, "pullIdentity.roleName", "", "is 0 characters long; IAM allows 1 to 64"],
    ["pushIdentity", "user name of 65 characters", { pushIdentity: S3Identity.iamUser({ userName: "u".repeat(65) }) }, "pushIdentity.userName", "u".repeat(65), "is 65 characters long; IAM allows 1 to 64"],
    ["pullIdentity", "user name with a slash", { pullIdentity: S3Identity.iamUser({ userName: "team/worker" }) }, "pullIdentity.userName", "team/worker", "may contain only letters"],
  ] as const)("bad IAM name on %s (%s)", (_side, _label, identity, prop, value, problem) => {
    const error = validationErrorOf({ ...defaults, ...identity });
    expectProblem(error, { prop, value, rule: "IamName", problem, fix: null });
  });

  it.each([["prefect"], ["/prefect"], ["prefect/"], ["/pre fect/"], [""]])("bad IAM path %j", (path) => {
    const error = validationErrorOf({ ...defaults, pushIdentity: S3Identity.iamUser({ path }) });
    expectProblem(error, { prop: "pushIdentity.path", value: path, rule: "IamPath", problem: "must start and end with '/'", fix: 'use "/prefect/"' });
  });

  it("a good IAM path such as / or /a/b/ is accepted", () => {
    for (const path of ["/", "/teams/data/"]) {
      const { synth } = synthStorage({ ...defaults, pushIdentity: S3Identity.iamUser({ path }) });
      expect(synth).toHaveResourceWithProperties(IamUser, { path });
    }
  });

  it("reports several problems together in one error, each with its own rule", () => {
    const error = validationErrorOf({
      bucketName: "Bad_Bucket",
      folder: "/flows/",
      folderFromEnv: "MY-ENV",
      blockNamePrefix: "Bad_Prefix",
      noncurrentVersionExpirationDays: 0,
      pushIdentity: S3Identity.role("ci deploy"),
      pullIdentity: S3Identity.iamUser({ path: "nope" }),
    });
    const rules = new Set(error.problems.map((p) => p.rule));
    expect([...rules].sort()).toEqual(["BlockName", "EnvVarName", "IamName", "IamPath", "S3BucketName", "S3Lifecycle", "StorageFolder"]);
    const props = new Set(error.problems.map((p) => p.prop));
    expect([...props].sort()).toEqual([
      "blockNamePrefix",
      "bucketName",
      "folder",
      "folderFromEnv",
      "noncurrentVersionExpirationDays",
      "pullIdentity.path",
      "pushIdentity.roleName",
    ]);
    // One message, one path, one line per problem.
    expectOneLinePerProblem(error);
    expect(error.message).toContain(`'${PATH}'`);
    for (const v of ['"Bad_Bucket"', '"/flows/"', '"MY-ENV"', '"Bad_Prefix"', '"ci deploy"', '"nope"']) expect(error.message).toContain(v);
  });

  it("reports the full path when nested deeper in the tree", () => {
    const stack = new TerraformStack(Testing.app(), STACK);
    const team = new Construct(stack, "team-a");
    expect(() => reported(new S3CodeStorage(team, "code", { bucketName: "ab", folder: FOLDER }))).toThrow(
      `Invalid configuration for '${STACK}/team-a/code'`,
    );
  });

  it("an empty bucketName is reported under bucketName", () => {
    expectProblem(validationErrorOf({ bucketName: "", folder: FOLDER }), {
      prop: "bucketName",
      value: "",
      rule: "S3BucketName",
      problem: "is 0 characters long",
      fix: null,
    });
  });

  it("a folder only known after apply is refused (grants and prefect.yaml need it at synth)", () => {
    const error = captureValidationError(() =>
      synthStorage((stack) => ({ bucketName: BUCKET, folder: new TerraformVariable(stack, "folder", { type: "string" }).stringValue })),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/folder "\$\{TfToken\[TOKEN\.\d+\]\}": must be known at synth time[\s\S]*Fix: pass a literal folder/);
  });

  it("grantPull / grantPush refuse a bad role name, naming the grant's path", () => {
    expect(() => synthStorage(defaults, (storage) => storage.grantPull("arn:aws:iam::123456789012:role/x y"))).toThrow(
      /test-stack\/code\/grant-pull-[^']*'[\s\S]*roleName "arn:aws:iam::123456789012:role\/x y": may contain only letters, digits and \+=,\.@_- \[IamName\]/,
    );
  });

  it("a valid configuration throws nothing", () => {
    expect(() => synthStorage({ ...defaults, folderFromEnv: "PREFECT_ENV", blockNamePrefix: "etl", noncurrentVersionExpirationDays: 1 })).not.toThrow();
  });
});
