// Hand-written binding for `prefect_deployment`: config interfaces + attribute tables (synthesized by resource.ts).
// See provider.ts for why it is hand-written and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";
import { AttributeTable, nestedList, nestedObject, PrefectResource, structToHclTerraform, structToTerraform } from "./resource";

/**
 * One pull step, as the provider flattens it: `type` picks the step, the other fields are that step's arguments.
 * Block and variable references (`{{ prefect.blocks.<slug>.<name> }}`) resolve on the worker at run time.
 */
export interface DeploymentPullStep {
  /**
   * set_working_directory, git_clone, run_shell_script, pip_install_requirements, pull_from_s3, pull_from_gcs
   * or pull_from_azure_blob_storage.
   */
  readonly stepType: string;
  /**
   * git_clone token. Not sensitive in the provider (stored in plain state): only a Secret block reference goes here.
   * @default - none: git_clone clones without a token (unless `credentials` is set)
   */
  readonly accessToken?: string;
  /**
   * git_clone branch.
   * @default - the repository's default branch
   */
  readonly branch?: string;
  /**
   * pull_from_s3 / pull_from_gcs bucket.
   * @default - none (required by pull_from_s3 and pull_from_gcs)
   */
  readonly bucket?: string;
  /**
   * pull_from_azure_blob_storage container.
   * @default - none (required by pull_from_azure_blob_storage)
   */
  readonly container?: string;
  /**
   * Credentials for git_clone or a pull_from_* step. Not sensitive in the provider: only a block reference goes here.
   * @default - none: git_clone clones without them (unless `accessToken` is set); pull_from_s3 and pull_from_gcs use the worker's default credentials; pull_from_azure_blob_storage fails without them
   */
  readonly credentials?: string;
  /**
   * set_working_directory / run_shell_script / pip_install_requirements directory.
   * @default - none (required by set_working_directory; the other steps run in the current directory)
   */
  readonly directory?: string;
  /**
   * run_shell_script environment variables.
   * @default - none
   */
  readonly env?: { [key: string]: string };
  /**
   * run_shell_script: expand `$VARS` in the script.
   * @default false (run_shell_script's default)
   */
  readonly expandEnvVars?: boolean | cdktf.IResolvable;
  /**
   * pull_from_* folder (key prefix) to download.
   * @default - none (required by the pull_from_* steps)
   */
  readonly folder?: string;
  /**
   * git_clone: also clone submodules.
   * @default false (git_clone's default)
   */
  readonly includeSubmodules?: boolean | cdktf.IResolvable;
  /**
   * git_clone repository URL.
   * @default - none (required by git_clone)
   */
  readonly repository?: string;
  /**
   * pip_install_requirements requirements file.
   * @default `requirements.txt` (pip_install_requirements's default)
   */
  readonly requirementsFile?: string;
  /**
   * pip requirement the step needs installed first (e.g. `prefect-aws>=0.4.1`).
   * @default - none: nothing is installed before the step runs
   */
  readonly requires?: string;
  /**
   * run_shell_script script.
   * @default - none (required by run_shell_script)
   */
  readonly script?: string;
  /**
   * run_shell_script / pip_install_requirements: stream the command's output to the run logs.
   * @default true (the steps' default)
   */
  readonly streamOutput?: boolean | cdktf.IResolvable;
}

const PULL_STEP_ATTRIBUTES: AttributeTable<DeploymentPullStep> = {
  stepType: { name: "type", kind: "string" },
  accessToken: { name: "access_token", kind: "string" },
  branch: { name: "branch", kind: "string" },
  bucket: { name: "bucket", kind: "string" },
  container: { name: "container", kind: "string" },
  credentials: { name: "credentials", kind: "string" },
  directory: { name: "directory", kind: "string" },
  env: { name: "env", kind: "stringMap" },
  expandEnvVars: { name: "expand_env_vars", kind: "boolean" },
  folder: { name: "folder", kind: "string" },
  includeSubmodules: { name: "include_submodules", kind: "boolean" },
  repository: { name: "repository", kind: "string" },
  requirementsFile: { name: "requirements_file", kind: "string" },
  requires: { name: "requires", kind: "string" },
  script: { name: "script", kind: "string" },
  streamOutput: { name: "stream_output", kind: "boolean" },
};

/**
 * The pull step field whose Terraform attribute is `name`. The provider names pull step attributes
 * exactly as Prefect names the step functions' parameters, so this one table also maps a step's
 * kwargs (`include_submodules`) to the struct (`includeSubmodules`).
 */
export function pullStepFieldFor(name: string): keyof DeploymentPullStep | undefined {
  const found = Object.entries(PULL_STEP_ATTRIBUTES).find(([, attribute]) => attribute.name === name);
  return found?.[0] as keyof DeploymentPullStep | undefined;
}

export function deploymentPullStepToTerraform(struct?: DeploymentPullStep | cdktf.IResolvable): any {
  return structToTerraform(PULL_STEP_ATTRIBUTES, struct);
}

export function deploymentPullStepToHclTerraform(struct?: DeploymentPullStep | cdktf.IResolvable): any {
  return structToHclTerraform(PULL_STEP_ATTRIBUTES, struct);
}

/** What happens to a run that would exceed the deployment's concurrency limit. */
export interface DeploymentConcurrencyOptions {
  /** `ENQUEUE` (wait for a slot) or `CANCEL_NEW`. */
  readonly collisionStrategy: string;
}

const CONCURRENCY_OPTIONS_ATTRIBUTES: AttributeTable<DeploymentConcurrencyOptions> = {
  collisionStrategy: { name: "collision_strategy", kind: "string" },
};

