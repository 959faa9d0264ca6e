import { CHECKS } from "../validation/checks";
import { ValidationErrors } from "../validation/errors";
import { AzurePrincipalType } from "./azure-principal-type";

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
  readonly principalType?: AzurePrincipalType;
}

const AZURE_PRINCIPAL_TYPES: readonly string[] = Object.values(AzurePrincipalType);

/** Reports a principal type the grant's cloud does not take, under the grant's own path. */
export function checkGrantOptions(errors: ValidationErrors, options: GrantOptions, cloud: "aws" | "google" | "azure"): void {
  if (typeof options !== "object" || options === null) {
    const fix = typeof options === "string" ? `use { id: ${JSON.stringify(options)} }` : "pass { id } or nothing";
    errors.add("options", options, CHECKS.GrantOptions, "must be a GrantOptions struct ({ id, principalType }); grants no longer take the construct id positionally", fix);
    return;
  }
  const { principalType } = options;
  if (principalType === undefined) return;
  if (cloud !== "azure") {
    errors.add("principalType", principalType, CHECKS.GrantPrincipalType, "applies only to Azure role assignments", "drop principalType");
  } else if (!AZURE_PRINCIPAL_TYPES.includes(principalType as string)) {
    errors.add("principalType", principalType, CHECKS.GrantPrincipalType, `must be one of ${AZURE_PRINCIPAL_TYPES.join(", ")}`, "use AzurePrincipalType.SERVICE_PRINCIPAL for managed identities and service principals");
  }
}
