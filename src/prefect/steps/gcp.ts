import { TemplateValue } from "../template";
import { defineStep, StepDefinition } from "./step";

/** The pin Prefect's own `gcs` recipe uses. */
export const PREFECT_GCP_REQUIRES = "prefect-gcp>=0.4.3";

const STEPS = "prefect_gcp.deployments.steps";

export interface PushToGcsParams {
  readonly bucket: TemplateValue;
  readonly folder: TemplateValue;
  /**
   * The bucket's project. Both GCS steps replace it with the credentials' `project` (and with
   * nothing when there are no credentials, as of prefect-gcp in Prefect 3.8), so put the project
   * in the gcp-credentials block; object uploads and downloads do not need one.
   */
  readonly project?: TemplateValue;
  /** A gcp-credentials block reference; omitted means the application default credentials (keyless). */
  readonly credentials?: TemplateValue;
  /** @default ".prefectignore" */
  readonly ignore_file?: TemplateValue;
}

/** Uploads the project directory to `gs://<bucket>/<folder>/`, honouring `.prefectignore`. */
export const PUSH_TO_GCS: StepDefinition<"bucket" | "folder"> = {
  fn: `${STEPS}.push_to_gcs`,
  readsPrefectIgnore: true,
  requires: PREFECT_GCP_REQUIRES,
  outputs: ["bucket", "folder"],
};

export const pushToGcs = defineStep<PushToGcsParams, "bucket" | "folder">(PUSH_TO_GCS);

export interface PullFromGcsParams {
  readonly bucket: TemplateValue;
  readonly folder: TemplateValue;
  /** See PushToGcsParams.project. */
  readonly project?: TemplateValue;
  readonly credentials?: TemplateValue;
}

/** Lists `gs://<bucket>/<folder>` and downloads every object into the flow run's working directory. */
export const PULL_FROM_GCS: StepDefinition<"bucket" | "folder" | "directory"> = {
  fn: `${STEPS}.pull_from_gcs`,
  requires: PREFECT_GCP_REQUIRES,
  outputs: ["bucket", "folder", "directory"],
};

export const pullFromGcs = defineStep<PullFromGcsParams, "bucket" | "folder" | "directory">(PULL_FROM_GCS);
