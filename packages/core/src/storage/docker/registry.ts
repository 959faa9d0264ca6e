import { IConstruct } from "constructs";
import { DockerRegistryCredentialsBlock } from "../../prefect/blocks/docker-registry-credentials";
import { ValidationErrors } from "../../validation/errors";
import { Check } from "../../validation/rule";
import { GrantOptions } from "../grant-options";
import { ImageRegistryKind } from "../../core/image-registry-kind";


/**
 * An image repository flow code is baked into (EcrRegistry, ArtifactRegistryDockerRepository,
 * AzureContainerRegistry): what DockerImageCodeStorage needs to build, push and run the image, and
 * grants for identities beyond the ones the registry was created with.
 */
export interface IImageRegistry extends IConstruct {
  readonly kind: ImageRegistryKind;
  /**
   * The registry host, e.g. `123456789012.dkr.ecr.eu-central-1.amazonaws.com`: where `docker login`
   * goes and the credentials block's `registry_url`.
   */
  readonly registryUrl: string;
  /**
   * The repository URL without tag, `<registry host>/<path>`: build_docker_image's `image_name`.
   * Built from names, so it is known at synth whenever they are literals.
   */
  readonly imageName: string;
  /**
   * Whether a tag, once pushed, can never be pushed again (ECR and Artifact Registry immutable tags).
   * Undefined when this construct does not manage the repository (an existing one).
   */
  readonly immutableTags?: boolean;
  /**
   * The docker-registry-credentials block push_docker_image logs in with. Undefined where the
   * pushing machine logs in itself: ECR (12-hour tokens) and keyless identities.
   */
  readonly pushCredentials?: DockerRegistryCredentialsBlock;
  /** Lets another identity push: an IAM role name (ECR), an IAM member (Artifact Registry), a principal ID (ACR). */
  grantPush(principal: string, options?: GrantOptions): IConstruct;
  /** Lets another identity pull, given as for grantPush. */
  grantPull(principal: string, options?: GrantOptions): IConstruct;
}

/**
 * How many images or versions a cleanup rule keeps: a whole number from 1 to 10,000. Each deploy
 * pushes a new image; a deployment still pointing at an image the rule removed can no longer start
 * flow runs, so keep more than the number of deploys a deployment may lag behind.
 */
export function checkKeepCount(errors: ValidationErrors, prop: string, value: number | undefined, rule: Check): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 1 && value <= 10000)) {
    errors.add(prop, value, rule, "must be a whole number from 1 to 10000");
  }
}

/**
 * Props that only shape a repository this construct creates, refused for an existing one (whose
 * settings stay where it is defined), each reported with `rule`.
 */
export function refuseForExisting<P extends object>(errors: ValidationErrors, props: P, keys: ReadonlyArray<keyof P & string>, rule: Check, noun: string): void {
  for (const key of keys) {
    if (props[key] !== undefined) {
      errors.add(key, props[key], rule, `cannot be applied to an existing ${noun}, which this construct does not manage`, `set it where the ${noun} is defined`);
    }
  }
}
