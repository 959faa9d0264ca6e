/**
 * prefect-code-storage: the core entry point. Everything that needs no cloud provider's bindings:
 * the Prefect side (template values, steps, blocks, schedules, the prefect.yaml document, the Prefect
 * provider bindings), PrefectProject and FlowDeployment, work pools, local and Docker image storage
 * (with a registry from a cloud package, or built by CI), and the validation report.
 *
 * Each cloud has a package of its own, so an app installs and loads only the provider bindings it
 * uses: `prefect-code-storage-aws` (S3, ECR), `-google` (GCS, Artifact Registry), `-azure` (Blob
 * Storage, ACR) and `-git` (GitHub, GitLab, Bitbucket). This package loads none of them.
 *
 * Only what users write with is exported; validation internals, rules and renderers stay inside.
 */
export { ImageRegistryKind } from "./core/image-registry-kind";
export { WorkPoolType } from "./core/work-pool-type";
export { GitHostKind } from "./core/git-url";
export { AzurePrincipalType } from "./storage/azure-principal-type";
export { BlockRef, EnvRef, StepOutputRef, template, TemplateRef, TemplateString, VariableRef } from "./prefect/template";
export type { TemplateValue } from "./prefect/template";
export { KnownValue } from "./prefect/known-value";
export { CronScheduleOptions, IntervalScheduleOptions, Schedule, ScheduleOptions } from "./prefect/schedules";
export { DeploymentSpec, PrefectYamlDocument, PrefectYamlProps, WorkPoolSpec } from "./prefect/prefect-yaml";
export { AwsClientParameters, AwsCredentialsBlock, AwsCredentialsBlockProps, AwsCredentialsData, AzureBlobStorageCredentialsBlock, AzureBlobStorageCredentialsBlockProps, AzureBlobStorageCredentialsData, BitbucketCredentialsBlock, BitbucketCredentialsBlockProps, BitbucketCredentialsData, DockerRegistryCredentialsBlock, DockerRegistryCredentialsBlockProps, DockerRegistryCredentialsData, GcpCredentialsBlock, GcpCredentialsBlockProps, GcpCredentialsData, GitHubCredentialsBlock, GitHubCredentialsBlockProps, GitHubCredentialsData, GitLabCredentialsBlock, GitLabCredentialsBlockProps, GitLabCredentialsData, PrefectBlock, PrefectBlockOptions, SecretBlock, SecretBlockProps } from "./prefect/blocks";
export { BuildDockerImageProps, DockerBuildOptions, GitCloneProps, PipInstallRequirementsProps, PullFromAzureBlobStorageProps, PullFromGcsProps, PullFromS3Props, PushDockerImageProps, PushToAzureBlobStorageProps, PushToGcsProps, PushToS3Props, RunShellScriptProps, SetWorkingDirectoryProps, Step, StepDefinition, StepOptions, Steps } from "./prefect/steps";
export { Block, BlockConfig, Deployment, DeploymentConcurrencyOptions, DeploymentConfig, DeploymentPullStep, DeploymentSchedule, DeploymentScheduleConfig, Flow, FlowConfig, IWorkPool, PrefectProvider, PrefectProviderConfig, Variable, VariableConfig, WorkPool, WorkPoolConfig, WorkQueue, WorkQueueConfig } from "./prefect/provider";
export { GeneratedFile } from "./project/generated-file";
export { PrefectProject, PrefectProjectProps } from "./project/prefect-project";
export { PrefectYamlFile } from "./project/prefect-yaml-file";
export { PrefectIgnoreFile } from "./project/prefectignore-file";
export { CreateWorkPoolOptions, FlowDeployment, FlowDeploymentProps } from "./deployments/flow-deployment";
export { ImageWorkPool, ImageWorkPoolProps } from "./deployments/work-pools";
export { ICodeStorage } from "./storage/code-storage";
export { ObjectStorageCommonProps, ResolvedCommonProps, StorageOutput } from "./storage/common";
export { CodeFolder } from "./storage/folder";
export { IObjectCodeStorage, ObjectCodeStorage, ObjectStoreSteps } from "./storage/object-code-storage";
export { GrantOptions } from "./storage/grant-options";
export { LocalCodeStorage, LocalCodeStorageProps } from "./storage/local/local-code-storage";
export { IImageRegistry } from "./storage/docker/registry";
export { IImageCodeStorage } from "./storage/docker/image-code-storage";
export { DockerImageCodeStorage, DockerImageCodeStorageProps } from "./storage/docker/docker-image-code-storage";
export { PrebuiltImageCodeStorage, PrebuiltImageCodeStorageProps } from "./storage/docker/prebuilt-image-code-storage";
export { Finding, ValidationProblem, ProblemReport } from "./validation/errors";
