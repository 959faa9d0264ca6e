import { Construct } from "constructs";
import { PrefectBlock, PrefectBlockOptions } from "./block";

/**
 * A service account key file's JSON as an object (type, project_id, private_key_id, private_key,
 * client_email, ...). From Terraform, pass `Fn.jsondecode(Fn.base64decode(key.privateKey))` so the
 * block's JSON nests it as an object, which is what prefect-gcp reads.
 */
export interface ServiceAccountInfo {
  readonly [field: string]: unknown;
}

/** Fields of the `gcp-credentials` block, named as in prefect-gcp. */
export interface GcpCredentialsData {
  /** Path of a key file on the machine that runs the step; prefer `service_account_info`. */
  readonly service_account_file?: string;
  /** Secret: the key file's JSON as an object, from a `google_service_account_key` or a sensitive variable. */
  readonly service_account_info?: ServiceAccountInfo;
  /** The project; the GCS steps take their project from here, not from their own `project` parameter. */
  readonly project?: string;
}

export interface GcpCredentialsBlockProps extends PrefectBlockOptions {
  readonly data: GcpCredentialsData;
}

/**
 * A `gcp-credentials` block (prefect-gcp; register it with `prefect block register -m prefect_gcp`).
 * With neither field set, prefect-gcp falls back to the application default credentials.
 */
export class GcpCredentialsBlock extends PrefectBlock<GcpCredentialsData> {
  static readonly TYPE_SLUG = "gcp-credentials";
  constructor(scope: Construct, id: string, props: GcpCredentialsBlockProps) {
    super(scope, id, GcpCredentialsBlock.TYPE_SLUG, props, props.data);
  }
}
