import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { IamName, IamPath } from "prefect-code-storage/lib/validation/rules";

/** Options of a dedicated IAM user that a storage creates for one side (push or pull): its name and IAM path. */
export interface IamUserIdentityOptions {
  /**
   * Name of the IAM user to create.
   * @default `prefect-<stem>-<side>`, fitted into IAM's 64 characters
   */
  readonly userName?: string;
  /** IAM path of the user. @default "/prefect/" */
  readonly path?: string;
}

/**
 * An AWS identity a storage grants access to: a dedicated IAM user with an access key, or an existing
 * IAM role (keyless). Subclasses name the choice for one storage option and document what each means there.
 */
export abstract class AwsIamIdentity {
  protected constructor(
    readonly kind: "iamUser" | "role",
    /** User name (iamUser; undefined means the default) or role name (role). */
    readonly name?: string,
    readonly path?: string,
  ) {}

  /** @internal The constructor arguments of a dedicated IAM user. */
  protected static _userArgs(options: IamUserIdentityOptions): ["iamUser", string | undefined, string] {
    return ["iamUser", options.userName, options.path ?? "/prefect/"];
  }

  /** Whether this side needs an access key. */
  get usesAccessKey(): boolean {
    return this.kind === "iamUser";
  }

  /** @internal Reports this choice's problems under `prop`. */
  _validate(errors: ValidationErrors, prop: string): void {
    errors.check(IamName, this.kind === "role" ? `${prop}.roleName` : `${prop}.userName`, this.name);
    errors.check(IamPath, `${prop}.path`, this.path);
  }
}
