/**
 * Runs the real `terraform` CLI against a synthesized cdktf stack: init, validate, plan, show.
 *
 * On a machine with a provider filesystem mirror (env `TF_PLUGIN_MIRROR`, default `/opt/tf-plugins`)
 * everything runs offline: a CLI config file pointing at the mirror is written for the run, and the
 * aws provider plans with dummy credentials from the environment (see `forOfflinePlan`). Elsewhere the
 * user's normal Terraform setup (registry, CLI config) is used.
 *
 * Provider binaries: Terraform installs a provider from an *unpacked* filesystem mirror as a symlink
 * into `.terraform/providers`, so with the mirror nothing is copied and no plugin cache is needed
 * (measured: init 0.4 s with or without a `plugin_cache_dir`, which itself only symlinks to the
 * mirror). Without a mirror, a shared plugin cache under `os.tmpdir()` stops every stack from
 * downloading the ~700 MB aws provider again (unless the user has a cache of their own).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { forOfflinePlan, withoutBackend, withoutPrefect, type TerraformJson } from "./prepare";

export const DEFAULT_PLUGIN_MIRROR = "/opt/tf-plugins";
/** Shared provider cache used when there is no mirror (never removed by the tests). */
export const SHARED_PLUGIN_CACHE_DIR = path.join(os.tmpdir(), "prefect-cdktf-tf-plugin-cache");
/** Dummy credentials and region for offline plans: env only, never written to a file. */
export const OFFLINE_AWS_ENV: Readonly<Record<string, string>> = {
  AWS_ACCESS_KEY_ID: "offline-plan-dummy-key-id",
  AWS_SECRET_ACCESS_KEY: "offline-plan-dummy-secret-not-a-credential",
  AWS_REGION: "us-east-1",
};

/** The provider mirror directory if it exists (env `TF_PLUGIN_MIRROR`, else `/opt/tf-plugins`). */
export function pluginMirrorDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env.TF_PLUGIN_MIRROR || DEFAULT_PLUGIN_MIRROR;
  try {
    return fs.statSync(dir).isDirectory() ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Body of the CLI config used with a mirror: mirror only for registry.terraform.io providers. */
export function mirrorCliConfig(mirrorDir: string): string {
  return [
    "provider_installation {",
    "  filesystem_mirror {",
    `    path = ${JSON.stringify(mirrorDir)}`,
    "  }",
    "  direct {",
    '    exclude = ["registry.terraform.io/*/*"]',
    "  }",
    "}",
    "",
  ].join("\n");
}

function fileExists(file: string | undefined): file is string {
  return !!file && fs.existsSync(file);
}

/**
 * Environment for terraform child processes run in `workdir`: the current environment plus
 * `CHECKPOINT_DISABLE=1`, `TF_IN_AUTOMATION=1`, `TF_INPUT=0`, without the variables that would make
 * the run depend on the caller's shell (`TF_DATA_DIR`, `TF_WORKSPACE`, `TF_CLI_ARGS*`).
 *
 * With a mirror: writes `<workdir>/.terraform-cli/terraform.tfrc` and points `TF_CLI_CONFIG_FILE` at
 * it. Without: leaves the user's CLI config alone, but unsets `TF_CLI_CONFIG_FILE` if it names a
 * file that does not exist, and sets the shared `TF_PLUGIN_CACHE_DIR` unless the user has one.
 */
export function terraformEnv(workdir: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  env.CHECKPOINT_DISABLE = "1";
  env.TF_IN_AUTOMATION = "1";
  env.TF_INPUT = "0";
  delete env.TF_DATA_DIR;
  delete env.TF_WORKSPACE;
  for (const key of Object.keys(env)) if (key === "TF_CLI_ARGS" || key.startsWith("TF_CLI_ARGS_")) delete env[key];

  const mirror = pluginMirrorDir(base);
  if (mirror) {
    const dir = path.join(workdir, ".terraform-cli");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "terraform.tfrc");
    fs.writeFileSync(file, mirrorCliConfig(mirror));
    env.TF_CLI_CONFIG_FILE = file;
    delete env.TERRAFORM_CONFIG; // legacy name of TF_CLI_CONFIG_FILE
    delete env.TF_PLUGIN_CACHE_DIR; // the mirror is symlinked; a cache would only add a hop
    return env;
  }

  for (const key of ["TF_CLI_CONFIG_FILE", "TERRAFORM_CONFIG"]) {
    if (env[key] !== undefined && !fileExists(env[key])) delete env[key];
  }
  const userConfig = env.TF_CLI_CONFIG_FILE ?? env.TERRAFORM_CONFIG ?? path.join(os.homedir(), ".terraformrc");
  const userHasCache =
    !!env.TF_PLUGIN_CACHE_DIR || (fileExists(userConfig) && /\bplugin_cache_dir\b/.test(fs.readFileSync(userConfig, "utf8")));
  if (!userHasCache) {
    fs.mkdirSync(SHARED_PLUGIN_CACHE_DIR, { recursive: true });
    env.TF_PLUGIN_CACHE_DIR = SHARED_PLUGIN_CACHE_DIR;
    // Workdirs are throw-away with no lock file; without this, Terraform >= 1.4 ignores the cache.
    env.TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE = "true";
  }
  return env;
}

