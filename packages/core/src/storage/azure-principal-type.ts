// Shared by Blob Storage (packages/azure: blob/) and Container Registry (packages/azure: acr/) role assignments, and
// by GrantOptions here, which names the principal type without loading the Azure provider.

/** The kind of Entra ID principal a role assignment is for. */
export enum AzurePrincipalType {
  /** Managed identities and service principals. */
  SERVICE_PRINCIPAL = "ServicePrincipal",
  USER = "User",
  GROUP = "Group",
}
