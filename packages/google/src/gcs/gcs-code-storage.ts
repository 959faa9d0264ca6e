import { ServiceAccount } from "@cdktf/provider-google/lib/service-account";
import { ServiceAccountKey } from "@cdktf/provider-google/lib/service-account-key";
import { StorageBucketIamMember } from "@cdktf/provider-google/lib/storage-bucket-iam-member";
import { StorageBucketObject } from "@cdktf/provider-google/lib/storage-bucket-object";
import { Fn } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { GcpCredentialsBlock } from "prefect-code-storage/lib/prefect/blocks/gcp-credentials";
import { PULL_FROM_GCS, PUSH_TO_GCS } from "prefect-code-storage/lib/prefect/steps/gcp";
import { VariableRef } from "prefect-code-storage/lib/prefect/template";
import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { GcpIamMember } from "prefect-code-storage/lib/validation/rules/gcp-iam-member";
import { GcpKmsKeyName, kmsKeyLocation } from "prefect-code-storage/lib/validation/rules/gcp-kms-key-name";
import { GcpProjectId } from "prefect-code-storage/lib/validation/rules/gcp-project-id";
import { GcsBucketName } from "prefect-code-storage/lib/validation/rules/gcs-bucket-name";
import { GcsLocation } from "prefect-code-storage/lib/validation/rules/gcs-location";
import { createdOrExisting, locationForYaml, ObjectStorageCommonProps, resolveCommonProps } from "prefect-code-storage/lib/storage/common";
import { fitName, logicalName } from "prefect-code-storage/lib/storage/names";
import { ObjectCodeStorage } from "prefect-code-storage/lib/storage/object-code-storage";
import { UploadTarget } from "prefect-code-storage/lib/storage/upload";
import { FolderBinding, GcsAccessRoles, GcsFolderLocation, PREDEFINED_ROLES, pullBindings, pushBindings } from "./grants";
import { GcsIdentity } from "./identity";
import { LockedDownGcsBucket } from "./locked-down-bucket";
import { GcsCustomRoles } from "./roles";
import { checkGrantOptions, GrantOptions } from "prefect-code-storage/lib/storage/grant-options";
import { CHECKS } from "prefect-code-storage/lib/validation/checks";

/** Cloud Storage classes, from most to least frequently read. */
export enum GcsStorageClass {
  STANDARD = "STANDARD",
  NEARLINE = "NEARLINE",
  COLDLINE = "COLDLINE",
  ARCHIVE = "ARCHIVE",
}
const STORAGE_CLASSES: readonly string[] = Object.values(GcsStorageClass);

/** Which IAM roles grants bind: custom roles with exactly the steps' permissions, or predefined ones. */
export enum GcsGrantRoles {
  /**
   * Three project custom roles with exactly the permissions the steps call (create + delete, get,
   * list). Needs `iam.roles.create` on the project.
   */
  CUSTOM = "custom",
  /**
   * `roles/storage.objectUser` (push) and `roles/storage.objectViewer` (pull), both under the folder
   * condition, and `roles/storage.legacyBucketReader` for the listing. Push can then also read and
   * update the folder's objects, and pull can read the bucket's metadata.
   */
  PREDEFINED = "predefined",
}

