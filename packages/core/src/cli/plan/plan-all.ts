/**
 * `prefect-code-storage plan [--mode offline|live] [--stacks a,b] [--outdir cdktf.out] [--print]`
 * (`npm run plan` in this repository)
 *
 * Plans every stack of a cdktf synthesis (`cdktf synth`, or the app command, run first) with the real
 * terraform and writes `terraform show -json` of each to `<outdir>/plans/<stack>.json`, plus
 * `<outdir>/plans/manifest.json` saying which stacks were planned, skipped or failed. Works on any
 * cdktf app's output, this library's constructs or not.
 *
 * Modes (default: offline when a provider mirror exists, see ../terraform/terraform.ts):
 * - offline: the local mirror, dummy credentials, empty state, `prefect_*` set aside
 *   ({@link planStack}); a stack needing a provider the mirror lacks is skipped with a one-line note.
 * - live: the registry, the user's credentials, the stack's own backend and state, Prefect included
 *   ({@link planStackLive}); this is what CI runs for pull requests.
 *
 * Exits 1 if any plan fails (the others are still planned and written).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { planStack, planStackLive, pluginMirrorDir, runTerraform, terraformEnv, type TerraformPlan } from "../terraform/terraform";
import { listSome } from "./rules/rule";
import { countActions, countsLine, PLAN_MANIFEST_FILE, type PlanRunManifest, type StackStatus } from "./summary";

export type PlanMode = "offline" | "live";

const PREFECT_SOURCE = /^(?:registry\.terraform\.io\/)?prefecthq\/prefect$/i;
const DEFAULT_HOST = "registry.terraform.io";

/** `aws` -> `registry.terraform.io/hashicorp/aws`; `gitlabhq/gitlab` -> `registry.terraform.io/gitlabhq/gitlab`. */
export function normalizeProviderSource(source: string): string {
  const parts = source.toLowerCase().split("/");
  if (parts.length === 1) return `${DEFAULT_HOST}/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `${DEFAULT_HOST}/${parts[0]}/${parts[1]}`;
  return parts.join("/");
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Every provider a stack needs, normalized: `terraform.required_providers`, plus the implied
 * `hashicorp/<name>` of provider configurations and resource type prefixes that have none.
 */
export function providerSources(config: Record<string, unknown>): string[] {
  const required = isObject(config.terraform) && isObject(config.terraform.required_providers) ? config.terraform.required_providers : {};
  const byLocalName = new Map<string, string>();
  for (const [name, req] of Object.entries(required)) {
    const source = isObject(req) && typeof req.source === "string" ? req.source : `hashicorp/${name}`;
    byLocalName.set(name, normalizeProviderSource(source));
  }
  const implied = (name: string): void => {
    if (name !== "terraform" && !byLocalName.has(name)) byLocalName.set(name, normalizeProviderSource(name));
  };
  if (isObject(config.provider)) Object.keys(config.provider).forEach(implied);
  for (const block of ["resource", "data"]) {
    const byType = config[block];
    if (isObject(byType)) Object.keys(byType).forEach((type) => implied(type.split("_")[0]));
  }
  return [...new Set(byLocalName.values())].sort();
}

/** Whether an (unpacked or packed) filesystem mirror holds some version of `source`. */
export function mirrorHas(mirrorDir: string, source: string): boolean {
  const dir = path.join(mirrorDir, ...normalizeProviderSource(source).split("/"));
  try {
    return fs.readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/** Why an offline plan of this stack is impossible (a provider other than Prefect not in the mirror), else undefined. */
export function offlineSkipReason(config: Record<string, unknown>, mirrorDir: string): string | undefined {
  const missing = providerSources(config).filter((s) => !PREFECT_SOURCE.test(s) && !mirrorHas(mirrorDir, s));
  if (missing.length === 0) return undefined;
  return `skipped: provider${missing.length > 1 ? "s" : ""} ${missing.join(", ")} not in the local mirror ${mirrorDir}, so it cannot be installed offline`;
}

/** Addresses of the stack's `prefect_*` resources and data sources (set aside by offline plans). */
export function prefectAddresses(config: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const block of ["resource", "data"]) {
    const byType = config[block];
    if (!isObject(byType)) continue;
    for (const [type, byName] of Object.entries(byType)) {
      if (!type.startsWith("prefect_") || !isObject(byName)) continue;
      for (const name of Object.keys(byName)) out.push(`${block === "data" ? "data." : ""}${type}.${name}`);
    }
  }
  return out;
}

/** Stand-in for a required variable in an offline plan: visibly not a credential. */
export const OFFLINE_VARIABLE_PLACEHOLDER = "offline-plan-placeholder";

/**
 * Values for the stack's variables that have no default and no `TF_VAR_<name>` in `env`, so an
 * offline plan can run (in this project such variables feed only the Prefect part, which is set
 * aside offline). Strings get {@link OFFLINE_VARIABLE_PLACEHOLDER}; other types an empty value.
 */
export function offlineVariablePlaceholders(config: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isObject(config.variable)) return out;
  for (const [name, decl] of Object.entries(config.variable)) {
    if (!isObject(decl) || decl.default !== undefined || env[`TF_VAR_${name}`] !== undefined) continue;
    const type = typeof decl.type === "string" ? decl.type.replace(/\s/g, "") : "string";
    out[name] = type === "number" ? 0 : type === "bool" ? false : /^(list|set|tuple)/.test(type) ? [] : /^(map|object)/.test(type) ? {} : OFFLINE_VARIABLE_PLACEHOLDER;
  }
  return out;
}

export interface PlanAllOptions {
  outdir: string;
  mode: PlanMode;
  /** Only these stacks. Default: every stack of the last synthesis. */
  stacks?: string[];
  /** Print each plan in Terraform's human-readable form (sensitive values hidden by Terraform). */
  print?: boolean;
  log?: (line: string) => void;
}

/** The stacks of the last synthesis in `outdir` (cdktf's manifest.json, else the stack directories). */
export function synthesizedStacks(outdir: string): string[] {
  const manifest = path.join(outdir, "manifest.json");
  if (fs.existsSync(manifest)) {
    const stacks = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { stacks?: Record<string, unknown> }).stacks;
    if (stacks) return Object.keys(stacks).sort();
  }
  const dir = path.join(outdir, "stacks");
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "cdk.tf.json"))).sort() : [];
}

/** Plans every stack (see the file comment); returns the manifest it wrote. */
export function planAll(options: PlanAllOptions): PlanRunManifest {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const plansDir = path.join(options.outdir, "plans");
  fs.mkdirSync(plansDir, { recursive: true });
  // Never leave a stale plan of an earlier run for the summary to pick up.
  for (const f of fs.readdirSync(plansDir)) if (f.endsWith(".json")) fs.rmSync(path.join(plansDir, f));

  const mirror = options.mode === "offline" ? pluginMirrorDir() : undefined;
  log(
    options.mode === "offline"
      ? `plan: offline mode (${mirror ? `provider mirror ${mirror}` : "no mirror: registry"}, dummy credentials, empty state); ` +
          "prefect_* resources are set aside as in the Terraform tier of the tests"
      : "plan: live mode (registry, your credentials, each stack's own backend; Prefect included)",
  );

  const names = options.stacks ?? synthesizedStacks(options.outdir);
  const outcomes: Array<{ stack: string; status: StackStatus; notes: string[]; ms?: number }> = [];
  for (const stack of names) {
    const stackDir = path.join(options.outdir, "stacks", stack);
    const notes: string[] = [];
    const started = Date.now();
    try {
      const config = JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8")) as Record<string, unknown>;
      let plan: TerraformPlan;
      let workdir: string;
      if (options.mode === "offline") {
        const skip = mirror ? offlineSkipReason(config, mirror) : undefined;
        if (skip) {
          log(`${stack}: ${skip}`);
          outcomes.push({ stack, status: "skipped", notes: [skip] });
          continue;
        }
        const prefect = prefectAddresses(config);
        if (prefect.length) {
          const note = `prefect_* set aside (the Prefect provider cannot be installed offline), not planned: ${listSome(prefect, 3)}`;
          notes.push(note);
          log(`${stack}: ${note}`);
        }
        workdir = path.join(options.outdir, ".plan-work", stack);
        const placeholders = offlineVariablePlaceholders(config);
        let varFile: string | undefined;
        if (Object.keys(placeholders).length) {
          fs.mkdirSync(workdir, { recursive: true });
          varFile = path.join(workdir, "offline-placeholders.tfvars.json");
          fs.writeFileSync(varFile, JSON.stringify(placeholders, null, 2));
          const names = Object.keys(placeholders);
          const note = `variable${names.length > 1 ? "s" : ""} ${names.join(", ")} given a placeholder (offline; set TF_VAR_<name> for a real value)`;
          notes.push(note);
          log(`${stack}: ${note}`);
        }
        ({ plan, workdir } = planStack({ stackDir, workdir, offline: true, varFile }));
      } else {
        ({ plan, workdir } = planStackLive({ stackDir }));
      }
      fs.writeFileSync(path.join(plansDir, `${stack}.json`), JSON.stringify(plan, null, 1), { mode: 0o600 });
      const ms = Date.now() - started;
      log(`${stack}: planned in ${(ms / 1000).toFixed(1)} s: ${countsLine(countActions(plan.resource_changes ?? []))}`);
      if (options.print) {
        const shown = runTerraform(["show", "-no-color", "tfplan"], { cwd: workdir, env: terraformEnv(workdir) });
        process.stdout.write(`\n===== ${stack} =====\n${shown.stdout}\n`);
      }
      outcomes.push({ stack, status: "planned", notes, ms });
    } catch (e) {
      log(`${stack}: PLAN FAILED\n${(e as Error).message}`);
      outcomes.push({ stack, status: "failed", notes, ms: Date.now() - started });
    }
  }

  const manifest: PlanRunManifest = { kind: "prefect-code-storage-plan-run", mode: options.mode, stacks: outcomes };
  fs.writeFileSync(path.join(plansDir, PLAN_MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  return manifest;
}

export interface PlanAllArgs {
  outdir: string;
  mode?: PlanMode;
  stacks?: string[];
  print: boolean;
}

export function parsePlanAllArgs(argv: string[]): PlanAllArgs {
  const args: PlanAllArgs = { outdir: "cdktf.out", print: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes("=") ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)] : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (!v) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === "--outdir") args.outdir = value();
    else if (flag === "--stacks") args.stacks = value().split(",").map((s) => s.trim()).filter(Boolean);
    else if (flag === "--mode") {
      const mode = value();
      if (mode !== "offline" && mode !== "live") throw new Error(`--mode must be offline or live, not ${mode}`);
      args.mode = mode;
    } else if (flag === "--print") args.print = true;
    else throw new Error(`unknown argument ${argv[i]}\nusage: plan [--mode offline|live] [--stacks a,b] [--outdir dir] [--print]`);
  }
  return args;
}

/** The `plan` command; returns the exit code (2: bad arguments or no synthesis, 1: a plan failed). */
export function planMain(argv: string[]): number {
  let args: PlanAllArgs;
  try {
    args = parsePlanAllArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  if (!fs.existsSync(path.join(args.outdir, "stacks"))) {
    process.stderr.write(`no synthesis in ${args.outdir}/stacks: run \`cdktf synth\` (or your app) first, or pass --outdir\n`);
    return 2;
  }
  const unknown = (args.stacks ?? []).filter((s) => !fs.existsSync(path.join(args.outdir, "stacks", s)));
  if (unknown.length) {
    process.stderr.write(`unknown stack(s) ${unknown.join(", ")}; synthesized: ${synthesizedStacks(args.outdir).join(", ")}\n`);
    return 2;
  }
  const mode = args.mode ?? (pluginMirrorDir() ? "offline" : "live");
  const manifest = planAll({ outdir: args.outdir, mode, stacks: args.stacks, print: args.print });
  const failed = manifest.stacks.filter((s) => s.status === "failed").map((s) => s.stack);
  const planned = manifest.stacks.filter((s) => s.status === "planned").length;
  const skipped = manifest.stacks.filter((s) => s.status === "skipped").length;
  process.stderr.write(
    `plan: ${planned} planned, ${skipped} skipped, ${failed.length} failed; plans in ${path.join(args.outdir, "plans")}\n`,
  );
  if (failed.length) process.stderr.write(`plan failed for: ${failed.join(", ")}\n`);
  return failed.length ? 1 : 0;
}
