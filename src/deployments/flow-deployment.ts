import { Construct } from "constructs";
import { DeploymentSpec } from "../prefect/prefect-yaml";
import { Deployment } from "../prefect/provider/deployment";
import { DeploymentSchedule } from "../prefect/provider/deployment-schedule";
import { Flow } from "../prefect/provider/flow";
import { WorkPool } from "../prefect/provider/work-pool";
import { WorkQueue } from "../prefect/provider/work-queue";
import { Schedule } from "../prefect/schedules";
import { Step } from "../prefect/steps/step";
import { deployTimeRefs, findTokens, renderValue, StepOutputRef, TemplateValue } from "../prefect/template";
import { ValidationErrors } from "../validation/errors";
import { WorkPoolType as WorkPoolTypeRule } from "../validation/rules";
import { PrefectProject } from "../project/prefect-project";
import { providerPullSteps } from "./pull-steps";

/** Work pool types the Prefect provider and Prefect's workers know. */
export type WorkPoolType =
  | "process"
  | "docker"
  | "kubernetes"
  | "ecs"
  | "cloud-run"
  | "azure-container-instance"
  | "ecs:push"
  | "cloud-run:push"
  | "azure-container-instance:push";

export interface CreateWorkPoolOptions {
  readonly type: WorkPoolType;
  /** The pool's base job template (JSON-serialisable). @default the type's default template */
  readonly baseJobTemplate?: object;
  /** @default no limit */
  readonly concurrencyLimit?: number;
}

export interface FlowDeploymentProps {
  /** The project whose prefect.yaml gets this deployment and whose storage supplies its steps. */
  readonly project: PrefectProject;
  readonly name: string;
  /** `path/to/file.py:flow_function`, relative to the project root. */
  readonly entrypoint: string;
  /**
   * The flow's name, for the `prefect_flow` resource.
   * @default the entrypoint's function name with `_` as `-` (Prefect's default flow name)
   */
  readonly flowName?: string;
  /** The work pool: its name, or a `WorkPool` resource of this stack (the deployment then waits for it). */
  readonly workPool: string | WorkPool;
  /** Create the work pool named by `workPool`. @default the pool already exists */
  readonly createWorkPool?: CreateWorkPoolOptions;
  /** @default the pool's default queue */
  readonly workQueueName?: string;
  /** Create the work queue (needs workQueueName). @default false */
  readonly createWorkQueue?: boolean;
  readonly description?: string;
  readonly version?: string;
  readonly tags?: string[];
  readonly parameters?: { readonly [name: string]: TemplateValue };
  readonly jobVariables?: { readonly [name: string]: TemplateValue };
  readonly schedules?: Schedule[];
  readonly concurrencyLimit?: number;
  readonly enforceParameterSchema?: boolean;
  /** Start paused (Terraform-managed deployments only). @default false */
  readonly paused?: boolean;
  /** Per-deployment overrides of the project's sections (see DeploymentSpec). @default the project's */
  readonly build?: Step[];
  readonly push?: Step[];
  readonly pull?: Step[];
  /**
   * Also create the flow, the deployment (with pull steps from the same storage as prefect.yaml's) and
   * its schedules as Terraform resources, so `cdktf deploy` registers the deployment without
   * `prefect deploy`. The code must then already be in the storage (git, a Terraform upload, or CI).
   * @default false: only the prefect.yaml entry
   */
  readonly manageWithTerraform?: boolean;
}

/**
 * A deployment of one flow: always an entry in the project's prefect.yaml (for `prefect deploy`), and
 * optionally the deployment itself as infrastructure. Both take their pull steps from the same
 * storage object, so they cannot disagree.
 */
export class FlowDeployment extends Construct {
  readonly spec: DeploymentSpec;
  readonly flow?: Flow;
  readonly deployment?: Deployment;
  readonly workPool?: WorkPool;
  readonly workQueue?: WorkQueue;
  readonly schedules: DeploymentSchedule[] = [];

