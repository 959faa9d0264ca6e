import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PrefectProject } from "../src/project/prefect-project";
import { PrefectProvider } from "../src/prefect/provider/provider";
import { GcsCodeStorage } from "../src/storage/gcs/gcs-code-storage";
import { ExampleStackOptions } from "./s3-users";

const PROJECT = "acme-prefect";

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
    // Google credentials come from the environment (application default credentials) at plan time.
    new GoogleProvider(this, "google", { project: PROJECT, region: "europe-west1" });
    // Endpoint and key come from PREFECT_API_URL / PREFECT_API_KEY at plan time: nothing secret in code.
    new PrefectProvider(this, "prefect");

    this.storage = new GcsCodeStorage(this, "flow-code", {
      project: PROJECT,
      bucketName: "acme-prefect-flow-code-gcs",
      location: "EU",
      folder: "etl",
      noncurrentVersionExpirationDays: 30,
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
