import { DataAzurermStorageAccount } from "@cdktf/provider-azurerm/lib/data-azurerm-storage-account";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { StorageBlob } from "@cdktf/provider-azurerm/lib/storage-blob";
import { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
import { Fn, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { AzureBlobStorageCredentialsBlock, AzureBlobStorageCredentialsData } from "prefect-code-storage/lib/prefect/blocks/azure-blob-storage-credentials";
import { PULL_FROM_AZURE_BLOB_STORAGE, PUSH_TO_AZURE_BLOB_STORAGE } from "prefect-code-storage/lib/prefect/steps/azure";
import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { AzurePrincipalId } from "prefect-code-storage/lib/validation/rules/azure-principal-id";
import { parseStorageAccountId } from "prefect-code-storage/lib/validation/rules/azure-storage-account-id";
import { locationForYaml, resolveCommonProps } from "prefect-code-storage/lib/storage/common";
import { ObjectCodeStorage } from "prefect-code-storage/lib/storage/object-code-storage";
import { UploadTarget } from "prefect-code-storage/lib/storage/upload";
import { logicalName } from "prefect-code-storage/lib/storage/names";
import {
  AzureBlobAccess,
  PULL_ROLE,
  PULL_SAS_PERMISSIONS,
  PUSH_ROLE,
  PUSH_SAS_PERMISSIONS,
  SasPermissions,
} from "./access";
import { AzurePrincipalType } from "prefect-code-storage/lib/storage/azure-principal-type";
import { ContainerSasConnectionString } from "./container-sas";
import { blobAccountUrl, containerResourceId } from "./endpoints";
import { LockedDownStorageAccount } from "./locked-down-storage-account";
import { AzureBlobCodeStorageProps, AzureReplicationType, validateAccount, validateContainer } from "./props";
import { checkGrantOptions, GrantOptions } from "prefect-code-storage/lib/storage/grant-options";


/**
 * Flow code in Azure Blob Storage: a locked-down storage account (or an existing one), a private
 * container (or an existing one), one azure-blob-storage-credentials block per side holding what
 * that side may do (account connection string, container SAS or keyless account URL, see
 * AzureBlobAccess), role assignments for keyless sides, and the push_to_azure_blob_storage /
 * pull_from_azure_blob_storage steps that use the blocks.
 */
export class AzureBlobCodeStorage extends ObjectCodeStorage {
  /** The account's name (a Terraform expression when read from an unresolved account ID). */
  readonly accountName: string;
  readonly storageAccountId: string;
  readonly containerName: string;
  /** Resource Manager ID of the container: the scope of every role assignment. */
  readonly containerResourceId: string;
  readonly storageAccount?: LockedDownStorageAccount;
  readonly container?: StorageContainer;
  readonly pushBlock: AzureBlobStorageCredentialsBlock;
  readonly pullBlock: AzureBlobStorageCredentialsBlock;
  /** The SAS behind a containerSas side, for its expiry. */
  readonly pushSas?: ContainerSasConnectionString;
  readonly pullSas?: ContainerSasConnectionString;
  private readonly existingResourceGroupName?: string;
  private accountKeyConnectionString?: string;
  private readonly unresolvedGrants = { push: 0, pull: 0 };

  constructor(scope: Construct, id: string, props: AzureBlobCodeStorageProps) {
    super(scope, id, props);
    const errors = new ValidationErrors();
    const push = props.pushAccess ?? AzureBlobAccess.containerSas();
    const pull = props.pullAccess ?? AzureBlobAccess.containerSas();
    validateAccount(errors, props, push, pull);
    const containerName = validateContainer(errors, props);
    const { folder, stem } = resolveCommonProps(errors, props, containerName, id);
    push._validate(errors, "pushAccess");
    pull._validate(errors, "pullAccess");
    errors.report(this);

    this.containerName = containerName!;

    if (props.storageAccountName !== undefined) {
      this.storageAccount = new LockedDownStorageAccount(this, "storage", {
        name: props.storageAccountName,
        resourceGroupName: props.resourceGroupName!,
        location: props.location!,
        replicationType: props.replicationType ?? AzureReplicationType.LRS,
        blobSoftDeleteRetentionDays: props.blobSoftDeleteRetentionDays ?? 7,
        containerSoftDeleteRetentionDays: props.containerSoftDeleteRetentionDays ?? 7,
        infrastructureEncryption: props.infrastructureEncryption ?? false,
        publicNetworkAccess: props.publicNetworkAccess ?? true,
        sharedKeyAccess: props.sharedKeyAccess ?? (push.usesSharedKey || pull.usesSharedKey),
        noncurrentVersionExpirationDays: props.noncurrentVersionExpirationDays,
        versionRulePrefix: `${this.containerName}/`,
        tags: props.tags,
      });
      this.accountName = props.storageAccountName;
      this.storageAccountId = this.storageAccount.account.id;
    } else {
      // Neither account prop set is a reported problem; go on with an empty ID (nothing is written).
      const accountId = props.existingStorageAccountId ?? "";
      const parsed = Token.isUnresolved(accountId) ? undefined : parseStorageAccountId(accountId);
      this.accountName = parsed?.accountName ?? Fn.element(Fn.split("/", accountId), 8);
      this.existingResourceGroupName = parsed?.resourceGroupName ?? Fn.element(Fn.split("/", accountId), 4);
      this.storageAccountId = accountId;
    }

    if (props.containerName !== undefined) {
      // storage_account_id (not the deprecated storage_account_name): created through Resource
      // Manager, so it works with shared keys and public network access both off.
      this.container = new StorageContainer(this, "container", {
        name: props.containerName,
        storageAccountId: this.storageAccountId,
        containerAccessType: "private",
      });
      this.containerResourceId = this.container.resourceManagerId;
    } else {
      this.containerResourceId = containerResourceId(this.storageAccountId, this.containerName);
    }

    const sides = { stem, writeOnly: props.writeOnlyBlocks };
    ({ block: this.pushBlock, sas: this.pushSas } = this.setUpSide("push", push, PUSH_SAS_PERMISSIONS, sides));
    ({ block: this.pullBlock, sas: this.pullSas } = this.setUpSide("pull", pull, PULL_SAS_PERMISSIONS, sides));

    const containerForYaml = locationForYaml(this, this.containerName, stem, "container");
    const steps = { storeParam: "container", push: PUSH_TO_AZURE_BLOB_STORAGE, pull: PULL_FROM_AZURE_BLOB_STORAGE };
    this._useSteps(steps, containerForYaml, folder, { credentials: this.pushBlock.reference() }, { credentials: this.pullBlock.reference() });
    this._addOutputs(
      {
        account_name: { value: this.accountName, description: "Storage account holding the flow code" },
        container_name: { value: this.containerName, description: "Container holding the flow code" },
      },
      { kind: "container", value: containerForYaml },
      { push: this.pushBlock, pull: this.pullBlock },
      {
        push_sas_expiry: this.pushSas && { value: this.pushSas.expiry, description: "When the push SAS expires: renew it before then" },
        pull_sas_expiry: this.pullSas && { value: this.pullSas.expiry, description: "When the pull SAS expires: renew it before then" },
      },
    );
  }

  /**
   * Uploads the flow code in `directory` with Terraform itself: one block `azurerm_storage_blob` per
   * file `.prefectignore` lets through (the files push_to_azure_blob_storage would upload), with its
   * content MD5 so only changed files change. With FlowDeployment's `manageWithTerraform`,
   * `cdktf deploy` alone ships the code. Terraform then writes through the data plane: it needs data
   * access to the container (with shared keys off, `storageUseAzuread` and a Blob Data role).
   */
  override uploadCode(directory: string): StorageBlob[] {
    return super.uploadCode(directory) as StorageBlob[];
  }

  /** @internal */
  protected _uploadObject(t: UploadTarget): StorageBlob {
    return new StorageBlob(this, t.id, {
      name: t.objectName,
      storageAccountName: this.accountName,
      storageContainerName: this.container?.name ?? this.containerName,
      type: "Block",
      source: t.source,
      contentMd5: t.file.md5,
    });
  }

  /** Lets another identity download the code (Storage Blob Data Reader on the container). */
  grantPull(principalId: string, options: GrantOptions = {}): IConstruct {
    return this.grantRole("pull", PULL_ROLE, principalId, options);
  }

  /** Lets another identity upload the code (Storage Blob Data Contributor on the container). */
  grantPush(principalId: string, options: GrantOptions = {}): IConstruct {
    return this.grantRole("push", PUSH_ROLE, principalId, options);
  }

  private grantRole(side: "push" | "pull", role: string, principalId: string, options: GrantOptions): RoleAssignment {
    // A principal ID only known after apply (a token) would give an id that shifts with unrelated code: count those instead.
    const id =
      options.id ??
      (Token.isUnresolved(principalId) ? `grant-${side}-${++this.unresolvedGrants[side]}` : `grant-${side}-${logicalName(principalId)}`);
    const errors = new ValidationErrors();
    errors.check(AzurePrincipalId, "principalId", principalId);
    checkGrantOptions(errors, options, "azure");
    errors.report(this, `${this.node.path}/${id}`);
    return new RoleAssignment(this, id, {
      scope: this.containerResourceId,
      roleDefinitionName: role,
      principalId,
      principalType: (options.principalType as AzurePrincipalType | undefined) ?? "ServicePrincipal",
      description: `Prefect flow code ${side}: ${this.containerName}/${this.folder}`,
    });
  }

  /** One side's block: what it holds depends on the access mode; keyless sides also get their role. */
  private setUpSide(
    side: "push" | "pull",
    access: AzureBlobAccess,
    permissions: SasPermissions,
    options: { stem: string; writeOnly?: boolean },
  ): { block: AzureBlobStorageCredentialsBlock; sas?: ContainerSasConnectionString } {
    let sas: ContainerSasConnectionString | undefined;
    let data: AzureBlobStorageCredentialsData;
    switch (access.kind) {
      case "accountConnectionString":
        data = { connectionString: this.accountConnectionString() };
        break;
      case "containerSas":
        sas = new ContainerSasConnectionString(this, `${side}-sas`, {
          accountConnectionString: this.accountConnectionString(),
          accountName: this.accountName,
          // The created container's attribute, so the SAS is read only once the container exists.
          containerName: this.container?.name ?? this.containerName,
          permissions,
          options: access.sas,
        });
        data = { connectionString: sas.value };
        break;
      case "managedIdentity":
        this.grantRole(side, side === "push" ? PUSH_ROLE : PULL_ROLE, access.principalId!, {
          principalType: access.principalType,
          id: `${side}-role-assignment`,
        });
        data = { accountUrl: blobAccountUrl(this.accountName) };
        break;
    }
    const block = new AzureBlobStorageCredentialsBlock(this, `${side}-credentials`, {
      name: `${options.stem}-${side}`,
      writeOnly: options.writeOnly,
      // A write-only block only takes new data when its version changes: follow the SAS renewals.
      writeOnlyVersion: options.writeOnly ? sas?.renewalVersion : undefined,
      data,
    });
    return { block, sas };
  }

  /** The account-key connection string: the created account's attribute, or read from the existing account. */
  private accountConnectionString(): string {
    if (this.accountKeyConnectionString === undefined) {
      this.accountKeyConnectionString = this.storageAccount
        ? this.storageAccount.account.primaryConnectionString
        : new DataAzurermStorageAccount(this, "existing-account", {
            name: this.accountName,
            resourceGroupName: this.existingResourceGroupName!,
          }).primaryConnectionString;
    }
    return this.accountKeyConnectionString;
  }

}
