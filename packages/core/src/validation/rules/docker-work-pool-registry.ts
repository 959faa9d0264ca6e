import { findings, Rule } from "../rule";
import { ImageRegistryKind } from "./docker-image-reference";

/** A work pool type and the registry of the image its flow runs use. */
export interface WorkPoolImageSource {
  readonly type: string;
  /** Undefined for a registry this library does not provision (Docker Hub, GHCR, ...). */
  readonly registry?: ImageRegistryKind;
}

const REGISTRY_NAMES: Record<ImageRegistryKind, string> = {
  ecr: "Amazon ECR",
  "artifact-registry": "Artifact Registry",
  acr: "Azure Container Registry",
};

/**
 * Which registry each cloud's serverless runtime pulls from. Push pools run flows in their own
 * cloud's serverless service with that cloud's identities: ECS (Fargate) pulls from ECR with the
 * task execution role, Cloud Run only from Artifact Registry (or Container Registry and Docker Hub,
 * never ECR or ACR), Container Instances from ACR with the group's identity.
 */
const REQUIRED: Record<string, ImageRegistryKind> = {
  "ecs:push": ImageRegistryKind.ECR,
  "cloud-run": ImageRegistryKind.ARTIFACT_REGISTRY,
  "cloud-run:push": ImageRegistryKind.ARTIFACT_REGISTRY,
  "azure-container-instance:push": ImageRegistryKind.ACR,
};

/** A work pool that runs flows in containers from the given registry can actually pull from it. */
export const DockerWorkPoolRegistry: Rule<WorkPoolImageSource> = {
  id: "DockerWorkPoolRegistry",
  explanation:
    "Image-based work pools must be able to pull from the image's registry: ecs:push needs ECR, cloud-run and cloud-run:push need Artifact Registry, azure-container-instance:push needs ACR; process pools run no image.",
  check: ({ type, registry }) => {
    const required = REQUIRED[type];
    return findings(
      [type === "process", "runs flows in a local process, never in a container, so the image would not be used", 'use a container type such as "docker", "kubernetes" or "ecs"'],
      [
        required !== undefined && registry !== undefined && registry !== required,
        `cannot pull from ${registry ? REGISTRY_NAMES[registry] : ""}: a ${type} pool runs flows in ${REGISTRY_NAMES[required]}'s cloud and pulls from ${REGISTRY_NAMES[required]}`,
        `push the image to ${REGISTRY_NAMES[required]}, or use a pool type of the registry's cloud (${poolsFor(registry)})`,
      ],
    );
  },
};

const POOLS_OF_REGISTRY: Record<ImageRegistryKind, string> = {
  ecr: "ecs, ecs:push, docker or kubernetes",
  "artifact-registry": "cloud-run, cloud-run:push, docker or kubernetes",
  acr: "azure-container-instance, azure-container-instance:push, docker or kubernetes",
};

function poolsFor(registry: ImageRegistryKind | undefined): string {
  return registry ? POOLS_OF_REGISTRY[registry] : "docker or kubernetes";
}
