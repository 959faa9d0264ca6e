import { TerraformVariable, Testing, TerraformStack } from "cdktf";
import { parse } from "yaml";
import { PrefectYamlDocument } from "../packages/core/src/prefect/prefect-yaml";
import { Schedule } from "../packages/core/src/prefect/schedules";
import { Steps } from "../packages/core/src/prefect/steps/steps";
import { BlockRef, EnvRef, StepOutputRef, template, TemplateRef, TemplateString, VariableRef } from "../packages/core/src/prefect/template";
import { PrefectYamlFile } from "../packages/core/src/project/prefect-yaml-file";
import { DEFAULT_PREFECT_IGNORE } from "../packages/core/src/prefect/prefectignore";
import { PrefectIgnoreFile } from "../packages/core/src/project/prefectignore-file";
import { GeneratedFile } from "../packages/core/src/project/generated-file";
import { prefectYamlSchemaErrors, stepSignatureErrors, stepsOf } from "./support/shared";

const creds = new BlockRef("aws-credentials", "ci-push");

function s3Document() {
  const push = Steps.pushToS3({ id: "push_code", bucket: "my-bucket", folder: "flows", credentials: creds });
  const pull = Steps.pullFromS3({ id: "pull_code", bucket: push.output("bucket"), folder: push.output("folder") });
  return new PrefectYamlDocument({ name: "demo", prefectVersion: "3.8.3", pushSteps: [push], pullSteps: [pull] });
}

/** Parses a rendered file the way `prefect deploy` would read it. */
function renderAndParse(doc: PrefectYamlDocument): any {
  return parse(new PrefectYamlFile(doc).render());
}

describe("steps", () => {
  it("render to Prefect's one-key form with id and requires kept", () => {
    const step = Steps.pushToS3({ id: "push_code", bucket: "b", folder: "f", credentials: creds });
    expect(step.toYaml()).toEqual({
      "prefect_aws.deployments.steps.push_to_s3": {
        id: "push_code",
        requires: "prefect-aws>=0.4.1",
        bucket: "b",
        folder: "f",
        credentials: "{{ prefect.blocks.aws-credentials.ci-push }}",
      },
    });
  });

  it("let requires be overridden and omit undefined parameters", () => {
    const step = Steps.pullFromS3({ bucket: "b", folder: "f", requires: "prefect-aws==0.5.0" });
    expect(step.toYaml()).toEqual({
      "prefect_aws.deployments.steps.pull_from_s3": { requires: "prefect-aws==0.5.0", bucket: "b", folder: "f" },
    });
  });

  it("reference outputs of earlier steps through objects", () => {
    const push = Steps.pushToS3({ id: "push_code", bucket: "b", folder: "f" });
    expect(String(push.output("folder"))).toBe("{{ push_code.folder }}");
    expect(push.output("bucket")).toBeInstanceOf(StepOutputRef);
  });

  it("refuse outputs of a step without id, or outputs the function does not return", () => {
    expect(() => Steps.pushToS3({ bucket: "b", folder: "f" }).output("bucket")).toThrow(/has no id/);
    expect(() => Steps.pushToS3({ id: "p", bucket: "b", folder: "f" }).output("directory")).toThrow(/no output "directory"/);
  });

  it("refuse ids Prefect could not template, at synth with the document's other problems", () => {
    const doc = new PrefectYamlDocument({ name: "x", pushSteps: [Steps.pushToS3({ id: "push code", bucket: "b", folder: "f" })] });
    expect(doc.problems()).toEqual([
      expect.objectContaining({ prop: "push[0].prefect_aws.deployments.steps.push_to_s3.id", value: "push code", rule: "StepId", fix: 'use "push_code"' }),
    ]);
  });

  it("know their short name (prefect_deployment pull step type)", () => {
    expect(Steps.workingDirectory({ directory: "/opt/flows" }).shortName).toBe("set_working_directory");
  });
});

