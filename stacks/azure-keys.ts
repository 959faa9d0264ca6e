import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PrefectProject } from "prefect-code-storage";
import { AzureBlobAccess, AzureBlobCodeStorage } from "prefect-code-storage-azure";
import { azurermProvider, exampleProject, ExampleStackOptions, NIGHTLY_ETL, prefectProvider } from "./shared";

/**
 * Azure Blob Storage with keys: a new locked-down storage account and private container, a
 * write-only SAS for CI (push) and a read + list SAS for workers (pull), each limited to the
 * container, HTTPS only, in its own azure-blob-storage-credentials block. For CI and workers that
 * have no Azure identity (outside Azure, or a process worker on a plain VM).
 * Renewal: the SAS expiries are outputs; bump `rotation` (or the expiry) and apply before them.
 */
export class AzureKeysStack extends TerraformStack {
  readonly storage: AzureBlobCodeStorage;
  readonly project: PrefectProject;

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    azurermProvider(this);
    prefectProvider(this);
    const group = new ResourceGroup(this, "resource-group", { name: "rg-prefect-flow-code", location: "westeurope" });

    this.storage = new AzureBlobCodeStorage(this, "flow-code", {
      storageAccountName: "acmeprefectflowcode",
      resourceGroupName: group.name,
      location: group.location,
      containerName: "etl-code",
      folder: "etl",
      noncurrentVersionExpirationDays: 30,
      // CI deploys often and can be re-run: a short-lived SAS; workers keep the 90-day default.
      pushAccess: AzureBlobAccess.containerSas({ validityDays: 30, rotation: 1 }),
      pullAccess: AzureBlobAccess.containerSas({ rotation: 1 }),
      prefectIgnore: ["data/", "*.parquet"],
    });
    this.project = exampleProject(this, options, {
      name: "etl",
      storage: this.storage,
      deployments: [{ ...NIGHTLY_ETL, workPool: { name: "process-pool" } }],
    });
  }
}
