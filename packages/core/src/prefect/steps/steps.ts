import * as aws from "./aws";
import * as azure from "./azure";
import * as core from "./core";
import * as docker from "./docker";
import * as gcp from "./gcp";
import { Step, stepFromProps } from "./step";

/**
 * The step functions this library knows, typed: camelCase props, mapped to the function's own
 * parameter names through one table per step. For any other function, use `new Step(definition, kwargs)`.
 */
export class Steps {
  /** The pin Prefect's own `s3` recipes use, raised to the first version these steps work with. */
  static readonly PREFECT_AWS_REQUIRES = aws.PREFECT_AWS_REQUIRES;
  /** The pin Prefect's own `gcs` recipe uses. */
  static readonly PREFECT_GCP_REQUIRES = gcp.PREFECT_GCP_REQUIRES;
  /** The first prefect-azure whose blob steps work keyless. */
  static readonly PREFECT_AZURE_REQUIRES = azure.PREFECT_AZURE_REQUIRES;
  /** The pin Prefect's own `docker` recipes use. */
  static readonly PREFECT_DOCKER_REQUIRES = docker.PREFECT_DOCKER_REQUIRES;

  /** `prefect.deployments.steps.set_working_directory`; returns `directory`. */
  static workingDirectory(props: core.SetWorkingDirectoryProps): Step {
    return stepFromProps(core.SET_WORKING_DIRECTORY, core.SET_WORKING_DIRECTORY_PARAMS, props);
  }

  /** `prefect.deployments.steps.git_clone`; returns `directory`. */
  static gitClone(props: core.GitCloneProps): Step {
    return stepFromProps(core.GIT_CLONE, core.GIT_CLONE_PARAMS, props);
  }

  /** `prefect.deployments.steps.run_shell_script`; returns `stdout` and `stderr`. */
  static runShellScript(props: core.RunShellScriptProps): Step {
    return stepFromProps(core.RUN_SHELL_SCRIPT, core.RUN_SHELL_SCRIPT_PARAMS, props);
  }

  /** `prefect.deployments.steps.pip_install_requirements`; returns `stdout` and `stderr`. */
  static pipInstallRequirements(props: core.PipInstallRequirementsProps): Step {
    return stepFromProps(core.PIP_INSTALL_REQUIREMENTS, core.PIP_INSTALL_REQUIREMENTS_PARAMS, props);
  }

  /** `prefect_aws…push_to_s3`; returns `bucket` and `folder`. */
  static pushToS3(props: aws.PushToS3Props): Step {
    return stepFromProps(aws.PUSH_TO_S3, aws.PUSH_TO_S3_PARAMS, props);
  }

  /** `prefect_aws…pull_from_s3`; returns `bucket`, `folder` and `directory`. */
  static pullFromS3(props: aws.PullFromS3Props): Step {
    return stepFromProps(aws.PULL_FROM_S3, aws.PULL_FROM_S3_PARAMS, props);
  }

  /** `prefect_gcp…push_to_gcs`; returns `bucket` and `folder`. */
  static pushToGcs(props: gcp.PushToGcsProps): Step {
    return stepFromProps(gcp.PUSH_TO_GCS, gcp.PUSH_TO_GCS_PARAMS, props);
  }

  /** `prefect_gcp…pull_from_gcs`; returns `bucket`, `folder` and `directory`. */
  static pullFromGcs(props: gcp.PullFromGcsProps): Step {
    return stepFromProps(gcp.PULL_FROM_GCS, gcp.PULL_FROM_GCS_PARAMS, props);
  }

  /** `prefect_azure…push_to_azure_blob_storage`; returns `container` and `folder`. */
  static pushToAzureBlobStorage(props: azure.PushToAzureBlobStorageProps): Step {
    return stepFromProps(azure.PUSH_TO_AZURE_BLOB_STORAGE, azure.PUSH_TO_AZURE_BLOB_STORAGE_PARAMS, props);
  }

  /** `prefect_azure…pull_from_azure_blob_storage`; returns `container`, `folder` and `directory`. */
  static pullFromAzureBlobStorage(props: azure.PullFromAzureBlobStorageProps): Step {
    return stepFromProps(azure.PULL_FROM_AZURE_BLOB_STORAGE, azure.PULL_FROM_AZURE_BLOB_STORAGE_PARAMS, props);
  }

  /** `prefect_docker…build_docker_image`; returns `image_name`, `tag`, `image`, `image_id`, `additional_tags`. */
  static buildDockerImage(props: docker.BuildDockerImageProps): Step {
    return stepFromProps(docker.BUILD_DOCKER_IMAGE, docker.BUILD_DOCKER_IMAGE_PARAMS, props);
  }

  /** `prefect_docker…push_docker_image`; returns `image_name`, `tag`, `image`, `additional_tags`. */
  static pushDockerImage(props: docker.PushDockerImageProps): Step {
    return stepFromProps(docker.PUSH_DOCKER_IMAGE, docker.PUSH_DOCKER_IMAGE_PARAMS, props);
  }

  private constructor() {}
}
