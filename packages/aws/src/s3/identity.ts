import { AwsIamIdentity, IamUserIdentityOptions } from "../iam/aws-iam-identity";


/**
 * Who uses one side (push or pull) of an S3 code storage.
 * - `iamUser()`: a dedicated IAM user with an access key, stored in its own aws-credentials block
 *   that the step references. For CI systems and workers outside AWS.
 * - `role(name)`: keyless. The grant is attached to an existing IAM role (a worker's task or instance
 *   role, or the role CI assumes through OIDC); no key, no block, and the step runs without
 *   `credentials`, so boto3 uses the ambient role.
 */
export class S3Identity extends AwsIamIdentity {
  static iamUser(options: IamUserIdentityOptions = {}): S3Identity {
    return new S3Identity(...AwsIamIdentity._userArgs(options));
  }

  static role(roleName: string): S3Identity {
    return new S3Identity("role", roleName);
  }
}
