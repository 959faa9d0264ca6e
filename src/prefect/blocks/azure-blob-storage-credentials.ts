import { Construct } from "constructs";
import { ValidationErrors } from "../../validation/errors";
import { PrefectBlock, PrefectBlockOptions } from "./block";

/** Fields of the `azure-blob-storage-credentials` block, named as in prefect-azure. */
export interface AzureBlobStorageCredentialsData {
  /**
   * Secret: an account-key or SAS connection string. Tried first by the Azure push and pull steps.
   * Pass a storage account's connection string attribute or a value built from a SAS data source.
   */
  readonly connection_string?: string;
  /**
   * `https://<account>.blob.core.windows.net`: keyless access with the default Azure credential of
   * whoever runs the step (a worker's managed identity, CI's federated identity). Used when there is
   * no connection string.
   */
  readonly account_url?: string;
}

export interface AzureBlobStorageCredentialsBlockProps extends PrefectBlockOptions {
  readonly data: AzureBlobStorageCredentialsData;
}

/**
 * An `azure-blob-storage-credentials` block (prefect-azure; register it with
 * `prefect block register -m prefect_azure`). The Azure deployment steps take it whole as
 * `credentials`; with neither field set they fail, so one of them is required here.
 */
export class AzureBlobStorageCredentialsBlock extends PrefectBlock<AzureBlobStorageCredentialsData> {
  static readonly TYPE_SLUG = "azure-blob-storage-credentials";
  constructor(scope: Construct, id: string, props: AzureBlobStorageCredentialsBlockProps) {
    // Checked before the prefect_block exists, so a bad block never enters the tree.
    const errors = new ValidationErrors();
    if (props.data.connection_string === undefined && props.data.account_url === undefined) {
      errors.add(
        "data",
        props.data,
        "AzureBlobCredentialsData",
        "needs connection_string or account_url: the Azure steps raise without either",
        "set account_url for keyless access",
      );
    }
    errors.report(scope, scope.node.path ? `${scope.node.path}/${id}` : id);
    super(scope, id, AzureBlobStorageCredentialsBlock.TYPE_SLUG, props, props.data);
  }
}
