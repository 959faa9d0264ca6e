import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { KnownValue } from "../packages/core/src/prefect/known-value";
import { BlockRef, VariableRef } from "../packages/core/src/prefect/template";
import { PrefectProject } from "../packages/core/src/project/prefect-project";
import { Steps } from "../packages/core/src/prefect/steps/steps";
import { SecretBlock } from "../packages/core/src/prefect/blocks/secret";
import { PrefectProvider } from "../packages/core/src/prefect/provider/provider";
import { Variable } from "../packages/core/src/prefect/provider/variable";
import { Step } from "../packages/core/src/prefect/steps/step";
import { ICodeStorage } from "../packages/core/src/storage/code-storage";
import { TerraformVariable } from "cdktf";

/** A storage stand-in: the project only needs the steps and ignore patterns. */
class StaticStorage extends Construct implements ICodeStorage {
  readonly buildSteps: Step[] = [];
  readonly jobVariables = {};
  constructor(scope: Construct, id: string, readonly pushSteps: Step[], readonly pullSteps: Step[], readonly ignorePatterns: string[] = []) {
    super(scope, id);
  }
  get literalPullSteps(): Step[] {
    return this.pullSteps;
  }
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-project-"));

function setup(push: Step[], pull: Step[], outputDirectory?: string) {
  const outdir = tmp();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "proj");
  new PrefectProvider(stack, "prefect");
  const storage = new StaticStorage(stack, "storage", push, pull, ["data/"]);
  const project = new PrefectProject(stack, "project", {
    name: "demo",
    storage,
    outputDirectory,
    deployments: [{ name: "d", entrypoint: "flows/f.py:f" }],
  });
  return { app, stack, project, outdir };
}

describe("PrefectProject", () => {
  it("writes prefect.yaml and .prefectignore next to cdk.tf.json at synth", () => {
    const { app, outdir } = setup([Steps.pushToS3({ id: "push_code", bucket: "b", folder: "f" })], []);
    app.synth();
    const dir = path.join(outdir, "stacks", "proj");
    expect(fs.readdirSync(dir).sort()).toEqual([".prefectignore", "cdk.tf.json", "prefect.yaml"]);
    expect(fs.readFileSync(path.join(dir, ".prefectignore"), "utf8")).toContain("\ndata/\n");
  });

  it("also writes to the flow project directory when asked", () => {
    const flowDir = tmp();
    const { app } = setup([Steps.pushToS3({ id: "push_code", bucket: "b", folder: "f" })], [], flowDir);
    app.synth();
    expect(fs.readdirSync(flowDir).sort()).toEqual([".prefectignore", "prefect.yaml"]);
  });

  it("writes no .prefectignore when nothing is pushed", () => {
    const { project } = setup([], [Steps.pullFromS3({ bucket: "b", folder: "f" })]);
    expect(Object.keys(project.renderFiles())).toEqual(["prefect.yaml"]);
  });

  it("fails synth when a referenced block is not created in the stack", () => {
    const { app } = setup([Steps.pushToS3({ id: "push_code", bucket: "b", folder: "f", credentials: new BlockRef("aws-credentials", "missing") })], []);
    expect(() => app.synth()).toThrow(/refers to no aws-credentials block named "missing" in this stack/);
  });

  it("accepts references to blocks and variables the stack creates", () => {
    const { app, stack, outdir } = setup(
      [Steps.pushToS3({ id: "push_code", bucket: new VariableRef("bucket_name"), folder: "f" })],
      [Steps.pullFromS3({ bucket: "b", folder: "f", credentials: new BlockRef("secret", "tok", undefined, true) })],
    );
    new SecretBlock(stack, "tok", { name: "tok", value: new TerraformVariable(stack, "t", { sensitive: true }).stringValue });
    new Variable(stack, "bucket-var", { name: "bucket_name", value: "b" });
    app.synth();
    expect(fs.readFileSync(path.join(outdir, "stacks", "proj", "prefect.yaml"), "utf8")).toContain("{{ prefect.variables.bucket_name }}");
  });

  it("fails synth when a referenced variable is not created in the stack", () => {
    const { app } = setup([Steps.pushToS3({ id: "push_code", bucket: new VariableRef("nope"), folder: "f" })], []);
    expect(() => app.synth()).toThrow(/refers to no Prefect variable named "nope"/);
  });
});

describe("KnownValue.orVariable", () => {
  it("passes a value known at synth through, and routes a Terraform token through a prefect_variable", () => {
    const stack = new TerraformStack(new App({ outdir: tmp() }), "vars");
    new PrefectProvider(stack, "prefect");
    expect(KnownValue.orVariable(stack, "known", "acme-flows", "bucket_name")).toBe("acme-flows");
    const token = new TerraformVariable(stack, "bucket", { type: "string" }).stringValue;
    const ref = KnownValue.orVariable(stack, "unknown", token, "bucket_name");
    expect(ref).toBeInstanceOf(VariableRef);
    expect(String(ref)).toBe("{{ prefect.variables.bucket_name }}");
    const variables = JSON.parse(Testing.synth(stack)).resource.prefect_variable;
    expect(Object.values(variables)).toEqual([{ name: "bucket_name", value: "${var.bucket}" }]);
  });

});