/** Props of GcsCodeStorage: the project and bucket (created or existing) the code goes to, who may push and pull it, and which roles they get. */
export interface GcsCodeStorageProps extends ObjectStorageCommonProps {
  /**
   * ID of the project that holds the bucket, the service accounts and the custom roles. It is
   * also written into the gcp-credentials blocks, where the GCS steps read it.
   */
  readonly project: string;
  /**
   * Name of the bucket to create, locked down (see LockedDownGcsBucket).
   * Exactly one of `bucketName` and `existingBucketName`.
   * @default none
   */
  readonly bucketName?: string;
  /**
   * Use this existing bucket of `project` instead. Nothing about the bucket itself is created or
   * changed; only the identities and bindings are. The bindings carry IAM Conditions, which
   * Cloud Storage accepts only on buckets with uniform bucket-level access.
   * @default none
   */
  readonly existingBucketName?: string;
  /**
   * Location of the created bucket: a multi-region (`US`, `EU`, `ASIA`), a dual-region (`EUR4`)
   * or a region (`europe-west1`). Put it next to the workers that pull before every run.
   * @default "US" (the multi-region Google itself defaults to)
   */
  readonly location?: string;
  /**
   * Storage class of the created bucket. Code is read before every flow run, so the colder classes'
   * retrieval fees and minimum storage durations rarely pay off.
   * @default "STANDARD"
   */
  readonly storageClass?: GcsStorageClass;
  /**
   * CMEK: the created bucket encrypts new objects with this Cloud KMS key
   * (`projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>`, in the bucket's location).
   * Cloud Storage's service agent, not the push and pull identities, uses the key: it needs
   * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it (see `grantKeyToStorageServiceAgent`).
   * @default Google-managed encryption
   */
  readonly kmsKeyName?: string;
  /**
   * Grant the project's Cloud Storage service agent encrypter/decrypter on `kmsKeyName`, before the
   * bucket is created. Looks the agent up with the `google_storage_project_service_account` data
   * source, which calls the API at plan time; leave it off to grant the key where it is managed.
   * @default false
   */
  readonly grantKeyToStorageServiceAgent?: boolean;
  /**
   * Delete noncurrent object versions this many days after they became noncurrent (created bucket
   * only). Each deploy overwrites the code, so versions accumulate.
   * @default no lifecycle rule: every version is kept
   */
  readonly noncurrentVersionExpirationDays?: number;
  /**
   * Who uploads code at `prefect deploy` (CI).
   * @default GcsIdentity.serviceAccount(): a service account with a key and a gcp-credentials block
   */
  readonly pushIdentity?: GcsIdentity;
  /**
   * Who downloads code before each flow run (workers, or the flow-run containers they start).
   * @default GcsIdentity.serviceAccount(): a service account with a key and a gcp-credentials block
   */
  readonly pullIdentity?: GcsIdentity;
  /**
   * Roles of the bucket bindings: exact custom roles, or the smallest predefined roles that work.
   * @default GcsGrantRoles.CUSTOM
   */
  readonly grantRoles?: GcsGrantRoles;
  /**
   * Also limit the pull side's listing to the folder, with a condition on the list request's prefix
   * (`storage.googleapis.com/objectListPrefix`). Without it, pull identities can list the names and
   * metadata of every object in the bucket (never their content). Google documents this attribute
   * for credential access boundaries; check that your organization honours it in bucket policies
   * (a pull that lists nothing fails loudly). Custom roles only.
   * @default false
   */
  readonly restrictListingToFolder?: boolean;
}

/**
 * Flow code in Cloud Storage: the bucket (or an existing one), a push identity for CI and a pull
 * identity for workers, each bound on the bucket under an IAM condition on the code folder, their
 * gcp-credentials blocks, and the push_to_gcs / pull_from_gcs steps of Prefect's `gcs` recipe.
 */
export class GcsCodeStorage extends ObjectCodeStorage {
  readonly bucketName: string;
  readonly project: string;
  readonly bucket?: LockedDownGcsBucket;
  readonly customRoles?: GcsCustomRoles;
  /** Service accounts this storage created (not existing ones). */
  readonly pushServiceAccount?: ServiceAccount;
  readonly pullServiceAccount?: ServiceAccount;
  readonly pushBlock?: GcpCredentialsBlock;
  readonly pullBlock?: GcpCredentialsBlock;
  private readonly location: GcsFolderLocation;
  private readonly roles: GcsAccessRoles;
  private readonly restrictListing: boolean;
  /** The bucket as bindings reference it: the created bucket's attribute (for ordering) or the name. */
  private readonly bucketRef: string;

