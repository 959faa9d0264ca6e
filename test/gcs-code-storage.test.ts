/**
 * GcsCodeStorage: what it synthesizes (bucket lock-down, least-privilege bucket bindings under IAM
 * conditions, service accounts, keys, gcp-credentials blocks, outputs), the push_to_gcs /
 * pull_from_gcs steps it hands to a project, how it rejects bad input, and the two GCS example
 * stacks as `npm run synth` writes them. Grants are held against what Prefect's steps call
 * (../shared/prefect/README.md): push = objects.create + objects.delete (overwrite) under
 * <folder>/; pull = objects.list (checked on the bucket) + objects.get under <folder>/.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DataGoogleStorageProjectServiceAccount } from "@cdktf/provider-google/lib/data-google-storage-project-service-account";
import { KmsCryptoKeyIamMember } from "@cdktf/provider-google/lib/kms-crypto-key-iam-member";
import { ProjectIamCustomRole } from "@cdktf/provider-google/lib/project-iam-custom-role";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { ServiceAccount } from "@cdktf/provider-google/lib/service-account";
import { ServiceAccountKey } from "@cdktf/provider-google/lib/service-account-key";
import { StorageBucket } from "@cdktf/provider-google/lib/storage-bucket";
import { StorageBucketIamMember } from "@cdktf/provider-google/lib/storage-bucket-iam-member";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { parse } from "yaml";
import { GcsKeylessStack } from "../stacks/gcs-keyless";
import { GcsKeysStack } from "../stacks/gcs-keys";
import { GcpCredentialsBlock } from "../packages/core/src/prefect/blocks/gcp-credentials";
import { Block } from "../packages/core/src/prefect/provider/block";
import { PrefectProvider } from "../packages/core/src/prefect/provider/provider";
import { Variable } from "../packages/core/src/prefect/provider/variable";
import { PREFECT_GCP_REQUIRES } from "../packages/core/src/prefect/steps/gcp";
import { Steps } from "../packages/core/src/prefect/steps/steps";
import { GcsCodeStorage, GcsCodeStorageProps, GcsFolderGrant, GcsGrantRoles, GcsStorageClass } from "../packages/google/src/gcs/gcs-code-storage";
import { GcsIdentity } from "../packages/google/src/gcs/identity";
import { ValidationError } from "../packages/core/src/validation/errors";
import { parseInterfaces } from "./support/interfaces";
import { blockDataErrors, blockReferences, blockSchema, prefectYamlSchemaErrors, stepSignatureErrors, stepsOf } from "./support/shared";
import { PropsOrFactory, resourceOf, resourcesOf, SynthesizedStorage, synthStorageStack } from "./support/synth-storage";
import { captureValidationError, expectOneLinePerProblem, problemAssertionsAt, reported } from "./support/validation";

const PROJECT = "acme-prefect";
const BUCKET = "acme-flow-code";
const FOLDER = "flows/etl";
const STEM = "acme-flow-code-flows-etl"; // slugify(`${BUCKET}-${FOLDER}`)
const STEM_ID = "acme_flow_code_flows_etl";
const KMS_KEY = `projects/${PROJECT}/locations/us/keyRings/flow-code/cryptoKeys/flow-code`;
const CI = `github-deploy@${PROJECT}.iam.gserviceaccount.com`;
const WORKER = `prefect-worker@${PROJECT}.iam.gserviceaccount.com`;
const STACK = "test-stack";
const PATH = `${STACK}/code`;
const SA_ID = /^[a-z](?:[-a-z0-9]{4,28}[a-z0-9])$/;

/** The folder condition, written out by hand from Google's resource-name format for objects. */
const folderExpression = (bucket = BUCKET, prefix = `${FOLDER}/`) =>
  `resource.name.startsWith("projects/_/buckets/${bucket}/objects/${prefix}")`;
const pushCondition = (bucket = BUCKET, prefix = `${FOLDER}/`) => ({
  title: "prefect-code-push",
  description: `Only objects under gs://${bucket}/${prefix}`,
  expression: folderExpression(bucket, prefix),
});
const pullCondition = (bucket = BUCKET, prefix = `${FOLDER}/`) => ({ ...pushCondition(bucket, prefix), title: "prefect-code-pull" });

/** A stack with both providers and one storage (id `code`); `after` runs on it before synthesis. */
function synthStorage(props: PropsOrFactory<GcsCodeStorageProps>, after?: (storage: GcsCodeStorage) => void): SynthesizedStorage<GcsCodeStorage> {
  const providers = (stack: TerraformStack) => {
    new GoogleProvider(stack, "google", { project: PROJECT });
    new PrefectProvider(stack, "prefect");
  };
  return synthStorageStack(STACK, providers, (stack, p: GcsCodeStorageProps) => new GcsCodeStorage(stack, "code", p), props, after);
}

const defaults: GcsCodeStorageProps = { project: PROJECT, bucketName: BUCKET, folder: FOLDER };

/** Every bucket binding, keyed by its logical id without the hash suffix (e.g. `code_push-grant_objects`). */
function bindings(json: any): Record<string, any> {
  return Object.fromEntries(resourcesOf(json, "google_storage_bucket_iam_member").map(([id, b]) => [id.replace(/_[0-9A-F]{8}$/, ""), b]));
}

/** `${<type>.<logical id starting with idPrefix>_<hash>.<attr>}` */
const ref = (type: string, idPrefix: string, attr: string) =>
  expect.stringMatching(new RegExp(`^\\$\\{${type.replace(/\./g, "\\.")}\\.${idPrefix}_[0-9A-F]{8}\\.${attr}\\}$`));
const roleRef = (key: "push" | "read" | "list") => ref("google_project_iam_custom_role", `code_roles_${key}`, "name");
const saMember = (side: "push" | "pull") => ref("google_service_account", `code_${side}-service-account`, "member");
const createdBucket = ref("google_storage_bucket", "code_storage_bucket", "name");

