import { Construct } from "constructs";
import { PrefectBlock, PrefectBlockOptions } from "./block";

/** Extra boto3 client settings (`AwsClientParameters` in prefect-aws). */
export interface AwsClientParameters {
  readonly api_version?: string;
  readonly use_ssl?: boolean;
  readonly verify?: boolean | string;
  readonly verify_cert_path?: string;
  readonly endpoint_url?: string;
  readonly config?: { readonly [key: string]: unknown };
}

/** Fields of the `aws-credentials` block, named as in prefect-aws. */
export interface AwsCredentialsData {
  readonly aws_access_key_id?: string;
  /** Secret: pass an `aws_iam_access_key`'s `secret` attribute or a sensitive variable. */
  readonly aws_secret_access_key?: string;
  readonly aws_session_token?: string;
  readonly profile_name?: string;
  readonly region_name?: string;
  readonly aws_client_parameters?: AwsClientParameters;
}

export interface AwsCredentialsBlockProps extends PrefectBlockOptions {
  readonly data: AwsCredentialsData;
}

/** An `aws-credentials` block (prefect-aws; register it with `prefect block register -m prefect_aws`). */
export class AwsCredentialsBlock extends PrefectBlock<AwsCredentialsData> {
  static readonly TYPE_SLUG = "aws-credentials";
  constructor(scope: Construct, id: string, props: AwsCredentialsBlockProps) {
    super(scope, id, AwsCredentialsBlock.TYPE_SLUG, props, props.data);
  }
}
