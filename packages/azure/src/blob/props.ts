import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { AzureContainerName } from "prefect-code-storage/lib/validation/rules/azure-container-name";
import { AzureResourceGroupName } from "prefect-code-storage/lib/validation/rules/azure-resource-group-name";
import { AzureRetentionDays } from "prefect-code-storage/lib/validation/rules/azure-retention-days";
import { AzureStorageAccountId } from "prefect-code-storage/lib/validation/rules/azure-storage-account-id";
import { AzureStorageAccountName } from "prefect-code-storage/lib/validation/rules/azure-storage-account-name";
import { ObjectStorageCommonProps } from "prefect-code-storage/lib/storage/common";
import { AzureBlobAccess } from "./access";
import { createdOrExisting } from "prefect-code-storage/lib/storage/common";
import { CHECKS } from "prefect-code-storage/lib/validation/checks";

/** Storage account replication. */
export enum AzureReplicationType {
  LRS = "LRS",
  ZRS = "ZRS",
  GRS = "GRS",
  RAGRS = "RAGRS",
  GZRS = "GZRS",
  RAGZRS = "RAGZRS",
}

/** Props of AzureBlobCodeStorage: the storage account and container the code goes to (created or existing), and how CI and workers reach them. */
export interface AzureBlobCodeStorageProps extends ObjectStorageCommonProps {
  /**
   * Name of the storage account to create, locked down (see LockedDownStorageAccount): 3-24
   * lowercase letters and digits, unique across Azure. Exactly one of `storageAccountName` and
   * `existingStorageAccountId`.
   * @default none
   */
  readonly storageAccountName?: string;
  /**
   * Use this existing account instead, given by its resource ID
   * (`/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>`).
   * Nothing about the account is created or changed; its name and resource group are read from the ID.
   * @default none
   */
  readonly existingStorageAccountId?: string;
  /**
   * Resource group the created account goes into (it must exist, e.g. an `azurerm_resource_group`
   * of the same stack). Required with `storageAccountName`.
   * @default none
   */
  readonly resourceGroupName?: string;
  /**
   * Azure region of the created account, e.g. `westeurope`. Required with `storageAccountName`.
   * @default none
   */
  readonly location?: string;
  /**
   * Name of the private container to create for the code (3-63 lowercase letters, digits and single
   * hyphens). Exactly one of `containerName` and `existingContainerName`.
   * @default none
   */
  readonly containerName?: string;
  /**
   * Use this existing container of the existing account instead of creating one.
   * @default none
   */
  readonly existingContainerName?: string;
  /**
   * Redundancy of the created account. Code is uploaded again at every deploy, so local redundancy
   * is enough for most; ZRS survives a zone outage where the region offers it.
   * @default "LRS"
   */
  readonly replicationType?: AzureReplicationType;
  /**
   * Days a deleted or overwritten blob can be restored (created account; 1 to 365).
   * @default 7
   */
  readonly blobSoftDeleteRetentionDays?: number;
  /**
   * Days a deleted container can be restored (created account; 1 to 365).
   * @default 7
   */
  readonly containerSoftDeleteRetentionDays?: number;
  /**
   * Delete previous blob versions of the container this many days after they were written (created
   * account only; a lifecycle management policy). Each deploy overwrites the code, so versions
   * accumulate. The policy is account-wide in Azure, which is why an existing account is refused.
   * @default no lifecycle policy: every version is kept
   */
  readonly noncurrentVersionExpirationDays?: number;
  /**
   * Encrypt the created account's data a second time at the infrastructure level (double encryption,
   * for compliance regimes that ask for it). Azure only allows this when the account is created.
   * @default false (service-side AES-256 encryption, always on)
   */
  readonly infrastructureEncryption?: boolean;
  /**
   * Whether the created account accepts requests from public networks (still authenticated). Turn it
   * off when every worker and CI runner reaches the account through a private endpoint.
   * @default true
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * Whether the created account accepts shared-key authorization (account keys and SAS signed with
   * them). Connection-string and SAS access need it, so `false` with either is an error. With
   * shared keys off, Terraform must reach the data plane with Entra ID: set `storageUseAzuread: true`
   * on the AzurermProvider.
   * @default false when both sides use managedIdentity, else true
   */
  readonly sharedKeyAccess?: boolean;
  /**
   * How CI uploads code at `prefect deploy`. The default is the least privileged mode that works
   * with no further input: managedIdentity is keyless but needs the principal of an identity the
   * runner actually has, and the account connection string would give full control of the account.
   * @default AzureBlobAccess.containerSas(): a write-only SAS for this container, valid 90 days
   */
  readonly pushAccess?: AzureBlobAccess;
  /**
   * How workers download code before each flow run.
   * @default AzureBlobAccess.containerSas(): a read + list SAS for this container, valid 90 days
   */
  readonly pullAccess?: AzureBlobAccess;
  /**
   * Tags of the created account.
   * @default none
   */
  readonly tags?: { [key: string]: string };
}

