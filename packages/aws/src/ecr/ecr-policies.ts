/**
 * IAM policies and the lifecycle policy of an ECR repository for flow images, as plain JSON so that,
 * given literal names, every policy is fully known in `terraform plan` for a reviewer. The actions are
 * AWS's documented minimum for `docker push` and `docker pull` against one repository
 * (ECR user guide: "IAM permissions for pushing an image", "... for pulling an image"); only
 * `ecr:GetAuthorizationToken` (the `docker login` password) is granted on `*`, as AWS requires: it
 * is an account-level action with no resource. A KMS-encrypted repository needs no KMS grant for
 * push or pull: ECR decrypts through the grant it created on the key with the repository.
 */
import { PolicyDocument } from "../iam/aws-iam-policy";

export interface EcrRepositoryLocation {
  readonly accountId: string;
  readonly region: string;
  readonly repositoryName: string;
}

export const ecrRepositoryArn = (loc: EcrRepositoryLocation): string =>
  `arn:aws:ecr:${loc.region}:${loc.accountId}:repository/${loc.repositoryName}`;

/** Upload layers and put the manifest; BatchGetImage lets the client see what is already there. */
export const ECR_PUSH_ACTIONS: readonly string[] = [
  "ecr:BatchCheckLayerAvailability",
  "ecr:InitiateLayerUpload",
  "ecr:UploadLayerPart",
  "ecr:CompleteLayerUpload",
  "ecr:PutImage",
  "ecr:BatchGetImage",
];

/** Read the manifest, then download each layer. */
export const ECR_PULL_ACTIONS: readonly string[] = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];

const authorizationToken = { Sid: "GetRegistryLoginToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" } as const;

/** Push to this one repository (+ the login token). */
export function ecrPushPolicy(loc: EcrRepositoryLocation): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "PushFlowImage", Effect: "Allow", Action: [...ECR_PUSH_ACTIONS], Resource: ecrRepositoryArn(loc) }, authorizationToken],
  };
}

/** Pull from this one repository (+ the login token): for ECS task execution roles and instance roles. */
export function ecrPullPolicy(loc: EcrRepositoryLocation): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "PullFlowImage", Effect: "Allow", Action: [...ECR_PULL_ACTIONS], Resource: ecrRepositoryArn(loc) }, authorizationToken],
  };
}

/** ECR lifecycle policy document (the JSON `aws_ecr_lifecycle_policy` takes). */
export interface EcrLifecyclePolicy {
  readonly rules: Array<{
    readonly rulePriority: number;
    readonly description: string;
    readonly selection: { readonly tagStatus: "any" | "tagged" | "untagged"; readonly countType: "imageCountMoreThan"; readonly countNumber: number };
    readonly action: { readonly type: "expire" };
  }>;
}

/**
 * Expire all but the `keep` most recently pushed images, tagged or not. One rule with tagStatus
 * `any` (ECR requires such a rule to have the lowest priority, i.e. to be the last; it is the only one).
 */
export function keepLastImagesPolicy(keep: number): EcrLifecyclePolicy {
  return {
    rules: [
      {
        rulePriority: 1,
        description: `Keep the last ${keep} images`,
        selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keep },
        action: { type: "expire" },
      },
    ],
  };
}
