import { collectRefs, renderValue, StepOutputRef, TemplateRef, TemplateValue } from "../template";

/** What Prefect's step function is called, which package provides it, and what it returns. */
export interface StepDefinition {
  /** Full dotted name of the function, e.g. `prefect_aws.deployments.steps.push_to_s3`. */
  readonly fn: string;
  /**
   * pip requirement Prefect installs before running the step, e.g. `prefect-aws>=0.4.1`.
   * @default none (the function ships with Prefect)
   */
  readonly requires?: string;
  /** Keys of the dict the function returns, referable from later steps as `{{ <id>.<key> }}`. */
  readonly outputs: string[];
  /**
   * Whether the step uploads the project directory filtered by `.prefectignore` (its `ignore_file`).
   * @default false
   */
  readonly readsPrefectIgnore?: boolean;
}

/** The two keys Prefect reserves in every step besides the function's own parameters. */
export interface StepOptions {
  /**
   * Names the step so later steps can reference its outputs (letters, digits, `_`, `-`; checked at synth).
   * @default no id: later steps cannot reference its outputs
   */
  readonly id?: string;
  /**
   * pip requirement installed before the step runs.
   * @default the definition's requirement (Prefect's own recipes' pin)
   */
  readonly requires?: string;
}

/**
 * One step of a `build`, `push` or `pull` section. Renders to Prefect's one-key form
 * `- <function>: {id, requires, ...kwargs}`. The typed steps come from `Steps` (camelCase props,
 * mapped to the function's parameter names in one table per step); `new Step(definition, kwargs)`
 * calls any other function, with `kwargs` named exactly as the function's parameters.
 */
export class Step {
  readonly id?: string;
  readonly requires?: string;
  readonly definition: StepDefinition;
  /** The function's keyword arguments, named as in Prefect (snake_case). */
  readonly kwargs: { [param: string]: TemplateValue };

  constructor(definition: StepDefinition, kwargs: { [param: string]: TemplateValue }, options: StepOptions = {}) {
    this.definition = definition;
    this.kwargs = Object.fromEntries(Object.entries(kwargs).filter(([, v]) => v !== undefined));
    this.id = options.id;
    this.requires = options.requires ?? definition.requires;
  }

  get fn(): string {
    return this.definition.fn;
  }

  /** The function's short name, e.g. `pull_from_s3` (the `type` of a prefect_deployment pull step). */
  get shortName(): string {
    return this.fn.slice(this.fn.lastIndexOf(".") + 1);
  }

  /** `{{ <id>.<key> }}` for a later step; the step must have an id and return `key`. */
  output(key: string): StepOutputRef {
    if (!this.id) throw new Error(`Step ${this.fn} has no id, so its outputs cannot be referenced; give it an id.`);
    if (!this.definition.outputs.includes(key)) {
      throw new Error(`Step ${this.fn} has no output "${key}" (it returns ${this.definition.outputs.join(", ")}).`);
    }
    return new StepOutputRef(this.id, key);
  }

  /** Every placeholder in the step's parameters. */
  get refs(): TemplateRef[] {
    return Object.values(this.kwargs).flatMap(collectRefs);
  }

  /** The step's kwargs as plain data (id and requires first, as Prefect's recipes write them). */
  renderKwargs(where?: string): { [key: string]: any } {
    const path = where ? `${where}.${this.fn}` : this.fn;
    const kwargs: Record<string, unknown> = {};
    if (this.id) kwargs.id = this.id;
    if (this.requires) kwargs.requires = this.requires;
    for (const [key, value] of Object.entries(this.kwargs)) kwargs[key] = renderValue(value, `${path}.${key}`);
    return kwargs;
  }

  /** `where` is the step's position in the document (e.g. `push[0]`), used in error messages. */
  toYaml(where?: string): { [key: string]: any } {
    return { [this.fn]: this.renderKwargs(where) };
  }
}

/** For each camelCase prop of a typed step, the function's parameter name (one table per step). */
export type ParamNames<P> = { readonly [K in Exclude<keyof P, keyof StepOptions>]-?: string };

/** Props a typed step got that its table does not know (JS callers skip the types), with the ones it knows. */
const unknownProps = new WeakMap<Step, { readonly unknown: string[]; readonly known: string[] }>();

/** The props of a typed step given that its name table does not list, e.g. snake_case `commit_sha`. */
export function unknownStepProps(step: Step): string[] {
  return unknownProps.get(step)?.unknown ?? [];
}

/** The props a typed step takes (its name table's keys, plus id and requires); empty for an untyped step. */
export function knownStepProps(step: Step): string[] {
  return unknownProps.get(step)?.known ?? [];
}

/** Builds a typed step: camelCase props → the function's kwargs through the step's name table. */
export function stepFromProps<P extends StepOptions>(definition: StepDefinition, names: ParamNames<P>, props: P): Step {
  const { id, requires, ...rest } = props;
  const table = names as unknown as Record<string, string>;
  const kwargs: Record<string, TemplateValue> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    if (Object.prototype.hasOwnProperty.call(table, key)) kwargs[table[key]] = value as TemplateValue;
    else unknown.push(key);
  }
  const step = new Step(definition, kwargs, { id, requires });
  if (unknown.length) unknownProps.set(step, { unknown, known: [...Object.keys(table), "id", "requires"] });
  return step;
}
