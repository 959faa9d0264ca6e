import { Construct } from "constructs";
import { BlockFieldNames, PrefectBlock, PrefectBlockOptions } from "./block";

/** Fields of the `gcp-credentials` block, named as in prefect-gcp. */
export interface GcpCredentialsData {
  /** Path of a key file on the machine that runs the step; prefer `serviceAccountInfo`. @default none */
  readonly serviceAccountFile?: string;
  /**
   * Secret: the key file's JSON as an object (type, project_id, private_key, client_email, ...), from
   * a `google_service_account_key` (`Fn.jsondecode(Fn.base64decode(key.privateKey))` in TypeScript,
   * `Token.as_any_map(Fn.jsondecode(...))` in Python, so the block's
   * JSON nests it as an object, which is what prefect-gcp reads) or a sensitive variable.
   * @default none: the application default credentials
   */
  readonly serviceAccountInfo?: { [field: string]: any };
  /**
   * The project; the GCS steps take their project from here, not from their own `project` parameter.
   * @default none
   */
  readonly project?: string;
}

const GCP_CREDENTIALS_FIELDS: BlockFieldNames = {
  serviceAccountFile: "service_account_file",
  serviceAccountInfo: "service_account_info",
  project: "project",
};

/** Props of GcpCredentialsBlock: the block's name and the service account key or project it stores. */
export interface GcpCredentialsBlockProps extends PrefectBlockOptions {
  readonly data: GcpCredentialsData;
}

/**
 * A `gcp-credentials` block (prefect-gcp; register it with `prefect block register -m prefect_gcp`).
 * With neither field set, prefect-gcp falls back to the application default credentials.
 */
export class GcpCredentialsBlock extends PrefectBlock {
  static readonly TYPE_SLUG = "gcp-credentials";
  /** Prefect's field name for each camelCase field. */
  static readonly FIELDS: { [field: string]: any } = GCP_CREDENTIALS_FIELDS;
  /** The data as given (camelCase), before JSON encoding. */
  readonly data: GcpCredentialsData;
  constructor(scope: Construct, id: string, props: GcpCredentialsBlockProps) {
    super(scope, id, GcpCredentialsBlock.TYPE_SLUG, props, props.data, GCP_CREDENTIALS_FIELDS);
    this.data = props.data;
  }
}
