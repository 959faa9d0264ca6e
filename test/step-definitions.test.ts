/**
 * Every typed step factory against Prefect: its function exists in step-signatures.json, it declares
 * `.prefectignore` use exactly when the function takes `ignore_file`, and its outputs are the ones the
 * facts sheet (../shared/prefect/README.md, "Outputs") lists.
 */
import * as steps from "../src/prefect/steps";
import { Step } from "../src/prefect/steps/step";
import { stepParameters } from "./support/shared";

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

const factories = Object.entries(steps).filter(([name, v]) => typeof v === "function" && name !== "defineStep" && name !== "Step") as Array<
  [string, (params: any) => Step]
>;

describe.each(factories.map(([name, make]) => [name, make({}).definition] as const))("step factory %s", (_name, definition) => {
  it("names a real Prefect step function", () => {
    expect(stepParameters(definition.fn).length).toBeGreaterThan(0);
  });

  it("declares .prefectignore use exactly when the function takes ignore_file", () => {
    expect(!!definition.readsPrefectIgnore).toBe(stepParameters(definition.fn).includes("ignore_file"));
  });

  it("declares the outputs Prefect's function returns", () => {
    expect([...definition.outputs].sort()).toEqual([...(FACTS_OUTPUTS[definition.fn] ?? ["<not in the table>"])].sort());
  });
});

it("covers every step function the facts sheet names outputs for", () => {
  const defined = new Set(factories.map(([, make]) => make({}).definition.fn));
  for (const fn of Object.keys(FACTS_OUTPUTS)) expect(defined).toContain(fn);
});
