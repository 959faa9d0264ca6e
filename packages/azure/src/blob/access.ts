import { Token } from "cdktf";
import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { AzurePrincipalId } from "prefect-code-storage/lib/validation/rules/azure-principal-id";
import { AzureSasExpiry, sasExpiryTime } from "prefect-code-storage/lib/validation/rules/azure-sas-expiry";
import { CHECKS } from "prefect-code-storage/lib/validation/checks";
import { AzurePrincipalType } from "prefect-code-storage/lib/storage/azure-principal-type";

/** SAS validity when no explicit expiry is given. @internal */
export const DEFAULT_SAS_VALIDITY_DAYS = 90;

/** Options of a container SAS (`AzureBlobAccess.containerSas`): when it expires and how it is renewed. */
export interface ContainerSasOptions {
  /**
   * When the SAS stops working: an ISO 8601 UTC date or date-time, e.g. `"2026-06-30"` or
   * `"2026-06-30T00:00:00Z"`. Renew by moving it later and applying: the block gets a new SAS.
   * Synthesis fails once it has passed. Exclusive with `validityDays`.
   * @default derived: `validityDays` after the SAS is first issued, fixed until `rotation` changes
   */
  readonly expiry?: string;
  /**
   * With no `expiry`: how long a SAS is valid from when it is issued (1 to 365 days). The expiry is
   * computed once by Terraform (a `terraform_data` resource) and kept until `rotation` changes.
   * @default 90
   */
  readonly validityDays?: number;
  /**
   * Any value; changing it re-issues the SAS with a new start and a new derived expiry (the
   * renewal for a derived expiry). The previous SAS stays valid until its own expiry: a SAS signed
   * with the account key can only be revoked early by rotating that key.
   * @default none
   */
  readonly rotation?: string | number;
}

/** Options of keyless access for a managed identity (`AzureBlobAccess.managedIdentity`): the kind of principal that gets the role. */
export interface ManagedIdentityOptions {
  /**
   * The principal's type, which lets Azure skip a directory lookup that fails for identities created
   * moments before (replication delay).
   * @default "ServicePrincipal" (managed identities and workload-identity app registrations are)
   */
  readonly principalType?: AzurePrincipalType;
}


/** What a side is allowed to do, in SAS permission terms. */
export interface SasPermissions {
  readonly read: boolean;
  readonly add: boolean;
  readonly create: boolean;
  readonly write: boolean;
  /** The SAS `d` permission (named so because `delete` is reserved in Go and other targets). */
  readonly deleteBlobs: boolean;
  readonly list: boolean;
}

/**
 * How one side (push or pull) of an Azure Blob code storage reaches the container, each stored in
 * an `azure-blob-storage-credentials` block that the step references. From most to least privileged:
 * - `accountConnectionString()`: the account's primary connection string (Prefect's guide). Full
 *   control of every container, queue, table and share of the account, and the key can sign any SAS.
 * - `containerSas(options)`: a SAS connection string for this container only, with only what the
 *   side does (pull: read + list; push: write), HTTPS only, with an expiry.
 * - `managedIdentity(principalId)`: keyless. The block holds only `account_url`, the step uses the
 *   default Azure credential of the worker or CI job, and that identity gets a role on the container.
 * The storage's default is `containerSas()`: the least privileged mode that needs no input of yours.
 */
export class AzureBlobAccess {
  static accountConnectionString(): AzureBlobAccess {
    return new AzureBlobAccess("accountConnectionString");
  }

  static containerSas(options: ContainerSasOptions = {}): AzureBlobAccess {
    return new AzureBlobAccess("containerSas", options);
  }

  static managedIdentity(principalId: string, options: ManagedIdentityOptions = {}): AzureBlobAccess {
    return new AzureBlobAccess("managedIdentity", {}, principalId, options.principalType ?? AzurePrincipalType.SERVICE_PRINCIPAL);
  }

  private constructor(
    readonly kind: "accountConnectionString" | "containerSas" | "managedIdentity",
    readonly sas: ContainerSasOptions = {},
    /** managedIdentity: the principal (object) ID that gets the role. */
    readonly principalId?: string,
    readonly principalType?: AzurePrincipalType,
  ) {}

  /** Whether this side holds a secret signed with (or being) the account key. */
  get usesSharedKey(): boolean {
    return this.kind !== "managedIdentity";
  }

  /** @internal Reports this choice's problems under `prop`. */
  _validate(errors: ValidationErrors, prop: string, now: number = Date.now()): void {
    if (this.kind === "managedIdentity") {
      errors.check(AzurePrincipalId, `${prop}.principalId`, this.principalId);
      return;
    }
    if (this.kind !== "containerSas") return;
    const { expiry, validityDays } = this.sas;
    if (expiry !== undefined && validityDays !== undefined) {
      errors.add(`${prop}.validityDays`, validityDays, CHECKS.AzureSasValidity, "cannot be combined with an explicit expiry", "drop one of them");
    }
    if (validityDays !== undefined && !(Number.isInteger(validityDays) && validityDays >= 1 && validityDays <= 365)) {
      errors.add(`${prop}.validityDays`, validityDays, CHECKS.AzureSasValidity, "must be a whole number of days from 1 to 365");
    }
    if (expiry !== undefined && !Token.isUnresolved(expiry)) {
      errors.check(AzureSasExpiry, `${prop}.expiry`, expiry);
      const time = sasExpiryTime(expiry);
      if (time !== undefined && time <= now) {
        errors.add(`${prop}.expiry`, expiry, CHECKS.AzureSasExpired, "has already passed, so the SAS would be refused", "move the expiry into the future and apply (that renews the SAS)");
      }
    }
  }
}

/**
 * What each step does to the container, as SAS permissions (see the facts on the Azure steps):
 * push calls `upload_blob(..., overwrite=True)` per file, a Put Blob (or Put Block + Put Block List)
 * that needs `w`, which creates new blobs and overwrites existing ones; `c` alone would fail every
 * re-deploy and adds nothing to `w`. Pull lists blobs by prefix (`l`) and downloads each (`r`).
 * @internal
 */
export const PUSH_SAS_PERMISSIONS: SasPermissions = { read: false, add: false, create: false, write: true, deleteBlobs: false, list: false };
/** @internal */
export const PULL_SAS_PERMISSIONS: SasPermissions = { read: true, add: false, create: false, write: false, deleteBlobs: false, list: true };

/**
 * The built-in roles for keyless sides, assigned on the container: Reader covers list + read
 * (`blobs/read`); Contributor is the smallest built-in role that can write blobs (it also reads and
 * deletes within the container).
 * @internal
 */
export const PULL_ROLE = "Storage Blob Data Reader";
/** @internal */
export const PUSH_ROLE = "Storage Blob Data Contributor";
