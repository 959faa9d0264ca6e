import { DockerRegistryCredentialsBlock } from "prefect-code-storage/lib/prefect/blocks/docker-registry-credentials";
import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { IamAccessKey } from "@cdktf/provider-aws/lib/iam-access-key";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { IamUserPolicy } from "@cdktf/provider-aws/lib/iam-user-policy";
import { TerraformOutput, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { EcrAccountId } from "prefect-code-storage/lib/validation/rules/ecr-account-id";
import { EcrKmsKeyArn } from "prefect-code-storage/lib/validation/rules/ecr-kms-key-arn";
import { EcrRegion } from "prefect-code-storage/lib/validation/rules/ecr-region";
import { EcrRepositoryName } from "prefect-code-storage/lib/validation/rules/ecr-repository-name";
import { IamName } from "prefect-code-storage/lib/validation/rules/iam-name";
import { addStorageOutputs, createdOrExisting } from "prefect-code-storage/lib/storage/common";
import { defaultNameStem, fitName, logicalName } from "prefect-code-storage/lib/storage/names";
import { policyJson } from "../iam/aws-iam-policy";
import { EcrPushIdentity } from "./ecr-identity";
import { ecrPullPolicy, ecrPushPolicy, ecrRepositoryArn, EcrRepositoryLocation, keepLastImagesPolicy } from "./ecr-policies";
import { checkKeepCount, IImageRegistry, refuseForExisting } from "prefect-code-storage/lib/storage/docker/registry";
import { checkGrantOptions, GrantOptions } from "prefect-code-storage/lib/storage/grant-options";
import { CHECKS } from "prefect-code-storage/lib/validation/checks";
import { ImageRegistryKind } from "prefect-code-storage/lib/core/image-registry-kind";

/** Images kept by the default lifecycle policy. @internal */
export const DEFAULT_KEEP_LAST_IMAGES = 30;

/** Props of EcrRegistry: the account, Region and repository (created or existing) of an ECR registry for flow images, and its tag, scanning, encryption and lifecycle settings. */
export interface EcrRegistryProps {
  /**
   * The 12-digit ID of the AWS account that owns the registry. It is part of the registry host and
   * every ARN, and is given rather than looked up (`aws_caller_identity` would call AWS at plan time).
   */
  readonly accountId: string;
  /** The registry's Region, e.g. `eu-central-1` (part of its host and ARNs). */
  readonly region: string;
  /**
   * Name of the repository to create (2-256 lowercase characters, `/` for namespaces), e.g.
   * `acme/prefect-etl`. Exactly one of `repositoryName` and `existingRepositoryName`.
   * @default none
   */
  readonly repositoryName?: string;
  /**
   * Use this existing repository of the account instead. Nothing about it is created or changed:
   * its tag mutability, scanning, encryption and lifecycle stay yours; only the grants are created.
   * @default none
   */
  readonly existingRepositoryName?: string;
  /**
   * Refuse to push a tag that already exists (created repository). Each build gets a new tag by
   * default (see DockerImageCodeStorage), so deploys never need to move one; with immutable tags a
   * pushed image can never be swapped under a running deployment.
   * @default true
   */
  readonly immutableTags?: boolean;
  /**
   * Scan each pushed image for known vulnerabilities (basic scanning; created repository).
   * @default true
   */
  readonly scanOnPush?: boolean;
  /**
   * Encrypt the created repository with this customer managed KMS key (its full ARN, in the same
   * Region). Push and pull need no KMS grant: ECR uses its own grant on the key.
   * @default AES256 (ECR-managed keys)
   */
  readonly kmsKeyArn?: string;
  /**
   * Lifecycle policy of the created repository: keep this many most recently pushed images and
   * expire the rest. A deployment whose image was expired can no longer start flow runs.
   * @default 30
   */
  readonly keepLastImages?: number;
  /** Who pushes images (CI): an existing role it assumes, or a dedicated IAM user with a key. */
  readonly pushIdentity: EcrPushIdentity;
  /**
   * Existing IAM roles that pull images: ECS task execution roles (ecs and ecs:push pools), the
   * instance roles of Docker or Kubernetes worker nodes. Each gets pull on this repository only.
   * @default none (add them later with grantPull)
   */
  readonly pullRoleNames?: string[];
  /**
   * Tags of the created repository.
   * @default none
   */
  readonly tags?: { readonly [key: string]: string };
}

const CREATED_ONLY = ["immutableTags", "scanOnPush", "kmsKeyArn", "keepLastImages", "tags"] as const;

/**
 * An Amazon ECR repository for flow images (or an existing one), with a push grant for CI and pull
 * grants for the roles that run flows, each limited to this repository. The created repository
 * has immutable tags, scan on push, encryption (AES256 or KMS), a lifecycle policy keeping the last
 * images, and no `force_delete`, so `terraform destroy` refuses to delete a repository that still
 * holds images.
 *
 * No docker-registry-credentials block is created: ECR passwords are 12-hour tokens. CI logs in
 * before `prefect deploy` (see EcrPushIdentity), and ECS pulls with the task execution role.
 */
export class EcrRegistry extends Construct implements IImageRegistry {
  readonly kind = ImageRegistryKind.ECR;
  readonly repositoryName: string;
  readonly registryUrl: string;
  readonly imageName: string;
  /** ARN of the repository (built from the names, so policies are known at plan). */
  readonly repositoryArn: string;
  readonly immutableTags?: boolean;
  readonly pushCredentials?: DockerRegistryCredentialsBlock = undefined;
  readonly repository?: EcrRepository;
  readonly lifecyclePolicy?: EcrLifecyclePolicy;
  /** The push user and its key (iamUser identity only). */
  readonly pushUser?: IamUser;
  readonly pushAccessKey?: IamAccessKey;
  private readonly location: EcrRepositoryLocation;
  private readonly stem: string;

  constructor(scope: Construct, id: string, props: EcrRegistryProps) {
    super(scope, id);
    const errors = new ValidationErrors();
    const existing = props.existingRepositoryName !== undefined;
    const name = createdOrExisting(
      errors,
      EcrRepositoryName,
      CHECKS.EcrRepositorySource,
      { prop: "repositoryName", value: props.repositoryName },
      { prop: "existingRepositoryName", value: props.existingRepositoryName },
    );
    errors.check(EcrAccountId, "accountId", props.accountId);
    errors.check(EcrRegion, "region", props.region);
    if (existing) refuseForExisting(errors, props, CREATED_ONLY, CHECKS.EcrExistingRepository, "repository");
    errors.check(EcrKmsKeyArn, "kmsKeyArn", props.kmsKeyArn);
    checkKeepCount(errors, "keepLastImages", props.keepLastImages, CHECKS.EcrLifecycle);
    props.pushIdentity?._validate(errors, "pushIdentity");
    if (props.pushIdentity === undefined) {
      errors.add("pushIdentity", undefined, CHECKS.EcrPushIdentity, "is required: someone has to push the images", 'use EcrPushIdentity.role("<role CI assumes>")');
    }
    (props.pullRoleNames ?? []).forEach((role, i) => errors.check(IamName, `pullRoleNames[${i}]`, role));
    errors.report(this);

    this.repositoryName = name!;
    this.location = { accountId: props.accountId, region: props.region, repositoryName: this.repositoryName };
    this.registryUrl = `${props.accountId}.dkr.ecr.${props.region}.amazonaws.com`;
    this.imageName = `${this.registryUrl}/${this.repositoryName}`;
    this.repositoryArn = ecrRepositoryArn(this.location);
    this.stem = Token.isUnresolved(this.repositoryName) ? defaultNameStem(id) : defaultNameStem(this.repositoryName);

    if (!existing) {
      const keep = props.keepLastImages ?? DEFAULT_KEEP_LAST_IMAGES;
      this.immutableTags = props.immutableTags ?? true;
      this.repository = new EcrRepository(this, "repository", {
        name: this.repositoryName,
        imageTagMutability: this.immutableTags ? "IMMUTABLE" : "MUTABLE",
        imageScanningConfiguration: { scanOnPush: props.scanOnPush ?? true },
        encryptionConfiguration: [props.kmsKeyArn ? { encryptionType: "KMS", kmsKey: props.kmsKeyArn } : { encryptionType: "AES256" }],
        forceDelete: false,
        tags: props.tags,
      });
      this.lifecyclePolicy = new EcrLifecyclePolicy(this, "lifecycle", {
        repository: this.repository.name,
        policy: JSON.stringify(keepLastImagesPolicy(keep)),
      });
    }

    const push = props.pushIdentity; // missing only from JavaScript or Python: reported above
    if (push?.usesAccessKey) {
      [this.pushUser, this.pushAccessKey] = this.pushUserWithKey(push);
    } else if (push) {
      this.grantRole("push-role-policy", push.name!, "push");
    }
    (props.pullRoleNames ?? []).forEach((role) => this.grantPull(role));
    this.addOutputs();
  }

  /** Lets an existing role push to this repository (and get the login token). */
  grantPush(roleName: string, options: GrantOptions = {}): IConstruct {
    return this.grantRole(options.id ?? `grant-push-${logicalName(roleName)}`, roleName, "push", options);
  }

  /** Lets an existing role (an ECS task execution role, a node's instance role) pull from this repository. */
  grantPull(roleName: string, options: GrantOptions = {}): IConstruct {
    return this.grantRole(options.id ?? `grant-pull-${logicalName(roleName)}`, roleName, "pull", options);
  }

  private grantRole(id: string, roleName: string, side: "push" | "pull", options: GrantOptions = {}): IamRolePolicy {
    const errors = new ValidationErrors().check(IamName, "roleName", roleName);
    checkGrantOptions(errors, options, "aws");
    errors.report(this, `${this.node.path}/${id}`);
    return new IamRolePolicy(this, id, {
      role: roleName,
      name: fitName(`prefect-image-${side}-${this.stem}`, 128),
      policy: policyJson(side === "push" ? ecrPushPolicy(this.location) : ecrPullPolicy(this.location)),
    });
  }

  private pushUserWithKey(identity: EcrPushIdentity): [IamUser, IamAccessKey] {
    const user = new IamUser(this, "push-user", {
      name: identity.name ?? fitName(`prefect-${this.stem}-push`, 64),
      path: identity.path,
      tags: { "prefect-image-registry": "push" },
    });
    new IamUserPolicy(this, "push-user-policy", { user: user.name, name: "prefect-image-push", policy: policyJson(ecrPushPolicy(this.location)) });
    const key = new IamAccessKey(this, "push-access-key", { user: user.name });
    // For the CI secret store; sensitive, so `terraform output` shows it only when asked by name.
    new TerraformOutput(this, "push_secret_access_key", {
      value: key.secret,
      sensitive: true,
      description: "Secret access key of the push user (store it in CI; never in prefect.yaml)",
    }).overrideLogicalId(`${logicalName(this.node.id)}_push_secret_access_key`);
    return [user, key];
  }

  private addOutputs(): void {
    addStorageOutputs(this, {
      image_name: { value: this.imageName, description: "Repository URL of the flow image (no tag)" },
      registry_url: { value: this.registryUrl, description: "Registry host for `docker login`" },
      repository_arn: { value: this.repositoryArn, description: "ARN of the repository" },
      push_user: this.pushUser && { value: this.pushUser.name, description: "IAM user that pushes images" },
      push_access_key_id: this.pushAccessKey && { value: this.pushAccessKey.id, description: "Access key ID of the push user" },
    });
  }
}
