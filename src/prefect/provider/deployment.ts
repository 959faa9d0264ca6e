// Hand-written binding for `prefect_deployment`; see provider.ts for why and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";

/**
 * One pull step, as the provider flattens it: `type` picks the step, the other fields are that step's arguments.
 * Block and variable references (`{{ prefect.blocks.<slug>.<name> }}`) resolve on the worker at run time.
 */
export interface DeploymentPullStep {
  /**
   * set_working_directory, git_clone, run_shell_script, pip_install_requirements, pull_from_s3, pull_from_gcs
   * or pull_from_azure_blob_storage.
   */
  readonly type: string;
  /** git_clone token. Not sensitive in the provider (stored in plain state): only a Secret block reference goes here. */
  readonly accessToken?: string;
  /** git_clone branch. */
  readonly branch?: string;
  /** pull_from_s3 / pull_from_gcs bucket. */
  readonly bucket?: string;
  /** pull_from_azure_blob_storage container. */
  readonly container?: string;
  /** Credentials for git_clone or a pull_from_* step. Not sensitive in the provider: only a block reference goes here. */
  readonly credentials?: string;
  /** set_working_directory / run_shell_script / pip_install_requirements directory. */
  readonly directory?: string;
  /** run_shell_script environment variables. */
  readonly env?: { [key: string]: string };
  /** run_shell_script: expand `$VARS` in the script. */
  readonly expandEnvVars?: boolean | cdktf.IResolvable;
  /** pull_from_* folder (key prefix) to download. */
  readonly folder?: string;
  /** git_clone: also clone submodules. */
  readonly includeSubmodules?: boolean | cdktf.IResolvable;
  /** git_clone repository URL. */
  readonly repository?: string;
  /** pip_install_requirements requirements file. */
  readonly requirementsFile?: string;
  /** pip requirement the step needs installed first (e.g. `prefect-aws>=0.3.4`). */
  readonly requires?: string;
  /** run_shell_script script. */
  readonly script?: string;
  /** run_shell_script / pip_install_requirements: stream the command's output to the run logs. */
  readonly streamOutput?: boolean | cdktf.IResolvable;
}

export function deploymentPullStepToTerraform(struct?: DeploymentPullStep | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const s = struct as DeploymentPullStep;
  return {
    type: cdktf.stringToTerraform(s.type),
    access_token: cdktf.stringToTerraform(s.accessToken),
    branch: cdktf.stringToTerraform(s.branch),
    bucket: cdktf.stringToTerraform(s.bucket),
    container: cdktf.stringToTerraform(s.container),
    credentials: cdktf.stringToTerraform(s.credentials),
    directory: cdktf.stringToTerraform(s.directory),
    env: cdktf.hashMapper(cdktf.stringToTerraform)(s.env),
    expand_env_vars: cdktf.booleanToTerraform(s.expandEnvVars),
    folder: cdktf.stringToTerraform(s.folder),
    include_submodules: cdktf.booleanToTerraform(s.includeSubmodules),
    repository: cdktf.stringToTerraform(s.repository),
    requirements_file: cdktf.stringToTerraform(s.requirementsFile),
    requires: cdktf.stringToTerraform(s.requires),
    script: cdktf.stringToTerraform(s.script),
    stream_output: cdktf.booleanToTerraform(s.streamOutput),
  };
}

export function deploymentPullStepToHclTerraform(struct?: DeploymentPullStep | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const s = struct as DeploymentPullStep;
  const attrs = {
    type: hcl(cdktf.stringToHclTerraform(s.type), "string"),
    access_token: hcl(cdktf.stringToHclTerraform(s.accessToken), "string"),
    branch: hcl(cdktf.stringToHclTerraform(s.branch), "string"),
    bucket: hcl(cdktf.stringToHclTerraform(s.bucket), "string"),
    container: hcl(cdktf.stringToHclTerraform(s.container), "string"),
    credentials: hcl(cdktf.stringToHclTerraform(s.credentials), "string"),
    directory: hcl(cdktf.stringToHclTerraform(s.directory), "string"),
    env: hcl(cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(s.env), "stringMap", "map"),
    expand_env_vars: hcl(cdktf.booleanToHclTerraform(s.expandEnvVars), "boolean"),
    folder: hcl(cdktf.stringToHclTerraform(s.folder), "string"),
    include_submodules: hcl(cdktf.booleanToHclTerraform(s.includeSubmodules), "boolean"),
    repository: hcl(cdktf.stringToHclTerraform(s.repository), "string"),
    requirements_file: hcl(cdktf.stringToHclTerraform(s.requirementsFile), "string"),
    requires: hcl(cdktf.stringToHclTerraform(s.requires), "string"),
    script: hcl(cdktf.stringToHclTerraform(s.script), "string"),
    stream_output: hcl(cdktf.booleanToHclTerraform(s.streamOutput), "boolean"),
  };
  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([, a]) => a.value !== undefined));
}

