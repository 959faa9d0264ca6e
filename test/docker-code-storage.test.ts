/**
 * Code baked into images: the docker-registry-credentials block against Prefect's block schema, the
 * build_docker_image / push_docker_image steps against Prefect's step signatures, DockerImageCodeStorage
 * (build + push at `prefect deploy`) and PrebuiltImageCodeStorage (built by CI) with each registry,
 * the prefect.yaml they make (Prefect's schema; no Terraform token), image work pools, and every bad
 * input refused at synth.
 */
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { parse } from "yaml";
import { FlowDeployment } from "../packages/core/src/deployments/flow-deployment";
import { BaseJobTemplate, ImageWorkPool, ImageWorkPoolProps, withDefaultImage } from "../packages/core/src/deployments/work-pools";
import { DockerRegistryCredentialsBlock } from "../packages/core/src/prefect/blocks/docker-registry-credentials";
import { PrefectProvider } from "../packages/core/src/prefect/provider/provider";
import { WorkPool } from "../packages/core/src/prefect/provider/work-pool";
import { WorkPoolType } from "../packages/core/src/core/work-pool-type";
import { BUILD_DOCKER_IMAGE_PARAMS, DOCKER_BUILD_OPTION_NAMES, PREFECT_DOCKER_REQUIRES, PUSH_DOCKER_IMAGE_PARAMS } from "../packages/core/src/prefect/steps/docker";
import { Steps } from "../packages/core/src/prefect/steps/steps";
import { PrefectProject } from "../packages/core/src/project/prefect-project";
import { ArtifactRegistryDockerRepository } from "../packages/google/src/artifact-registry/artifact-registry";
import { AzureContainerRegistry } from "../packages/azure/src/acr/azure-container-registry";
import { DockerImageCodeStorage, DockerImageCodeStorageProps } from "../packages/core/src/storage/docker/docker-image-code-storage";
import { EcrPushIdentity } from "../packages/aws/src/ecr/ecr-identity";
import { EcrRegistry } from "../packages/aws/src/ecr/ecr-registry";
import { PrebuiltImageCodeStorage, PrebuiltImageCodeStorageProps } from "../packages/core/src/storage/docker/prebuilt-image-code-storage";
import { IImageRegistry } from "../packages/core/src/storage/docker/registry";
import { ValidationError } from "../packages/core/src/validation/errors";
import { parseInterfaces } from "./support/interfaces";
import { blockDataErrors, blockSchema, prefectYamlSchemaErrors, readShared, stepSignatureErrors, stepsOf } from "./support/shared";
import { captureValidationError, expectOneLinePerProblem, problemAssertionsAt, reported } from "./support/validation";

const STACK = "test-stack";
const ECR_IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/acme/etl";
const BUILD = "prefect_docker.deployments.steps.build_docker_image";
const PUSH = "prefect_docker.deployments.steps.push_docker_image";
const CHDIR = "prefect.deployments.steps.set_working_directory";
const signatures = readShared<Record<string, { params: Array<{ name: string; required: boolean }>; varkw: string | null }>>("step-signatures.json");

type Cloud = "aws" | "google" | "azure";
function newStack(cloud: Cloud = "aws"): TerraformStack {
  const stack = new TerraformStack(Testing.app(), STACK);
  if (cloud === "aws") new AwsProvider(stack, "aws", { region: "eu-central-1" });
  if (cloud === "google") new GoogleProvider(stack, "google", { project: "acme-prefect" });
  if (cloud === "azure") new AzurermProvider(stack, "azurerm", { features: [{}] });
  new PrefectProvider(stack, "prefect");
  return stack;
}

const registries: Record<Cloud, (stack: TerraformStack, options?: { immutableTags?: boolean }) => IImageRegistry> = {
  aws: (stack, o = {}) =>
    new EcrRegistry(stack, "images", { accountId: "123456789012", region: "eu-central-1", repositoryName: "acme/etl", pushIdentity: EcrPushIdentity.role("ci"), ...o }),
  google: (stack, o = {}) => new ArtifactRegistryDockerRepository(stack, "images", { project: "acme-prefect", location: "europe-west1", repositoryId: "flows", image: "etl", ...o }),
  azure: (stack) => new AzureContainerRegistry(stack, "images", { registryName: "acmeflows", resourceGroupName: "rg", location: "westeurope", repository: "prefect/etl" }),
};

/** A stack with one registry of `cloud` and a DockerImageCodeStorage (id `code`) on it. */
function dockerStorage(cloud: Cloud, props: Partial<DockerImageCodeStorageProps> = {}, registryOptions: { immutableTags?: boolean } = {}) {
  const stack = newStack(cloud);
  const registry = registries[cloud](stack, registryOptions);
  const storage = new DockerImageCodeStorage(stack, "code", { registry, codeDirectory: "/opt/prefect/etl", ...props });
  return { stack, registry, storage };
}

