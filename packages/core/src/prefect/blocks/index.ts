export * from "./aws-credentials";
export * from "./azure-blob-storage-credentials";
export * from "./block";
export * from "./docker-registry-credentials";
export * from "./gcp-credentials";
export * from "./git-credentials";
export * from "./secret";
