import { TemplateValue } from "../template";
import { defineStep, StepDefinition } from "./step";

/**
 * The lowest prefect-aws whose S3 steps work with what this library writes. The steps exist since
 * 0.3.4, but until 0.4.0 they pass the credentials dict straight to boto3, which refuses a block's
 * `profile_name` or `aws_client_parameters` (prefect-aws#258, #313); 0.4.1 (#322) reads the fields.
 * `requires:` only installs when prefect_aws is missing, so grants still cover older listings (see policies.ts).
 */
export const PREFECT_AWS_REQUIRES = "prefect-aws>=0.4.1";

export interface PushToS3Params {
  readonly bucket: TemplateValue;
  readonly folder: TemplateValue;
  /** An aws-credentials block reference; omitted means boto3's default chain (e.g. an assumed role). */
  readonly credentials?: TemplateValue;
  readonly client_parameters?: TemplateValue;
  /** @default ".prefectignore" */
  readonly ignore_file?: TemplateValue;
}

/** Uploads the project directory to `s3://<bucket>/<folder>/`, honouring `.prefectignore`. */
export const PUSH_TO_S3: StepDefinition<"bucket" | "folder"> = {
  fn: "prefect_aws.deployments.steps.push_to_s3",
  readsPrefectIgnore: true,
  requires: PREFECT_AWS_REQUIRES,
  outputs: ["bucket", "folder"],
};

export const pushToS3 = defineStep<PushToS3Params, "bucket" | "folder">(PUSH_TO_S3);

export interface PullFromS3Params {
  readonly bucket: TemplateValue;
  readonly folder: TemplateValue;
  readonly credentials?: TemplateValue;
  readonly client_parameters?: TemplateValue;
}

/** Downloads `s3://<bucket>/<folder>/` into the flow run's working directory. */
export const PULL_FROM_S3: StepDefinition<"bucket" | "folder" | "directory"> = {
  fn: "prefect_aws.deployments.steps.pull_from_s3",
  requires: PREFECT_AWS_REQUIRES,
  outputs: ["bucket", "folder", "directory"],
};

export const pullFromS3 = defineStep<PullFromS3Params, "bucket" | "folder" | "directory">(PULL_FROM_S3);
