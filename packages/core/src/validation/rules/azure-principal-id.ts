import { findings, Rule } from "../rule";

/**
 * The object (principal) ID of a Microsoft Entra identity, which `azurerm_role_assignment` needs:
 * a GUID. A managed identity's `principal_id`, not its `client_id`, and not a resource ID or name.
 */
export const AzurePrincipalId: Rule = {
  id: "AzurePrincipalId",
  explanation:
    "Role assignments take the principal (object) ID of an identity: a GUID such as 00000000-0000-0000-0000-000000000000.",
  check: (id) =>
    findings([
      !/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(id),
      "is not a GUID; give the identity's principal (object) ID",
      id.startsWith("/subscriptions/")
        ? "pass the identity's principal_id attribute (e.g. azurerm_user_assigned_identity.principal_id), not its resource ID"
        : undefined,
    ]),
};
