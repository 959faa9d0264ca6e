import { IamAccessKey } from "@cdktf/provider-aws/lib/iam-access-key";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { IamUserPolicy } from "@cdktf/provider-aws/lib/iam-user-policy";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { Construct, IConstruct } from "constructs";
import { AwsCredentialsBlock } from "prefect-code-storage/lib/prefect/blocks/aws-credentials";
import { PULL_FROM_S3, PUSH_TO_S3 } from "prefect-code-storage/lib/prefect/steps/aws";
import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { IamName, S3BucketName, AwsKmsKeyArn } from "prefect-code-storage/lib/validation/rules";
import { createdOrExisting, locationForYaml, ObjectStorageCommonProps, resolveCommonProps } from "prefect-code-storage/lib/storage/common";
import { ObjectCodeStorage } from "prefect-code-storage/lib/storage/object-code-storage";
import { UploadTarget } from "prefect-code-storage/lib/storage/upload";
import { fitName, logicalName } from "prefect-code-storage/lib/storage/names";
import { S3Identity } from "./identity";
import { LockedDownBucket } from "./locked-down-bucket";
import { FlowCodeLocation, pullPolicy, pushPolicy } from "./policies";
import { policyJson } from "../iam/aws-iam-policy";
import { checkGrantOptions, GrantOptions } from "prefect-code-storage/lib/storage/grant-options";
import { CHECKS } from "prefect-code-storage/lib/validation/checks";

/** Props of S3CodeStorage: the bucket (created or existing) the code goes to, its encryption, and who may push and pull it. */
export interface S3CodeStorageProps extends ObjectStorageCommonProps {
  /**
   * Name of the bucket to create, locked down (see LockedDownBucket).
   * Exactly one of `bucketName` and `existingBucketName`.
   * @default none
   */
  readonly bucketName?: string;
  /**
   * Use this existing bucket instead. Nothing about the bucket itself is created or changed: its
   * encryption, versioning and bucket policy stay yours; only the identities and grants are created.
   * @default none
   */
  readonly existingBucketName?: string;
  /**
   * ARN of a customer managed KMS key: the bucket (if created) uses SSE-KMS with it, and push and
   * pull get the KMS actions they need on it. Give it for an existing bucket encrypted with such a key.
   * @default SSE-S3 (AES256), no KMS grants
   */
  readonly kmsKeyArn?: string;
  /**
   * Delete noncurrent object versions after this many days (created bucket only). Each deploy
   * overwrites the code, so versions accumulate.
   * @default no lifecycle rule: every version is kept
   */
  readonly noncurrentVersionExpirationDays?: number;
  /**
   * Who uploads code at `prefect deploy` (CI).
   * @default S3Identity.iamUser(): an IAM user with an access key and an aws-credentials block
   */
  readonly pushIdentity?: S3Identity;
  /**
   * Who downloads code before each flow run (workers).
   * @default S3Identity.iamUser(): an IAM user with an access key and an aws-credentials block
   */
  readonly pullIdentity?: S3Identity;
  /**
   * `region_name` written into the credentials blocks.
   * @default the created bucket's region; none for an existing bucket
   */
  readonly region?: string;
}

/**
 * Flow code in S3: the bucket (or an existing one), a push identity for CI and a pull identity for
 * workers, each limited to the code folder, their aws-credentials blocks, and the push_to_s3 /
 * pull_from_s3 steps of Prefect's `s3` recipe that use them.
 */
export class S3CodeStorage extends ObjectCodeStorage {
  readonly bucketName: string;
  readonly bucket?: LockedDownBucket;
  readonly pushBlock?: AwsCredentialsBlock;
  readonly pullBlock?: AwsCredentialsBlock;
  private readonly location: FlowCodeLocation;
  /** Stem of block, user and policy names (see blockNamePrefix); stable even for a token bucket name. */
  private readonly nameStem: string;

