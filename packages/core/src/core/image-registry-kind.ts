/** The registries this library provisions images in; a work pool type is checked against it. */
export enum ImageRegistryKind {
  /** Amazon Elastic Container Registry. */
  ECR = "ecr",
  /** Google Artifact Registry. */
  ARTIFACT_REGISTRY = "artifact-registry",
  /** Azure Container Registry. */
  ACR = "acr",
}
