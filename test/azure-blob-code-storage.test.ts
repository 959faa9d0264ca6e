/**
 * AzureBlobCodeStorage: what it synthesizes (locked-down account and private container, per-side
 * credentials from most to least privileged, role assignments, outputs), the Azure push/pull steps
 * it hands to a project, its two example stacks, and how it rejects bad input.
 * Grants are held against what Prefect's steps do (../shared/prefect/README.md): push =
 * upload_blob(overwrite=True) per file, i.e. SAS `w` only; pull = list by prefix + download, i.e. `rl`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DataAzurermStorageAccount } from "@cdktf/provider-azurerm/lib/data-azurerm-storage-account";
import { DataAzurermStorageAccountBlobContainerSas } from "@cdktf/provider-azurerm/lib/data-azurerm-storage-account-blob-container-sas";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
import { StorageManagementPolicy } from "@cdktf/provider-azurerm/lib/storage-management-policy";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { parse } from "yaml";
import { AzureBlobStorageCredentialsBlock } from "../packages/core/src/prefect/blocks/azure-blob-storage-credentials";
import { Block } from "../packages/core/src/prefect/provider/block";
import { PrefectProvider } from "../packages/core/src/prefect/provider/provider";
import { Variable } from "../packages/core/src/prefect/provider/variable";
import { PREFECT_AZURE_REQUIRES, PULL_FROM_AZURE_BLOB_STORAGE_PARAMS, PUSH_TO_AZURE_BLOB_STORAGE_PARAMS } from "../packages/core/src/prefect/steps/azure";
import { Steps } from "../packages/core/src/prefect/steps/steps";
import { AzureBlobAccess, PULL_SAS_PERMISSIONS, PUSH_SAS_PERMISSIONS } from "../packages/azure/src/blob/access";
import { AzurePrincipalType } from "../packages/core/src/storage/azure-principal-type";
import { ContainerSasConnectionString } from "../packages/azure/src/blob/container-sas";
import { AzureBlobCodeStorage } from "../packages/azure/src/blob/azure-blob-code-storage";
import { AzureBlobCodeStorageProps, AzureReplicationType } from "../packages/azure/src/blob/props";
import { ValidationError, ValidationErrors } from "../packages/core/src/validation/errors";
import { AzureKeylessStack } from "../stacks/azure-keyless";
import { AzureKeysStack } from "../stacks/azure-keys";
import { runTerraform, terraformEnv } from "../packages/core/src/cli/terraform/terraform";
import { parseInterfaces } from "./support/interfaces";
import { blockDataErrors, blockReferences, blockSchema, prefectYamlSchemaErrors, readShared, sampleBlockData, stepSignatureErrors, stepsOf } from "./support/shared";
import { PropsOrFactory, resourcesOf, SynthesizedStorage, synthStorageStack } from "./support/synth-storage";
import { captureValidationError, expectOneLinePerProblem, problemAssertionsAt, reported } from "./support/validation";

const ACCOUNT = "acmeflowcode";
const CONTAINER = "flow-code";
const FOLDER = "flows/etl";
const STEM = "flow-code-flows-etl"; // slugify(`${CONTAINER}-${FOLDER}`)
const RG = "rg-prefect";
const LOCATION = "westeurope";
const WORKER = "11111111-2222-3333-4444-555555555555";
const CI = "66666666-7777-8888-9999-000000000000";
const SUBSCRIPTION = "00000000-1111-2222-3333-444444444444";
const EXISTING_ACCOUNT_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-shared/providers/Microsoft.Storage/storageAccounts/sharedflows`;
const STACK = "test-stack";
const PATH = `${STACK}/code`;

// As synthesized: the SAS data source's permission `delete` (SasPermissions.deleteBlobs).
const NO_PERMISSIONS = { read: false, add: false, create: false, write: false, delete: false, list: false };
const PUSH_PERMISSIONS = { ...NO_PERMISSIONS, write: true };
const PULL_PERMISSIONS = { ...NO_PERMISSIONS, read: true, list: true };

/** A stack with both providers and one storage (id `code`); `after` runs on the storage before synthesis. */
function synthStorage(
  props: PropsOrFactory<AzureBlobCodeStorageProps>,
  after?: (storage: AzureBlobCodeStorage) => void,
): SynthesizedStorage<AzureBlobCodeStorage> {
  const providers = (stack: TerraformStack) => {
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    new PrefectProvider(stack, "prefect");
  };
  return synthStorageStack(STACK, providers, (stack, p: AzureBlobCodeStorageProps) => new AzureBlobCodeStorage(stack, "code", p), props, after);
}

const defaults: AzureBlobCodeStorageProps = {
  storageAccountName: ACCOUNT,
  resourceGroupName: RG,
  location: LOCATION,
  containerName: CONTAINER,
  folder: FOLDER,
};
const keyless: AzureBlobCodeStorageProps = {
  ...defaults,
  pushAccess: AzureBlobAccess.managedIdentity(CI),
  pullAccess: AzureBlobAccess.managedIdentity(WORKER),
};

/** All data sources of one type, as [logical id, config]. */
const dataSourcesOf = (json: any, type: string): Array<[string, any]> => Object.entries(json.data?.[type] ?? {});

function only<T>(entries: Array<[string, T]>, idPart: string): T {
  const found = entries.filter(([id]) => id.includes(idPart));
  if (found.length !== 1) throw new Error(`expected one entry with id containing ${idPart}, found ${found.length}`);
  return found[0][1];
}

const ref = (type: string, idPart: string, attribute: string) =>
  new RegExp(`^\\$\\{${type.replace(/\./g, "\\.")}\\.${idPart}_[0-9A-F]+\\.${attribute}\\}$`);
const ACCOUNT_REF = (attribute: string) => expect.stringMatching(ref("azurerm_storage_account", "code_storage_account", attribute));
const CONTAINER_REF = (attribute: string) => expect.stringMatching(ref("azurerm_storage_container", "code_container", attribute));
const validityRef = (side: string, key: string) =>
  expect.stringMatching(new RegExp(`^\\$\\{terraform_data\\.code_${side}-sas_validity_[0-9A-F]+\\.output\\["${key}"\\]\\}$`));

/** The connection string a SAS block holds, as a regular expression over the block's data expression. */
const sasBlockData = (side: string, account = ACCOUNT) =>
  new RegExp(
    `^\\$\\{jsonencode\\(\\{"connection_string" = "BlobEndpoint=https://${account}\\.blob\\.core\\.windows\\.net/;` +
      `SharedAccessSignature=\\$\\{trimprefix\\(data\\.azurerm_storage_account_blob_container_sas\\.code_${side}-sas_[0-9A-F]+\\.sas, "\\?"\\)\\}"\\}\\)\\}$`,
  );

/** Secrets that must never appear literally: account keys, signed SAS tokens, key-bearing connection strings. */
const SECRET_LITERAL = /AccountKey=|[?&]sig=|SharedAccessSignature=sv|sv=\d{4}-\d{2}-\d{2}&/;

// ---------------------------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------------------------

