import { Token } from "cdktf";
import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { AcrTokenExpiry, acrTokenExpiryTime } from "prefect-code-storage/lib/validation/rules/acr-token-expiry";
import { AzurePrincipalId } from "prefect-code-storage/lib/validation/rules/azure-principal-id";
import { CHECKS } from "prefect-code-storage/lib/validation/checks";
import { AzurePrincipalType } from "prefect-code-storage/lib/storage/azure-principal-type";

/** Options of a repository-scoped ACR push token (`AcrPushAccess.repositoryToken`): when its password expires. */
export interface AcrRepositoryTokenOptions {
  /**
   * When the token's password stops working: an RFC 3339 UTC date-time such as
   * `2026-06-30T00:00:00Z`. Moving it and applying issues a new password into the block.
   * @default the password never expires (disable the token or delete it to revoke)
   */
  readonly expiry?: string;
}


/** Options of keyless ACR push through the `AcrPush` role (`AcrPushAccess.role`): the kind of principal that gets the role. */
export interface AcrRoleOptions {
  /** @default "ServicePrincipal" (managed identities and workload-identity app registrations are) */
  readonly principalType?: AzurePrincipalType;
}

/**
 * How the machine running `prefect deploy` (CI) pushes to an Azure container registry.
 * - `repositoryToken()` (default, the least privilege ACR offers): a non-Entra registry token whose
 *   scope map allows exactly `content/read` + `content/write` (what a push needs) on this one
 *   repository, with a generated password; the token name and password go into a
 *   docker-registry-credentials block that push_docker_image logs in with. Works from anywhere.
 * - `role(principalId)`: keyless. The `AcrPush` role on the registry for an Entra identity (the
 *   identity CI signs in as through workload identity federation); no block: CI runs
 *   `az acr login --name <registry>` before `prefect deploy`. Entra roles cannot be limited to one
 *   repository here, so this identity can push to (and pull from) every repository of the registry.
 * The registry's admin user (full access, one shared password) is never used.
 */
export class AcrPushAccess {
  static repositoryToken(options: AcrRepositoryTokenOptions = {}): AcrPushAccess {
    return new AcrPushAccess("repositoryToken", options.expiry);
  }

  static role(principalId: string, options: AcrRoleOptions = {}): AcrPushAccess {
    return new AcrPushAccess("role", undefined, principalId, options.principalType ?? AzurePrincipalType.SERVICE_PRINCIPAL);
  }

  private constructor(
    readonly kind: "repositoryToken" | "role",
    readonly expiry?: string,
    readonly principalId?: string,
    readonly principalType?: AzurePrincipalType,
  ) {}

  get usesToken(): boolean {
    return this.kind === "repositoryToken";
  }

  /** @internal Reports this choice's problems under `prop`. */
  _validate(errors: ValidationErrors, prop: string, now: number = Date.now()): void {
    if (this.kind === "role") {
      errors.check(AzurePrincipalId, `${prop}.principalId`, this.principalId);
      return;
    }
    if (this.expiry === undefined || Token.isUnresolved(this.expiry)) return;
    errors.check(AcrTokenExpiry, `${prop}.expiry`, this.expiry);
    const time = acrTokenExpiryTime(this.expiry);
    if (time !== undefined && time <= now) {
      errors.add(`${prop}.expiry`, this.expiry, CHECKS.AcrTokenExpired, "has already passed, so the password would be refused", "move the expiry into the future and apply (that issues a new password)");
    }
  }
}

/**
 * Scope map actions a push needs on one repository (Azure: "content/write: use with content/read to
 * push an artifact"). No `metadata/*` (listing tags, locking) and no `content/delete`.
 * @internal
 */
export function repositoryPushActions(repository: string): string[] {
  return [`repositories/${repository}/content/read`, `repositories/${repository}/content/write`];
}

/** Built-in roles on the registry: push includes pull. @internal */
export const ACR_PUSH_ROLE = "AcrPush";
/** @internal */
export const ACR_PULL_ROLE = "AcrPull";