/** prefect.yaml as a project with one deployment renders it. */
function renderYaml(stack: TerraformStack, storage: DockerImageCodeStorage | PrebuiltImageCodeStorage, jobVariables?: Record<string, any>): any {
  const project = new PrefectProject(stack, "project", {
    name: "etl",
    storage,
    deployments: [{ name: "nightly", entrypoint: "flows/etl.py:etl", workPool: { name: "pool", jobVariables } }],
  });
  Testing.synth(stack, true); // runs the project's validations (block and variable references)
  return parse(project.renderFiles()["prefect.yaml"]);
}

// ---------------------------------------------------------------------------------------------
// Block and steps against Prefect's own schema and signatures
// ---------------------------------------------------------------------------------------------

describe("DockerRegistryCredentialsBlock", () => {
  it("its data interface has a field for each of the block schema's, with the same required-ness (username, password, registryUrl required)", () => {
    const parsed = parseInterfaces(path.join(__dirname, "..", "packages", "core", "src", "prefect", "blocks", "docker-registry-credentials.ts")).get("DockerRegistryCredentialsData")!;
    const schema = blockSchema("docker-registry-credentials");
    const fields = DockerRegistryCredentialsBlock.FIELDS as Record<string, string>;
    expect(parsed.properties.map((p) => p.name).sort()).toEqual(Object.keys(fields).sort());
    expect(Object.values(fields).sort()).toEqual(Object.keys(schema.properties).sort());
    const required = new Set(schema.required ?? []);
    expect([...required].sort()).toEqual(["password", "registry_url", "username"]);
    for (const p of parsed.properties) expect({ field: p.name, optional: p.optional }).toEqual({ field: p.name, optional: !required.has(fields[p.name]) });
  });

  it("data from a sensitive variable validates, stays an expression, and the block is referenced whole", () => {
    const stack = newStack();
    const password = new TerraformVariable(stack, "registry_password", { type: "string", sensitive: true }).stringValue;
    const block = new DockerRegistryCredentialsBlock(stack, "creds", { name: "ghcr-push", data: { username: "ci", password, registryUrl: "ghcr.io", reauth: false } });
    const json = JSON.parse(Testing.synth(stack));
    const [resource] = Object.values(json.resource.prefect_block) as any[];
    expect(resource).toEqual({
      name: "ghcr-push",
      type_slug: "docker-registry-credentials",
      data: '${jsonencode({"username" = "ci", "password" = var.registry_password, "registry_url" = "ghcr.io", "reauth" = false})}',
    });
    expect(blockDataErrors("docker-registry-credentials", { username: "ci", password: "sample", registry_url: "ghcr.io", reauth: false })).toEqual([]);
    expect(blockDataErrors("docker-registry-credentials", { username: "ci", registry_url: "ghcr.io" })).not.toEqual([]);
    expect(block.reference().toString()).toBe("{{ prefect.blocks.docker-registry-credentials.ghcr-push }}");
    expect(block.reference().isString).toBe(false); // a dict: push_docker_image's credentials takes it whole
    expect(blockSchema("docker-registry-credentials").properties.password.writeOnly).toBe(true);
  });
});

