import { Finding, ValidationErrors } from "../validation/errors";
import { PositiveInteger, StepRequirement, WorkPoolName } from "../validation/rules";
import { checkSchedule, renderSchedule, Schedule } from "./schedules";
import { knownStepProps, Step, unknownStepProps } from "./steps/step";
import { collectRefs, findInvalidValues, findTokens, renderValue, StepOutputRef, TemplateRef, TemplateValue } from "./template";
import { CHECKS } from "../validation/checks";

/** Where a deployment runs. */
export interface WorkPoolSpec {
  readonly name: string;
  /** @default - omitted: the pool's default queue */
  readonly workQueueName?: string;
  /**
   * Overrides of the pool's base job template variables, e.g. `{ image: ... }`.
   * @default - none of its own: only the document's `jobVariables`, if any
   */
  readonly jobVariables?: { readonly [name: string]: TemplateValue };
}

/** One entry of prefect.yaml's `deployments`. */
export interface DeploymentSpec {
  readonly name: string;
  /** `path/to/file.py:flow_function`, relative to the project root. */
  readonly entrypoint: string;
  /** @default - omitted from prefect.yaml */
  readonly description?: string;
  /** @default - omitted from prefect.yaml */
  readonly version?: string;
  /** @default - omitted from prefect.yaml */
  readonly tags?: string[];
  /** @default `{}`: no default parameters */
  readonly parameters?: { readonly [name: string]: any };
  /** @default - omitted: `prefect deploy --pool <name>` gives the pool */
  readonly workPool?: WorkPoolSpec;
  /** @default - omitted: no schedules */
  readonly schedules?: Schedule[];
  /**
   * Maximum concurrent runs of this deployment.
   * @default - omitted: no limit
   */
  readonly concurrencyLimit?: number;
  /** @default - omitted: Prefect's default applies */
  readonly enforceParameterSchema?: boolean;
  /** Replaces the top-level `build` for this deployment. @default the top-level build steps */
  readonly buildSteps?: Step[];
  /** Replaces the top-level `push` for this deployment. @default the top-level push steps */
  readonly pushSteps?: Step[];
  /** Replaces the top-level `pull` for this deployment; `[]` means no pull steps. @default the top-level pull steps */
  readonly pullSteps?: Step[];
}

/** Props of PrefectYamlDocument: the project name, its build, push and pull steps, and its deployments. */
export interface PrefectYamlProps {
  /** The project name (prefect.yaml's `name`). */
  readonly name: string;
  /** @default omitted */
  readonly prefectVersion?: string;
  /** prefect.yaml's `build` section. @default none */
  readonly buildSteps?: Step[];
  /** prefect.yaml's `push` section. @default none */
  readonly pushSteps?: Step[];
  /** prefect.yaml's `pull` section. @default none */
  readonly pullSteps?: Step[];
  /** @default none */
  readonly deployments?: DeploymentSpec[];
  /**
   * Job variables merged under every deployment's own (which win), e.g. the image of a Docker storage.
   * @default none
   */
  readonly jobVariables?: { readonly [name: string]: TemplateValue };
}

const SECTIONS = ["build", "push", "pull"] as const;
/** The property holding each section's steps, on the document and on a deployment. */
const STEPS_OF = { build: "buildSteps", push: "pushSteps", pull: "pullSteps" } as const;

/**
 * The `prefect.yaml` document: top-level sections and deployments, rendered with Prefect's key
 * names. It checks what Prefect would only find at deploy time: step-output references to steps
 * that do not come earlier, schedules with no or several kinds, malformed entrypoints.
 */
export class PrefectYamlDocument {
  readonly name: string;
  readonly prefectVersion?: string;
  readonly buildSteps: Step[];
  readonly pushSteps: Step[];
  readonly pullSteps: Step[];
  readonly deployments: DeploymentSpec[];
  readonly jobVariables: { readonly [name: string]: TemplateValue };

  constructor(props: PrefectYamlProps) {
    this.name = props.name;
    this.prefectVersion = props.prefectVersion;
    this.buildSteps = [...(props.buildSteps ?? [])];
    this.pushSteps = [...(props.pushSteps ?? [])];
    this.pullSteps = [...(props.pullSteps ?? [])];
    this.deployments = [...(props.deployments ?? [])];
    this.jobVariables = props.jobVariables ?? {};
  }

  /** A deployment's job variables as written: the document's defaults under the deployment's own. */
  jobVariablesOf(d: DeploymentSpec): { readonly [name: string]: TemplateValue } {
    return { ...this.jobVariables, ...(d.workPool?.jobVariables ?? {}) };
  }

  addDeployment(deployment: DeploymentSpec): this {
    this.deployments.push(deployment);
    return this;
  }

  /** Every step, top level and per deployment. */
  get allSteps(): Step[] {
    return [
      ...this.buildSteps,
      ...this.pushSteps,
      ...this.pullSteps,
      ...this.deployments.flatMap((d) => [...(d.buildSteps ?? []), ...(d.pushSteps ?? []), ...(d.pullSteps ?? [])]),
    ];
  }

