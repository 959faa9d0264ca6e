/**
 * What every problem is reported under: a stable ID printed in brackets after the problem, and one
 * sentence a user can read. Cross-prop, reference and document checks are these alone (their logic
 * needs several values or the whole app, see checks.ts); single-value rules add `check`.
 */
export interface Check {
  /** Stable ID printed in errors, e.g. `S3BucketName`. */
  readonly id: string;
  /** One sentence: what the check requires and why. */
  readonly explanation: string;
}

/**
 * A validation rule in the style of cdk-nag: one small pure function with an ID and an
 * explanation a user can read. `check` returns the problems it finds (empty when the value is fine).
 */
export interface Rule<T = string> extends Check {
  /** Problems with `value`, each a short phrase; `fix` suggests a corrected value where one can be derived. */
  check(value: T): RuleFinding[];
}

export interface RuleFinding {
  readonly problem: string;
  readonly fix?: string;
}

/** Helper for rules made of independent predicates. */
export function findings(...checks: Array<[boolean, string, string?]>): RuleFinding[] {
  return checks.filter(([failed]) => failed).map(([, problem, fix]) => ({ problem, fix }));
}
