import { findings, Rule } from "../rule";

/** `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>`. */
export const ACR_REGISTRY_ID =
  /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([-\w.()]{1,90})\/providers\/Microsoft\.ContainerRegistry\/registries\/([A-Za-z0-9]{5,50})$/i;

/**
 * The Resource Manager ID of an existing container registry. Role assignments are scoped to it, and
 * its resource group and name (for scope maps, tokens and the login server) are read from it.
 */
export const AcrRegistryId: Rule = {
  id: "AcrRegistryId",
  explanation:
    "An existing container registry is given by its full resource ID, /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>.",
  check: (id) =>
    findings([
      !ACR_REGISTRY_ID.test(id),
      "is not a container registry resource ID (/subscriptions/<subscription id>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>)",
      "copy it from `az acr show -n <name> --query id -o tsv`",
    ]),
};

/** Resource group and registry name of a valid registry ID (literal, not a token). */
export function parseAcrRegistryId(id: string): { resourceGroupName: string; registryName: string } | undefined {
  const m = ACR_REGISTRY_ID.exec(id);
  return m ? { resourceGroupName: m[2], registryName: m[3] } : undefined;
}
