export * from "./block-name";
export * from "./env-var-name";
export * from "./iam-name";
export * from "./s3-bucket-name";
export * from "./storage-folder";
export * from "./variable-name";
