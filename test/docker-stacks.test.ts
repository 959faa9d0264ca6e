/**
 * The four Docker example stacks (stacks/docker-*.ts) synthesized as `npm run synth` would, into a
 * temp dir: each prefect.yaml passes Prefect's JSON schema and step signatures, references only
 * blocks and variables the same stack creates, and nothing secret or unresolved reaches a file.
 * Then what each example is meant to show. (docker-terraform.test.ts plans the AWS ones.)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { parse } from "yaml";
import { DockerAcrStack } from "../stacks/docker-acr";
import { DockerCiBuiltStack, RELEASE_TAG } from "../stacks/docker-ci-built";
import { DockerEcrStack } from "../stacks/docker-ecr";
import { DockerGarStack } from "../stacks/docker-gar";
import { blockDataErrors, blockReferences, prefectYamlSchemaErrors, stepSignatureErrors, stepsOf } from "./support/shared";

interface ExampleStack {
  config: any;
  files: Record<string, string>;
  prefectYaml: any;
}

const STACKS = { "docker-ecr": DockerEcrStack, "docker-gar": DockerGarStack, "docker-acr": DockerAcrStack, "docker-ci-built": DockerCiBuiltStack } as const;
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "docker-stacks-"));
const flowProjectDir = path.join(outdir, "flow-project");
const examples: Record<string, ExampleStack> = (() => {
  const app = new App({ outdir });
  for (const [name, Stack] of Object.entries(STACKS)) new Stack(app, name, { flowProjectDir: path.join(flowProjectDir, name) });
  app.synth();
  return Object.fromEntries(
    Object.keys(STACKS).map((name) => {
      const dir = path.join(outdir, "stacks", name);
      const files: Record<string, string> = {};
      for (const f of fs.readdirSync(dir, { withFileTypes: true })) if (f.isFile() && f.name !== "cdk.tf.json") files[f.name] = fs.readFileSync(path.join(dir, f.name), "utf8");
      return [name, { config: JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")), files, prefectYaml: parse(files["prefect.yaml"]) }];
    }),
  );
})();
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

const BUILD = "prefect_docker.deployments.steps.build_docker_image";
const PUSH = "prefect_docker.deployments.steps.push_docker_image";
const CHDIR = "prefect.deployments.steps.set_working_directory";
const prefectBlocks = (s: ExampleStack): any[] => Object.values(s.config.resource?.prefect_block ?? {});
/** Every resource of `type`, without cdktf's `//` metadata. */
const all = (s: ExampleStack, type: string): any[] =>
  Object.values(s.config.resource?.[type] ?? {}).map((r: any) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== "//")));
