import { Construct } from "constructs";
import { ValidationErrors } from "../../validation/errors";
import { BlockFieldNames, PrefectBlock, PrefectBlockOptions } from "./block";
import { CHECKS } from "../../validation/checks";

/** Fields of the `azure-blob-storage-credentials` block, named as in prefect-azure. */
export interface AzureBlobStorageCredentialsData {
  /**
   * Secret: an account-key or SAS connection string. Tried first by the Azure push and pull steps.
   * Pass a storage account's connection string attribute or a value built from a SAS data source.
   * @default none (then accountUrl is required)
   */
  readonly connectionString?: string;
  /**
   * `https://<account>.blob.core.windows.net`: keyless access with the default Azure credential of
   * whoever runs the step (a worker's managed identity, CI's federated identity). Used when there is
   * no connection string.
   * @default none (then connectionString is required)
   */
  readonly accountUrl?: string;
}

const AZURE_BLOB_STORAGE_CREDENTIALS_FIELDS: BlockFieldNames = { connectionString: "connection_string", accountUrl: "account_url" };

/** Props of AzureBlobStorageCredentialsBlock: the block's name and the connection string or account URL it stores. */
export interface AzureBlobStorageCredentialsBlockProps extends PrefectBlockOptions {
  readonly data: AzureBlobStorageCredentialsData;
}

/**
 * An `azure-blob-storage-credentials` block (prefect-azure; register it with
 * `prefect block register -m prefect_azure`). The Azure deployment steps take it whole as
 * `credentials`; with neither field set they fail, so one of them is required here.
 */
export class AzureBlobStorageCredentialsBlock extends PrefectBlock {
  static readonly TYPE_SLUG = "azure-blob-storage-credentials";
  /** Prefect's field name for each camelCase field. */
  static readonly FIELDS: { [field: string]: any } = AZURE_BLOB_STORAGE_CREDENTIALS_FIELDS;
  /** The data as given (camelCase), before JSON encoding. */
  readonly data: AzureBlobStorageCredentialsData;
  constructor(scope: Construct, id: string, props: AzureBlobStorageCredentialsBlockProps) {
    // Checked before the prefect_block exists, so a bad block never enters the tree.
    const errors = new ValidationErrors();
    if (props.data?.connectionString === undefined && props.data?.accountUrl === undefined) {
      errors.add(
        "data",
        // The field names only: a connection string holds the account key.
        Object.keys(props.data ?? {}),
        CHECKS.AzureBlobCredentialsData,
        "needs connectionString or accountUrl: the Azure steps raise without either",
        "set accountUrl for keyless access",
      );
    }
    errors.report(scope, scope.node.path ? `${scope.node.path}/${id}` : id);
    super(scope, id, AzureBlobStorageCredentialsBlock.TYPE_SLUG, props, props.data, AZURE_BLOB_STORAGE_CREDENTIALS_FIELDS);
    this.data = props.data;
  }
}
