import { ValidationErrors } from "../../validation/errors";
import { IamName, IamPath } from "../../validation/rules";

export interface IamUserIdentityOptions {
  /**
   * Name of the IAM user to create.
   * @default `prefect-<stem>-push` / `prefect-<stem>-pull`, fitted into IAM's 64 characters
   */
  readonly userName?: string;
  /** IAM path of the user. @default "/prefect/" */
  readonly path?: string;
}

/**
 * Who uses one side (push or pull) of an S3 code storage.
 * - `iamUser()`: a dedicated IAM user with an access key, stored in its own aws-credentials block
 *   that the step references. For CI systems and workers outside AWS.
 * - `role(name)`: keyless. The grant is attached to an existing IAM role (a worker's task or instance
 *   role, or the role CI assumes through OIDC); no key, no block, and the step runs without
 *   `credentials`, so boto3 uses the ambient role.
 */
export class S3Identity {
  static iamUser(options: IamUserIdentityOptions = {}): S3Identity {
    return new S3Identity("iamUser", options.userName, options.path ?? "/prefect/");
  }

  static role(roleName: string): S3Identity {
    return new S3Identity("role", roleName);
  }

  private constructor(
    readonly kind: "iamUser" | "role",
    /** User name (iamUser; undefined means the default) or role name (role). */
    readonly name?: string,
    readonly path?: string,
  ) {}

  /** Whether this side needs an access key and a credentials block. */
  get usesAccessKey(): boolean {
    return this.kind === "iamUser";
  }

  validate(errors: ValidationErrors, prop: string): void {
    errors.check(IamName, this.kind === "role" ? `${prop}.roleName` : `${prop}.userName`, this.name);
    errors.check(IamPath, `${prop}.path`, this.path);
  }
}
