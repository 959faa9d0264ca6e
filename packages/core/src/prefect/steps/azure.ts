import { TemplateValue } from "../template";
import { ParamNames, StepDefinition, StepOptions } from "./step";

/**
 * The lowest prefect-azure whose blob steps work with every credential mode this library writes: the
 * steps exist since 0.2.8, but `account_url` alone (keyless) only works from 0.3.1 (#121). No extra:
 * Prefect imports the requirement's name with the version cut off, and `prefect_azure[blob_storage]`
 * never imports, so every run would pip-install. The steps need `azure-storage-blob`, which only the
 * `blob_storage` extra brings: install `prefect-azure[blob_storage]` in worker and CI images.
 */
export const PREFECT_AZURE_REQUIRES = "prefect-azure>=0.3.1";

/** Arguments of the push_to_azure_blob_storage step: the container and folder the project is uploaded to, and the credentials to upload with. */
export interface PushToAzureBlobStorageProps extends StepOptions {
  readonly container: TemplateValue;
  readonly folder: TemplateValue;
  /**
   * An azure-blob-storage-credentials block reference (or an `{account_url: ...}` mapping). Required:
   * the function has no default, so even keyless access needs `account_url` here.
   */
  readonly credentials: TemplateValue;
  /** @default ".prefectignore" */
  readonly ignoreFile?: TemplateValue;
}

/**
 * Uploads the project directory to `<container>/<folder>/`, honouring `.prefectignore`:
 * one `upload_blob(..., overwrite=True)` per file.
 */
export const PUSH_TO_AZURE_BLOB_STORAGE: StepDefinition = {
  fn: "prefect_azure.deployments.steps.push_to_azure_blob_storage",
  readsPrefectIgnore: true,
  requires: PREFECT_AZURE_REQUIRES,
  outputs: ["container", "folder"],
};

export const PUSH_TO_AZURE_BLOB_STORAGE_PARAMS: ParamNames<PushToAzureBlobStorageProps> = {
  container: "container",
  folder: "folder",
  credentials: "credentials",
  ignoreFile: "ignore_file",
};

/** Arguments of the pull_from_azure_blob_storage step: the container and folder the flow's code is downloaded from, and the credentials to download with. */
export interface PullFromAzureBlobStorageProps extends StepOptions {
  readonly container: TemplateValue;
  readonly folder: TemplateValue;
  /** Required, as for the push step. */
  readonly credentials: TemplateValue;
}

/** Lists the blobs under `<folder>` and downloads each into the flow run's working directory. */
export const PULL_FROM_AZURE_BLOB_STORAGE: StepDefinition = {
  fn: "prefect_azure.deployments.steps.pull_from_azure_blob_storage",
  requires: PREFECT_AZURE_REQUIRES,
  outputs: ["container", "folder", "directory"],
};

export const PULL_FROM_AZURE_BLOB_STORAGE_PARAMS: ParamNames<PullFromAzureBlobStorageProps> = {
  container: "container",
  folder: "folder",
  credentials: "credentials",
};