  constructor(scope: Construct, id: string, props: GcsCodeStorageProps) {
    super(scope, id, props);
    const errors = new ValidationErrors();
    const existing = props.existingBucketName !== undefined;
    const bucketName = createdOrExisting(
      errors,
      GcsBucketName,
      CHECKS.GcsBucketSource,
      { prop: "bucketName", value: props.bucketName },
      { prop: "existingBucketName", value: props.existingBucketName },
    );
    errors.check(GcpProjectId, "project", props.project);
    const { folder, stem } = resolveCommonProps(errors, props, bucketName, id);
    validateBucketOptions(errors, props, existing);
    const push = props.pushIdentity ?? GcsIdentity.serviceAccount();
    const pull = props.pullIdentity ?? GcsIdentity.serviceAccount();
    push._validate(errors, "pushIdentity");
    pull._validate(errors, "pullIdentity");
    const grantRoles = props.grantRoles ?? "custom";
    if (grantRoles !== "custom" && grantRoles !== "predefined") {
      errors.add("grantRoles", grantRoles, CHECKS.GcsGrantRoles, 'must be "custom" or "predefined"', "use GcsGrantRoles.CUSTOM or GcsGrantRoles.PREDEFINED");
    }
    if (props.restrictListingToFolder && grantRoles === "predefined") {
      errors.add(
        "restrictListingToFolder",
        true,
        CHECKS.GcsListRestriction,
        "needs custom roles: the predefined listing role is a legacy role, which is not bound under conditions here",
        'use grantRoles: GcsGrantRoles.CUSTOM or drop restrictListingToFolder',
      );
    }
    errors.report(this);

    this.bucketName = bucketName!;
    this.project = props.project;
    this.restrictListing = props.restrictListingToFolder ?? false;
    this.location = { bucketName: this.bucketName, folder: props.folder, prefix: folder.grantPrefix };
    if (props.bucketName) {
      this.bucket = new LockedDownGcsBucket(this, "storage", {
        bucketName: props.bucketName,
        project: props.project,
        location: props.location ?? "US",
        storageClass: props.storageClass ?? GcsStorageClass.STANDARD,
        kmsKeyName: props.kmsKeyName,
        grantKeyToServiceAgent: props.grantKeyToStorageServiceAgent,
        noncurrentVersionExpirationDays: props.noncurrentVersionExpirationDays,
      });
    }
    this.bucketRef = this.bucket?.bucket.name ?? this.bucketName;
    if (grantRoles === "custom") {
      this.customRoles = new GcsCustomRoles(this, "roles", { project: props.project, stem });
      this.roles = this.customRoles.roles;
    } else {
      this.roles = PREDEFINED_ROLES;
    }

    const blockOptions = { writeOnly: props.writeOnlyBlocks };
    [this.pushServiceAccount, this.pushBlock] = this.setUpSide("push", push, stem, blockOptions);
    [this.pullServiceAccount, this.pullBlock] = this.setUpSide("pull", pull, stem, blockOptions);

    const bucketForYaml = locationForYaml(this, this.bucketName, stem, "bucket");
    // Only keyless steps carry `project` (with a block, the steps read the block's). As of Prefect
    // 3.8, prefect-gcp discards it either way and object reads and writes need none; it is written
    // for the record and for versions that honour it.
    let projectForYaml: string | VariableRef | undefined;
    const keylessProject = () =>
      (projectForYaml ??= locationForYaml(this, this.project, stem, "project"));
    const steps = { storeParam: "bucket", push: PUSH_TO_GCS, pull: PULL_FROM_GCS };
    this._useSteps(
      steps,
      bucketForYaml,
      folder,
      { project: this.pushBlock ? undefined : keylessProject(), credentials: this.pushBlock?.reference() },
      { project: this.pullBlock ? undefined : keylessProject(), credentials: this.pullBlock?.reference() },
    );
    this.addGcsOutputs(bucketForYaml, push, pull);
  }

