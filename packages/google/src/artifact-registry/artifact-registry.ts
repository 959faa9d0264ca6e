import { ArtifactRegistryRepository } from "@cdktf/provider-google/lib/artifact-registry-repository";
import { ArtifactRegistryRepositoryIamMember } from "@cdktf/provider-google/lib/artifact-registry-repository-iam-member";
import { ServiceAccount } from "@cdktf/provider-google/lib/service-account";
import { ServiceAccountKey } from "@cdktf/provider-google/lib/service-account-key";
import { Fn, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { DockerRegistryCredentialsBlock } from "prefect-code-storage/lib/prefect/blocks/docker-registry-credentials";
import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { ArtifactRegistryLocation } from "prefect-code-storage/lib/validation/rules/artifact-registry-location";
import { ArtifactRegistryRepositoryId } from "prefect-code-storage/lib/validation/rules/artifact-registry-repository-id";
import { BlockName } from "prefect-code-storage/lib/validation/rules/block-name";
import { DockerRepositoryPath } from "prefect-code-storage/lib/validation/rules/docker-repository-path";
import { GcpIamMember } from "prefect-code-storage/lib/validation/rules/gcp-iam-member";
import { GcpKmsKeyName } from "prefect-code-storage/lib/validation/rules/gcp-kms-key-name";
import { GcpProjectId } from "prefect-code-storage/lib/validation/rules/gcp-project-id";
import { addStorageOutputs, createdOrExisting } from "prefect-code-storage/lib/storage/common";
import { defaultNameStem, fitName, logicalName } from "prefect-code-storage/lib/storage/names";
import { ArtifactRegistryPushIdentity } from "./artifact-registry-identity";
import { checkKeepCount, IImageRegistry, refuseForExisting } from "prefect-code-storage/lib/storage/docker/registry";
import { checkGrantOptions, GrantOptions } from "prefect-code-storage/lib/storage/grant-options";
import { CHECKS } from "prefect-code-storage/lib/validation/checks";
import { ImageRegistryKind } from "prefect-code-storage/lib/core/image-registry-kind";

/** Versions kept per image by the default cleanup policy. @internal */
export const DEFAULT_KEEP_LAST_VERSIONS = 30;
/** Push: upload and tag images (includes reading them). @internal */
export const ARTIFACT_REGISTRY_PUSH_ROLE = "roles/artifactregistry.writer";
/** Pull: read images. @internal */
export const ARTIFACT_REGISTRY_PULL_ROLE = "roles/artifactregistry.reader";

/** Props of ArtifactRegistryDockerRepository: the project, location and repository (created or existing) of the flow image, who pushes and pulls it, and the created repository's settings. */
export interface ArtifactRegistryDockerRepositoryProps {
  /** ID of the project that holds the repository (and the push service account). */
  readonly project: string;
  /**
   * The repository's location: a region such as `europe-west1` (next to the Cloud Run jobs that pull
   * before every run) or a multi-region `us`, `europe`, `asia`. It names the registry host
   * `<location>-docker.pkg.dev`.
   */
  readonly location: string;
  /**
   * ID of the DOCKER-format repository to create. Exactly one of `repositoryId` and `existingRepositoryId`.
   * @default none
   */
  readonly repositoryId?: string;
  /**
   * Use this existing repository of the project instead. Nothing about it is created or changed:
   * its tag immutability, cleanup policies and encryption stay yours; only the grants are created.
   * @default none
   */
  readonly existingRepositoryId?: string;
  /**
   * Path of the flow image inside the repository: the image name is
   * `<location>-docker.pkg.dev/<project>/<repository>/<image>`.
   * @default the repository ID
   */
  readonly image?: string;
  /**
   * Refuse to push a tag that already exists (created repository). Each build gets a new tag by
   * default, so deploys never need to move one.
   * @default true
   */
  readonly immutableTags?: boolean;
  /**
   * Cleanup policies of the created repository: keep this many most recent versions of each image
   * and delete the rest. A deployment whose image was deleted can no longer start flow runs.
   * @default 30
   */
  readonly keepLastVersions?: number;
  /**
   * CMEK for the created repository (`projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>`). The
   * Artifact Registry service agent needs `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it; grant
   * that where the key is managed. Push and pull need nothing on the key.
   * @default Google-managed encryption
   */
  readonly kmsKeyName?: string;
  /**
   * Description of the created repository.
   * @default "Prefect flow images; managed by Terraform."
   */
  readonly description?: string;
  /**
   * Labels of the created repository.
   * @default none
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * Who pushes images (CI).
   * @default ArtifactRegistryPushIdentity.serviceAccount(): a service account with a key, in a docker-registry-credentials block
   */
  readonly pushIdentity?: ArtifactRegistryPushIdentity;
  /**
   * IAM members that pull images, each given `roles/artifactregistry.reader` on this repository only:
   * the node service account of GKE clusters (kubernetes pools), the VM service account of a Docker
   * worker. Cloud Run (cloud-run and cloud-run:push pools) pulls with the Cloud Run service agent of
   * the project the job runs in (`service-<project number>@serverless-robot-prod.iam.gserviceaccount.com`),
   * not with the job's service account; it already may read repositories of its own project, so name
   * it only when the jobs run in another project.
   * @default none (add them later with grantPull)
   */
  readonly pullMembers?: string[];
  /**
   * Stem of the push block's name (`<stem>-push`) and of the default service account ID.
   * @default slug of `<repository>-<image>`
   */
  readonly blockNamePrefix?: string;
  /**
   * Send block data write-only (`data_wo`, Terraform >= 1.11), kept out of Terraform state and plan.
   * The key itself stays in state as an attribute of its own resource: keep state encrypted.
   * @default false
   */
  readonly writeOnlyBlocks?: boolean;
}

const CREATED_ONLY = ["immutableTags", "keepLastVersions", "kmsKeyName", "description", "labels"] as const;

/**
 * An Artifact Registry DOCKER repository for flow images (or an existing one), with the writer role
 * for the push identity and the reader role for the members that run flows, both bound on this
 * repository only. The created repository has immutable tags and cleanup policies that delete all
 * but the last versions of each image (a DELETE policy matching every version plus a KEEP policy
 * for the most recent ones: Artifact Registry keeps what both match).
 */
export class ArtifactRegistryDockerRepository extends Construct implements IImageRegistry {
  readonly kind = ImageRegistryKind.ARTIFACT_REGISTRY;
  readonly project: string;
  readonly location: string;
  readonly repositoryId: string;
  readonly registryUrl: string;
  readonly imageName: string;
  readonly immutableTags?: boolean;
  readonly repository?: ArtifactRegistryRepository;
  readonly pushServiceAccount?: ServiceAccount;
  readonly pushCredentials?: DockerRegistryCredentialsBlock;
  /** The repository as bindings reference it: the created repository's attribute (for ordering) or the ID. */
  private readonly repositoryRef: string;

  constructor(scope: Construct, id: string, props: ArtifactRegistryDockerRepositoryProps) {
    super(scope, id);
    const errors = new ValidationErrors();
    const existing = props.existingRepositoryId !== undefined;
    const repositoryId = createdOrExisting(
      errors,
      ArtifactRegistryRepositoryId,
      CHECKS.ArtifactRegistryRepositorySource,
      { prop: "repositoryId", value: props.repositoryId },
      { prop: "existingRepositoryId", value: props.existingRepositoryId },
    );
    errors.check(GcpProjectId, "project", props.project);
    errors.check(ArtifactRegistryLocation, "location", props.location);
    errors.check(DockerRepositoryPath, "image", props.image);
    if (existing) refuseForExisting(errors, props, CREATED_ONLY, CHECKS.ArtifactRegistryExistingRepository, "repository");
    checkKeepCount(errors, "keepLastVersions", props.keepLastVersions, CHECKS.ArtifactRegistryCleanup);
    errors.check(GcpKmsKeyName, "kmsKeyName", props.kmsKeyName);
    errors.check(BlockName, "blockNamePrefix", props.blockNamePrefix);
    const push = props.pushIdentity ?? ArtifactRegistryPushIdentity.serviceAccount();
    push._validate(errors, "pushIdentity");
    (props.pullMembers ?? []).forEach((member, i) => errors.check(GcpIamMember, `pullMembers[${i}]`, member));
    errors.report(this);

    this.project = props.project;
    this.location = props.location;
    this.repositoryId = repositoryId!;
    const image = props.image ?? this.repositoryId;
    this.registryUrl = `${props.location}-docker.pkg.dev`;
    this.imageName = `${this.registryUrl}/${props.project}/${this.repositoryId}/${image}`;
    const stem =
      props.blockNamePrefix ?? (Token.isUnresolved(this.repositoryId) ? defaultNameStem(id) : defaultNameStem(this.repositoryId, image === this.repositoryId ? "" : image));

    if (!existing) {
      this.immutableTags = props.immutableTags ?? true;
      this.repository = new ArtifactRegistryRepository(this, "repository", {
        project: props.project,
        location: props.location,
        repositoryId: this.repositoryId,
        format: "DOCKER",
        mode: "STANDARD_REPOSITORY",
        description: props.description ?? "Prefect flow images; managed by Terraform.",
        kmsKeyName: props.kmsKeyName,
        labels: props.labels,
        dockerConfig: { immutableTags: this.immutableTags },
        cleanupPolicyDryRun: false,
        cleanupPolicies: [
          { id: "delete-older-versions", action: "DELETE", condition: { tagState: "ANY" } },
          { id: "keep-last-versions", action: "KEEP", mostRecentVersions: { keepCount: props.keepLastVersions ?? DEFAULT_KEEP_LAST_VERSIONS } },
        ],
      });
    }
    this.repositoryRef = this.repository?.repositoryId ?? this.repositoryId;

    if (push.usesKey) {
      [this.pushServiceAccount, this.pushCredentials] = this.pushAccountWithKey(push, stem, props.writeOnlyBlocks);
    } else {
      this.grant("push-grant", push.name!, ARTIFACT_REGISTRY_PUSH_ROLE);
    }
    (props.pullMembers ?? []).forEach((member) => this.grantPull(member));
    this.addOutputs(push);
  }

  /** Lets another member push (writer on this repository). */
  grantPush(member: string, options: GrantOptions = {}): IConstruct {
    return this.grant(options.id ?? `grant-push-${logicalName(member)}`, member, ARTIFACT_REGISTRY_PUSH_ROLE, options);
  }

  /** Lets another member pull (reader on this repository), e.g. a Cloud Run job's service account. */
  grantPull(member: string, options: GrantOptions = {}): IConstruct {
    return this.grant(options.id ?? `grant-pull-${logicalName(member)}`, member, ARTIFACT_REGISTRY_PULL_ROLE, options);
  }

  private grant(id: string, member: string, role: string, options: GrantOptions = {}): ArtifactRegistryRepositoryIamMember {
    const errors = new ValidationErrors().check(GcpIamMember, "member", member);
    checkGrantOptions(errors, options, "google");
    errors.report(this, `${this.node.path}/${id}`);
    return new ArtifactRegistryRepositoryIamMember(this, id, {
      project: this.project,
      location: this.location,
      repository: this.repositoryRef,
      role,
      member,
    });
  }

  private pushAccountWithKey(identity: ArtifactRegistryPushIdentity, stem: string, writeOnly?: boolean): [ServiceAccount, DockerRegistryCredentialsBlock] {
    const account = new ServiceAccount(this, "push-service-account", {
      project: this.project,
      accountId: identity.name ?? `${fitName(`prefect-${stem}`, 30 - "-push".length)}-push`,
      displayName: "Prefect image push",
      description: `Pushes Prefect flow images to ${this.repositoryId}; managed by Terraform.`.slice(0, 256),
    });
    this.grant("push-grant", account.member, ARTIFACT_REGISTRY_PUSH_ROLE);
    const key = new ServiceAccountKey(this, "push-key", { serviceAccountId: account.name });
    const block = new DockerRegistryCredentialsBlock(this, "push-credentials", {
      name: `${stem}-push`,
      writeOnly,
      // Google's key-file login: user `_json_key`, the key file's JSON text as password. The key
      // attribute is that JSON base64-encoded.
      data: { username: "_json_key", password: Fn.base64decode(key.privateKey), registryUrl: this.registryUrl },
    });
    return [account, block];
  }

  private addOutputs(push: ArtifactRegistryPushIdentity): void {
    addStorageOutputs(this, {
      image_name: { value: this.imageName, description: "Image name of the flow image (no tag)" },
      registry_url: { value: this.registryUrl, description: "Registry host for `docker login`" },
      push_block: this.pushCredentials && { value: this.pushCredentials.blockName, description: "docker-registry-credentials block used by the push step" },
      push_member: { value: this.pushServiceAccount?.member ?? push.name!, description: "IAM member that pushes images" },
    });
  }
}
