/**
 * The plan summary (packages/core/src/cli/plan/summary.ts and its rules) against REAL `terraform show -json`
 * plans: a tiny AWS stack is synthesized in two versions; version 1 is planned from empty state,
 * its planned values become a Terraform state file, and version 2 is planned against that state
 * (`-refresh=false`, offline), giving real create / update / replace / destroy changes.
 * Hand-written minimal plans cover what Terraform cannot produce here (no changes, unknown and
 * sensitive values, other clouds, the Prefect provider).
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { IamAccessKey } from "@cdktf/provider-aws/lib/iam-access-key";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { IamUserPolicy } from "@cdktf/provider-aws/lib/iam-user-policy";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { planStack, type PlannedResource, type ResourceChange, type TerraformPlan } from "../packages/core/src/cli/terraform/terraform";
import { unifiedDiff } from "../packages/core/src/cli/plan/diff";
import { offlineSkipReason, offlineVariablePlaceholders, prefectAddresses, providerSources } from "../packages/core/src/cli/plan/plan-all";
import { PLAN_RULES, planAction } from "../packages/core/src/cli/plan/rules";
import { wideningOf } from "../packages/core/src/cli/plan/rules/policy-widened";
import { parsePolicy } from "../packages/core/src/cli/plan/rules/policy-document";
import {
  changeRows,
  countActions,
  findingsOf,
  generatedFileDiff,
  PLAN_SUMMARY_MARKER,
  renderSummary,
  type Finding,
} from "../packages/core/src/cli/plan/summary";
import { main as cliMain } from "../packages/core/src/cli/plan/summary-cli";
import { ChangeReader } from "../packages/core/src/cli/plan/values";

// ---------------------------------------------------------------------------------------------
// The stack, two versions.

const OLD_BUCKET = "acme-plan-summary-code-v1";
const NEW_BUCKET = "acme-plan-summary-code-v2";
const KEPT_BUCKET = "acme-plan-summary-kept";
const PULL_USER = "plan-summary-pull";
/** Planted in the prior state as the access key's secret; must never reach the Markdown. */
const PLANTED_SECRET = "planted-sensitive-value-must-not-be-printed-42";
const PLANTED_SMTP = "planted-smtp-password-must-not-be-printed-43";

const policy = (actions: string[]) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Sid: "Pull", Effect: "Allow", Action: actions, Resource: `arn:aws:s3:::${KEPT_BUCKET}/etl/*` }],
  });

function synthVersion(outdir: string, version: 1 | 2): string {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "summary");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new S3Bucket(stack, "renamed", { bucket: version === 1 ? OLD_BUCKET : NEW_BUCKET });
  const kept = new S3Bucket(stack, "kept", { bucket: KEPT_BUCKET, tags: { team: version === 1 ? "data" : "platform" } });
  new S3BucketVersioningA(stack, "kept_versioning", {
    bucket: kept.bucket,
    versioningConfiguration: { status: version === 1 ? "Enabled" : "Suspended" },
  });
  const user = new IamUser(stack, "pull", { name: PULL_USER });
  new IamUserPolicy(stack, "pull_policy", {
    name: "pull",
    user: user.name,
    policy: policy(version === 1 ? ["s3:GetObject"] : ["s3:GetObject", "s3:PutObject"]),
  });
  if (version === 1) new IamAccessKey(stack, "pull_key", { user: user.name });
  else new IamUser(stack, "push", { name: "plan-summary-push" });
  app.synth();
  return path.join(outdir, "stacks", "summary");
}

// ---------------------------------------------------------------------------------------------
// planned_values -> Terraform v4 state

/** Plausible values for attributes known only after apply (ids, ARNs; the planted secrets). */
function fakeComputed(r: PlannedResource, attribute: string): unknown {
  const v = r.values;
  const ids: Record<string, () => unknown> = {
    aws_s3_bucket: () => v.bucket,
    aws_s3_bucket_versioning: () => v.bucket,
    aws_iam_user: () => v.name,
    aws_iam_user_policy: () => `${v.user}:${v.name}`,
    aws_iam_access_key: () => "fake-access-key-id-for-tests",
  };
  switch (attribute) {
    case "id":
      return (ids[r.type] ?? (() => `${r.type}.${r.name}`))();
    case "arn":
      return r.type === "aws_s3_bucket" ? `arn:aws:s3:::${v.bucket}` : `arn:aws:iam::123456789012:user/${v.name}`;
    case "unique_id":
      return `fake-unique-id-${v.name}`;
    case "bucket_domain_name":
      return `${v.bucket}.s3.amazonaws.com`;
    case "bucket_regional_domain_name":
      return `${v.bucket}.s3.eu-west-1.amazonaws.com`;
    case "region":
      return "eu-west-1";
    case "hosted_zone_id":
      return "Z1BKCTXD74EZPE";
    case "secret":
      return PLANTED_SECRET;
    case "ses_smtp_password_v4":
      return PLANTED_SMTP;
    case "tags_all":
      return v.tags ?? {};
    case "mfa_delete":
      return "";
    case "create_date":
      return "2025-01-01T00:00:00Z";
    default:
      return undefined; // left null, as a provider with nothing to report would
  }
}

