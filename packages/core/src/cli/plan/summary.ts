/**
 * Turns `terraform show -json` plans (one per stack) and the generated prefect.yaml files of the
 * base and head branches into the Markdown of one pull-request comment. Pure functions, no I/O:
 * `summary-cli.ts` reads the files, `.github/workflows/plan.yml` posts the result.
 *
 * Secrets: values are read only through {@link ChangeReader} (sensitive -> "(sensitive)",
 * unknown -> "(known after apply)", credential attributes never shown), and the finished Markdown
 * is scrubbed of every raw sensitive string of the plans as a last line of defence.
 */
import type { ResourceChange, TerraformPlan } from "../terraform/terraform";
import { unifiedDiff } from "./diff";
import { PLAN_RULES, planAction, type PlanAction, type PlanRule } from "./rules";
import { ChangeReader, SENSITIVE_TEXT, secretStrings, showText, type Shown } from "./values";

type ChangedLeaf = ReturnType<ChangeReader["changedLeaves"]>[number];

/** Hidden first line of the comment; the workflow finds its own comment by it. */
export const PLAN_SUMMARY_MARKER = "<!-- prefect-code-storage-plan -->";
/** GitHub rejects comment bodies over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_000;

export type StackStatus = "planned" | "skipped" | "failed";

/** Written by `npm run plan` beside the plans (`<plans>/manifest.json`): what happened to each stack. */
export const PLAN_MANIFEST_FILE = "manifest.json";

export interface PlanRunManifest {
  readonly kind: "prefect-code-storage-plan-run";
  /** offline: local provider mirror, Prefect set aside; live: registry, real backend and credentials. */
  readonly mode: "offline" | "live";
  readonly stacks: ReadonlyArray<{ stack: string; status: StackStatus; notes: string[]; ms?: number }>;
}

export interface StackPlanInput {
  readonly stack: string;
  /** The plan JSON; required when status is "planned". */
  readonly plan?: TerraformPlan;
  /** Default: "planned" with a plan, else "failed". */
  readonly status?: StackStatus;
  /** One-line notes shown under the stack (why it was skipped, what was set aside). */
  readonly notes?: readonly string[];
}

export interface GeneratedFileInput {
  readonly stack: string;
  /** Default "prefect.yaml". */
  readonly file?: string;
  /** The base branch's content; null/undefined when the base has no such file. */
  readonly base?: string | null;
  /** The head's content; null/undefined when the head has no such file. */
  readonly head?: string | null;
}

export interface SummaryInput {
  readonly stacks: readonly StackPlanInput[];
  /** prefect.yaml of base and head per stack; undefined when no base was given (section says so). */
  readonly generatedFiles?: readonly GeneratedFileInput[];
  /** "offline" plans (local mirror, no state, Prefect set aside) get a notice at the top. */
  readonly mode?: "offline" | "live";
  /** Notes shown at the top (e.g. the base synthesis was not found). */
  readonly notes?: readonly string[];
  /** Default {@link PLAN_RULES}. */
  readonly rules?: readonly PlanRule[];
}

export interface ActionCounts {
  add: number;
  change: number;
  replace: number;
  destroy: number;
}

export type RowAction = PlanAction | "move" | "import";

export interface ChangeRow {
  readonly address: string;
  readonly action: RowAction;
  /** `path: before -> after` lines of an update or replace, redacted. */
  readonly details: string[];
}

export interface Finding {
  readonly rule: string;
  readonly explanation: string;
  readonly stack: string;
  readonly address: string;
  readonly action: RowAction;
  readonly message: string;
}

export interface StackSummary {
  readonly stack: string;
  readonly status: StackStatus;
  readonly counts: ActionCounts;
  readonly rows: ChangeRow[];
  readonly findings: Finding[];
  readonly notes: readonly string[];
}

const managed = (plan: TerraformPlan | undefined): ResourceChange[] =>
  (plan?.resource_changes ?? []).filter((c) => c.mode === "managed");

