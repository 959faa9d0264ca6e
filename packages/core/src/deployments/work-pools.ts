import { Token } from "cdktf";
import { Construct } from "constructs";
import { IWorkPool, WorkPool } from "../prefect/provider/work-pool";
import { IImageCodeStorage } from "../storage/docker/image-code-storage";
import { ValidationErrors } from "../validation/errors";
import { DockerWorkPoolRegistry } from "../validation/rules/docker-work-pool-registry";
import { WorkPoolName, WorkPoolType as WorkPoolTypeRule } from "../validation/rules";
import { WorkPoolType } from "../core/work-pool-type";
import { CHECKS } from "../validation/checks";

/** The container pool types an ImageWorkPool supports (its registry checks know them). */
export const IMAGE_WORK_POOL_TYPES: readonly WorkPoolType[] = [
  WorkPoolType.DOCKER,
  WorkPoolType.KUBERNETES,
  WorkPoolType.ECS,
  WorkPoolType.CLOUD_RUN,
  WorkPoolType.AZURE_CONTAINER_INSTANCE,
  WorkPoolType.ECS_PUSH,
  WorkPoolType.CLOUD_RUN_PUSH,
  WorkPoolType.AZURE_CONTAINER_INSTANCE_PUSH,
];

/**
 * A work pool's base job template, as `prefect work-pool get-default-base-job-template --type <type>`
 * prints it: `job_configuration` (what the worker fills in, with `{{ variable }}` placeholders) and
 * `variables` (a JSON schema; each property's `default` applies when a deployment sets no value).
 */
export type BaseJobTemplate = {
  readonly job_configuration: { readonly [key: string]: unknown };
  readonly variables: {
    readonly type?: string;
    readonly properties: { readonly [name: string]: { readonly default?: unknown; readonly [key: string]: unknown } };
    readonly required?: readonly string[];
    readonly [key: string]: unknown;
  };
};

/** Props of ImageWorkPool: the pool's name and container type, the image storage its flows come from, and its base job template. */
export interface ImageWorkPoolProps {
  /** Name of the pool (what deployments' `work_pool.name` and `prefect worker start --pool` use). */
  readonly name: string;
  /** The pool type; any but `PROCESS` (a process pool runs no images). */
  readonly poolType: WorkPoolType;
  /**
   * The image storage whose flows the pool runs: its registry is checked against the pool type, and
   * its image, when fixed before deploy (a CI-built image or a fixed tag), becomes the template's
   * default `image`.
   */
  readonly storage: IImageCodeStorage;
  /**
   * The pool's base job template, typically Prefect's default for the type
   * (`prefect work-pool get-default-base-job-template --type <type> > template.json`) with your
   * changes. Its `variables.properties.image.default` is set to the storage's fixed image.
   * @default Prefect's default template for the type, left as the server makes it (no default image;
   *   deployments still carry the image in their job variables)
   */
  readonly baseJobTemplate?: { [key: string]: any };
  /** @default no limit */
  readonly concurrencyLimit?: number;
  /** @default none */
  readonly description?: string;
  /** Create the pool paused (workers take no runs). @default false */
  readonly paused?: boolean;
}

/**
 * A `prefect_work_pool` for flows baked into images: a type that can pull from the storage's
 * registry (synth-time error otherwise, e.g. `ecs:push` with an Artifact Registry image), and the
 * image as the pool's default where the base job template allows it.
 */
export class ImageWorkPool extends Construct implements IWorkPool {
  readonly workPool: WorkPool;
  /** The template sent to Prefect, with the default image set; undefined means the server's default. */
  readonly baseJobTemplate?: { [key: string]: any };
  /** The default image the template carries, if any. */
  readonly defaultImage?: string;

  get workPoolName(): string {
    return this.workPool.nameInput;
  }

  get workPoolResource(): WorkPool | undefined {
    return this.workPool;
  }