/** A version 4 state file holding what `plan` says would exist after apply (unknowns faked). */
function stateFromPlan(plan: TerraformPlan): object {
  const unknownOf = new Map((plan.resource_changes ?? []).map((c) => [c.address, (c.change.after_unknown ?? {}) as Record<string, unknown>]));
  const resources = (plan.planned_values?.root_module?.resources ?? []).map((r) => {
    const attributes = structuredClone(r.values);
    // Fill unknown leaves at any depth (e.g. versioning_configuration[0].mfa_delete).
    const fill = (target: any, unknown: unknown): void => {
      if (!unknown || typeof unknown !== "object" || !target || typeof target !== "object") return;
      for (const [key, mark] of Object.entries(unknown)) {
        if (mark === true) {
          const value = fakeComputed(r, key);
          if (value !== undefined) target[key] = value;
        } else fill(target[key], mark);
      }
    };
    fill(attributes, unknownOf.get(r.address));
    const sensitive = Object.keys(r.sensitive_values ?? {}).filter((k) => (r.sensitive_values as any)[k] === true);
    if (r.type === "aws_iam_access_key") sensitive.push("secret", "ses_smtp_password_v4");
    return {
      mode: r.mode,
      type: r.type,
      name: r.name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [
        {
          schema_version: 0, // every resource type used here is at schema version 0 in aws 5.100.0
          attributes,
          sensitive_attributes: [...new Set(sensitive)].map((k) => [{ type: "get_attr", value: k }]),
        },
      ],
    };
  });
  return { version: 4, terraform_version: plan.terraform_version, serial: 1, lineage: crypto.randomUUID(), outputs: {}, resources, check_results: null };
}

// ---------------------------------------------------------------------------------------------
// Real plans, made once (three plans in one reused init dir).

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-plan-summary-"));
const workdir = path.join(tmp, "work");
let createPlan: TerraformPlan;
let noChangePlan: TerraformPlan;
let changePlan: TerraformPlan;
const terraformMs: number[] = [];

beforeAll(() => {
  const v1 = synthVersion(path.join(tmp, "v1"), 1);
  const v2 = synthVersion(path.join(tmp, "v2"), 2);
  const timed = (f: () => TerraformPlan): TerraformPlan => {
    const started = Date.now();
    const plan = f();
    terraformMs.push(Date.now() - started);
    return plan;
  };
  createPlan = timed(() => planStack({ stackDir: v1, workdir }).plan);
  const stateFile = path.join(tmp, "v1.tfstate");
  fs.writeFileSync(stateFile, JSON.stringify(stateFromPlan(createPlan), null, 2));
  noChangePlan = timed(() => planStack({ stackDir: v1, workdir, stateFile }).plan);
  changePlan = timed(() => planStack({ stackDir: v2, workdir, stateFile }).plan);
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  if (terraformMs.length) process.stderr.write(`plan-summary: terraform plans took ${terraformMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(" + ")}\n`);
});

const byAddress = (plan: TerraformPlan, address: string): ResourceChange => {
  const found = (plan.resource_changes ?? []).find((c) => c.address === address);
  if (!found) throw new Error(`no change for ${address}; have ${(plan.resource_changes ?? []).map((c) => c.address).join(", ")}`);
  return found;
};
const findingsFor = (findings: Finding[], address: string, rule?: string) =>
  findings.filter((f) => f.address === address && (rule === undefined || f.rule === rule));

