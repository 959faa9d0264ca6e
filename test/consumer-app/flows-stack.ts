// A user's stack, written against the packages' public API only (imported from the package names).
// The repository's `tsc --noEmit` checks it against the sources, so an API change shows up here first;
// test/built-package.test.ts compiles it against the built lib/ of every package, and
// test/consumer-app.test.ts installs the packed core and AWS packages into an app made as
// `cdktf init --template=typescript` makes one. Both expect stack "consumer-flows", an aws_s3_bucket
// named "acme-consumer-flow-code" and a deployment "nightly" in its prefect.yaml.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PrefectProject, PrefectProvider, Schedule } from "prefect-code-storage";
import { S3CodeStorage } from "prefect-code-storage-aws";

export class FlowsStack extends TerraformStack {
  readonly storage: S3CodeStorage;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-central-1" });
    new PrefectProvider(this, "prefect");

    this.storage = new S3CodeStorage(this, "flow-code", { bucketName: "acme-consumer-flow-code", folder: "etl" });
    new PrefectProject(this, "project", {
      name: "etl",
      storage: this.storage,
      deployments: [{ name: "nightly", entrypoint: "flows/etl.py:etl", workPool: { name: "process-pool" }, schedules: [Schedule.cron("0 2 * * *")] }],
    });
  }
}