describe("GcsCodeStorage: defaults", () => {
  const { synth, json, storage } = synthStorage(defaults);

  it("creates one locked-down bucket: uniform access, public access prevention enforced, versioning, no force_destroy", () => {
    expect(resourcesOf(json, "google_storage_bucket")).toHaveLength(1);
    const [[, bucket]] = resourcesOf(json, "google_storage_bucket");
    expect(bucket).toEqual({
      name: BUCKET,
      project: PROJECT,
      location: "US",
      storage_class: "STANDARD",
      uniform_bucket_level_access: true,
      public_access_prevention: "enforced",
      versioning: { enabled: true },
      force_destroy: false,
    });
    expect(synth).toHaveResourceWithProperties(StorageBucket, { force_destroy: false, public_access_prevention: "enforced" });
    expect(storage.bucket).toBeDefined();
  });

  it("uses Google-managed encryption: no CMEK, no KMS grant, no API-calling data source, no lifecycle rule", () => {
    const [[, bucket]] = resourcesOf(json, "google_storage_bucket");
    expect(bucket).not.toHaveProperty("encryption");
    expect(bucket).not.toHaveProperty("lifecycle_rule");
    expect(bucket).not.toHaveProperty("depends_on");
    expect(synth).not.toHaveResource(KmsCryptoKeyIamMember);
    expect(json.data).toBeUndefined();
  });

  it("creates three custom roles holding exactly the permissions the steps use", () => {
    expect(resourcesOf(json, "google_project_iam_custom_role")).toHaveLength(3);
    const role = (key: string) => resourceOf(json, "google_project_iam_custom_role", `code_roles_${key}_`);
    expect(role("push")).toMatchObject({ project: PROJECT, role_id: `prefect_code_push_${STEM_ID}`, permissions: ["storage.objects.create", "storage.objects.delete"], stage: "GA" });
    expect(role("read")).toMatchObject({ project: PROJECT, role_id: `prefect_code_read_${STEM_ID}`, permissions: ["storage.objects.get"] });
    expect(role("list")).toMatchObject({ project: PROJECT, role_id: `prefect_code_list_${STEM_ID}`, permissions: ["storage.objects.list"] });
    for (const [, r] of resourcesOf(json, "google_project_iam_custom_role")) {
      expect(r.role_id).toMatch(/^[a-zA-Z0-9_.]{3,64}$/);
      expect(r.title.length).toBeLessThanOrEqual(100);
    }
    expect(synth).toHaveResourceWithProperties(ProjectIamCustomRole, { permissions: ["storage.objects.create", "storage.objects.delete"] });
  });

  it("creates a push and a pull service account in the project, each with one key", () => {
    expect(resourcesOf(json, "google_service_account")).toHaveLength(2);
    expect(resourcesOf(json, "google_service_account_key")).toHaveLength(2);
    for (const side of ["push", "pull"] as const) {
      const account = resourceOf(json, "google_service_account", `${side}-service-account`);
      expect(account.project).toBe(PROJECT);
      expect(account.account_id).toMatch(SA_ID);
      expect(account.account_id).toMatch(new RegExp(`^prefect-acme-flo-[0-9a-f]{8}-${side}$`));
      expect(account.account_id.length).toBeLessThanOrEqual(30);
      expect(synth).toHaveResourceWithProperties(ServiceAccountKey, {
        service_account_id: ref("google_service_account", `code_${side}-service-account`, "name"),
      });
    }
    expect(resourceOf(json, "google_service_account", "push-service-account").account_id).not.toBe(
      resourceOf(json, "google_service_account", "pull-service-account").account_id,
    );
  });

  it("binds exactly three roles on the bucket: push objects, pull objects (folder condition) and pull list (bucket)", () => {
    expect(bindings(json)).toEqual({
      "code_push-grant_objects": { bucket: createdBucket, member: saMember("push"), role: roleRef("push"), condition: pushCondition() },
      "code_pull-grant_objects": { bucket: createdBucket, member: saMember("pull"), role: roleRef("read"), condition: pullCondition() },
      "code_pull-grant_list": { bucket: createdBucket, member: saMember("pull"), role: roleRef("list") },
    });
  });

  it("never grants a predefined storage role, a project-level role, or object access without the folder condition", () => {
    for (const [, b] of resourcesOf(json, "google_storage_bucket_iam_member")) {
      expect(b.role).not.toMatch(/^roles\//);
      if (!b.role.includes("code_roles_list")) expect(b.condition.expression).toBe(folderExpression());
    }
    for (const type of ["google_project_iam_member", "google_project_iam_binding", "google_storage_bucket_iam_binding", "google_storage_bucket_iam_policy"]) {
      expect(json.resource[type]).toBeUndefined();
    }
  });

  it("creates two gcp-credentials blocks with the default names", () => {
    expect(resourcesOf(json, "prefect_block")).toHaveLength(2);
    expect(synth).toHaveResourceWithProperties(Block, { name: `${STEM}-push`, type_slug: "gcp-credentials" });
    expect(synth).toHaveResourceWithProperties(Block, { name: `${STEM}-pull`, type_slug: "gcp-credentials" });
    expect(storage.pushBlock).toBeInstanceOf(GcpCredentialsBlock);
    expect(storage.pullBlock?.blockName).toBe(`${STEM}-pull`);
  });

  it("block data nests the decoded key JSON as service_account_info and sets project; the key is an expression, never a literal", () => {
    for (const side of ["push", "pull"]) {
      const block = resourceOf(json, "prefect_block", `${side}-credentials`);
      expect(block).not.toHaveProperty("data_wo");
      expect(block.data).toMatch(/^\$\{jsonencode\(\{.*\}\)\}$/);
      expect(block.data).toMatch(
        new RegExp(`"service_account_info" = jsondecode\\(base64decode\\(google_service_account_key\\.code_${side}-key_[0-9A-F]{8}\\.private_key\\)\\)[,}]`),
      );
      expect(block.data).toContain(`"project" = "${PROJECT}"`);
      expect(block.data).not.toMatch(/"service_account_info" = "/);
      // Exactly the two fields, both in the block schema.
      const fields = [...block.data.matchAll(/"([a-z_]+)" =/g)].map((m: RegExpMatchArray) => m[1]);
      expect(fields.sort()).toEqual(["project", "service_account_info"]);
    }
    expect(storage.pushBlock?.data.project).toBe(PROJECT);
    expect(String(storage.pushBlock?.data.serviceAccountInfo)).toMatch(/TfToken/);
  });

  it("outputs the bucket, folder, block names and service account emails, nothing secret", () => {
    expect(json.output).toEqual({
      code_bucket_name: { description: expect.any(String), value: BUCKET },
      code_folder: { description: expect.any(String), value: FOLDER },
      code_push_block: { description: expect.any(String), value: `${STEM}-push` },
      code_pull_block: { description: expect.any(String), value: `${STEM}-pull` },
      code_push_service_account: { description: expect.any(String), value: ref("google_service_account", "code_push-service-account", "email") },
      code_pull_service_account: { description: expect.any(String), value: ref("google_service_account", "code_pull-service-account", "email") },
    });
    expect(JSON.stringify(json.output)).not.toMatch(/private_key|google_service_account_key/);
  });

  it("exposes bucket, folder, project, created accounts; no build steps and no ignore patterns", () => {
    expect(storage.bucketName).toBe(BUCKET);
    expect(storage.folder).toBe(FOLDER);
    expect(storage.project).toBe(PROJECT);
    expect(storage.pushServiceAccount).toBeInstanceOf(ServiceAccount);
    expect(storage.pullServiceAccount).toBeInstanceOf(ServiceAccount);
    expect(storage.buildSteps).toEqual([]);
    expect(storage.ignorePatterns).toEqual([]);
  });
});

describe("GcsCodeStorage: steps", () => {
  const { storage } = synthStorage(defaults);

  it("push step: push_to_gcs from prefect_gcp.deployments.steps (plural), id push_code, pinned, literal bucket and folder, its own block", () => {
    expect(storage.pushSteps).toHaveLength(1);
    expect(storage.pushSteps[0].toYaml()).toEqual({
      "prefect_gcp.deployments.steps.push_to_gcs": {
        id: "push_code",
        requires: "prefect-gcp>=0.4.3",
        bucket: BUCKET,
        folder: `${FOLDER}/`,
        credentials: `{{ prefect.blocks.gcp-credentials.${STEM}-push }}`,
      },
    });
  });

  it("pull step: pull_from_gcs reading bucket and folder from push_code (not pull_code), with its own block", () => {
    expect(storage.pullSteps).toHaveLength(1);
    expect(storage.pullSteps[0].shortName).toBe("pull_from_gcs");
    expect(storage.pullSteps[0].toYaml()).toEqual({
      "prefect_gcp.deployments.steps.pull_from_gcs": {
        id: "pull_code",
        requires: "prefect-gcp>=0.4.3",
        bucket: "{{ push_code.bucket }}",
        folder: "{{ push_code.folder }}",
        credentials: `{{ prefect.blocks.gcp-credentials.${STEM}-pull }}`,
      },
    });
  });

  it("both steps pass Prefect's step signatures", () => {
    for (const step of [...storage.pushSteps, ...storage.pullSteps]) expect(stepSignatureErrors(step.toYaml())).toEqual([]);
  });

  it("step factories: the pin, the outputs, and project/ignoreFile as optional parameters", () => {
    expect(PREFECT_GCP_REQUIRES).toBe("prefect-gcp>=0.4.3");
    const push = Steps.pushToGcs({ id: "p", bucket: "b", folder: "f", project: PROJECT, ignoreFile: ".ignore" });
    expect(push.kwargs).toEqual({ bucket: "b", folder: "f", project: PROJECT, ignore_file: ".ignore" });
    expect(stepSignatureErrors(push.toYaml())).toEqual([]);
    expect(String(push.output("folder"))).toBe("{{ p.folder }}");
    const pull = Steps.pullFromGcs({ bucket: "b", folder: "f", project: PROJECT });
    expect(stepSignatureErrors(pull.toYaml())).toEqual([]);
    expect(pull.definition.outputs).toEqual(["bucket", "folder", "directory"]);
  });

  it("a bucket name that is a Terraform token goes through a Prefect variable, never into the steps", () => {
    const { synth, json, storage } = synthStorage((stack) => ({
      project: PROJECT,
      bucketName: new TerraformVariable(stack, "bucket", { type: "string" }).stringValue,
      folder: FOLDER,
    }));
    expect(synth).toHaveResourceWithProperties(StorageBucket, { name: "${var.bucket}" });
    const [[, variable], ...more] = resourcesOf(json, "prefect_variable");
    expect(more).toEqual([]);
    expect(variable.value).toBe("${var.bucket}");
    expect(variable.name).toMatch(/^[a-z0-9_-]+$/);
    const rendered = JSON.stringify([...storage.pushSteps, ...storage.pullSteps].map((s) => s.toYaml()));
    expect(rendered).not.toMatch(/\$\{|TfToken/);
    expect(storage.pushSteps[0].renderKwargs().bucket).toBe(`{{ prefect.variables.${variable.name} }}`);
    expect(json.output.code_bucket_variable.value).toBe(variable.name);
    // Conditions use the Terraform expression; names fall back to the construct id.
    expect(bindings(json)["code_push-grant_objects"].condition.expression).toBe(folderExpression("${var.bucket}"));
    for (const [, block] of resourcesOf(json, "prefect_block")) expect(block.name).toMatch(/^code-(push|pull)$/);
    expect(resourceOf(json, "google_project_iam_custom_role", "roles_push").role_id).toBe("prefect_code_push_code");
  });

  it("a literal bucket name makes no Prefect variable", () => {
    const { synth, json } = synthStorage(defaults);
    expect(synth).not.toHaveResource(Variable);
    expect(json.output).not.toHaveProperty("code_bucket_variable");
  });
});

describe("GcsCodeStorage: options", () => {
  it("location and storageClass are honoured", () => {
    const { synth } = synthStorage({ ...defaults, location: "europe-west1", storageClass: GcsStorageClass.NEARLINE });
    expect(synth).toHaveResourceWithProperties(StorageBucket, { location: "europe-west1", storage_class: "NEARLINE" });
  });

  it("kmsKeyName: CMEK on the bucket; no grant to the service agent unless asked; identities get no KMS role", () => {
    const { synth, json } = synthStorage({ ...defaults, kmsKeyName: KMS_KEY });
    expect(synth).toHaveResourceWithProperties(StorageBucket, { encryption: { default_kms_key_name: KMS_KEY } });
    expect(synth).not.toHaveResource(KmsCryptoKeyIamMember);
    expect(json.data).toBeUndefined();
    expect(Object.keys(bindings(json)).sort()).toEqual(["code_pull-grant_list", "code_pull-grant_objects", "code_push-grant_objects"]);
  });

  it("grantKeyToStorageServiceAgent: the looked-up service agent gets encrypter/decrypter on the key before the bucket exists", () => {
    const { synth, json } = synthStorage({ ...defaults, kmsKeyName: KMS_KEY, grantKeyToStorageServiceAgent: true });
    expect(synth).toHaveDataSourceWithProperties(DataGoogleStorageProjectServiceAccount, { project: PROJECT });
    const [[grantId, grant], ...more] = resourcesOf(json, "google_kms_crypto_key_iam_member");
    expect(more).toEqual([]);
    expect(grant).toEqual({
      crypto_key_id: KMS_KEY,
      role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
      member: ref("data.google_storage_project_service_account", "code_storage_service-agent", "member"),
    });
    const [[, bucket]] = resourcesOf(json, "google_storage_bucket");
    expect(bucket.depends_on).toEqual([`google_kms_crypto_key_iam_member.${grantId}`]);
  });

  it("noncurrentVersionExpirationDays: deletes noncurrent versions after N days and aborts stale multipart uploads", () => {
    const { json } = synthStorage({ ...defaults, noncurrentVersionExpirationDays: 30 });
    const [[, bucket]] = resourcesOf(json, "google_storage_bucket");
    expect(bucket.lifecycle_rule).toEqual([
      { action: { type: "Delete" }, condition: { days_since_noncurrent_time: 30 } },
      { action: { type: "AbortIncompleteMultipartUpload" }, condition: { age: 7 } },
    ]);
    expect(bucket.versioning).toEqual({ enabled: true });
  });

  it("existingBucketName: nothing about the bucket is created; bindings and conditions name it", () => {
    const existing = "their-existing-bucket";
    const { synth, json, storage } = synthStorage({ project: PROJECT, existingBucketName: existing, folder: FOLDER });
    expect(synth).not.toHaveResource(StorageBucket);
    expect(json.data).toBeUndefined();
    expect(storage.bucket).toBeUndefined();
    expect(bindings(json)).toEqual({
      "code_push-grant_objects": { bucket: existing, member: saMember("push"), role: roleRef("push"), condition: pushCondition(existing) },
      "code_pull-grant_objects": { bucket: existing, member: saMember("pull"), role: roleRef("read"), condition: pullCondition(existing) },
      "code_pull-grant_list": { bucket: existing, member: saMember("pull"), role: roleRef("list") },
    });
    expect(storage.pushSteps[0].renderKwargs().bucket).toBe(existing);
  });

  it("pushIdentity existing: no push account, key or block; the account gets the push binding; the step runs keyless with project", () => {
    const { synth, json, storage } = synthStorage({ ...defaults, pushIdentity: GcsIdentity.existing(CI) });
    expect(resourcesOf(json, "google_service_account").map(([id]) => id)).toEqual([expect.stringContaining("pull-service-account")]);
    expect(resourcesOf(json, "google_service_account_key")).toHaveLength(1);
    expect(resourcesOf(json, "prefect_block").map(([, b]) => b.name)).toEqual([`${STEM}-pull`]);
    expect(storage.pushBlock).toBeUndefined();
    expect(storage.pushServiceAccount).toBeUndefined();
    expect(synth).toHaveResourceWithProperties(StorageBucketIamMember, { member: `serviceAccount:${CI}`, role: roleRef("push"), condition: pushCondition() });
    expect(storage.pushSteps[0].toYaml()).toEqual({
      "prefect_gcp.deployments.steps.push_to_gcs": { id: "push_code", requires: "prefect-gcp>=0.4.3", bucket: BUCKET, folder: `${FOLDER}/`, project: PROJECT },
    });
    expect(storage.pullSteps[0].renderKwargs()).not.toHaveProperty("project");
    expect(storage.pullSteps[0].renderKwargs().credentials).toBe(`{{ prefect.blocks.gcp-credentials.${STEM}-pull }}`);
    expect(json.output.code_push_block).toBeUndefined();
    expect(json.output.code_push_service_account.value).toBe(CI);
  });

  it("pullIdentity existing: no pull account, key or block; the account gets get (folder) and list (bucket)", () => {
    const { json, storage } = synthStorage({ ...defaults, pullIdentity: GcsIdentity.existing(WORKER) });
    expect(resourcesOf(json, "prefect_block").map(([, b]) => b.name)).toEqual([`${STEM}-push`]);
    expect(storage.pullBlock).toBeUndefined();
    const b = bindings(json);
    expect(b["code_pull-grant_objects"]).toEqual({ bucket: createdBucket, member: `serviceAccount:${WORKER}`, role: roleRef("read"), condition: pullCondition() });
    expect(b["code_pull-grant_list"]).toEqual({ bucket: createdBucket, member: `serviceAccount:${WORKER}`, role: roleRef("list") });
    expect(storage.pullSteps[0].toYaml()).toEqual({
      "prefect_gcp.deployments.steps.pull_from_gcs": {
        id: "pull_code",
        requires: "prefect-gcp>=0.4.3",
        bucket: "{{ push_code.bucket }}",
        folder: "{{ push_code.folder }}",
        project: PROJECT,
      },
    });
    expect(json.output.code_pull_service_account.value).toBe(WORKER);
  });

  it("both identities existing: no account, key or block at all; neither step carries credentials", () => {
    const { synth, json, storage } = synthStorage({ ...defaults, pushIdentity: GcsIdentity.existing(CI), pullIdentity: GcsIdentity.existing(WORKER) });
    expect(synth).not.toHaveResource(ServiceAccount);
    expect(synth).not.toHaveResource(ServiceAccountKey);
    expect(synth).not.toHaveResource(Block);
    for (const step of [...storage.pushSteps, ...storage.pullSteps]) {
      expect(step.renderKwargs()).not.toHaveProperty("credentials");
      expect(step.renderKwargs().project).toBe(PROJECT);
    }
    expect(Object.values(bindings(json)).map((b: any) => b.member).sort()).toEqual([`serviceAccount:${WORKER}`, `serviceAccount:${WORKER}`, `serviceAccount:${CI}`].sort());
    expect(json.output).not.toHaveProperty("code_push_block");
    expect(json.output).not.toHaveProperty("code_pull_block");
  });

  it("a project only known after apply reaches keyless steps through a Prefect variable", () => {
    const { json, storage } = synthStorage((stack) => ({
      ...defaults,
      project: new TerraformVariable(stack, "project", { type: "string" }).stringValue,
      pushIdentity: GcsIdentity.existing(CI),
      pullIdentity: GcsIdentity.existing(WORKER),
    }));
    const variables = resourcesOf(json, "prefect_variable").map(([, v]) => v);
    expect(variables).toEqual([{ name: `${STEM_ID}_project`, value: "${var.project}" }]);
    for (const step of [...storage.pushSteps, ...storage.pullSteps]) {
      expect(step.renderKwargs().project).toBe(`{{ prefect.variables.${STEM_ID}_project }}`);
    }
  });

  it("serviceAccount({accountId}) is honoured; block names do not follow it", () => {
    const { synth, json } = synthStorage({
      ...defaults,
      pushIdentity: GcsIdentity.serviceAccount({ accountId: "ci-uploader" }),
      pullIdentity: GcsIdentity.serviceAccount({ accountId: "worker-downloader" }),
    });
    expect(synth).toHaveResourceWithProperties(ServiceAccount, { account_id: "ci-uploader", project: PROJECT });
    expect(resourcesOf(json, "google_service_account").map(([, a]) => a.account_id).sort()).toEqual(["ci-uploader", "worker-downloader"]);
    expect(resourcesOf(json, "prefect_block").map(([, b]) => b.name).sort()).toEqual([`${STEM}-pull`, `${STEM}-push`]);
  });

  it("default account IDs fit GCP's 30 characters for a long name, stable, distinct, and keep their side", () => {
    const props = { ...defaults, bucketName: `acme-${"a".repeat(48)}-flow-code`, folder: "flows/etl/nightly" };
    const ids = (json: any) => Object.fromEntries(resourcesOf(json, "google_service_account").map(([id, a]) => [id.includes("push") ? "push" : "pull", a.account_id]));
    const first = ids(synthStorage(props).json);
    expect(ids(synthStorage(props).json)).toEqual(first);
    expect(first.push).not.toBe(first.pull);
    for (const side of ["push", "pull"]) {
      expect(first[side].length).toBeLessThanOrEqual(30);
      expect(first[side]).toMatch(SA_ID);
      expect(first[side]).toMatch(new RegExp(`^prefect-acme-a+-[0-9a-f]{8}-${side}$`));
    }
    // A short stem is left as it is.
    expect(ids(synthStorage({ ...defaults, blockNamePrefix: "etl" }).json)).toEqual({ push: "prefect-etl-push", pull: "prefect-etl-pull" });
  });

  it("grantPull / grantPush bind the pull / push roles to other members, under the same conditions", () => {
    let pull: GcsFolderGrant | undefined;
    let push: GcsFolderGrant | undefined;
    const principalSet = "principalSet://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/attribute.repository/acme/etl";
    const { json } = synthStorage(defaults, (storage) => {
      const pullGrant = storage.grantPull("group:analysts@acme.example");
      const pushGrant = storage.grantPush(principalSet);
      // The grants are typed as constructs; on GCS they are GcsFolderGrants with their bindings.
      expect(pullGrant).toBeInstanceOf(GcsFolderGrant);
      expect(pushGrant).toBeInstanceOf(GcsFolderGrant);
      pull = pullGrant as GcsFolderGrant;
      push = pushGrant as GcsFolderGrant;
    });
    expect(pull?.bindings).toHaveLength(2);
    expect(push?.bindings).toHaveLength(1);
    expect(pull?.bindings[0]).toBeInstanceOf(StorageBucketIamMember);
    const b = bindings(json);
    expect(Object.keys(b)).toHaveLength(6);
    expect(b["code_grant-pull-group_analysts_acme_example_objects"]).toEqual({ bucket: createdBucket, member: "group:analysts@acme.example", role: roleRef("read"), condition: pullCondition() });
    expect(b["code_grant-pull-group_analysts_acme_example_list"]).toEqual({ bucket: createdBucket, member: "group:analysts@acme.example", role: roleRef("list") });
    const [pushGrant] = Object.entries(b).filter(([id]) => id.startsWith("code_grant-push-"));
    expect(pushGrant[1]).toEqual({ bucket: createdBucket, member: principalSet, role: roleRef("push"), condition: pushCondition() });
    // Still exactly three custom roles: grants reuse them.
    expect(resourcesOf(json, "google_project_iam_custom_role")).toHaveLength(3);
  });

  it("grantPull / grantPush refuse public and malformed members, naming path, value and rule", () => {
    const stack = new TerraformStack(Testing.app(), STACK);
    const storage = new GcsCodeStorage(stack, "code", defaults);
    expect(() => (storage.grantPull("allUsers"), reported(storage))).toThrow(
      /Invalid configuration for 'test-stack\/code\/grant-pull-allUsers'[\s\S]*member "allUsers": is public.*\[GcpIamMember\]/,
    );
    expect(() => (storage.grantPush("ci@acme.iam.gserviceaccount.com", { id: "ci" }), reported(storage))).toThrow(
      /member "ci@acme\.iam\.gserviceaccount\.com": must be a member identifier[\s\S]*Fix: use "serviceAccount:ci@acme\.iam\.gserviceaccount\.com"/,
    );
  });

  it('grantRoles "predefined": no custom roles; objectUser / objectViewer under the folder condition, legacyBucketReader for the listing', () => {
    const { synth, json } = synthStorage({ ...defaults, grantRoles: GcsGrantRoles.PREDEFINED });
    expect(synth).not.toHaveResource(ProjectIamCustomRole);
    expect(bindings(json)).toEqual({
      "code_push-grant_objects": { bucket: createdBucket, member: saMember("push"), role: "roles/storage.objectUser", condition: pushCondition() },
      "code_pull-grant_objects": { bucket: createdBucket, member: saMember("pull"), role: "roles/storage.objectViewer", condition: pullCondition() },
      "code_pull-grant_list": { bucket: createdBucket, member: saMember("pull"), role: "roles/storage.legacyBucketReader" },
    });
    // Never the create-only role that breaks the second deploy, never admin roles.
    expect(synth).not.toMatch(/objectCreator|objectAdmin|storage\.admin/);
  });

  it("restrictListingToFolder: the list binding holds only for list requests whose prefix is inside the folder", () => {
    const { json } = synthStorage({ ...defaults, restrictListingToFolder: true });
    const attr = 'api.getAttribute("storage.googleapis.com/objectListPrefix", "")';
    expect(bindings(json)["code_pull-grant_list"]).toEqual({
      bucket: createdBucket,
      member: saMember("pull"),
      role: roleRef("list"),
      condition: {
        title: "prefect-code-list",
        description: `Only listings of gs://${BUCKET}/${FOLDER}/`,
        expression: `${attr} == "${FOLDER}" || ${attr}.startsWith("${FOLDER}/")`,
      },
    });
  });

  it("blockNamePrefix names both blocks, the default accounts and the custom roles", () => {
    const { synth, json, storage } = synthStorage({ ...defaults, blockNamePrefix: "etl-code" });
    expect(resourcesOf(json, "prefect_block").map(([, b]) => b.name).sort()).toEqual(["etl-code-pull", "etl-code-push"]);
    expect(synth).toHaveResourceWithProperties(ServiceAccount, { account_id: "prefect-etl-code-push" });
    expect(synth).toHaveResourceWithProperties(ProjectIamCustomRole, { role_id: "prefect_code_push_etl_code" });
    expect(storage.pushSteps[0].renderKwargs().credentials).toBe("{{ prefect.blocks.gcp-credentials.etl-code-push }}");
  });

  it("writeOnlyBlocks: blocks carry data_wo and data_wo_version 1, and no data", () => {
    const { json } = synthStorage({ ...defaults, writeOnlyBlocks: true });
    const blocks = resourcesOf(json, "prefect_block");
    expect(blocks).toHaveLength(2);
    for (const [, block] of blocks) {
      expect(block).not.toHaveProperty("data");
      expect(block.data_wo_version).toBe(1);
      expect(block.data_wo).toMatch(/"service_account_info" = jsondecode\(base64decode\(google_service_account_key\./);
    }
  });

  it("folderFromEnv: the push step writes to <folder>/{{ $VAR }}, conditions stay on <folder>/", () => {
    const { json, storage } = synthStorage({ ...defaults, folderFromEnv: "PREFECT_ENV", restrictListingToFolder: true });
    expect(storage.pushSteps[0].renderKwargs().folder).toBe(`${FOLDER}/{{ $PREFECT_ENV }}/`);
    expect(storage.pullSteps[0].renderKwargs().folder).toBe("{{ push_code.folder }}");
    const b = bindings(json);
    expect(b["code_push-grant_objects"].condition).toEqual(pushCondition());
    // The list prefix is then `<folder>/<env>`, inside `<folder>/`.
    expect(b["code_pull-grant_list"].condition.expression).toContain(`.startsWith("${FOLDER}/")`);
    expect(json.output.code_folder.value).toBe(FOLDER);
  });

  it("a folder with a double quote is escaped inside the CEL string literal", () => {
    const { json } = synthStorage({ ...defaults, folder: 'flows/"etl"' });
    expect(bindings(json)["code_push-grant_objects"].condition.expression).toBe(
      'resource.name.startsWith("projects/_/buckets/acme-flow-code/objects/flows/\\"etl\\"/")',
    );
  });

  it("prefectIgnore patterns are exposed as given", () => {
    expect(synthStorage({ ...defaults, prefectIgnore: ["data/"] }).storage.ignorePatterns).toEqual(["data/"]);
  });
});

describe("gcp-credentials block", () => {
  it("every field of GcpCredentialsData maps to a field of Prefect's block schema, with the same required-ness", () => {
    const parsed = parseInterfaces(path.join(__dirname, "..", "packages", "core", "src", "prefect", "blocks", "gcp-credentials.ts")).get("GcpCredentialsData")!;
    const schema = blockSchema("gcp-credentials");
    const required = new Set(schema.required ?? []);
    const fields = GcpCredentialsBlock.FIELDS as Record<string, string>;
    expect(parsed.properties.map((p) => p.name).sort()).toEqual(Object.keys(fields).sort());
    expect(Object.values(fields).sort()).toEqual(Object.keys(schema.properties).sort());
    for (const p of parsed.properties) expect({ field: p.name, optional: p.optional }).toEqual({ field: p.name, optional: !required.has(fields[p.name]) });
  });

  it("service_account_info must be an object (the decoded key), which is why the key is decoded before jsonencode", () => {
    const keyJson = { type: "service_account", project_id: PROJECT, private_key_id: "sample", client_email: CI };
    expect(blockDataErrors("gcp-credentials", { service_account_info: keyJson, project: PROJECT })).toEqual([]);
    expect(blockDataErrors("gcp-credentials", { service_account_info: "eyJ0eXBlIjoi...", project: PROJECT }).join()).toMatch(/must be object/);
  });

  it("a whole-block reference is a dict (for credentials), a field reference a string", () => {
    const stack = new TerraformStack(Testing.app(), "blocks");
    new PrefectProvider(stack, "prefect");
    const block = new GcpCredentialsBlock(stack, "creds", { name: "ci", data: { project: PROJECT } });
    expect(block.reference().isString).toBe(false);
    expect(String(block.reference())).toBe("{{ prefect.blocks.gcp-credentials.ci }}");
    expect(String(block.fieldReference("project"))).toBe("{{ prefect.blocks.gcp-credentials.ci.project }}");
    expect(String(block.fieldReference("serviceAccountInfo"))).toBe("{{ prefect.blocks.gcp-credentials.ci.service_account_info }}");
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

/** The ValidationError thrown while building the storage. */
function validationErrorOf(props: GcsCodeStorageProps): ValidationError {
  return captureValidationError(() => synthStorage(props), props);
}

const { expectProblem, expectOnlyProblem } = problemAssertionsAt(PATH);

describe("GcsCodeStorage: bad bucket names", () => {
  const cases: Array<[string, string, string | RegExp, string | null]> = [
    ["too short", "ab", "is 2 characters long; Cloud Storage allows 3 to 63", null],
    ["64 characters without dots", "a".repeat(64), "is 64 characters long; Cloud Storage allows 3 to 63", null],
    ["223 characters with dots", `${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(40)}`, "is 223 characters long; Cloud Storage allows 3 to 222", null],
    ["a dot-separated part over 63", `${"a".repeat(64)}.example.com`, "has a dot-separated part longer than 63 characters", null],
    ["uppercase", "AcmeFlowCode", "may contain only lowercase letters, digits, dashes, underscores and dots", 'use a name such as "acmeflowcode"'],
    ["a space", "acme flow", "may contain only lowercase letters", 'use a name such as "acme-flow"'],
    ["starts with a dash", "-acme-code", "must begin and end with a lowercase letter or digit", null],
    ["ends with an underscore", "acme_code_", "must begin and end with a lowercase letter or digit", null],
    ["adjacent dots", "acme..code", "must not contain two adjacent dots", null],
    ["IP address form", "192.168.5.4", "must not be formatted as an IP address", null],
    ["goog prefix", "goog-flow-code", "must not begin with the 'goog' prefix", null],
    ["contains google", "acme-google-code", "must not contain 'google'", null],
    ["misspelled g00gle", "acme-g00gle-code", "must not contain 'google'", null],
  ];

  it.each(cases)("%s: %s", (_label, name, problem, fix) => {
    const error = validationErrorOf({ ...defaults, bucketName: name });
    expectProblem(error, { prop: "bucketName", value: name, rule: "GcsBucketName", problem, fix });
    expect(error.problems.every((p) => p.rule === "GcsBucketName")).toBe(true);
  });

  it("underscores and names with dots within the limits are accepted", () => {
    expect(() => synthStorage({ ...defaults, bucketName: "acme_flow_code" })).not.toThrow();
    expect(() => synthStorage({ ...defaults, bucketName: `${"a".repeat(63)}.acme.example` })).not.toThrow();
  });

  it("existingBucketName is held to the same rules, reported under its own name", () => {
    const error = validationErrorOf({ project: PROJECT, existingBucketName: "Their_Bucket", folder: FOLDER });
    expectProblem(error, {
      prop: "existingBucketName",
      value: "Their_Bucket",
      rule: "GcsBucketName",
      problem: "may contain only lowercase letters",
      fix: 'use a name such as "their_bucket"',
    });
  });
});

describe("GcsCodeStorage: other bad input", () => {
  it.each([
    ["display name", "Acme Prefect", "may contain only lowercase letters, digits and hyphens (it is the ID, not the display name)"],
    ["project number", "123456789012", "is a project number; give the project ID"],
    ["too short", "acme", "is 4 characters long; project IDs are 6 to 30"],
    ["ends with a hyphen", "acme-prefect-", "must not end with a hyphen"],
  ])("bad project (%s)", (_label, project, problem) => {
    expectProblem(validationErrorOf({ ...defaults, project }), { prop: "project", value: project, rule: "GcpProjectId", problem, fix: null });
  });

  it.each([
    ["empty", "", "is empty; grants would cover the whole bucket", 'use a folder such as "flows"'],
    ["trailing /", "flows/etl/", "ends with '/'", 'use "flows/etl"'],
    ["'..' segment", "flows/../secrets", "contains a '..' segment", 'use "flows/secrets"'],
    ["wildcard", "flows/*", "contains a wildcard", null],
  ])("bad folder (%s) via the shared rule", (_label, folder, problem, fix) => {
    expectProblem(validationErrorOf({ ...defaults, folder }), { prop: "folder", value: folder, rule: "StorageFolder", problem, fix });
  });

  it("bad folderFromEnv and blockNamePrefix via the shared rules", () => {
    const error = validationErrorOf({ ...defaults, folderFromEnv: "PREFECT-ENV", blockNamePrefix: "Etl_Code" });
    expectProblem(error, { prop: "folderFromEnv", value: "PREFECT-ENV", rule: "EnvVarName", problem: "must match", fix: 'use "PREFECT_ENV"' });
    expectProblem(error, { prop: "blockNamePrefix", value: "Etl_Code", rule: "BlockName", problem: "must match", fix: 'use "etl-code"' });
  });

  it.each([
    ["too short", "ci", "is 2 characters long; service account IDs are 6 to 30", null],
    ["too long", "c".repeat(31), "is 31 characters long; service account IDs are 6 to 30", null],
    ["uppercase", "CI-Uploader", "may contain only lowercase letters, digits and hyphens", 'use "ci-uploader"'],
    ["starts with a digit", "1ci-uploader", "must begin with a lowercase letter", null],
    ["ends with a hyphen", "ci-uploader-", "must not end with a hyphen", null],
  ])("bad service account ID (%s)", (_label, accountId, problem, fix) => {
    const error = validationErrorOf({ ...defaults, pushIdentity: GcsIdentity.serviceAccount({ accountId }) });
    expectProblem(error, { prop: "pushIdentity.accountId", value: accountId, rule: "GcpServiceAccountId", problem, fix });
  });

  it.each([
    ["member prefix", `serviceAccount:${WORKER}`, "must be the email alone", `use "${WORKER}"`],
    ["user email", "alice@acme.example", "must be a service account email ending in .gserviceaccount.com", null],
    ["account ID only", "prefect-worker", "must be a service account email", null],
  ])("bad existing service account (%s)", (_label, email, problem, fix) => {
    const error = validationErrorOf({ ...defaults, pullIdentity: GcsIdentity.existing(email) });
    expectProblem(error, { prop: "pullIdentity.email", value: email, rule: "GcpServiceAccountEmail", problem, fix });
  });

  it("both bucketName and existingBucketName / neither", () => {
    expectProblem(validationErrorOf({ ...defaults, existingBucketName: "other-bucket" }), {
      prop: "bucketName",
      value: BUCKET,
      rule: "GcsBucketSource",
      problem: "set exactly one of bucketName (create) and existingBucketName (reuse)",
      fix: null,
    });
    const neither = validationErrorOf({ project: PROJECT, folder: FOLDER });
    expectOnlyProblem(neither, { prop: "bucketName", value: undefined, rule: "GcsBucketSource", problem: "set exactly one of", fix: null });
  });

  it.each([
    ["location", "EU", "set the location where the bucket is defined"],
    ["storageClass", "STANDARD", "set the storage class where the bucket is defined"],
    ["noncurrentVersionExpirationDays", 30, "set the lifecycle rule where the bucket is defined"],
    ["kmsKeyName", KMS_KEY, "drop it: with CMEK, Cloud Storage's service agent uses the key, the push and pull identities need no KMS grant"],
    ["grantKeyToStorageServiceAgent", true, "grant the key where the bucket and key are defined"],
  ] as const)("%s with an existing bucket", (prop, value, fix) => {
    const error = validationErrorOf({ project: PROJECT, existingBucketName: "their-bucket", folder: FOLDER, [prop]: value });
    expectOnlyProblem(error, { prop, value, rule: "GcsExistingBucket", problem: "cannot be applied to an existing bucket", fix });
  });

  it.each([[1.5], [0], [-3]])("noncurrentVersionExpirationDays %p is not a whole number of days >= 1", (days) => {
    expectProblem(validationErrorOf({ ...defaults, noncurrentVersionExpirationDays: days }), {
      prop: "noncurrentVersionExpirationDays",
      value: days,
      rule: "GcsLifecycle",
      problem: "must be a whole number of days, at least 1",
      fix: null,
    });
  });

  it("grantKeyToStorageServiceAgent without kmsKeyName", () => {
    expectProblem(validationErrorOf({ ...defaults, grantKeyToStorageServiceAgent: true }), {
      prop: "grantKeyToStorageServiceAgent",
      value: true,
      rule: "GcsKms",
      problem: "needs kmsKeyName",
      fix: "set kmsKeyName or drop grantKeyToStorageServiceAgent",
    });
  });

  it("kmsKeyName: malformed, a key version, or in another location than the bucket", () => {
    expectProblem(validationErrorOf({ ...defaults, kmsKeyName: "flow-code-key" }), {
      prop: "kmsKeyName",
      value: "flow-code-key",
      rule: "GcpKmsKeyName",
      problem: "must look like projects/",
      fix: null,
    });
    const version = `${KMS_KEY}/cryptoKeyVersions/1`;
    expectProblem(validationErrorOf({ ...defaults, kmsKeyName: version }), { prop: "kmsKeyName", value: version, rule: "GcpKmsKeyName", problem: "must look like", fix: `use "${KMS_KEY}"` });
    expectProblem(validationErrorOf({ ...defaults, location: "europe-west1", kmsKeyName: KMS_KEY }), {
      prop: "kmsKeyName",
      value: KMS_KEY,
      rule: "GcsKmsKeyLocation",
      problem: 'is in location "us", but the bucket is in "europe-west1"',
      fix: 'use a key in "europe-west1"',
    });
    // A dual-region is left to Google; a matching multi-region passes.
    expect(() => synthStorage({ ...defaults, location: "EUR4", kmsKeyName: KMS_KEY })).not.toThrow();
    expect(() => synthStorage({ ...defaults, location: "us", kmsKeyName: KMS_KEY })).not.toThrow();
  });

  it("bad location, storage class and grantRoles", () => {
    const error = validationErrorOf({ ...defaults, location: "europe west", storageClass: "HOT" as any, grantRoles: "minimal" as any });
    expectProblem(error, { prop: "location", value: "europe west", rule: "GcsLocation", problem: "must be a multi-region", fix: null });
    expectProblem(error, { prop: "storageClass", value: "HOT", rule: "GcsStorageClass", problem: "must be one of STANDARD, NEARLINE, COLDLINE, ARCHIVE", fix: null });
    expectProblem(error, { prop: "grantRoles", value: "minimal", rule: "GcsGrantRoles", problem: 'must be "custom" or "predefined"', fix: "use GcsGrantRoles.CUSTOM or GcsGrantRoles.PREDEFINED" });
  });

  it("restrictListingToFolder with predefined roles", () => {
    expectProblem(validationErrorOf({ ...defaults, grantRoles: GcsGrantRoles.PREDEFINED, restrictListingToFolder: true }), {
      prop: "restrictListingToFolder",
      value: true,
      rule: "GcsListRestriction",
      problem: "needs custom roles",
      fix: "use grantRoles: GcsGrantRoles.CUSTOM or drop restrictListingToFolder",
    });
  });

  it("reports several problems together in one error, each with its own rule", () => {
    const error = validationErrorOf({
      project: "Acme",
      bucketName: "Google_Code",
      folder: "/flows/",
      noncurrentVersionExpirationDays: 0,
      pushIdentity: GcsIdentity.serviceAccount({ accountId: "CI" }),
      pullIdentity: GcsIdentity.existing("worker"),
    });
    expect([...new Set(error.problems.map((p) => p.rule))].sort()).toEqual([
      "GcpProjectId",
      "GcpServiceAccountEmail",
      "GcpServiceAccountId",
      "GcsBucketName",
      "GcsLifecycle",
      "StorageFolder",
    ]);
    expectOneLinePerProblem(error);
    for (const v of ['"Acme"', '"Google_Code"', '"/flows/"', '"CI"', '"worker"']) expect(error.message).toContain(v);
  });

  it("reports the full path when nested deeper in the tree", () => {
    const stack = new TerraformStack(Testing.app(), STACK);
    const team = new Construct(stack, "team-a");
    expect(() => reported(new GcsCodeStorage(team, "code", { ...defaults, bucketName: "ab" }))).toThrow(`Invalid configuration for '${STACK}/team-a/code'`);
  });

  it("a valid configuration with every option throws nothing", () => {
    expect(() =>
      synthStorage({
        ...defaults,
        location: "us",
        storageClass: GcsStorageClass.STANDARD,
        kmsKeyName: KMS_KEY,
        grantKeyToStorageServiceAgent: true,
        noncurrentVersionExpirationDays: 1,
        folderFromEnv: "PREFECT_ENV",
        blockNamePrefix: "etl",
        restrictListingToFolder: true,
        writeOnlyBlocks: true,
        pushIdentity: GcsIdentity.existing(CI),
        pullIdentity: GcsIdentity.serviceAccount({ accountId: "prefect-puller" }),
      }),
    ).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// The example stacks, synthesized as `npm run synth` does
// ---------------------------------------------------------------------------------------------

interface ExampleStack {
  config: any;
  files: Record<string, string>;
  prefectYaml: any;
}

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "gcs-stacks-"));
const flowProjectDir = path.join(outdir, "flow-project");
const examples: Record<string, ExampleStack> = (() => {
  const app = new App({ outdir });
  new GcsKeysStack(app, "gcs-keys", { flowProjectDir: path.join(flowProjectDir, "gcs-keys") });
  new GcsKeylessStack(app, "gcs-keyless");
  app.synth();
  return Object.fromEntries(
    ["gcs-keys", "gcs-keyless"].map((name) => {
      const dir = path.join(outdir, "stacks", name);
      const files: Record<string, string> = {};
      for (const f of fs.readdirSync(dir)) if (f !== "cdk.tf.json") files[f] = fs.readFileSync(path.join(dir, f), "utf8");
      return [name, { config: JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")), files, prefectYaml: parse(files["prefect.yaml"]) }];
    }),
  );
})();
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
const prefectBlocks = (s: ExampleStack): any[] => Object.values(s.config.resource?.prefect_block ?? {});

describe.each(Object.entries(examples))("example stack %s", (_name, stack) => {
  it("writes prefect.yaml that validates against Prefect's JSON schema", () => {
    expect(prefectYamlSchemaErrors(stack.prefectYaml)).toEqual([]);
  });

  it("uses only real step functions with their real parameters", () => {
    const steps = stepsOf(stack.prefectYaml);
    expect(steps.map((s) => Object.keys(s.step)[0])).toEqual([
      "prefect_gcp.deployments.steps.push_to_gcs",
      "prefect_gcp.deployments.steps.pull_from_gcs",
    ]);
    for (const { where, step } of steps) expect({ where, errors: stepSignatureErrors(step) }).toEqual({ where, errors: [] });
  });

  it("pulls from the push step's outputs, as the facts sheet says (not the guide's pull_code.folder)", () => {
    const pull = stack.prefectYaml.pull[0]["prefect_gcp.deployments.steps.pull_from_gcs"];
    expect(pull).toMatchObject({ id: "pull_code", requires: "prefect-gcp>=0.4.3", bucket: "{{ push_code.bucket }}", folder: "{{ push_code.folder }}" });
    expect(stack.files["prefect.yaml"]).not.toContain("pull_code.folder");
    expect(stack.files["prefect.yaml"]).not.toContain("prefect_gcp.deployment.steps");
  });

  it("references only blocks that a prefect_block of this stack creates with that slug and name", () => {
    const created = new Set(prefectBlocks(stack).map((b) => `${b.type_slug}/${b.name}`));
    for (const ref of blockReferences(stack.prefectYaml)) expect(created).toContain(`${ref.slug}/${ref.name}`);
    expect(blockReferences(stack.prefectYaml).length).toBe(created.size);
  });

  it("leaks no Terraform token into any generated file", () => {
    expect(Object.keys(stack.files).sort()).toEqual([".prefectignore", "prefect.yaml"]);
    for (const [file, text] of Object.entries(stack.files)) {
      expect({ file, leaks: text.match(/\$\{|TfToken|TOKEN\.\d+/g) }).toEqual({ file, leaks: null });
    }
  });

  it("puts no secret literal in cdk.tf.json: block data is an expression over the key attribute", () => {
    const json = JSON.stringify(stack.config);
    expect(json).not.toMatch(/-----BEGIN|"private_key":|"private_key_id"|service_account_info\\" = \\"/);
    for (const b of prefectBlocks(stack)) expect(b.data ?? b.data_wo).toMatch(/^\$\{jsonencode\(\{.*\}\)\}$/);
  });

  it("binds object access only under the folder condition and never a public member", () => {
    for (const b of Object.values(stack.config.resource.google_storage_bucket_iam_member) as any[]) {
      expect(b.member).not.toMatch(/^all(Authenticated)?Users$/);
      if (b.role.includes("roles_list")) expect(b.condition).toBeUndefined();
      else expect(b.condition.expression).toMatch(/^resource\.name\.startsWith\("projects\/_\/buckets\/acme-prefect-flow-code-gcs[a-z-]*\/objects\/(etl|reports)\/"\)$/);
    }
  });
});

describe("gcs-keys example", () => {
  const stack = examples["gcs-keys"];

  it("is the gcs recipe with one gcp-credentials block per side", () => {
    const push = stack.prefectYaml.push[0]["prefect_gcp.deployments.steps.push_to_gcs"];
    const pull = stack.prefectYaml.pull[0]["prefect_gcp.deployments.steps.pull_from_gcs"];
    expect(push).toEqual({
      id: "push_code",
      requires: "prefect-gcp>=0.4.3",
      bucket: "acme-prefect-flow-code-gcs",
      folder: "etl/",
      credentials: "{{ prefect.blocks.gcp-credentials.acme-prefect-flow-code-gcs-etl-push }}",
    });
    expect(pull.credentials).toBe("{{ prefect.blocks.gcp-credentials.acme-prefect-flow-code-gcs-etl-pull }}");
    expect(blockReferences(stack.prefectYaml).map((r) => r.slug)).toEqual(["gcp-credentials", "gcp-credentials"]);
  });

  it("fills each block with schema fields from its own key, the key JSON decoded into an object", () => {
    const blocks = prefectBlocks(stack);
    expect(blocks).toHaveLength(2);
    for (const b of blocks) {
      const side = b.name.endsWith("-push") ? "push" : "pull";
      expect(b.type_slug).toBe("gcp-credentials");
      expect(b.data).toMatch(new RegExp(`jsondecode\\(base64decode\\(google_service_account_key\\.flow-code_${side}-key_[0-9A-F]{8}\\.private_key\\)\\)`));
      // Fill the fields as Terraform would: the decoded key is an object, the project a string.
      const fields = [...b.data.matchAll(/"([a-z_]+)" =/g)].map((m: RegExpMatchArray) => m[1]);
      const sample = Object.fromEntries(fields.map((f) => [f, f === "service_account_info" ? { type: "service_account" } : "acme-prefect"]));
      expect(blockDataErrors("gcp-credentials", sample)).toEqual([]);
      expect(fields.sort()).toEqual(["project", "service_account_info"]);
    }
  });

  it("creates the bucket, two accounts with keys, three custom roles; outputs names and emails but no secret", () => {
    const r = stack.config.resource;
    expect(Object.keys(r.google_storage_bucket)).toHaveLength(1);
    expect(Object.keys(r.google_service_account)).toHaveLength(2);
    expect(Object.keys(r.google_service_account_key)).toHaveLength(2);
    expect(Object.keys(r.google_project_iam_custom_role)).toHaveLength(3);
    expect(Object.keys(stack.config.output).sort()).toEqual([
      "flow-code_bucket_name",
      "flow-code_folder",
      "flow-code_pull_block",
      "flow-code_pull_service_account",
      "flow-code_push_block",
      "flow-code_push_service_account",
    ]);
    expect(JSON.stringify(stack.config.output)).not.toMatch(/private_key|secret/);
  });

  it("also writes prefect.yaml and .prefectignore into the flow project directory", () => {
    const dir = path.join(flowProjectDir, "gcs-keys");
    expect(fs.readFileSync(path.join(dir, "prefect.yaml"), "utf8")).toBe(stack.files["prefect.yaml"]);
    expect(fs.readFileSync(path.join(dir, ".prefectignore"), "utf8").split("\n")).toEqual(expect.arrayContaining([".git/", ".venv/", "data/", "*.parquet"]));
  });
});

describe("gcs-keyless example", () => {
  const stack = examples["gcs-keyless"];

  it("has no account, key or block; steps run without credentials but name the project", () => {
    const r = stack.config.resource;
    expect(r.google_service_account).toBeUndefined();
    expect(r.google_service_account_key).toBeUndefined();
    expect(r.prefect_block).toBeUndefined();
    for (const { step } of stepsOf(stack.prefectYaml)) {
      const kwargs: any = Object.values(step)[0];
      expect(kwargs).not.toHaveProperty("credentials");
      expect(kwargs.project).toBe("acme-prefect");
    }
  });

  it("grants the existing CI and flow-run accounts, and runs the flow as the account that may pull", () => {
    const members = new Set((Object.values(stack.config.resource.google_storage_bucket_iam_member) as any[]).map((b) => b.member));
    expect([...members].sort()).toEqual([
      "serviceAccount:github-actions-deploy@acme-prefect.iam.gserviceaccount.com",
      "serviceAccount:prefect-flow-runs@acme-prefect.iam.gserviceaccount.com",
    ]);
    expect(stack.prefectYaml.deployments[0].work_pool.job_variables.service_account_name).toBe("prefect-flow-runs@acme-prefect.iam.gserviceaccount.com");
  });

  it("reads the folder suffix from the deploy environment, as in Prefect's guide", () => {
    expect(stack.prefectYaml.push[0]["prefect_gcp.deployments.steps.push_to_gcs"].folder).toBe("reports/{{ $PREFECT_ENV }}/");
  });
});
