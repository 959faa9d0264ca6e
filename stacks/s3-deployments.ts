import * as path from "path";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { FlowDeployment, PrefectProject, Schedule, WorkPool, WorkPoolType } from "prefect-code-storage";
import { S3CodeStorage } from "prefect-code-storage-aws";
import { awsProvider, exampleProject, ExampleStackOptions, prefectProvider } from "./shared";

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
    awsProvider(this);
    prefectProvider(this);

    this.storage = new S3CodeStorage(this, "flow-code", { bucketName: "acme-prefect-etl-code", folder: "etl" });
    this.storage.uploadCode(SAMPLE_FLOW_DIR);
    this.project = exampleProject(this, options, { name: "etl", storage: this.storage });

    const common = {
      project: this.project,
      entrypoint: "flows/etl.py:etl",
      tags: ["etl"],
      manageWithTerraform: true,
    };
    const nightly = new FlowDeployment(this, "nightly", {
      ...common,
      name: "nightly",
      workPool: WorkPool.fromName("etl-process"),
      createWorkPool: { poolType: WorkPoolType.PROCESS, concurrencyLimit: 4 },
      parameters: { full_refresh: true },
      schedules: [Schedule.cron("0 2 * * *", { timezone: "Europe/Berlin" })],
      concurrencyLimit: 1,
    });
    this.deployments = [
      nightly,
      new FlowDeployment(this, "hourly", {
        ...common,
        name: "hourly",
        workPool: nightly.workPool!,
        schedules: [Schedule.interval(3600), Schedule.rrule("FREQ=WEEKLY;BYDAY=SA;BYHOUR=6", { timezone: "UTC" })],
      }),
    ];
  }
}
