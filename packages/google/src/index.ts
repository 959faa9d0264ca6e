/** Google Cloud: flow code in Cloud Storage, or in images in Artifact Registry. Loads `@cdktf/provider-google` (deep imports only). */
export * from "./gcs/identity";
export * from "./gcs/gcs-code-storage";
export * from "./gcs/locked-down-bucket";
export * from "./gcs/roles";
export * from "./gcs/grants";
export * from "./artifact-registry/artifact-registry-identity";
export * from "./artifact-registry/artifact-registry";