/** Resources to add / change / replace / destroy (replace counted once, not as add + destroy). */
export function countActions(changes: readonly ResourceChange[]): ActionCounts {
  const counts: ActionCounts = { add: 0, change: 0, replace: 0, destroy: 0 };
  for (const c of changes) {
    if (c.mode !== "managed") continue;
    const action = planAction(c);
    if (action === "create") counts.add++;
    else if (action === "update") counts.change++;
    else if (action === "replace") counts.replace++;
    else if (action === "delete") counts.destroy++;
  }
  return counts;
}

function rowAction(c: ResourceChange): RowAction {
  const action = planAction(c);
  if (action !== "no-op") return action;
  if (typeof c.previous_address === "string" && c.previous_address !== c.address) return "move";
  if (c.change.importing) return "import";
  return "no-op";
}

/** Changed resources (no-ops left out), with what changes for updates and replacements. */
export function changeRows(changes: readonly ResourceChange[], maxDetails = 6): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const c of changes) {
    if (c.mode !== "managed") continue;
    const action = rowAction(c);
    if (action === "no-op" || action === "read") continue;
    const details: string[] = [];
    if (action === "move") details.push(`moved from ${c.previous_address as string}`);
    if (action === "update" || action === "replace") {
      const forcing = new Set(((c.change.replace_paths ?? []) as unknown[][]).filter(Array.isArray).map((p) => String(p[0])));
      const forces = (leafPath: string) => forcing.has(leafPath.split(/[ .[]/)[0]);
      const unset = (s: Shown) => s.state === "absent" || (s.state === "known" && s.value === null);
      // What the reviewer must see first: what forces a replacement, then real value changes; a
      // computed attribute going from null to "known after apply" is noise and left out.
      const rank = (l: ChangedLeaf) => (forces(l.path) ? 0 : l.after.state === "unknown" ? 2 : 1);
      const leaves = new ChangeReader(c)
        .changedLeaves()
        .filter((l) => !(unset(l.before) && l.after.state === "unknown"))
        .sort((x, y) => rank(x) - rank(y));
      for (const leaf of leaves.slice(0, maxDetails)) {
        details.push(`${leaf.path}: ${showText(leaf.before, 60)} -> ${showText(leaf.after, 60)}${forces(leaf.path) ? " (forces replacement)" : ""}`);
      }
      if (leaves.length > maxDetails) details.push(`… and ${leaves.length - maxDetails} more`);
    }
    rows.push({ address: c.address, action, details });
  }
  return rows;
}

/** Every rule's findings for the managed changes of one stack. */
export function findingsOf(stack: string, changes: readonly ResourceChange[], rules: readonly PlanRule[] = PLAN_RULES): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    for (const c of changes) {
      if (c.mode !== "managed") continue;
      for (const message of rule.check(new ChangeReader(c))) {
        out.push({ rule: rule.id, explanation: rule.explanation, stack, address: c.address, action: rowAction(c), message });
      }
    }
  }
  return out;
}

export function summarizeStack(input: StackPlanInput, rules: readonly PlanRule[] = PLAN_RULES): StackSummary {
  const status: StackStatus = input.status ?? (input.plan ? "planned" : "failed");
  const changes = status === "planned" ? managed(input.plan) : [];
  return {
    stack: input.stack,
    status,
    counts: countActions(changes),
    rows: changeRows(changes),
    findings: findingsOf(input.stack, changes, rules),
    notes: input.notes ?? [],
  };
}

export type FileDiffStatus = "changed" | "unchanged" | "new file" | "deleted";

