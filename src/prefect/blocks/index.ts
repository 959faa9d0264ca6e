export * from "./aws-credentials";
export * from "./azure-blob-storage-credentials";
export * from "./block";
export * from "./git-credentials";
export * from "./secret";
