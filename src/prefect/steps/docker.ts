import { TemplateValue } from "../template";
import { defineStep } from "./step";

/** The pin Prefect's own `docker` recipes use. */
export const PREFECT_DOCKER_REQUIRES = "prefect-docker>=0.3.1";

const STEPS = "prefect_docker.deployments.steps";

/**
 * Keyword arguments build_docker_image passes on to docker-py's `APIClient.build` (its
 * `**build_kwargs`), the ones a flow image needs. The step itself sets `path` (default: the
 * directory `prefect deploy` runs in), `dockerfile`, `pull` (default true), `decode` and `labels`.
 */
export interface DockerBuildKwargs {
  /** Target platform, e.g. `linux/amd64`: build for where the flow runs, not for the build machine. */
  readonly platform?: TemplateValue;
  /** Build context directory. @default the directory `prefect deploy` runs in */
  readonly path?: TemplateValue;
  /**
   * Build arguments (`ARG`s). They are stored in the image's history: never pass a secret here.
   * @default none
   */
  readonly buildargs?: { readonly [name: string]: TemplateValue };
  /** Multi-stage target. @default the last stage */
  readonly target?: TemplateValue;
  /** Pull newer base images. @default true (the step's default) */
  readonly pull?: boolean;
  /** Build without the layer cache. @default false */
  readonly nocache?: boolean;
  /** Labels added to the image (the step adds Prefect's own). @default none */
  readonly labels?: { readonly [name: string]: TemplateValue };
  /** Network for RUN instructions, e.g. `host`. @default Docker's default */
  readonly network_mode?: TemplateValue;
}

export interface BuildDockerImageParams extends DockerBuildKwargs {
  /** The repository URL without tag: `<registry host>/<path>`. */
  readonly image_name: TemplateValue;
  /** Path of the Dockerfile, or `auto` to let Prefect write one. @default "Dockerfile" */
  readonly dockerfile?: TemplateValue;
  /** @default a slug of the build's UTC time, unique per build */
  readonly tag?: TemplateValue;
  readonly additional_tags?: TemplateValue;
  readonly ignore_cache?: boolean;
  /** With `dockerfile: auto`, keep the generated Dockerfile. @default false */
  readonly persist_dockerfile?: boolean;
  /** @default "Dockerfile.generated" */
  readonly dockerfile_output_path?: TemplateValue;
  /** `docker-py` or `buildx`. @default "docker-py" */
  readonly build_backend?: TemplateValue;
}

/**
 * Builds the image from the project directory; returns `image_name`, `tag`, `image`
 * (`<image_name>:<tag>`), `image_id` and `additional_tags`.
 */
export const buildDockerImage = defineStep<BuildDockerImageParams, "image_name" | "tag" | "image" | "image_id" | "additional_tags">({
  fn: `${STEPS}.build_docker_image`,
  requires: PREFECT_DOCKER_REQUIRES,
  outputs: ["image_name", "tag", "image", "image_id", "additional_tags"],
});

export interface PushDockerImageParams {
  readonly image_name: TemplateValue;
  readonly tag?: TemplateValue;
  /**
   * A docker-registry-credentials block reference: the step runs `docker login` with it first.
   * Omitted means the Docker client's own login (credential helpers, a `docker login` CI ran).
   */
  readonly credentials?: TemplateValue;
  readonly additional_tags?: TemplateValue;
  readonly ignore_cache?: boolean;
  /** @default "docker-py" */
  readonly build_backend?: TemplateValue;
}

/** Pushes `<image_name>:<tag>` (and the additional tags); returns `image_name`, `tag`, `image`, `additional_tags`. */
export const pushDockerImage = defineStep<PushDockerImageParams, "image_name" | "tag" | "image" | "additional_tags">({
  fn: `${STEPS}.push_docker_image`,
  requires: PREFECT_DOCKER_REQUIRES,
  outputs: ["image_name", "tag", "image", "additional_tags"],
});
