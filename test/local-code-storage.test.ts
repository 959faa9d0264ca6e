/**
 * LocalCodeStorage: code already on the worker's machine. The only step is Prefect's
 * set_working_directory pull step; nothing is pushed and no resource is created. LocalStack pairs it
 * with a `process` work pool. Bad directories are refused with the construct path, value and rule.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { parse } from "yaml";
import { LocalStack } from "../stacks/local";
import { WorkPool } from "../packages/core/src/prefect/provider/work-pool";
import { LocalCodeStorage } from "../packages/core/src/storage/local/local-code-storage";
import { ValidationError } from "../packages/core/src/validation/errors";
import { blockReferences, prefectYamlSchemaErrors, stepSignatureErrors, stepsOf } from "./support/shared";

const STACK = "test-stack";
const PATH = `${STACK}/code`;
const SET_WD = "prefect.deployments.steps.set_working_directory";

function synthLocal(directory: string | ((stack: TerraformStack) => string)) {
  const stack = new TerraformStack(Testing.app(), STACK);
  const storage = new LocalCodeStorage(stack, "code", { directory: typeof directory === "function" ? directory(stack) : directory });
  const synth = Testing.synth(stack, true); // with validations: the app's problems throw here
  return { storage, synth, json: JSON.parse(synth) };
}

describe("LocalCodeStorage", () => {
  it("one set_working_directory pull step with the directory", () => {
    const { storage } = synthLocal("/srv/flows/etl");
    expect(storage.pullSteps).toHaveLength(1);
    const [step] = storage.pullSteps;
    expect(step.fn).toBe(SET_WD);
    expect(step.toYaml()).toEqual({ [SET_WD]: { directory: "/srv/flows/etl" } });
    expect(stepSignatureErrors(step.toYaml())).toEqual([]);
    expect(storage.directory).toBe("/srv/flows/etl");
  });

  it("no push or build steps and no ignore patterns", () => {
    const { storage } = synthLocal("/srv/flows/etl");
    expect(storage.pushSteps).toEqual([]);
    expect(storage.buildSteps).toEqual([]);
    expect(storage.ignorePatterns).toEqual([]);
  });

  it("creates no resource, output or provider", () => {
    const { json } = synthLocal("/srv/flows/etl");
    expect(json.resource).toBeUndefined();
    expect(json.output).toBeUndefined();
    expect(json.provider).toBeUndefined();
  });

  it.each([["/"], ["/opt/prefect/flows"], ["C:\\flows\\etl"], ["D:/flows"]])("accepts the absolute path %j", (directory) => {
    const { storage } = synthLocal(directory);
    expect(storage.pullSteps[0].toYaml()).toEqual({ [SET_WD]: { directory } });
  });
});

// ---------------------------------------------------------------------------------------------
// LocalStack
// ---------------------------------------------------------------------------------------------

describe("LocalStack example", () => {
  let outdir: string;
  let config: any;
  let files: Record<string, string>;
  let doc: any;

  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-local-"));
    const app = new App({ outdir });
    new LocalStack(app, "local");
    app.synth();
    const dir = path.join(outdir, "stacks", "local");
    config = JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8"));
    files = {};
    for (const f of fs.readdirSync(dir)) if (f !== "cdk.tf.json") files[f] = fs.readFileSync(path.join(dir, f), "utf8");
    doc = parse(files["prefect.yaml"]);
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it("creates a process work pool and nothing else", () => {
    const pools = Object.values(config.resource[WorkPool.tfResourceType]) as any[];
    expect(pools).toHaveLength(1);
    expect(pools[0].type).toBe("process");
    expect(Object.keys(config.resource)).toEqual(["prefect_work_pool"]);
  });

  it("the deployment runs on that pool, by its name", () => {
    const [pool] = Object.values(config.resource.prefect_work_pool) as any[];
    expect(doc.deployments).toHaveLength(1);
    expect(doc.deployments[0].work_pool.name).toBe(pool.name);
    expect(pool.name).toBe("local-process");
  });

  it("writes prefect.yaml that passes Prefect's schema and step signatures", () => {
    expect(prefectYamlSchemaErrors(doc)).toEqual([]);
    const steps = stepsOf(doc);
    expect(steps).toHaveLength(1);
    for (const { where, step } of steps) expect({ where, errors: stepSignatureErrors(step) }).toEqual({ where, errors: [] });
  });

  it("pull is set_working_directory; no push, no build, no .prefectignore, no block reference", () => {
    expect(doc.pull).toEqual([{ [SET_WD]: { directory: "/srv/flows/etl" } }]);
    expect(doc).not.toHaveProperty("push");
    expect(doc).not.toHaveProperty("build");
    for (const d of doc.deployments) {
      expect(d).not.toHaveProperty("push");
      expect(d).not.toHaveProperty("pull");
    }
    expect(Object.keys(files)).toEqual(["prefect.yaml"]);
    expect(blockReferences(doc)).toEqual([]);
  });

  it("leaks no Terraform token into prefect.yaml", () => {
    expect(files["prefect.yaml"]).not.toMatch(/\$\{|TfToken|TOKEN\.\d+/);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

function validationErrorOf(directory: string | ((stack: TerraformStack) => string)): ValidationError {
  try {
    synthLocal(directory);
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error(`expected a ValidationError for ${String(directory)}`);
}

function expectProblem(error: ValidationError, p: { value: unknown; rule: string; problem: string; fix: string | null }): void {
  expect(error.constructPath).toBe(PATH);
  expect(error.message).toContain(`Invalid configuration for '${PATH}'`);
  const matching = error.problems.filter((q) => q.prop === "directory" && q.rule === p.rule && q.problem.includes(p.problem));
  if (matching.length !== 1) throw new Error(`expected one ${p.rule} problem matching ${p.problem}; got:\n${error.message}`);
  const [found] = matching;
  expect(found.value).toEqual(p.value);
  expect(found.fix).toBe(p.fix ?? undefined);
  const line = `  - directory ${JSON.stringify(found.value)}: ${found.problem} [${p.rule}]`;
  expect(error.message).toContain(p.fix ? `${line}\n    Fix: ${p.fix}` : line);
  if (!p.fix) expect(error.message).not.toContain(`${line}\n    Fix:`);
}

describe("LocalCodeStorage: bad input", () => {
  it.each([["flows/etl"], ["./flows"], ["~/flows"], [""]])("a relative path %j", (directory) => {
    const error = validationErrorOf(directory);
    expectProblem(error, {
      value: directory,
      rule: "AbsoluteDirectory",
      problem: "is not absolute; the worker's working directory is unknown",
      fix: "use an absolute path such as /srv/flows",
    });
  });

  it.each([["/srv/../etc"], ["/srv/flows/.."], ["C:\\flows\\..\\windows"]])("a '..' segment: %j", (directory) => {
    const error = validationErrorOf(directory);
    expectProblem(error, { value: directory, rule: "AbsoluteDirectory", problem: "contains a '..' segment", fix: null });
    expect(error.problems).toHaveLength(1);
  });

  it.each([["/srv/{{ $ENV }}/flows"], ["/srv/${var.dir}"]])("template braces or interpolation: %j", (directory) => {
    const error = validationErrorOf(directory);
    expectProblem(error, { value: directory, rule: "AbsoluteDirectory", problem: "contains a template or interpolation", fix: null });
    expect(error.problems).toHaveLength(1);
  });

  it("a control character", () => {
    const error = validationErrorOf("/srv/fl\nows");
    expectProblem(error, { value: "/srv/fl\nows", rule: "AbsoluteDirectory", problem: "contains a control character", fix: null });
  });

  it("a directory given as a Terraform token is refused (it would leak into prefect.yaml)", () => {
    const error = validationErrorOf((stack) => new TerraformVariable(stack, "dir", { type: "string" }).stringValue);
    expectProblem(error, {
      value: expect.stringMatching(/^\$\{TfToken\[TOKEN\.\d+\]\}$/),
      rule: "KnownAtSynth",
      problem: "must be known at synth time: it is written into prefect.yaml",
      fix: null,
    });
    expect(error.problems).toHaveLength(1);
  });

  it("several problems of one directory are reported together", () => {
    const error = validationErrorOf("srv/../{{ x }}");
    expect(error.problems.map((p) => p.problem)).toEqual([
      "is not absolute; the worker's working directory is unknown",
      "contains a '..' segment",
      "contains a template or interpolation",
    ]);
    expect(error.message.match(/^ {2}- /gm)).toHaveLength(3);
  });
});