describe("real plans of a tiny AWS stack", () => {
  it("the prior state built from planned values round-trips: version 1 against it plans no changes", () => {
    const actions = (noChangePlan.resource_changes ?? []).map((c) => `${c.address}:${c.change.actions.join("+")}`);
    expect(actions.length).toBe(6);
    for (const a of actions) expect(a).toMatch(/:no-op$/);
    expect(countActions(noChangePlan.resource_changes ?? [])).toEqual({ add: 0, change: 0, replace: 0, destroy: 0 });
  });

  it("version 2 really creates, updates in place, replaces and destroys", () => {
    expect(byAddress(changePlan, "aws_iam_user.push").change.actions).toEqual(["create"]);
    expect(byAddress(changePlan, "aws_s3_bucket.kept").change.actions).toEqual(["update"]);
    expect(byAddress(changePlan, "aws_s3_bucket_versioning.kept_versioning").change.actions).toEqual(["update"]);
    expect(byAddress(changePlan, "aws_iam_user_policy.pull_policy").change.actions).toEqual(["update"]);
    expect(byAddress(changePlan, "aws_s3_bucket.renamed").change.actions).toEqual(["delete", "create"]);
    expect(byAddress(changePlan, "aws_iam_access_key.pull_key").change.actions).toEqual(["delete"]);
    expect(countActions(changePlan.resource_changes ?? [])).toEqual({ add: 1, change: 3, replace: 1, destroy: 1 });
  });

  it("counts a create-only plan as adds", () => {
    expect(countActions(createPlan.resource_changes ?? [])).toEqual({ add: 6, change: 0, replace: 0, destroy: 0 });
  });

  it("lists every changed resource with its action, and what changes in an update", () => {
    const rows = changeRows(changePlan.resource_changes ?? []);
    expect(Object.fromEntries(rows.map((r) => [r.address, r.action]))).toEqual({
      "aws_iam_access_key.pull_key": "delete",
      "aws_iam_user.push": "create",
      "aws_iam_user_policy.pull_policy": "update",
      "aws_s3_bucket.kept": "update",
      "aws_s3_bucket.renamed": "replace",
      "aws_s3_bucket_versioning.kept_versioning": "update",
    });
    const kept = rows.find((r) => r.address === "aws_s3_bucket.kept")!;
    expect(kept.details).toContain('tags.team: "data" -> "platform"');
    const policyRow = rows.find((r) => r.address === "aws_iam_user_policy.pull_policy")!;
    expect(policyRow.details).toEqual(['policy » Statement[0].Action[1]: (none) -> "s3:PutObject"']);
    const renamed = rows.find((r) => r.address === "aws_s3_bucket.renamed")!;
    expect(renamed.details).toContain(`bucket: "${OLD_BUCKET}" -> "${NEW_BUCKET}" (forces replacement)`);
    expect(renamed.details.some((d) => d.startsWith("arn:") && d.endsWith("-> (known after apply)"))).toBe(true);
  });

  describe("warnings", () => {
    let findings: Finding[];
    beforeAll(() => {
      findings = findingsOf("summary", changePlan.resource_changes ?? []);
    });

    it("a bucket replaced by a name change", () => {
      const f = findingsFor(findings, "aws_s3_bucket.renamed", "StorageDestroyed");
      expect(f).toHaveLength(1);
      expect(f[0].message).toContain(`\`${OLD_BUCKET}\``);
      expect(f[0].message).toContain("destroyed and recreated (forced by a change of bucket)");
    });

    it("versioning Enabled -> Suspended", () => {
      const f = findingsFor(findings, "aws_s3_bucket_versioning.kept_versioning", "VersioningDisabled");
      expect(f).toHaveLength(1);
      expect(f[0].message).toBe('versioning is turned off: versioning_configuration[0].status `Enabled` -> `Suspended`');
    });

    it("an IAM policy gaining an action", () => {
      const f = findingsFor(findings, "aws_iam_user_policy.pull_policy", "PolicyWidened");
      expect(f.map((x) => x.message)).toEqual(["policy: new Allow action: `s3:PutObject`"]);
    });

    it("an access key destroyed", () => {
      const f = findingsFor(findings, "aws_iam_access_key.pull_key", "CredentialsDestroyed");
      expect(f).toHaveLength(1);
      expect(f[0].message).toContain(`IAM access key of user \`${PULL_USER}\` is destroyed`);
    });

    it("nothing else: a tag change and a new user are not warnings", () => {
      expect(findings.map((f) => `${f.rule} ${f.address}`).sort()).toEqual([
        "CredentialsDestroyed aws_iam_access_key.pull_key",
        "PolicyWidened aws_iam_user_policy.pull_policy",
        "StorageDestroyed aws_s3_bucket.renamed",
        "VersioningDisabled aws_s3_bucket_versioning.kept_versioning",
      ]);
    });

    it("no warnings for a plan without changes", () => {
      expect(findingsOf("summary", noChangePlan.resource_changes ?? [])).toEqual([]);
    });
  });

  describe("the Markdown", () => {
    let markdown: string;
    beforeAll(() => {
      markdown = renderSummary({
        mode: "offline",
        stacks: [
          { stack: "summary", plan: changePlan },
          { stack: "gitlab", status: "skipped", notes: ["skipped: provider registry.terraform.io/gitlabhq/gitlab not in the local mirror"] },
        ],
        generatedFiles: [
          { stack: "summary", base: "name: etl\nfolder: etl\n", head: "name: etl\nfolder: elt\n" },
          { stack: "kept", base: "name: kept\n", head: "name: kept\n" },
          { stack: "fresh", base: undefined, head: "name: fresh\n" },
        ],
      });
    });

    it("starts with the marker, then the warnings before any stack section", () => {
      expect(markdown.split("\n")[0]).toBe(PLAN_SUMMARY_MARKER);
      const warnings = markdown.indexOf("[!CAUTION]");
      expect(warnings).toBeGreaterThan(0);
      expect(warnings).toBeLessThan(markdown.indexOf("### summary"));
      expect(markdown).toContain("**4 warnings");
      for (const rule of ["StorageDestroyed", "VersioningDisabled", "PolicyWidened", "CredentialsDestroyed"]) {
        expect(markdown).toMatch(new RegExp(`> - \\*\\*${rule}\\*\\* · \`summary\``));
      }
    });

    it("counts and lists the changes of each stack; skipped stacks say why", () => {
      expect(markdown).toContain("| `summary` | changes | 1 | 3 | 1 | 1 | 4 |");
      expect(markdown).toContain("**1 to add, 3 to change, 1 to replace, 1 to destroy**");
      expect(markdown).toContain("| `aws_s3_bucket.renamed` | **replace** |");
      expect(markdown).toContain("| `aws_iam_access_key.pull_key` | **destroy** |");
      expect(markdown).toContain("| `aws_iam_user.push` | create |");
      expect(markdown).toContain("| `gitlab` | skipped |");
      expect(markdown).toContain("> skipped: provider registry.terraform.io/gitlabhq/gitlab not in the local mirror");
      expect(markdown).toContain("[!NOTE]\n> Offline plan");
    });

    it("diffs prefect.yaml against the base: changed, unchanged, new file", () => {
      expect(markdown).toContain(
        "#### `summary/prefect.yaml`: changed\n\n```diff\n--- a/summary/prefect.yaml\n+++ b/summary/prefect.yaml\n@@ -1,2 +1,2 @@\n name: etl\n-folder: etl\n+folder: elt\n```",
      );
      expect(markdown).toContain("Unchanged: `kept/prefect.yaml`.");
      expect(markdown).toContain("<code>fresh/prefect.yaml</code>: new file");
      expect(markdown).toContain("--- /dev/null\n+++ b/fresh/prefect.yaml\n@@ -0,0 +1 @@\n+name: fresh");
    });

    it("never prints the access key's secret planted in the prior state (a real plan shows it in clear text)", () => {
      const key = byAddress(changePlan, "aws_iam_access_key.pull_key");
      expect(JSON.stringify(key.change.before)).toContain(PLANTED_SECRET); // the plan JSON does hold it
      expect(markdown).not.toContain(PLANTED_SECRET);
      expect(markdown).not.toContain(PLANTED_SMTP);
      expect(markdown).not.toContain("planted-");
    });
  });
});

