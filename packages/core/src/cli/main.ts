#!/usr/bin/env node
/**
 * `npx prefect-code-storage <command>`: the tooling that reviews a cdktf app's changes in pull requests.
 * - `plan`: plans every synthesized stack (see plan/plan-all.ts);
 * - `plan-summary`: the Markdown PR comment from those plans (see plan/summary-cli.ts).
 * Shipped in the package (lib/cli/), never imported by the library itself.
 */
import { planMain } from "./plan/plan-all";
import { main as summaryMain } from "./plan/summary-cli";

const USAGE = `usage: prefect-code-storage <command> [options]
  plan          [--outdir cdktf.out] [--mode offline|live] [--stacks a,b] [--print]
  plan-summary  --plans cdktf.out/plans [--base <base outdir>] [--head cdktf.out] [--out summary.md]
`;

export function cli(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === "plan") return planMain(rest);
  if (command === "plan-summary") return summaryMain(rest);
  process.stderr.write(command === undefined || command === "--help" || command === "-h" ? USAGE : `unknown command ${command}\n${USAGE}`);
  return command === "--help" || command === "-h" ? 0 : 2;
}

if (require.main === module) {
  try {
    process.exitCode = cli(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
