/**
 * CDK Terrain (`cdktn`, the community fork of the archived cdktf): the packed core and AWS packages
 * installed into an app that depends on cdktn, with `cdktf` aliased to it (a dependency plus an npm
 * override, as the README says), so the packages and the provider bindings resolve `cdktf` to cdktn.
 * The user's stack, written with cdktn's own App and TerraformStack, synthesizes the storage and
 * writes prefect.yaml. It installs from the npm registry (cdktn) and the npm cache (the providers).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { npmInstall, packPackages, writeJson } from "./support/consumer-app";
import { CORE_NAME, missingBuild, ROOT } from "./support/packages";
import { prerequisite } from "./support/prerequisites";

/** The newest cdktn this machine's Node runs; its peer range asks for constructs 10.6 or 10.7. */
const CDKTN = "0.24.0";
const CONSTRUCTS = "~10.6.0";
const repo = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const app = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktn-app-"));

const run = prerequisite(missingBuild());
afterAll(() => fs.rmSync(app, { recursive: true, force: true }));

const USER_STACK = `
const { App, TerraformStack } = require("cdktn");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
const { PrefectProject, PrefectProvider, Schedule } = require("prefect-code-storage");
const { S3CodeStorage } = require("prefect-code-storage-aws");

const app = new App({ outdir: "cdktf.out" });
const stack = new TerraformStack(app, "flows");
new AwsProvider(stack, "aws", { region: "eu-central-1" });
new PrefectProvider(stack, "prefect");
const storage = new S3CodeStorage(stack, "code", { bucketName: "acme-cdktn-flows", folder: "etl" });
new PrefectProject(stack, "project", {
  name: "etl",
  storage,
  deployments: [{ name: "nightly", entrypoint: "flows/etl.py:etl", workPool: { name: "pool" }, schedules: [Schedule.cron("0 2 * * *")] }],
});
app.synth();
`;

(run ? describe : describe.skip)(`an app on cdktn ${CDKTN}`, () => {
  beforeAll(() => {
    const tarballs = packPackages([CORE_NAME, "prefect-code-storage-aws"], app);
    // The AWS bindings at the version this repository tests; cdktf is cdktn under its old name.
    writeJson(path.join(app, "package.json"), {
      name: "cdktn-app",
      private: true,
      dependencies: {
        cdktn: CDKTN,
        cdktf: `npm:cdktn@${CDKTN}`,
        constructs: CONSTRUCTS,
        "@cdktf/provider-aws": repo.devDependencies["@cdktf/provider-aws"],
        ...Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:./${file}`])),
      },
      overrides: { cdktf: `npm:cdktn@${CDKTN}` },
    });
    fs.writeFileSync(path.join(app, "main.js"), USER_STACK);
    npmInstall(app);
  }, 600_000);

  it("resolves cdktf to cdktn for the library and the provider bindings alike", () => {
    expect(JSON.parse(fs.readFileSync(path.join(app, "node_modules", "cdktf", "package.json"), "utf8"))).toMatchObject({ name: "cdktn", version: CDKTN });
    const nested = (dir: string) => fs.existsSync(path.join(app, "node_modules", dir, "node_modules", "cdktf"));
    expect([CORE_NAME, "prefect-code-storage-aws", "@cdktf/provider-aws"].filter(nested)).toEqual([]);
  });

  it("synthesizes the user's stack with cdktn: the storage in cdk.tf.json, the deployment in prefect.yaml", () => {
    const synth = spawnSync(process.execPath, ["main.js"], { cwd: app, encoding: "utf8" });
    expect({ status: synth.status, stderr: synth.stderr }).toEqual({ status: 0, stderr: "" });
    const dir = path.join(app, "cdktf.out", "stacks", "flows");
    const config = JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8"));
    expect(config["//"].metadata.version).toBe(CDKTN);
    expect(Object.values(config.resource.aws_s3_bucket).map((b: any) => b.bucket)).toEqual(["acme-cdktn-flows"]);
    expect(Object.keys(config.resource.prefect_block)).toHaveLength(2);
    const yaml = parse(fs.readFileSync(path.join(dir, "prefect.yaml"), "utf8"));
    expect(yaml.deployments.map((d: any) => [d.name, d.schedules])).toEqual([["nightly", [{ cron: "0 2 * * *" }]]]);
  });
});
