import { Construct } from "constructs";
import { DeploymentSpec } from "../prefect/prefect-yaml";
import { Deployment } from "../prefect/provider/deployment";
import { DeploymentSchedule } from "../prefect/provider/deployment-schedule";
import { Flow } from "../prefect/provider/flow";
import { IWorkPool, WorkPool } from "../prefect/provider/work-pool";
import { WorkQueue } from "../prefect/provider/work-queue";
import { Schedule } from "../prefect/schedules";
import { Step } from "../prefect/steps/step";
import { deployTimeRefs, findInvalidValues, findTokens, renderValue, StepOutputRef, TemplateValue } from "../prefect/template";
import { ValidationErrors } from "../validation/errors";
import { WorkPoolType as WorkPoolTypeRule } from "../validation/rules";
import { PrefectProject } from "../project/prefect-project";
import { providerPullSteps } from "./pull-steps";
import { CHECKS } from "../validation/checks";

import { WorkPoolType } from "../core/work-pool-type";

/** Options for FlowDeployment to create the work pool it names: the pool's worker type, base job template and concurrency limit. */
export interface CreateWorkPoolOptions {
  readonly poolType: WorkPoolType;
  /** The pool's base job template (JSON-serialisable). @default the type's default template */
  readonly baseJobTemplate?: { [key: string]: any };
  /** @default no limit */
  readonly concurrencyLimit?: number;
}

/** Props of FlowDeployment: the project, flow entrypoint and work pool of a deployment, and its settings in prefect.yaml (and, optionally, in Terraform). */
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
  /**
   * The work pool: `WorkPool.fromName("etl-process")` for one that exists, or one this app creates
   * (`ImageWorkPool`, a `WorkPool` resource; a Terraform-managed deployment then waits for it).
   */
  readonly workPool: IWorkPool;
  /** Create the work pool named by `workPool` (given with `WorkPool.fromName`). @default the pool already exists */
  readonly createWorkPool?: CreateWorkPoolOptions;
  /** @default the pool's default queue */
  readonly workQueueName?: string;
  /** Create the work queue (needs workQueueName). @default false */
  readonly createWorkQueue?: boolean;
  /** @default - none */
  readonly description?: string;
  /** @default - none */
  readonly version?: string;
  /** @default - no tags */
  readonly tags?: string[];
  /** @default - none: the flow's own parameter defaults apply */
  readonly parameters?: { readonly [name: string]: any };
  /** @default - none of its own: only the project's job variables (e.g. a Docker storage's image), if any */
  readonly jobVariables?: { readonly [name: string]: TemplateValue };
  /** @default - no schedules */
  readonly schedules?: Schedule[];
  /** @default - no limit */
  readonly concurrencyLimit?: number;
  /** @default - unset: omitted from prefect.yaml (Prefect's default); a Terraform-managed deployment gets the provider's default, true */
  readonly enforceParameterSchema?: boolean;
  /** Start paused (Terraform-managed deployments only). @default false */
  readonly paused?: boolean;
  /** Replaces the project's build steps for this deployment. @default the project's */
  readonly buildSteps?: Step[];
  /** Replaces the project's push steps for this deployment. @default the project's */
  readonly pushSteps?: Step[];
  /** Replaces the project's pull steps for this deployment (`[]`: none). @default the project's */
  readonly pullSteps?: Step[];
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
      errors.add("createWorkQueue", true, CHECKS.FlowDeploymentQueue, "needs workQueueName: the queue to create has no name", "set workQueueName, or drop createWorkQueue to use the pool's default queue");
    }
    const pool: IWorkPool = typeof props.workPool === "string" ? WorkPool.fromName(props.workPool) : props.workPool;
    if (typeof props.workPool === "string") {
      errors.add("workPool", props.workPool, CHECKS.FlowDeploymentPool, "must be a work pool, not its name", `use WorkPool.fromName(${JSON.stringify(props.workPool)})`);
    }
    if (props.createWorkPool && pool.workPoolResource) {
      errors.add("createWorkPool", props.createWorkPool, CHECKS.FlowDeploymentPool, "needs a pool given by name: the work pool given is already created by this app", "drop createWorkPool, or give workPool as WorkPool.fromName(<name>)");
    }
    errors.renamed(props, "", { build: "buildSteps", push: "pushSteps", pull: "pullSteps" }).renamed(props.createWorkPool, "createWorkPool", { type: "poolType" });
    if (props.createWorkPool && props.createWorkPool.poolType === undefined) {
      errors.add("createWorkPool.poolType", undefined, CHECKS.RequiredProp, "is required to create a work pool (unset, the provider would create a prefect-agent pool)", "set poolType, e.g. WorkPoolType.PROCESS");
    }
    errors.check(WorkPoolTypeRule, "createWorkPool.poolType", props.createWorkPool?.poolType);
    const workPoolName = pool.workPoolName;
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
      buildSteps: props.buildSteps,
      pushSteps: props.pushSteps,
      pullSteps: props.pullSteps,
    };
    props.project.addDeployment(this.spec);

    if (props.createWorkPool) {
      this.workPool = new WorkPool(this, "work-pool", {
        name: workPoolName,
        poolType: props.createWorkPool.poolType,
        baseJobTemplate: props.createWorkPool.baseJobTemplate && JSON.stringify(props.createWorkPool.baseJobTemplate),
        concurrencyLimit: props.createWorkPool.concurrencyLimit,
      });
    } else {
      this.workPool = pool.workPoolResource;
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
      pullSteps: providerPullSteps(props.pullSteps ?? props.project.storage.literalPullSteps, errors),
      dependsOn: nonEmpty([this.workPool, this.workQueue].filter((r): r is WorkPool | WorkQueue => r !== undefined)),
    });
    (props.schedules ?? []).forEach((s, i) => {
      this.schedules.push(
        new DeploymentSchedule(this, `schedule-${i}`, {
          deploymentId: this.deployment!.id,
          cron: s.cronExpression,
          dayOr: s.dayOr,
          rrule: s.recurrenceRule,
          interval: s.intervalSeconds,
          anchorDate: s.anchorDate,
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
    errors.add(prop, String(deployTime), CHECKS.TerraformDeploymentValue, `is only known when \`prefect deploy\` ${when}; a Terraform-managed deployment needs a fixed value`, "use a fixed value (e.g. the image CI built), or keep this deployment to prefect.yaml");
    return undefined;
  }
  // Reported by the prefect.yaml checks.
  if (findTokens(value as TemplateValue, prop).length || findInvalidValues(value, prop).length) return undefined;
  return JSON.stringify(renderValue(value as TemplateValue, prop));
}
