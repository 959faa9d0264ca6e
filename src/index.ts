/**
 * prefect-code-storage: the core entry point. Everything that needs no cloud provider's bindings:
 * the Prefect side (template values, steps, blocks, schedules, the prefect.yaml document, the Prefect
 * provider bindings), PrefectProject and FlowDeployment, work pools, local and Docker image storage
 * (with a registry from a cloud entry point, or built by CI), and the validation report.
 *
 * Each cloud has an entry point of its own, so an app imports only the provider bindings it uses:
 * `./aws` (S3, ECR), `./google` (GCS, Artifact Registry), `./azure` (Blob Storage, ACR), and `./git`
 * (GitHub, GitLab, Bitbucket). Importing this one loads none of them.
 *
 * Only what users write with is exported; validation internals, rules and renderers stay inside.
 */
export * from "./core/image-registry-kind";
export * from "./prefect/work-pool-type";
export * from "./prefect/template";
export * from "./prefect/known-value";
export * from "./prefect/schedules";
export * from "./prefect/prefect-yaml";
export * from "./prefect/blocks";
export * from "./prefect/steps";
export * from "./prefect/provider";
export * from "./project/generated-file";
export * from "./project/prefect-project";
export * from "./project/prefect-yaml-file";
export * from "./project/prefectignore-file";
export * from "./deployments/flow-deployment";
export * from "./deployments/work-pools";
export * from "./storage/code-storage";
export * from "./storage/common";
export * from "./storage/folder";
export * from "./storage/object-code-storage";
export * from "./storage/grant-options";
export * from "./storage/local/local-code-storage";
export * from "./storage/docker/registry";
export * from "./storage/docker/image-code-storage";
export * from "./storage/docker/docker-image-code-storage";
export * from "./storage/docker/prebuilt-image-code-storage";
export { Finding, ValidationProblem, ProblemReport } from "./validation/errors";
