/**
 * Every typed step against Prefect: its function exists in step-signatures.json, its name table
 * (camelCase prop → Prefect's parameter name) names real parameters and every parameter, its props
 * interface has the signature's required-ness, `Steps` has its factory and the factory renders through
 * the table, it declares `.prefectignore` use exactly when the function takes `ignore_file`, and its
 * outputs are the ones the facts sheet (../shared/prefect/README.md, "Outputs") lists.
 */
import * as path from "path";
import * as aws from "../packages/core/src/prefect/steps/aws";
import * as azure from "../packages/core/src/prefect/steps/azure";
import * as core from "../packages/core/src/prefect/steps/core";
import * as docker from "../packages/core/src/prefect/steps/docker";
import * as gcp from "../packages/core/src/prefect/steps/gcp";
import { Step, StepDefinition, unknownStepProps } from "../packages/core/src/prefect/steps/step";
import { Steps } from "../packages/core/src/prefect/steps/steps";
import { parseInterfaces } from "./support/interfaces";
import { readShared, stepParameters } from "./support/shared";

// From the facts sheet's "Outputs" paragraph, plus the core steps it does not list (Prefect's
// deployments/steps/utility.py: run_shell_script and pip_install_requirements return stdout/stderr,
// set_working_directory (deployments/steps/pull.py) returns the absolute directory).
const FACTS_OUTPUTS: Record<string, string[]> = {
  "prefect_aws.deployments.steps.push_to_s3": ["bucket", "folder"],
  "prefect_aws.deployments.steps.pull_from_s3": ["bucket", "folder", "directory"],
  "prefect_gcp.deployments.steps.push_to_gcs": ["bucket", "folder"],
  "prefect_gcp.deployments.steps.pull_from_gcs": ["bucket", "folder", "directory"],
  "prefect_azure.deployments.steps.push_to_azure_blob_storage": ["container", "folder"],
  "prefect_azure.deployments.steps.pull_from_azure_blob_storage": ["container", "folder", "directory"],
  "prefect.deployments.steps.git_clone": ["directory"],
  "prefect_docker.deployments.steps.build_docker_image": ["image_name", "tag", "image", "image_id", "additional_tags"],
  "prefect_docker.deployments.steps.push_docker_image": ["image_name", "tag", "image", "additional_tags"],
  "prefect.deployments.steps.run_shell_script": ["stdout", "stderr"],
  "prefect.deployments.steps.pip_install_requirements": ["stdout", "stderr"],
  "prefect.deployments.steps.set_working_directory": ["directory"],
};

const BUILD = "prefect_docker.deployments.steps.build_docker_image";

/**
 * Parameters a typed step deliberately does not offer as a prop (none today: every parameter of every
 * typed step has one). A parameter listed here must still exist in the signature.
 */
const LEFT_OUT: Record<string, string[]> = {};

/**
 * Keyword arguments a step takes through its `**varkw` rather than as named parameters:
 * build_docker_image hands these to docker-py's `APIClient.build` (DockerBuildOptions, and `platform`).
 */
const VARKW_ARGS: Record<string, string[]> = {
  [BUILD]: ["path", "buildargs", "target", "pull", "nocache", "labels", "network_mode", "platform"],
};

const signatures = readShared<Record<string, { params: Array<{ name: string; required: boolean }>; varkw: string | null }>>("step-signatures.json");

/** Each definition const (`PUSH_TO_S3`) with its name table (`PUSH_TO_S3_PARAMS`), the file it is in and its props interface. */
interface TypedStep {
  constName: string;
  definition: StepDefinition;
  table: Record<string, string>;
  file: string;
  propsInterface: string;
  /** The static method of Steps that makes this step (found by the definition it uses), if any. */
  factory?: string;
}

const MODULES: Array<[string, Record<string, unknown>]> = [
  ["core.ts", core],
  ["aws.ts", aws],
  ["gcp.ts", gcp],
  ["azure.ts", azure],
  ["docker.ts", docker],
];

