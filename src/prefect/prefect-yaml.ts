import { Schedule, renderSchedule, scheduleProblems } from "./schedules";
import { Step } from "./steps/step";
import { collectRefs, renderValue, StepOutputRef, TemplateRef, TemplateValue } from "./template";

/** Where a deployment runs. */
export interface WorkPoolSpec {
  readonly name: string;
  readonly workQueueName?: string;
  /** Overrides of the pool's base job template variables, e.g. `{ image: ... }`. */
  readonly jobVariables?: { readonly [name: string]: TemplateValue };
}

/** One entry of prefect.yaml's `deployments`. */
export interface DeploymentSpec {
  readonly name: string;
  /** `path/to/file.py:flow_function`, relative to the project root. */
  readonly entrypoint: string;
  readonly description?: string;
  readonly version?: string;
  readonly tags?: string[];
  readonly parameters?: { readonly [name: string]: TemplateValue };
  readonly workPool?: WorkPoolSpec;
  readonly schedules?: Schedule[];
  /** Maximum concurrent runs of this deployment. */
  readonly concurrencyLimit?: number;
  readonly enforceParameterSchema?: boolean;
  /** Replaces the top-level `build` for this deployment. */
  readonly build?: Step[];
  /** Replaces the top-level `push` for this deployment. */
  readonly push?: Step[];
  /** Replaces the top-level `pull` for this deployment; `[]` means no pull steps. */
  readonly pull?: Step[];
}

export interface PrefectYamlProps {
  /** The project name (prefect.yaml's `name`). */
  readonly name: string;
  /** @default omitted */
  readonly prefectVersion?: string;
  readonly build?: Step[];
  readonly push?: Step[];
  readonly pull?: Step[];
  readonly deployments?: DeploymentSpec[];
  /**
   * Job variables merged under every deployment's own (which win), e.g. the image of a Docker storage.
   * @default none
   */
  readonly jobVariables?: { readonly [name: string]: TemplateValue };
}

const SECTIONS = ["build", "push", "pull"] as const;

/**
 * The `prefect.yaml` document: top-level sections and deployments, rendered with Prefect's key
 * names. It checks what Prefect would only find at deploy time: step-output references to steps
 * that do not come earlier, schedules with no or several kinds, malformed entrypoints.
 */
export class PrefectYamlDocument {
  readonly name: string;
  readonly prefectVersion?: string;
  readonly build: Step[];
  readonly push: Step[];
  readonly pull: Step[];
  readonly deployments: DeploymentSpec[];
  readonly jobVariables: { readonly [name: string]: TemplateValue };

  constructor(props: PrefectYamlProps) {
    this.name = props.name;
    this.prefectVersion = props.prefectVersion;
    this.build = [...(props.build ?? [])];
    this.push = [...(props.push ?? [])];
    this.pull = [...(props.pull ?? [])];
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
      ...this.build,
      ...this.push,
      ...this.pull,
      ...this.deployments.flatMap((d) => [...(d.build ?? []), ...(d.push ?? []), ...(d.pull ?? [])]),
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

  /** Problems Prefect would hit at deploy time, as sentences (empty when the document is sound). */
  problems(): string[] {
    const problems: string[] = [];
    const names = new Set<string>();
    const sections = (d?: DeploymentSpec) => SECTIONS.map((s) => d?.[s] ?? this[s]);
    for (const d of this.deployments) {
      if (!d.name) problems.push("a deployment has an empty name");
      if (names.has(d.name)) problems.push(`deployment name "${d.name}" is used twice`);
      names.add(d.name);
      if (!/^[^:]+:[A-Za-z_][A-Za-z0-9_]*$/.test(d.entrypoint)) {
        problems.push(`deployment "${d.name}": entrypoint "${d.entrypoint}" must look like path/to/file.py:flow_function`);
      }
      for (const s of d.schedules ?? []) {
        for (const p of scheduleProblems(s)) problems.push(`deployment "${d.name}": schedule ${p}`);
      }
      problems.push(...outputRefProblems(sections(d).flat(), `deployment "${d.name}"`));
      // Job variables and parameters are filled in after the build and push steps ran.
      const built = new Set([...(d.build ?? this.build), ...(d.push ?? this.push)].map((s) => s.id).filter(Boolean));
      for (const ref of collectRefs({ ...this.jobVariablesOf(d), ...(d.parameters ?? {}) } as TemplateValue)) {
        if (ref instanceof StepOutputRef && !built.has(ref.stepId)) {
          problems.push(`deployment "${d.name}": ${ref} in job variables or parameters names no build or push step`);
        }
      }
    }
    if (this.deployments.length === 0) problems.push(...outputRefProblems(sections().flat(), "top level"));
    return problems;
  }

  /** Plain data in prefect.yaml's shape; throws if a Terraform token would leak into it. */
  toObject(): Record<string, unknown> {
    const problems = this.problems();
    if (problems.length) throw new Error(`prefect.yaml "${this.name}" is invalid:\n  - ${problems.join("\n  - ")}`);
    const doc: Record<string, unknown> = { name: renderValue(this.name, "name") };
    if (this.prefectVersion) doc["prefect-version"] = this.prefectVersion;
    // Empty build/push sections are left out; `pull` is always written, so a worker's pull is explicit.
    for (const s of SECTIONS) if (this[s].length > 0 || s === "pull") doc[s] = renderSteps(this[s], s);
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
  for (const s of SECTIONS) if (d[s]) out[s] = renderSteps(d[s]!, `${where}.${s}`);
  return JSON.parse(JSON.stringify(out)); // drops undefined keys, keeps key order
}

/**
 * `{{ <id>.<key> }}` resolves against outputs of steps that ran before: build, then push, then
 * pull, each in order. A reference to a later or unknown step would silently stay unresolved.
 */
function outputRefProblems(steps: Step[], where: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const step of steps) {
    for (const ref of step.refs.filter((r): r is StepOutputRef => r instanceof StepOutputRef)) {
      if (!seen.has(ref.stepId)) {
        problems.push(`${where}: step ${step.fn} references ${ref} but no earlier step has id "${ref.stepId}"`);
      }
    }
    if (step.id) seen.add(step.id);
  }
  return problems;
}
