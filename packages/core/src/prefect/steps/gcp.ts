import { TemplateValue } from "../template";
import { ParamNames, StepDefinition, StepOptions } from "./step";

/** The pin Prefect's own `gcs` recipe uses. */
export const PREFECT_GCP_REQUIRES = "prefect-gcp>=0.4.3";

const STEPS = "prefect_gcp.deployments.steps";

/** Arguments of the push_to_gcs step: the bucket and folder the project is uploaded to, and the credentials to upload with. */
export interface PushToGcsProps extends StepOptions {
  readonly bucket: TemplateValue;
  readonly folder: TemplateValue;
  /**
   * The bucket's project. Both GCS steps replace it with the credentials' `project` (and with
   * nothing when there are no credentials, as of prefect-gcp in Prefect 3.8), so put the project
   * in the gcp-credentials block; object uploads and downloads do not need one.
   * @default - none (the step takes the credentials' project anyway)
   */
  readonly project?: TemplateValue;
  /**
   * A gcp-credentials block reference; omitted means the application default credentials (keyless).
   * @default - none: the application default credentials (keyless)
   */
  readonly credentials?: TemplateValue;
  /** @default ".prefectignore" */
  readonly ignoreFile?: TemplateValue;
}

/** Uploads the project directory to `gs://<bucket>/<folder>/`, honouring `.prefectignore`. */
export const PUSH_TO_GCS: StepDefinition = {
  fn: `${STEPS}.push_to_gcs`,
  readsPrefectIgnore: true,
  requires: PREFECT_GCP_REQUIRES,
  outputs: ["bucket", "folder"],
};

export const PUSH_TO_GCS_PARAMS: ParamNames<PushToGcsProps> = {
  bucket: "bucket",
  folder: "folder",
  project: "project",
  credentials: "credentials",
  ignoreFile: "ignore_file",
};

/** Arguments of the pull_from_gcs step: the bucket and folder the flow's code is downloaded from, and the credentials to download with. */
export interface PullFromGcsProps extends StepOptions {
  readonly bucket: TemplateValue;
  readonly folder: TemplateValue;
  /** See PushToGcsProps.project. @default none */
  readonly project?: TemplateValue;
  /** A gcp-credentials block reference. @default the application default credentials (keyless) */
  readonly credentials?: TemplateValue;
}

/** Lists `gs://<bucket>/<folder>` and downloads every object into the flow run's working directory. */
export const PULL_FROM_GCS: StepDefinition = {
  fn: `${STEPS}.pull_from_gcs`,
  requires: PREFECT_GCP_REQUIRES,
  outputs: ["bucket", "folder", "directory"],
};

export const PULL_FROM_GCS_PARAMS: ParamNames<PullFromGcsProps> = {
  bucket: "bucket",
  folder: "folder",
  project: "project",
  credentials: "credentials",
};