describe("plan:summary CLI", () => {
  it("reads the plans dir (manifest included) and both syntheses, and writes the comment", () => {
    const root = path.join(tmp, "cli");
    const plans = path.join(root, "plans");
    fs.mkdirSync(plans, { recursive: true });
    fs.writeFileSync(path.join(plans, "summary.json"), JSON.stringify(changePlan));
    fs.writeFileSync(
      path.join(plans, "manifest.json"),
      JSON.stringify({ kind: "prefect-code-storage-plan-run", mode: "live", stacks: [{ stack: "summary", status: "planned", notes: [] }, { stack: "gone", status: "failed", notes: [] }] }),
    );
    for (const [side, folder] of [["base", "etl"], ["head", "elt"]]) {
      fs.mkdirSync(path.join(root, side, "stacks", "summary"), { recursive: true });
      fs.writeFileSync(path.join(root, side, "stacks", "summary", "prefect.yaml"), `name: x\nfolder: ${folder}\n`);
    }
    const out = path.join(root, "summary.md");
    expect(cliMain(["--plans", plans, "--base", path.join(root, "base"), "--head", path.join(root, "head"), "--out", out])).toBe(0);
    const md = fs.readFileSync(out, "utf8");
    expect(md.startsWith(`${PLAN_SUMMARY_MARKER}\n`)).toBe(true);
    expect(md).toContain("| `summary` | changes | 1 | 3 | 1 | 1 | 4 |");
    expect(md).toContain("| `gone` | failed |");
    expect(md).not.toContain("[!NOTE]"); // live plans get no offline notice
    expect(md).toContain("-folder: etl\n+folder: elt");
    expect(md).not.toContain(PLANTED_SECRET);
    expect(cliMain(["--base", "x"])).toBe(2); // --plans is required
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-written minimal plans

function change(address: string, actions: string[], c: Partial<ResourceChange["change"]> & Record<string, unknown> = {}): ResourceChange {
  const [type, name] = address.split(".");
  return {
    address,
    mode: "managed",
    type,
    name,
    provider_name: "registry.terraform.io/hashicorp/aws",
    change: { actions: actions as any, before: null, after: null, ...c },
  };
}
const planOf = (...changes: ResourceChange[]): TerraformPlan => ({ format_version: "1.2", terraform_version: "1.11.4", resource_changes: changes });
const messages = (c: ResourceChange): string[] => PLAN_RULES.flatMap((r) => r.check(new ChangeReader(c)).map((m) => `${r.id}: ${m}`));

describe("edge cases (hand-written plans)", () => {
  it("no changes at all: zero counts, no warnings, 'No changes.'", () => {
    const md = renderSummary({ stacks: [{ stack: "empty", plan: planOf() }, { stack: "noop", plan: planOf(change("aws_s3_bucket.b", ["no-op"], { before: { bucket: "b" }, after: { bucket: "b" } })) }] });
    expect(md).toContain("**No warnings:**");
    expect(md).not.toContain("[!CAUTION]");
    expect(md).toContain("| `empty` | no changes | 0 | 0 | 0 | 0 | 0 |");
    expect(md).toContain("| `noop` | no changes | 0 | 0 | 0 | 0 | 0 |");
    expect(md.match(/No changes\./g)).toHaveLength(2);
    expect(md).toContain("_No base synthesis given (`--base`): not compared._");
  });

  it("a failed stack says so without any detail", () => {
    const md = renderSummary({ stacks: [{ stack: "broken", status: "failed" }] });
    expect(md).toContain("| `broken` | failed | – | – | – | – | 0 |");
    expect(md).toContain("**The plan failed**: see the workflow log.");
  });

  it("unknown values are shown as (known after apply), and an unknown policy or versioning status is a warning", () => {
    const bucketPolicy = change("aws_s3_bucket_policy.p", ["update"], {
      before: { bucket: "b", policy: policy(["s3:GetObject"]) },
      after: { bucket: "b" },
      after_unknown: { policy: true },
    });
    const versioning = change("aws_s3_bucket_versioning.v", ["update"], {
      before: { versioning_configuration: [{ status: "Enabled", mfa_delete: "" }] },
      after: { versioning_configuration: [{ mfa_delete: "" }] },
      after_unknown: { versioning_configuration: [{ status: true }] },
    });
    expect(messages(bucketPolicy)).toEqual(["PolicyWidened: policy is (known after apply): it cannot be checked in this plan"]);
    expect(messages(versioning)).toEqual(["VersioningDisabled: versioning_configuration[0].status may turn versioning off: now (known after apply)"]);
    expect(changeRows([versioning])[0].details).toEqual(['versioning_configuration[0].status: "Enabled" -> (known after apply)']);
    const md = renderSummary({ stacks: [{ stack: "s", plan: planOf(bucketPolicy, versioning) }] });
    expect(md).toContain("(known after apply)");
  });

  it("sensitive values never appear: before/after_sensitive, prefect_block data, access key secrets", () => {
    const planted = {
      blockData: "planted-block-secret-value-0001",
      blockInner: "planted-inner-secret-key-0002",
      tagSecret: "planted-tag-secret-0003",
      beforeSecret: "planted-before-secret-0004",
      keySecret: "planted-access-key-secret-0005",
      unmarked: "planted-unmarked-password-0006",
    };
    const block = {
      ...change("prefect_block.creds", ["delete", "create"], {
        before: { name: "flow-code-push", type_slug: "aws-credentials", data: JSON.stringify({ aws_secret_access_key: planted.blockInner }) },
        after: { name: "flow-code-push-2", type_slug: "aws-credentials", data: planted.blockData },
        before_sensitive: { data: true },
        after_sensitive: { data: true },
        replace_paths: [["name"]],
      }),
      provider_name: "registry.terraform.io/prefecthq/prefect",
    };
    const bucket = change("aws_s3_bucket.b", ["update"], {
      before: { bucket: "b", tags: { owner: "x", token: "t0" }, website: [{ password: planted.beforeSecret }] },
      after: { bucket: "b", tags: { owner: planted.tagSecret, token: "t1" }, website: [{ password: "other-value-0007" }] },
      before_sensitive: { website: [{ password: true }] },
      after_sensitive: { tags: { owner: true } },
    });
    // A provider that forgot to mark the secret sensitive: the deny-list still hides it.
    const key = change("aws_iam_access_key.k", ["update"], {
      before: { user: "u", secret: planted.keySecret, status: "Active" },
      after: { user: "u", secret: planted.unmarked, status: "Inactive" },
    });
    const md = renderSummary({ stacks: [{ stack: "s", plan: planOf(block, bucket, key) }] });
    for (const value of Object.values(planted)) expect(md).not.toContain(value);
    expect(md).not.toContain("other-value-0007"); // after side of a before-sensitive attribute: the attribute is secret by name
    expect(md).toContain("tags.owner: \"x\" -> (sensitive)");
    expect(md).toContain("data: (sensitive) -> (sensitive)");
    expect(md).toContain('status: "Active" -> "Inactive"');
    expect(md).toMatch(/CredentialsDestroyed\*\* · `s` · `prefect_block\.creds` \(replace\): Prefect block `flow-code-push` is destroyed and recreated/);
  });

  it("scrubs only the credential fields of a sensitive JSON block, not the bucket name shown elsewhere", () => {
    const data = JSON.stringify({ bucket_name: "acme-visible-bucket", credentials: { aws_secret_access_key: "planted-in-block-0009" }, region_name: "eu-west-1" });
    const block = change("prefect_block.bucket", ["update"], { before: { name: "b", data }, after: { name: "b", data: "{}" }, before_sensitive: { data: true }, after_sensitive: { data: true } });
    const bucket = change("aws_s3_bucket.b", ["delete"], { before: { bucket: "acme-visible-bucket", region: "eu-west-1" } });
    const md = renderSummary({ stacks: [{ stack: "s", plan: planOf(block, bucket) }] });
    expect(md).toContain("S3 bucket `acme-visible-bucket` is destroyed");
    expect(md).not.toContain("planted-in-block-0009");
  });

  it("the last line of defence scrubs a sensitive value that a rule would have quoted", () => {
    const leaky = { id: "Leaky", explanation: "test", check: (c: ChangeReader) => [`raw ${(c.change.change.before as any).data}`] };
    const block = change("prefect_block.x", ["delete"], { before: { name: "x", data: "planted-scrub-0008" }, before_sensitive: { data: true } });
    const md = renderSummary({ stacks: [{ stack: "s", plan: planOf(block) }], rules: [leaky] });
    expect(md).toContain("raw (sensitive)");
    expect(md).not.toContain("planted-scrub-0008");
  });
});

describe("rules on other clouds (hand-written plans)", () => {
  it.each([
    ["google_storage_bucket.b", ["delete"], "StorageDestroyed"],
    ["azurerm_storage_container.c", ["delete", "create"], "StorageDestroyed"],
    ["azurerm_storage_account.a", ["create", "delete"], "StorageDestroyed"],
    ["aws_ecr_repository.r", ["delete"], "RegistryDestroyed"],
    ["google_artifact_registry_repository.r", ["delete"], "RegistryDestroyed"],
    ["azurerm_container_registry.r", ["delete"], "RegistryDestroyed"],
    ["google_service_account_key.k", ["delete"], "CredentialsDestroyed"],
    ["prefect_block.b", ["delete"], "CredentialsDestroyed"],
  ])("%s %j -> %s", (address, actions, rule) => {
    const c = change(address, actions, { before: { name: "n" }, after: actions.includes("create") ? { name: "n" } : null });
    expect(messages(c).map((m) => m.split(":")[0])).toEqual([rule]);
    expect(messages(change(address, ["update"], { before: { name: "n" }, after: { name: "m" } }))).toEqual([]);
  });

  it("versioning turned off on GCS and Azure", () => {
    const gcs = change("google_storage_bucket.b", ["update"], { before: { versioning: [{ enabled: true }] }, after: { versioning: [{ enabled: false }] } });
    const azure = change("azurerm_storage_account.a", ["update"], {
      before: { blob_properties: [{ versioning_enabled: true }] },
      after: { blob_properties: [] },
    });
    expect(messages(gcs)).toEqual(["VersioningDisabled: versioning is turned off: versioning[0].enabled `true` -> `false`"]);
    expect(messages(azure)).toEqual(["VersioningDisabled: versioning is turned off: blob_properties[0].versioning_enabled `true` -> (none)"]);
    expect(messages(change("google_storage_bucket.b", ["update"], { before: { versioning: [{ enabled: false }] }, after: { versioning: [{ enabled: true }] } }))).toEqual([]);
  });

  it("new Google IAM members, binding members, Azure role assignments", () => {
    expect(messages(change("google_storage_bucket_iam_member.m", ["create"], { after: { bucket: "b", role: "roles/storage.objectViewer", member: "serviceAccount:w@p.iam.gserviceaccount.com" } }))).toEqual([
      "AccessGranted: grants role `roles/storage.objectViewer` to `serviceAccount:w@p.iam.gserviceaccount.com` on bucket `b`",
    ]);
    const binding = change("google_project_iam_binding.b", ["update"], {
      before: { project: "p", role: "roles/viewer", members: ["user:a@x.io"] },
      after: { project: "p", role: "roles/viewer", members: ["user:a@x.io", "user:b@x.io"] },
    });
    expect(messages(binding)).toEqual(["AccessGranted: grants role `roles/viewer` to `user:b@x.io` on project `p`"]);
    const assignment = change("azurerm_role_assignment.r", ["delete", "create"], {
      before: { scope: "/s/1", role_definition_name: "Storage Blob Data Reader", principal_id: "p1" },
      after: { scope: "/s/1", role_definition_name: "Storage Blob Data Contributor", principal_id: "p1" },
    });
    expect(messages(assignment)).toEqual([
      "AccessGranted: assigns role `Storage Blob Data Contributor` to principal `p1` on scope `/s/1`",
    ]);
    // Recreated with the same member and role: nothing new.
    const same = { scope: "/s/1", role_definition_name: "Storage Blob Data Reader", principal_id: "p1" };
    expect(messages(change("azurerm_role_assignment.r", ["delete", "create"], { before: same, after: same }))).toEqual([]);
  });
});

describe("policy widening", () => {
  const doc = (...statements: object[]) => parsePolicy(JSON.stringify({ Version: "2012-10-17", Statement: statements }))!;
  const getEtl = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/etl/*" };
  const list = { Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b", Condition: { StringLike: { "s3:prefix": ["etl/*"] } } };
  const tls = { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "arn:aws:s3:::b/*", Condition: { Bool: { "aws:SecureTransport": "false" } } };

  it("an identical or narrower document is not a widening", () => {
    expect(wideningOf(doc(getEtl, list, tls), doc(list, getEtl, tls))).toEqual([]);
    expect(wideningOf(doc(getEtl, list), doc(getEtl))).toEqual([]);
  });
  it("a wildcard appearing", () => {
    expect(wideningOf(doc(getEtl), doc({ ...getEtl, Action: "s3:*" }))).toEqual(["new Allow action: `s3:*` (wildcard)"]);
    expect(wideningOf(doc(getEtl), doc({ ...getEtl, Resource: "arn:aws:s3:::b/*" }))).toEqual(["new Allow resource: `arn:aws:s3:::b/*` (wildcard)"]);
  });
  it("a removed or changed Condition", () => {
    const { Condition: _dropped, ...unconditioned } = list;
    expect(wideningOf(doc(list), doc(unconditioned))).toEqual([
      "Condition removed from `s3:ListBucket` on `arn:aws:s3:::b` (was `StringLike s3:prefix=etl/*`)",
    ]);
    expect(wideningOf(doc(list), doc({ ...list, Condition: { StringLike: { "s3:prefix": ["*"] } } }))).toEqual([
      "Condition of `s3:ListBucket` on `arn:aws:s3:::b` changed: `StringLike s3:prefix=etl/*` -> `StringLike s3:prefix=*`",
    ]);
  });
  it("a new principal, and a Deny removed", () => {
    const allowRole = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/ci" }, Action: "s3:PutObject", Resource: "arn:aws:s3:::b/etl/*" };
    const second = { ...allowRole, Principal: { AWS: ["arn:aws:iam::111122223333:role/ci", "arn:aws:iam::444455556666:root"] } };
    expect(wideningOf(doc(allowRole), doc(second))).toEqual(["new principal: `AWS:arn:aws:iam::444455556666:root`"]);
    expect(wideningOf(doc(allowRole, tls), doc(allowRole))).toEqual(["no longer denies `s3:*` on `arn:aws:s3:::b/*` to `*`"]);
  });
  it("an existing action newly combined with an existing resource", () => {
    const put = { Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::b/in/*" };
    expect(wideningOf(doc(getEtl, put), doc({ ...getEtl, Resource: ["arn:aws:s3:::b/etl/*", "arn:aws:s3:::b/in/*"] }, put))).toEqual([
      "newly allows `s3:GetObject` on `arn:aws:s3:::b/in/*`",
    ]);
  });
});

describe("prefect.yaml diff", () => {
  it("matches diff -u: hunks, context, no newline at end of file", () => {
    // The expected text is what GNU `diff -u` prints for these two files (headers aside).
    const a = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";
    const b = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn";
    expect(unifiedDiff(a, b, { fromFile: "x", toFile: "y" })).toBe(
      [
        "--- x",
        "+++ y",
        "@@ -1,5 +1,5 @@",
        " a",
        "-b",
        "+B",
        " c",
        " d",
        " e",
        "@@ -11,3 +11,4 @@",
        " k",
        " l",
        " m",
        "+n",
        "\\ No newline at end of file",
        "",
      ].join("\n"),
    );
  });
  it("new file, deleted, unchanged", () => {
    expect(generatedFileDiff({ stack: "s", head: "x: 1\n" })).toEqual({ status: "new file", diff: "--- /dev/null\n+++ b/s/prefect.yaml\n@@ -0,0 +1 @@\n+x: 1\n" });
    expect(generatedFileDiff({ stack: "s", base: "x: 1\n" })?.status).toBe("deleted");
    expect(generatedFileDiff({ stack: "s", base: "x: 1\n", head: "x: 1\n" })).toEqual({ status: "unchanged", diff: "" });
    expect(generatedFileDiff({ stack: "s" })).toBeUndefined();
  });
});

describe("npm run plan: which stacks an offline plan can do", () => {
  let mirror: string;
  beforeAll(() => {
    mirror = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-plan-mirror-"));
    fs.mkdirSync(path.join(mirror, "registry.terraform.io", "hashicorp", "aws", "5.100.0"), { recursive: true });
  });
  afterAll(() => fs.rmSync(mirror, { recursive: true, force: true }));
  const gitlab = {
    terraform: { required_providers: { gitlab: { source: "gitlabhq/gitlab" }, prefect: { source: "prefecthq/prefect" } } },
    provider: { gitlab: [{}], prefect: [{}] },
    resource: { gitlab_project_access_token: { t: {} }, prefect_block: { b: {} } },
    variable: { token: { type: "string", sensitive: true }, region: { type: "string", default: "x" } },
  };
  const s3 = { terraform: { required_providers: { aws: { source: "aws" }, prefect: { source: "prefecthq/prefect" } } }, resource: { aws_s3_bucket: { b: {} }, prefect_block: { p: {} } } };

  it("skips a stack whose provider is not in the mirror, with a one-line reason; Prefect never counts", () => {
    expect(providerSources(gitlab)).toEqual(["registry.terraform.io/gitlabhq/gitlab", "registry.terraform.io/prefecthq/prefect"]);
    expect(offlineSkipReason(gitlab, mirror)).toBe(
      `skipped: provider registry.terraform.io/gitlabhq/gitlab not in the local mirror ${mirror}, so it cannot be installed offline`,
    );
    expect(offlineSkipReason(s3, mirror)).toBeUndefined();
    expect(offlineSkipReason({ resource: { google_storage_bucket: { b: {} } } }, mirror)).toMatch(/registry\.terraform\.io\/hashicorp\/google not in/);
  });
  it("names the prefect part it sets aside, and fills required variables with a visible placeholder", () => {
    expect(prefectAddresses(s3)).toEqual(["prefect_block.p"]);
    expect(offlineVariablePlaceholders(gitlab, {})).toEqual({ token: "offline-plan-placeholder" });
    expect(offlineVariablePlaceholders(gitlab, { TF_VAR_token: "from-env" })).toEqual({});
  });
  it("treats replace in either order as replace", () => {
    expect(planAction(change("aws_s3_bucket.b", ["create", "delete"]))).toBe("replace");
    expect(planAction(change("aws_s3_bucket.b", ["delete", "create"]))).toBe("replace");
  });
});
