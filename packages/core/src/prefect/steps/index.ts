// The public step API: the Step class, its definition and option structs, the typed props, and Steps.
// The definitions and name tables stay inside (users reach them through Steps).
export { Step, StepDefinition, StepOptions } from "./step";
export { Steps } from "./steps";
export { SetWorkingDirectoryProps, GitCloneProps, RunShellScriptProps, PipInstallRequirementsProps } from "./core";
export { PushToS3Props, PullFromS3Props } from "./aws";
export { PushToGcsProps, PullFromGcsProps } from "./gcp";
export { PushToAzureBlobStorageProps, PullFromAzureBlobStorageProps } from "./azure";
export { DockerBuildOptions, BuildDockerImageProps, PushDockerImageProps } from "./docker";