  constructor(scope: Construct, id: string, props: ImageWorkPoolProps) {
    super(scope, id);
    const errors = new ValidationErrors();
    errors.renamed(props, "", { type: "poolType" });
    if (props.poolType === undefined) errors.add("poolType", undefined, CHECKS.RequiredProp, "is required", "set poolType, e.g. WorkPoolType.ECS_PUSH");
    errors.check(DockerWorkPoolRegistry, "poolType", { type: props.poolType, registry: props.storage.registryKind }, props.poolType);
    // `process` is reported by the rule above; anything else unknown here.
    if (!IMAGE_WORK_POOL_TYPES.includes(props.poolType) && props.poolType !== WorkPoolType.PROCESS) {
      errors.add("poolType", props.poolType, WorkPoolTypeRule, `must be one of ${IMAGE_WORK_POOL_TYPES.join(", ")}`);
    }
    if (Token.isUnresolved(props.name)) {
      errors.add("name", props.name, WorkPoolName, "must be known at synth time: prefect.yaml names the pool", "pass the pool's name as a literal");
    }
    errors.check(WorkPoolName, "name", props.name);
    if (props.concurrencyLimit !== undefined && !(Number.isInteger(props.concurrencyLimit) && props.concurrencyLimit >= 0)) {
      errors.add("concurrencyLimit", props.concurrencyLimit, CHECKS.WorkPoolConcurrency, "must be a whole number, at least 0");
    }
    const template = props.baseJobTemplate as BaseJobTemplate | undefined;
    if (template) checkBaseJobTemplate(errors, template, props.storage.fixedImage !== undefined);
    errors.report(this);

    if (template) {
      this.defaultImage = props.storage.fixedImage;
      this.baseJobTemplate = this.defaultImage === undefined ? props.baseJobTemplate : withDefaultImage(template, this.defaultImage);
    }
    this.workPool = new WorkPool(this, "pool", {
      name: props.name,
      poolType: props.poolType,
      baseJobTemplate: this.baseJobTemplate && JSON.stringify(this.baseJobTemplate),
      concurrencyLimit: props.concurrencyLimit,
      description: props.description,
      paused: props.paused,
    });
  }
}

/** A copy of `template` whose `image` variable defaults to `image`. */
export function withDefaultImage(template: BaseJobTemplate, image: string): BaseJobTemplate {
  const copy = structuredClone(template) as { variables: { properties: Record<string, Record<string, unknown>> } };
  copy.variables.properties.image = { ...copy.variables.properties.image, default: image };
  return copy as unknown as BaseJobTemplate;
}

/**
 * What Prefect's server checks when a pool is created (both sections present; every `{{ name }}`
 * placeholder of the job configuration declared as a variable), plus an `image` variable to carry
 * the default image.
 */
function checkBaseJobTemplate(errors: ValidationErrors, template: BaseJobTemplate, needsImage: boolean): void {
  const properties = template?.variables?.properties;
  if (!template?.job_configuration || typeof template.job_configuration !== "object" || !properties || typeof properties !== "object") {
    errors.add(
      "baseJobTemplate",
      Object.keys(template ?? {}),
      CHECKS.WorkPoolTemplate,
      "must have a job_configuration object and variables.properties",
      "start from `prefect work-pool get-default-base-job-template --type <type>`",
    );
    return;
  }
  const undeclared = [...placeholders(template.job_configuration)].filter((name) => !(name in properties));
  if (undeclared.length) {
    errors.add(
      "baseJobTemplate.job_configuration",
      undeclared,
      CHECKS.WorkPoolTemplate,
      "uses variables that variables.properties does not declare; Prefect refuses the pool",
      "declare them under variables.properties or remove the placeholders",
    );
  }
  if (needsImage && !("image" in properties)) {
    errors.add(
      "baseJobTemplate.variables.properties",
      Object.keys(properties),
      CHECKS.WorkPoolTemplate,
      "has no image variable, so the storage's image cannot be the pool's default",
      "add variables.properties.image and use {{ image }} in job_configuration",
    );
  }
}

/** The plain `{{ name }}` placeholders (not `prefect.*`, `$ENV` or dotted ones) anywhere in a value. */
function placeholders(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === "string") {
    for (const m of value.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)) found.add(m[1]);
  } else if (Array.isArray(value)) value.forEach((v) => placeholders(v, found));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => placeholders(v, found));
  return found;
}
