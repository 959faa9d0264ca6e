import { findings, Rule } from "../rule";

/** `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>`. */
export const AZURE_STORAGE_ACCOUNT_ID =
  /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([-\w.()]{1,90})\/providers\/Microsoft\.Storage\/storageAccounts\/([a-z0-9]{3,24})$/i;

/**
 * The Azure Resource Manager ID of an existing storage account. Role assignments are scoped under
 * it and the resource group and account name are read from it, so it must be the full ID (as the
 * portal's "JSON view" or `az storage account show --query id` gives it), not just a name.
 */
export const AzureStorageAccountId: Rule = {
  id: "AzureStorageAccountId",
  explanation:
    "An existing storage account is given by its full resource ID, /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>.",
  check: (id) =>
    findings([
      !AZURE_STORAGE_ACCOUNT_ID.test(id),
      "is not a storage account resource ID (/subscriptions/<subscription id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>)",
      "copy it from `az storage account show -n <name> -g <group> --query id -o tsv`",
    ]),
};

/** Resource group and account name of a valid storage account ID (literal, not a token). */
export function parseStorageAccountId(id: string): { resourceGroupName: string; accountName: string } | undefined {
  const m = AZURE_STORAGE_ACCOUNT_ID.exec(id);
  return m ? { resourceGroupName: m[2], accountName: m[3] } : undefined;
}
