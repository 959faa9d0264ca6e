/** AWS: flow code in S3, or in images in ECR. Loads `@cdktf/provider-aws` (deep imports only). */
import { requireMatchingCore } from "prefect-code-storage/lib/core/matching-core";

// The core this package reaches into must be the version it was released with.
requireMatchingCore(require("../package.json"));

export * from "./iam/aws-iam-identity";
export * from "./s3/identity";
export * from "./s3/s3-code-storage";
export * from "./s3/locked-down-bucket";
export * from "./ecr/ecr-identity";
export * from "./ecr/ecr-registry";