/** Account-level props that only apply to an account this construct creates. */
const CREATED_ACCOUNT_ONLY = [
  "replicationType",
  "blobSoftDeleteRetentionDays",
  "containerSoftDeleteRetentionDays",
  "noncurrentVersionExpirationDays",
  "infrastructureEncryption",
  "publicNetworkAccess",
  "sharedKeyAccess",
  "tags",
  "resourceGroupName",
  "location",
] as const;

/** Account source, placement and options: created-account options are refused for an existing account. @internal */
export function validateAccount(errors: ValidationErrors, props: AzureBlobCodeStorageProps, push: AzureBlobAccess, pull: AzureBlobAccess): void {
  const creating = props.storageAccountName !== undefined;
  if (creating === (props.existingStorageAccountId !== undefined)) {
    errors.add(
      "storageAccountName",
      props.storageAccountName ?? props.existingStorageAccountId,
      CHECKS.AzureAccountSource,
      "set exactly one of storageAccountName (create) and existingStorageAccountId (reuse)",
    );
  }
  errors.check(AzureStorageAccountName, "storageAccountName", props.storageAccountName);
  errors.check(AzureStorageAccountId, "existingStorageAccountId", props.existingStorageAccountId);
  if (creating) {
    for (const prop of ["resourceGroupName", "location"] as const) {
      if (props[prop] === undefined) errors.add(prop, undefined, CHECKS.AzureAccountPlacement, "is required to create a storage account");
    }
    errors.check(AzureResourceGroupName, "resourceGroupName", props.resourceGroupName);
    errors.check(AzureRetentionDays, "blobSoftDeleteRetentionDays", props.blobSoftDeleteRetentionDays);
    errors.check(AzureRetentionDays, "containerSoftDeleteRetentionDays", props.containerSoftDeleteRetentionDays);
    const days = props.noncurrentVersionExpirationDays;
    if (days !== undefined && !(Number.isInteger(days) && days >= 1)) {
      errors.add("noncurrentVersionExpirationDays", days, CHECKS.AzureLifecycle, "must be a whole number of days, at least 1");
    }
    if (props.sharedKeyAccess === false) {
      for (const [prop, access] of [["pushAccess", push], ["pullAccess", pull]] as const) {
        if (access.usesSharedKey) {
          errors.add(
            prop,
            access.kind,
            CHECKS.AzureSharedKeyAccess,
            "needs shared-key access, which sharedKeyAccess: false turns off",
            "use AzureBlobAccess.managedIdentity(principalId) for this side, or leave sharedKeyAccess unset",
          );
        }
      }
    }
  } else if (props.existingStorageAccountId !== undefined) {
    for (const prop of CREATED_ACCOUNT_ONLY) {
      if (props[prop] !== undefined) {
        errors.add(
          prop,
          props[prop],
          CHECKS.AzureExistingAccount,
          "cannot be applied to an existing account, which this construct does not manage",
          prop === "resourceGroupName" ? "drop it: the resource group is read from existingStorageAccountId" : "set it where the account is defined",
        );
      }
    }
  }
}

/** Exactly one container source; an existing container only in an existing account. @internal */
export function validateContainer(errors: ValidationErrors, props: AzureBlobCodeStorageProps): string | undefined {
  const containerName = createdOrExisting(
    errors,
    AzureContainerName,
    CHECKS.AzureContainerSource,
    { prop: "containerName", value: props.containerName },
    { prop: "existingContainerName", value: props.existingContainerName },
  );
  if (props.existingContainerName !== undefined && props.storageAccountName !== undefined) {
    errors.add(
      "existingContainerName",
      props.existingContainerName,
      CHECKS.AzureContainerSource,
      "cannot be in a storage account this construct creates: a new account has no containers",
      "use containerName to create it",
    );
  }
  return containerName;
}
