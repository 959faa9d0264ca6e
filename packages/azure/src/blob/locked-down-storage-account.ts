import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageManagementPolicy } from "@cdktf/provider-azurerm/lib/storage-management-policy";
import { Construct } from "constructs";
import type { AzureReplicationType } from "./props";

/** Props of LockedDownStorageAccount: the account's name, place and redundancy, its soft-delete and version retention, and which access it allows. */
export interface LockedDownStorageAccountProps {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly replicationType: AzureReplicationType;
  readonly blobSoftDeleteRetentionDays: number;
  readonly containerSoftDeleteRetentionDays: number;
  readonly infrastructureEncryption: boolean;
  readonly publicNetworkAccess: boolean;
  readonly sharedKeyAccess: boolean;
  /**
   * Delete previous (non-current) blob versions this many days after they were written (Azure counts a
   * version's age from its creation, not from when it was replaced); otherwise they are kept.
   * @default - no lifecycle policy: every version is kept
   */
  readonly noncurrentVersionExpirationDays?: number;
  /** Blob-name prefix the version rule is limited to (`<container>/`). */
  readonly versionRulePrefix: string;
  /** @default - none */
  readonly tags?: { [key: string]: string };
}

/**
 * A StorageV2 account for flow code, closed by default: HTTPS only with TLS 1.2 at least, no
 * anonymous (public) blob access, no cross-tenant replication, no SFTP local users, blob versioning
 * on, soft delete for blobs and containers. Shared-key access, public network access and
 * infrastructure (double) encryption follow the props.
 */
export class LockedDownStorageAccount extends Construct {
  readonly account: StorageAccount;

  constructor(scope: Construct, id: string, props: LockedDownStorageAccountProps) {
    super(scope, id);
    this.account = new StorageAccount(this, "account", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      accountKind: "StorageV2",
      accountTier: "Standard",
      accountReplicationType: props.replicationType,
      minTlsVersion: "TLS1_2",
      httpsTrafficOnlyEnabled: true,
      allowNestedItemsToBePublic: false,
      crossTenantReplicationEnabled: false,
      localUserEnabled: false,
      sharedAccessKeyEnabled: props.sharedKeyAccess,
      // Without shared keys, the portal and tools should also sign in with Entra ID.
      defaultToOauthAuthentication: !props.sharedKeyAccess,
      publicNetworkAccessEnabled: props.publicNetworkAccess,
      infrastructureEncryptionEnabled: props.infrastructureEncryption,
      blobProperties: {
        versioningEnabled: true,
        deleteRetentionPolicy: { days: props.blobSoftDeleteRetentionDays },
        containerDeleteRetentionPolicy: { days: props.containerSoftDeleteRetentionDays },
      },
      tags: props.tags,
    });
    if (props.noncurrentVersionExpirationDays !== undefined) {
      new StorageManagementPolicy(this, "lifecycle", {
        storageAccountId: this.account.id,
        rule: [
          {
            name: "expire-noncurrent-flow-code",
            enabled: true,
            filters: { blobTypes: ["blockBlob"], prefixMatch: [props.versionRulePrefix] },
            actions: { version: { deleteAfterDaysSinceCreation: props.noncurrentVersionExpirationDays } },
          },
        ],
      });
    }
  }
}
