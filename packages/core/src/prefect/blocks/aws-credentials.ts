import { Construct } from "constructs";
import { BlockFieldNames, PrefectBlock, PrefectBlockOptions } from "./block";

/** Extra boto3 client settings (`AwsClientParameters` in prefect-aws). */
export interface AwsClientParameters {
  /** @default boto3's default */
  readonly apiVersion?: string;
  /** @default true */
  readonly useSsl?: boolean;
  /** Verify TLS certificates; a string is a CA bundle path. @default true */
  readonly verify?: boolean | string;
  /** @default none */
  readonly verifyCertPath?: string;
  /** A custom endpoint, e.g. a VPC endpoint or an S3-compatible store. @default AWS's endpoint */
  readonly endpointUrl?: string;
  /** botocore `Config` settings, named as botocore names them. @default none */
  readonly config?: { [key: string]: any };
}

/** Fields of the `aws-credentials` block, named as in prefect-aws. */
export interface AwsCredentialsData {
  /** @default none: boto3's default chain */
  readonly awsAccessKeyId?: string;
  /**
   * Secret: pass an `aws_iam_access_key`'s `secret` attribute or a sensitive variable.
   * @default none
   */
  readonly awsSecretAccessKey?: string;
  /** @default none */
  readonly awsSessionToken?: string;
  /** @default none */
  readonly profileName?: string;
  /** @default boto3's default region */
  readonly regionName?: string;
  /** @default none */
  readonly awsClientParameters?: AwsClientParameters;
}

/** prefect-aws's field names (aws_credentials.py, client_parameters.py). */
const AWS_CREDENTIALS_FIELDS: BlockFieldNames = {
  awsAccessKeyId: "aws_access_key_id",
  awsSecretAccessKey: "aws_secret_access_key",
  awsSessionToken: "aws_session_token",
  profileName: "profile_name",
  regionName: "region_name",
  awsClientParameters: {
    name: "aws_client_parameters",
    fields: {
      apiVersion: "api_version",
      useSsl: "use_ssl",
      verify: "verify",
      verifyCertPath: "verify_cert_path",
      endpointUrl: "endpoint_url",
      config: "config",
    },
  },
};

/** Props of AwsCredentialsBlock: the block's name and the AWS credentials it stores. */
export interface AwsCredentialsBlockProps extends PrefectBlockOptions {
  readonly data: AwsCredentialsData;
}

/** An `aws-credentials` block (prefect-aws; register it with `prefect block register -m prefect_aws`). */
export class AwsCredentialsBlock extends PrefectBlock {
  static readonly TYPE_SLUG = "aws-credentials";
  /** Prefect's field name for each camelCase field. */
  static readonly FIELDS: { [field: string]: any } = AWS_CREDENTIALS_FIELDS;
  /** The data as given (camelCase), before JSON encoding. */
  readonly data: AwsCredentialsData;
  constructor(scope: Construct, id: string, props: AwsCredentialsBlockProps) {
    super(scope, id, AwsCredentialsBlock.TYPE_SLUG, props, props.data, AWS_CREDENTIALS_FIELDS);
    this.data = props.data;
  }
}