describe("template references", () => {
  it("render blocks, block fields, variables, env vars and step outputs", () => {
    expect(String(new BlockRef("secret", "tok", undefined, true))).toBe("{{ prefect.blocks.secret.tok }}");
    expect(String(new BlockRef("aws-credentials", "c", "region_name"))).toBe("{{ prefect.blocks.aws-credentials.c.region_name }}");
    expect(String(new VariableRef("bucket"))).toBe("{{ prefect.variables.bucket }}");
    expect(String(new EnvRef("ENV"))).toBe("{{ $ENV }}");
    expect(String(template`flows/${new EnvRef("ENV")}/x`)).toBe("flows/{{ $ENV }}/x");
  });

  it("have static factories that render the same as the classes", () => {
    expect(TemplateRef.block("aws-credentials", "c", "region_name")).toBeInstanceOf(BlockRef);
    expect(String(TemplateRef.block("aws-credentials", "c"))).toBe("{{ prefect.blocks.aws-credentials.c }}");
    expect(String(TemplateRef.block("aws-credentials", "c", "region_name"))).toBe("{{ prefect.blocks.aws-credentials.c.region_name }}");
    expect(TemplateRef.variable("bucket")).toBeInstanceOf(VariableRef);
    expect(String(TemplateRef.variable("bucket"))).toBe("{{ prefect.variables.bucket }}");
    expect(TemplateRef.env("ENV")).toBeInstanceOf(EnvRef);
    expect(String(TemplateRef.env("ENV"))).toBe("{{ $ENV }}");
    expect(TemplateRef.stepOutput("push_code", "folder")).toBeInstanceOf(StepOutputRef);
    expect(String(TemplateRef.stepOutput("push_code", "folder"))).toBe("{{ push_code.folder }}");
  });

  it("TemplateString.concat joins text and placeholders as the template tag does, merging adjacent literals", () => {
    const joined = TemplateString.concat("flows/", "", TemplateRef.env("ENV"), "/", "x");
    expect(String(joined)).toBe("flows/{{ $ENV }}/x");
    expect(joined.parts).toEqual(["flows/", expect.any(EnvRef), "/x"]);
    expect(joined.parts).toEqual(template`flows/${TemplateRef.env("ENV")}/x`.parts);
    expect(() => TemplateString.concat("x-", creds)).toThrow(/whole block/);
  });

  it("refuse a whole (dict) block inside a longer string, but allow a Secret or a field", () => {
    expect(() => template`x-${creds}`).toThrow(/whole block/);
    expect(String(template`x-${new BlockRef("secret", "s", undefined, true)}`)).toBe("x-{{ prefect.blocks.secret.s }}");
    expect(String(template`x-${new BlockRef("aws-credentials", "c", "region_name")}`)).toContain("region_name");
  });
});

