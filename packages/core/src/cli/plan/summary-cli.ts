/**
 * `prefect-code-storage plan-summary --plans cdktf.out/plans [--base <base outdir>] [--head cdktf.out] [--out summary.md]`
 * (`npm run plan:summary` in this repository)
 *
 * Reads the plan JSON files written by `prefect-code-storage plan` (`<plans>/<stack>.json`, and its
 * `manifest.json` for skipped / failed stacks and the plan mode), and the generated prefect.yaml
 * of each stack under `<head>/stacks/` and `<base>/stacks/`; prints the Markdown of the PR comment
 * (summary.ts) to stdout or writes it to `--out`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { TerraformPlan } from "../terraform/terraform";
import { PLAN_MANIFEST_FILE, renderSummary, type GeneratedFileInput, type PlanRunManifest, type StackPlanInput } from "./summary";

export interface SummaryCliOptions {
  plans: string;
  base?: string;
  head: string;
  out?: string;
}

export function parseArgs(argv: string[]): SummaryCliOptions {
  const options: Partial<SummaryCliOptions> = { head: "cdktf.out" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === "--plans") options.plans = value();
    else if (flag === "--base") options.base = value();
    else if (flag === "--head") options.head = value();
    else if (flag === "--out") options.out = value();
    else throw new Error(`unknown argument ${arg}\nusage: plan:summary --plans <dir> [--base <dir>] [--head <dir>] [--out <file>]`);
  }
  if (!options.plans) throw new Error("--plans <dir> is required (the directory `npm run plan` writes, cdktf.out/plans)");
  return options as SummaryCliOptions;
}

const readIfExists = (file: string): string | undefined => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined);

const stackDirs = (outdir: string): string[] => {
  const dir = path.join(outdir, "stacks");
  return fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
};

/** Everything the summary needs, read from disk. */
export function readSummaryInput(options: SummaryCliOptions) {
  if (!fs.existsSync(options.plans)) throw new Error(`no plans at ${options.plans}: run \`prefect-code-storage plan\` first`);
  const manifestText = readIfExists(path.join(options.plans, PLAN_MANIFEST_FILE));
  const manifest = manifestText ? (JSON.parse(manifestText) as PlanRunManifest) : undefined;

  const planFiles = fs
    .readdirSync(options.plans)
    .filter((f) => f.endsWith(".json") && f !== PLAN_MANIFEST_FILE)
    .sort();
  const plans = new Map(planFiles.map((f) => [f.slice(0, -".json".length), JSON.parse(fs.readFileSync(path.join(options.plans, f), "utf8")) as TerraformPlan]));

  const stacks: StackPlanInput[] = [];
  for (const outcome of manifest?.stacks ?? []) {
    stacks.push({ stack: outcome.stack, status: outcome.status, plan: plans.get(outcome.stack), notes: outcome.notes });
    plans.delete(outcome.stack);
  }
  for (const [stack, plan] of plans) stacks.push({ stack, plan });

  const notes: string[] = [];
  let generatedFiles: GeneratedFileInput[] | undefined;
  if (options.base) {
    if (!fs.existsSync(path.join(options.base, "stacks"))) {
      notes.push(`The base branch's synthesis was not found at ${options.base}/stacks: prefect.yaml not compared.`);
    } else {
      const names = [...new Set([...stackDirs(options.head), ...stackDirs(options.base)])].sort();
      generatedFiles = names.map((stack) => ({
        stack,
        base: readIfExists(path.join(options.base!, "stacks", stack, "prefect.yaml")),
        head: readIfExists(path.join(options.head, "stacks", stack, "prefect.yaml")),
      }));
    }
  }
  return { stacks, generatedFiles, notes, mode: manifest?.mode };
}

export function main(argv: string[]): number {
  let options: SummaryCliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const markdown = renderSummary(readSummaryInput(options));
  if (options.out) {
    fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    fs.writeFileSync(options.out, markdown);
    process.stderr.write(`plan summary written to ${options.out} (${markdown.length} characters)\n`);
  } else {
    process.stdout.write(markdown);
  }
  return 0;
}

