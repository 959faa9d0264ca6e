/** AWS: flow code in S3, or in images in ECR. Loads `@cdktf/provider-aws` (deep imports only). */
export * from "./storage/aws-iam-identity";
export * from "./storage/s3/identity";
export * from "./storage/s3/s3-code-storage";
export * from "./storage/s3/locked-down-bucket";
export * from "./storage/docker/ecr-identity";
export * from "./storage/docker/ecr-registry";
