import { Token } from "cdktf";

/**
 * Job variables a pool type's default base job template requires and gives no default. A worker
 * builds each run's job configuration from the pool's template plus the deployment's job variables
 * (`BaseJobConfiguration.from_template_and_values`); a required variable neither provides makes every
 * scheduled run fail on the worker, while `prefect deploy` and the server's deployment check
 * (`ignore_required=True`) accept the deployment.
 *
 * Source: `aggregate-worker-metadata.json` in PrefectHQ/prefect (the default templates of the
 * open-source workers; every other type there requires nothing without a default) and, for push
 * pools, whose templates only Prefect Cloud serves, the templates Prefect's push-pool provisioners
 * are tested with (tests/infrastructure/provisioners). Types not listed require nothing we know of.
 */
export const REQUIRED_JOB_VARIABLES: { readonly [poolType: string]: readonly string[] } = {
  "azure-container-instance": ["resource_group_name", "subscription_id"],
  "azure-container-instance:push": ["resource_group_name", "subscription_id", "aci_credentials"],
  "cloud-run:push": ["credentials"],
  "vertex-ai": ["region", "image"],
};

/** The shape of a base job template this check reads (`variables.required` and property defaults). */
interface TemplateVariables {
  readonly variables?: {
    readonly required?: readonly string[];
    readonly properties?: { readonly [name: string]: { readonly default?: unknown } | undefined };
  };
}

/**
 * The job variables a deployment on a pool must set: the template's required variables without a
 * default (the pool type's default template when none is given). `baseJobTemplate` is the JSON the
 * pool is created with; a template only known after apply is not checked.
 */
export function requiredJobVariables(poolType: string | undefined, baseJobTemplate: string | undefined): string[] {
  if (baseJobTemplate === undefined || baseJobTemplate === "" || baseJobTemplate === "{}") {
    return [...(REQUIRED_JOB_VARIABLES[poolType ?? ""] ?? [])];
  }
  if (Token.isUnresolved(baseJobTemplate)) return [];
  let template: TemplateVariables;
  try {
    template = JSON.parse(baseJobTemplate) as TemplateVariables;
  } catch {
    return [];
  }
  const properties = template.variables?.properties ?? {};
  return (template.variables?.required ?? []).filter((name) => properties[name]?.default === undefined || properties[name]?.default === null);
}

/** Required variables that `jobVariables` (the deployment's, merged with the storage's) leaves unset or null. */
export function missingJobVariables(required: readonly string[], jobVariables: { readonly [name: string]: unknown }): string[] {
  return required.filter((name) => jobVariables[name] === undefined || jobVariables[name] === null);
}
