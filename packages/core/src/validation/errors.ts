import { TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { CHECKS } from "./checks";
import { Check, Rule } from "./rule";

/** One invalid input, before it is tied to a construct: which prop, what value, which rule, how to fix it. */
export interface Finding {
  /** The prop (or the place in prefect.yaml), e.g. `bucketName` or `deployments["etl"].schedules[0].cron`. */
  readonly prop: string;
  readonly value: unknown;
  /** The rule's ID, e.g. `S3BucketName`. */
  readonly rule: string;
  readonly problem: string;
  /** @default - none: the message shows no `Fix:` line */
  readonly fix?: string;
}

/** One invalid input of a construct. */
export interface ValidationProblem extends Finding {
  /** Path of the construct the input was given to, e.g. `app/stack/flow-code`. */
  readonly path: string;
}

/**
 * Every problem of an app, thrown once at synth before any file of our stacks is written. The message
 * groups the problems by construct; each line names the prop, the value, the problem and the rule ID,
 * followed by a `Fix:` line. It carries no stack trace: the trace points into this library, not at the
 * user's mistake, and through `cdktf synth` it would bury the list.
 */
export class ValidationError extends Error {
  declare readonly problems: readonly ValidationProblem[];

  constructor(problems: readonly ValidationProblem[]) {
    super(formatProblems(problems));
    // Not enumerable: Node prints an uncaught error's own enumerable properties after its message.
    Object.defineProperty(this, "problems", { value: problems, enumerable: false });
    this.stack = `${this.name}: ${this.message}`;
  }

  static {
    // On the prototype, not the instance: Node prints an uncaught error's own enumerable properties.
    ValidationError.prototype.name = "ValidationError";
  }

  /** The path of the first construct with a problem. */
  get constructPath(): string {
    return this.problems[0]?.path ?? "";
  }
}

/** A problem and the path of the construct that reported it (a grant reports under a sub-path of its own). */
interface Reported {
  readonly problem: ValidationProblem;
  readonly reporter: string;
}

const isUnder = (path: string, ancestor: string) => path.startsWith(`${ancestor}/`);

/**
 * Drops echoes: constructs go on building after a problem, so a child construct made from a bad prop
 * (a storage's block named after a bad `blockNamePrefix`) or a re-check of the same value further
 * down (a grant on a bad role name) would report the mistake again, in terms the user never wrote.
 * A problem below another problem's path is dropped when a construct below that path reported it, or
 * when it has the same value.
 */
function withoutEchoes(reported: readonly Reported[]): ValidationProblem[] {
  return reported
    .filter(({ problem: p, reporter }) =>
      !reported.some(({ problem: q }) => isUnder(p.path, q.path) && (isUnder(reporter, q.path) || shown(q.value) === shown(p.value))),
    )
    .map((r) => r.problem);
}

function formatProblems(problems: readonly ValidationProblem[]): string {
  const byPath = new Map<string, ValidationProblem[]>();
  for (const p of problems) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p]);
  const sections = [...byPath].map(
    ([path, list]) =>
      `Invalid configuration for '${path}':\n` +
      list.map((p) => `  - ${p.prop} ${shown(p.value)}: ${p.problem} [${p.rule}]` + (p.fix ? `\n    Fix: ${p.fix}` : "")).join("\n"),
  );
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return (byPath.size > 1 ? `${count} in ${byPath.size} constructs; nothing was synthesized.\n` : "") + sections.join("\n");
}

