/**
 * The HCL exit path (HashiCorp's recommended way off cdktf): the example app synthesized with
 * `SYNTH_HCL_OUTPUT=true`, as `cdktf synth --hcl` runs it, still writes every stack's prefect.yaml and
 * .prefectignore, byte for byte as the JSON synthesis does, and the AWS examples' `cdk.tf`, with their
 * Prefect part set aside (packages/core/src/cli/terraform/hcl.ts), pass the real `terraform init` and `validate`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildApp, EXAMPLE_STACKS, ExampleStackName } from "../stacks/app";
import { matchingBrace, topLevelBlocks, withoutPrefectHcl } from "../packages/core/src/cli/terraform/hcl";
import { runTerraform, terraformEnv } from "../packages/core/src/cli/terraform/terraform";

const AWS_STACKS: ExampleStackName[] = ["s3-users", "s3-keyless", "s3-deployments", "docker-ecr"];
const NAMES = Object.keys(EXAMPLE_STACKS) as ExampleStackName[];
const root = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-hcl-"));
const jsonOut = path.join(root, "json");
const hclOut = path.join(root, "hcl");

/** cdktf reads SYNTH_HCL_OUTPUT when an App and each stack are constructed. */
function synth(outdir: string, hcl: boolean): void {
  const before = process.env.SYNTH_HCL_OUTPUT;
  if (hcl) process.env.SYNTH_HCL_OUTPUT = "true";
  else delete process.env.SYNTH_HCL_OUTPUT;
  try {
    buildApp({ outdir }).synth();
  } finally {
    if (before === undefined) delete process.env.SYNTH_HCL_OUTPUT;
    else process.env.SYNTH_HCL_OUTPUT = before;
  }
}

beforeAll(() => {
  synth(jsonOut, false);
  synth(hclOut, true);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const stackFile = (out: string, name: string, file: string) => path.join(out, "stacks", name, file);

describe("synthesis with hclOutput", () => {
  it.each(NAMES)("%s: writes cdk.tf in HCL, and prefect.yaml and .prefectignore exactly as the JSON synthesis does", (name) => {
    expect(fs.existsSync(stackFile(hclOut, name, "cdk.tf.json"))).toBe(false);
    const tf = fs.readFileSync(stackFile(hclOut, name, "cdk.tf"), "utf8");
    expect(tf.trimStart().startsWith("{")).toBe(false);
    expect(topLevelBlocks(tf).map((b) => b.header)).toContain("terraform");
    for (const file of ["prefect.yaml", ".prefectignore"]) {
      const json = stackFile(jsonOut, name, file);
      if (!fs.existsSync(json)) continue;
      expect({ file, text: fs.readFileSync(stackFile(hclOut, name, file), "utf8") }).toEqual({ file, text: fs.readFileSync(json, "utf8") });
    }
    expect(fs.existsSync(stackFile(hclOut, name, "prefect.yaml"))).toBe(fs.existsSync(stackFile(jsonOut, name, "prefect.yaml")));
  });
});

describe("withoutPrefectHcl", () => {
  it("finds the end of blocks whose strings hold interpolations with quotes and braces", () => {
    const text = 'resource "a" "b" {\nx = "${jsonencode({"k" = "}"})}"\ny {\nz = "\\"{"\n}\n}\nprovider "p" {\n}\n';
    expect(matchingBrace(text, text.indexOf("{"))).toBe(text.indexOf('\nprovider') - 1);
    expect(topLevelBlocks(text).map((b) => b.header)).toEqual(['resource "a" "b"', 'provider "p"']);
  });

  it("drops the Prefect resources, provider and required provider, and outputs reading them", () => {
    const text = [
      'terraform {\nrequired_providers {\n  aws = {\nsource = "aws"\n}\n  prefect = {\nversion = "~> 3.4"\nsource = "prefecthq/prefect"\n}\n}\n}',
      'provider "prefect" {\n}',
      'resource "aws_s3_bucket" "b" {\nbucket = "x"\n}',
      'resource "prefect_block" "k" {\ndata = "${jsonencode({"bucket" = aws_s3_bucket.b.bucket})}"\n}',
      'output "block" {\nvalue = prefect_block.k.id\n}',
      'output "bucket" {\nvalue = aws_s3_bucket.b.bucket\n}',
    ].join("\n");
    const out = withoutPrefectHcl(text);
    expect(out).not.toMatch(/prefect_block|provider "prefect"|prefecthq/);
    expect(topLevelBlocks(out).map((b) => b.header)).toEqual(["terraform", 'resource "aws_s3_bucket" "b"', 'output "bucket"']);
    expect(out).toContain('aws = {\nsource = "aws"\n}');
  });

  it("refuses a stack whose other parts read a Prefect resource", () => {
    const text = 'resource "prefect_variable" "v" {\nname = "n"\n}\nresource "aws_s3_bucket" "b" {\nbucket = prefect_variable.v.value\n}\n';
    expect(() => withoutPrefectHcl(text)).toThrow(/bucket = prefect_variable\.v\.value/);
  });
});

/**
 * cdktf 0.21's HCL renderer quotes the references in `depends_on` (`"aws_s3_bucket_versioning.x"`),
 * which Terraform accepts with this deprecation warning; it is cdktf's output, not this library's.
 */
const CDKTF_QUOTED_DEPENDS_ON = (d: { severity: string; summary: string; snippet?: { code?: string } }) =>
  d.severity === "warning" && d.summary === "Quoted references are deprecated" && /^"[a-z0-9_]+\.[A-Za-z0-9_-]+",?$/.test(d.snippet?.code?.trim() ?? "");

describe.each(AWS_STACKS)("%s: the HCL passes terraform init and validate", (name) => {
  it("with no error, and no warning but cdktf's quoted depends_on", () => {
    const workdir = path.join(root, "validate", name);
    fs.mkdirSync(workdir, { recursive: true });
    fs.writeFileSync(path.join(workdir, "main.tf"), withoutPrefectHcl(fs.readFileSync(stackFile(hclOut, name, "cdk.tf"), "utf8")));
    // cdktf copies file assets (uploaded flow code) beside cdk.tf and refers to them by relative path.
    const assets = path.join(hclOut, "stacks", name, "assets");
    if (fs.existsSync(assets)) fs.symlinkSync(assets, path.join(workdir, "assets"), "dir");
    const env = terraformEnv(workdir);
    runTerraform(["init", "-backend=false", "-input=false", "-no-color"], { cwd: workdir, env });
    const validate = JSON.parse(runTerraform(["validate", "-json", "-no-color"], { cwd: workdir, env, allowFailure: true }).stdout);
    expect({ valid: validate.valid, diagnostics: validate.diagnostics.filter((d: any) => !CDKTF_QUOTED_DEPENDS_ON(d)) }).toEqual({ valid: true, diagnostics: [] });
  });
});