describe("build_docker_image and push_docker_image", () => {
  it("use Prefect's module, the recipes' pin, and the outputs the facts sheet lists", () => {
    expect(PREFECT_DOCKER_REQUIRES).toBe("prefect-docker>=0.3.1");
    const build = Steps.buildDockerImage({ id: "build_image", imageName: ECR_IMAGE });
    const push = Steps.pushDockerImage({ id: "push_image", imageName: build.output("image_name") });
    expect(build.fn).toBe(BUILD);
    expect(push.fn).toBe(PUSH);
    expect(build.requires).toBe("prefect-docker>=0.3.1");
    expect(push.requires).toBe("prefect-docker>=0.3.1");
    expect([...build.definition.outputs].sort()).toEqual(["additional_tags", "image", "image_id", "image_name", "tag"]);
    expect([...push.definition.outputs].sort()).toEqual(["additional_tags", "image", "image_name", "tag"]);
    expect(() => push.output("image_id")).toThrow(/has no output "image_id"/);
  });

  it("the typed props name exactly the functions' own parameters (build options aside, which build_docker_image takes as **build_kwargs)", () => {
    const ifaces = parseInterfaces(path.join(__dirname, "..", "packages", "core", "src", "prefect", "steps", "docker.ts"));
    const names = (iface: string) => ifaces.get(iface)!.properties.map((p) => p.name).sort();
    const params = (fn: string) => signatures[fn].params.map((p) => p.name).sort();
    const buildOptions = Object.values(DOCKER_BUILD_OPTION_NAMES);
    // platform is a prop of its own but, like the build options, reaches docker-py through **build_kwargs.
    const viaBuildKwargs = [...buildOptions, "platform"];
    const buildTable = BUILD_DOCKER_IMAGE_PARAMS as Record<string, string>;
    expect(Object.values(buildTable).filter((n) => !viaBuildKwargs.includes(n)).sort()).toEqual(params(BUILD));
    expect(Object.values(buildTable).filter((n) => params(BUILD).includes(n))).not.toContain("platform");
    expect(Object.values(PUSH_DOCKER_IMAGE_PARAMS).sort()).toEqual(params(PUSH));
    expect(names("BuildDockerImageProps")).toEqual(Object.keys(buildTable).filter((k) => !(k in DOCKER_BUILD_OPTION_NAMES)).sort());
    expect(ifaces.get("BuildDockerImageProps")!.heritage).toEqual(["DockerBuildOptions", "StepOptions"]);
    expect(names("DockerBuildOptions")).toEqual(Object.keys(DOCKER_BUILD_OPTION_NAMES).sort());
    expect(names("DockerBuildOptions")).not.toContain("platform");
    expect(names("PushDockerImageProps")).toEqual(Object.keys(PUSH_DOCKER_IMAGE_PARAMS).sort());
    expect(signatures[BUILD].varkw).toBe("build_kwargs");
    expect(signatures[PUSH].varkw).toBeNull();
    // Required-ness follows the signatures: only image_name.
    for (const [iface, fn, table] of [["BuildDockerImageProps", BUILD, buildTable], ["PushDockerImageProps", PUSH, PUSH_DOCKER_IMAGE_PARAMS as Record<string, string>]] as const) {
      for (const p of ifaces.get(iface)!.properties) {
        const sig = signatures[fn].params.find((s) => s.name === table[p.name]);
        expect({ param: p.name, optional: p.optional }).toEqual({ param: p.name, optional: !sig?.required });
      }
    }
  });

  it("every build kwarg and parameter passes the signature check; an extra push parameter would not", () => {
    const build = Steps.buildDockerImage({
      id: "build_image",
      imageName: ECR_IMAGE,
      dockerfile: "Dockerfile",
      tag: "1",
      additionalTags: ["latest"],
      ignoreCache: true,
      persistDockerfile: false,
      dockerfileOutputPath: "Dockerfile.generated",
      buildBackend: "docker-py",
      platform: "linux/amd64",
      path: ".",
      buildargs: { PY: "3.12" },
      target: "runtime",
      pull: true,
      nocache: false,
      labels: { team: "data" },
      networkMode: "host",
    });
    expect(Object.keys(build.kwargs).sort()).toEqual(Object.values(BUILD_DOCKER_IMAGE_PARAMS).sort());
    expect(stepSignatureErrors(build.toYaml())).toEqual([]);
    const push = Steps.pushDockerImage({ id: "push_image", imageName: "x", tag: "1", credentials: "{{ prefect.blocks.docker-registry-credentials.x }}", additionalTags: ["a"], ignoreCache: true, buildBackend: "docker-py" });
    expect(Object.keys(push.kwargs).sort()).toEqual(Object.values(PUSH_DOCKER_IMAGE_PARAMS).sort());
    expect(stepSignatureErrors(push.toYaml())).toEqual([]);
    expect(stepSignatureErrors({ [PUSH]: { image_name: "x", platform: "linux/amd64" } })).toEqual([`${PUSH} has no parameter platform`]);
    expect(stepSignatureErrors({ [BUILD]: { tag: "1" } })).toEqual([`${BUILD} requires image_name`]);
  });
});

// ---------------------------------------------------------------------------------------------
// DockerImageCodeStorage
// ---------------------------------------------------------------------------------------------

