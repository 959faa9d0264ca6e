import { TemplateValue } from "../template";
import { ParamNames, StepDefinition, StepOptions } from "./step";

/**
 * The lowest prefect-aws whose S3 steps work with what this library writes. The steps exist since
 * 0.3.4, but until 0.4.0 they pass the credentials dict straight to boto3, which refuses a block's
 * `profile_name` or `aws_client_parameters` (prefect-aws#258, #313); 0.4.1 (#322) reads the fields.
 * `requires:` only installs when prefect_aws is missing, so grants still cover older listings (see policies.ts).
 */
export const PREFECT_AWS_REQUIRES = "prefect-aws>=0.4.1";

/** Arguments of the push_to_s3 step: the bucket and folder the project is uploaded to, and the credentials to upload with. */
export interface PushToS3Props extends StepOptions {
  readonly bucket: TemplateValue;
  readonly folder: TemplateValue;
  /**
   * An aws-credentials block reference; omitted means boto3's default chain (e.g. an assumed role).
   * @default - none: boto3's default chain
   */
  readonly credentials?: TemplateValue;
  /** boto3 client settings (an aws-client-parameters mapping). @default the block's, or boto3's defaults */
  readonly clientParameters?: TemplateValue;
  /** @default ".prefectignore" */
  readonly ignoreFile?: TemplateValue;
}

/** Uploads the project directory to `s3://<bucket>/<folder>/`, honouring `.prefectignore`. */
export const PUSH_TO_S3: StepDefinition = {
  fn: "prefect_aws.deployments.steps.push_to_s3",
  readsPrefectIgnore: true,
  requires: PREFECT_AWS_REQUIRES,
  outputs: ["bucket", "folder"],
};

export const PUSH_TO_S3_PARAMS: ParamNames<PushToS3Props> = {
  bucket: "bucket",
  folder: "folder",
  credentials: "credentials",
  clientParameters: "client_parameters",
  ignoreFile: "ignore_file",
};

/** Arguments of the pull_from_s3 step: the bucket and folder the flow's code is downloaded from, and the credentials to download with. */
export interface PullFromS3Props extends StepOptions {
  readonly bucket: TemplateValue;
  readonly folder: TemplateValue;
  /** An aws-credentials block reference. @default boto3's default chain */
  readonly credentials?: TemplateValue;
  /** @default the block's, or boto3's defaults */
  readonly clientParameters?: TemplateValue;
}

/** Downloads `s3://<bucket>/<folder>/` into the flow run's working directory. */
export const PULL_FROM_S3: StepDefinition = {
  fn: "prefect_aws.deployments.steps.pull_from_s3",
  requires: PREFECT_AWS_REQUIRES,
  outputs: ["bucket", "folder", "directory"],
};

export const PULL_FROM_S3_PARAMS: ParamNames<PullFromS3Props> = {
  bucket: "bucket",
  folder: "folder",
  credentials: "credentials",
  clientParameters: "client_parameters",
};
