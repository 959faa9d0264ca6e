import { AwsIamIdentity, IamUserIdentityOptions } from "../iam/aws-iam-identity";

/** Options of the push user (default name `prefect-<stem>-push`, path `/prefect/`). */
/** Options of the IAM user an ECR push identity creates. */
export interface EcrIamUserOptions extends IamUserIdentityOptions {}

/**
 * Who pushes images to an ECR repository (the machine running `prefect deploy`, usually CI). Either
 * way the step gets no credentials block: an ECR password is a token from
 * `aws ecr get-login-password` that expires after 12 hours, so a Prefect block holding one would
 * stop working by the next day. CI logs in itself before `prefect deploy`:
 * `aws ecr get-login-password --region <region> | docker login --username AWS --password-stdin <registry>`.
 * - `role(name)` (recommended): the push policy goes to an existing role CI assumes, e.g. through
 *   GitHub's OIDC provider (aws-actions/configure-aws-credentials); no long-lived key exists.
 * - `iamUser()`: a dedicated user with an access key for CI systems that cannot assume roles. The key
 *   is a sensitive Terraform output for your CI secret store (and, like every key, in state).
 */
export class EcrPushIdentity extends AwsIamIdentity {
  static role(roleName: string): EcrPushIdentity {
    return new EcrPushIdentity("role", roleName);
  }

  static iamUser(options: EcrIamUserOptions = {}): EcrPushIdentity {
    return new EcrPushIdentity(...AwsIamIdentity._userArgs(options));
  }
}