  /**
   * Uploads the flow code in `directory` with Terraform itself: one `google_storage_bucket_object` per
   * file `.prefectignore` lets through (the files push_to_gcs would upload), each replaced only when its
   * content changes. With FlowDeployment's `manageWithTerraform`, `cdktf deploy` alone ships the code.
   */
  override uploadCode(directory: string): StorageBucketObject[] {
    return super.uploadCode(directory) as StorageBucketObject[];
  }

  /** @internal */
  protected _uploadObject(t: UploadTarget): StorageBucketObject {
    return new StorageBucketObject(this, t.id, { bucket: this.bucketRef, name: t.objectName, source: t.source });
  }

  /**
   * Lets another principal download the code: get under the folder and list on the bucket, e.g.
   * `serviceAccount:analytics@my-project.iam.gserviceaccount.com` or a workload identity
   * `principalSet://iam.googleapis.com/...`.
   */
  grantPull(member: string, options: GrantOptions = {}): IConstruct {
    return this.grant("pull", options.id ?? `grant-pull-${logicalName(member)}`, member, options);
  }

  /** Lets another principal upload the code: create and delete (overwrite) under the folder. */
  grantPush(member: string, options: GrantOptions = {}): IConstruct {
    return this.grant("push", options.id ?? `grant-push-${logicalName(member)}`, member, options);
  }

  /** The bindings of one side for `member` (checked by the caller: a grant's argument, or an identity's props). */
  private grant(side: "push" | "pull", id: string, member: string, options?: GrantOptions): GcsFolderGrant {
    if (options) {
      const errors = new ValidationErrors().check(GcpIamMember, "member", member);
      checkGrantOptions(errors, options, "google");
      errors.report(this, `${this.node.path}/${id}`);
    }
    const bindings = side === "push" ? pushBindings(this.location, this.roles) : pullBindings(this.location, this.roles, this.restrictListing);
    return new GcsFolderGrant(this, id, { bucket: this.bucketRef, member, bindings });
  }

  /** One side's identity: a service account with key, bindings and block, or bindings for an existing account. */
  private setUpSide(
    side: "push" | "pull",
    identity: GcsIdentity,
    stem: string,
    block: { writeOnly?: boolean },
  ): [ServiceAccount?, GcpCredentialsBlock?] {
    // The identity's member was checked with the identity's props (pushIdentity / pullIdentity).
    const grant = (member: string) => this.grant(side, `${side}-grant`, member);
    if (!identity.usesKey) {
      grant(identity.member!);
      return [];
    }
    const account = new ServiceAccount(this, `${side}-service-account`, {
      project: this.project,
      // The side stays visible when a long stem is cut: `prefect-<cut stem>-<hash>-push`.
      accountId: identity.name ?? `${fitName(`prefect-${stem}`, 30 - side.length - 1)}-${side}`,
      displayName: `Prefect code ${side}`,
      description: `${side === "push" ? "Uploads" : "Downloads"} Prefect flow code (storage ${stem}); managed by Terraform.`.slice(0, 256),
    });
    grant(account.member);
    const key = new ServiceAccountKey(this, `${side}-key`, { serviceAccountId: account.name });
    const credentials = new GcpCredentialsBlock(this, `${side}-credentials`, {
      name: `${stem}-${side}`,
      writeOnly: block.writeOnly,
      // The key attribute is the key file's JSON, base64-encoded; decoded here so the block's JSON
      // holds it as an object, which is what prefect-gcp's service_account_info expects.
      data: { serviceAccountInfo: Fn.jsondecode(Fn.base64decode(key.privateKey)), project: this.project },
    });
    return [account, credentials];
  }

