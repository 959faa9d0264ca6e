/** Google Cloud: flow code in Cloud Storage, or in images in Artifact Registry. Loads `@cdktf/provider-google` (deep imports only). */
export * from "./storage/gcs/identity";
export * from "./storage/gcs/gcs-code-storage";
export * from "./storage/gcs/locked-down-bucket";
export * from "./storage/gcs/roles";
export * from "./storage/gcs/grants";
export * from "./storage/docker/artifact-registry-identity";
export * from "./storage/docker/artifact-registry";
