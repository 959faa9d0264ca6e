import { DataGoogleStorageProjectServiceAccount } from "@cdktf/provider-google/lib/data-google-storage-project-service-account";
import { KmsCryptoKeyIamMember } from "@cdktf/provider-google/lib/kms-crypto-key-iam-member";
import { StorageBucket } from "@cdktf/provider-google/lib/storage-bucket";
import { Construct } from "constructs";
import type { GcsStorageClass } from "./gcs-code-storage";

/** Props of LockedDownGcsBucket: the bucket's name, project, location and class, its encryption key, and how long old versions of the code are kept. */
export interface LockedDownGcsBucketProps {
  readonly bucketName: string;
  readonly project: string;
  readonly location: string;
  readonly storageClass: GcsStorageClass;
  /**
   * CMEK: encrypt new objects with this Cloud KMS key; otherwise Google-managed encryption.
   * @default - Google-managed encryption
   */
  readonly kmsKeyName?: string;
  /**
   * Grant the project's Cloud Storage service agent encrypter/decrypter on `kmsKeyName`.
   * @default false: grant the key where it is managed
   */
  readonly grantKeyToServiceAgent?: boolean;
  /**
   * Delete noncurrent versions after this many days; otherwise they are kept.
   * @default - no lifecycle rule: noncurrent versions are kept forever
   */
  readonly noncurrentVersionExpirationDays?: number;
}

/**
 * A Cloud Storage bucket for flow code, closed by default: uniform bucket-level access (no ACLs,
 * and what IAM Conditions on the bucket require), public access prevention enforced, versioning on,
 * and no `force_destroy`, so `terraform destroy` refuses to delete a bucket that still holds code.
 * Cloud Storage serves its APIs over TLS only, so no transport policy is needed (unlike S3).
 *
 * With CMEK, Cloud Storage's service agent (`service-<project number>@gs-project-accounts...`), not
 * the push and pull identities, encrypts and decrypts: it needs
 * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key before the bucket is created.
 * `grantKeyToServiceAgent` grants it, looking the agent up with the
 * `google_storage_project_service_account` data source (which calls the API, and creates the agent
 * if the project has none yet); leave it off to grant it where the key is managed.
 */
export class LockedDownGcsBucket extends Construct {
  readonly bucket: StorageBucket;
  readonly keyGrant?: KmsCryptoKeyIamMember;

  constructor(scope: Construct, id: string, props: LockedDownGcsBucketProps) {
    super(scope, id);
    if (props.kmsKeyName && props.grantKeyToServiceAgent) {
      const agent = new DataGoogleStorageProjectServiceAccount(this, "service-agent", { project: props.project });
      this.keyGrant = new KmsCryptoKeyIamMember(this, "service-agent-key-access", {
        cryptoKeyId: props.kmsKeyName,
        role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
        member: agent.member,
      });
    }
    const days = props.noncurrentVersionExpirationDays;
    this.bucket = new StorageBucket(this, "bucket", {
      name: props.bucketName,
      project: props.project,
      location: props.location,
      storageClass: props.storageClass,
      uniformBucketLevelAccess: true,
      publicAccessPrevention: "enforced",
      versioning: { enabled: true },
      forceDestroy: false,
      encryption: props.kmsKeyName ? { defaultKmsKeyName: props.kmsKeyName } : undefined,
      lifecycleRule:
        days === undefined
          ? undefined
          : [
              // Each deploy overwrites the code; this removes the versions it leaves behind.
              { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: days } },
              // Parity with the S3 option; Prefect's steps never start XML multipart uploads.
              { action: { type: "AbortIncompleteMultipartUpload" }, condition: { age: 7 } },
            ],
      // Creating a CMEK bucket fails until the service agent may use the key.
      dependsOn: this.keyGrant ? [this.keyGrant] : undefined,
    });
  }
}
