/** Azure: flow code in Blob Storage, or in images in Container Registry. Loads `@cdktf/provider-azurerm` (deep imports only). */
export * from "./storage/azure/access";
export * from "./storage/azure/props";
export * from "./storage/azure/azure-blob-code-storage";
export * from "./storage/azure/locked-down-storage-account";
export * from "./storage/azure/container-sas";
export * from "./storage/docker/acr-access";
export * from "./storage/docker/azure-container-registry";
