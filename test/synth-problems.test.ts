/**
 * Every mistake of an app in one synth: problems of several constructs in several stacks (storage
 * props, deployments, schedules, steps, tokens in prefect.yaml, work pools) come out of one
 * `app.synth()`, each with construct path, value, rule ID and fix, before any file is written; and a
 * process that synthesizes a bad app (what `cdktf synth` runs) prints the list once, without a stack
 * trace or an object dump.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { FlowDeployment } from "../packages/core/src/deployments/flow-deployment";
import { DeploymentSpec } from "../packages/core/src/prefect/prefect-yaml";
import { PrefectProvider } from "../packages/core/src/prefect/provider/provider";
import { WorkPool } from "../packages/core/src/prefect/provider/work-pool";
import { PREFECT_AWS_REQUIRES } from "../packages/core/src/prefect/steps/aws";
import { PREFECT_DOCKER_REQUIRES } from "../packages/core/src/prefect/steps/docker";
import { PREFECT_GCP_REQUIRES } from "../packages/core/src/prefect/steps/gcp";
import { PREFECT_AZURE_REQUIRES } from "../packages/core/src/prefect/steps/azure";
import { Schedule } from "../packages/core/src/prefect/schedules";
import { Steps } from "../packages/core/src/prefect/steps/steps";
import { WorkPoolType } from "../packages/core/src/core/work-pool-type";
import { REQUIRED_JOB_VARIABLES, requiredJobVariables } from "../packages/core/src/prefect/work-pool-variables";
import { PrefectProject } from "../packages/core/src/project/prefect-project";
import { LocalCodeStorage } from "../packages/core/src/storage/local/local-code-storage";
import { S3CodeStorage } from "../packages/aws/src/s3/s3-code-storage";
import { ValidationError } from "../packages/core/src/validation/errors";
import { StepRequirement } from "../packages/core/src/validation/rules";
import { captureValidationError } from "./support/validation";

const BAD_DEPLOYMENT: DeploymentSpec = {
  name: "nightly",
  entrypoint: "flows/etl.py:etl",
  workPool: { name: "prefect-pool" },
  concurrencyLimit: 0,
  schedules: [
    Schedule.cron("0 25 * * *", { timezone: "europe/berlin" }),
    Schedule.interval(600, { anchorDate: "2024-02-30T00:00:00Z" }),
    Schedule.rrule("FREQ=FORTNIGHTLY"),
  ],
};

/** Two stacks: one with a bad bucket, one whose project has a bad deployment, a bad step and a token. */
function badApp(outdir?: string): App {
  const app = outdir ? new App({ outdir }) : Testing.app();
  const storageStack = new TerraformStack(app, "storage");
  new S3CodeStorage(storageStack, "flow-code", { existingBucketName: "s3://acme-data", folder: "etl" });

  const flows = new TerraformStack(app, "flows");
  new PrefectProvider(flows, "prefect");
  const version = new TerraformVariable(flows, "version", { type: "string" }).stringValue;
  const project = new PrefectProject(flows, "project", {
    name: "etl",
    storage: new LocalCodeStorage(flows, "code", { directory: "/srv/flows" }),
    deployments: [{ ...BAD_DEPLOYMENT, parameters: { version } }],
  });
  project.document.buildSteps.push(Steps.runShellScript({ id: "build", script: "make", requires: "prefect-azure[blob_storage]>=0.3.1" }));
  return app;
}