/** A terraform command that failed: message has the command, exit status and stderr. */
export class TerraformError extends Error {
  constructor(
    readonly args: string[],
    readonly status: number | null,
    readonly stdout: string,
    readonly stderr: string,
    detail?: string,
  ) {
    super(
      `terraform ${args.join(" ")} failed (${status === null ? "killed or timed out" : `exit ${status}`})` +
        (detail ? `:\n${detail}` : "") +
        (stderr.trim() ? `\n--- stderr ---\n${stderr.trim()}` : "") +
        (!detail && stdout.trim() ? `\n--- stdout (tail) ---\n${stdout.trim().slice(-4000)}` : ""),
    );
    this.name = "TerraformError";
  }
}

export interface RunTerraformOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Return instead of throwing on a non-zero exit (the caller inspects `status`). */
  allowFailure?: boolean;
  /** The terraform executable. Default: env `TERRAFORM_BIN`, else `terraform` on PATH. */
  terraformBin?: string;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `terraform <args>` synchronously in `cwd`; throws {@link TerraformError} on failure. */
export function runTerraform(args: string[], options: RunTerraformOptions): RunResult {
  const bin = options.terraformBin ?? process.env.TERRAFORM_BIN ?? "terraform";
  const started = Date.now();
  const r = spawnSync(bin, args, {
    cwd: options.cwd,
    env: options.env,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    timeout: options.timeoutMs ?? 10 * 60 * 1000,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const result: RunResult = { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms: Date.now() - started };
  if (r.error) {
    throw new TerraformError(args, r.status, result.stdout, result.stderr, `could not run ${bin}: ${r.error.message}`);
  }
  if (r.status !== 0 && !options.allowFailure) throw new TerraformError(args, r.status, result.stdout, result.stderr);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Plan JSON (`terraform show -json`), the parts the tests use.

export interface Diagnostic {
  severity: "error" | "warning";
  summary: string;
  detail?: string;
  address?: string;
  range?: { filename: string; start: { line: number; column: number } };
  [key: string]: unknown;
}

export interface ValidateResult {
  format_version: string;
  valid: boolean;
  error_count: number;
  warning_count: number;
  diagnostics: Diagnostic[];
}

export interface PlannedResource {
  address: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  index?: number | string;
  provider_name: string;
  values: Record<string, unknown>;
  sensitive_values?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface PlanModule {
  address?: string;
  resources?: PlannedResource[];
  child_modules?: PlanModule[];
}

export type ChangeAction = "no-op" | "create" | "read" | "update" | "delete";

export interface ResourceChange {
  address: string;
  module_address?: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  index?: number | string;
  provider_name: string;
  action_reason?: string;
  change: {
    actions: ChangeAction[];
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    after_unknown?: Record<string, unknown>;
    replace_paths?: unknown[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface TerraformPlan {
  format_version: string;
  terraform_version: string;
  planned_values?: {
    outputs?: Record<string, { sensitive: boolean; value?: unknown; type?: unknown }>;
    root_module?: PlanModule;
  };
  resource_changes?: ResourceChange[];
  output_changes?: Record<string, unknown>;
  prior_state?: unknown;
  configuration?: Record<string, unknown>;
  errored?: boolean;
  [key: string]: unknown;
}

/** Every `planned_values` resource (root and child modules) of `type`, or of any type if omitted. */
export function plannedResources(plan: TerraformPlan, type?: string): PlannedResource[] {
  const found: PlannedResource[] = [];
  const walk = (module: PlanModule | undefined): void => {
    if (!module) return;
    for (const r of module.resources ?? []) if (type === undefined || r.type === type) found.push(r);
    for (const child of module.child_modules ?? []) walk(child);
  };
  walk(plan.planned_values?.root_module);
  return found;
}

/** Every `resource_changes` entry of `type`, or of any type if omitted. */
export function resourceChanges(plan: TerraformPlan, type?: string): ResourceChange[] {
  return (plan.resource_changes ?? []).filter((c) => type === undefined || c.type === type);
}

// ---------------------------------------------------------------------------------------------

export interface PlanStackOptions {
  /** Directory holding the synthesized `cdk.tf.json` (`<outdir>/stacks/<stack>`). */
  stackDir: string;
  /** Directory the prepared `main.tf.json`, `.terraform` and `tfplan` go to (created if missing). */
  workdir: string;
  /** A `.tfvars` / `.tfvars.json` file, passed as `-var-file`. */
  varFile?: string;
  /** A prior state to plan against (copied to `<workdir>/terraform.tfstate`; the original is not touched). */
  stateFile?: string;
  /** Offline plan (dummy credentials, `forOfflinePlan`). Default: whether the plugin mirror exists. */
  offline?: boolean;
  /** Region for offline plans of provider configurations that set none. */
  region?: string;
  /** Per-command timeout. Default 10 minutes. */
  timeoutMs?: number;
  terraformBin?: string;
}

export interface PlanStackResult {
  plan: TerraformPlan;
  validate: ValidateResult;
  workdir: string;
  /** Wall-clock milliseconds of each terraform command. */
  timingsMs: { init: number; validate: number; plan: number; show: number };
}

function formatDiagnostics(diagnostics: Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const where = d.range ? ` (${d.range.filename}:${d.range.start.line})` : d.address ? ` (${d.address})` : "";
      return `${d.severity}: ${d.summary}${where}${d.detail ? `\n    ${d.detail.replace(/\n/g, "\n    ")}` : ""}`;
    })
    .join("\n");
}

function parseJson<T>(text: string, args: string[], run: RunResult): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new TerraformError(args, run.status, run.stdout, run.stderr, `output is not JSON: ${(e as Error).message}`);
  }
}

/** The stack as Terraform will see it in {@link planStack}: Prefect set aside, no backend, offline if asked. */
export function prepareStack(config: TerraformJson, options: { offline: boolean; region?: string }): TerraformJson {
  const prepared = withoutBackend(withoutPrefect(config));
  return options.offline ? forOfflinePlan(prepared, { region: options.region }) : prepared;
}

/**
 * Plans a synthesized stack with the real terraform: reads `<stackDir>/cdk.tf.json`, prepares it
 * ({@link prepareStack}), writes `<workdir>/main.tf.json`, then runs `init -backend=false`,
 * `validate -json` (throws with the diagnostics unless valid), `plan -refresh=false -out=tfplan`
 * and `show -json tfplan`. Returns the parsed validate and plan JSON.
 */
export function planStack(options: PlanStackOptions): PlanStackResult {
  const workdir = path.resolve(options.workdir);
  const stackFile = path.join(options.stackDir, "cdk.tf.json");
  const config = JSON.parse(fs.readFileSync(stackFile, "utf8")) as TerraformJson;
  const offline = options.offline ?? pluginMirrorDir() !== undefined;
  const prepared = prepareStack(config, { offline, region: options.region });

  fs.mkdirSync(workdir, { recursive: true });
  fs.writeFileSync(path.join(workdir, "main.tf.json"), JSON.stringify(prepared, null, 2));
  if (options.stateFile) fs.copyFileSync(options.stateFile, path.join(workdir, "terraform.tfstate"));
  // cdktf copies file assets (e.g. uploaded flow code) beside cdk.tf.json and refers to them by
  // relative path; link them so those paths resolve from the workdir too.
  const assets = path.resolve(options.stackDir, "assets");
  const assetsLink = path.join(workdir, "assets");
  if (fs.existsSync(assets) && !fs.existsSync(assetsLink)) fs.symlinkSync(assets, assetsLink, "dir");

  const env = terraformEnv(workdir);
  if (offline) {
    for (const key of ["AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE"]) {
      delete env[key];
    }
    Object.assign(env, OFFLINE_AWS_ENV);
  }
  const planArgs = ["plan", "-refresh=false", "-out=tfplan", "-input=false", "-lock=false", "-no-color"];
  return initValidatePlanShow({ ...options, workdir, stackFile, env, initArgs: ["-backend=false"], planArgs });
}

// ---------------------------------------------------------------------------------------------
// Live plans (CI, plans reviewed in pull requests): the stack exactly as synthesized.

export interface LivePlanOptions {
  /**
   * Directory holding the synthesized `cdk.tf.json` (`<outdir>/stacks/<stack>`). Terraform runs
   * there, as the apply workflow does, so its `.terraform` and `tfplan` land there too.
   */
  stackDir: string;
  /** A `.tfvars` / `.tfvars.json` file, passed as `-var-file`. */
  varFile?: string;
  /** Refresh from the real infrastructure first. Default true. */
  refresh?: boolean;
  /**
   * Take the state lock. Default false: the plan is only reviewed, never applied, and a read-only
   * plan role may not be allowed to write the lock.
   */
  lock?: boolean;
  /** Environment holding the user's credentials. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Per-command timeout. Default 10 minutes. */
  timeoutMs?: number;
  terraformBin?: string;
}

/**
 * Plans a synthesized stack as it is, for review: its own backend (`init` without `-backend=false`),
 * every provider including Prefect, the credentials of the environment; nothing is set aside or
 * rewritten (unlike {@link planStack}). Runs `init`, `validate -json` (throws with the diagnostics
 * unless valid), `plan -out=tfplan` and `show -json tfplan` in `stackDir`.
 *
 * Provider installation follows {@link terraformEnv}: meant for machines without a plugin mirror
 * (the registry); pass an `env` whose `TF_PLUGIN_MIRROR` names a missing directory to force that.
 */
export function planStackLive(options: LivePlanOptions): PlanStackResult {
  const workdir = path.resolve(options.stackDir);
  const stackFile = path.join(workdir, "cdk.tf.json");
  if (!fs.existsSync(stackFile)) throw new Error(`planStackLive: no cdk.tf.json in ${workdir}`);
  const env = terraformEnv(workdir, options.env ?? process.env);
  const planArgs = ["plan", "-out=tfplan", "-input=false", "-no-color", `-lock=${options.lock ?? false}`];
  if (options.refresh === false) planArgs.push("-refresh=false");
  return initValidatePlanShow({ ...options, workdir, stackFile, env, initArgs: [], planArgs });
}

/**
 * The sequence both plans run in `workdir`: `init` (plus `initArgs`), `validate -json` (throws with
 * the diagnostics unless valid), `plan` with `planArgs` (plus `-var-file`), `show -json tfplan`.
 */
function initValidatePlanShow(o: {
  workdir: string;
  stackFile: string;
  env: NodeJS.ProcessEnv;
  initArgs: string[];
  planArgs: string[];
  varFile?: string;
  timeoutMs?: number;
  terraformBin?: string;
}): PlanStackResult {
  const run = (args: string[], allowFailure = false): RunResult =>
    runTerraform(args, { cwd: o.workdir, env: o.env, timeoutMs: o.timeoutMs, terraformBin: o.terraformBin, allowFailure });

  const init = run(["init", "-input=false", ...o.initArgs, "-no-color"]);

  const validateArgs = ["validate", "-json", "-no-color"];
  const validateRun = run(validateArgs, true);
  const validate = parseJson<ValidateResult>(validateRun.stdout, validateArgs, validateRun);
  if (!validate.valid) {
    throw new TerraformError(validateArgs, validateRun.status, validateRun.stdout, validateRun.stderr,
      `${o.stackFile} is not valid:\n${formatDiagnostics(validate.diagnostics)}`);
  }

  const planArgs = o.varFile ? [...o.planArgs, `-var-file=${path.resolve(o.varFile)}`] : o.planArgs;
  const planRun = run(planArgs);

  const showArgs = ["show", "-json", "-no-color", "tfplan"];
  const showRun = run(showArgs);
  const plan = parseJson<TerraformPlan>(showRun.stdout, showArgs, showRun);

  return {
    plan,
    validate,
    workdir: o.workdir,
    timingsMs: { init: init.ms, validate: validateRun.ms, plan: planRun.ms, show: showRun.ms },
  };
}