function shown(value: unknown): string {
  if (value === undefined) return "undefined";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Gathers one construct's problems so it reports all of them together, instead of failing on the
 * first (as aws-cdk's Bucket does), then hands them to the app's ProblemReport.
 */
export class ValidationErrors {
  private readonly findings: Finding[] = [];

  /**
   * Runs `rule` on `value` unless the value is only known after apply (a token). `shown` replaces the
   * value in the message where it may hold a secret (e.g. a URL with a password).
   */
  check<T>(rule: Rule<T>, prop: string, value: T | undefined, shown: unknown = value): this {
    if (value === undefined || (typeof value === "string" && Token.isUnresolved(value))) return this;
    for (const f of rule.check(value)) {
      this.findings.push({ prop, value: shown, rule: rule.id, problem: f.problem, fix: f.fix });
    }
    return this;
  }

  /** Records a problem that is not a reusable rule (e.g. contradictory options). */
  add(prop: string, value: unknown, rule: Check, problem: string, fix?: string): this {
    this.findings.push({ prop, value, rule: rule.id, problem, fix });
    return this;
  }

  /**
   * Props given under their names from before version 1 (JavaScript and Python callers get no type
   * error for them, and they would be ignored): `renames` maps each old name to its new one.
   */
  renamed(props: object | undefined, where: string, renames: { readonly [oldName: string]: string }): this {
    for (const [old, now] of Object.entries(renames)) {
      if (props && Object.prototype.hasOwnProperty.call(props, old)) {
        this.add(where ? `${where}.${old}` : old, "(given)", CHECKS.RenamedProp, `was renamed to ${now}, so this value would be ignored`, `use ${now}`);
      }
    }
    return this;
  }

  get isEmpty(): boolean {
    return this.findings.length === 0;
  }

  /** Adds problems found elsewhere (e.g. a document's). */
  addAll(findings: readonly Finding[]): this {
    this.findings.push(...findings);
    return this;
  }

  /** The problems found so far. */
  get all(): readonly Finding[] {
    return [...this.findings];
  }

  /**
   * Hands the problems to the app's report, which throws them, with every other construct's, when
   * the app synthesizes. The construct goes on building with the values it was given: nothing is
   * written, and one synth lists every mistake. `path` defaults to the construct's own.
   * Returns true when there was no problem.
   */
  report(construct: IConstruct, path = construct.node.path): boolean {
    ProblemReport.of(construct)._add(this.findings.map((f) => ({ path, ...f })), construct);
    return this.isEmpty;
  }

  /** Throws these problems at once (for code outside a construct tree, such as a standalone rule run). */
  throwIfAny(path: string): void {
    if (!this.isEmpty) throw new ValidationError(this.findings.map((f) => ({ path, ...f })));
  }
}

/**
 * The problems of one app: those constructs found when they were created, plus checks that need the
 * finished app (a prefect.yaml's deployments, references across constructs), run at synth. Every stack
 * holding one of this library's constructs validates through it, and the first stack validated
 * throws all of them in one ValidationError, before any of those stacks is written.
 */
export class ProblemReport {
  private static readonly reports = new WeakMap<IConstruct, ProblemReport>();
  private static readonly watchedStacks = new WeakSet<IConstruct>();

  /** The report of `scope`'s app; also makes `scope`'s stack validate through it. */
  static of(scope: IConstruct): ProblemReport {
    const root = scope.node.root;
    let report = ProblemReport.reports.get(root);
    if (!report) ProblemReport.reports.set(root, (report = new ProblemReport()));
    const stack = scope.node.scopes.find((s) => TerraformStack.isStack(s));
    if (stack && !ProblemReport.watchedStacks.has(stack)) {
      ProblemReport.watchedStacks.add(stack);
      const r = report;
      stack.node.addValidation({ validate: () => (r.throwIfAny(), []) });
    }
    return report;
  }

  private readonly found: Reported[] = [];
  private readonly checks: Array<() => readonly ValidationProblem[]> = [];
  /** The last result, kept while nothing was added: every stack of the app validates through this. */
  private cached?: { readonly key: string; readonly problems: ValidationProblem[] };

  /** @internal Problems `reporter` found (at its own path, or at a sub-path such as a grant's). */
  _add(problems: readonly ValidationProblem[], reporter: IConstruct): void {
    this.found.push(...problems.map((problem) => ({ problem, reporter: reporter.node.path })));
  }

  /** @internal A check run at synth, when the app is complete. */
  _addCheck(check: () => readonly ValidationProblem[]): void {
    this.checks.push(check);
  }

  /** Every problem: those found at construction, then the synth-time checks'. */
  problems(): ValidationProblem[] {
    const key = `${this.found.length}/${this.checks.length}`;
    if (this.cached?.key !== key) {
      // Synth-time checks look at the finished app, not at values a parent passed down: never echoes of a parent.
      const late = this.checks.flatMap((check) => check()).map((problem) => ({ problem, reporter: "" }));
      this.cached = { key, problems: withoutEchoes([...this.found, ...late]) };
    }
    return [...this.cached.problems];
  }

  /** Throws every problem at once (what synth does); the error's `problems` list them. */
  throwIfAny(): void {
    const problems = this.problems();
    if (problems.length) throw new ValidationError(problems);
  }
}