describe("PrefectYamlDocument", () => {
  it("renders the S3 recipe that validates against Prefect's schema and step signatures", () => {
    const parsed = renderAndParse(s3Document());
    expect(prefectYamlSchemaErrors(parsed)).toEqual([]);
    for (const { step } of stepsOf(parsed)) expect(stepSignatureErrors(step)).toEqual([]);
    expect(parsed["prefect-version"]).toBe("3.8.3");
    expect(parsed.pull[0]["prefect_aws.deployments.steps.pull_from_s3"].folder).toBe("{{ push_code.folder }}");
  });

  it("writes the marker comment first", () => {
    const text = new PrefectYamlFile(s3Document()).render();
    expect(text.split("\n")[0]).toBe(`# ${GeneratedFile.MARKER}`);
  });

  it("renders deployments with Prefect's key names and every schedule kind", () => {
    const doc = s3Document().addDeployment({
      name: "nightly",
      entrypoint: "flows/etl.py:etl",
      description: "ETL",
      version: "1",
      tags: ["a"],
      parameters: { n: 1, table: new VariableRef("table") },
      workPool: { name: "pool", workQueueName: "q", jobVariables: { image: "img:1" } },
      concurrencyLimit: 2,
      enforceParameterSchema: true,
      schedules: [
        Schedule.cron("0 2 * * *", { timezone: "Europe/Berlin", dayOr: false }),
        Schedule.interval(600, { anchorDate: "2026-01-01T00:00:00Z" }),
        Schedule.interval(60, { active: false }),
        Schedule.rrule("FREQ=WEEKLY;BYDAY=MO", { timezone: "UTC", slug: "weekly" }),
      ],
      pullSteps: [],
    });
    const parsed = renderAndParse(doc);
    expect(prefectYamlSchemaErrors(parsed)).toEqual([]);
    const d = parsed.deployments[0];
    expect(d).toMatchObject({
      name: "nightly",
      entrypoint: "flows/etl.py:etl",
      parameters: { n: 1, table: "{{ prefect.variables.table }}" },
      work_pool: { name: "pool", work_queue_name: "q", job_variables: { image: "img:1" } },
      concurrency_limit: 2,
      enforce_parameter_schema: true,
      pull: [],
    });
    expect(d.schedules).toEqual([
      { cron: "0 2 * * *", timezone: "Europe/Berlin", day_or: false },
      { interval: 600, anchor_date: "2026-01-01T00:00:00Z" },
      { interval: "PT60S", active: false },
      { rrule: "FREQ=WEEKLY;BYDAY=MO", timezone: "UTC", slug: "weekly" },
    ]);
  });

  it("Schedule.cron, Schedule.interval and Schedule.rrule carry their kind's field and the shared options", () => {
    const cron = Schedule.cron("0 2 * * *", { timezone: "Europe/Berlin", dayOr: false, active: true, parameters: { n: 1 }, slug: "nightly" });
    expect(cron).toBeInstanceOf(Schedule);
    expect({ ...cron }).toEqual({ cronExpression: "0 2 * * *", timezone: "Europe/Berlin", dayOr: false, active: true, parameters: { n: 1 }, slug: "nightly" });
    const interval = Schedule.interval(3600, { anchorDate: "2026-01-01T00:00:00Z", timezone: "UTC" });
    expect({ ...interval }).toEqual({ intervalSeconds: 3600, anchorDate: "2026-01-01T00:00:00Z", timezone: "UTC" });
    const rrule = Schedule.rrule("FREQ=WEEKLY;BYDAY=SA", { active: false });
    expect({ ...rrule }).toEqual({ recurrenceRule: "FREQ=WEEKLY;BYDAY=SA", active: false });
    for (const s of [interval, rrule]) expect(s.cronExpression).toBeUndefined();
    for (const s of [cron, rrule]) expect(s.intervalSeconds).toBeUndefined();
    for (const s of [cron, interval]) expect(s.recurrenceRule).toBeUndefined();
  });

  it("merges the document's job variables under each deployment's own (which win)", () => {
    const doc = new PrefectYamlDocument({
      name: "x",
      jobVariables: { image: new StepOutputRef("build_image", "image"), cpu: 256 },
      deployments: [
        { name: "a", entrypoint: "a.py:f", workPool: { name: "p" } },
        { name: "b", entrypoint: "a.py:f", workPool: { name: "p", jobVariables: { cpu: 1024 } } },
      ],
    });
    expect(doc.problems().map((p) => [p.prop, p.value, p.rule, p.problem])).toEqual([
      ['deployments["a"].workPool.jobVariables', "{{ build_image.image }}", "StepOutputReference", 'names no build or push step with id "build_image"'],
      ['deployments["b"].workPool.jobVariables', "{{ build_image.image }}", "StepOutputReference", 'names no build or push step with id "build_image"'],
    ]);
    doc.buildSteps.push(Steps.runShellScript({ id: "build_image", script: "docker build ." }));
    expect(doc.problems()).toEqual([]);
    const parsed = parse(new PrefectYamlFile(doc).render());
    expect(parsed.deployments[0].work_pool.job_variables).toEqual({ image: "{{ build_image.image }}", cpu: 256 });
    expect(parsed.deployments[1].work_pool.job_variables).toEqual({ image: "{{ build_image.image }}", cpu: 1024 });
  });

  it("supports per-deployment build/push/pull overrides", () => {
    const doc = s3Document().addDeployment({
      name: "from-git",
      entrypoint: "a.py:f",
      pushSteps: [],
      pullSteps: [Steps.gitClone({ id: "clone", repository: "https://github.com/o/r.git", branch: "main" })],
    });
    const parsed = renderAndParse(doc);
    expect(prefectYamlSchemaErrors(parsed)).toEqual([]);
    expect(Object.keys(parsed.deployments[0].pull[0])).toEqual(["prefect.deployments.steps.git_clone"]);
    expect(parsed.deployments[0].push).toEqual([]);
  });

  it("reports step-output references to unknown or later steps", () => {
    const pull = Steps.pullFromS3({ bucket: new StepOutputRef("push_code", "bucket"), folder: "f" });
    const doc = new PrefectYamlDocument({ name: "x", pullSteps: [pull] });
    expect(doc.problems()).toEqual([
      {
        prop: "prefect.yaml step prefect_aws.deployments.steps.pull_from_s3",
        value: "{{ push_code.bucket }}",
        rule: "StepOutputReference",
        problem: 'no earlier step has id "push_code" (build, then push, then pull run in order)',
        fix: 'give an earlier step id "push_code", or reference one that runs before',
      },
    ]);
    expect(() => doc.toObject()).toThrow(/push_code.*\[StepOutputReference\]/);
  });

  it("reports bad entrypoints, duplicate names and malformed schedules", () => {
    const doc = new PrefectYamlDocument({ name: "x" })
      .addDeployment({ name: "a", entrypoint: "flows/etl.py" })
      .addDeployment({ name: "a", entrypoint: "f.py:g", schedules: [Schedule.cron("* *"), Schedule.interval(0)] });
    const problems = doc.problems();
    expect(problems.map((p) => [p.prop, p.value, p.rule])).toEqual([
      ['deployments["a"].entrypoint', "flows/etl.py", "DeploymentEntrypoint"],
      ['deployments["a"].name', "a", "DeploymentName"],
      ['deployments["a"].schedules[0].cron', "* *", "CronExpression"],
      ['deployments["a"].schedules[1].interval', 0, "PositiveSeconds"],
    ]);
    expect(problems[0].fix).toBe('e.g. "flows/etl.py:etl"');
    expect(problems[1].problem).toMatch(/used twice/);
  });

  it("reports a plain schedule object (JavaScript skips the types) as ScheduleKind, naming the factory", () => {
    const plain = { cron: "0 * * * *", timezone: "UTC" };
    const mixed = { cron: "0 * * * *", interval: 5 };
    const doc = new PrefectYamlDocument({ name: "x" }).addDeployment({ name: "a", entrypoint: "f.py:g", schedules: [plain as any, mixed as any] });
    expect(doc.problems()).toEqual([
      {
        prop: 'deployments["a"].schedules[0]',
        value: plain,
        rule: "ScheduleKind",
        problem: "must be a Schedule made by Schedule.cron, Schedule.interval or Schedule.rrule",
        fix: 'write Schedule.cron("0 * * * *", { ...the other fields })',
      },
      {
        prop: 'deployments["a"].schedules[1]',
        value: mixed,
        rule: "ScheduleKind",
        problem: "must be a Schedule made by Schedule.cron, Schedule.interval or Schedule.rrule",
        fix: "use Schedule.cron(...), Schedule.interval(...) or Schedule.rrule(...), one per schedule",
      },
    ]);
  });

  it("never writes a Terraform token: it names the field and the fix", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const bucket = new TerraformVariable(stack, "bucket", { type: "string" }).stringValue;
    const doc = new PrefectYamlDocument({ name: "x", pushSteps: [Steps.pushToS3({ id: "p", bucket, folder: "f" })] });
    expect(doc.problems()).toEqual([
      expect.objectContaining({ prop: "push[0].prefect_aws.deployments.steps.push_to_s3.bucket", value: bucket, rule: "NoTerraformTokenInPrefectYaml", fix: expect.stringMatching(/prefect\.variables/) }),
    ]);
    expect(() => doc.toObject()).toThrow(/push\[0\]\.prefect_aws\.deployments\.steps\.push_to_s3\.bucket.*Terraform token.*prefect\.variables/s);
  });

  it("runs shell scripts with env maps that keep their keys", () => {
    const step = Steps.runShellScript({ id: "sh", script: "echo hi", env: { TOKEN: new BlockRef("secret", "t", undefined, true) } });
    expect(step.toYaml()["prefect.deployments.steps.run_shell_script"]).toEqual({
      id: "sh",
      script: "echo hi",
      env: { TOKEN: "{{ prefect.blocks.secret.t }}" },
    });
    expect(stepSignatureErrors(step.toYaml())).toEqual([]);
  });
});