/** What happens to a run that would exceed the deployment's concurrency limit. */
export interface DeploymentConcurrencyOptions {
  /** `ENQUEUE` (wait for a slot) or `CANCEL_NEW`. */
  readonly collisionStrategy: string;
}

export function deploymentConcurrencyOptionsToTerraform(struct?: DeploymentConcurrencyOptions | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const s = struct as DeploymentConcurrencyOptions;
  return {
    collision_strategy: cdktf.stringToTerraform(s.collisionStrategy),
  };
}

export interface DeploymentConfig extends cdktf.TerraformMetaArguments {
  /** ID of the flow this deploys (`Flow.id`). */
  readonly flowId: string;
  /** Deployment name, unique per flow. */
  readonly name: string;
  /** Prefect Cloud account ID, overriding the provider's. */
  readonly accountId?: string;
  /** Maximum concurrent runs of this deployment. */
  readonly concurrencyLimit?: number;
  /** What to do with runs over `concurrencyLimit`. */
  readonly concurrencyOptions?: DeploymentConcurrencyOptions;
  /** Human-readable description. */
  readonly description?: string;
  /** Reject runs whose parameters fail `parameterOpenapiSchema`. */
  readonly enforceParameterSchema?: boolean | cdktf.IResolvable;
  /** `path/to/file.py:flow_function`, relative to the pulled code. */
  readonly entrypoint?: string;
  /** ID of a global concurrency limit to take slots from. */
  readonly globalConcurrencyLimitId?: string;
  /** Work pool job variable overrides, as a JSON object string. */
  readonly jobVariables?: string;
  /** OpenAPI schema of the flow's parameters, as a JSON string. */
  readonly parameterOpenapiSchema?: string;
  /** Default flow parameters, as a JSON object string. */
  readonly parameters?: string;
  /** Working directory the flow runs from after the pull steps. */
  readonly path?: string;
  /** Pause the deployment's schedules. */
  readonly paused?: boolean | cdktf.IResolvable;
  /** Steps a worker runs to fetch the code before each flow run (prefect.yaml's `pull`). */
  readonly pullSteps?: DeploymentPullStep[] | cdktf.IResolvable;
  /** ID of a storage block (the Prefect 2 style of code storage; pull steps supersede it). */
  readonly storageDocumentId?: string;
  /** Deployment tags (a set: order and duplicates are not kept). */
  readonly tags?: string[];
  /** Free-form version label. */
  readonly version?: string;
  /** Work pool that runs this deployment. */
  readonly workPoolName?: string;
  /** Work queue within the pool. */
  readonly workQueueName?: string;
  /** Prefect Cloud workspace ID, overriding the provider's. */
  readonly workspaceId?: string;
}

/** HCL-synthesis descriptor, as generated bindings write out longhand for every attribute. */
function hcl(value: unknown, storageClassType: string, type = "simple") {
  return { value, isBlock: false, type, storageClassType };
}

/** A Prefect deployment (`prefect_deployment`). */
export class Deployment extends cdktf.TerraformResource {
  public static readonly tfResourceType = "prefect_deployment";

  private readonly _config: DeploymentConfig;

