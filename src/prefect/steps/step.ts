import { collectRefs, renderValue, StepOutputRef, TemplateRef, TemplateValue } from "../template";

/** What Prefect's step function is called, which package provides it, and what it returns. */
export interface StepDefinition<O extends string> {
  /** Full dotted name of the function, e.g. `prefect_aws.deployments.steps.push_to_s3`. */
  readonly fn: string;
  /** pip requirement Prefect installs before running the step, e.g. `prefect-aws>=0.4.1`. */
  readonly requires?: string;
  /** Keys of the dict the function returns, referable from later steps as `{{ <id>.<key> }}`. */
  readonly outputs: readonly O[];
  /** Whether the step uploads the project directory filtered by `.prefectignore` (its `ignore_file`). */
  readonly readsPrefectIgnore?: boolean;
}

/** The two keys Prefect reserves in every step besides the function's own parameters. */
export interface StepOptions {
  /** Names the step so later steps can reference its outputs (letters, digits, `_`, `-`; checked at synth). */
  readonly id?: string;
  /**
   * pip requirement installed before the step runs.
   * @default the definition's requirement (Prefect's own recipes' pin)
   */
  readonly requires?: string;
}

/**
 * One step of a `build`, `push` or `pull` section. Renders to Prefect's one-key form
 * `- <function>: {id, requires, ...kwargs}`; parameter names are the function's own (snake_case).
 */
export class Step<O extends string = string> {
  readonly id?: string;
  readonly requires?: string;

  constructor(
    readonly definition: StepDefinition<O>,
    readonly params: Readonly<Record<string, TemplateValue | undefined>>,
    options: StepOptions = {},
  ) {
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

  /** `{{ <id>.<key> }}` for a later step; the step must have an id. */
  output(key: O): StepOutputRef {
    if (!this.id) throw new Error(`Step ${this.fn} has no id, so its outputs cannot be referenced; give it an id.`);
    if (!this.definition.outputs.includes(key)) {
      throw new Error(`Step ${this.fn} has no output "${key}" (it returns ${this.definition.outputs.join(", ")}).`);
    }
    return new StepOutputRef(this.id, key);
  }

  /** Every placeholder in the step's parameters. */
  get refs(): TemplateRef[] {
    return Object.values(this.params).flatMap(collectRefs);
  }

  /** The step's kwargs as plain data (id and requires first, as Prefect's recipes write them). */
  renderKwargs(where?: string): Record<string, unknown> {
    const path = where ? `${where}.${this.fn}` : this.fn;
    const kwargs: Record<string, unknown> = {};
    if (this.id) kwargs.id = this.id;
    if (this.requires) kwargs.requires = this.requires;
    for (const [key, value] of Object.entries(this.params)) {
      if (value !== undefined) kwargs[key] = renderValue(value, `${path}.${key}`);
    }
    return kwargs;
  }

  /** `where` is the step's position in the document (e.g. `push[0]`), used in error messages. */
  toYaml(where?: string): Record<string, unknown> {
    return { [this.fn]: this.renderKwargs(where) };
  }
}

/**
 * Declares a typed factory for one step function: `P` lists its parameters with Prefect's names.
 * `const pullFromS3 = defineStep<PullFromS3Params, "bucket" | "folder" | "directory">(...)`.
 */
export function defineStep<P extends object, O extends string = never>(
  definition: StepDefinition<O>,
): (params: P & StepOptions) => Step<O> {
  return (params) => {
    const { id, requires, ...kwargs } = params as P & StepOptions;
    return new Step<O>(definition, kwargs as Record<string, TemplateValue | undefined>, { id, requires });
  };
}
