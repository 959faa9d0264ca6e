/**
 * Assertions on the synth-time ValidationError a construct throws for bad input: catch it, then hold
 * one listed problem to its prop, value, rule ID, fix (or the absence of one) and printed line.
 */
import { Construct, IConstruct } from "constructs";
import { ProblemReport, ValidationError } from "../../packages/core/src/validation/errors";

/**
 * The ValidationError that `build` throws (e.g. by synthesizing), or else the one its app reports
 * at synth when `build` returns a construct (or an object holding one, e.g. `{ stack }`). Any other error is
 * rethrown; no ValidationError fails the test, naming `input` (JSON) when given.
 */
export function captureValidationError(build: () => unknown, input?: unknown): ValidationError {
  try {
    const built = build();
    const construct: IConstruct | undefined = Construct.isConstruct(built)
      ? built
      : Object.values((built ?? {}) as object).find((v) => Construct.isConstruct(v));
    if (construct) ProblemReport.of(construct).throwIfAny();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error(input === undefined ? "expected a ValidationError" : `expected a ValidationError for ${JSON.stringify(input)}`);
}

export interface ExpectedProblem {
  prop: string;
  /** The value the problem reports (compared with toEqual; asymmetric matchers are allowed). */
  value: unknown;
  rule: string;
  /** A part of the problem text, or a pattern it matches. */
  problem: string | RegExp;
  /** The exact fix; `null` asserts that none is given. */
  fix: string | null;
}

/**
 * Asserts that the error names `constructPath` (as its path and in the message header) and lists
 * exactly one problem with `expected`'s prop, rule and problem text, with its value and fix, printed
 * as the line `  - <prop> <JSON value>: <problem> [<rule>]` followed by `    Fix: <fix>` only when a
 * fix is expected.
 */
export function expectProblem(error: ValidationError, constructPath: string, expected: ExpectedProblem): void {
  const p = expected;
  expect(error.problems.map((q) => q.path)).toContain(constructPath);
  expect(error.message).toContain(`Invalid configuration for '${constructPath}'`);
  const matching = error.problems.filter(
    (q) => q.path === constructPath && q.prop === p.prop && q.rule === p.rule && (typeof p.problem === "string" ? q.problem.includes(p.problem) : p.problem.test(q.problem)),
  );
  if (matching.length !== 1) {
    throw new Error(`expected one ${p.rule} problem on ${p.prop} matching ${p.problem}; got:\n${error.message}`);
  }
  const [found] = matching;
  expect(found.value).toEqual(p.value);
  expect(found.fix).toBe(p.fix ?? undefined);
  // The line shows the expected value as JSON; where it is a matcher (already held to the found value
  // above), the found value.
  const shown = printed(hasAsymmetricMatcher(p.value) ? found.value : p.value);
  const line = `  - ${p.prop} ${shown}: ${found.problem} [${p.rule}]`;
  expect(error.message).toContain(p.fix ? `${line}\n    Fix: ${p.fix}` : line);
  if (!p.fix) expect(error.message).not.toContain(`${line}\n    Fix:`);
}

/** expectProblem, and that it is the only problem listed. */
export function expectOnlyProblem(error: ValidationError, constructPath: string, expected: ExpectedProblem): void {
  expectProblem(error, constructPath, expected);
  expect(error.problems).toHaveLength(1);
}

/** Asserts one message for all problems: one header per construct, then one `  - ` line per problem. */
export function expectOneLinePerProblem(error: ValidationError): void {
  expect(error.message.match(/Invalid configuration for/g)).toHaveLength(new Set(error.problems.map((p) => p.path)).size);
  expect(error.message.match(/^ {2}- /gm)).toHaveLength(error.problems.length);
}

/** expectProblem and expectOnlyProblem for constructs built at `constructPath`. */
export function problemAssertionsAt(constructPath: string) {
  return {
    expectProblem: (error: ValidationError, expected: ExpectedProblem) => expectProblem(error, constructPath, expected),
    expectOnlyProblem: (error: ValidationError, expected: ExpectedProblem) => expectOnlyProblem(error, constructPath, expected),
  };
}

/** A value as ValidationError prints it (`undefined` for none). */
function printed(value: unknown): string {
  return value === undefined ? "undefined" : JSON.stringify(value);
}

function hasAsymmetricMatcher(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  if (typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === "function") return true;
  return Object.values(value).some(hasAsymmetricMatcher);
}

/** Throws the problems of `construct`'s app, as `app.synth()` would (returns the construct otherwise). */
export function reported<C extends IConstruct>(construct: C): C {
  ProblemReport.of(construct).throwIfAny();
  return construct;
}
