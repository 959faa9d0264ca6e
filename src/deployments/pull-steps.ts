import { DeploymentPullStep } from "../prefect/provider/deployment";
import { Step } from "../prefect/steps/step";
import { EnvRef, renderValue, StepOutputRef, TemplateRef, TemplateString, TemplateValue } from "../prefect/template";

/** Pull step types the Prefect provider's `prefect_deployment.pull_steps` knows. */
export const PROVIDER_PULL_STEP_TYPES = [
  "set_working_directory",
  "git_clone",
  "run_shell_script",
  "pip_install_requirements",
  "pull_from_s3",
  "pull_from_gcs",
  "pull_from_azure_blob_storage",
] as const;

/** Step parameter (Prefect's name) -> provider pull step field (binding's camelCase name). */
const FIELDS: Record<string, keyof DeploymentPullStep> = {
  access_token: "accessToken",
  branch: "branch",
  bucket: "bucket",
  container: "container",
  credentials: "credentials",
  directory: "directory",
  env: "env",
  expand_env_vars: "expandEnvVars",
  folder: "folder",
  include_submodules: "includeSubmodules",
  repository: "repository",
  requirements_file: "requirementsFile",
  script: "script",
  stream_output: "streamOutput",
};

/**
 * The same pull steps prefect.yaml gets, as `prefect_deployment.pull_steps`. In prefect.yaml, a pull
 * step's `{{ push_code.bucket }}` is filled in by `prefect deploy` from the push step's result; with
 * no `prefect deploy`, it is filled in here from the push step's own parameter of that name (the push
 * steps return their inputs). Block and variable references stay: the worker resolves them at run time.
 * Anything the provider cannot express is refused with the reason, never dropped.
 */
export function providerPullSteps(pull: Step[], earlier: Step[]): DeploymentPullStep[] {
  return pull.map((step, i) => {
    const where = `pull[${i}] (${step.fn})`;
    const type = step.shortName as (typeof PROVIDER_PULL_STEP_TYPES)[number];
    if (!PROVIDER_PULL_STEP_TYPES.includes(type)) {
      throw new Error(`${where}: prefect_deployment pull_steps has no type "${type}"; keep this deployment to prefect.yaml.`);
    }
    const out: Record<string, unknown> = { type };
    if (step.requires) out.requires = step.requires;
    for (const [param, value] of Object.entries(step.params)) {
      if (value === undefined) continue;
      const field = FIELDS[param];
      if (!field) {
        throw new Error(`${where}: prefect_deployment pull_steps has no field for "${param}"; keep this deployment to prefect.yaml.`);
      }
      out[field] = renderValue(resolveOutputs(value, earlier, `${where}.${param}`), `${where}.${param}`);
    }
    return out as unknown as DeploymentPullStep;
  });
}

/** Replaces step-output references by the referenced step's parameter; refuses deploy-time env vars. */
function resolveOutputs(value: TemplateValue, earlier: Step[], where: string): TemplateValue {
  const resolveRef = (ref: TemplateRef): TemplateValue => {
    if (ref instanceof EnvRef) {
      throw new Error(`${where}: ${ref} is read from the environment of \`prefect deploy\`, which does not run here; use a fixed folder.`);
    }
    if (!(ref instanceof StepOutputRef)) return ref;
    const source = earlier.find((s) => s.id === ref.stepId);
    const resolved = source?.params[ref.key];
    if (resolved === undefined) {
      throw new Error(`${where}: ${ref} is only known when \`prefect deploy\` runs the step "${ref.stepId}"; it cannot be set by Terraform.`);
    }
    return resolveOutputs(resolved, earlier, where);
  };
  if (value instanceof TemplateRef) return resolveRef(value);
  if (value instanceof TemplateString) {
    return new TemplateString(value.parts.map((p) => (p instanceof TemplateRef ? String(resolveRef(p)) : p)));
  }
  if (Array.isArray(value)) return value.map((v) => resolveOutputs(v, earlier, where));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === undefined ? v : resolveOutputs(v, earlier, where)]));
  }
  return value;
}
