/**
 * Every example stack, synthesized as `npm run synth` does: its prefect.yaml is what `prefect deploy`
 * accepts (Prefect's schema and step signatures), every block or variable it references is created
 * by the same stack, and nothing secret or unresolved reaches a file.
 */
import { blockDataErrors, blockReferences, prefectYamlSchemaErrors, stepParameters, stepSignatureErrors, stepsOf } from "./support/shared";
import { SynthesizedStack, synthExampleApp } from "./support/synth-app";

const app = synthExampleApp();
afterAll(() => app.cleanup());
const byName = (name: string) => app.stacks.find((s) => s.name === name)!;
const prefectBlocks = (s: SynthesizedStack): any[] => Object.values(s.config.resource?.prefect_block ?? {});

describe.each(app.stacks.map((s) => [s.name, s] as const))("example stack %s", (_name, stack) => {
  it("writes prefect.yaml that validates against Prefect's JSON schema", () => {
    expect(stack.prefectYaml).toBeDefined();
    expect(prefectYamlSchemaErrors(stack.prefectYaml)).toEqual([]);
  });

  it("uses only real step functions with their real parameters", () => {
    const steps = stepsOf(stack.prefectYaml);
    expect(steps.length).toBeGreaterThan(0);
    for (const { where, step } of steps) expect({ where, errors: stepSignatureErrors(step) }).toEqual({ where, errors: [] });
  });

  it("references only blocks that a prefect_block of this stack creates with that slug and name", () => {
    const created = new Set(prefectBlocks(stack).map((b) => `${b.type_slug}/${b.name}`));
    const referenced = blockReferences(stack.prefectYaml).map((ref) => `${ref.slug}/${ref.name}`);
    expect(referenced.filter((r) => !created.has(r))).toEqual([]);
  });

  it("references only Prefect variables this stack creates", () => {
    const created = new Set(Object.values(stack.config.resource?.prefect_variable ?? {}).map((v: any) => v.name));
    const text = stack.files["prefect.yaml"];
    const referenced = [...text.matchAll(/\{\{\s*prefect\.variables\.([a-z0-9_-]+)\s*\}\}/g)].map((m) => m[1]);
    expect(referenced.filter((name) => !created.has(name))).toEqual([]);
  });

  it("leaks no Terraform token into any generated file", () => {
    for (const [file, text] of Object.entries(stack.files)) {
      expect({ file, leaks: text.match(/\$\{|TfToken|TOKEN\.\d+/g) }).toEqual({ file, leaks: null });
    }
  });

  it("puts no secret literal in cdk.tf.json: block data is a Terraform expression over resource attributes or variables", () => {
    const json = JSON.stringify(stack.config);
    expect(json).not.toMatch(/AKIA[0-9A-Z]{16}|-----BEGIN|aws_secret_access_key\\":\\"/);
    for (const b of prefectBlocks(stack)) expect(b.data ?? b.data_wo).toMatch(/^\$\{jsonencode\(\{.*\}\)\}$/);
  });

  it("writes a .prefectignore exactly when a step uploads the directory (a step with Prefect's ignore_file parameter)", () => {
    const pushes = stepsOf(stack.prefectYaml).some(({ step }) => stepParameters(Object.keys(step)[0]).includes("ignore_file"));
    expect(".prefectignore" in stack.files).toBe(pushes);
    if (pushes) expect(stack.files[".prefectignore"].split("\n")).toEqual(expect.arrayContaining([".git/", ".venv/", "__pycache__/"]));
  });
});

describe("s3-users", () => {
  const stack = byName("s3-users");

  it("is the seed's s3 recipe with one credentials block per side", () => {
    const [push] = stack.prefectYaml.push;
    const [pull] = stack.prefectYaml.pull;
    const pushArgs = push["prefect_aws.deployments.steps.push_to_s3"];
    const pullArgs = pull["prefect_aws.deployments.steps.pull_from_s3"];
    expect(pushArgs).toMatchObject({ id: "push_code", requires: "prefect-aws>=0.4.1", bucket: "acme-prefect-flow-code", folder: "etl/" });
    expect(pullArgs).toMatchObject({ id: "pull_code", requires: "prefect-aws>=0.4.1", bucket: "{{ push_code.bucket }}", folder: "{{ push_code.folder }}" });
    expect(pushArgs.credentials).not.toEqual(pullArgs.credentials);
    expect(blockReferences(stack.prefectYaml).map((r) => r.slug)).toEqual(["aws-credentials", "aws-credentials"]);
  });

  it("fills each aws-credentials block with schema fields from its own access key", () => {
    const blocks = prefectBlocks(stack);
    expect(blocks).toHaveLength(2);
    for (const b of blocks) {
      const side = b.name.endsWith("-push") ? "push" : "pull";
      expect(b.data).toContain(`aws_iam_access_key.flow-code_${side}-access-key`);
      const fields = [...b.data.matchAll(/"([a-z_]+)" =/g)].map((m: RegExpMatchArray) => m[1]);
      expect(blockDataErrors("aws-credentials", Object.fromEntries(fields.map((f) => [f, "x"])))).toEqual([]);
      expect(fields).toEqual(expect.arrayContaining(["aws_access_key_id", "aws_secret_access_key"]));
    }
  });

  it("outputs bucket and block names but no secret", () => {
    const outputs = stack.config.output;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(["flow-code_bucket_name", "flow-code_push_block", "flow-code_pull_block"]));
    expect(JSON.stringify(outputs)).not.toMatch(/secret/);
  });
});

describe("s3-keyless", () => {
  const stack = byName("s3-keyless");

  it("has no key, no block and steps without credentials", () => {
    expect(stack.config.resource.aws_iam_access_key).toBeUndefined();
    expect(stack.config.resource.prefect_block).toBeUndefined();
    for (const { step } of stepsOf(stack.prefectYaml)) expect(Object.values(step)[0]).not.toHaveProperty("credentials");
  });

  it("reads the folder suffix from the deploy environment, as in Prefect's guide", () => {
    expect(stack.prefectYaml.push[0]["prefect_aws.deployments.steps.push_to_s3"].folder).toBe("reports/{{ $PREFECT_ENV }}/");
  });
});
