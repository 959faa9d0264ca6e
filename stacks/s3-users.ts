import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PrefectProject } from "../src/project/prefect-project";
import { PrefectProvider } from "../src/prefect/provider/provider";
import { S3CodeStorage } from "../src/storage/s3/s3-code-storage";

export interface ExampleStackOptions {
  /** Also write prefect.yaml and .prefectignore here (your flow project's root). */
  readonly flowProjectDir?: string;
}

/**
 * S3 with keys: a new locked-down bucket, an IAM user for CI (push) and one for workers (pull),
 * each with an access key in its own aws-credentials block. For CI and workers outside AWS.
 */
export class S3UsersStack extends TerraformStack {
  readonly storage: S3CodeStorage;
  readonly project: PrefectProject;

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-central-1" });
    // Endpoint and key come from PREFECT_API_URL / PREFECT_API_KEY at plan time: nothing secret in code.
    new PrefectProvider(this, "prefect");

    this.storage = new S3CodeStorage(this, "flow-code", {
      bucketName: "acme-prefect-flow-code",
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
