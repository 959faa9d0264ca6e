/**
 * The GitHub Actions workflows for plans in pull requests (.github/workflows/plan.yml) and applies
 * on main (apply.yml): they parse, have the right triggers, least-privilege permissions, steps in a
 * safe order, and the comment script really updates its one comment (run here with a fake GitHub).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { PLAN_SUMMARY_MARKER } from "../packages/core/src/cli/plan/summary";

const root = path.resolve(__dirname, "..");
const load = (file: string): any => parse(fs.readFileSync(path.join(root, ".github", "workflows", file), "utf8"));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
  id?: string;
}

const plan = load("plan.yml");
const apply = load("apply.yml");
const planJob = plan.jobs?.plan;
const applyJob = apply.jobs?.apply;
const planSteps: Step[] = planJob?.steps ?? [];
const applySteps: Step[] = applyJob?.steps ?? [];

const indexOf = (steps: Step[], pred: (s: Step) => boolean, what: string): number => {
  const i = steps.findIndex(pred);
  if (i < 0) throw new Error(`no step ${what}`);
  return i;
};
const usesAction = (action: string) => (s: Step) => (s.uses ?? "").startsWith(`${action}@`);
const runs = (pattern: RegExp) => (s: Step) => pattern.test(s.run ?? "");
const mentionsSecrets = (v: unknown) => /\$\{\{\s*secrets\./.test(JSON.stringify(v ?? {}));

describe.each([
  ["plan.yml", plan, planJob, planSteps],
  ["apply.yml", apply, applyJob, applySteps],
])("%s: common structure", (_file, workflow, job, steps) => {
  it("grants nothing by default and no job asks for write-all", () => {
    expect(workflow.permissions).toEqual({});
    expect(JSON.stringify(workflow)).not.toMatch(/write-all|read-all/);
    expect(job.permissions.contents).toBe("read");
    expect(job.permissions["id-token"]).toBe("write");
  });

  it("pins every action to a major version or a commit", () => {
    const uses = steps.filter((s: Step) => s.uses).map((s: Step) => s.uses!);
    expect(uses.length).toBeGreaterThanOrEqual(4);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@(v\d+(\.\d+)*|[0-9a-f]{40})$/);
  });

  it("sets up Node 20 and Terraform 1.11 without the wrapper that breaks `terraform show -json`", () => {
    expect(steps.find(usesAction("actions/setup-node"))?.with?.["node-version"]).toBe(20);
    const tf = steps.find(usesAction("hashicorp/setup-terraform"))!;
    expect(String(tf.with?.terraform_version)).toMatch(/^1\.11(\.x)?$/);
    expect(tf.with?.terraform_wrapper).toBe(false);
    expect(steps.some(runs(/^npm ci$/m))).toBe(true);
  });

  it("runs the code (npm ci, synth) before credentials exist, and keeps secrets out of job-level env", () => {
    const credentials = indexOf(steps, usesAction("aws-actions/configure-aws-credentials"), "configure-aws-credentials");
    for (const i of steps.map((s: Step, k: number) => (runs(/npm (ci|run synth)/)(s) ? k : -1)).filter((k: number) => k >= 0)) {
      expect(i).toBeLessThan(credentials);
    }
    steps.slice(0, credentials).forEach((s: Step) => expect({ step: s.name ?? s.uses, secrets: mentionsSecrets(s.env) }).toEqual({ step: s.name ?? s.uses, secrets: false }));
    expect(mentionsSecrets(job.env)).toBe(false);
  });
});

describe("plan.yml", () => {
  it("runs on pull requests, one run per PR at a time, not for forks", () => {
    expect(Object.keys(plan.on)).toEqual(["pull_request"]);
    expect(plan.concurrency.group).toContain("github.event.pull_request.number");
    expect(planJob.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
  });

  it("may write the PR comment and nothing else", () => {
    expect(planJob.permissions).toEqual({ contents: "read", "id-token": "write", "pull-requests": "write" });
  });

  it("checks out full history and synthesizes the base commit in its own worktree with its own npm ci", () => {
    expect(planSteps.find(usesAction("actions/checkout"))?.with?.["fetch-depth"]).toBe(0);
    const base = planSteps[indexOf(planSteps, runs(/git worktree add/), "git worktree add")];
    expect(base.run).toMatch(/git worktree add .*\$BASE_SHA/);
    expect(planJob.env.BASE_SHA).toBe("${{ github.event.pull_request.base.sha }}");
    expect(base.run).toMatch(/cd "\$RUNNER_TEMP\/base"\s*\n\s*npm ci\s*\n\s*npm run synth/);
  });

  it("assumes the read-only plan role, then synth + plan on the head, then summarizes against the base", () => {
    const credentials = planSteps.find(usesAction("aws-actions/configure-aws-credentials"))!;
    expect(credentials.with?.["role-to-assume"]).toBe("${{ vars.AWS_PLAN_ROLE_ARN }}");
    const synth = indexOf(planSteps, (s) => s.run === "npm run synth", "npm run synth (head)");
    const planStep = indexOf(planSteps, runs(/^npm run plan\b(?!:)/), "npm run plan");
    const summary = indexOf(planSteps, runs(/npm run plan:summary/), "npm run plan:summary");
    const comment = indexOf(planSteps, usesAction("actions/github-script"), "github-script");
    expect(synth).toBeLessThan(planStep);
    expect(planStep).toBeLessThan(summary);
    expect(summary).toBeLessThan(comment);
    expect(planSteps[planStep].run).toContain("--mode live");
    expect(planSteps[planStep].env).toMatchObject({
      PREFECT_API_URL: "${{ secrets.PREFECT_API_URL }}",
      PREFECT_API_KEY: "${{ secrets.PREFECT_API_KEY }}",
    });
    expect(planSteps[summary].run).toMatch(/--plans cdktf\.out\/plans --base "\$RUNNER_TEMP\/base\/cdktf\.out" --head cdktf\.out --out /);
    // The comment is posted even when a plan failed, so the PR says so.
    for (const i of [summary, comment]) expect(planSteps[i].if).toContain("!cancelled()");
  });

  describe("the comment script", () => {
    const step = planSteps.find(usesAction("actions/github-script"))!;
    const script = String(step.with?.script ?? "");
    const body = `${PLAN_SUMMARY_MARKER}\n## Terraform plan\n`;

    /** Runs the script as actions/github-script does (an async function body), with a fake GitHub. */
    async function runScript(existing: Array<{ id: number; user: { login: string }; body: string; html_url: string }>) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-comment-"));
      const file = path.join(dir, "summary.md");
      fs.writeFileSync(file, body);
      const calls: Array<[string, any]> = [];
      const github = {
        paginate: async (fn: unknown, args: any) => {
          calls.push(["list", args]);
          expect(fn).toBe(github.rest.issues.listComments);
          return existing;
        },
        rest: {
          issues: {
            listComments: () => undefined,
            updateComment: async (args: any) => void calls.push(["update", args]),
            createComment: async (args: any) => (calls.push(["create", args]), { data: { html_url: "https://example.invalid/c/9" } }),
          },
        },
      };
      const context = { repo: { owner: "acme", repo: "flows" }, payload: { pull_request: { number: 7 } } };
      const core = { info: () => undefined };
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
      const env = { ...process.env, SUMMARY_FILE: file };
      try {
        await new AsyncFunction("github", "context", "core", "require", "process", script)(github, context, core, require, { env });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      return calls;
    }

    it("looks for the same marker the summary writes", () => {
      expect(script).toContain(PLAN_SUMMARY_MARKER);
      expect(step.env?.SUMMARY_FILE).toBe("${{ runner.temp }}/plan-summary.md");
    });

    it("updates its own earlier comment instead of adding another", async () => {
      const calls = await runScript([
        { id: 1, user: { login: "alice" }, body: "looks good", html_url: "u1" },
        { id: 2, user: { login: "github-actions[bot]" }, body: `${PLAN_SUMMARY_MARKER}\nold`, html_url: "u2" },
      ]);
      expect(calls).toEqual([
        ["list", { owner: "acme", repo: "flows", issue_number: 7, per_page: 100 }],
        ["update", { owner: "acme", repo: "flows", comment_id: 2, body }],
      ]);
    });

    it("creates the comment when there is none of its own (a human quoting the marker does not count)", async () => {
      const calls = await runScript([{ id: 3, user: { login: "mallory" }, body: `${PLAN_SUMMARY_MARKER} fake`, html_url: "u3" }]);
      expect(calls.map((c) => c[0])).toEqual(["list", "create"]);
      expect(calls[1][1]).toEqual({ owner: "acme", repo: "flows", issue_number: 7, body });
    });
  });
});

