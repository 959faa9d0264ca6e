/**
 * The published form, as an AWS-only user gets it: the core and AWS packages packed with `npm pack`,
 * installed with npm into a fresh app made as `cdktf init --template=typescript` makes one (its
 * package.json scripts, cdktf.json with the `npx ts-node main.ts` app command, tsconfig.json, jest
 * setup with cdktf's Testing matchers), next to `@cdktf/provider-aws` at the version the local
 * mirror's `hashicorp/aws` 5.100.0 matches and the newest `constructs` 10.x. A user-written stack
 * (test/consumer-app/) compiles with the app's own tsc, synthesizes through the app command, passes
 * the app's own unit tests, and its cdk.tf.json passes `terraform validate` and an offline plan
 * through the shipped `prefect-code-storage plan` command.
 *
 * It installs from the npm cache (the registry for what is not there): the Terraform tier's pace.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { pluginMirrorDir } from "../packages/core/src/cli/terraform/terraform";
import {
  CDKTF_TEMPLATE_CDKTF_JSON,
  CDKTF_TEMPLATE_JEST_CONFIG,
  CDKTF_TEMPLATE_JEST_SETUP,
  CDKTF_TEMPLATE_PACKAGE,
  CDKTF_TEMPLATE_TSCONFIG,
  npmInstall,
  packPackages,
  USER_STACK,
  userEnv,
  writeJson,
} from "./support/consumer-app";
import { CORE_NAME, missingBuild, PACKAGES, ROOT } from "./support/packages";
import { prerequisite } from "./support/prerequisites";

/** The provider bindings generated from the mirror's hashicorp/aws 5.100.0. */
const PROVIDER_AWS = "20.1.0";
/** Every provider binding package any of the packages needs. */
const PROVIDER_PACKAGES = PACKAGES.flatMap((p) => p.providers);

const terraformMissing = spawnSync("terraform", ["version"], { stdio: "ignore" }).status !== 0 ? "terraform is not on the PATH" : undefined;
const run = prerequisite(missingBuild() ?? terraformMissing ?? (!pluginMirrorDir() ? "no provider mirror (TF_PLUGIN_MIRROR or /opt/tf-plugins)" : undefined));
const app = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-init-app-")));
afterAll(() => fs.rmSync(app, { recursive: true, force: true }));

const inApp = (command: string, args: string[]) => spawnSync(command, args, { cwd: app, encoding: "utf8", env: { ...userEnv(), CHECKPOINT_DISABLE: "1" }, timeout: 300_000 });
const installed = (name: string) => JSON.parse(fs.readFileSync(path.join(app, "node_modules", name, "package.json"), "utf8")).version as string;

/** Every copy of package `name` installed under `dir`, nested node_modules included. */
function copiesOf(name: string, dir = app): string[] {
  const nm = path.join(dir, "node_modules");
  if (!fs.existsSync(nm)) return [];
  const here = fs.existsSync(path.join(nm, name, "package.json")) ? [path.join(nm, name)] : [];
  const scoped = (e: string) => fs.readdirSync(path.join(nm, e)).map((s) => `${e}/${s}`);
  const packages = fs.readdirSync(nm).filter((e) => !e.startsWith(".")).flatMap((e) => (e.startsWith("@") ? scoped(e) : [e]));
  return [...here, ...packages.flatMap((p) => copiesOf(name, path.join(nm, p)))];
}

