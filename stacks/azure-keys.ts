import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PrefectProject } from "../src/project/prefect-project";
import { PrefectProvider } from "../src/prefect/provider/provider";
import { AzureBlobAccess } from "../src/storage/azure/access";
import { AzureBlobCodeStorage } from "../src/storage/azure/azure-blob-code-storage";
import { ExampleStackOptions } from "./s3-users";

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
    new AzurermProvider(this, "azurerm", { features: [{}] });
    // Endpoint and key come from PREFECT_API_URL / PREFECT_API_KEY at plan time: nothing secret in code.
    new PrefectProvider(this, "prefect");
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
    this.project = new PrefectProject(this, "project", {
      name: "etl",
      storage: this.storage,
      outputDirectory: options.flowProjectDir,
      deployments: [
        {
          name: "nightly",
          entrypoint: "flows/etl.py:etl",
          tags: ["etl"],
          parameters: { full_refresh: false },
          workPool: { name: "process-pool" },
          schedules: [{ cron: "0 2 * * *", timezone: "Europe/Berlin" }],
        },
      ],
    });
  }
}