describe("apply.yml", () => {
  it("runs on push to main and by hand", () => {
    expect(apply.on.push.branches).toEqual(["main"]);
    expect("workflow_dispatch" in apply.on).toBe(true);
    expect(apply.on.pull_request).toBeUndefined();
  });

  it("runs under the protected production environment, one apply at a time, never cancelled mid-apply", () => {
    expect(applyJob.environment === "production" || applyJob.environment?.name === "production").toBe(true);
    expect(typeof apply.concurrency.group).toBe("string");
    expect(apply.concurrency.group).not.toMatch(/\$\{\{/); // one fixed group for every ref and run
    expect(apply.concurrency["cancel-in-progress"]).toBe(false);
  });

  it("has no PR or write permission beyond the OIDC token", () => {
    expect(applyJob.permissions).toEqual({ contents: "read", "id-token": "write" });
  });

  it("synthesizes, assumes the apply role, then runs terraform init + apply -auto-approve in each stack dir", () => {
    const synth = indexOf(applySteps, (s) => s.run === "npm run synth", "npm run synth");
    const credentials = indexOf(applySteps, usesAction("aws-actions/configure-aws-credentials"), "configure-aws-credentials");
    const applyStep = indexOf(applySteps, runs(/terraform .*apply/), "terraform apply");
    expect(synth).toBeLessThan(credentials);
    expect(credentials).toBeLessThan(applyStep);
    expect(applySteps[credentials].with?.["role-to-assume"]).toBe("${{ vars.AWS_APPLY_ROLE_ARN }}");
    const script = applySteps[applyStep].run!;
    expect(script).toMatch(/set -euo pipefail/);
    expect(script).toMatch(/for dir in cdktf\.out\/stacks\/\*\/; do/);
    expect(script).toMatch(/terraform -chdir="\$dir" init -input=false/);
    expect(script).toMatch(/terraform -chdir="\$dir" apply -input=false -auto-approve/);
    expect(script).not.toMatch(/cdktf (deploy|apply)/); // cdktf-cli is not a dependency
    expect(applySteps[applyStep].env).toMatchObject({ PREFECT_API_KEY: "${{ secrets.PREFECT_API_KEY }}" });
  });
});

describe("package.json", () => {
  it("has the plan scripts, pointing at files that exist", () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts;
    expect(scripts.plan).toBe("tsx packages/core/src/cli/main.ts plan");
    expect(scripts["plan:summary"]).toBe("tsx packages/core/src/cli/main.ts plan-summary");
    for (const s of [scripts.plan, scripts["plan:summary"]]) expect(fs.existsSync(path.join(root, s.split(" ")[1]))).toBe(true);
  });
});

describe("the composite action users reference (.github/actions/plan)", () => {
  const action = parse(fs.readFileSync(path.join(root, ".github", "actions", "plan", "action.yml"), "utf8"));
  const steps: Step[] = action.runs?.steps ?? [];

  it("is a composite action running the packaged command, then the summary, then the comment", () => {
    expect(action.runs.using).toBe("composite");
    const planStep = indexOf(steps, runs(/npx --no-install prefect-code-storage plan --outdir "\$OUTDIR" --mode "\$MODE"/), "plan");
    const summary = indexOf(steps, runs(/npx --no-install prefect-code-storage plan-summary --plans "\$OUTDIR\/plans"/), "plan-summary");
    const comment = indexOf(steps, usesAction("actions/github-script"), "comment");
    expect(planStep).toBeLessThan(summary);
    expect(summary).toBeLessThan(comment);
    // The summary and the comment also come when a plan failed.
    expect(steps[summary].if).toContain("!cancelled()");
    expect(steps[comment].with?.script).toContain(PLAN_SUMMARY_MARKER);
  });

  it("passes inputs to scripts through the environment, never interpolated into the shell", () => {
    for (const s of steps.filter((step) => step.run)) expect({ step: s.name, interpolated: /\$\{\{/.test(s.run!) }).toEqual({ step: s.name, interpolated: false });
    expect(mentionsSecrets(action)).toBe(false);
  });

  it("declares every input it reads", () => {
    const read = [...JSON.stringify(action.runs).matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]);
    expect(read.filter((name) => !(name in action.inputs))).toEqual([]);
  });
});
