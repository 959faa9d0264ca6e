import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { parse } from "yaml";
import { defaultFlowName, FlowDeployment, FlowDeploymentProps } from "../packages/core/src/deployments/flow-deployment";
import { PrefectProvider } from "../packages/core/src/prefect/provider/provider";
import { WorkPool } from "../packages/core/src/prefect/provider/work-pool";
import { WorkPoolType } from "../packages/core/src/core/work-pool-type";
import { Steps } from "../packages/core/src/prefect/steps/steps";
import { Schedule } from "../packages/core/src/prefect/schedules";
import { TemplateRef } from "../packages/core/src/prefect/template";
import { ICodeStorage } from "../packages/core/src/storage/code-storage";
import { GitCodeStorage } from "../packages/git/src/git-code-storage";
import { GitCredentials } from "../packages/git/src/git-credentials";
import { GitToken } from "../packages/git/src/git-token";
import { LocalCodeStorage } from "../packages/core/src/storage/local/local-code-storage";
import { S3CodeStorage } from "../packages/aws/src/s3/s3-code-storage";
import { GcsCodeStorage } from "../packages/google/src/gcs/gcs-code-storage";
import { AzureBlobCodeStorage } from "../packages/azure/src/blob/azure-blob-code-storage";
import { createHash } from "crypto";
import { PrefectProject } from "../packages/core/src/project/prefect-project";
import { filesToUpload, uploadConstructId } from "../packages/core/src/storage/upload";
import { readShared } from "./support/shared";
import { captureValidationError, expectOnlyProblem, reported } from "./support/validation";

const providerSchema = readShared("provider-schema.json");

function stackWith(makeStorage: (stack: TerraformStack) => ICodeStorage) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-deploy-"));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "deploy");
  new AwsProvider(stack, "aws", { region: "eu-central-1" });
  new PrefectProvider(stack, "prefect");
  const storage = makeStorage(stack);
  const project = new PrefectProject(stack, "project", { name: "etl", storage });
  return { app, stack, storage, project, outdir };
}

function deploy(ctx: ReturnType<typeof stackWith>, id: string, props: Partial<FlowDeploymentProps> = {}) {
  return new FlowDeployment(ctx.stack, id, {
    project: ctx.project,
    name: id,
    entrypoint: "flows/etl.py:run_etl",
    workPool: WorkPool.fromName("pool"),
    manageWithTerraform: true,
    ...props,
  });
}

/** Synthesizes and returns the Terraform JSON and the parsed prefect.yaml. */
function synth(ctx: ReturnType<typeof stackWith>) {
  ctx.app.synth();
  const dir = path.join(ctx.outdir, "stacks", "deploy");
  return {
    config: JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")),
    yaml: parse(fs.readFileSync(path.join(dir, "prefect.yaml"), "utf8")),
  };
}

const resources = (config: any, type: string): any[] => Object.values(config.resource?.[type] ?? {});

/**
 * What `prefect deploy` would store as the deployment's pull steps: the YAML's pull steps with
 * `{{ <step id>.<key> }}` replaced by the outputs of the build/push steps (which return their
 * inputs), then in the provider's flat shape. Written independently of packages/core/src/deployments/pull-steps.ts.
 */
function pullStepsPrefectDeployWouldStore(yaml: any): any[] {
  const outputs: Record<string, Record<string, unknown>> = {};
  for (const step of [...(yaml.build ?? []), ...(yaml.push ?? [])]) {
    const kwargs: any = Object.values(step)[0];
    if (kwargs.id) outputs[kwargs.id] = kwargs;
  }
  const fill = (v: unknown): unknown =>
    typeof v === "string"
      ? v.replace(/\{\{\s*([A-Za-z_][\w-]*)\.(\w+)\s*\}\}/g, (m, id, key) => (outputs[id]?.[key] as string) ?? m)
      : v;
  return (yaml.pull ?? []).map((step: any) => {
    const [fn, kwargs] = Object.entries(step)[0] as [string, any];
    const flat: any = { type: fn.slice(fn.lastIndexOf(".") + 1) };
    for (const [k, v] of Object.entries(kwargs)) if (k !== "id") flat[k] = fill(v);
    return flat;
  });
}

