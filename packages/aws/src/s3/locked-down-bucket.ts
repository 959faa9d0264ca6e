import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import { denyInsecureTransportPolicy } from "./policies";
import { policyJson } from "../iam/aws-iam-policy";

/** Props of LockedDownBucket: the bucket's name, its encryption key and how long old versions of the code are kept. */
export interface LockedDownBucketProps {
  readonly bucketName: string;
  /**
   * SSE-KMS with this key; otherwise SSE-S3 (AES256).
   * @default - SSE-S3 (AES256)
   */
  readonly kmsKeyArn?: string;
  /**
   * Delete noncurrent versions after this many days; otherwise they are kept.
   * @default - noncurrent versions are kept forever
   */
  readonly noncurrentVersionExpirationDays?: number;
}

/**
 * An S3 bucket for flow code, closed by default: versioning on, default encryption, all four
 * public-access blocks, ACLs disabled (BucketOwnerEnforced), TLS-only bucket policy, and no
 * `force_destroy`, so `terraform destroy` refuses to delete a bucket that still holds code.
 */
export class LockedDownBucket extends Construct {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: LockedDownBucketProps) {
    super(scope, id);
    const bucket = (this.bucket = new S3Bucket(this, "bucket", { bucket: props.bucketName, forceDestroy: false }));

    const versioning = new S3BucketVersioningA(this, "versioning", {
      bucket: bucket.id,
      versioningConfiguration: { status: "Enabled" },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault: props.kmsKeyArn
            ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn }
            : { sseAlgorithm: "AES256" },
          // S3 Bucket Keys cut KMS request costs; they mean nothing for SSE-S3.
          bucketKeyEnabled: props.kmsKeyArn ? true : undefined,
        },
      ],
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, "public-access", {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", {
      bucket: bucket.id,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    new S3BucketPolicy(this, "policy", {
      bucket: bucket.id,
      policy: policyJson(denyInsecureTransportPolicy(props.bucketName)),
      // S3 rejects policy writes racing the public-access block's creation.
      dependsOn: [publicAccess],
    });
    if (props.noncurrentVersionExpirationDays !== undefined) {
      new S3BucketLifecycleConfiguration(this, "lifecycle", {
        bucket: bucket.id,
        rule: [
          {
            id: "expire-noncurrent-flow-code",
            status: "Enabled",
            filter: [{ prefix: "" }],
            noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionExpirationDays }],
            abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
          },
        ],
        dependsOn: [versioning],
      });
    }
  }
}