describe("DockerImageCodeStorage with ECR (no credentials block: CI logs in)", () => {
  const { stack, storage } = dockerStorage("aws", { platform: "linux/amd64" });
  const doc = renderYaml(stack, storage, { cpu: 1024 });

  it("build: build_docker_image with id build_image, the repository URL, the Dockerfile and the platform; no tag (one per build)", () => {
    expect(doc.build).toEqual([
      { [BUILD]: { id: "build_image", requires: "prefect-docker>=0.3.1", image_name: ECR_IMAGE, dockerfile: "Dockerfile", platform: "linux/amd64" } },
    ]);
  });

  it("push: push_docker_image reading the build step's outputs, without credentials", () => {
    expect(doc.push).toEqual([
      { [PUSH]: { id: "push_image", requires: "prefect-docker>=0.3.1", image_name: "{{ build_image.image_name }}", tag: "{{ build_image.tag }}" } },
    ]);
  });

  it("pull: only set_working_directory to the code in the image", () => {
    expect(doc.pull).toEqual([{ [CHDIR]: { directory: "/opt/prefect/etl" } }]);
  });

  it("each deployment runs the built image (storage job variable under the deployment's own)", () => {
    expect(doc.deployments[0].work_pool.job_variables).toEqual({ image: "{{ build_image.image }}", cpu: 1024 });
    expect(String(storage.jobVariables.image)).toBe("{{ build_image.image }}");
  });

  it("the document passes Prefect's schema and every step its signature", () => {
    expect(prefectYamlSchemaErrors(doc)).toEqual([]);
    for (const { where, step } of stepsOf(doc)) expect({ where, errors: stepSignatureErrors(step) }).toEqual({ where, errors: [] });
  });

  it("exposes what work pools need: the registry kind, no fixed image (tags change per build), the code directory", () => {
    expect(storage.registryKind).toBe("ecr");
    expect(storage.fixedImage).toBeUndefined();
    expect(storage.codeDirectory).toBe("/opt/prefect/etl");
    expect(storage.ignorePatterns).toEqual([]);
  });
});

describe.each([
  ["google", "europe-west1-docker.pkg.dev/acme-prefect/flows/etl", "{{ prefect.blocks.docker-registry-credentials.flows-etl-push }}", "artifact-registry"],
  ["azure", "acmeflows.azurecr.io/prefect/etl", "{{ prefect.blocks.docker-registry-credentials.acmeflows-prefect-etl-push }}", "acr"],
] as const)("DockerImageCodeStorage with %s (push logs in with the registry's block)", (cloud, image, credentials, kind) => {
  const { stack, storage } = dockerStorage(cloud);
  const doc = renderYaml(stack, storage);

  it("builds the registry's image and pushes it with the block", () => {
    expect(doc.build[0][BUILD].image_name).toBe(image);
    expect(doc.push[0][PUSH]).toEqual({
      id: "push_image",
      requires: "prefect-docker>=0.3.1",
      image_name: "{{ build_image.image_name }}",
      tag: "{{ build_image.tag }}",
      credentials,
    });
    expect(storage.registryKind).toBe(kind);
  });

  it("references a block the stack creates, and passes Prefect's schema and signatures", () => {
    const blocks = (Object.values(JSON.parse(Testing.synth(stack)).resource.prefect_block) as any[]).map((b) => `{{ prefect.blocks.${b.type_slug}.${b.name} }}`);
    expect(blocks).toEqual([credentials]);
    expect(prefectYamlSchemaErrors(doc)).toEqual([]);
    for (const { step } of stepsOf(doc)) expect(stepSignatureErrors(step)).toEqual([]);
  });
});

