import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { FlowDeployment } from "../src/deployments/flow-deployment";
import { PrefectProvider } from "../src/prefect/provider/provider";
import { PrefectProject } from "../src/project/prefect-project";
import { S3CodeStorage } from "../src/storage/s3/s3-code-storage";
import { ExampleStackOptions } from "./s3-users";

/** The sample flow project shipped with the repository. */
export const SAMPLE_FLOW_DIR = path.join(__dirname, "..", "examples", "etl");

/**
 * Storage and deployments as one piece of infrastructure: `cdktf deploy` uploads the flow directory
 * (honouring .prefectignore), creates the work pool, the flow, two deployments with pull steps from
 * the same storage as prefect.yaml, and their schedules. No `prefect deploy` is needed; the
 * prefect.yaml is still written for teams that prefer it.
 */
export class S3DeploymentsStack extends TerraformStack {
  readonly storage: S3CodeStorage;
  readonly project: PrefectProject;
  readonly deployments: FlowDeployment[];

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-central-1" });
    new PrefectProvider(this, "prefect");

    this.storage = new S3CodeStorage(this, "flow-code", { bucketName: "acme-prefect-etl-code", folder: "etl" });
    this.storage.uploadCode(SAMPLE_FLOW_DIR);
    this.project = new PrefectProject(this, "project", { name: "etl", storage: this.storage, outputDirectory: options.flowProjectDir });

    const common = {
      project: this.project,
      entrypoint: "flows/etl.py:etl",
      tags: ["etl"],
      manageWithTerraform: true,
    };
    const nightly = new FlowDeployment(this, "nightly", {
      ...common,
      name: "nightly",
      workPool: "etl-process",
      createWorkPool: { type: "process", concurrencyLimit: 4 },
      parameters: { full_refresh: true },
      schedules: [{ cron: "0 2 * * *", timezone: "Europe/Berlin" }],
      concurrencyLimit: 1,
    });
    this.deployments = [
      nightly,
      new FlowDeployment(this, "hourly", {
        ...common,
        name: "hourly",
        workPool: nightly.workPool!,
        schedules: [{ interval: 3600 }, { rrule: "FREQ=WEEKLY;BYDAY=SA;BYHOUR=6", timezone: "UTC" }],
      }),
    ];
  }
}