  constructor(scope: Construct, id: string, props: S3CodeStorageProps) {
    super(scope, id, props);
    const errors = new ValidationErrors();
    const bucketName = createdOrExisting(
      errors,
      S3BucketName,
      CHECKS.S3BucketSource,
      { prop: "bucketName", value: props.bucketName },
      { prop: "existingBucketName", value: props.existingBucketName },
    );
    const { folder, stem } = resolveCommonProps(errors, props, bucketName, id);
    const days = props.noncurrentVersionExpirationDays;
    if (days !== undefined && props.existingBucketName !== undefined) {
      errors.add("noncurrentVersionExpirationDays", days, CHECKS.S3ExistingBucket, "cannot be applied to an existing bucket, which this construct does not manage", "set the lifecycle rule where the bucket is defined");
    }
    if (days !== undefined && !(Number.isInteger(days) && days >= 1)) {
      errors.add("noncurrentVersionExpirationDays", days, CHECKS.S3Lifecycle, "must be a whole number of days, at least 1");
    }
    errors.check(AwsKmsKeyArn, "kmsKeyArn", props.kmsKeyArn);
    const push = props.pushIdentity ?? S3Identity.iamUser();
    const pull = props.pullIdentity ?? S3Identity.iamUser();
    push._validate(errors, "pushIdentity");
    pull._validate(errors, "pullIdentity");
    errors.report(this);

    this.bucketName = bucketName!;
    this.nameStem = stem;
    this.location = { bucketName: this.bucketName, prefix: folder.grantPrefix, kmsKeyArn: props.kmsKeyArn };
    if (props.bucketName) {
      this.bucket = new LockedDownBucket(this, "storage", {
        bucketName: props.bucketName,
        kmsKeyArn: props.kmsKeyArn,
        noncurrentVersionExpirationDays: days,
      });
    }
    const region = props.region ?? this.bucket?.bucket.region;
    const blockOptions = { region, writeOnly: props.writeOnlyBlocks };

    this.pushBlock = this.setUpSide("push", push, pushPolicy(this.location), `${stem}-push`, blockOptions);
    this.pullBlock = this.setUpSide("pull", pull, pullPolicy(this.location), `${stem}-pull`, blockOptions);

    const bucketForYaml = locationForYaml(this, this.bucketName, stem, "bucket");
    const steps = { storeParam: "bucket", push: PUSH_TO_S3, pull: PULL_FROM_S3 };
    this._useSteps(steps, bucketForYaml, folder, { credentials: this.pushBlock?.reference() }, { credentials: this.pullBlock?.reference() });
    this._addOutputs(
      { bucket_name: { value: this.bucketName, description: "Bucket holding the flow code" } },
      { kind: "bucket", value: bucketForYaml },
      { push: this.pushBlock, pull: this.pullBlock },
    );
  }

  /**
   * Uploads the flow code in `directory` with Terraform itself, one `aws_s3_object` per file that
   * `.prefectignore` lets through (the same files push_to_s3 would upload), each keyed by its content
   * hash so unchanged files cause no diff. With FlowDeployment's `manageWithTerraform`, `cdktf deploy`
   * then ships code and deployment with no `prefect deploy` at all. Files are read at synth time.
   */
  override uploadCode(directory: string): S3Object[] {
    return super.uploadCode(directory) as S3Object[];
  }

  /** @internal */
  protected _uploadObject(t: UploadTarget): S3Object {
    return new S3Object(this, t.id, { bucket: this.bucket?.bucket.id ?? this.bucketName, key: t.objectName, source: t.source, sourceHash: t.file.sha256 });
  }

  /** Lets an existing IAM role (its name) download the code, e.g. another worker pool's task role. */
  grantPull(roleName: string, options: GrantOptions = {}): IConstruct {
    return this.grantRole(options.id ?? `grant-pull-${logicalName(roleName)}`, roleName, "prefect-code-pull", pullPolicy(this.location), options);
  }

  /** Lets an existing IAM role (its name) upload the code, e.g. the role CI assumes. */
  grantPush(roleName: string, options: GrantOptions = {}): IConstruct {
    return this.grantRole(options.id ?? `grant-push-${logicalName(roleName)}`, roleName, "prefect-code-push", pushPolicy(this.location), options);
  }

  private grantRole(id: string, roleName: string, policyName: string, policy: ReturnType<typeof pullPolicy>, options: GrantOptions = {}): IamRolePolicy {
    const errors = new ValidationErrors();
    errors.check(IamName, "roleName", roleName);
    checkGrantOptions(errors, options, "aws");
    errors.report(this, `${this.node.path}/${id}`);
    return new IamRolePolicy(this, id, {
      role: roleName,
      name: fitName(`${policyName}-${this.nameStem}`, 128),
      policy: policyJson(policy),
    });
  }

  /** One side's identity: a user with key, policy and block, or a grant on an existing role. */
  private setUpSide(
    side: "push" | "pull",
    identity: S3Identity,
    policy: ReturnType<typeof pushPolicy>,
    blockName: string,
    block: { region?: string; writeOnly?: boolean },
  ): AwsCredentialsBlock | undefined {
    if (!identity.usesAccessKey) {
      if (side === "push") this.grantPush(identity.name!, { id: `${side}-role-policy` });
      else this.grantPull(identity.name!, { id: `${side}-role-policy` });
      return undefined;
    }
    const user = new IamUser(this, `${side}-user`, {
      name: identity.name ?? fitName(`prefect-${blockName}`, 64),
      path: identity.path,
      tags: { "prefect-code-storage": side },
    });
    new IamUserPolicy(this, `${side}-user-policy`, { user: user.name, name: `prefect-code-${side}`, policy: policyJson(policy) });
    const key = new IamAccessKey(this, `${side}-access-key`, { user: user.name });
    return new AwsCredentialsBlock(this, `${side}-credentials`, {
      name: blockName,
      writeOnly: block.writeOnly,
      data: { awsAccessKeyId: key.id, awsSecretAccessKey: key.secret, regionName: block.region },
    });
  }

}