  /** Every placeholder the document contains. */
  get refs(): TemplateRef[] {
    return [
      ...this.allSteps.flatMap((s) => s.refs),
      ...this.deployments.flatMap((d) => [
        ...collectRefs(d.parameters as TemplateValue),
        ...collectRefs(this.jobVariablesOf(d) as TemplateValue),
      ]),
    ];
  }

  /**
   * What Prefect would refuse or get wrong at deploy or run time, each with the place in the document
   * (`deployments["etl"].schedules[0].cron`), the value, a rule ID and a fix. Empty when sound.
   */
  problems(): Finding[] {
    const errors = new ValidationErrors();
    const sections = (d?: DeploymentSpec) => SECTIONS.map((s) => d?.[STEPS_OF[s]] ?? this[STEPS_OF[s]]);
    SECTIONS.forEach((s) => checkSteps(errors, this[STEPS_OF[s]], s));
    const names = new Set<string>();
    this.deployments.forEach((d, i) => {
      const where = `deployments[${JSON.stringify(d.name ?? i)}]`;
      if (typeof d.name !== "string" || d.name.trim() === "") {
        errors.add(`deployments[${i}].name`, d.name, CHECKS.DeploymentName, "must be a non-empty string", 'give every deployment a name, e.g. "etl-daily"');
      } else if (names.has(d.name)) {
        errors.add(`${where}.name`, d.name, CHECKS.DeploymentName, "is used twice in this prefect.yaml; `prefect deploy` would deploy only one of them", `rename one, e.g. "${d.name}-2"`);
      }
      names.add(d.name);
      if (typeof d.entrypoint !== "string" || !ENTRYPOINT.test(d.entrypoint)) {
        errors.add(`${where}.entrypoint`, d.entrypoint, CHECKS.DeploymentEntrypoint, "must be path/to/file.py:flow_function", `e.g. "${suggestEntrypoint(d.entrypoint)}"`);
      }
      (d.schedules ?? []).forEach((s, j) => checkSchedule(errors, s, `${where}.schedules[${j}]`));
      errors.check(PositiveInteger, `${where}.concurrencyLimit`, d.concurrencyLimit);
      // A deployment may name no pool: `prefect deploy --pool <name>` gives it. A named one must be valid.
      errors.check(WorkPoolName, `${where}.workPool.name`, d.workPool?.name);
      errors.renamed(d, where, { build: "buildSteps", push: "pushSteps", pull: "pullSteps" });
      SECTIONS.forEach((s) => d[STEPS_OF[s]] && checkSteps(errors, d[STEPS_OF[s]]!, `${where}.${s}`));
      checkOutputRefs(errors, sections(d).flat(), where);
      // Job variables and parameters are filled in after the build and push steps ran.
      const built = new Set([...(d.buildSteps ?? this.buildSteps), ...(d.pushSteps ?? this.pushSteps)].map((s) => s.id).filter(Boolean));
      const values = { parameters: d.parameters, "workPool.jobVariables": this.jobVariablesOf(d) };
      for (const [key, value] of Object.entries(values)) {
        for (const ref of collectRefs(value as TemplateValue)) {
          if (ref instanceof StepOutputRef && !built.has(ref.stepId)) {
            errors.add(`${where}.${key}`, String(ref), CHECKS.StepOutputReference, `names no build or push step with id "${ref.stepId}"`, "give the step that produces it that id, or use a literal value");
          }
        }
        checkTokens(errors, value as TemplateValue, `${where}.${key}`);
      }
      const text = { name: d.name, entrypoint: d.entrypoint, version: d.version, description: d.description, tags: d.tags };
      checkTokens(errors, text as TemplateValue, where);
    });
    if (this.deployments.length === 0) checkOutputRefs(errors, sections().flat(), "prefect.yaml");
    checkTokens(errors, this.name, "name");
    return [...errors.all];
  }

  /** Plain data in prefect.yaml's shape; throws if a Terraform token would leak into it. */
  toObject(): Record<string, unknown> {
    // Reached with problems only when the app skipped validation; PrefectProject reports them at synth.
    new ValidationErrors().addAll(this.problems()).throwIfAny(`prefect.yaml "${this.name}"`);
    const doc: Record<string, unknown> = { name: renderValue(this.name, "name") };
    if (this.prefectVersion) doc["prefect-version"] = this.prefectVersion;
    // Empty build/push sections are left out; `pull` is always written, so a worker's pull is explicit.
    for (const s of SECTIONS) if (this[STEPS_OF[s]].length > 0 || s === "pull") doc[s] = renderSteps(this[STEPS_OF[s]], s);
    doc.deployments = this.deployments.map((d, i) => renderDeployment(d, i, this.jobVariablesOf(d)));
    return doc;
  }
}

function renderSteps(steps: Step[], where: string): unknown[] {
  return steps.map((step, i) => step.toYaml(`${where}[${i}]`));
}

