/**
 * The `prefect-code-storage` command as the package ships it (packages/core/lib/cli/main.js, run with plain node):
 * `plan` on a cdktf synthesis it did not make, offline against the provider mirror, then
 * `plan-summary` on its plans; and the usage errors a user meets first.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildApp } from "../stacks/app";
import { PLAN_SUMMARY_MARKER } from "../packages/core/src/cli/plan/summary";
import { pluginMirrorDir } from "../packages/core/src/cli/terraform/terraform";
import { prerequisite } from "./support/prerequisites";

const ROOT = path.join(__dirname, "..");
const CLI = path.join(ROOT, "packages", "core", "lib", "cli", "main.js");
const run = prerequisite(
  !fs.existsSync(CLI) ? "packages/core/lib/cli/main.js is missing: run npm run build first" : !pluginMirrorDir() ? "no provider mirror (TF_PLUGIN_MIRROR or /opt/tf-plugins): the offline plan needs one" : undefined,
);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-cli-"));
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

(run ? describe : describe.skip)("npx prefect-code-storage", () => {
  it("prints its usage, and refuses an unknown command or a missing synthesis with exit 2", () => {
    expect(cli("--help")).toMatchObject({ status: 0, stderr: expect.stringContaining("plan-summary  --plans") });
    expect(cli("deploy")).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown command deploy") });
    expect(cli("plan", "--outdir", "nowhere")).toMatchObject({ status: 2, stderr: expect.stringContaining("no synthesis in nowhere/stacks") });
  });

  it("plans a synthesized app offline and summarizes the plans for the pull request", () => {
    buildApp({ outdir: path.join(tmp, "cdktf.out"), stacks: ["s3-users"] }).synth();
    const planned = cli("plan", "--mode", "offline");
    expect({ status: planned.status, stderr: planned.stderr }).toMatchObject({ status: 0, stderr: expect.stringContaining("1 planned, 0 skipped, 0 failed") });
    const plan = JSON.parse(fs.readFileSync(path.join(tmp, "cdktf.out", "plans", "s3-users.json"), "utf8"));
    const bucket = plan.resource_changes.find((c: any) => c.type === "aws_s3_bucket");
    expect(bucket.change.actions).toEqual(["create"]);
    expect(plan.resource_changes.some((c: any) => c.type.startsWith("prefect_"))).toBe(false);

    const summary = cli("plan-summary", "--plans", "cdktf.out/plans", "--out", "summary.md");
    expect(summary.status).toBe(0);
    const md = fs.readFileSync(path.join(tmp, "summary.md"), "utf8");
    expect(md).toContain(PLAN_SUMMARY_MARKER);
    expect(md).toContain("s3-users");
  }, 240_000);
});