  public constructor(scope: Construct, id: string, config: DeploymentConfig) {
    super(scope, id, {
      terraformResourceType: "prefect_deployment",
      terraformGeneratorMetadata: { providerName: "prefect", providerVersionConstraint: "~> 3.4" },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this._config = config;
  }

  /** Deployment ID, for `DeploymentSchedule.deploymentId`. */
  public get id(): string {
    return this.getStringAttribute("id");
  }
  public get name(): string {
    return this.getStringAttribute("name");
  }
  public get created(): string {
    return this.getStringAttribute("created");
  }
  public get updated(): string {
    return this.getStringAttribute("updated");
  }

  // Inputs as given (generated bindings' `<attr>Input`): plain values for synth-time checks, where the getters above are tokens.
  public get flowIdInput(): string {
    return this._config.flowId;
  }
  public get nameInput(): string {
    return this._config.name;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      flow_id: cdktf.stringToTerraform(c.flowId),
      name: cdktf.stringToTerraform(c.name),
      account_id: cdktf.stringToTerraform(c.accountId),
      concurrency_limit: cdktf.numberToTerraform(c.concurrencyLimit),
      concurrency_options: deploymentConcurrencyOptionsToTerraform(c.concurrencyOptions),
      description: cdktf.stringToTerraform(c.description),
      enforce_parameter_schema: cdktf.booleanToTerraform(c.enforceParameterSchema),
      entrypoint: cdktf.stringToTerraform(c.entrypoint),
      global_concurrency_limit_id: cdktf.stringToTerraform(c.globalConcurrencyLimitId),
      job_variables: cdktf.stringToTerraform(c.jobVariables),
      parameter_openapi_schema: cdktf.stringToTerraform(c.parameterOpenapiSchema),
      parameters: cdktf.stringToTerraform(c.parameters),
      path: cdktf.stringToTerraform(c.path),
      paused: cdktf.booleanToTerraform(c.paused),
      pull_steps: cdktf.listMapper(deploymentPullStepToTerraform, false)(c.pullSteps),
      storage_document_id: cdktf.stringToTerraform(c.storageDocumentId),
      tags: cdktf.listMapper(cdktf.stringToTerraform, false)(c.tags),
      version: cdktf.stringToTerraform(c.version),
      work_pool_name: cdktf.stringToTerraform(c.workPoolName),
      work_queue_name: cdktf.stringToTerraform(c.workQueueName),
      workspace_id: cdktf.stringToTerraform(c.workspaceId),
    };
  }

  // pull_steps and concurrency_options are nested *attributes* (`x = [...]`, `x = {...}`), not blocks: unlike
  // generated code (isBlock: true) they are rendered with `=`, or Terraform rejects them as unsupported blocks.
  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    const attrs = {
      flow_id: hcl(cdktf.stringToHclTerraform(c.flowId), "string"),
      name: hcl(cdktf.stringToHclTerraform(c.name), "string"),
      account_id: hcl(cdktf.stringToHclTerraform(c.accountId), "string"),
      concurrency_limit: hcl(cdktf.numberToHclTerraform(c.concurrencyLimit), "number"),
      concurrency_options: hcl(deploymentConcurrencyOptionsToTerraform(c.concurrencyOptions), "DeploymentConcurrencyOptions", "any"),
      description: hcl(cdktf.stringToHclTerraform(c.description), "string"),
      enforce_parameter_schema: hcl(cdktf.booleanToHclTerraform(c.enforceParameterSchema), "boolean"),
      entrypoint: hcl(cdktf.stringToHclTerraform(c.entrypoint), "string"),
      global_concurrency_limit_id: hcl(cdktf.stringToHclTerraform(c.globalConcurrencyLimitId), "string"),
      job_variables: hcl(cdktf.stringToHclTerraform(c.jobVariables), "string"),
      parameter_openapi_schema: hcl(cdktf.stringToHclTerraform(c.parameterOpenapiSchema), "string"),
      parameters: hcl(cdktf.stringToHclTerraform(c.parameters), "string"),
      path: hcl(cdktf.stringToHclTerraform(c.path), "string"),
      paused: hcl(cdktf.booleanToHclTerraform(c.paused), "boolean"),
      pull_steps: hcl(cdktf.listMapperHcl(deploymentPullStepToHclTerraform, false)(c.pullSteps), "DeploymentPullStepList", "list"),
      storage_document_id: hcl(cdktf.stringToHclTerraform(c.storageDocumentId), "string"),
      tags: hcl(cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(c.tags), "stringList", "set"),
      version: hcl(cdktf.stringToHclTerraform(c.version), "string"),
      work_pool_name: hcl(cdktf.stringToHclTerraform(c.workPoolName), "string"),
      work_queue_name: hcl(cdktf.stringToHclTerraform(c.workQueueName), "string"),
      workspace_id: hcl(cdktf.stringToHclTerraform(c.workspaceId), "string"),
    };
    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([, a]) => a.value !== undefined));
  }
}