/** Block data as Terraform would fill it in: each expression replaced by a sample string. */
const blockFields = (data: string) =>
  Object.fromEntries([...data.matchAll(/"([a-z_]+)" = ("[^"]*"|[^,}]+)/g)].map((m) => [m[1], m[2].startsWith('"') ? JSON.parse(m[2]) : "sample"]));

describe.each(Object.entries(examples))("example stack %s", (name, stack) => {
  it("writes prefect.yaml that validates against Prefect's JSON schema", () => {
    expect(prefectYamlSchemaErrors(stack.prefectYaml)).toEqual([]);
  });

  it("uses only real step functions with their real parameters", () => {
    const steps = stepsOf(stack.prefectYaml);
    expect(steps.map((s) => Object.keys(s.step)[0])).toEqual(name === "docker-ci-built" ? [CHDIR] : [BUILD, PUSH, CHDIR]);
    for (const { where, step } of steps) expect({ where, errors: stepSignatureErrors(step) }).toEqual({ where, errors: [] });
  });

  it("references only blocks that a prefect_block of this stack creates with that slug and name, and only variables it creates", () => {
    const created = new Set(prefectBlocks(stack).map((b) => `${b.type_slug}/${b.name}`));
    const refs = blockReferences(stack.prefectYaml);
    for (const ref of refs) expect(created).toContain(`${ref.slug}/${ref.name}`);
    expect(refs.length).toBe(created.size);
    const variables = new Set(all(stack, "prefect_variable").map((v) => v.name));
    for (const m of stack.files["prefect.yaml"].matchAll(/\{\{\s*prefect\.variables\.([a-z0-9_-]+)\s*\}\}/g)) expect(variables).toContain(m[1]);
  });

  it("leaks no Terraform token into any generated file", () => {
    for (const [file, text] of Object.entries(stack.files)) expect({ file, leaks: text.match(/\$\{|TfToken|TOKEN\.\d+/g) }).toEqual({ file, leaks: null });
  });

  it("puts no secret literal in cdk.tf.json; block data is an expression whose fields fit the block schema", () => {
    const json = JSON.stringify(stack.config);
    expect(json).not.toMatch(/AKIA[0-9A-Z]{16}|-----BEGIN|"private_key":|\\"password\\" = \\"/);
    for (const b of prefectBlocks(stack)) {
      expect(b.data ?? b.data_wo).toMatch(/^\$\{jsonencode\(\{.*\}\)\}$/);
      expect(blockDataErrors(b.type_slug, blockFields(b.data ?? b.data_wo))).toEqual([]);
    }
  });

  it("every deployment runs the image and starts in the code's directory inside it", () => {
    const [deployment] = stack.prefectYaml.deployments;
    const image = deployment.work_pool.job_variables.image;
    expect(image).toBe(name === "docker-ci-built" ? `123456789012.dkr.ecr.eu-central-1.amazonaws.com/acme/prefect-reports:${RELEASE_TAG}` : "{{ build_image.image }}");
    expect(stack.prefectYaml.pull).toEqual([{ [CHDIR]: { directory: expect.stringMatching(/^\/opt\/prefect\/(etl|reports)$/) } }]);
  });

  it("creates the work pool the deployment names, of an image type", () => {
    const pools = all(stack, "prefect_work_pool");
    expect(pools.map((p) => p.name)).toEqual([stack.prefectYaml.deployments[0].work_pool.name]);
    expect(pools[0].type).not.toBe("process");
  });

  it("also writes the generated files into the flow project directory", () => {
    for (const [file, text] of Object.entries(stack.files)) expect(fs.readFileSync(path.join(flowProjectDir, name, file), "utf8")).toBe(text);
  });
});

describe("docker-ecr example", () => {
  const stack = examples["docker-ecr"];

  it("builds for linux/amd64 into the ECR repository and pushes without a credentials block (CI logs in: 12-hour tokens)", () => {
    expect(stack.prefectYaml.build[0][BUILD]).toEqual({
      id: "build_image",
      requires: "prefect-docker>=0.3.1",
      image_name: "123456789012.dkr.ecr.eu-central-1.amazonaws.com/acme/prefect-etl",
      dockerfile: "Dockerfile",
      platform: "linux/amd64",
    });
    expect(stack.prefectYaml.push[0][PUSH]).not.toHaveProperty("credentials");
    expect(prefectBlocks(stack)).toEqual([]);
  });

  it("runs on an ecs:push pool with the task execution role that may pull", () => {
    expect(all(stack, "prefect_work_pool")).toEqual([{ name: "ecs-push", type: "ecs:push" }]);
    const pull = all(stack, "aws_iam_role_policy").find((p) => p.role === "prefect-ecs-task-execution");
    expect(stack.prefectYaml.deployments[0].work_pool.job_variables.execution_role_arn).toBe(`arn:aws:iam::123456789012:role/${pull.role}`);
  });
});

describe("docker-gar example", () => {
  const stack = examples["docker-gar"];

  it("pushes with the docker-registry-credentials block holding the service account key (user _json_key)", () => {
    expect(stack.prefectYaml.push[0][PUSH].credentials).toBe("{{ prefect.blocks.docker-registry-credentials.prefect-flows-etl-push }}");
    const [block] = prefectBlocks(stack);
    expect(blockFields(block.data)).toEqual({ username: "_json_key", password: "sample", registry_url: "europe-west1-docker.pkg.dev" });
    expect(block.data).toMatch(/"password" = base64decode\(google_service_account_key\.images_push-key_[0-9A-F]{8}\.private_key\)/);
  });

  it("binds writer for the push account and reader for the runs' Cloud Run service agent, on the repository only", () => {
    const bindings = all(stack, "google_artifact_registry_repository_iam_member").map((b) => [b.role, b.member]);
    expect(bindings.sort()).toEqual(
      [
        ["roles/artifactregistry.reader", "serviceAccount:service-123456789012@serverless-robot-prod.iam.gserviceaccount.com"],
        ["roles/artifactregistry.writer", expect.stringMatching(/^\$\{google_service_account\.images_push-service-account_[0-9A-F]{8}\.member\}$/)],
      ].sort(),
    );
    expect(all(stack, "prefect_work_pool")).toEqual([{ name: "cloud-run-pool", type: "cloud-run" }]);
  });
});

describe("docker-acr example", () => {
  const stack = examples["docker-acr"];

  it("pushes with a token that may only push prefect/etl", () => {
    expect(all(stack, "azurerm_container_registry_scope_map").map((m) => m.actions)).toEqual([["repositories/prefect/etl/content/read", "repositories/prefect/etl/content/write"]]);
    const [block] = prefectBlocks(stack);
    expect(stack.prefectYaml.push[0][PUSH].credentials).toBe(`{{ prefect.blocks.docker-registry-credentials.${block.name} }}`);
    expect(blockFields(block.data).registry_url).toBe("acmeprefectflows.azurecr.io");
    expect(all(stack, "azurerm_container_registry")).toEqual([expect.objectContaining({ admin_enabled: false, anonymous_pull_enabled: false })]);
  });

  it("lets the container groups' identity pull, and logs the group in with it", () => {
    expect(all(stack, "azurerm_role_assignment").map((a) => [a.role_definition_name, a.principal_id])).toEqual([["AcrPull", "3f0c5a0e-8a4b-4c7e-9d1f-2b6e8c4a7d90"]]);
    const vars = stack.prefectYaml.deployments[0].work_pool.job_variables;
    expect(vars.image_registry).toEqual({ registry_url: "acmeprefectflows.azurecr.io", identity: vars.identities[0] });
    expect(all(stack, "prefect_work_pool")).toEqual([{ name: "aci-pool", type: "azure-container-instance" }]);
  });
});

describe("docker-ci-built example", () => {
  const stack = examples["docker-ci-built"];
  const IMAGE = `123456789012.dkr.ecr.eu-central-1.amazonaws.com/acme/prefect-reports:${RELEASE_TAG}`;

  it("has no build or push section and no .prefectignore (nothing is uploaded)", () => {
    expect(stack.prefectYaml).not.toHaveProperty("build");
    expect(stack.prefectYaml).not.toHaveProperty("push");
    expect(Object.keys(stack.files)).toEqual(["prefect.yaml"]);
  });

  it("the work pool references the image directly: its template's default image is the release", () => {
    const [pool] = all(stack, "prefect_work_pool");
    const template = JSON.parse(pool.base_job_template);
    expect(template.variables.properties.image.default).toBe(IMAGE);
    expect(template.job_configuration.image).toBe("{{ image }}");
    expect(pool).toMatchObject({ name: "reports-docker", type: "docker", concurrency_limit: 4 });
  });

  it("registers the deployment with Terraform: literal image, the provider's set_working_directory step, the schedule", () => {
    const [deployment] = all(stack, "prefect_deployment");
    expect(JSON.parse(deployment.job_variables)).toEqual({ image: IMAGE });
    expect(deployment.pull_steps).toEqual([{ type: "set_working_directory", directory: "/opt/prefect/reports" }]);
    expect(deployment.work_pool_name).toBe("reports-docker");
    expect(all(stack, "prefect_deployment_schedule")).toEqual([expect.objectContaining({ interval: 3600 })]);
  });

  it("creates nothing about the existing repository, only the grants", () => {
    expect(stack.config.resource.aws_ecr_repository).toBeUndefined();
    expect(all(stack, "aws_iam_role_policy").map((p) => p.role).sort()).toEqual(["github-actions-image-build", "prefect-docker-worker-host"]);
  });
});
