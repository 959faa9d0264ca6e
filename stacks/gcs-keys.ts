import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PrefectProject } from "prefect-code-storage";
import { GcsCodeStorage } from "prefect-code-storage-google";
import { exampleProject, ExampleStackOptions, GCP_PROJECT, googleProvider, NIGHTLY_ETL, prefectProvider } from "./shared";

/**
 * GCS with keys: a new locked-down bucket, a service account for CI (push) and one for workers
 * (pull), each with a JSON key in its own gcp-credentials block. For CI and workers outside Google
 * Cloud, in organizations that allow service account keys.
 */
export class GcsKeysStack extends TerraformStack {
  readonly storage: GcsCodeStorage;
  readonly project: PrefectProject;

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    googleProvider(this);
    prefectProvider(this);

    this.storage = new GcsCodeStorage(this, "flow-code", {
      project: GCP_PROJECT,
      bucketName: "acme-prefect-flow-code-gcs",
      location: "EU",
      folder: "etl",
      noncurrentVersionExpirationDays: 30,
      prefectIgnore: ["data/", "*.parquet"],
    });
    this.project = exampleProject(this, options, {
      name: "etl",
      storage: this.storage,
      deployments: [{ ...NIGHTLY_ETL, workPool: { name: "process-pool" } }],
    });
  }
}
