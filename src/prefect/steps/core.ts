import { TemplateValue } from "../template";
import { defineStep } from "./step";

const CORE = "prefect.deployments.steps";

/** Changes the working directory of the flow run, e.g. to where the code already lives; returns the absolute `directory`. */
export const setWorkingDirectory = defineStep<{ directory: TemplateValue }, "directory">({
  fn: `${CORE}.set_working_directory`,
  outputs: ["directory"],
});

export interface GitCloneParams {
  readonly repository: TemplateValue;
  /** Mutually exclusive with commit_sha. */
  readonly branch?: TemplateValue;
  readonly commit_sha?: TemplateValue;
  readonly include_submodules?: boolean;
  /** A Secret block reference; mutually exclusive with credentials. */
  readonly access_token?: TemplateValue;
  /** A *-credentials block reference; mutually exclusive with access_token. */
  readonly credentials?: TemplateValue;
  readonly directories?: TemplateValue[];
  readonly clone_directory_name?: TemplateValue;
}

/** Clones a git repository on the worker; returns the clone's directory. */
export const gitClone = defineStep<GitCloneParams, "directory">({
  fn: `${CORE}.git_clone`,
  outputs: ["directory"],
});

export interface RunShellScriptParams {
  readonly script: TemplateValue;
  readonly directory?: TemplateValue;
  readonly env?: { [name: string]: TemplateValue };
  readonly stream_output?: boolean;
  readonly expand_env_vars?: boolean;
  readonly shell?: boolean;
}

export const runShellScript = defineStep<RunShellScriptParams, "stdout" | "stderr">({
  fn: `${CORE}.run_shell_script`,
  outputs: ["stdout", "stderr"],
});

export const pipInstallRequirements = defineStep<
  { directory?: TemplateValue; requirements_file?: TemplateValue; stream_output?: boolean },
  "stdout" | "stderr"
>({
  fn: `${CORE}.pip_install_requirements`,
  outputs: ["stdout", "stderr"],
});