  private addGcsOutputs(bucketForYaml: string | VariableRef, push: GcsIdentity, pull: GcsIdentity): void {
    const email = (created: ServiceAccount | undefined, identity: GcsIdentity) => created?.email ?? identity.name!;
    this._addOutputs(
      { bucket_name: { value: this.bucketName, description: "Bucket holding the flow code" } },
      { kind: "bucket", value: bucketForYaml },
      { push: this.pushBlock, pull: this.pullBlock },
      {
        push_service_account: { value: email(this.pushServiceAccount, push), description: "Service account that pushes the code" },
        pull_service_account: { value: email(this.pullServiceAccount, pull), description: "Service account that pulls the code" },
      },
    );
  }

}

/** Props of GcsFolderGrant: the bucket, the principal, and the bindings that give it access to the code folder. */
export interface GcsFolderGrantProps {
  readonly bucket: string;
  readonly member: string;
  readonly bindings: FolderBinding[];
}

/** One principal's bindings on the bucket (`objects` under the folder condition, and `list` for pull). */
export class GcsFolderGrant extends Construct {
  readonly bindings: StorageBucketIamMember[];

  constructor(scope: Construct, id: string, props: GcsFolderGrantProps) {
    super(scope, id);
    this.bindings = props.bindings.map(
      (b) => new StorageBucketIamMember(this, b.purpose, { bucket: props.bucket, member: props.member, role: b.role, condition: b.condition }),
    );
  }
}

/** Bucket options: ranges, formats, and what cannot apply to a bucket this construct does not manage. */
function validateBucketOptions(errors: ValidationErrors, props: GcsCodeStorageProps, existing: boolean): void {
  const days = props.noncurrentVersionExpirationDays;
  if (existing) {
    const unmanaged: Array<[keyof GcsCodeStorageProps, string]> = [
      ["location", "set the location where the bucket is defined"],
      ["storageClass", "set the storage class where the bucket is defined"],
      ["noncurrentVersionExpirationDays", "set the lifecycle rule where the bucket is defined"],
      ["kmsKeyName", "drop it: with CMEK, Cloud Storage's service agent uses the key, the push and pull identities need no KMS grant"],
      ["grantKeyToStorageServiceAgent", "grant the key where the bucket and key are defined"],
    ];
    for (const [prop, fix] of unmanaged) {
      if (props[prop] !== undefined) {
        errors.add(prop, props[prop], CHECKS.GcsExistingBucket, "cannot be applied to an existing bucket, which this construct does not manage", fix);
      }
    }
  }
  if (days !== undefined && !(Number.isInteger(days) && days >= 1)) {
    errors.add("noncurrentVersionExpirationDays", days, CHECKS.GcsLifecycle, "must be a whole number of days, at least 1");
  }
  errors.check(GcsLocation, "location", props.location);
  if (props.storageClass !== undefined && !STORAGE_CLASSES.includes(props.storageClass)) {
    errors.add("storageClass", props.storageClass, CHECKS.GcsStorageClass, `must be one of ${STORAGE_CLASSES.join(", ")}`);
  }
  errors.check(GcpKmsKeyName, "kmsKeyName", props.kmsKeyName);
  if (props.grantKeyToStorageServiceAgent && props.kmsKeyName === undefined && !existing) {
    errors.add("grantKeyToStorageServiceAgent", true, CHECKS.GcsKms, "needs kmsKeyName", "set kmsKeyName or drop grantKeyToStorageServiceAgent");
  }
  const keyLocation = props.kmsKeyName && kmsKeyLocation(props.kmsKeyName);
  const bucketLocation = (props.location ?? "US").toLowerCase();
  // A multi-region or region must match the key's location exactly; dual-regions are left to Google.
  if (keyLocation && !existing && /^(us|eu|asia|[a-z]+-[a-z]+\d+)$/.test(bucketLocation) && keyLocation !== bucketLocation) {
    errors.add(
      "kmsKeyName",
      props.kmsKeyName,
      CHECKS.GcsKmsKeyLocation,
      `is in location "${keyLocation}", but the bucket is in "${bucketLocation}"; Cloud Storage needs the key in the bucket's location`,
      `use a key in "${bucketLocation}"`,
    );
  }
}
