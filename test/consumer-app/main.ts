// A user's cdktf app, as `cdktf init --template=typescript` lays it out (main.ts), written against the
// package's public API only. test/built-package.test.ts compiles it with the user's own tsc against the
// BUILT package (lib/) and runs it with plain node; the repository's `tsc --noEmit` checks it against
// src/, so an API change shows up here first. That test expects stack "consumer-flows", an
// aws_s3_bucket named "acme-consumer-flow-code" and a deployment "nightly" in its prefect.yaml.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PrefectProject, PrefectProvider } from "prefect-code-storage";
import { S3CodeStorage } from "prefect-code-storage-aws";

class FlowsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-central-1" });
    new PrefectProvider(this, "prefect");

    const storage = new S3CodeStorage(this, "flow-code", { bucketName: "acme-consumer-flow-code", folder: "etl" });
    new PrefectProject(this, "project", {
      name: "etl",
      storage,
      deployments: [{ name: "nightly", entrypoint: "flows/etl.py:etl", workPool: { name: "process-pool" } }],
    });
  }
}

const app = new App();
new FlowsStack(app, "consumer-flows");
app.synth();
