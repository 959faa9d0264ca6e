import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { GcpIamMember } from "prefect-code-storage/lib/validation/rules/gcp-iam-member";
import { GcpServiceAccountId } from "prefect-code-storage/lib/validation/rules/gcp-service-account-id";

/** Options of the service account created to push images to Artifact Registry (`ArtifactRegistryPushIdentity.serviceAccount`): its account ID. */
export interface ArtifactRegistryServiceAccountOptions {
  /**
   * Account ID of the service account to create.
   * @default `prefect-<stem>-push`, the stem cut and hashed to fit GCP's 30 characters
   */
  readonly accountId?: string;
}

/**
 * Who pushes images to an Artifact Registry repository (the machine running `prefect deploy`).
 * - `serviceAccount()`: a dedicated service account with a JSON key, in a
 *   docker-registry-credentials block (user name `_json_key`, the key JSON as password, Google's
 *   documented key-file login) that push_docker_image logs in with. For CI outside Google Cloud, in
 *   organizations that allow keys (`iam.disableServiceAccountKeyCreation` forbids them).
 * - `existing(member)`: keyless. The member (e.g. the service account CI impersonates through
 *   workload identity federation, or a `principalSet://` of the federated identities) gets the
 *   writer role; no key, no block: CI runs `gcloud auth configure-docker <location>-docker.pkg.dev`
 *   before `prefect deploy`, and the push step uses Docker's credential helper.
 */
export class ArtifactRegistryPushIdentity {
  static serviceAccount(options: ArtifactRegistryServiceAccountOptions = {}): ArtifactRegistryPushIdentity {
    return new ArtifactRegistryPushIdentity("serviceAccount", options.accountId);
  }

  static existing(member: string): ArtifactRegistryPushIdentity {
    return new ArtifactRegistryPushIdentity("existing", member);
  }

  private constructor(
    readonly kind: "serviceAccount" | "existing",
    /** Account ID to create (serviceAccount; undefined means the default) or the existing IAM member. */
    readonly name?: string,
  ) {}

  get usesKey(): boolean {
    return this.kind === "serviceAccount";
  }

  /** @internal Reports this choice's problems under `prop`. */
  _validate(errors: ValidationErrors, prop: string): void {
    if (this.kind === "existing") errors.check(GcpIamMember, `${prop}.member`, this.name);
    else errors.check(GcpServiceAccountId, `${prop}.accountId`, this.name);
  }
}
