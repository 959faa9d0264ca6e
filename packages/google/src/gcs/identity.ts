import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { GcpServiceAccountEmail } from "prefect-code-storage/lib/validation/rules/gcp-service-account-email";
import { GcpServiceAccountId } from "prefect-code-storage/lib/validation/rules/gcp-service-account-id";

/** Options of a service account that a GCS storage creates for one side (push or pull), with a key in a gcp-credentials block: its account ID. */
export interface GcsServiceAccountOptions {
  /**
   * Account ID of the service account to create (its email is `<accountId>@<project>.iam.gserviceaccount.com`).
   * @default `prefect-<stem>-push` / `prefect-<stem>-pull`, the stem cut and hashed to fit GCP's 30 characters
   */
  readonly accountId?: string;
}

/**
 * Who uses one side (push or pull) of a GCS code storage.
 * - `serviceAccount()`: a dedicated service account with a JSON key, stored in its own
 *   gcp-credentials block that the step references. For CI systems and workers outside Google
 *   Cloud. Many organizations forbid key creation (`iam.disableServiceAccountKeyCreation`, enforced
 *   by default in new organizations); use `existing()` there.
 * - `existing(email)`: keyless. The grant goes to that service account (a worker's VM or Cloud Run
 *   job account, the Google account a GKE workload impersonates, or the account CI impersonates
 *   through workload identity federation); no key, no block, and the step runs without
 *   `credentials`, so prefect-gcp uses the application default credentials.
 */
export class GcsIdentity {
  static serviceAccount(options: GcsServiceAccountOptions = {}): GcsIdentity {
    return new GcsIdentity("serviceAccount", options.accountId);
  }

  static existing(email: string): GcsIdentity {
    return new GcsIdentity("existing", email);
  }

  private constructor(
    readonly kind: "serviceAccount" | "existing",
    /** Account ID to create (serviceAccount; undefined means the default) or the existing account's email. */
    readonly name?: string,
  ) {}

  /** Whether this side needs a key and a credentials block. */
  get usesKey(): boolean {
    return this.kind === "serviceAccount";
  }

  /** The IAM member of an existing account; undefined for one this storage creates. */
  get member(): string | undefined {
    return this.kind === "existing" ? `serviceAccount:${this.name}` : undefined;
  }

  /** @internal Reports this choice's problems under `prop`. */
  _validate(errors: ValidationErrors, prop: string): void {
    if (this.kind === "existing") errors.check(GcpServiceAccountEmail, `${prop}.email`, this.name);
    else errors.check(GcpServiceAccountId, `${prop}.accountId`, this.name);
  }
}
