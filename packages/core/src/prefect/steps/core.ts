import { TemplateValue } from "../template";
import { ParamNames, StepDefinition, StepOptions } from "./step";

const CORE = "prefect.deployments.steps";

/** Arguments of the set_working_directory step: the directory the flow run continues in. */
export interface SetWorkingDirectoryProps extends StepOptions {
  readonly directory: TemplateValue;
}

/** Changes the working directory of the flow run, e.g. to where the code already lives; returns the absolute `directory`. */
export const SET_WORKING_DIRECTORY: StepDefinition = { fn: `${CORE}.set_working_directory`, outputs: ["directory"] };
export const SET_WORKING_DIRECTORY_PARAMS: ParamNames<SetWorkingDirectoryProps> = { directory: "directory" };

/** Arguments of the git_clone step: which repository and revision to clone on the worker, and with which credentials. */
export interface GitCloneProps extends StepOptions {
  readonly repository: TemplateValue;
  /** Mutually exclusive with commitSha. @default the repository's default branch */
  readonly branch?: TemplateValue;
  /** A full commit SHA to check out (Prefect >= 3.4.0). Mutually exclusive with branch. @default the branch's head */
  readonly commitSha?: TemplateValue;
  /** @default false */
  readonly includeSubmodules?: boolean;
  /** A Secret block reference; mutually exclusive with credentials. @default none */
  readonly accessToken?: TemplateValue;
  /** A *-credentials block reference; mutually exclusive with accessToken. @default none */
  readonly credentials?: TemplateValue;
  /** Sparse checkout of these directories (Prefect >= 3.1.11). @default the whole repository */
  readonly directories?: TemplateValue[];
  /** The clone's directory name (Prefect >= 3.6.9). @default `<repository name>-<branch>` (Prefect's) */
  readonly cloneDirectoryName?: TemplateValue;
}

/** Clones a git repository on the worker; returns the clone's directory. */
export const GIT_CLONE: StepDefinition = { fn: `${CORE}.git_clone`, outputs: ["directory"] };
export const GIT_CLONE_PARAMS: ParamNames<GitCloneProps> = {
  repository: "repository",
  branch: "branch",
  commitSha: "commit_sha",
  includeSubmodules: "include_submodules",
  accessToken: "access_token",
  credentials: "credentials",
  directories: "directories",
  cloneDirectoryName: "clone_directory_name",
};

/** Arguments of the run_shell_script step: the script, and where and with which environment it runs. */
export interface RunShellScriptProps extends StepOptions {
  readonly script: TemplateValue;
  /** @default the current directory */
  readonly directory?: TemplateValue;
  /** @default none */
  readonly env?: { [name: string]: TemplateValue };
  /** @default true */
  readonly streamOutput?: boolean;
  /** @default false */
  readonly expandEnvVars?: boolean;
  /** @default false */
  readonly shell?: boolean;
}

/** Runs a script; returns its `stdout` and `stderr`. */
export const RUN_SHELL_SCRIPT: StepDefinition = { fn: `${CORE}.run_shell_script`, outputs: ["stdout", "stderr"] };
export const RUN_SHELL_SCRIPT_PARAMS: ParamNames<RunShellScriptProps> = {
  script: "script",
  directory: "directory",
  env: "env",
  streamOutput: "stream_output",
  expandEnvVars: "expand_env_vars",
  shell: "shell",
};

/** Arguments of the pip_install_requirements step: which requirements file to install, and from where. */
export interface PipInstallRequirementsProps extends StepOptions {
  /** @default the current directory */
  readonly directory?: TemplateValue;
  /** @default "requirements.txt" */
  readonly requirementsFile?: TemplateValue;
  /** @default true */
  readonly streamOutput?: boolean;
}

/** Installs a requirements file; returns pip's `stdout` and `stderr`. */
export const PIP_INSTALL_REQUIREMENTS: StepDefinition = { fn: `${CORE}.pip_install_requirements`, outputs: ["stdout", "stderr"] };
export const PIP_INSTALL_REQUIREMENTS_PARAMS: ParamNames<PipInstallRequirementsProps> = {
  directory: "directory",
  requirementsFile: "requirements_file",
  streamOutput: "stream_output",
};
