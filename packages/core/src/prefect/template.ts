import { Token } from "cdktf";

/**
 * Placeholders that Prefect resolves inside prefect.yaml (its own `{{ ... }}` templating, not Jinja).
 * Steps and deployments take these objects instead of hand-typed strings, so a reference always
 * has the right shape and tests can find every block a file refers to.
 */
export abstract class TemplateRef {
  /** The text between the braces, e.g. `prefect.blocks.secret.my-token`. */
  abstract readonly expression: string;
  /**
   * Whether the placeholder resolves to a plain string and so may sit inside a longer string.
   * A whole block (other than a Secret) resolves to a dict, which Prefect refuses there.
   */
  get isString(): boolean {
    return true;
  }
  toString(): string {
    return `{{ ${this.expression} }}`;
  }

  /** `{{ prefect.blocks.<typeSlug>.<blockName>[.<field>] }}`; prefer a block construct's `reference()`. */
  static block(typeSlug: string, blockName: string, field?: string): BlockRef {
    // A whole Secret block resolves to its value, as SecretBlock.reference() says.
    return new BlockRef(typeSlug, blockName, field, typeSlug === "secret" && field === undefined);
  }

  /** `{{ prefect.variables.<name> }}`. */
  static variable(variableName: string): VariableRef {
    return new VariableRef(variableName);
  }

  /** `{{ $NAME }}`: read from the environment of the machine running `prefect deploy`. */
  static env(envVar: string): EnvRef {
    return new EnvRef(envVar);
  }

  /** `{{ <stepId>.<key> }}`; prefer a step's `output(key)`, which checks the key. */
  static stepOutput(stepId: string, key: string): StepOutputRef {
    return new StepOutputRef(stepId, key);
  }
}

/** `{{ prefect.blocks.<type-slug>.<block-name>[.<field>] }}`: a block's data (or one field of it). */
export class BlockRef extends TemplateRef {
  constructor(
    readonly typeSlug: string,
    readonly blockName: string,
    readonly field?: string,
    /** True for blocks whose data is exactly `{value: ...}` (Secret): Prefect gives the value. */
    readonly resolvesToValue = false,
  ) {
    super();
  }
  override get isString(): boolean {
    return this.field !== undefined || this.resolvesToValue;
  }
  get expression(): string {
    return ["prefect", "blocks", this.typeSlug, this.blockName, this.field].filter(Boolean).join(".");
  }
}

/** `{{ prefect.variables.<name> }}`: a Prefect variable, e.g. a value only known after apply. */
export class VariableRef extends TemplateRef {
  constructor(readonly variableName: string) {
    super();
  }
  get expression(): string {
    return `prefect.variables.${this.variableName}`;
  }
}

/** `{{ $NAME }}`: an environment variable of the machine running `prefect deploy`, read at deploy time. */
export class EnvRef extends TemplateRef {
  constructor(readonly envVar: string) {
    super();
  }
  get expression(): string {
    return `$${this.envVar}`;
  }
}

/** `{{ <step id>.<key> }}`: an output of an earlier step, resolved at deploy time. */
export class StepOutputRef extends TemplateRef {
  constructor(readonly stepId: string, readonly key: string) {
    super();
  }
  get expression(): string {
    return `${this.stepId}.${this.key}`;
  }
}

/** A string built from literal text and placeholders, e.g. `flows/{{ $ENV }}`. */
export class TemplateString {
  /**
   * Joins literal text and placeholders: `TemplateString.concat("flows/", TemplateRef.env("ENV"))`.
   * Adjacent literals merge and empty ones drop out.
   */
  static concat(...parts: Array<string | TemplateRef>): TemplateString {
    const merged: Array<string | TemplateRef> = [];
    for (const p of parts) {
      const last = merged[merged.length - 1];
      if (typeof p === "string" && typeof last === "string") merged[merged.length - 1] = last + p;
      else if (p !== "") merged.push(p);
    }
    return new TemplateString(merged);
  }

  readonly parts: Array<string | TemplateRef>;

  constructor(parts: Array<string | TemplateRef>) {
    this.parts = [...parts];
    for (const p of parts) {
      if (p instanceof TemplateRef && !p.isString && parts.length > 1) {
        throw new Error(
          `${p} resolves to a whole block (a dict) and cannot be part of a longer string; reference one field instead.`,
        );
      }
    }
  }
  get refs(): TemplateRef[] {
    return this.parts.filter((p): p is TemplateRef => p instanceof TemplateRef);
  }
  toString(): string {
    return this.parts.map(String).join("");
  }
}

/**
 * Tagged-template sugar for TypeScript: template`${folder}/${TemplateRef.env("ENV")}` is
 * `TemplateString.concat(folder, "/", TemplateRef.env("ENV"))` (which other languages use).
 */
export function template(strings: TemplateStringsArray, ...values: Array<string | TemplateRef>): TemplateString {
  return TemplateString.concat(...strings.flatMap((s, i) => (i < values.length ? [s, values[i]] : [s])));
}

