import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { Rule } from "./rule";

/** One invalid input: which prop, what value, which rule, and how to fix it. */
export interface ValidationProblem {
  readonly prop: string;
  readonly value: unknown;
  readonly rule: string;
  readonly problem: string;
  readonly fix?: string;
}

/** Thrown at synth time; the message lists every problem of one construct at once. */
export class ValidationError extends Error {
  constructor(readonly constructPath: string, readonly problems: ValidationProblem[]) {
    super(
      `Invalid configuration for '${constructPath}':\n` +
        problems
          .map(
            (p) =>
              `  - ${p.prop} ${JSON.stringify(p.value)}: ${p.problem} [${p.rule}]` +
              (p.fix ? `\n    Fix: ${p.fix}` : ""),
          )
          .join("\n"),
    );
    this.name = "ValidationError";
  }
}

/**
 * Gathers validation problems so a construct reports all of them together, with its path,
 * instead of failing on the first (as aws-cdk's Bucket does).
 */
export class ValidationErrors {
  private readonly problems: ValidationProblem[] = [];

  /**
   * Runs `rule` on `value` unless the value is only known after apply (a token). `shown` replaces the
   * value in the message where it may hold a secret (e.g. a URL with a password).
   */
  check<T>(rule: Rule<T>, prop: string, value: T | undefined, shown: unknown = value): this {
    if (value === undefined || (typeof value === "string" && Token.isUnresolved(value))) return this;
    for (const f of rule.check(value)) {
      this.problems.push({ prop, value: shown, rule: rule.id, problem: f.problem, fix: f.fix });
    }
    return this;
  }

  /** Records a problem that is not a reusable rule (e.g. contradictory options). */
  add(prop: string, value: unknown, rule: string, problem: string, fix?: string): this {
    this.problems.push({ prop, value, rule, problem, fix });
    return this;
  }

  get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(construct: IConstruct | string): void {
    if (this.isEmpty) return;
    const path = typeof construct === "string" ? construct : construct.node.path;
    throw new ValidationError(path, this.problems);
  }
}
