/**
 * Synthesis benchmark (`npm run bench`): how long `npm run synth` of the example stacks takes in
 * process, and how synthesis scales with the number of storage constructs in one stack.
 * Prints medians of several runs; compare numbers from the same machine only.
 *
 *   npm run bench              # defaults: 5 runs, stacks with 1, 10 and 100 S3 storages
 *   npm run bench -- --runs 9 --sizes 1,50
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";

const loadStart = performance.now();
/* eslint-disable @typescript-eslint/no-require-imports */
const { App, TerraformStack } = require("cdktf") as typeof import("cdktf");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider") as typeof import("@cdktf/provider-aws/lib/provider");
const { PrefectProvider } = require("../packages/core/src/prefect/provider/provider") as typeof import("../packages/core/src/prefect/provider/provider");
const { PrefectProject } = require("../packages/core/src/project/prefect-project") as typeof import("../packages/core/src/project/prefect-project");
const { S3CodeStorage } = require("../packages/aws/src/s3/s3-code-storage") as typeof import("../packages/aws/src/s3/s3-code-storage");
const { buildApp } = require("../stacks/app") as typeof import("../stacks/app");
const loadMs = performance.now() - loadStart;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const runs = Number(arg("runs", "5"));
const sizes = arg("sizes", "1,10,100").split(",").map(Number);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: (outdir: string) => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-bench-"));
    const t = performance.now();
    fn(outdir);
    const ms = performance.now() - t;
    fs.rmSync(outdir, { recursive: true, force: true });
    if (i > 0) samples.push(ms); // the first run warms the JIT and is not counted
  }
  return samples;
}

function manyStorages(n: number) {
  return (outdir: string) => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, `s3-x${n}`);
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    new PrefectProvider(stack, "prefect");
    for (let i = 0; i < n; i++) {
      const storage = new S3CodeStorage(stack, `code-${i}`, { bucketName: `bench-flow-code-${i}`, folder: `flows/p${i}` });
      new PrefectProject(stack, `project-${i}`, {
        name: `p${i}`,
        storage,
        deployments: [{ name: "d", entrypoint: "flows/f.py:f" }],
      });
    }
    app.synth();
  };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`module load (cdktf, provider-aws deep imports, library): ${fmt(loadMs)}`);
const examples = time((outdir) => buildApp({ outdir }).synth());
console.log(`example stacks (npm run synth, in process): median ${fmt(median(examples))} over ${runs} runs`);
for (const n of sizes) {
  const ms = median(time(manyStorages(n)));
  console.log(`${String(n).padStart(4)} S3 storages in one stack: median ${fmt(ms)}, ${fmt(ms / n)} per storage`);
}
