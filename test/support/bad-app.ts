// An app with mistakes in two stacks, for test/synth-problems.test.ts to synthesize in a child process.
import { App, TerraformStack } from "cdktf";
import { Schedule } from "../../packages/core/src/prefect/schedules";
import { PrefectProject } from "../../packages/core/src/project/prefect-project";
import { LocalCodeStorage } from "../../packages/core/src/storage/local/local-code-storage";
import { S3CodeStorage } from "../../packages/aws/src/s3/s3-code-storage";

export function badAppForProcess(outdir: string): App {
  const app = new App({ outdir });
  new S3CodeStorage(new TerraformStack(app, "storage"), "flow-code", { existingBucketName: "s3://acme-data", folder: "etl" });
  const flows = new TerraformStack(app, "flows");
  new PrefectProject(flows, "project", {
    name: "etl",
    storage: new LocalCodeStorage(flows, "code", { directory: "/srv/flows" }),
    deployments: [{ name: "nightly", entrypoint: "flows/etl.py:etl", workPool: { name: "pool" }, schedules: [Schedule.cron("0 25 * * *")] }],
  });
  return app;
}