describe("one synth reports every problem of the app", () => {
  const app = badApp();
  const error = captureValidationError(() => app.synth());
  const byRule = (rule: string) => error.problems.filter((p) => p.rule === rule);

  it("lists the problems of both stacks together, each with path, prop, value, rule and fix", () => {
    expect(error.problems.map((p) => [p.path, p.prop, p.rule])).toEqual([
      ["storage/flow-code", "existingBucketName", "S3BucketName"],
      ["flows/project", "build[0].prefect.deployments.steps.run_shell_script.requires", "StepRequirement"],
      ["flows/project", 'deployments["nightly"].schedules[0].cron', "CronExpression"],
      ["flows/project", 'deployments["nightly"].schedules[0].timezone', "IanaTimeZone"],
      ["flows/project", 'deployments["nightly"].schedules[1].anchorDate', "IsoDateTime"],
      ["flows/project", 'deployments["nightly"].schedules[2].rrule', "RRuleString"],
      ["flows/project", 'deployments["nightly"].concurrencyLimit', "PositiveInteger"],
      ["flows/project", 'deployments["nightly"].workPool.name', "WorkPoolName"],
      ["flows/project", 'deployments["nightly"].parameters.version', "NoTerraformTokenInPrefectYaml"],
    ]);
    for (const p of error.problems) expect({ rule: p.rule, fix: typeof p.fix }).toEqual({ rule: p.rule, fix: "string" });
  });

  it("derives correct fixes from the values given", () => {
    expect(byRule("S3BucketName")[0]).toMatchObject({ value: "s3://acme-data", fix: 'use a name such as "acme-data"' });
    expect(byRule("IanaTimeZone")[0]).toMatchObject({ value: "europe/berlin", fix: expect.stringContaining("Europe/Berlin") });
    expect(byRule("StepRequirement")[0]).toMatchObject({ fix: 'use "prefect-azure>=0.3.1" and install "prefect-azure[blob_storage]" in the worker image' });
    expect(byRule("WorkPoolName")[0]).toMatchObject({ value: "prefect-pool", fix: 'use "pool"' });
  });

  it("names the construct path of a Terraform token bound for prefect.yaml", () => {
    const [token] = byRule("NoTerraformTokenInPrefectYaml");
    expect(token.path).toBe("flows/project");
    expect(error.message).toContain("Invalid configuration for 'flows/project':");
    expect(error.message).toMatch(/deployments\["nightly"\]\.parameters\.version "\$\{TfToken\[TOKEN\.\d+\]\}": is a Terraform token/);
  });

  it("prints one header per construct and one line per problem, with a Fix line each", () => {
    expect(error.message.split("\n")[0]).toBe(`${error.problems.length} problems in 2 constructs; nothing was synthesized.`);
    expect(error.message.match(/^Invalid configuration for/gm)).toHaveLength(2);
    expect(error.message.match(/^ {2}- /gm)).toHaveLength(error.problems.length);
    expect(error.message.match(/^ {4}Fix: /gm)).toHaveLength(error.problems.length);
  });

  it("writes no stack: neither the valid-looking parts nor the bad ones", () => {
    for (const stack of ["storage", "flows"]) expect(fs.existsSync(path.join(app.outdir, "stacks", stack, "cdk.tf.json"))).toBe(false);
  });
});

