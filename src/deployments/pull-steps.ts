import { DeploymentPullStep } from "../prefect/provider/deployment";
import { Step } from "../prefect/steps/step";
import { ValidationErrors } from "../validation/errors";
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
export function providerPullSteps(pull: Step[], earlier: Step[], errors: ValidationErrors): DeploymentPullStep[] {
  const keepToYaml = "keep this deployment to prefect.yaml (manageWithTerraform: false)";
  return pull.map((step, i) => {
    const where = `pull[${i}].${step.fn}`;
    const type = step.shortName as (typeof PROVIDER_PULL_STEP_TYPES)[number];
    if (!PROVIDER_PULL_STEP_TYPES.includes(type)) {
      errors.add(where, type, "TerraformPullStep", `is not a type prefect_deployment pull_steps has (${PROVIDER_PULL_STEP_TYPES.join(", ")})`, keepToYaml);
    }
    const out: Record<string, unknown> = { type };
    if (step.requires) out.requires = step.requires;
    for (const [param, value] of Object.entries(step.params)) {
      if (value === undefined) continue;
      const field = FIELDS[param];
      if (!field) {
        errors.add(`${where}.${param}`, value === null || typeof value !== "object" ? value : String(value), "TerraformPullStep", "has no field in prefect_deployment pull_steps", keepToYaml);
        continue;
      }
      const resolved = resolveOutputs(value, earlier, `${where}.${param}`, errors);
      if (resolved !== undefined) out[field] = renderValue(resolved, `${where}.${param}`);
    }
    return out as unknown as DeploymentPullStep;
  });
}

/**
 * Replaces step-output references by the referenced step's parameter; deploy-time env vars and
 * outputs only a step run can give are recorded as problems (the value is then undefined).
 */
function resolveOutputs(value: TemplateValue, earlier: Step[], where: string, errors: ValidationErrors): TemplateValue | undefined {
  let unresolvable = false;
  const resolveRef = (ref: TemplateRef): TemplateValue => {
    if (ref instanceof EnvRef) {
      errors.add(where, String(ref), "TerraformPullStep", "is read from the environment of `prefect deploy`, which does not run for a Terraform-managed deployment", "use a fixed folder (no folderFromEnv), or keep this deployment to prefect.yaml");
      unresolvable = true;
      return "";
    }
    if (!(ref instanceof StepOutputRef)) return ref;
    const source = earlier.find((s) => s.id === ref.stepId);
    const resolved = source?.params[ref.key];
    if (resolved === undefined) {
      errors.add(where, String(ref), "TerraformPullStep", `is only known when \`prefect deploy\` runs the step "${ref.stepId}"; Terraform cannot set it`, "use a fixed value, or keep this deployment to prefect.yaml");
      unresolvable = true;
      return "";
    }
    return resolveOutputs(resolved, earlier, where, errors) ?? "";
  };
  const walk = (v: TemplateValue): TemplateValue => {
    if (v instanceof TemplateRef) return resolveRef(v);
    if (v instanceof TemplateString) return new TemplateString(v.parts.map((p) => (p instanceof TemplateRef ? String(resolveRef(p)) : p)));
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === undefined ? x : walk(x)]));
    return v;
  };
  const out = walk(value);
  return unresolvable ? undefined : out;
}