export function deploymentConcurrencyOptionsToTerraform(struct?: DeploymentConcurrencyOptions | cdktf.IResolvable): any {
  return structToTerraform(CONCURRENCY_OPTIONS_ATTRIBUTES, struct);
}

/** Configuration of a `prefect_deployment` resource: which flow it deploys, where its code comes from and where it runs. */
export interface DeploymentConfig extends cdktf.TerraformMetaArguments {
  /** ID of the flow this deploys (`Flow.id`). */
  readonly flowId: string;
  /** Deployment name, unique per flow. */
  readonly name: string;
  /**
   * Prefect Cloud account ID, overriding the provider's.
   * @default - the provider's account
   */
  readonly accountId?: string;
  /**
   * Maximum concurrent runs of this deployment.
   * @default - no limit
   */
  readonly concurrencyLimit?: number;
  /**
   * What to do with runs over `concurrencyLimit`.
   * @default - none
   */
  readonly concurrencyOptions?: DeploymentConcurrencyOptions;
  /**
   * Human-readable description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Reject runs whose parameters fail `parameterOpenapiSchema`.
   * @default true (the provider's default)
   */
  readonly enforceParameterSchema?: boolean | cdktf.IResolvable;
  /**
   * `path/to/file.py:flow_function`, relative to the pulled code.
   * @default - none
   */
  readonly entrypoint?: string;
  /**
   * ID of a global concurrency limit to take slots from.
   * @default - none
   */
  readonly globalConcurrencyLimitId?: string;
  /**
   * Work pool job variable overrides, as a JSON object string.
   * @default `{}` (the provider's default): no overrides
   */
  readonly jobVariables?: string;
  /**
   * OpenAPI schema of the flow's parameters, as a JSON string.
   * @default `{}` (the provider's default)
   */
  readonly parameterOpenapiSchema?: string;
  /**
   * Default flow parameters, as a JSON object string.
   * @default `{}` (the provider's default): no default parameters
   */
  readonly parameters?: string;
  /**
   * Working directory the flow runs from after the pull steps.
   * @default - none
   */
  readonly path?: string;
  /**
   * Pause the deployment's schedules.
   * @default false (the provider's default)
   */
  readonly paused?: boolean | cdktf.IResolvable;
  /**
   * Steps a worker runs to fetch the code before each flow run (prefect.yaml's `pull`).
   * @default - no pull steps (the provider's default is an empty list)
   */
  readonly pullSteps?: DeploymentPullStep[] | cdktf.IResolvable;
  /**
   * ID of a storage block (the Prefect 2 style of code storage; pull steps supersede it).
   * @default - none
   */
  readonly storageDocumentId?: string;
  /**
   * Deployment tags (a set: order and duplicates are not kept).
   * @default - no tags
   */
  readonly tags?: string[];
  /**
   * Free-form version label.
   * @default - none
   */
  readonly version?: string;
  /**
   * Work pool that runs this deployment.
   * @default - none: no work pool, so no worker picks up its runs
   */
  readonly workPoolName?: string;
  /**
   * Work queue within the pool.
   * @default - the work pool's default queue
   */
  readonly workQueueName?: string;
  /**
   * Prefect Cloud workspace ID, overriding the provider's.
   * @default - the provider's workspace
   */
  readonly workspaceId?: string;
}

// concurrency_options and pull_steps are nested attributes, not blocks: see nestedObject / nestedList in resource.ts.
const ATTRIBUTES: AttributeTable<DeploymentConfig> = {
  flowId: { name: "flow_id", kind: "string" },
  name: { name: "name", kind: "string" },
  accountId: { name: "account_id", kind: "string" },
  concurrencyLimit: { name: "concurrency_limit", kind: "number" },
  concurrencyOptions: {
    name: "concurrency_options",
    kind: nestedObject(deploymentConcurrencyOptionsToTerraform, "DeploymentConcurrencyOptions"),
  },
  description: { name: "description", kind: "string" },
  enforceParameterSchema: { name: "enforce_parameter_schema", kind: "boolean" },
  entrypoint: { name: "entrypoint", kind: "string" },
  globalConcurrencyLimitId: { name: "global_concurrency_limit_id", kind: "string" },
  jobVariables: { name: "job_variables", kind: "string" },
  parameterOpenapiSchema: { name: "parameter_openapi_schema", kind: "string" },
  parameters: { name: "parameters", kind: "string" },
  path: { name: "path", kind: "string" },
  paused: { name: "paused", kind: "boolean" },
  pullSteps: {
    name: "pull_steps",
    kind: nestedList(deploymentPullStepToTerraform, deploymentPullStepToHclTerraform, "DeploymentPullStepList"),
  },
  storageDocumentId: { name: "storage_document_id", kind: "string" },
  tags: { name: "tags", kind: "stringList" },
  version: { name: "version", kind: "string" },
  workPoolName: { name: "work_pool_name", kind: "string" },
  workQueueName: { name: "work_queue_name", kind: "string" },
  workspaceId: { name: "workspace_id", kind: "string" },
};

/** A Prefect deployment (`prefect_deployment`); its `id` is what `DeploymentSchedule.deploymentId` takes. */
export class Deployment extends PrefectResource<DeploymentConfig> {
  public static readonly tfResourceType = "prefect_deployment";

  public constructor(scope: Construct, id: string, config: DeploymentConfig) {
    super(scope, id, Deployment.tfResourceType, config, ATTRIBUTES);
  }

  public get name(): string {
    return this.getStringAttribute("name");
  }

  // Inputs as given (generated bindings' `<attr>Input`): plain values for synth-time checks, where the getters above are tokens.
  public get flowIdInput(): string {
    return this._config.flowId;
  }
  public get nameInput(): string {
    return this._config.name;
  }
}
