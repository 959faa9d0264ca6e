// Every rule, one per file (cdk-nag style). test/validation-rules.test.ts checks this list is complete.
export { AbsoluteDirectory } from "./absolute-path";
export { AzureContainerName } from "./azure-container-name";
export { AzurePrincipalId } from "./azure-principal-id";
export { AzureResourceGroupName } from "./azure-resource-group-name";
export { AzureRetentionDays } from "./azure-retention-days";
export { AzureSasExpiry } from "./azure-sas-expiry";
export { AzureStorageAccountId } from "./azure-storage-account-id";
export { AzureStorageAccountName } from "./azure-storage-account-name";
export { BlockName } from "./block-name";
export { EnvVarName } from "./env-var-name";
export { GitBranchName, GitCommitSha } from "./git-ref";
export { GitRepositoryUrl } from "./git-repository-url";
export { IamName } from "./iam-name";
export { S3BucketName } from "./s3-bucket-name";
export { StorageFolder } from "./storage-folder";
export { VariableName } from "./variable-name";
