import { DeploymentPullStep, pullStepFieldFor } from "../prefect/provider/deployment";
import { Step } from "../prefect/steps/step";
import { ValidationErrors } from "../validation/errors";
import { deployTimeRefs, EnvRef, renderValue, TemplateValue } from "../prefect/template";
import { CHECKS } from "../validation/checks";

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

/**
 * Pull steps as `prefect_deployment.pull_steps`, from steps whose values are literal (a storage's
 * `literalPullSteps`): no `prefect deploy` runs to fill in step outputs or deploy-time environment
 * variables, so those are problems. Block and variable references stay: the worker resolves them at
 * run time. Anything the provider cannot express is reported with the reason, never dropped.
 */
export function providerPullSteps(pull: Step[], errors: ValidationErrors): DeploymentPullStep[] {
  const keepToYaml = "keep this deployment to prefect.yaml (manageWithTerraform: false)";
  return pull.map((step, i) => {
    const where = `pull[${i}].${step.fn}`;
    const type = step.shortName as (typeof PROVIDER_PULL_STEP_TYPES)[number];
    if (!PROVIDER_PULL_STEP_TYPES.includes(type)) {
      errors.add(where, type, CHECKS.TerraformPullStep, `is not a type prefect_deployment pull_steps has (${PROVIDER_PULL_STEP_TYPES.join(", ")})`, keepToYaml);
    }
    const out: Record<string, unknown> = { stepType: type };
    if (step.requires) out.requires = step.requires;
    for (const [param, value] of Object.entries(step.kwargs)) {
      if (value === undefined) continue;
      const field = param === "type" || param === "requires" ? undefined : pullStepFieldFor(param);
      if (!field) {
        errors.add(`${where}.${param}`, value === null || typeof value !== "object" ? value : String(value), CHECKS.TerraformPullStep, "has no field in prefect_deployment pull_steps", keepToYaml);
        continue;
      }
      if (literal(value, `${where}.${param}`, errors)) out[field] = renderValue(value, `${where}.${param}`);
    }
    return out as unknown as DeploymentPullStep;
  });
}

/** Whether `value` holds only what Terraform can store; deploy-time references are reported. */
function literal(value: TemplateValue, where: string, errors: ValidationErrors): boolean {
  const deployTime = deployTimeRefs(value);
  for (const ref of deployTime) {
    if (ref instanceof EnvRef) {
      errors.add(where, String(ref), CHECKS.TerraformPullStep, "is read from the environment of `prefect deploy`, which does not run for a Terraform-managed deployment", "use a fixed folder (no folderFromEnv), or keep this deployment to prefect.yaml");
    } else {
      errors.add(where, String(ref), CHECKS.TerraformPullStep, "is a step output, filled in only by `prefect deploy`; Terraform cannot set it", "give the pull step literal values, or keep this deployment to prefect.yaml");
    }
  }
  return deployTime.length === 0;
}
