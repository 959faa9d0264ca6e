import { ValidationErrors } from "../validation/errors";
import { CHECKS } from "../validation/checks";

/** Options every grant takes: object storages and image registries alike. */
export interface GrantOptions {
  /**
   * Construct id of the grant.
   * @default derived from the principal (`grant-<side>-<principal>`; counted for one only known after apply)
   */
  readonly id?: string;
  /**
   * Azure only: the kind of principal the role assignment is for, `ServicePrincipal`, `User` or `Group`.
   * @default "ServicePrincipal" on Azure; AWS and Google grants refuse it
   */
  readonly principalType?: string;
}

const AZURE_PRINCIPAL_TYPES = ["ServicePrincipal", "User", "Group"];

/** Reports a principal type the grant's cloud does not take, under the grant's own path. */
export function checkGrantOptions(errors: ValidationErrors, options: GrantOptions, cloud: "aws" | "google" | "azure"): void {
  const { principalType } = options;
  if (principalType === undefined) return;
  if (cloud !== "azure") {
    errors.add("principalType", principalType, CHECKS.GrantPrincipalType, "applies only to Azure role assignments", "drop principalType");
  } else if (!AZURE_PRINCIPAL_TYPES.includes(principalType)) {
    errors.add("principalType", principalType, CHECKS.GrantPrincipalType, `must be one of ${AZURE_PRINCIPAL_TYPES.join(", ")}`, 'use "ServicePrincipal" for managed identities and service principals');
  }
}