/** The unified diff of one generated file, base -> head. */
export function generatedFileDiff(input: GeneratedFileInput): { status: FileDiffStatus; diff: string } | undefined {
  const file = input.file ?? "prefect.yaml";
  const base = input.base ?? undefined;
  const head = input.head ?? undefined;
  if (base === undefined && head === undefined) return undefined;
  if (base === undefined) return { status: "new file", diff: unifiedDiff("", head!, { fromFile: "/dev/null", toFile: `b/${input.stack}/${file}` }) };
  if (head === undefined) return { status: "deleted", diff: unifiedDiff(base, "", { fromFile: `a/${input.stack}/${file}`, toFile: "/dev/null" }) };
  if (base === head) return { status: "unchanged", diff: "" };
  return { status: "changed", diff: unifiedDiff(base, head, { fromFile: `a/${input.stack}/${file}`, toFile: `b/${input.stack}/${file}` }) };
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Inline code that survives backticks and table pipes in the value. */
export function inlineCode(text: string): string {
  const clean = text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  return longest ? `${fence} ${clean} ${fence}` : `${fence}${clean}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run inside it. */
export function fencedBlock(text: string, info = ""): string {
  const longest = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text.endsWith("\n") ? text : `${text}\n`}${fence}`;
}

const cell = (text: string): string => text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");

const ACTION_LABEL: Record<RowAction, string> = {
  create: "create",
  update: "update in place",
  replace: "**replace**",
  delete: "**destroy**",
  read: "read",
  "no-op": "no-op",
  forget: "forget (stays, leaves state)",
  move: "move",
  import: "import",
};

export function countsLine(c: ActionCounts): string {
  return `${c.add} to add, ${c.change} to change, ${c.replace} to replace, ${c.destroy} to destroy`;
}

interface RenderLimits {
  readonly rowsPerStack: number;
  readonly diffLines: number;
}

function renderWarnings(findings: Finding[]): string[] {
  if (findings.length === 0) {
    return [
      "**No warnings:** nothing that holds code or credentials is destroyed, no versioning is turned off, no access is widened.",
      "",
    ];
  }
  const lines = [
    "> [!CAUTION]",
    `> **${findings.length} warning${findings.length > 1 ? "s" : ""}: these changes lose data or access, or widen access.** Review each one before merging.`,
    ">",
  ];
  for (const f of findings) {
    lines.push(`> - **${f.rule}** · ${inlineCode(f.stack)} · ${inlineCode(f.address)} (${f.action}): ${f.message.replace(/\r?\n/g, " ")}`);
  }
  lines.push(">");
  const rules = [...new Map(findings.map((f) => [f.rule, f.explanation])).entries()];
  for (const [id, explanation] of rules) lines.push(`> _${id}_: ${explanation}  `);
  lines.push("");
  return lines;
}

function renderStack(s: StackSummary, limits: RenderLimits): string[] {
  const lines = [`### ${s.stack}`, ""];
  for (const note of s.notes) lines.push(`> ${note.replace(/\r?\n/g, " ")}`, "");
  if (s.status === "skipped") return [...lines, "_Not planned._", ""];
  if (s.status === "failed") return [...lines, "**The plan failed**: see the workflow log.", ""];
  if (s.rows.length === 0) return [...lines, "No changes.", ""];
  lines.push(`**${countsLine(s.counts)}**`, "", "| Resource | Action | Changes |", "| --- | --- | --- |");
  for (const row of s.rows.slice(0, limits.rowsPerStack)) {
    lines.push(`| ${inlineCode(row.address)} | ${ACTION_LABEL[row.action]} | ${row.details.map(cell).join("<br>")} |`);
  }
  if (s.rows.length > limits.rowsPerStack) lines.push(`| … ${s.rows.length - limits.rowsPerStack} more | | |`);
  lines.push("");
  return lines;
}

function renderFiles(files: readonly GeneratedFileInput[] | undefined, limits: RenderLimits): string[] {
  const lines = ["## Generated prefect.yaml against the base branch", ""];
  if (files === undefined) return [...lines, "_No base synthesis given (`--base`): not compared._", ""];
  const unchanged: string[] = [];
  let shown = 0;
  for (const f of files) {
    const d = generatedFileDiff(f);
    if (!d) continue;
    const name = `${f.stack}/${f.file ?? "prefect.yaml"}`;
    if (d.status === "unchanged") {
      unchanged.push(inlineCode(name));
      continue;
    }
    shown++;
    let diff = d.diff;
    const diffLines = diff.split("\n");
    if (diffLines.length > limits.diffLines) diff = `${diffLines.slice(0, limits.diffLines).join("\n")}\n… ${diffLines.length - limits.diffLines} more lines`;
    const block = fencedBlock(diff, "diff");
    if (d.status === "new file") {
      lines.push(`<details><summary><code>${name}</code>: new file</summary>`, "", block, "", "</details>", "");
    } else {
      lines.push(`#### ${inlineCode(name)}: ${d.status}`, "", block, "");
    }
  }
  if (unchanged.length) lines.push(`Unchanged: ${unchanged.join(", ")}.`, "");
  else if (shown === 0) lines.push("_No stack generates a prefect.yaml._", "");
  return lines;
}

function render(input: SummaryInput, summaries: StackSummary[], limits: RenderLimits): string {
  const findings = summaries.flatMap((s) => s.findings);
  const lines = [PLAN_SUMMARY_MARKER, "## Terraform plan", ""];
  lines.push(...renderWarnings(findings));
  if (input.mode === "offline") {
    lines.push(
      "> [!NOTE]",
      "> Offline plan (local provider mirror): empty state, dummy credentials, no refresh; `prefect_*` resources are set aside and not planned.",
      "",
    );
  }
  for (const note of input.notes ?? []) lines.push(`> ${note.replace(/\r?\n/g, " ")}`, "");

  lines.push("| Stack | Plan | Add | Change | Replace | Destroy | Warnings |", "| --- | --- | --: | --: | --: | --: | --: |");
  for (const s of summaries) {
    const plan = s.status !== "planned" ? s.status : s.rows.length ? "changes" : "no changes";
    const n = (k: keyof ActionCounts) => (s.status === "planned" ? String(s.counts[k]) : "–");
    lines.push(`| ${inlineCode(s.stack)} | ${plan} | ${n("add")} | ${n("change")} | ${n("replace")} | ${n("destroy")} | ${s.findings.length} |`);
  }
  if (summaries.length === 0) lines.push("| _no stacks_ | | | | | | |");
  lines.push("");
  for (const s of summaries) lines.push(...renderStack(s, limits));
  lines.push(...renderFiles(input.generatedFiles, limits));
  return lines.join("\n");
}

/** Replaces every raw sensitive string of the plans (and its JSON-escaped form) by "(sensitive)". */
export function scrubSecrets(markdown: string, plans: readonly (TerraformPlan | undefined)[]): string {
  const secrets = new Set<string>();
  for (const s of secretStrings(plans.flatMap((p) => p?.resource_changes ?? []))) {
    secrets.add(s);
    secrets.add(JSON.stringify(s).slice(1, -1));
  }
  let out = markdown;
  // Longest first, so a secret containing another is replaced whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (s.length > 0 && out.includes(s)) out = out.split(s).join(SENSITIVE_TEXT);
  }
  return out;
}

/** The whole comment body: marker, warnings, per-stack counts and changes, prefect.yaml diffs. */
export function renderSummary(input: SummaryInput): string {
  const summaries = input.stacks.map((s) => summarizeStack(s, input.rules ?? PLAN_RULES));
  const plans = input.stacks.map((s) => s.plan);
  let limits: RenderLimits = { rowsPerStack: 200, diffLines: 400 };
  let markdown = scrubSecrets(render(input, summaries, limits), plans);
  for (const smaller of [{ rowsPerStack: 50, diffLines: 120 }, { rowsPerStack: 15, diffLines: 40 }]) {
    if (markdown.length <= MAX_COMMENT_CHARS) break;
    limits = smaller;
    markdown = scrubSecrets(render(input, summaries, limits), plans);
  }
  if (markdown.length > MAX_COMMENT_CHARS) {
    const note = "\n\n… (cut to fit a GitHub comment; the full plan is in the workflow log)\n";
    markdown = markdown.slice(0, MAX_COMMENT_CHARS - note.length) + note;
  }
  return markdown;
}
