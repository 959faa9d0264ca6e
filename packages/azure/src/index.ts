/** Azure: flow code in Blob Storage, or in images in Container Registry. Loads `@cdktf/provider-azurerm` (deep imports only). */
import { requireMatchingCore } from "prefect-code-storage/lib/core/matching-core";

// The core this package reaches into must be the version it was released with.
requireMatchingCore(require("../package.json"));

export * from "./blob/access";
export * from "./blob/props";
export * from "./blob/azure-blob-code-storage";
export * from "./blob/locked-down-storage-account";
export * from "./blob/container-sas";
export * from "./acr/acr-access";
export * from "./acr/azure-container-registry";