describe("DockerImageCodeStorage: options", () => {
  it("tagFromEnv, additional tags (mutable repository), buildOptions and a Dockerfile path", () => {
    const { stack, storage } = dockerStorage(
      "aws",
      { tagFromEnv: "GITHUB_SHA", additionalTags: ["latest"], dockerfile: "docker/flows.Dockerfile", buildOptions: { buildargs: { PYTHON: "3.12" }, target: "runtime" } },
      { immutableTags: false },
    );
    const doc = renderYaml(stack, storage);
    expect(doc.build[0][BUILD]).toEqual({
      id: "build_image",
      requires: "prefect-docker>=0.3.1",
      image_name: ECR_IMAGE,
      tag: "{{ $GITHUB_SHA }}",
      dockerfile: "docker/flows.Dockerfile",
      additional_tags: ["latest"],
      buildargs: { PYTHON: "3.12" },
      target: "runtime",
    });
    expect(doc.push[0][PUSH].additional_tags).toBe("{{ build_image.additional_tags }}");
    for (const { step } of stepsOf(doc)) expect(stepSignatureErrors(step)).toEqual([]);
    expect(storage.fixedImage).toBeUndefined();
  });

  it("a fixed tag on a mutable repository is written and makes the image fixed", () => {
    const { storage } = dockerStorage("aws", { tag: "stable" }, { immutableTags: false });
    expect(storage.buildSteps[0].renderKwargs().tag).toBe("stable");
    expect(storage.fixedImage).toBe(`${ECR_IMAGE}:stable`);
  });

  it("auto Dockerfile is passed through", () => {
    const { storage } = dockerStorage("aws", { dockerfile: "auto", codeDirectory: "/opt/prefect/etl" });
    expect(storage.buildSteps[0].renderKwargs().dockerfile).toBe("auto");
  });

  it("an image name only known after apply reaches prefect.yaml through a Prefect variable, never as a token", () => {
    const stack = newStack();
    const registry = new EcrRegistry(stack, "images", {
      accountId: "123456789012",
      region: "eu-central-1",
      existingRepositoryName: new TerraformVariable(stack, "repo", { type: "string" }).stringValue,
      pushIdentity: EcrPushIdentity.role("ci"),
    });
    const storage = new DockerImageCodeStorage(stack, "code", { registry, codeDirectory: "/opt/prefect/etl" });
    const doc = renderYaml(stack, storage);
    const variables = Object.values(JSON.parse(Testing.synth(stack)).resource.prefect_variable) as any[];
    expect(variables).toEqual([{ name: "images_image", value: "123456789012.dkr.ecr.eu-central-1.amazonaws.com/${var.repo}" }]);
    expect(doc.build[0][BUILD].image_name).toBe("{{ prefect.variables.images_image }}");
    expect(JSON.stringify(doc)).not.toMatch(/\$\{|TfToken/);
  });

  it("a Terraform-managed deployment refuses the per-build image: only `prefect deploy` knows it", () => {
    const { stack, storage } = dockerStorage("aws");
    const project = new PrefectProject(stack, "project", { name: "etl", storage });
    expect(() => reported(new FlowDeployment(stack, "d", { project, name: "d", entrypoint: "flows/etl.py:etl", workPool: WorkPool.fromName("pool"), manageWithTerraform: true }))).toThrow(
      /jobVariables "\{\{ build_image\.image \}\}": is only known when `prefect deploy` runs its step.*\[TerraformDeploymentValue\]/,
    );
  });
});

describe("DockerImageCodeStorage: bad input", () => {
  const PATH = `${STACK}/code`;
  const { expectProblem, expectOnlyProblem } = problemAssertionsAt(PATH);
  const errorOf = (props: Partial<DockerImageCodeStorageProps>, registryOptions: { immutableTags?: boolean } = {}): ValidationError =>
    captureValidationError(() => dockerStorage("aws", props, registryOptions), props);
  const IMMUTABLE_FIX = "leave it unset (each build gets its own timestamp tag), use tagFromEnv with a value unique per build, or set immutableTags: false on the registry";

  it("a fixed tag or additional tags on an immutable repository: the second deploy could not push", () => {
    const error = errorOf({ tag: "latest", additionalTags: ["stable"] });
    expectProblem(error, { prop: "tag", value: "latest", rule: "DockerImmutableTag", problem: "is the same for every build, but the repository's tags are immutable", fix: IMMUTABLE_FIX });
    expectProblem(error, { prop: "additionalTags", value: ["stable"], rule: "DockerImmutableTag", problem: "the second deploy's push would be refused", fix: IMMUTABLE_FIX });
    expect(error.problems).toHaveLength(2);
  });

  it("tag rules, tag source conflict, env var name and platform, reported together", () => {
    const error = errorOf({ tag: "feature/x", tagFromEnv: "GIT-SHA", additionalTags: ["ok", ".bad"], platform: "Linux/AMD64" }, { immutableTags: false });
    expectProblem(error, { prop: "tag", value: "feature/x", rule: "DockerTag", problem: "must match", fix: 'use "feature-x"' });
    expectProblem(error, { prop: "tagFromEnv", value: "GIT-SHA", rule: "EnvVarName", problem: "must match", fix: 'use "GIT_SHA"' });
    expectProblem(error, { prop: "tagFromEnv", value: "GIT-SHA", rule: "DockerTagSource", problem: "cannot be combined with tag", fix: "drop one of them" });
    expectProblem(error, { prop: "additionalTags[1]", value: ".bad", rule: "DockerTag", problem: "must match", fix: 'use "bad"' });
    expectProblem(error, { prop: "platform", value: "Linux/AMD64", rule: "DockerPlatform", problem: "must be os/arch", fix: 'use "linux/amd64"' });
    expect(error.problems).toHaveLength(5);
    expectOneLinePerProblem(error);
  });

  it.each([
    ["opt/prefect", "AbsoluteDirectory", "is not absolute", "use an absolute path such as /srv/flows"],
    ["/opt/../etc", "AbsoluteDirectory", "contains a '..' segment", null],
    ["C:\\flows", "DockerCodeDirectory", "is a Windows path; flow images are Linux images", 'use a POSIX path such as "/opt/prefect/flows"'],
  ])("codeDirectory %j", (dir, rule, problem, fix) => {
    expectOnlyProblem(errorOf({ codeDirectory: dir }), { prop: "codeDirectory", value: dir, rule, problem, fix });
  });

  it("a codeDirectory only known after apply", () => {
    const stack = newStack();
    const registry = registries.aws(stack);
    const dir = new TerraformVariable(stack, "dir", { type: "string" }).stringValue;
    const error = captureValidationError(() => new DockerImageCodeStorage(stack, "code", { registry, codeDirectory: dir }));
    expectOnlyProblem(error, { prop: "codeDirectory", value: dir, rule: "DockerCodeDirectory", problem: "must be known at synth time", fix: "pass the literal path your Dockerfile copies the code to" });
  });

  it.each(["", "/abs/Dockerfile", "{{ $DOCKERFILE }}"])("dockerfile %j", (dockerfile) => {
    expectOnlyProblem(errorOf({ dockerfile }), {
      prop: "dockerfile",
      value: dockerfile,
      rule: "DockerDockerfile",
      problem: 'must be a path relative to where `prefect deploy` runs, or "auto"',
      fix: 'use "Dockerfile"',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// PrebuiltImageCodeStorage (CI builds the image)
// ---------------------------------------------------------------------------------------------

describe("PrebuiltImageCodeStorage", () => {
  const IMAGE = `${ECR_IMAGE}:1.4.2`;
  const prebuilt = (props: Partial<PrebuiltImageCodeStorageProps> = {}) => {
    const stack = newStack();
    const storage = new PrebuiltImageCodeStorage(stack, "code", { image: IMAGE, codeDirectory: "/opt/prefect/etl", ...props });
    return { stack, storage };
  };

  it("no build and no push steps; the pull step changes into the code; deployments run the image", () => {
    const { stack, storage } = prebuilt();
    const doc = renderYaml(stack, storage, { cpu: 512 });
    expect(doc).not.toHaveProperty("build");
    expect(doc).not.toHaveProperty("push");
    expect(doc.pull).toEqual([{ [CHDIR]: { directory: "/opt/prefect/etl" } }]);
    expect(doc.deployments[0].work_pool.job_variables).toEqual({ image: IMAGE, cpu: 512 });
    expect(prefectYamlSchemaErrors(doc)).toEqual([]);
    for (const { step } of stepsOf(doc)) expect(stepSignatureErrors(step)).toEqual([]);
    expect(storage.fixedImage).toBe(IMAGE);
    expect(storage.registryKind).toBe("ecr");
  });

  it.each([
    ["europe-west1-docker.pkg.dev/acme/flows/etl:1", "artifact-registry"],
    ["acmeflows.azurecr.io/etl@sha256:" + "c".repeat(64), "acr"],
    ["ghcr.io/acme/etl:1", undefined],
  ])("knows the registry of %s", (image, kind) => {
    expect(prebuilt({ image }).storage.registryKind).toBe(kind);
  });

  it("a Terraform-managed deployment gets the literal image and the provider's set_working_directory pull step", () => {
    const { stack, storage } = prebuilt();
    const project = new PrefectProject(stack, "project", { name: "etl", storage });
    new FlowDeployment(stack, "nightly", { project, name: "nightly", entrypoint: "flows/etl.py:etl", workPool: WorkPool.fromName("pool"), manageWithTerraform: true });
    const [deployment] = Object.values(JSON.parse(Testing.synth(stack)).resource.prefect_deployment) as any[];
    expect(JSON.parse(deployment.job_variables)).toEqual({ image: IMAGE });
    expect(deployment.pull_steps).toEqual([{ type: "set_working_directory", directory: "/opt/prefect/etl" }]);
  });

  it("an image only known after apply goes through a Prefect variable (named by the option or the construct id)", () => {
    const stack = newStack();
    const image = new TerraformVariable(stack, "image", { type: "string" }).stringValue;
    const storage = new PrebuiltImageCodeStorage(stack, "code", { image, codeDirectory: "/opt/prefect/etl", imageVariableName: "etl_image" });
    const doc = renderYaml(stack, storage);
    expect(doc.deployments[0].work_pool.job_variables).toEqual({ image: "{{ prefect.variables.etl_image }}" });
    expect(Object.values(JSON.parse(Testing.synth(stack)).resource.prefect_variable)).toEqual([{ name: "etl_image", value: "${var.image}" }]);
    expect(storage.registryKind).toBeUndefined();
    const other = newStack();
    const byId = new PrebuiltImageCodeStorage(other, "Flow-Code", { image: new TerraformVariable(other, "i", { type: "string" }).stringValue, codeDirectory: "/app" });
    expect(String(byId.jobVariables.image)).toBe("{{ prefect.variables.flow-code_image }}");
  });

  it("bad input: image reference, code directory and variable name, together", () => {
    const { expectProblem } = problemAssertionsAt(`${STACK}/code`);
    const error = captureValidationError(() => prebuilt({ image: ECR_IMAGE, codeDirectory: "app", imageVariableName: "Etl Image" }));
    expectProblem(error, { prop: "image", value: ECR_IMAGE, rule: "DockerImageReference", problem: "names no tag or digest", fix: "add the tag or digest CI pushed, e.g. <image>:<git sha>" });
    expectProblem(error, { prop: "codeDirectory", value: "app", rule: "AbsoluteDirectory", problem: "is not absolute", fix: "use an absolute path such as /srv/flows" });
    expectProblem(error, { prop: "imageVariableName", value: "Etl Image", rule: "VariableName", problem: "must match", fix: 'use "etl_image"' });
    expect(error.problems).toHaveLength(3);
  });
});

// ---------------------------------------------------------------------------------------------
// Image work pools
// ---------------------------------------------------------------------------------------------

/** A small template in Prefect's shape (job configuration with placeholders + variables schema). */
const TEMPLATE: BaseJobTemplate = {
  job_configuration: { image: "{{ image }}", env: "{{ env }}", command: "{{ command }}" },
  variables: { type: "object", properties: { image: { type: "string", title: "Image" }, env: { type: "object" }, command: { type: "string" } } },
};

describe("ImageWorkPool", () => {
  const pool = (cloud: Cloud, props: Partial<ImageWorkPoolProps>, storageProps: Partial<DockerImageCodeStorageProps> = {}, prebuiltImage?: string) => {
    const stack = newStack(cloud);
    const storage = prebuiltImage
      ? new PrebuiltImageCodeStorage(stack, "code", { image: prebuiltImage, codeDirectory: "/opt/prefect/etl" })
      : new DockerImageCodeStorage(stack, "code", { registry: registries[cloud](stack, { immutableTags: false }), codeDirectory: "/opt/prefect/etl", ...storageProps });
    const workPool = new ImageWorkPool(stack, "pool", { name: "images", poolType: WorkPoolType.DOCKER, storage, ...props });
    const [resource] = Object.values(JSON.parse(Testing.synth(stack)).resource.prefect_work_pool) as any[];
    return { workPool, resource };
  };
  const PREBUILT = `${ECR_IMAGE}:1.4.2`;

  it.each([
    ["aws", WorkPoolType.ECS_PUSH],
    ["aws", WorkPoolType.ECS],
    ["google", WorkPoolType.CLOUD_RUN_PUSH],
    ["google", WorkPoolType.CLOUD_RUN],
    ["azure", WorkPoolType.AZURE_CONTAINER_INSTANCE_PUSH],
    ["azure", WorkPoolType.KUBERNETES],
    ["aws", WorkPoolType.DOCKER],
  ] as const)("%s registry with a %s pool: a prefect_work_pool of that type, the server's template", (cloud, type) => {
    const { resource, workPool } = pool(cloud, { poolType: type });
    expect(resource).toEqual({ name: "images", type });
    expect(workPool.baseJobTemplate).toBeUndefined();
  });

  it("a CI-built image becomes the template's default image; the given template is not modified", () => {
    const before = JSON.stringify(TEMPLATE);
    const { resource, workPool } = pool("aws", { baseJobTemplate: TEMPLATE, concurrencyLimit: 3, description: "ETL", paused: true }, {}, PREBUILT);
    expect(JSON.parse(resource.base_job_template)).toEqual({
      ...TEMPLATE,
      variables: { ...TEMPLATE.variables, properties: { ...TEMPLATE.variables.properties, image: { type: "string", title: "Image", default: PREBUILT } } },
    });
    expect(resource).toMatchObject({ name: "images", type: "docker", concurrency_limit: 3, description: "ETL", paused: true });
    expect(workPool.defaultImage).toBe(PREBUILT);
    expect(JSON.stringify(TEMPLATE)).toBe(before);
    expect(withDefaultImage(TEMPLATE, "x").variables.properties.image.default).toBe("x");
  });

  it("a build with a fixed tag is a default too; a per-build tag leaves the template as given", () => {
    const fixed = pool("aws", { baseJobTemplate: TEMPLATE }, { tag: "stable" });
    expect(JSON.parse(fixed.resource.base_job_template).variables.properties.image.default).toBe(`${ECR_IMAGE}:stable`);
    const perBuild = pool("aws", { baseJobTemplate: TEMPLATE });
    expect(JSON.parse(perBuild.resource.base_job_template)).toEqual(TEMPLATE);
    expect(perBuild.workPool.defaultImage).toBeUndefined();
  });

  const errorOf = (cloud: Cloud, props: Partial<ImageWorkPoolProps>, prebuiltImage?: string) => captureValidationError(() => pool(cloud, props, {}, prebuiltImage), props);
  const { expectProblem, expectOnlyProblem } = problemAssertionsAt(`${STACK}/pool`);

  const POOLS = {
    "Amazon ECR": "ecs, ecs:push, docker or kubernetes",
    "Artifact Registry": "cloud-run, cloud-run:push, docker or kubernetes",
    "Azure Container Registry": "azure-container-instance, azure-container-instance:push, docker or kubernetes",
  } as const;
  it.each([
    ["google", WorkPoolType.ECS_PUSH, "Artifact Registry", "Amazon ECR"],
    ["azure", WorkPoolType.ECS_PUSH, "Azure Container Registry", "Amazon ECR"],
    ["aws", WorkPoolType.CLOUD_RUN_PUSH, "Amazon ECR", "Artifact Registry"],
    ["azure", WorkPoolType.CLOUD_RUN, "Azure Container Registry", "Artifact Registry"],
    ["aws", WorkPoolType.AZURE_CONTAINER_INSTANCE_PUSH, "Amazon ECR", "Azure Container Registry"],
    ["google", WorkPoolType.AZURE_CONTAINER_INSTANCE_PUSH, "Artifact Registry", "Azure Container Registry"],
  ] as const)("%s registry with a %s pool is refused", (cloud, type, registry, required) => {
    expectOnlyProblem(errorOf(cloud, { poolType: type }), {
      prop: "poolType",
      value: type,
      rule: "DockerWorkPoolRegistry",
      problem: `cannot pull from ${registry}: a ${type} pool runs flows in ${required}'s cloud and pulls from ${required}`,
      fix: `push the image to ${required}, or use a pool type of the registry's cloud (${POOLS[registry]})`,
    });
  });

  it("the registry of a CI-built image is read from its host", () => {
    expectOnlyProblem(errorOf("aws", { poolType: WorkPoolType.CLOUD_RUN_PUSH }, PREBUILT), {
      prop: "poolType",
      value: "cloud-run:push",
      rule: "DockerWorkPoolRegistry",
      problem: "cannot pull from Amazon ECR",
      fix: `push the image to Artifact Registry, or use a pool type of the registry's cloud (${POOLS["Amazon ECR"]})`,
    });
    expect(() => pool("aws", { poolType: WorkPoolType.ECS_PUSH }, {}, "ghcr.io/acme/etl:1")).not.toThrow();
  });

  it("process and unknown types, bad names and limits, reported together", () => {
    const process = errorOf("aws", { poolType: WorkPoolType.PROCESS, name: "etl/images", concurrencyLimit: -1 });
    expectProblem(process, { prop: "poolType", value: "process", rule: "DockerWorkPoolRegistry", problem: "runs flows in a local process", fix: 'use a container type such as "docker", "kubernetes" or "ecs"' });
    expectProblem(process, { prop: "name", value: "etl/images", rule: "WorkPoolName", problem: "contains /, which Prefect refuses in names", fix: 'use "etl-images"' });
    expectProblem(process, { prop: "concurrencyLimit", value: -1, rule: "WorkPoolConcurrency", problem: "must be a whole number, at least 0", fix: null });
    expect(process.problems).toHaveLength(3);
    expectOnlyProblem(errorOf("aws", { poolType: "lambda" as any }), { prop: "poolType", value: "lambda", rule: "WorkPoolType", problem: "must be one of docker, kubernetes", fix: null });
  });

  it("templates Prefect would refuse, or that cannot carry the default image", () => {
    expectOnlyProblem(errorOf("aws", { baseJobTemplate: { job_configuration: {} } as any }), {
      prop: "baseJobTemplate",
      value: ["job_configuration"],
      rule: "WorkPoolTemplate",
      problem: "must have a job_configuration object and variables.properties",
      fix: "start from `prefect work-pool get-default-base-job-template --type <type>`",
    });
    const undeclared = { ...TEMPLATE, job_configuration: { ...TEMPLATE.job_configuration, labels: "{{ labels }}", nested: { name: "{{ name }}", v: "{{ prefect.variables.x }}" } } };
    expectOnlyProblem(errorOf("aws", { baseJobTemplate: undeclared }), {
      prop: "baseJobTemplate.job_configuration",
      value: ["labels", "name"],
      rule: "WorkPoolTemplate",
      problem: "uses variables that variables.properties does not declare",
      fix: "declare them under variables.properties or remove the placeholders",
    });
    const noImage = { job_configuration: { env: "{{ env }}" }, variables: { properties: { env: { type: "object" } } } };
    expectOnlyProblem(errorOf("aws", { baseJobTemplate: noImage }, PREBUILT), {
      prop: "baseJobTemplate.variables.properties",
      value: ["env"],
      rule: "WorkPoolTemplate",
      problem: "has no image variable",
      fix: "add variables.properties.image and use {{ image }} in job_configuration",
    });
    // Without a fixed image, a template with no image variable is fine.
    expect(() => pool("aws", { baseJobTemplate: noImage })).not.toThrow();
  });
});