/**
 * A value in prefect.yaml: a literal, a placeholder, a string mixing them, or a list or map of such
 * values. Lists and maps are typed loosely (`any`) because jsii has no recursive types; their members
 * are checked when rendered (placeholders, Terraform tokens, plain data).
 */
export type TemplateValue =
  | string
  | number
  | boolean
  | TemplateRef
  | TemplateString
  | any[]
  | { [key: string]: any };

/**
 * Renders a value to plain YAML-ready data. Refuses Terraform tokens: a value only known after
 * apply would reach the file as `${...}`, which Prefect would take literally.
 */
export function renderValue(value: TemplateValue | undefined, where: string): unknown {
  if (value === undefined || value === null) return value;
  if (value instanceof TemplateRef || value instanceof TemplateString) return value.toString();
  if (typeof value === "string") {
    if (isTerraformToken(value)) {
      throw new Error(
        `${where}: the value ${JSON.stringify(value)} is a Terraform token, only known after apply, and cannot be written ` +
          "into prefect.yaml. Pass a literal, or route it through a Prefect variable (KnownValue.orVariable) and reference it " +
          "as {{ prefect.variables.<name> }}.",
      );
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => renderValue(v, `${where}[${i}]`));
  if (typeof value === "object") {
    if (!isPlainObject(value)) throw new Error(`${where}: ${describeValue(value)} is not a value prefect.yaml can hold (see findInvalidValues).`);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = renderValue(v, `${where}.${k}`);
    }
    return out;
  }
  return value;
}

/**
 * References only `prefect deploy` fills in: environment variables of the deploying machine and
 * outputs of its steps. A deployment Terraform registers would keep them as literal text.
 */
export function deployTimeRefs(value: TemplateValue | undefined): Array<EnvRef | StepOutputRef> {
  return collectRefs(value).filter((ref): ref is EnvRef | StepOutputRef => ref instanceof EnvRef || ref instanceof StepOutputRef);
}

/** Whether a string is (or holds) a Terraform token, only known after apply. */
export function isTerraformToken(value: string): boolean {
  return Token.isUnresolved(value) || value.includes("${");
}

/**
 * Each leaf of a value with its place (`where[0].key`): everything but the lists and plain maps the
 * value is built of. The checks below read values through it, and never walk into a class instance.
 */
function leaves(value: unknown, where: string): Array<{ where: string; leaf: unknown }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${where}[${i}]`));
  if (isPlainObject(value)) return Object.entries(value as object).flatMap(([k, v]) => leaves(v, `${where}.${k}`));
  return [{ where, leaf: value }];
}

/** Where a value holds Terraform tokens, as `{ where, value }` (for synth-time checks). */
export function findTokens(value: TemplateValue | undefined, where: string): Array<{ where: string; value: string }> {
  return leaves(value, where).flatMap(({ where: at, leaf }) => {
    const strings = typeof leaf === "string" ? [leaf] : leaf instanceof TemplateString ? leaf.parts.filter((p): p is string => typeof p === "string") : [];
    return strings.filter(isTerraformToken).map((text) => ({ where: at, value: text }));
  });
}

/** Every placeholder inside a value (for checks such as "each block reference exists"). */
export function collectRefs(value: TemplateValue | undefined): TemplateRef[] {
  return leaves(value, "").flatMap(({ leaf }) => (leaf instanceof TemplateRef ? [leaf] : leaf instanceof TemplateString ? leaf.refs : []));
}

/** A map as written in code or parsed JSON: not a class instance (a construct, a block, a step). */
function isPlainObject(value: unknown): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `a SecretBlock`, `a Step`: what a wrong value is, for messages (never its content). */
export function describeValue(value: unknown): string {
  const name = (value as object)?.constructor?.name;
  return name ? `a ${name}` : "an object";
}

/**
 * Values prefect.yaml cannot hold: class instances (a block or a step passed where its reference or
 * output belongs, a construct) and functions, with where they are and the fix. The renderers do not
 * walk into them (a construct's tree is cyclic).
 */
export function findInvalidValues(value: unknown, where: string): Array<{ where: string; value: string; fix: string }> {
  const valid = (leaf: unknown) => leaf === undefined || leaf === null || ["string", "number", "boolean"].includes(typeof leaf) || leaf instanceof TemplateRef || leaf instanceof TemplateString;
  return leaves(value, where)
    .filter(({ leaf }) => !valid(leaf))
    .map(({ where: at, leaf }) => {
      const hasMethod = (m: string) => typeof (leaf as Record<string, unknown>)[m] === "function";
      const fix = hasMethod("reference")
        ? "pass the block's reference(), or fieldReference(<field>)"
        : hasMethod("output")
          ? "pass the step's output(<key>)"
          : "pass a string, number, boolean, TemplateRef or TemplateString, or lists and maps of them";
      return { where: at, value: typeof leaf === "function" ? "a function" : describeValue(leaf), fix };
    });
}
