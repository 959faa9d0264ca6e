/**
 * A validation rule in the style of cdk-nag: one small pure function with an ID and an
 * explanation a user can read. `check` returns the problems it finds (empty when the value is fine).
 */
export interface Rule<T = string> {
  /** Stable ID printed in errors, e.g. `S3BucketName`. */
  readonly id: string;
  /** One sentence: what the rule requires and why. */
  readonly explanation: string;
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