  constructor(scope: Construct, id: string, props: FlowDeploymentProps) {
    super(scope, id);
    const errors = new ValidationErrors();
    if (props.createWorkQueue && !props.workQueueName) {
      errors.add("createWorkQueue", true, "FlowDeploymentQueue", "needs workQueueName: the queue to create has no name", "set workQueueName, or drop createWorkQueue to use the pool's default queue");
    }
    if (props.createWorkPool && typeof props.workPool !== "string") {
      errors.add("createWorkPool", props.createWorkPool, "FlowDeploymentPool", "needs workPool as a name: the WorkPool resource given already creates the pool", "drop createWorkPool, or pass the pool's name as workPool");
    }
    errors.check(WorkPoolTypeRule, "createWorkPool.type", props.createWorkPool?.type);
    const workPoolName = typeof props.workPool === "string" ? props.workPool : props.workPool.nameInput;
    this.spec = {
      name: props.name,
      entrypoint: props.entrypoint,
      description: props.description,
      version: props.version,
      tags: props.tags,
      parameters: props.parameters,
      workPool: { name: workPoolName, workQueueName: props.workQueueName, jobVariables: props.jobVariables },
      schedules: props.schedules,
      concurrencyLimit: props.concurrencyLimit,
      enforceParameterSchema: props.enforceParameterSchema,
      build: props.build,
      push: props.push,
      pull: props.pull,
    };
    props.project.addDeployment(this.spec);

    if (props.createWorkPool) {
      this.workPool = new WorkPool(this, "work-pool", {
        name: workPoolName,
        type: props.createWorkPool.type,
        baseJobTemplate: props.createWorkPool.baseJobTemplate && JSON.stringify(props.createWorkPool.baseJobTemplate),
        concurrencyLimit: props.createWorkPool.concurrencyLimit,
      });
    } else if (typeof props.workPool !== "string") {
      this.workPool = props.workPool;
    }
    if (props.createWorkQueue) {
      this.workQueue = new WorkQueue(this, "work-queue", {
        name: props.workQueueName!,
        workPoolName,
        dependsOn: this.workPool ? [this.workPool] : undefined,
      });
    }
    if (!props.manageWithTerraform) {
      errors.report(this);
      return;
    }

    const doc = props.project.document;
    this.flow = sharedFlow(props.project, props.flowName ?? defaultFlowName(props.entrypoint));
    this.deployment = new Deployment(this, "deployment", {
      name: props.name,
      flowId: this.flow.id,
      entrypoint: props.entrypoint,
      description: props.description,
      version: props.version,
      tags: props.tags,
      workPoolName,
      workQueueName: props.workQueueName,
      parameters: json(errors, props.parameters, "parameters"),
      jobVariables: json(errors, doc.jobVariablesOf(this.spec), "jobVariables"),
      concurrencyLimit: props.concurrencyLimit,
      enforceParameterSchema: props.enforceParameterSchema,
      paused: props.paused,
      pullSteps: providerPullSteps(props.pull ?? props.project.storage.literalPullSteps ?? props.project.storage.pullSteps, errors),
      dependsOn: nonEmpty([this.workPool, this.workQueue].filter((r): r is WorkPool | WorkQueue => r !== undefined)),
    });
    (props.schedules ?? []).forEach((s, i) => {
      this.schedules.push(
        new DeploymentSchedule(this, `schedule-${i}`, {
          deploymentId: this.deployment!.id,
          ...("cron" in s ? { cron: s.cron, dayOr: s.dayOr } : {}),
          ...("rrule" in s ? { rrule: s.rrule } : {}),
          ...("interval" in s ? { interval: s.interval, anchorDate: s.anchorDate } : {}),
          timezone: s.timezone,
          active: s.active,
          slug: s.slug,
          parameters: s.parameters && JSON.stringify(s.parameters),
        }),
      );
    });
    errors.report(this);
  }
}

/**
 * One `prefect_flow` per flow name and project: several deployments of a flow share it, so destroying
 * one deployment never deletes the flow under the others.
 */
function sharedFlow(project: PrefectProject, name: string): Flow {
  const id = `flow-${name.replace(/[^A-Za-z0-9_-]+/g, "_")}`;
  return (project.node.tryFindChild(id) as Flow | undefined) ?? new Flow(project, id, { name });
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length ? items : undefined;
}

/** Prefect names a flow after its function, with `_` replaced by `-`. */
export function defaultFlowName(entrypoint: string): string {
  return entrypoint.slice(entrypoint.lastIndexOf(":") + 1).replace(/_/g, "-");
}

/**
 * JSON for a Terraform-managed deployment. A step output (`{{ build_image.image }}`) or a deploy-time
 * environment variable (`{{ $ENV }}`) is only filled in by `prefect deploy`; Prefect would take it
 * literally here, so it is a problem.
 */
function json(errors: ValidationErrors, value: { readonly [name: string]: TemplateValue } | undefined, prop: string): string | undefined {
  if (value === undefined || Object.keys(value).length === 0) return undefined;
  const [deployTime] = deployTimeRefs(value as TemplateValue);
  if (deployTime) {
    const when = deployTime instanceof StepOutputRef ? "runs its step" : "reads its environment";
    errors.add(prop, String(deployTime), "TerraformDeploymentValue", `is only known when \`prefect deploy\` ${when}; a Terraform-managed deployment needs a fixed value`, "use a fixed value (e.g. the image CI built), or keep this deployment to prefect.yaml");
    return undefined;
  }
  if (findTokens(value as TemplateValue, prop).length) return undefined; // reported by the prefect.yaml checks
  return JSON.stringify(renderValue(value as TemplateValue, prop));
}
