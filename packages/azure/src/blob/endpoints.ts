/**
 * Blob endpoints of an account in Azure's public cloud, built from its name so that, given a literal
 * name, block data is fully known in `terraform plan` for a reviewer.
 */
export const blobAccountUrl = (accountName: string): string => `https://${accountName}.blob.core.windows.net`;

/**
 * The Resource Manager ID of a container, the scope of its role assignments:
 * `<account id>/blobServices/default/containers/<name>`.
 */
export const containerResourceId = (storageAccountId: string, containerName: string): string =>
  `${storageAccountId}/blobServices/default/containers/${containerName}`;