describe("AzureBlobCodeStorage: defaults", () => {
  const { synth, json, storage } = synthStorage(defaults);

  it("creates one locked-down StorageV2 account: TLS 1.2, HTTPS only, no public blobs, versioning and soft delete", () => {
    expect(resourcesOf(json, "azurerm_storage_account")).toHaveLength(1);
    const [[, account]] = resourcesOf(json, "azurerm_storage_account");
    expect(account).toEqual({
      name: ACCOUNT,
      resource_group_name: RG,
      location: LOCATION,
      account_kind: "StorageV2",
      account_tier: "Standard",
      account_replication_type: "LRS",
      min_tls_version: "TLS1_2",
      https_traffic_only_enabled: true,
      allow_nested_items_to_be_public: false,
      cross_tenant_replication_enabled: false,
      local_user_enabled: false,
      // Both sides use a SAS by default, which needs shared keys.
      shared_access_key_enabled: true,
      default_to_oauth_authentication: false,
      public_network_access_enabled: true,
      infrastructure_encryption_enabled: false,
      blob_properties: {
        versioning_enabled: true,
        delete_retention_policy: { days: 7 },
        container_delete_retention_policy: { days: 7 },
      },
    });
    expect(storage.storageAccount).toBeDefined();
  });

  it("creates a private container through Resource Manager (storage_account_id, not the deprecated storage_account_name)", () => {
    expect(resourcesOf(json, "azurerm_storage_container")).toHaveLength(1);
    const [[, container]] = resourcesOf(json, "azurerm_storage_container");
    expect(container).toEqual({ name: CONTAINER, container_access_type: "private", storage_account_id: ACCOUNT_REF("id") });
    expect(container).not.toHaveProperty("storage_account_name");
  });

  it("adds no lifecycle policy, no role assignment and does not read an existing account", () => {
    expect(synth).not.toHaveResource(StorageManagementPolicy);
    expect(synth).not.toHaveResource(RoleAssignment);
    expect(synth).not.toHaveDataSource(DataAzurermStorageAccount);
  });

  it("push SAS: write only, HTTPS only, for the created container, signed with the account's connection string", () => {
    expect(only(dataSourcesOf(json, "azurerm_storage_account_blob_container_sas"), "push-sas")).toEqual({
      connection_string: ACCOUNT_REF("primary_connection_string"),
      container_name: CONTAINER_REF("name"),
      https_only: true,
      permissions: PUSH_PERMISSIONS,
      start: validityRef("push", "start"),
      expiry: validityRef("push", "expiry"),
    });
  });

  it("the SAS permissions each side asks for: deleteBlobs off on both (synthesized as the data source's delete)", () => {
    expect(PUSH_SAS_PERMISSIONS).toEqual({ read: false, add: false, create: false, write: true, deleteBlobs: false, list: false });
    expect(PULL_SAS_PERMISSIONS).toEqual({ read: true, add: false, create: false, write: false, deleteBlobs: false, list: true });
    const s = new TerraformStack(Testing.app(), "sas");
    new AzurermProvider(s, "azurerm", { features: [{}] });
    new ContainerSasConnectionString(s, "sas", {
      accountConnectionString: "${var.conn}",
      accountName: ACCOUNT,
      containerName: CONTAINER,
      permissions: { ...PUSH_SAS_PERMISSIONS, deleteBlobs: true },
      options: {},
    });
    const [[, sas]] = dataSourcesOf(JSON.parse(Testing.synth(s)), "azurerm_storage_account_blob_container_sas");
    expect(sas.permissions).toEqual({ ...PUSH_PERMISSIONS, delete: true });
    expect(sas.permissions).not.toHaveProperty("deleteBlobs");
  });

  it("pull SAS: read + list only, HTTPS only", () => {
    expect(only(dataSourcesOf(json, "azurerm_storage_account_blob_container_sas"), "pull-sas")).toEqual({
      connection_string: ACCOUNT_REF("primary_connection_string"),
      container_name: CONTAINER_REF("name"),
      https_only: true,
      permissions: PULL_PERMISSIONS,
      start: validityRef("pull", "start"),
      expiry: validityRef("pull", "expiry"),
    });
    expect(dataSourcesOf(json, "azurerm_storage_account_blob_container_sas")).toHaveLength(2);
  });

  it("SAS validity: start 15 minutes before and expiry 90 days after the first plan, kept until replaced", () => {
    const validities = resourcesOf(json, "terraform_data");
    expect(validities).toHaveLength(2);
    for (const [, validity] of validities) {
      expect(validity).toEqual({
        input: { start: '${timeadd(plantimestamp(), "-15m")}', expiry: '${timeadd(plantimestamp(), "2160h")}' },
        triggers_replace: { validity_days: "90" },
        lifecycle: { ignore_changes: ["input"] },
      });
    }
  });

  it("creates two azure-blob-storage-credentials blocks holding SAS connection strings, as expressions only", () => {
    expect(resourcesOf(json, "prefect_block")).toHaveLength(2);
    for (const side of ["push", "pull"]) {
      const block = only(resourcesOf(json, "prefect_block"), `${side}-credentials`);
      expect(block.name).toBe(`${STEM}-${side}`);
      expect(block.type_slug).toBe("azure-blob-storage-credentials");
      expect(block.data).toMatch(sasBlockData(side));
      expect(block).not.toHaveProperty("data_wo");
    }
    expect(storage.pushBlock.blockName).toBe(`${STEM}-push`);
    expect(storage.pullBlock.blockName).toBe(`${STEM}-pull`);
    expect(synth).not.toMatch(SECRET_LITERAL);
  });

  it("block data uses only fields of Prefect's block schema", () => {
    for (const block of [storage.pushBlock, storage.pullBlock]) {
      expect(Object.keys(block.data)).toEqual(["connectionString"]);
      expect(blockDataErrors("azure-blob-storage-credentials", sampleBlockData(block))).toEqual([]);
    }
  });

  it("outputs account, container, folder, both block names and both SAS expiries, nothing secret", () => {
    expect(json.output).toEqual({
      code_account_name: { description: expect.any(String), value: ACCOUNT },
      code_container_name: { description: expect.any(String), value: CONTAINER },
      code_folder: { description: expect.any(String), value: FOLDER },
      code_push_block: { description: expect.any(String), value: `${STEM}-push` },
      code_pull_block: { description: expect.any(String), value: `${STEM}-pull` },
      code_push_sas_expiry: { description: expect.any(String), value: validityRef("push", "expiry") },
      code_pull_sas_expiry: { description: expect.any(String), value: validityRef("pull", "expiry") },
    });
    expect(JSON.stringify(json.output)).not.toMatch(/\.sas\b|connection_string|primary_access_key/);
  });

  it("exposes names, no build steps and no ignore patterns (role scopes are asserted with the grants)", () => {
    expect(storage.accountName).toBe(ACCOUNT);
    expect(storage.containerName).toBe(CONTAINER);
    expect(storage.folder).toBe(FOLDER);
    expect(storage.buildSteps).toEqual([]);
    expect(storage.ignorePatterns).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------

describe("AzureBlobCodeStorage: steps", () => {
  const { storage } = synthStorage(defaults);

  it("push: push_to_azure_blob_storage with id push_code, the prefect-azure pin, literal container and folder, its block", () => {
    expect(storage.pushSteps).toHaveLength(1);
    expect(storage.pushSteps[0].toYaml()).toEqual({
      "prefect_azure.deployments.steps.push_to_azure_blob_storage": {
        id: "push_code",
        requires: "prefect-azure>=0.3.1",
        container: CONTAINER,
        folder: `${FOLDER}/`,
        credentials: `{{ prefect.blocks.azure-blob-storage-credentials.${STEM}-push }}`,
      },
    });
  });

  it("pull: pull_from_azure_blob_storage reading the push step's outputs, with its own block", () => {
    expect(storage.pullSteps).toHaveLength(1);
    expect(storage.pullSteps[0].shortName).toBe("pull_from_azure_blob_storage");
    expect(storage.pullSteps[0].toYaml()).toEqual({
      "prefect_azure.deployments.steps.pull_from_azure_blob_storage": {
        id: "pull_code",
        requires: "prefect-azure>=0.3.1",
        container: "{{ push_code.container }}",
        folder: "{{ push_code.folder }}",
        credentials: `{{ prefect.blocks.azure-blob-storage-credentials.${STEM}-pull }}`,
      },
    });
  });

  it("both steps match Prefect's step signatures (credentials is required there)", () => {
    for (const step of [...storage.pushSteps, ...storage.pullSteps]) expect(stepSignatureErrors(step.toYaml())).toEqual([]);
    const withoutCredentials = { ...storage.pushSteps[0].renderKwargs() };
    delete withoutCredentials.credentials;
    expect(stepSignatureErrors({ [storage.pushSteps[0].fn]: withoutCredentials })).toEqual([
      "prefect_azure.deployments.steps.push_to_azure_blob_storage requires credentials",
    ]);
  });

  it("the step props name exactly the functions' parameters (through their name tables), credentials required", () => {
    const signatures = readShared<Record<string, { params: Array<{ name: string; required: boolean }> }>>("step-signatures.json");
    const interfaces = parseInterfaces(path.join(__dirname, "..", "packages", "core", "src", "prefect", "steps", "azure.ts"));
    for (const [iface, step, table] of [
      ["PushToAzureBlobStorageProps", Steps.pushToAzureBlobStorage, PUSH_TO_AZURE_BLOB_STORAGE_PARAMS as Record<string, string>],
      ["PullFromAzureBlobStorageProps", Steps.pullFromAzureBlobStorage, PULL_FROM_AZURE_BLOB_STORAGE_PARAMS as Record<string, string>],
    ] as const) {
      const fn = step({ container: "c", folder: "f", credentials: "x" }).fn;
      const params = signatures[fn].params;
      const parsed = interfaces.get(iface)!.properties;
      expect(parsed.map((p) => p.name).sort()).toEqual(Object.keys(table).sort());
      expect(Object.values(table).sort()).toEqual(params.map((p) => p.name).sort());
      for (const p of parsed) expect({ name: p.name, optional: p.optional }).toEqual({ name: p.name, optional: !params.find((q) => q.name === table[p.name])!.required });
    }
    expect(PREFECT_AZURE_REQUIRES).toBe("prefect-azure>=0.3.1");
  });

  it("outputs: push returns container and folder; pull also directory", () => {
    const push = Steps.pushToAzureBlobStorage({ id: "p", container: "c", folder: "f", credentials: "x" });
    expect(String(push.output("container"))).toBe("{{ p.container }}");
    expect(() => push.output("directory")).toThrow(/has no output "directory"/);
    expect(Steps.pullFromAzureBlobStorage({ id: "q", container: "c", folder: "f", credentials: "x" }).output("directory").toString()).toBe("{{ q.directory }}");
  });
});

// ---------------------------------------------------------------------------------------------
// Credential modes and options
// ---------------------------------------------------------------------------------------------

describe("AzureBlobCodeStorage: credential modes", () => {
  it("accountConnectionString (push): the account's primary connection string, no SAS for that side", () => {
    const { json, storage } = synthStorage({ ...defaults, pushAccess: AzureBlobAccess.accountConnectionString() });
    const push = only(resourcesOf(json, "prefect_block"), "push-credentials");
    expect(push.data).toMatch(
      /^\$\{jsonencode\(\{"connection_string" = azurerm_storage_account\.code_storage_account_[0-9A-F]+\.primary_connection_string\}\)\}$/,
    );
    expect(dataSourcesOf(json, "azurerm_storage_account_blob_container_sas").map(([id]) => id)).toEqual([expect.stringContaining("pull-sas")]);
    expect(resourcesOf(json, "terraform_data")).toHaveLength(1);
    expect(storage.pushSas).toBeUndefined();
    expect(json.output).not.toHaveProperty("code_push_sas_expiry");
    expect(only(resourcesOf(json, "prefect_block"), "pull-credentials").data).toMatch(sasBlockData("pull"));
  });

  it("managedIdentity on both sides: keyless blocks with account_url, container-scoped roles, shared keys off", () => {
    const { synth, json, storage } = synthStorage(keyless);
    for (const side of ["push", "pull"]) {
      expect(only(resourcesOf(json, "prefect_block"), `${side}-credentials`).data).toBe(
        `\${jsonencode({"account_url" = "https://${ACCOUNT}.blob.core.windows.net"})}`,
      );
    }
    expect(storage.pushBlock.data).toEqual({ accountUrl: `https://${ACCOUNT}.blob.core.windows.net` });
    expect(only(resourcesOf(json, "azurerm_role_assignment"), "push-role-assignment")).toEqual({
      scope: CONTAINER_REF("resource_manager_id"),
      role_definition_name: "Storage Blob Data Contributor",
      principal_id: CI,
      principal_type: "ServicePrincipal",
      description: `Prefect flow code push: ${CONTAINER}/${FOLDER}`,
    });
    expect(only(resourcesOf(json, "azurerm_role_assignment"), "pull-role-assignment")).toEqual({
      scope: CONTAINER_REF("resource_manager_id"),
      role_definition_name: "Storage Blob Data Reader",
      principal_id: WORKER,
      principal_type: "ServicePrincipal",
      description: `Prefect flow code pull: ${CONTAINER}/${FOLDER}`,
    });
    expect(resourcesOf(json, "azurerm_role_assignment")).toHaveLength(2);
    expect(synth).toHaveResourceWithProperties(StorageAccount, { shared_access_key_enabled: false, default_to_oauth_authentication: true });
    expect(synth).not.toHaveDataSource(DataAzurermStorageAccountBlobContainerSas);
    expect(json.resource.terraform_data).toBeUndefined();
    expect(synth).not.toMatch(/primary_connection_string|primary_access_key/);
    expect(json.output).not.toHaveProperty("code_push_sas_expiry");
    // Steps still carry credentials: the function requires them.
    for (const step of [...storage.pushSteps, ...storage.pullSteps]) expect(step.renderKwargs().credentials).toMatch(/^\{\{ prefect\.blocks\.azure-blob-storage-credentials\./);
  });

  it("managedIdentity on one side only keeps shared keys on for the SAS side", () => {
    const { synth, json } = synthStorage({ ...defaults, pullAccess: AzureBlobAccess.managedIdentity(WORKER) });
    expect(synth).toHaveResourceWithProperties(StorageAccount, { shared_access_key_enabled: true });
    expect(resourcesOf(json, "azurerm_role_assignment")).toHaveLength(1);
    expect(only(resourcesOf(json, "prefect_block"), "push-credentials").data).toMatch(sasBlockData("push"));
  });

  it("managedIdentity principalType is passed through", () => {
    const { synth } = synthStorage({ ...keyless, pullAccess: AzureBlobAccess.managedIdentity(WORKER, { principalType: AzurePrincipalType.GROUP }) });
    expect(synth).toHaveResourceWithProperties(RoleAssignment, { principal_id: WORKER, principal_type: "Group", role_definition_name: "Storage Blob Data Reader" });
  });

  it("sharedKeyAccess: true keeps shared keys on even when both sides are keyless", () => {
    const { synth } = synthStorage({ ...keyless, sharedKeyAccess: true });
    expect(synth).toHaveResourceWithProperties(StorageAccount, { shared_access_key_enabled: true, default_to_oauth_authentication: false });
  });

  it("containerSas({expiry}): the literal expiry, whose change replaces the validity (and so re-issues the SAS)", () => {
    const { json, storage } = synthStorage({ ...defaults, pullAccess: AzureBlobAccess.containerSas({ expiry: "2099-12-31T00:00:00Z" }) });
    expect(only(resourcesOf(json, "terraform_data"), "pull-sas")).toEqual({
      input: { start: '${timeadd(plantimestamp(), "-15m")}', expiry: "2099-12-31T00:00:00Z" },
      triggers_replace: { expiry: "2099-12-31T00:00:00Z" },
      lifecycle: { ignore_changes: ["input"] },
    });
    expect(storage.pullSas?.expiry).toBe("2099-12-31T00:00:00Z");
    expect(json.output.code_pull_sas_expiry.value).toBe("2099-12-31T00:00:00Z");
  });

  it("containerSas({validityDays, rotation}): derived expiry of that many days; rotation is a replacement trigger", () => {
    const { json } = synthStorage({ ...defaults, pushAccess: AzureBlobAccess.containerSas({ validityDays: 30, rotation: 3 }) });
    expect(only(resourcesOf(json, "terraform_data"), "push-sas")).toEqual({
      input: { start: '${timeadd(plantimestamp(), "-15m")}', expiry: '${timeadd(plantimestamp(), "720h")}' },
      triggers_replace: { validity_days: "30", rotation: "3" },
      lifecycle: { ignore_changes: ["input"] },
    });
  });

  it("grantPull / grantPush add container-scoped role assignments for other principals", () => {
    let pull: IConstruct | undefined;
    let push: IConstruct | undefined;
    const { json } = synthStorage(defaults, (storage) => {
      pull = storage.grantPull(WORKER);
      push = storage.grantPush(CI, { principalType: AzurePrincipalType.USER, id: "release-manager" });
    });
    expect(pull).toBeInstanceOf(RoleAssignment);
    expect(push).toBeInstanceOf(RoleAssignment);
    expect(only(resourcesOf(json, "azurerm_role_assignment"), `grant-pull-${WORKER}`)).toEqual({
      scope: CONTAINER_REF("resource_manager_id"),
      role_definition_name: "Storage Blob Data Reader",
      principal_id: WORKER,
      principal_type: "ServicePrincipal",
      description: `Prefect flow code pull: ${CONTAINER}/${FOLDER}`,
    });
    expect(only(resourcesOf(json, "azurerm_role_assignment"), "release-manager")).toMatchObject({
      role_definition_name: "Storage Blob Data Contributor",
      principal_id: CI,
      principal_type: "User",
    });
    // Grants come in addition: the SAS blocks are still there.
    expect(resourcesOf(json, "prefect_block")).toHaveLength(2);
  });

  it("grants to principals only known after apply get counted ids, not ids made from tokens", () => {
    const { json } = synthStorage(defaults, (storage) => {
      const stack = TerraformStack.of(storage);
      storage.grantPull(new TerraformVariable(stack, "reader_a", { type: "string" }).stringValue);
      storage.grantPull(new TerraformVariable(stack, "reader_b", { type: "string" }).stringValue);
    });
    const grants = resourcesOf(json, "azurerm_role_assignment");
    expect(grants.map(([id]) => id.replace(/_[0-9A-F]+$/, "")).sort()).toEqual(["code_grant-pull-1", "code_grant-pull-2"]);
    expect(grants.map(([, g]) => g.principal_id).sort()).toEqual(["${var.reader_a}", "${var.reader_b}"]);
  });

  it("grantPull with a principal that is not a GUID fails with the grant's path", () => {
    const stack = new TerraformStack(Testing.app(), STACK);
    const storage = new AzureBlobCodeStorage(stack, "code", defaults);
    expect(() => (storage.grantPull("prefect-worker"), reported(storage))).toThrow(
      new RegExp(`Invalid configuration for '${PATH}/grant-pull-prefect-worker':\\n  - principalId "prefect-worker": is not a GUID.*\\[AzurePrincipalId\\]`),
    );
  });
});

describe("AzureBlobCodeStorage: account options", () => {
  it("noncurrentVersionExpirationDays: a lifecycle rule deleting old versions of the container's blobs", () => {
    const { json } = synthStorage({ ...defaults, noncurrentVersionExpirationDays: 30 });
    const [[, policy], ...more] = resourcesOf(json, "azurerm_storage_management_policy");
    expect(more).toEqual([]);
    expect(policy).toEqual({
      storage_account_id: ACCOUNT_REF("id"),
      rule: [
        {
          name: "expire-noncurrent-flow-code",
          enabled: true,
          filters: { blob_types: ["blockBlob"], prefix_match: [`${CONTAINER}/`] },
          actions: { version: { delete_after_days_since_creation: 30 } },
        },
      ],
    });
  });

  it("replication, soft-delete days, double encryption, no public network access and tags", () => {
    const { synth } = synthStorage({
      ...defaults,
      replicationType: AzureReplicationType.ZRS,
      blobSoftDeleteRetentionDays: 30,
      containerSoftDeleteRetentionDays: 14,
      infrastructureEncryption: true,
      publicNetworkAccess: false,
      tags: { team: "data" },
    });
    expect(synth).toHaveResourceWithProperties(StorageAccount, {
      account_replication_type: "ZRS",
      infrastructure_encryption_enabled: true,
      public_network_access_enabled: false,
      tags: { team: "data" },
      blob_properties: { versioning_enabled: true, delete_retention_policy: { days: 30 }, container_delete_retention_policy: { days: 14 } },
    });
  });

  it("existingStorageAccountId: creates no account, reads name and group from the ID, creates the container in it", () => {
    const { synth, json, storage } = synthStorage({ existingStorageAccountId: EXISTING_ACCOUNT_ID, containerName: CONTAINER, folder: FOLDER });
    expect(synth).not.toHaveResource(StorageAccount);
    expect(synth).not.toHaveResource(StorageManagementPolicy);
    expect(storage.storageAccount).toBeUndefined();
    expect(storage.accountName).toBe("sharedflows");
    expect(synth).toHaveResourceWithProperties(StorageContainer, { name: CONTAINER, storage_account_id: EXISTING_ACCOUNT_ID, container_access_type: "private" });
    // The SAS is signed with the existing account's key, read once by one data source.
    const accounts = dataSourcesOf(json, "azurerm_storage_account");
    expect(accounts.map(([, a]) => a)).toEqual([{ name: "sharedflows", resource_group_name: "rg-shared" }]);
    for (const [, sas] of dataSourcesOf(json, "azurerm_storage_account_blob_container_sas")) {
      expect(sas.connection_string).toMatch(/^\$\{data\.azurerm_storage_account\.code_existing-account_[0-9A-F]+\.primary_connection_string\}$/);
    }
    expect(only(resourcesOf(json, "prefect_block"), "push-credentials").data).toMatch(sasBlockData("push", "sharedflows"));
    expect(json.output.code_account_name.value).toBe("sharedflows");
  });

  it("existing account and container, keyless: nothing created but roles scoped to the container's resource ID; no key is read", () => {
    const { synth, json } = synthStorage({
      existingStorageAccountId: EXISTING_ACCOUNT_ID,
      existingContainerName: "their-code",
      folder: FOLDER,
      pushAccess: AzureBlobAccess.managedIdentity(CI),
      pullAccess: AzureBlobAccess.managedIdentity(WORKER),
    });
    expect(synth).not.toHaveResource(StorageAccount);
    expect(synth).not.toHaveResource(StorageContainer);
    expect(synth).not.toHaveDataSource(DataAzurermStorageAccount);
    const scope = `${EXISTING_ACCOUNT_ID}/blobServices/default/containers/their-code`;
    expect(resourcesOf(json, "azurerm_role_assignment").map(([, r]) => [r.role_definition_name, r.scope, r.principal_id]).sort()).toEqual([
      ["Storage Blob Data Contributor", scope, CI],
      ["Storage Blob Data Reader", scope, WORKER],
    ]);
    expect(only(resourcesOf(json, "prefect_block"), "pull-credentials").data).toBe('${jsonencode({"account_url" = "https://sharedflows.blob.core.windows.net"})}');
  });

  it("an existing account ID only known after apply: name and group become Terraform expressions", () => {
    const { json, storage } = synthStorage((stack) => ({
      existingStorageAccountId: new TerraformVariable(stack, "account_id", { type: "string" }).stringValue,
      containerName: CONTAINER,
      folder: FOLDER,
    }));
    expect(only(dataSourcesOf(json, "azurerm_storage_account"), "existing-account")).toEqual({
      name: '${element(split("/", var.account_id), 8)}',
      resource_group_name: '${element(split("/", var.account_id), 4)}',
    });
    // prefect.yaml does not need the account name, so nothing goes through a Prefect variable.
    expect(json.resource.prefect_variable).toBeUndefined();
    expect(storage.pushSteps[0].renderKwargs().container).toBe(CONTAINER);
  });

  it("a container name only known after apply goes through a Prefect variable, never into the steps", () => {
    const { json, storage } = synthStorage((stack) => ({
      ...defaults,
      containerName: new TerraformVariable(stack, "container", { type: "string" }).stringValue,
    }));
    const [[, variable], ...more] = resourcesOf(json, "prefect_variable");
    expect(more).toEqual([]);
    expect(variable.value).toBe("${var.container}");
    expect(variable.name).toMatch(/^[a-z0-9_-]+$/);
    expect(storage.pushSteps[0].renderKwargs().container).toBe(`{{ prefect.variables.${variable.name} }}`);
    expect(json.output.code_container_variable.value).toBe(variable.name);
    const rendered = JSON.stringify([...storage.pushSteps, ...storage.pullSteps].map((s) => s.toYaml()));
    expect(rendered).not.toMatch(/\$\{|TfToken/);
    // Block names cannot come from the token: they fall back to the construct id.
    expect(resourcesOf(json, "prefect_block").map(([, b]) => b.name).sort()).toEqual(["code-pull", "code-push"]);
  });

  it("a literal container name makes no Prefect variable", () => {
    const { synth, json } = synthStorage(defaults);
    expect(synth).not.toHaveResource(Variable);
    expect(json.output).not.toHaveProperty("code_container_variable");
  });

  it("writeOnlyBlocks: a SAS block's data_wo_version follows the SAS renewals, so a rotated SAS reaches Prefect", () => {
    const versions = (props: Partial<AzureBlobCodeStorageProps>) => {
      const { json } = synthStorage({ ...defaults, writeOnlyBlocks: true, ...props });
      return Object.fromEntries(resourcesOf(json, "prefect_block").map(([id, b]) => [id.includes("push") ? "push" : "pull", b.data_wo_version]));
    };
    const first = versions({});
    expect(Number.isInteger(first.push)).toBe(true);
    expect(versions({})).toEqual(first);
    const rotated = versions({ pullAccess: AzureBlobAccess.containerSas({ rotation: 2 }) });
    expect(rotated.push).toBe(first.push);
    expect(rotated.pull).not.toBe(first.pull);
    expect(versions({ pullAccess: AzureBlobAccess.containerSas({ rotation: 3 }) }).pull).not.toBe(rotated.pull);
    expect(versions({ pullAccess: AzureBlobAccess.containerSas({ expiry: "2099-01-01" }) }).pull).not.toBe(
      versions({ pullAccess: AzureBlobAccess.containerSas({ expiry: "2099-02-01" }) }).pull,
    );
    // A keyless block never changes: version 1.
    expect(versions({ pullAccess: AzureBlobAccess.managedIdentity(WORKER) }).pull).toBe(1);
  });

  it("blockNamePrefix, writeOnlyBlocks, folderFromEnv and prefectIgnore", () => {
    const { synth, json, storage } = synthStorage({
      ...defaults,
      blockNamePrefix: "etl-code",
      writeOnlyBlocks: true,
      folderFromEnv: "PREFECT_ENV",
      prefectIgnore: ["data/"],
    });
    expect(synth).toHaveResourceWithProperties(Block, { name: "etl-code-push", type_slug: "azure-blob-storage-credentials" });
    for (const [id, block] of resourcesOf(json, "prefect_block")) {
      expect(block).not.toHaveProperty("data");
      expect(block.data_wo).toMatch(sasBlockData(id.includes("push") ? "push" : "pull"));
    }
    expect(storage.pushSteps[0].renderKwargs()).toMatchObject({ folder: `${FOLDER}/{{ $PREFECT_ENV }}/`, credentials: "{{ prefect.blocks.azure-blob-storage-credentials.etl-code-push }}" });
    expect(storage.pullSteps[0].renderKwargs().folder).toBe("{{ push_code.folder }}");
    expect(json.output.code_folder.value).toBe(FOLDER);
    expect(storage.ignorePatterns).toEqual(["data/"]);
  });
});

// ---------------------------------------------------------------------------------------------
// The block and its schema
// ---------------------------------------------------------------------------------------------

describe("AzureBlobStorageCredentialsBlock", () => {
  const stack = () => {
    const s = new TerraformStack(Testing.app(), "blocks");
    new PrefectProvider(s, "prefect");
    return s;
  };

  it("its data interface has a field for each of the block schema's, all optional as in the schema", () => {
    const parsed = parseInterfaces(path.join(__dirname, "..", "packages", "core", "src", "prefect", "blocks", "azure-blob-storage-credentials.ts")).get("AzureBlobStorageCredentialsData")!;
    const schema = blockSchema("azure-blob-storage-credentials");
    const fields = AzureBlobStorageCredentialsBlock.FIELDS as Record<string, string>;
    expect(parsed.properties.map((p) => p.name).sort()).toEqual(Object.keys(fields).sort());
    expect(Object.values(fields).sort()).toEqual(Object.keys(schema.properties).sort());
    for (const p of parsed.properties) expect({ field: p.name, optional: p.optional }).toEqual({ field: p.name, optional: !(schema.required ?? []).includes(fields[p.name]) });
    expect((schema as any).secret_fields).toEqual(["connection_string"]);
  });

  it("a whole-block reference is a dict (for credentials); a field reference is a string", () => {
    const block = new AzureBlobStorageCredentialsBlock(stack(), "b", { name: "code-pull", data: { accountUrl: "https://a.blob.core.windows.net" } });
    expect(block.reference().isString).toBe(false);
    expect(String(block.reference())).toBe("{{ prefect.blocks.azure-blob-storage-credentials.code-pull }}");
    expect(String(block.fieldReference("accountUrl"))).toBe("{{ prefect.blocks.azure-blob-storage-credentials.code-pull.account_url }}");
    expect(String(block.fieldReference("account_url"))).toBe("{{ prefect.blocks.azure-blob-storage-credentials.code-pull.account_url }}");
    expect(blockDataErrors("azure-blob-storage-credentials", sampleBlockData(block))).toEqual([]);
  });

  it("refuses data with neither field", () => {
    const s = stack();
    expect(() => reported(new AzureBlobStorageCredentialsBlock(s, "empty", { name: "x", data: {} }))).toThrow(
      /Invalid configuration for 'blocks\/empty':\n  - data \[\]: needs connectionString or accountUrl.*\[AzureBlobCredentialsData\]/,
    );
  });

  it("the oracle rejects a field the block does not have", () => {
    expect(blockDataErrors("azure-blob-storage-credentials", { account_key: "x" })).toEqual(["azure-blob-storage-credentials has no field account_key"]);
  });
});

// ---------------------------------------------------------------------------------------------
// The SAS in real Terraform (terraform_data needs no provider, so this runs offline)
// ---------------------------------------------------------------------------------------------

const terraformVersion = spawnSync(process.env.TERRAFORM_BIN ?? "terraform", ["version"], { encoding: "utf8" });
const describeWithTerraform = terraformVersion.status === 0 ? describe : describe.skip;

describeWithTerraform("the push SAS in real Terraform", () => {
  // The synthesized validity resource and block expression, with the provider-computed SAS replaced
  // by a terraform_data shaped like the azurerm provider's output (`?sv=...&sig=...`).
  const { json } = synthStorage(defaults);
  const [validityId, validity] = resourcesOf(json, "terraform_data").find(([id]) => id.includes("push-sas"))!;
  const [sasId] = dataSourcesOf(json, "azurerm_storage_account_blob_container_sas").find(([id]) => id.includes("push-sas"))!;
  const block = only(resourcesOf(json, "prefect_block"), "push-credentials");
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), "azure-sas-tf-"));
  const env = terraformEnv(workdir);
  const tf = (args: string[], allowFailure = false) => runTerraform(args, { cwd: workdir, env, allowFailure });
  const write = (rotation?: string) => {
    const v = structuredClone(validity);
    if (rotation) v.triggers_replace.rotation = rotation;
    const config = {
      resource: {
        terraform_data: {
          [validityId]: v,
          fake_sas: {
            input: `?sv=2018-11-09&sr=c&st=\${terraform_data.${validityId}.output["start"]}&se=\${terraform_data.${validityId}.output["expiry"]}&sp=w&spr=https&sig=c2lnbmF0dXJl%3D`,
          },
        },
      },
      output: {
        block_data: { value: block.data.replace(`data.azurerm_storage_account_blob_container_sas.${sasId}.sas`, "terraform_data.fake_sas.output") },
        start: { value: `\${terraform_data.${validityId}.output["start"]}` },
        expiry: { value: `\${terraform_data.${validityId}.output["expiry"]}` },
      },
    };
    fs.writeFileSync(path.join(workdir, "main.tf.json"), JSON.stringify(config));
  };
  const outputs = () => JSON.parse(tf(["output", "-json"]).stdout);
  afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

  it("yields a connection string the Azure SDK parses: BlobEndpoint plus the SAS without '?', valid 90 days", () => {
    write();
    tf(["init", "-input=false"]);
    tf(["apply", "-auto-approve", "-input=false"]);
    const out = outputs();
    const data = JSON.parse(out.block_data.value);
    expect(Object.keys(data)).toEqual(["connection_string"]);
    // azure.storage.blob's parse_connection_str: strip a trailing ';', split on ';', each part at its first '='.
    const parts = data.connection_string.replace(/;$/, "").split(";").map((p: string) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]);
    expect(parts.every(([k]: string[]) => k.length > 0)).toBe(true);
    const settings = Object.fromEntries(parts);
    expect(Object.keys(settings)).toEqual(["BlobEndpoint", "SharedAccessSignature"]);
    expect(settings.BlobEndpoint).toBe(`https://${ACCOUNT}.blob.core.windows.net/`);
    expect(settings.SharedAccessSignature).toMatch(/^sv=2018-11-09&sr=c&st=.*&sp=w&spr=https&sig=/);
    const start = Date.parse(out.start.value);
    const expiry = Date.parse(out.expiry.value);
    expect(expiry - start).toBe((90 * 24 * 60 + 15) * 60 * 1000);
    expect(Math.abs(start + 15 * 60 * 1000 - Date.now())).toBeLessThan(10 * 60 * 1000);
  });

  it("is stable across plans (the SAS and block do not change) until rotation changes, which re-issues it", () => {
    const before = outputs().expiry.value;
    // -detailed-exitcode: 0 = no changes, 2 = changes.
    expect(tf(["plan", "-input=false", "-no-color", "-detailed-exitcode"], true).status).toBe(0);
    write("2");
    const plan = tf(["plan", "-input=false", "-no-color", "-detailed-exitcode"], true);
    expect(plan.status).toBe(2);
    expect(plan.stdout).toMatch(new RegExp(`terraform_data\\.${validityId} must be replaced`));
    tf(["apply", "-auto-approve", "-input=false"]);
    expect(Date.parse(outputs().expiry.value)).toBeGreaterThanOrEqual(Date.parse(before));
  });
});

// ---------------------------------------------------------------------------------------------
// Example stacks
// ---------------------------------------------------------------------------------------------

interface ExampleStack {
  name: string;
  config: any;
  files: Record<string, string>;
  prefectYaml: any;
}

/** Synthesizes both example stacks as the app does, in a temp dir, with a flow project dir as well. */
function synthExamples(): { stacks: ExampleStack[]; flowDir: string; cleanup: () => void } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "azure-examples-"));
  const flowDir = path.join(outdir, "flows");
  const app = new App({ outdir });
  new AzureKeysStack(app, "azure-keys", { flowProjectDir: path.join(flowDir, "azure-keys") });
  new AzureKeylessStack(app, "azure-keyless", { flowProjectDir: path.join(flowDir, "azure-keyless") });
  app.synth();
  const stacks = ["azure-keys", "azure-keyless"].map((name) => {
    const dir = path.join(outdir, "stacks", name);
    const files: Record<string, string> = {};
    for (const f of fs.readdirSync(dir)) if (f !== "cdk.tf.json") files[f] = fs.readFileSync(path.join(dir, f), "utf8");
    return { name, config: JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")), files, prefectYaml: parse(files["prefect.yaml"]) };
  });
  return { stacks, flowDir, cleanup: () => fs.rmSync(outdir, { recursive: true, force: true }) };
}

const examples = synthExamples();
afterAll(() => examples.cleanup());
const example = (name: string) => examples.stacks.find((s) => s.name === name)!;
const prefectBlocks = (s: ExampleStack): any[] => Object.values(s.config.resource?.prefect_block ?? {});
/** Field names of a block's `jsonencode({...})` data expression. */
const blockFields = (b: any): string[] => [...String(b.data ?? b.data_wo).matchAll(/"([a-z_]+)" =/g)].map((m) => m[1]);

describe.each(examples.stacks.map((s) => [s.name, s] as const))("example stack %s", (_name, stack) => {
  it("writes prefect.yaml that validates against Prefect's JSON schema", () => {
    expect(prefectYamlSchemaErrors(stack.prefectYaml)).toEqual([]);
  });

  it("uses only real step functions with their real parameters, credentials included", () => {
    const steps = stepsOf(stack.prefectYaml);
    expect(steps.map((s) => Object.keys(s.step)[0])).toEqual([
      "prefect_azure.deployments.steps.push_to_azure_blob_storage",
      "prefect_azure.deployments.steps.pull_from_azure_blob_storage",
    ]);
    for (const { where, step } of steps) {
      expect({ where, errors: stepSignatureErrors(step) }).toEqual({ where, errors: [] });
      expect(Object.values(step)[0]).toMatchObject({ requires: "prefect-azure>=0.3.1", credentials: expect.any(String) });
    }
    const [pull] = stack.prefectYaml.pull;
    expect(pull["prefect_azure.deployments.steps.pull_from_azure_blob_storage"]).toMatchObject({
      container: "{{ push_code.container }}",
      folder: "{{ push_code.folder }}",
    });
  });

  it("references only blocks a prefect_block of this stack creates with that slug and name, one per side", () => {
    const created = new Set(prefectBlocks(stack).map((b) => `${b.type_slug}/${b.name}`));
    const refs = blockReferences(stack.prefectYaml);
    expect(refs).toHaveLength(2);
    expect(new Set(refs.map((r) => r.name)).size).toBe(2);
    for (const r of refs) expect(created).toContain(`${r.slug}/${r.name}`);
  });

  it("fills every block with schema fields only, as a Terraform expression", () => {
    for (const b of prefectBlocks(stack)) {
      expect(b.type_slug).toBe("azure-blob-storage-credentials");
      expect(b.data ?? b.data_wo).toMatch(/^\$\{jsonencode\(\{.*\}\)\}$/);
      const fields = blockFields(b);
      expect(fields.length).toBe(1);
      expect(blockDataErrors(b.type_slug, Object.fromEntries(fields.map((f) => [f, "x"])))).toEqual([]);
    }
  });

  it("leaks no Terraform token into a generated file and no secret literal into cdk.tf.json", () => {
    for (const [file, text] of Object.entries(stack.files)) expect({ file, leaks: text.match(/\$\{|TfToken|TOKEN\.\d+/g) }).toEqual({ file, leaks: null });
    expect(JSON.stringify(stack.config)).not.toMatch(SECRET_LITERAL);
    expect(JSON.stringify(stack.config.output)).not.toMatch(/\.sas\b|connection_string|access_key/);
  });

  it("writes .prefectignore with the defaults, and both files into the flow project directory", () => {
    expect(stack.files[".prefectignore"].split("\n")).toEqual(expect.arrayContaining([".git/", ".venv/", "__pycache__/"]));
    for (const f of ["prefect.yaml", ".prefectignore"]) {
      expect(fs.readFileSync(path.join(examples.flowDir, stack.name, f), "utf8")).toBe(stack.files[f]);
    }
  });
});

describe("example stack azure-keys", () => {
  const stack = example("azure-keys");

  it("gives CI a write-only SAS and workers a read + list SAS, HTTPS only, for the one container", () => {
    const sas = Object.entries<any>(stack.config.data.azurerm_storage_account_blob_container_sas);
    expect(sas).toHaveLength(2);
    expect(only(sas, "push-sas")).toMatchObject({ https_only: true, permissions: PUSH_PERMISSIONS });
    expect(only(sas, "pull-sas")).toMatchObject({ https_only: true, permissions: PULL_PERMISSIONS });
    for (const [, s] of sas) expect(s.container_name).toMatch(/^\$\{azurerm_storage_container\.flow-code_container_[0-9A-F]+\.name\}$/);
    expect(stack.config.resource.azurerm_role_assignment).toBeUndefined();
  });

  it("keeps the account locked down with shared keys on (the SAS needs them) and a version lifecycle", () => {
    const [account] = Object.values<any>(stack.config.resource.azurerm_storage_account);
    expect(account).toMatchObject({
      name: "acmeprefectflowcode",
      min_tls_version: "TLS1_2",
      https_traffic_only_enabled: true,
      allow_nested_items_to_be_public: false,
      shared_access_key_enabled: true,
      resource_group_name: "${azurerm_resource_group.resource-group.name}",
    });
    expect(Object.values<any>(stack.config.resource.azurerm_storage_management_policy)).toHaveLength(1);
  });

  it("outputs the SAS expiries for monitoring, and every block's data is a SAS connection string", () => {
    expect(Object.keys(stack.config.output)).toEqual(
      expect.arrayContaining(["flow-code_push_sas_expiry", "flow-code_pull_sas_expiry", "flow-code_push_block", "flow-code_pull_block"]),
    );
    for (const b of prefectBlocks(stack)) expect(b.data).toMatch(/"connection_string" = "BlobEndpoint=https:\/\/acmeprefectflowcode\.blob\.core\.windows\.net\/;SharedAccessSignature=\$\{trimprefix\(/);
  });
});

describe("example stack azure-keyless", () => {
  const stack = example("azure-keyless");

  it("has no key, no SAS and no connection string anywhere; shared keys are off and Terraform uses Entra ID", () => {
    const text = JSON.stringify(stack.config);
    expect(stack.config.data).toBeUndefined();
    expect(text).not.toMatch(/primary_connection_string|primary_access_key|connection_string/);
    const [account] = Object.values<any>(stack.config.resource.azurerm_storage_account);
    expect(account.shared_access_key_enabled).toBe(false);
    expect(stack.config.provider.azurerm[0].storage_use_azuread).toBe(true);
    for (const b of prefectBlocks(stack)) expect(b.data).toBe('${jsonencode({"account_url" = "https://acmeprefectreportscode.blob.core.windows.net"})}');
  });

  it("assigns Reader to the worker identity and Contributor to the deploy identity, on the container only", () => {
    const roles = Object.values<any>(stack.config.resource.azurerm_role_assignment).map((r) => [r.role_definition_name, r.principal_id, r.scope]);
    const scope = expect.stringMatching(/^\$\{azurerm_storage_container\.flow-code_container_[0-9A-F]+\.resource_manager_id\}$/);
    expect(roles.sort()).toEqual([
      ["Storage Blob Data Contributor", "${azurerm_user_assigned_identity.deploy-identity.principal_id}", scope],
      ["Storage Blob Data Reader", "${azurerm_user_assigned_identity.worker-identity.principal_id}", scope],
    ]);
  });

  it("routes the worker identity's IDs through Prefect variables into the job variables, and the folder from PREFECT_ENV", () => {
    const [deployment] = stack.prefectYaml.deployments;
    expect(deployment.work_pool.job_variables).toEqual({
      subscription_id: "00000000-0000-0000-0000-000000000000",
      resource_group_name: "rg-prefect-reports",
      identities: ["{{ prefect.variables.reports_worker_identity_id }}"],
      env: { AZURE_CLIENT_ID: "{{ prefect.variables.reports_worker_client_id }}" },
    });
    expect(Object.values<any>(stack.config.resource.prefect_variable).map((v) => [v.name, v.value]).sort()).toEqual([
      ["reports_worker_client_id", "${azurerm_user_assigned_identity.worker-identity.client_id}"],
      ["reports_worker_identity_id", "${azurerm_user_assigned_identity.worker-identity.id}"],
    ]);
    expect(stack.prefectYaml.push[0]["prefect_azure.deployments.steps.push_to_azure_blob_storage"].folder).toBe("reports/{{ $PREFECT_ENV }}/");
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

/** The ValidationError thrown while building the storage. */
function validationErrorOf(props: AzureBlobCodeStorageProps): ValidationError {
  return captureValidationError(() => synthStorage(props), props);
}

const { expectProblem, expectOnlyProblem } = problemAssertionsAt(PATH);

describe("AzureBlobCodeStorage: bad names", () => {
  it.each([
    ["too short", "ab", "is 2 characters long; Azure allows 3 to 24", null],
    ["too long", "a".repeat(25), "is 25 characters long; Azure allows 3 to 24", null],
    ["uppercase", "AcmeFlowCode", "may contain only lowercase letters and digits", 'use a name such as "acmeflowcode"'],
    ["hyphens", "acme-flow-code", "may contain only lowercase letters and digits", 'use a name such as "acmeflowcode"'],
  ])("storage account name %s: %j", (_label, name, problem, fix) => {
    const error = validationErrorOf({ ...defaults, storageAccountName: name });
    expectProblem(error, { prop: "storageAccountName", value: name, rule: "AzureStorageAccountName", problem, fix });
    expect(error.problems.every((p) => p.rule === "AzureStorageAccountName")).toBe(true);
  });

  it.each([
    ["too short", "ab", "is 2 characters long; Azure allows 3 to 63", null],
    ["uppercase", "Flow-Code", "may contain only lowercase letters, digits and hyphens", 'use a name such as "flow-code"'],
    ["underscore", "flow_code", "may contain only lowercase letters, digits and hyphens", 'use a name such as "flow-code"'],
    ["starts with a hyphen", "-flow-code", "must begin and end with a letter or digit", null],
    ["consecutive hyphens", "flow--code", "must not contain consecutive hyphens", 'use a name such as "flow-code"'],
  ])("container name %s: %j", (_label, name, problem, fix) => {
    const error = validationErrorOf({ ...defaults, containerName: name });
    expectProblem(error, { prop: "containerName", value: name, rule: "AzureContainerName", problem, fix });
  });

  it("existingContainerName is held to the same rules, under its own name", () => {
    const error = validationErrorOf({ existingStorageAccountId: EXISTING_ACCOUNT_ID, existingContainerName: "Their_Code", folder: FOLDER });
    expectProblem(error, { prop: "existingContainerName", value: "Their_Code", rule: "AzureContainerName", problem: "may contain only", fix: 'use a name such as "their-code"' });
  });

  it("a malformed existing account ID", () => {
    const error = validationErrorOf({ existingStorageAccountId: "sharedflows", containerName: CONTAINER, folder: FOLDER });
    expectProblem(error, {
      prop: "existingStorageAccountId",
      value: "sharedflows",
      rule: "AzureStorageAccountId",
      problem: "is not a storage account resource ID",
      fix: "copy it from `az storage account show -n <name> -g <group> --query id -o tsv`",
    });
  });

  it("a bad resource group name", () => {
    const error = validationErrorOf({ ...defaults, resourceGroupName: "rg prefect." });
    expect(error.problems.map((p) => [p.prop, p.rule, p.problem])).toEqual([
      ["resourceGroupName", "AzureResourceGroupName", "may contain only letters, digits, '_', '-', '.', '(' and ')'"],
      ["resourceGroupName", "AzureResourceGroupName", "must not end with a period"],
    ]);
  });

  it.each([
    ["folder", { folder: "/flows/" }, "StorageFolder", "/flows/"],
    ["folderFromEnv", { folderFromEnv: "MY-ENV" }, "EnvVarName", "MY-ENV"],
    ["blockNamePrefix", { blockNamePrefix: "Etl_Code" }, "BlockName", "Etl_Code"],
  ] as const)("the shared props are checked: %s", (prop, extra, rule, value) => {
    const error = validationErrorOf({ ...defaults, ...extra });
    expect(error.problems.filter((p) => p.prop === prop && p.rule === rule && p.value === value).length).toBeGreaterThan(0);
  });
});

describe("AzureBlobCodeStorage: bad access", () => {
  it.each([
    ["pushAccess", { pushAccess: AzureBlobAccess.managedIdentity("ci-deployer") }, "ci-deployer", null],
    [
      "pullAccess",
      { pullAccess: AzureBlobAccess.managedIdentity("/subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/w") },
      "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/w",
      "pass the identity's principal_id attribute (e.g. azurerm_user_assigned_identity.principal_id), not its resource ID",
    ],
  ] as const)("a principal that is not a GUID (%s)", (prop, extra, value, fix) => {
    const error = validationErrorOf({ ...defaults, ...extra });
    expectProblem(error, { prop: `${prop}.principalId`, value, rule: "AzurePrincipalId", problem: "is not a GUID", fix });
  });

  it.each([
    ["format", "31.12.2099", "AzureSasExpiry", "is not an ISO 8601 UTC date or date-time", 'use e.g. "2026-06-30T00:00:00Z"'],
    ["impossible date", "2099-02-30", "AzureSasExpiry", "is not a real calendar date or time", null],
    ["already passed", "2020-01-01", "AzureSasExpired", "has already passed", "move the expiry into the future and apply (that renews the SAS)"],
  ])("SAS expiry: %s", (_label, expiry, rule, problem, fix) => {
    const error = validationErrorOf({ ...defaults, pushAccess: AzureBlobAccess.containerSas({ expiry }) });
    expectProblem(error, { prop: "pushAccess.expiry", value: expiry, rule, problem, fix });
  });

  it("an expiry is judged against the clock: valid the day before, refused the day after", () => {
    const access = AzureBlobAccess.containerSas({ expiry: "2030-01-01" });
    const at = (now: number) => {
      const errors = new ValidationErrors();
      access._validate(errors, "pullAccess", now);
      return errors;
    };
    expect(at(Date.UTC(2029, 11, 31)).isEmpty).toBe(true);
    expect(() => at(Date.UTC(2030, 0, 2)).throwIfAny("x")).toThrow(/pullAccess.expiry "2030-01-01": has already passed.*\[AzureSasExpired\]/);
  });

  it.each([[0], [366], [1.5]])("SAS validityDays %p", (days) => {
    const error = validationErrorOf({ ...defaults, pullAccess: AzureBlobAccess.containerSas({ validityDays: days }) });
    expectProblem(error, { prop: "pullAccess.validityDays", value: days, rule: "AzureSasValidity", problem: "must be a whole number of days from 1 to 365", fix: null });
  });

  it("SAS expiry and validityDays together", () => {
    const error = validationErrorOf({ ...defaults, pullAccess: AzureBlobAccess.containerSas({ expiry: "2099-01-01", validityDays: 30 }) });
    expectProblem(error, { prop: "pullAccess.validityDays", value: 30, rule: "AzureSasValidity", problem: "cannot be combined with an explicit expiry", fix: "drop one of them" });
  });

  it.each([
    ["containerSas", AzureBlobAccess.containerSas()],
    ["accountConnectionString", AzureBlobAccess.accountConnectionString()],
  ])("sharedKeyAccess: false contradicts %s", (kind, access) => {
    const error = validationErrorOf({ ...keyless, pushAccess: access, sharedKeyAccess: false });
    expectOnlyProblem(error, {
      prop: "pushAccess",
      value: kind,
      rule: "AzureSharedKeyAccess",
      problem: "needs shared-key access, which sharedKeyAccess: false turns off",
      fix: "use AzureBlobAccess.managedIdentity(principalId) for this side, or leave sharedKeyAccess unset",
    });
  });

  it("sharedKeyAccess: false with both sides on the default SAS names both sides", () => {
    const error = validationErrorOf({ ...defaults, sharedKeyAccess: false });
    expect(error.problems.map((p) => [p.prop, p.rule])).toEqual([
      ["pushAccess", "AzureSharedKeyAccess"],
      ["pullAccess", "AzureSharedKeyAccess"],
    ]);
  });
});

describe("AzureBlobCodeStorage: contradictory or missing account and container", () => {
  it("both storageAccountName and existingStorageAccountId", () => {
    const error = validationErrorOf({ ...defaults, existingStorageAccountId: EXISTING_ACCOUNT_ID });
    expectProblem(error, {
      prop: "storageAccountName",
      value: ACCOUNT,
      rule: "AzureAccountSource",
      problem: "set exactly one of storageAccountName (create) and existingStorageAccountId (reuse)",
      fix: null,
    });
  });

  it("neither: only that problem (and none about the account's options)", () => {
    const error = validationErrorOf({ containerName: CONTAINER, folder: FOLDER });
    expectOnlyProblem(error, { prop: "storageAccountName", value: undefined, rule: "AzureAccountSource", problem: "set exactly one of", fix: null });
  });

  it("creating an account needs its resource group and location", () => {
    const error = validationErrorOf({ storageAccountName: ACCOUNT, containerName: CONTAINER, folder: FOLDER });
    expect(error.problems.map((p) => [p.prop, p.rule, p.problem])).toEqual([
      ["resourceGroupName", "AzureAccountPlacement", "is required to create a storage account"],
      ["location", "AzureAccountPlacement", "is required to create a storage account"],
    ]);
  });

  it.each([
    ["replicationType", "ZRS"],
    ["blobSoftDeleteRetentionDays", 30],
    ["containerSoftDeleteRetentionDays", 30],
    ["noncurrentVersionExpirationDays", 30],
    ["infrastructureEncryption", true],
    ["publicNetworkAccess", false],
    ["sharedKeyAccess", false],
    ["tags", { team: "data" }],
    ["location", LOCATION],
  ] as const)("an existing account refuses %s", (prop, value) => {
    const error = validationErrorOf({ existingStorageAccountId: EXISTING_ACCOUNT_ID, containerName: CONTAINER, folder: FOLDER, [prop]: value });
    expectOnlyProblem(error, {
      prop,
      value,
      rule: "AzureExistingAccount",
      problem: "cannot be applied to an existing account, which this construct does not manage",
      fix: "set it where the account is defined",
    });
  });

  it("an existing account reads its resource group from the ID", () => {
    const error = validationErrorOf({ existingStorageAccountId: EXISTING_ACCOUNT_ID, resourceGroupName: "rg-shared", containerName: CONTAINER, folder: FOLDER });
    expectProblem(error, {
      prop: "resourceGroupName",
      value: "rg-shared",
      rule: "AzureExistingAccount",
      problem: "cannot be applied to an existing account",
      fix: "drop it: the resource group is read from existingStorageAccountId",
    });
  });

  it.each([
    ["both", { containerName: CONTAINER, existingContainerName: "other" }],
    ["neither", {}],
  ])("container: %s of containerName and existingContainerName", (_label, containers) => {
    const { containerName: _c, ...rest } = defaults;
    const error = validationErrorOf({ ...rest, existingStorageAccountId: undefined, ...containers } as AzureBlobCodeStorageProps);
    expect(error.problems.filter((p) => p.rule === "AzureContainerSource" && p.prop === "containerName").map((p) => p.problem)).toEqual([
      "set exactly one of containerName (create) and existingContainerName (reuse)",
    ]);
  });

  it("an existing container cannot be in an account this construct creates", () => {
    const { containerName: _c, ...rest } = defaults;
    const error = validationErrorOf({ ...rest, existingContainerName: "their-code" });
    expectProblem(error, {
      prop: "existingContainerName",
      value: "their-code",
      rule: "AzureContainerSource",
      problem: "cannot be in a storage account this construct creates",
      fix: "use containerName to create it",
    });
  });

  it.each([
    ["blobSoftDeleteRetentionDays", 0],
    ["containerSoftDeleteRetentionDays", 366],
  ] as const)("%s out of range", (prop, days) => {
    const error = validationErrorOf({ ...defaults, [prop]: days });
    expectProblem(error, { prop, value: days, rule: "AzureRetentionDays", problem: "must be a whole number of days from 1 to 365", fix: null });
  });

  it.each([[0], [2.5]])("noncurrentVersionExpirationDays %p", (days) => {
    const error = validationErrorOf({ ...defaults, noncurrentVersionExpirationDays: days });
    expectProblem(error, { prop: "noncurrentVersionExpirationDays", value: days, rule: "AzureLifecycle", problem: "must be a whole number of days, at least 1", fix: null });
  });

  it("reports several problems together in one error, each with its own rule", () => {
    const error = validationErrorOf({
      storageAccountName: "Acme-Code",
      resourceGroupName: RG,
      location: LOCATION,
      containerName: "Flow__Code",
      folder: "/flows/",
      blobSoftDeleteRetentionDays: 0,
      sharedKeyAccess: false,
      pullAccess: AzureBlobAccess.managedIdentity("worker"),
      pushAccess: AzureBlobAccess.containerSas({ expiry: "soon" }),
    });
    expect([...new Set(error.problems.map((p) => p.rule))].sort()).toEqual([
      "AzureContainerName",
      "AzurePrincipalId",
      "AzureRetentionDays",
      "AzureSasExpiry",
      "AzureSharedKeyAccess",
      "AzureStorageAccountName",
      "StorageFolder",
    ]);
    expectOneLinePerProblem(error);
    for (const v of ['"Acme-Code"', '"Flow__Code"', '"/flows/"', '"worker"', '"soon"']) expect(error.message).toContain(v);
  });

  it("reports the full path when nested deeper in the tree, and the app writes nothing", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, STACK);
    const team = new Construct(stack, "team-a");
    new AzureBlobCodeStorage(team, "code", { ...defaults, storageAccountName: "ab" });
    expect(() => app.synth()).toThrow(`Invalid configuration for '${STACK}/team-a/code'`);
    expect(fs.existsSync(path.join(app.outdir, "stacks", STACK, "cdk.tf.json"))).toBe(false);
  });

  it("a valid configuration throws nothing", () => {
    expect(() =>
      synthStorage({ ...defaults, folderFromEnv: "PREFECT_ENV", blockNamePrefix: "etl", noncurrentVersionExpirationDays: 1, blobSoftDeleteRetentionDays: 365 }),
    ).not.toThrow();
  });
});