describe("step signature check (the test oracle itself)", () => {
  it("rejects unknown parameters and missing required ones", () => {
    expect(stepSignatureErrors({ "prefect_aws.deployments.steps.push_to_s3": { bucket: "b", foldr: "f" } })).toEqual([
      "prefect_aws.deployments.steps.push_to_s3 has no parameter foldr",
      "prefect_aws.deployments.steps.push_to_s3 requires folder",
    ]);
    expect(stepSignatureErrors({ "prefect_gcp.deployment.steps.push_to_gcs": {} })).toEqual([
      "unknown step function prefect_gcp.deployment.steps.push_to_gcs",
    ]);
  });
});

describe(".prefectignore", () => {
  it("has the defaults, the user's patterns and the marker", () => {
    const text = new PrefectIgnoreFile(["data/"]).render();
    const lines = text.split("\n");
    expect(lines[0]).toBe(`# ${GeneratedFile.MARKER}`);
    for (const p of [".git/", ".venv/", "__pycache__/", ".env", "*.tfstate"]) expect(lines).toContain(p);
    expect(lines).toContain("data/");
    expect(DEFAULT_PREFECT_IGNORE).not.toContain("data/");
  });

  it("refuses multi-line patterns", () => {
    expect(() => new PrefectIgnoreFile(["a\nb"])).toThrow(/single line/);
  });
});
