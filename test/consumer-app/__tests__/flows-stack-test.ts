// The user's own unit tests, where `cdktf init --template=typescript` puts them (__tests__/main-test.ts),
// with the template's jest setup (setup.js: Testing.setupJest()). test/consumer-app.test.ts runs them
// with the app's `npm test` against the installed packages.
import "cdktf/lib/testing/adapters/jest";
import { IamUserPolicy } from "@cdktf/provider-aws/lib/iam-user-policy";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { Testing } from "cdktf";
import { FlowsStack } from "../flows-stack";

describe("FlowsStack", () => {
  const synthesized = Testing.synth(new FlowsStack(Testing.app(), "test"));

  it("keeps the flow code in a private bucket", () => {
    expect(synthesized).toHaveResourceWithProperties(S3Bucket, { bucket: "acme-consumer-flow-code" });
    expect(synthesized).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it("lets the push identity write only under the folder", () => {
    expect(synthesized).toHaveResourceWithProperties(IamUserPolicy, { name: "prefect-code-push" });
    const policies = Object.values(JSON.parse(synthesized).resource.aws_iam_user_policy as Record<string, { policy: string }>).map((p) => JSON.parse(p.policy));
    const writes = policies.flatMap((p) => p.Statement).filter((s: { Action: string | string[] }) => [s.Action].flat().includes("s3:PutObject"));
    expect(writes.map((s: { Resource: unknown }) => s.Resource)).toEqual(["arn:aws:s3:::acme-consumer-flow-code/etl/*"]);
  });
});
