import { ValidationErrors } from "../../validation/errors";
import { IamName } from "../../validation/rules/iam-name";
import { IamPath } from "../../validation/rules/iam-path";

export interface EcrIamUserOptions {
  /**
   * Name of the IAM user to create.
   * @default `prefect-<stem>-push`, fitted into IAM's 64 characters
   */
  readonly userName?: string;
  /** IAM path of the user. @default "/prefect/" */
  readonly path?: string;
}

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
export class EcrPushIdentity {
  static role(roleName: string): EcrPushIdentity {
    return new EcrPushIdentity("role", roleName);
  }

  static iamUser(options: EcrIamUserOptions = {}): EcrPushIdentity {
    return new EcrPushIdentity("iamUser", options.userName, options.path ?? "/prefect/");
  }

  private constructor(
    readonly kind: "role" | "iamUser",
    /** Role name (role) or user name (iamUser; undefined means the default). */
    readonly name?: string,
    readonly path?: string,
  ) {}

  get usesAccessKey(): boolean {
    return this.kind === "iamUser";
  }

  validate(errors: ValidationErrors, prop: string): void {
    errors.check(IamName, this.kind === "role" ? `${prop}.roleName` : `${prop}.userName`, this.name);
    errors.check(IamPath, `${prop}.path`, this.path);
  }
}