function renderDeployment(d: DeploymentSpec, i: number, jobVariables: { readonly [name: string]: TemplateValue }): Record<string, unknown> {
  const where = `deployments[${i}]`;
  const out: Record<string, unknown> = {
    name: renderValue(d.name, `${where}.name`),
    version: d.version,
    tags: d.tags,
    description: d.description,
    entrypoint: renderValue(d.entrypoint, `${where}.entrypoint`),
    parameters: renderValue(d.parameters as TemplateValue, `${where}.parameters`) ?? {},
    work_pool: d.workPool && {
      name: renderValue(d.workPool.name, `${where}.work_pool.name`),
      work_queue_name: d.workPool.workQueueName,
      job_variables: renderValue(jobVariables as TemplateValue, `${where}.work_pool.job_variables`),
    },
    schedules: d.schedules?.map(renderSchedule),
    concurrency_limit: d.concurrencyLimit,
    enforce_parameter_schema: d.enforceParameterSchema,
  };
  for (const s of SECTIONS) if (d[STEPS_OF[s]]) out[s] = renderSteps(d[STEPS_OF[s]]!, `${where}.${s}`);
  return JSON.parse(JSON.stringify(out)); // drops undefined keys, keeps key order
}

const ENTRYPOINT = /^[^:]+:[A-Za-z_][A-Za-z0-9_]*$/;
// Prefect resolves `{{ <id>.<key> }}` for ids of letters, digits, `_` and `-` (its docs use `clone-step`).
const STEP_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `flows/etl.py:etl` from what was given (`flows/etl.py`, `etl`, `flows/etl.py:run-etl`). */
function suggestEntrypoint(given: unknown): string {
  const text = typeof given === "string" ? given.trim() : "";
  const [file, fn] = text.includes(":") ? text.split(":") : [text, ""];
  const base = (file.split("/").pop() ?? "").replace(/\.py$/, "");
  const name = (fn || base || "etl").replace(/[^A-Za-z0-9_]+/g, "_").replace(/^(?=\d)/, "_");
  const path = file.endsWith(".py") ? file : file ? `${file}.py` : `flows/${name}.py`;
  return `${path}:${name}`;
}

/** Step ids, `requires:` and Terraform tokens in the parameters of one section's steps. */
function checkSteps(errors: ValidationErrors, steps: readonly Step[], where: string): void {
  steps.forEach((step, i) => {
    const at = `${where}[${i}].${step.fn}`;
    if (step.id !== undefined && !STEP_ID.test(step.id)) {
      const fixed = step.id.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^(?=[^A-Za-z_])/, "_");
      errors.add(`${at}.id`, step.id, CHECKS.StepId, "must start with a letter or _ and hold only letters, digits, _ and -: Prefect resolves {{ <id>.<key> }} only for such ids", `use "${fixed}"`);
    }
    errors.check(StepRequirement, `${at}.requires`, step.requires);
    for (const prop of unknownStepProps(step)) {
      const known = knownStepProps(step);
      const camel = prop.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      const fix = known.includes(camel) ? `use ${camel} (the props are camelCase; Prefect's snake_case names are mapped inside)` : `use one of ${known.join(", ")}`;
      errors.add(`${at}.${prop}`, "(not shown)", CHECKS.StepParameter, "is not a prop of this step, so it would be dropped", fix);
    }
    checkTokens(errors, step.kwargs, at);
  });
}

/**
 * A Terraform token would reach prefect.yaml as `${...}`, which Prefect takes literally; a block, step
 * or construct passed as a value has no YAML form at all.
 */
function checkTokens(errors: ValidationErrors, value: TemplateValue | undefined, where: string): void {
  for (const bad of findInvalidValues(value, where)) {
    errors.add(bad.where, bad.value, CHECKS.TemplateValueType, "is not a value prefect.yaml can hold", bad.fix);
  }
  for (const t of findTokens(value, where)) {
    errors.add(
      t.where,
      t.value,
      CHECKS.NoTerraformTokenInPrefectYaml,
      "is a Terraform token, only known after apply, and cannot be written into prefect.yaml",
      "pass a literal, or route the value through a Prefect variable (KnownValue.orVariable) and reference it as {{ prefect.variables.<name> }}",
    );
  }
}

/**
 * `{{ <id>.<key> }}` resolves against outputs of steps that ran before: build, then push, then
 * pull, each in order. A reference to a later or unknown step would silently stay unresolved.
 */
function checkOutputRefs(errors: ValidationErrors, steps: Step[], where: string): void {
  const seen = new Set<string>();
  for (const step of steps) {
    for (const ref of step.refs.filter((r): r is StepOutputRef => r instanceof StepOutputRef)) {
      if (!seen.has(ref.stepId)) {
        errors.add(`${where} step ${step.fn}`, String(ref), CHECKS.StepOutputReference, `no earlier step has id "${ref.stepId}" (build, then push, then pull run in order)`, `give an earlier step id "${ref.stepId}", or reference one that runs before`);
      }
    }
    if (step.id) seen.add(step.id);
  }
}