/** `PUSH_TO_AZURE_BLOB_STORAGE` → `PushToAzureBlobStorage` (the props interface's stem). */
const pascal = (constName: string) => constName.toLowerCase().replace(/(?:^|_)([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Steps' static methods (the requirement pins are strings), each with the definition its step uses. */
const stepsFactories: Array<[string, StepDefinition]> = Object.getOwnPropertyNames(Steps)
  .filter((n) => typeof (Steps as unknown as Record<string, unknown>)[n] === "function")
  .map((n) => [n, (Steps as unknown as Record<string, (props: object) => Step>)[n]({}).definition]);

const typedSteps: TypedStep[] = MODULES.flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([name, v]) => /^[A-Z][A-Z0-9_]*$/.test(name) && typeof v === "object" && v !== null && typeof (v as StepDefinition).fn === "string")
    .map(([constName, definition]) => ({
      constName,
      definition: definition as StepDefinition,
      table: mod[`${constName}_PARAMS`] as Record<string, string>,
      file,
      propsInterface: `${pascal(constName)}Props`,
      factory: stepsFactories.find(([, d]) => d === definition)?.[0],
    })),
);

it("finds the typed steps: one definition and one name table per step", () => {
  expect(typedSteps.map((s) => s.constName).sort()).toEqual([
    "BUILD_DOCKER_IMAGE",
    "GIT_CLONE",
    "PIP_INSTALL_REQUIREMENTS",
    "PULL_FROM_AZURE_BLOB_STORAGE",
    "PULL_FROM_GCS",
    "PULL_FROM_S3",
    "PUSH_DOCKER_IMAGE",
    "PUSH_TO_AZURE_BLOB_STORAGE",
    "PUSH_TO_GCS",
    "PUSH_TO_S3",
    "RUN_SHELL_SCRIPT",
    "SET_WORKING_DIRECTORY",
  ]);
  for (const s of typedSteps) expect({ step: s.constName, hasTable: typeof s.table === "object" }).toEqual({ step: s.constName, hasTable: true });
});

describe.each(typedSteps.map((s) => [s.constName, s] as const))("%s", (_name, { definition, table, file, propsInterface, factory }) => {
  it("names a real Prefect step function", () => {
    expect(stepParameters(definition.fn).length).toBeGreaterThan(0);
  });

  it("its name table's values are the function's parameters (or what its **kwargs take), and cover every parameter not deliberately left out", () => {
    const params = stepParameters(definition.fn);
    const varkw = signatures[definition.fn].varkw ? VARKW_ARGS[definition.fn] ?? [] : [];
    const values = Object.values(table);
    for (const value of values) expect({ value, known: params.includes(value) || varkw.includes(value) }).toEqual({ value, known: true });
    const leftOut = LEFT_OUT[definition.fn] ?? [];
    for (const p of leftOut) expect(params).toContain(p);
    expect(params.filter((p) => !values.includes(p) && !leftOut.includes(p))).toEqual([]);
    // One prop per parameter: no two props map onto the same name.
    expect(new Set(values).size).toBe(values.length);
    // `id` and `requires` are Prefect's reserved step keys, never parameters.
    expect(Object.keys(table)).not.toContain("id");
    expect(Object.keys(table)).not.toContain("requires");
  });

  it(`its props interface has a field per table entry, optional exactly where the parameter has a default`, () => {
    const ifaces = parseInterfaces(path.join(__dirname, "..", "packages", "core", "src", "prefect", "steps", file));
    const props = ifaces.get(propsInterface);
    expect(props).toBeDefined();
    // Own fields plus those of the interfaces it extends in the same file (StepOptions excluded).
    const inherited = props!.heritage.filter((h) => h !== "StepOptions").flatMap((h) => ifaces.get(h)?.properties ?? []);
    const fields = [...props!.properties, ...inherited];
    expect(fields.map((f) => f.name).sort()).toEqual(Object.keys(table).sort());
    for (const f of fields) {
      const sig = signatures[definition.fn].params.find((p) => p.name === table[f.name]);
      const required = sig?.required ?? false; // **kwargs are never required
      expect({ prop: f.name, optional: f.optional }).toEqual({ prop: f.name, optional: !required });
    }
  });

  it(`has a factory on Steps (Steps.${factory}), which renders every prop under its Prefect name`, () => {
    expect(factory).toBeDefined();
    const make = (Steps as unknown as Record<string, (props: object) => Step>)[factory!];
    const props = Object.fromEntries(Object.keys(table).map((k) => [k, `value-of-${k}`]));
    const step = make({ id: "s", ...props });
    expect(step).toBeInstanceOf(Step);
    expect(step.definition).toBe(definition);
    expect(step.kwargs).toEqual(Object.fromEntries(Object.entries(table).map(([k, to]) => [to, `value-of-${k}`])));
    expect(step.toYaml()).toEqual({ [definition.fn]: { id: "s", ...(definition.requires ? { requires: definition.requires } : {}), ...step.kwargs } });
    expect(unknownStepProps(step)).toEqual([]);
  });

  it("declares .prefectignore use exactly when the function takes ignore_file", () => {
    expect(!!definition.readsPrefectIgnore).toBe(stepParameters(definition.fn).includes("ignore_file"));
  });

  it("declares the outputs Prefect's function returns", () => {
    expect([...definition.outputs].sort()).toEqual([...(FACTS_OUTPUTS[definition.fn] ?? ["<not in the table>"])].sort());
  });
});

it("covers every step function the facts sheet names outputs for", () => {
  const defined = new Set(typedSteps.map((s) => s.definition.fn));
  for (const fn of Object.keys(FACTS_OUTPUTS)) expect(defined).toContain(fn);
});

it("Steps has one factory for each typed step and nothing else (besides the requirement pins)", () => {
  expect(stepsFactories.map(([n]) => n).sort()).toEqual(typedSteps.map((s) => s.factory).sort());
  expect(stepsFactories.map(([, d]) => d.fn).sort()).toEqual(typedSteps.map((s) => s.definition.fn).sort());
  expect(Steps.PREFECT_AWS_REQUIRES).toBe(aws.PREFECT_AWS_REQUIRES);
  expect(Steps.PREFECT_GCP_REQUIRES).toBe(gcp.PREFECT_GCP_REQUIRES);
  expect(Steps.PREFECT_AZURE_REQUIRES).toBe(azure.PREFECT_AZURE_REQUIRES);
  expect(Steps.PREFECT_DOCKER_REQUIRES).toBe(docker.PREFECT_DOCKER_REQUIRES);
});

it("a prop the table does not know (e.g. Prefect's snake_case name from JavaScript) is kept out of the kwargs and recorded", () => {
  const step = Steps.gitClone({ repository: "https://github.com/acme/flows.git", commit_sha: "abc" } as any);
  expect(step.kwargs).toEqual({ repository: "https://github.com/acme/flows.git" });
  expect(unknownStepProps(step)).toEqual(["commit_sha"]);
});

it("new Step(definition, kwargs, options) takes any function's kwargs under their own names", () => {
  const step = new Step(
    { fn: "prefect.deployments.steps.pull_with_block", outputs: [] },
    { block_document_name: "flows", block_type_slug: "s3-bucket", unset: undefined as unknown as string },
    { id: "pull", requires: "prefect>=3" },
  );
  expect(step.kwargs).toEqual({ block_document_name: "flows", block_type_slug: "s3-bucket" });
  expect(step.toYaml()).toEqual({
    "prefect.deployments.steps.pull_with_block": { id: "pull", requires: "prefect>=3", block_document_name: "flows", block_type_slug: "s3-bucket" },
  });
  expect(step.shortName).toBe("pull_with_block");
});