describe("FlowDeployment: one source of truth for pull steps", () => {
  const cases: Array<[string, (stack: TerraformStack) => ICodeStorage]> = [
    ["S3 with keys", (s) => new S3CodeStorage(s, "code", { bucketName: "acme-flows", folder: "etl" })],
    ["git with a Secret", (s) => new GitCodeStorage(s, "code", {
      repository: "https://github.com/acme/flows.git",
      branch: "main",
      includeSubmodules: true,
      credentials: GitCredentials.secret(GitToken.fromValue(new TerraformVariable(s, "tok", { sensitive: true }).stringValue), { blockName: "tok" }),
    })],
    ["local", (s) => new LocalCodeStorage(s, "code", { directory: "/srv/flows" })],
  ];

  it.each(cases)("%s: prefect_deployment.pull_steps equal what prefect deploy would store from prefect.yaml", (_name, make) => {
    const ctx = stackWith(make);
    deploy(ctx, "nightly");
    const { config, yaml } = synth(ctx);
    const [deployment] = resources(config, "prefect_deployment");
    expect(deployment.pull_steps).toEqual(pullStepsPrefectDeployWouldStore(yaml));
    expect(deployment.pull_steps.length).toBeGreaterThan(0);
    expect(JSON.stringify(deployment.pull_steps)).not.toMatch(/\{\{\s*push_code/);
  });

  it("every synthesized attribute and pull-step field exists in the provider schema", () => {
    const ctx = stackWith((s) => new S3CodeStorage(s, "code", { bucketName: "acme-flows", folder: "etl" }));
    deploy(ctx, "nightly", { schedules: [Schedule.cron("0 1 * * *", { timezone: "UTC" })], parameters: { a: 1 }, jobVariables: { env: { X: "1" } }, createWorkPool: { poolType: WorkPoolType.PROCESS }, workQueueName: "q", createWorkQueue: true });
    const { config } = synth(ctx);
    const check = (type: string, nested?: string) => {
      const attrs = nested ? providerSchema.resources[type].nested[nested] : providerSchema.resources[type].attributes;
      return (obj: any) => {
        for (const key of Object.keys(obj).filter((k) => k !== "//" && k !== "depends_on")) expect({ type, key, known: key in attrs }).toEqual({ type, key, known: true });
      };
    };
    for (const type of ["prefect_deployment", "prefect_deployment_schedule", "prefect_flow", "prefect_work_pool", "prefect_work_queue"]) {
      expect(resources(config, type).length).toBeGreaterThan(0);
      resources(config, type).forEach(check(type));
    }
    resources(config, "prefect_deployment").flatMap((d) => d.pull_steps).forEach(check("prefect_deployment", "pull_steps"));
  });
});

describe("FlowDeployment: resources", () => {
  it("creates flow, deployment and one schedule resource per schedule kind", () => {
    const ctx = stackWith((s) => new S3CodeStorage(s, "code", { bucketName: "acme-flows", folder: "etl" }));
    deploy(ctx, "nightly", {
      schedules: [
        Schedule.cron("0 2 * * *", { timezone: "Europe/Berlin", dayOr: false }),
        Schedule.interval(600, { anchorDate: "2026-01-01T00:00:00Z", active: false }),
        Schedule.rrule("FREQ=DAILY", { parameters: { n: 2 }, slug: "daily" }),
      ],
      parameters: { full_refresh: true },
      jobVariables: { env: { LOG_LEVEL: "INFO" } },
      tags: ["etl"],
      concurrencyLimit: 2,
      description: "Nightly ETL",
    });
    const { config, yaml } = synth(ctx);
    expect(resources(config, "prefect_flow")).toEqual([expect.objectContaining({ name: "run-etl" })]);
    const [d] = resources(config, "prefect_deployment");
    expect(d).toMatchObject({ name: "nightly", entrypoint: "flows/etl.py:run_etl", work_pool_name: "pool", tags: ["etl"], concurrency_limit: 2, description: "Nightly ETL" });
    expect(JSON.parse(d.parameters)).toEqual({ full_refresh: true });
    expect(JSON.parse(d.job_variables)).toEqual({ env: { LOG_LEVEL: "INFO" } });
    expect(d.flow_id).toMatch(/^\$\{prefect_flow\..*\.id\}$/);
    const schedules = resources(config, "prefect_deployment_schedule").map(({ "//": _, deployment_id, ...rest }) => {
      expect(deployment_id).toMatch(/^\$\{prefect_deployment\..*\.id\}$/);
      return rest;
    });
    expect(schedules).toEqual([
      { cron: "0 2 * * *", timezone: "Europe/Berlin", day_or: false },
      { interval: 600, anchor_date: "2026-01-01T00:00:00Z", active: false },
      { rrule: "FREQ=DAILY", parameters: '{"n":2}', slug: "daily" },
    ]);
    // The YAML entry carries the same deployment.
    expect(yaml.deployments[0]).toMatchObject({ name: "nightly", concurrency_limit: 2, parameters: { full_refresh: true }, work_pool: { name: "pool", job_variables: { env: { LOG_LEVEL: "INFO" } } } });
  });

  it("without manageWithTerraform, only the prefect.yaml entry exists", () => {
    const ctx = stackWith((s) => new LocalCodeStorage(s, "code", { directory: "/srv/flows" }));
    deploy(ctx, "only-yaml", { manageWithTerraform: false });
    const { config, yaml } = synth(ctx);
    expect(resources(config, "prefect_deployment")).toEqual([]);
    expect(resources(config, "prefect_flow")).toEqual([]);
    expect(yaml.deployments.map((d: any) => d.name)).toEqual(["only-yaml"]);
  });

  it("shares one prefect_flow between deployments of the same flow, and honours flowName", () => {
    const ctx = stackWith((s) => new LocalCodeStorage(s, "code", { directory: "/srv/flows" }));
    deploy(ctx, "a");
    deploy(ctx, "b");
    deploy(ctx, "c", { flowName: "Custom Flow" });
    const { config } = synth(ctx);
    expect(resources(config, "prefect_flow").map((f) => f.name).sort()).toEqual(["Custom Flow", "run-etl"]);
  });

  it("creates the work pool and queue when asked and makes deployments wait for them", () => {
    const ctx = stackWith((s) => new LocalCodeStorage(s, "code", { directory: "/srv/flows" }));
    const first = deploy(ctx, "a", { createWorkPool: { poolType: WorkPoolType.PROCESS, baseJobTemplate: { job_configuration: {} }, concurrencyLimit: 3 }, workQueueName: "critical", createWorkQueue: true });
    deploy(ctx, "b", { workPool: first.workPool! });
    const { config } = synth(ctx);
    expect(resources(config, "prefect_work_pool")).toEqual([expect.objectContaining({ name: "pool", type: "process", concurrency_limit: 3, base_job_template: '{"job_configuration":{}}' })]);
    expect(resources(config, "prefect_work_queue")).toEqual([expect.objectContaining({ name: "critical", work_pool_name: "pool" })]);
    for (const d of resources(config, "prefect_deployment")) expect(d.depends_on.join()).toMatch(/prefect_work_pool\./);
  });

  it("uses an existing WorkPool resource's name", () => {
    const ctx = stackWith((s) => new LocalCodeStorage(s, "code", { directory: "/srv/flows" }));
    const pool = new WorkPool(ctx.stack, "pool", { name: "k8s", poolType: WorkPoolType.KUBERNETES });
    expect(pool.poolTypeInput).toBe("kubernetes");
    deploy(ctx, "a", { workPool: pool });
    const { config, yaml } = synth(ctx);
    expect(resources(config, "prefect_deployment")[0].work_pool_name).toBe("k8s");
    expect(yaml.deployments[0].work_pool.name).toBe("k8s");
  });

  it("defaults the flow name the way Prefect does", () => {
    expect(defaultFlowName("flows/etl.py:run_nightly_etl")).toBe("run-nightly-etl");
  });
});

describe("FlowDeployment: what the provider cannot express is refused, never dropped", () => {
  it("a folder read from the deploy environment", () => {
    const ctx = stackWith((s) => new S3CodeStorage(s, "code", { bucketName: "acme-flows", folder: "etl", folderFromEnv: "ENV" }));
    expect(() => reported(deploy(ctx, "a"))).toThrow(/pull\[0\]\.prefect_aws\.deployments\.steps\.pull_from_s3\.folder "\{\{ \$ENV \}\}": is read from the environment of `prefect deploy`.*\[TerraformPullStep\]/);
  });

  it("a git_clone parameter the provider's pull steps lack (commit_sha)", () => {
    const ctx = stackWith((s) => new GitCodeStorage(s, "code", { repository: "https://github.com/acme/flows.git", commitSha: "a".repeat(40) }));
    expect(() => reported(deploy(ctx, "a"))).toThrow(/pull\[0\]\.prefect\.deployments\.steps\.git_clone\.commit_sha "a{40}": has no field in prefect_deployment pull_steps \[TerraformPullStep\]/);
  });

  it("a pull override that reads a push step's output: only `prefect deploy` fills it in, nothing decodes it", () => {
    const ctx = stackWith((s) => new S3CodeStorage(s, "code", { bucketName: "acme-flows", folder: "etl" }));
    const pullSteps = [Steps.pullFromS3({ id: "pull_code", bucket: TemplateRef.stepOutput("push_code", "bucket"), folder: "etl/" })];
    expect(() => reported(deploy(ctx, "a", { pullSteps }))).toThrow(
      /pull\[0\]\.prefect_aws\.deployments\.steps\.pull_from_s3\.bucket "\{\{ push_code\.bucket \}\}": is a step output, filled in only by `prefect deploy`.*\[TerraformPullStep\]/,
    );
  });

  it("a parameter read from the deploy environment: Terraform would store {{ $ENV }} as text", () => {
    const ctx = stackWith((s) => new LocalCodeStorage(s, "code", { directory: "/srv/flows" }));
    expect(() => reported(deploy(ctx, "a", { parameters: { env: TemplateRef.env("PREFECT_ENV") } }))).toThrow(
      /parameters "\{\{ \$PREFECT_ENV \}\}": is only known when `prefect deploy` reads its environment.*\[TerraformDeploymentValue\]/,
    );
  });

  it("the storage's literal pull steps carry the same values as prefect.yaml's pull steps resolve to", () => {
    const ctx = stackWith((s) => new S3CodeStorage(s, "code", { bucketName: "acme-flows", folder: "etl" }));
    const [literal] = ctx.storage.literalPullSteps!.map((step) => step.renderKwargs());
    const [push] = ctx.storage.pushSteps.map((step) => step.renderKwargs());
    expect(literal).toMatchObject({ id: "pull_code", bucket: push.bucket, folder: push.folder });
  });

  it("contradictory work pool / queue options", () => {
    const ctx = stackWith((s) => new LocalCodeStorage(s, "code", { directory: "/srv/flows" }));
    expect(() => reported(deploy(ctx, "a", { createWorkQueue: true }))).toThrow(/createWorkQueue true: needs workQueueName.*\[FlowDeploymentQueue\]/);
    const pool = new WorkPool(ctx.stack, "pool", { name: "k8s", poolType: WorkPoolType.KUBERNETES });
    expect(() => reported(deploy(ctx, "b", { workPool: pool, createWorkPool: { poolType: WorkPoolType.PROCESS } }))).toThrow(
      /createWorkPool \{"poolType":"process"\}: needs a pool given by name: the work pool given is already created by this app \[FlowDeploymentPool\]\n {4}Fix: drop createWorkPool, or give workPool as WorkPool\.fromName\(<name>\)/,
    );
  });

  it("a work pool given by its name (JavaScript skips the types) is reported with the WorkPool.fromName fix", () => {
    const ctx = stackWith((s) => new LocalCodeStorage(s, "code", { directory: "/srv/flows" }));
    const error = captureValidationError(() => deploy(ctx, "a", { workPool: "etl-pool" as any }));
    expectOnlyProblem(error, "deploy/a", {
      prop: "workPool",
      value: "etl-pool",
      rule: "FlowDeploymentPool",
      problem: "must be a work pool, not its name",
      fix: 'use WorkPool.fromName("etl-pool")',
    });
  });

  it("props under their pre-version-1 names are reported, not ignored (RenamedProp), and createWorkPool needs a poolType", () => {
    const ctx = stackWith((s) => new LocalCodeStorage(s, "code", { directory: "/srv/flows" }));
    const error = captureValidationError(() => deploy(ctx, "a", { pull: [], build: [], createWorkPool: { type: "process" } } as any));
    expect(error.problems.map((p) => [p.prop, p.rule, p.fix])).toEqual([
      ["build", "RenamedProp", "use buildSteps"],
      ["pull", "RenamedProp", "use pullSteps"],
      ["createWorkPool.type", "RenamedProp", "use poolType"],
      ["createWorkPool.poolType", "RequiredProp", "set poolType, e.g. WorkPoolType.PROCESS"],
    ]);
  });

  it("a block, step or construct passed as a value is reported with its fix (TemplateValueType), never walked into", () => {
    const ctx = stackWith((s) => new LocalCodeStorage(s, "code", { directory: "/srv/flows" }));
    const step = Steps.runShellScript({ id: "hello", script: "echo hi" });
    const error = captureValidationError(() => deploy(ctx, "a", { parameters: { stack: ctx.stack, step } as any }));
    expect(error.problems.map((p) => [p.prop, p.value, p.rule, p.fix])).toEqual([
      ['deployments["a"].parameters.stack', "a TerraformStack", "TemplateValueType", "pass a string, number, boolean, TemplateRef or TemplateString, or lists and maps of them"],
      ['deployments["a"].parameters.step', "a Step", "TemplateValueType", "pass the step's output(<key>)"],
    ]);
  });

  it("createWorkPool with an unknown pool type names createWorkPool.poolType", () => {
    const ctx = stackWith((s) => new LocalCodeStorage(s, "code", { directory: "/srv/flows" }));
    const error = captureValidationError(() => deploy(ctx, "a", { createWorkPool: { poolType: "lambda" as any } }));
    expect(error.problems.map((p) => [p.prop, p.rule])).toEqual([["createWorkPool.poolType", "WorkPoolType"]]);
  });
});

describe("uploading code with Terraform", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-upload-"));
    const write = (rel: string, text = rel) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    for (const f of ["flows/etl.py", "flows/lib/util.py", "requirements.txt", ".env", ".venv/bin/python", "flows/__pycache__/etl.cpython-311.pyc", ".git/HEAD", "data/big.csv", "terraform.tfstate"]) write(f);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("takes exactly the files .prefectignore lets through (defaults plus the storage's patterns)", () => {
    expect(filesToUpload(dir, ["data/"]).map((f) => f.relativePath)).toEqual(["flows/etl.py", "flows/lib/util.py", "requirements.txt"]);
    expect(filesToUpload(dir).map((f) => f.relativePath)).toContain("data/big.csv");
  });

  it("hashes content, so only changed files change", () => {
    const before = Object.fromEntries(filesToUpload(dir).map((f) => [f.relativePath, f.sha256]));
    fs.writeFileSync(path.join(dir, "flows/etl.py"), "changed");
    const after = Object.fromEntries(filesToUpload(dir).map((f) => [f.relativePath, f.sha256]));
    expect(after["flows/etl.py"]).not.toBe(before["flows/etl.py"]);
    expect(after["requirements.txt"]).toBe(before["requirements.txt"]);
  });

  it("gives distinct construct ids to paths that look alike", () => {
    expect(uploadConstructId("a/b.py")).not.toBe(uploadConstructId("a-b.py"));
    expect(uploadConstructId("a/b.py")).toBe(uploadConstructId("a/b.py"));
  });

  it("S3CodeStorage.uploadCode: one aws_s3_object per file under the folder, with the content hash", () => {
    const stack = new TerraformStack(Testing.app(), "up");
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    new PrefectProvider(stack, "prefect");
    const storage = new S3CodeStorage(stack, "code", { bucketName: "acme-flows", folder: "etl", prefectIgnore: ["data/"] });
    storage.uploadCode(dir);
    const objects = resources(JSON.parse(Testing.synth(stack)), "aws_s3_object");
    expect(objects.map((o) => o.key).sort()).toEqual(["etl/flows/etl.py", "etl/flows/lib/util.py", "etl/requirements.txt"]);
    for (const o of objects) {
      expect(o.source_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(o.bucket).toMatch(/^\$\{aws_s3_bucket\./);
    }
  });

  it("GcsCodeStorage.uploadCode: one google_storage_bucket_object per file under the folder", () => {
    const stack = new TerraformStack(Testing.app(), "up");
    new PrefectProvider(stack, "prefect");
    const storage = new GcsCodeStorage(stack, "code", { project: "acme-prefect", bucketName: "acme-flows-gcs", folder: "etl", prefectIgnore: ["data/"] });
    storage.uploadCode(dir);
    const objects = resources(JSON.parse(Testing.synth(stack)), "google_storage_bucket_object");
    expect(objects.map((o) => o.name).sort()).toEqual(["etl/flows/etl.py", "etl/flows/lib/util.py", "etl/requirements.txt"]);
    for (const o of objects) {
      expect(o.bucket).toMatch(/^\$\{google_storage_bucket\./);
      expect(o.source).toMatch(/^assets\//);
    }
  });

  it("AzureBlobCodeStorage.uploadCode: one block blob per file under the folder, with its content MD5", () => {
    const stack = new TerraformStack(Testing.app(), "up");
    new PrefectProvider(stack, "prefect");
    const storage = new AzureBlobCodeStorage(stack, "code", {
      storageAccountName: "acmeflows",
      resourceGroupName: "rg-flows",
      location: "westeurope",
      containerName: "flows",
      folder: "etl",
      prefectIgnore: ["data/"],
    });
    storage.uploadCode(dir);
    const blobs = resources(JSON.parse(Testing.synth(stack)), "azurerm_storage_blob");
    expect(blobs.map((b) => b.name).sort()).toEqual(["etl/flows/etl.py", "etl/flows/lib/util.py", "etl/requirements.txt"]);
    const etl = blobs.find((b) => b.name === "etl/flows/etl.py");
    expect(etl).toMatchObject({ type: "Block", storage_account_name: "acmeflows", content_md5: createHash("md5").update("flows/etl.py").digest("hex") });
    expect(etl.storage_container_name).toMatch(/^\$\{azurerm_storage_container\./);
  });

  it("S3CodeStorage.uploadCode refuses a folder read from the environment", () => {
    const stack = new TerraformStack(Testing.app(), "up");
    const storage = new S3CodeStorage(stack, "code", { bucketName: "acme-flows", folder: "etl", folderFromEnv: "ENV", pushIdentity: undefined });
    expect(() => storage.uploadCode(dir)).toThrow(/up\/code: uploadCode needs a fixed folder/);
  });

  it("refuses a directory that does not exist", () => {
    expect(() => filesToUpload(path.join(dir, "nope"))).toThrow(/does not exist/);
  });
});
