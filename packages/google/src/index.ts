/** Google Cloud: flow code in Cloud Storage, or in images in Artifact Registry. Loads `@cdktf/provider-google` (deep imports only). */
import { requireMatchingCore } from "prefect-code-storage/lib/core/matching-core";

// The core this package reaches into must be the version it was released with.
requireMatchingCore(require("../package.json"));

export * from "./gcs/identity";
export * from "./gcs/gcs-code-storage";
export * from "./gcs/locked-down-bucket";
export * from "./gcs/roles";
export * from "./gcs/grants";
export * from "./artifact-registry/artifact-registry-identity";
export * from "./artifact-registry/artifact-registry";
