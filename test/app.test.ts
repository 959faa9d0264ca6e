import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildApp, EXAMPLE_STACKS, ExampleStackName } from "../stacks/app";

function synthConfigs(options: Parameters<typeof buildApp>[0]): Record<string, any> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-app-"));
  try {
    buildApp({ ...options, outdir }).synth();
    return Object.fromEntries(
      (options?.stacks ?? (Object.keys(EXAMPLE_STACKS) as ExampleStackName[])).map((name) => [name, JSON.parse(fs.readFileSync(path.join(outdir, "stacks", name, "cdk.tf.json"), "utf8"))]),
    );
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe("the example app", () => {
  it("keeps every stack's state in the given S3 bucket, encrypted and locked, one key per stack", () => {
    const configs = synthConfigs({ stateBucket: "acme-tf-state", stateRegion: "eu-west-1" });
    for (const [name, config] of Object.entries(configs)) {
      expect(config.terraform.backend).toEqual({
        s3: { bucket: "acme-tf-state", key: `prefect-code-storage/${name}.tfstate`, region: "eu-west-1", encrypt: true, use_lockfile: true },
      });
    }
  });

  it("uses local state when no bucket is given", () => {
    const configs = synthConfigs({ stacks: ["local"] });
    expect(Object.keys(configs.local.terraform.backend)).toEqual(["local"]);
  });
});
