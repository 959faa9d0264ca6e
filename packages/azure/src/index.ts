/** Azure: flow code in Blob Storage, or in images in Container Registry. Loads `@cdktf/provider-azurerm` (deep imports only). */
export * from "./blob/access";
export * from "./blob/props";
export * from "./blob/azure-blob-code-storage";
export * from "./blob/locked-down-storage-account";
export * from "./blob/container-sas";
export * from "./acr/acr-access";
export * from "./acr/azure-container-registry";
