/** Work pool types the Prefect provider and Prefect's workers know. */
export enum WorkPoolType {
  /** Runs flows as local processes of the worker. */
  PROCESS = "process",
  /** Runs each flow in a Docker container. */
  DOCKER = "docker",
  /** Runs each flow as a Kubernetes job. */
  KUBERNETES = "kubernetes",
  /** Runs each flow as an ECS task (worker-based). */
  ECS = "ecs",
  /** Runs each flow as a Cloud Run job (worker-based). */
  CLOUD_RUN = "cloud-run",
  /** Runs each flow in an Azure Container Instances group (worker-based). */
  AZURE_CONTAINER_INSTANCE = "azure-container-instance",
  /** ECS without a worker: Prefect Cloud submits the task. */
  ECS_PUSH = "ecs:push",
  /** Cloud Run without a worker: Prefect Cloud submits the job. */
  CLOUD_RUN_PUSH = "cloud-run:push",
  /** Azure Container Instances without a worker: Prefect Cloud submits the group. */
  AZURE_CONTAINER_INSTANCE_PUSH = "azure-container-instance:push",
}
