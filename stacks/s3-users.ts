import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PrefectProject } from "prefect-code-storage";
import { S3CodeStorage } from "prefect-code-storage-aws";
import { awsProvider, exampleProject, ExampleStackOptions, NIGHTLY_ETL, prefectProvider } from "./shared";

/**
 * S3 with keys: a new locked-down bucket, an IAM user for CI (push) and one for workers (pull),
 * each with an access key in its own aws-credentials block. For CI and workers outside AWS.
 */
export class S3UsersStack extends TerraformStack {
  readonly storage: S3CodeStorage;
  readonly project: PrefectProject;

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    awsProvider(this);
    prefectProvider(this);

    this.storage = new S3CodeStorage(this, "flow-code", {
      bucketName: "acme-prefect-flow-code",
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
