import { Construct } from "constructs";
import { DockerBuildOptions } from "../../prefect/steps/docker";
import { Steps } from "../../prefect/steps/steps";
import { Step } from "../../prefect/steps/step";
import { EnvRef, TemplateValue } from "../../prefect/template";
import { ValidationErrors } from "../../validation/errors";
import { DockerPlatform } from "../../validation/rules/docker-platform";
import { DockerTag } from "../../validation/rules/docker-tag";
import { EnvVarName } from "../../validation/rules/env-var-name";
import { locationForYaml } from "../common";
import { defaultNameStem } from "../names";
import { checkCodeDirectory, IImageCodeStorage } from "./image-code-storage";
import { ImageRegistryKind } from "../../core/image-registry-kind";
import { IImageRegistry } from "./registry";
import { CHECKS } from "../../validation/checks";

/** Props of DockerImageCodeStorage: the registry the flow image is pushed to, where the code sits in the image, and how each deploy builds and tags it. */
export interface DockerImageCodeStorageProps {
  /** The registry the image is pushed to: EcrRegistry, ArtifactRegistryDockerRepository or AzureContainerRegistry. */
  readonly registry: IImageRegistry;
  /**
   * Where your Dockerfile puts the flow code in the image, e.g. `/opt/prefect/etl`: the pull step
   * makes it the flow run's working directory, so entrypoints resolve against it. With
   * `dockerfile: "auto"`, Prefect copies the code to `/opt/prefect/<name of the deploy directory>`.
   */
  readonly codeDirectory: string;
  /**
   * The Dockerfile, relative to where `prefect deploy` runs, or `"auto"` for Prefect's generated one
   * (Prefect's base image, `requirements.txt` installed, the directory copied).
   * @default "Dockerfile"
   */
  readonly dockerfile?: string;
  /**
   * A fixed tag for every build. Refused with immutable tags: the second deploy could not push it.
   * Exclusive with `tagFromEnv`.
   * @default none: build_docker_image tags each build with its UTC time, so every deploy pushes a new image
   */
  readonly tag?: string;
  /**
   * Tag each build with this environment variable of the machine running `prefect deploy`, e.g.
   * `GITHUB_SHA` (`tag: "{{ $GITHUB_SHA }}"`). Give it a value unique per build when tags are immutable.
   * @default none
   */
  readonly tagFromEnv?: string;
  /**
   * More tags for every build (e.g. `latest`). Refused with immutable tags, for the same reason as `tag`.
   * @default none
   */
  readonly additionalTags?: string[];
  /**
   * Platform to build for, e.g. `linux/amd64`: where the flow runs, not where CI runs (an Apple
   * silicon machine builds `linux/arm64` images that amd64 ECS, Cloud Run and Container Instances
   * cannot start).
   * @default the build machine's platform
   */
  readonly platform?: string;
  /**
   * Further docker-py build arguments (build args, target stage, ...), passed through
   * build_docker_image's `**build_kwargs`. Build args are stored in the image: never a secret.
   * @default none
   */
  readonly buildOptions?: DockerBuildOptions;
}

/**
 * Flow code baked into an image at `prefect deploy` (Prefect's `docker` recipe): build_docker_image
 * builds `<registry image>:<tag>`, push_docker_image pushes it (logging in with the registry's
 * credentials block where it has one), every deployment runs that image (job variable
 * `image: "{{ build_image.image }}"`), and the pull step only changes into the code's directory.
 */
export class DockerImageCodeStorage extends Construct implements IImageCodeStorage {
  readonly registry: IImageRegistry;
  readonly registryKind?: ImageRegistryKind;
  readonly codeDirectory: string;
  readonly fixedImage?: string;
  readonly buildSteps: Step[];
  readonly pushSteps: Step[];
  readonly pullSteps: Step[];
  /** The pull steps hold no step-output reference: Terraform stores them as they are. */
  get literalPullSteps(): Step[] {
    return this.pullSteps;
  }
  /** Push steps here upload no files, so no `.prefectignore` patterns apply (use `.dockerignore`). */
  readonly ignorePatterns: string[] = [];
  readonly jobVariables: { [name: string]: TemplateValue };

  constructor(scope: Construct, id: string, props: DockerImageCodeStorageProps) {
    super(scope, id);
    const errors = new ValidationErrors();
    checkCodeDirectory(errors, props.codeDirectory);
    checkBuildOptions(errors, props);
    errors.renamed(props, "", { buildKwargs: "buildOptions" });
    errors.report(this);

    this.registry = props.registry;
    this.registryKind = props.registry.kind;
    this.codeDirectory = props.codeDirectory;
    const { imageName } = props.registry;
    if (props.tag !== undefined) this.fixedImage = `${imageName}:${props.tag}`;

    const build = Steps.buildDockerImage({
      id: "build_image",
      // A name only known after apply (e.g. an existing repository passed as a token) goes through a
      // Prefect variable `<registry id>_image`; a literal is written as is.
      imageName: locationForYaml(this, imageName, defaultNameStem(props.registry.node.id), "image"),
      tag: props.tagFromEnv ? new EnvRef(props.tagFromEnv) : props.tag,
      dockerfile: props.dockerfile ?? "Dockerfile",
      additionalTags: props.additionalTags,
      platform: props.platform,
      ...props.buildOptions,
    });
    this.buildSteps = [build];
    this.pushSteps = [
      Steps.pushDockerImage({
        id: "push_image",
        imageName: build.output("image_name"),
        tag: build.output("tag"),
        additionalTags: props.additionalTags ? build.output("additional_tags") : undefined,
        credentials: props.registry.pushCredentials?.reference(),
      }),
    ];
    this.pullSteps = [Steps.workingDirectory({ directory: props.codeDirectory })];
    this.jobVariables = { image: build.output("image") };
  }
}

function checkBuildOptions(errors: ValidationErrors, props: DockerImageCodeStorageProps): void {
  errors.check(DockerTag, "tag", props.tag);
  errors.check(EnvVarName, "tagFromEnv", props.tagFromEnv);
  (props.additionalTags ?? []).forEach((t, i) => errors.check(DockerTag, `additionalTags[${i}]`, t));
  errors.check(DockerPlatform, "platform", props.platform);
  if (props.tag !== undefined && props.tagFromEnv !== undefined) {
    errors.add("tagFromEnv", props.tagFromEnv, CHECKS.DockerTagSource, "cannot be combined with tag", "drop one of them");
  }
  if (props.registry.immutableTags) {
    const fixed: Array<[string, unknown]> = [];
    if (props.tag !== undefined) fixed.push(["tag", props.tag]);
    if (props.additionalTags?.length) fixed.push(["additionalTags", props.additionalTags]);
    for (const [prop, value] of fixed) {
      errors.add(
        prop,
        value,
        CHECKS.DockerImmutableTag,
        "is the same for every build, but the repository's tags are immutable: the second deploy's push would be refused",
        "leave it unset (each build gets its own timestamp tag), use tagFromEnv with a value unique per build, or set immutableTags: false on the registry",
      );
    }
  }
  const dockerfile = props.dockerfile;
  if (dockerfile !== undefined && (dockerfile.trim() === "" || /\{\{|\$\{/.test(dockerfile) || dockerfile.startsWith("/"))) {
    errors.add("dockerfile", dockerfile, CHECKS.DockerDockerfile, "must be a path relative to where `prefect deploy` runs, or \"auto\"", 'use "Dockerfile"');
  }
}
