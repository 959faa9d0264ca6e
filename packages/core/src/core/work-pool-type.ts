/**
 * Work pool types Prefect 3 knows: the worker types of Prefect's collection registry
 * (`aggregate-worker-metadata.json`: process, docker, kubernetes, ecs, cloud-run, cloud-run-v2,
 * vertex-ai, azure-container-instance), Coiled's worker (`coiled`), Prefect Cloud's push pools (those
 * `prefect work-pool create --provision-infra` provisions) and Prefect Cloud's managed pools.
 */
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
  /** Cloud Run through the v2 API (worker-based). */
  CLOUD_RUN_V2 = "cloud-run-v2",
  /** Runs each flow as a Vertex AI custom job (worker-based). */
  VERTEX_AI = "vertex-ai",
  /** Runs each flow in an Azure Container Instances group (worker-based). */
  AZURE_CONTAINER_INSTANCE = "azure-container-instance",
  /** Runs each flow on Coiled (worker-based). */
  COILED = "coiled",
  /** ECS without a worker: Prefect Cloud submits the task. */
  ECS_PUSH = "ecs:push",
  /** Cloud Run without a worker: Prefect Cloud submits the job. */
  CLOUD_RUN_PUSH = "cloud-run:push",
  /** Cloud Run v2 without a worker. */
  CLOUD_RUN_V2_PUSH = "cloud-run-v2:push",
  /** Azure Container Instances without a worker: Prefect Cloud submits the group. */
  AZURE_CONTAINER_INSTANCE_PUSH = "azure-container-instance:push",
  /** Modal without a worker. */
  MODAL_PUSH = "modal:push",
  /** Coiled without a worker. */
  COILED_PUSH = "coiled:push",
  /** Prefect Cloud's managed execution. */
  PREFECT_MANAGED = "prefect:managed",
}
