import { TemplateValue } from "../template";
import { ParamNames, StepDefinition, StepOptions } from "./step";

/** The pin Prefect's own `docker` recipes use. */
export const PREFECT_DOCKER_REQUIRES = "prefect-docker>=0.3.1";

const STEPS = "prefect_docker.deployments.steps";

/**
 * Keyword arguments build_docker_image passes on to docker-py's `APIClient.build` (its
 * `**build_kwargs`), the ones a flow image needs. The step itself sets `path` (default: the
 * directory `prefect deploy` runs in), `dockerfile`, `pull` (default true), `decode` and `labels`.
 */
export interface DockerBuildOptions {
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
  readonly networkMode?: TemplateValue;
}

/** docker-py's names for DockerBuildOptions (they pass through `**build_kwargs`). */
export const DOCKER_BUILD_OPTION_NAMES: { readonly [K in keyof DockerBuildOptions]-?: string } = {
  path: "path",
  buildargs: "buildargs",
  target: "target",
  pull: "pull",
  nocache: "nocache",
  labels: "labels",
  networkMode: "network_mode",
};

/** Arguments of the build_docker_image step: the image to build, its tags, Dockerfile and docker-py build options. */
export interface BuildDockerImageProps extends DockerBuildOptions, StepOptions {
  /** The repository URL without tag: `<registry host>/<path>`. */
  readonly imageName: TemplateValue;
  /**
   * Target platform, e.g. `linux/amd64`: build for where the flow runs, not for the build machine.
   * @default the build machine's platform
   */
  readonly platform?: TemplateValue;
  /** Path of the Dockerfile, or `auto` to let Prefect write one. @default "Dockerfile" */
  readonly dockerfile?: TemplateValue;
  /** @default a slug of the build's UTC time, unique per build */
  readonly tag?: TemplateValue;
  /** More tags for the same image. @default none */
  readonly additionalTags?: TemplateValue;
  /** @default false */
  readonly ignoreCache?: boolean;
  /** With `dockerfile: auto`, keep the generated Dockerfile. @default false */
  readonly persistDockerfile?: boolean;
  /** @default "Dockerfile.generated" */
  readonly dockerfileOutputPath?: TemplateValue;
  /** `docker-py` or `buildx`. @default "docker-py" */
  readonly buildBackend?: TemplateValue;
}

/**
 * Builds the image from the project directory; returns `image_name`, `tag`, `image`
 * (`<image_name>:<tag>`), `image_id` and `additional_tags`.
 */
export const BUILD_DOCKER_IMAGE: StepDefinition = {
  fn: `${STEPS}.build_docker_image`,
  requires: PREFECT_DOCKER_REQUIRES,
  outputs: ["image_name", "tag", "image", "image_id", "additional_tags"],
};
export const BUILD_DOCKER_IMAGE_PARAMS: ParamNames<BuildDockerImageProps> = {
  ...DOCKER_BUILD_OPTION_NAMES,
  imageName: "image_name",
  platform: "platform",
  dockerfile: "dockerfile",
  tag: "tag",
  additionalTags: "additional_tags",
  ignoreCache: "ignore_cache",
  persistDockerfile: "persist_dockerfile",
  dockerfileOutputPath: "dockerfile_output_path",
  buildBackend: "build_backend",
};

/** Arguments of the push_docker_image step: the image and tags to push, and the registry credentials to push with. */
export interface PushDockerImageProps extends StepOptions {
  readonly imageName: TemplateValue;
  /** @default none (the step passes no tag to the push) */
  readonly tag?: TemplateValue;
  /**
   * A docker-registry-credentials block reference: the step runs `docker login` with it first.
   * Omitted means the Docker client's own login (credential helpers, a `docker login` CI ran).
   * @default - none: the Docker client's own login
   */
  readonly credentials?: TemplateValue;
  /** @default none */
  readonly additionalTags?: TemplateValue;
  /** @default false */
  readonly ignoreCache?: boolean;
  /** @default "docker-py" */
  readonly buildBackend?: TemplateValue;
}

/** Pushes `<image_name>:<tag>` (and the additional tags); returns `image_name`, `tag`, `image`, `additional_tags`. */
export const PUSH_DOCKER_IMAGE: StepDefinition = {
  fn: `${STEPS}.push_docker_image`,
  requires: PREFECT_DOCKER_REQUIRES,
  outputs: ["image_name", "tag", "image", "additional_tags"],
};
export const PUSH_DOCKER_IMAGE_PARAMS: ParamNames<PushDockerImageProps> = {
  imageName: "image_name",
  tag: "tag",
  credentials: "credentials",
  additionalTags: "additional_tags",
  ignoreCache: "ignore_cache",
  buildBackend: "build_backend",
};