(run ? describe : describe.skip)("the packed core and AWS packages in a `cdktf init --template=typescript` app", () => {
  let newestConstructs: string;

  beforeAll(() => {
    const tarballs = packPackages([CORE_NAME, "prefect-code-storage-aws"], app);
    const repo = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    // `cdktf init` installs cdktf and constructs@10, then the dev tools; the user adds the packages and the AWS bindings.
    writeJson(path.join(app, "package.json"), {
      name: "consumer",
      ...CDKTF_TEMPLATE_PACKAGE,
      dependencies: {
        cdktf: "^0.21.0",
        constructs: "^10.4.2",
        "@cdktf/provider-aws": PROVIDER_AWS,
        ...Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:./${file}`])),
      },
      devDependencies: {
        "@types/jest": repo.devDependencies["@types/jest"],
        "@types/node": repo.devDependencies["@types/node"],
        jest: repo.devDependencies.jest,
        "ts-jest": repo.devDependencies["ts-jest"],
        "ts-node": "^10.9.2",
        typescript: repo.devDependencies.typescript,
      },
    });
    fs.writeFileSync(path.join(app, ".npmrc"), "engine-strict=true\n");
    writeJson(path.join(app, "cdktf.json"), CDKTF_TEMPLATE_CDKTF_JSON);
    writeJson(path.join(app, "tsconfig.json"), CDKTF_TEMPLATE_TSCONFIG);
    fs.writeFileSync(path.join(app, "jest.config.js"), CDKTF_TEMPLATE_JEST_CONFIG);
    fs.writeFileSync(path.join(app, "setup.js"), CDKTF_TEMPLATE_JEST_SETUP);
    fs.cpSync(path.join(ROOT, "test", "consumer-app"), app, { recursive: true });
    npmInstall(app);
    newestConstructs = JSON.parse(execFileSync("npm", ["view", "constructs@^10.4.2", "version", "--json", "--prefer-offline"], { encoding: "utf8" })).pop();
  }, 600_000);

  it("installs the AWS bindings and no other cloud's, one cdktf and one constructs (the newest 10.x), one core", () => {
    expect(PROVIDER_PACKAGES.filter((p) => fs.existsSync(path.join(app, "node_modules", p)))).toEqual(["@cdktf/provider-aws"]);
    expect(installed("@cdktf/provider-aws")).toBe(PROVIDER_AWS);
    expect(installed("constructs")).toBe(newestConstructs);
    for (const name of ["constructs", "cdktf", CORE_NAME]) expect({ name, copies: copiesOf(name).length }).toEqual({ name, copies: 1 });
    // The core's bundled dependencies came with it.
    for (const dep of ["yaml", "ignore"]) expect(fs.existsSync(path.join(app, "node_modules", CORE_NAME, "node_modules", dep, "package.json"))).toBe(true);
  });

  it("compiles with the app's own tsc (npm run build) and no diagnostics", () => {
    const tsc = inApp("npm", ["run", "build", "--silent"]);
    expect({ status: tsc.status, out: tsc.stdout.trim(), err: tsc.stderr.trim() }).toEqual({ status: 0, out: "", err: "" });
  });

  it("synthesizes through the app command of cdktf.json: the bucket in cdk.tf.json, the deployment in prefect.yaml", () => {
    const [command, ...args] = CDKTF_TEMPLATE_CDKTF_JSON.app.split(" ");
    const synth = inApp(command, args);
    expect({ status: synth.status, stderr: synth.status === 0 ? "" : synth.stderr }).toEqual({ status: 0, stderr: "" });
    const dir = path.join(app, "cdktf.out", "stacks", USER_STACK.name);
    const config = JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8"));
    expect(Object.values(config.resource.aws_s3_bucket).map((b: any) => b.bucket)).toEqual([USER_STACK.bucket]);
    const prefectYaml = parse(fs.readFileSync(path.join(dir, "prefect.yaml"), "utf8"));
    expect(prefectYaml.deployments.map((d: any) => d.name)).toEqual(USER_STACK.deployments);
    expect(prefectYaml.push[0]).toHaveProperty(["prefect_aws.deployments.steps.push_to_s3", "bucket"], USER_STACK.bucket);
  });

  it("passes the user's own unit tests with the template's jest setup (cdktf's Testing matchers)", () => {
    const jest = inApp("npm", ["test", "--silent", "--", "--ci"]);
    expect({ status: jest.status, summary: jest.stderr.match(/^Tests:.*$/m)?.[0] }).toEqual({ status: 0, summary: expect.stringMatching(/^Tests:\s+2 passed, 2 total/) });
  });

  it("plans offline with the shipped command: the stack passes terraform validate against the mirror, the bucket is created", () => {
    const plan = inApp("npx", ["--no-install", "prefect-code-storage", "plan", "--mode", "offline"]);
    expect({ status: plan.status, stderr: plan.stderr }).toMatchObject({ status: 0, stderr: expect.stringContaining("1 planned, 0 skipped, 0 failed") });
    const planned = JSON.parse(fs.readFileSync(path.join(app, "cdktf.out", "plans", `${USER_STACK.name}.json`), "utf8"));
    const bucket = planned.resource_changes.find((c: any) => c.type === "aws_s3_bucket");
    expect({ bucket: bucket.change.after.bucket, actions: bucket.change.actions }).toEqual({ bucket: USER_STACK.bucket, actions: ["create"] });
  });
});