describe("a process synthesizing a bad app (what `cdktf synth` runs)", () => {
  it("prints the list once, with no stack trace and no object dump, and exits non-zero", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-bad-app-"));
    const script = path.join(outdir, "main.ts");
    const here = path.relative(outdir, __dirname).split(path.sep).join("/");
    fs.writeFileSync(
      script,
      `import { badAppForProcess } from "${here}/support/bad-app";\nbadAppForProcess(${JSON.stringify(path.join(outdir, "out"))}).synth();\n`,
    );
    let stderr = "";
    let status = 0;
    try {
      execFileSync(path.join(__dirname, "..", "node_modules", ".bin", "tsx"), [script], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e: any) {
      stderr = e.stderr;
      status = e.status;
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
    expect(status).not.toBe(0);
    expect(stderr.match(/Invalid configuration for 'storage\/flow-code'/g)).toHaveLength(1);
    expect(stderr).toContain('existingBucketName "s3://acme-data"');
    expect(stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(stderr).not.toMatch(/problems: \[|constructPath:/); // no raw object dump
    const lines = stderr.trim().split("\n").length;
    expect(lines).toBeLessThan(35);
  }, 60_000);
});

describe("work pools: variables the base job template requires with no default", () => {
  function poolApp(type: string, jobVariables: Record<string, string>, baseJobTemplate?: object) {
    const app = Testing.app();
    const stack = new TerraformStack(app, "pools");
    new PrefectProvider(stack, "prefect");
    const project = new PrefectProject(stack, "project", { name: "etl", storage: new LocalCodeStorage(stack, "code", { directory: "/srv/flows" }) });
    new FlowDeployment(stack, "nightly", {
      project,
      name: "nightly",
      entrypoint: "flows/etl.py:etl",
      workPool: WorkPool.fromName("runs"),
      createWorkPool: { poolType: type as WorkPoolType, baseJobTemplate },
      jobVariables,
    });
    return app;
  }

  it("refuses an azure-container-instance deployment without subscription and resource group", () => {
    const error = captureValidationError(() => poolApp("azure-container-instance", { cpu: "1" }).synth());
    expect(error.problems).toEqual([
      expect.objectContaining({
        path: "pools/project",
        prop: 'deployments["nightly"].workPool.jobVariables',
        value: ["cpu"],
        rule: "WorkPoolJobVariables",
        problem: expect.stringMatching(/^misses resource_group_name, subscription_id, which the azure-container-instance pool's base job template requires with no default/),
        fix: 'set resource_group_name: <value>, subscription_id: <value> in the deployment\'s job variables, or give pool "runs" a base job template with defaults for them',
      }),
    ]);
  });

  it("accepts them given as job variables, and types that require nothing", () => {
    expect(() => poolApp("azure-container-instance", { resource_group_name: "rg", subscription_id: "00000000-0000-0000-0000-000000000000" }).synth()).not.toThrow();
    expect(() => poolApp("kubernetes", {}).synth()).not.toThrow();
  });

  it("reads the pool's own template: its required variables, satisfied by their defaults", () => {
    const template = (defaults: Record<string, unknown>) => ({
      job_configuration: { region: "{{ region }}", image: "{{ image }}" },
      variables: { properties: { region: { type: "string", ...defaults }, image: { type: "string" } }, required: ["region", "image"] },
    });
    const error = captureValidationError(() => poolApp("kubernetes", { image: "x" }, template({})).synth());
    expect(error.problems.map((p) => p.problem)).toEqual([expect.stringMatching(/^misses region, which the kubernetes pool's base job template requires/)]);
    expect(() => poolApp("kubernetes", { image: "x" }, template({ default: "europe-west1" })).synth()).not.toThrow();
  });

  it("finds the pool in another stack of the app (a pool stack shared by deployment stacks)", () => {
    const app = Testing.app();
    const pools = new TerraformStack(app, "pools");
    new PrefectProvider(pools, "prefect");
    new WorkPool(pools, "aci", { name: "aci", poolType: "azure-container-instance" });
    const flows = new TerraformStack(app, "flows");
    new PrefectProvider(flows, "prefect");
    new PrefectProject(flows, "project", {
      name: "etl",
      storage: new LocalCodeStorage(flows, "code", { directory: "/srv/flows" }),
      deployments: [{ name: "nightly", entrypoint: "flows/etl.py:etl", workPool: { name: "aci", jobVariables: { resource_group_name: "rg" } } }],
    });
    const error = captureValidationError(() => app.synth());
    expect(error.problems.map((p) => [p.path, p.rule, p.problem.slice(0, 23)])).toEqual([["flows/project", "WorkPoolJobVariables", "misses subscription_id,"]]);
  });

  it("knows the required variables of the default templates (Prefect's worker metadata)", () => {
    expect(REQUIRED_JOB_VARIABLES["azure-container-instance"]).toEqual(["resource_group_name", "subscription_id"]);
    expect(requiredJobVariables("vertex-ai", undefined)).toEqual(["region", "image"]);
    expect(requiredJobVariables("process", undefined)).toEqual([]);
    expect(requiredJobVariables("azure-container-instance", "{}")).toEqual(["resource_group_name", "subscription_id"]);
  });

  it("checks a pool created as a WorkPool resource the same way (ImageWorkPool: the docker-acr example)", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "pools");
    new PrefectProvider(stack, "prefect");
    new WorkPool(stack, "vertex", { name: "vertex", poolType: "vertex-ai" });
    new PrefectProject(stack, "project", {
      name: "etl",
      storage: new LocalCodeStorage(stack, "code", { directory: "/srv/flows" }),
      deployments: [{ name: "train", entrypoint: "flows/train.py:train", workPool: { name: "vertex", jobVariables: { image: "x" } } }],
    });
    const error = captureValidationError(() => app.synth());
    expect(error.problems.map((p) => [p.rule, p.problem.slice(0, 14)])).toEqual([["WorkPoolJobVariables", "misses region,"]]);
  });
});

describe("requires: that Prefect can honour", () => {
  it.each([PREFECT_AWS_REQUIRES, PREFECT_GCP_REQUIRES, PREFECT_AZURE_REQUIRES, PREFECT_DOCKER_REQUIRES])("%s imports as a module (no extras, URL or marker)", (requirement) => {
    expect(StepRequirement.check(requirement)).toEqual([]);
    // What Prefect's _strip_version leaves, with - as _, is a plain module name.
    expect(requirement.split(/[<>=!~]/)[0].trim().replace(/-/g, "_")).toMatch(/^[a-z_]+$/);
  });

  it("the Azure steps use it: no [blob_storage] extra", () => {
    const push = Steps.pushToAzureBlobStorage({ container: "c", folder: "f", credentials: { account_url: "https://a.blob.core.windows.net" } });
    const pull = Steps.pullFromAzureBlobStorage({ container: "c", folder: "f", credentials: { account_url: "https://a.blob.core.windows.net" } });
    expect([push.requires, pull.requires]).toEqual(["prefect-azure>=0.3.1", "prefect-azure>=0.3.1"]);
  });

  it.each([
    ["prefect-azure[blob_storage]>=0.2.8", /has extras/, 'use "prefect-azure>=0.2.8" and install "prefect-azure[blob_storage]" in the worker image'],
    ["prefect-aws @ https://example.com/prefect_aws.whl", /URL or has an environment marker/, 'use a plain requirement such as "prefect-aws>=0.5.0"'],
    ["prefect-aws>=0.5; python_version>'3.9'", /URL or has an environment marker/, 'use a plain requirement such as "prefect-aws>=0.5.0"'],
  ])("refuses %j", (requirement, problem, fix) => {
    const [finding] = StepRequirement.check(requirement);
    expect(finding.problem).toMatch(problem);
    expect(finding.fix).toBe(fix);
  });

  it("refuses a requirement that is not a string (from Python or JavaScript)", () => {
    expect(StepRequirement.check(3)).toEqual([{ problem: "must be a string, not number" }]);
  });
});

it("ValidationError is what every problem arrives as", () => {
  expect(new ValidationError([{ path: "a", prop: "p", value: 1, rule: "R", problem: "x" }]).message).toBe("Invalid configuration for 'a':\n  - p 1: x [R]");
});
