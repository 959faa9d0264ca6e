// Shared by Blob Storage (azure/) and Container Registry (docker/) role assignments.

/** The kind of Entra ID principal a role assignment is for. */
export enum AzurePrincipalType {
  /** Managed identities and service principals. */
  SERVICE_PRINCIPAL = "ServicePrincipal",
  USER = "User",
  GROUP = "Group",
}
