/**
 * Pure transformations of a synthesized cdktf stack (`cdk.tf.json`, already parsed) that make it
 * plannable by the Terraform tier of the tests:
 *
 * - {@link withoutPrefect}: the Prefect provider (`prefecthq/prefect`) cannot be installed on the test
 *   machine, so every `prefect_*` part is set aside before Terraform sees the stack.
 * - {@link forOfflinePlan}: lets the aws provider plan with no network and no real credentials.
 * - {@link withoutBackend}: plans always run against local state in a throw-away directory.
 *
 * Every function returns a deep copy; its input is never modified.
 */

/** A parsed Terraform JSON configuration (the shape cdktf writes to `cdk.tf.json`). */
export type TerraformJson = Record<string, unknown>;

type JsonObject = Record<string, unknown>;

/** Error thrown when a stack cannot be made Prefect-free (a design error in the stack). */
export class PrefectReferenceError extends Error {
  constructor(readonly offenders: string[]) {
    super(
      "withoutPrefect: these non-Prefect parts of the stack reference Prefect resources, so Terraform " +
        "could not plan them once the prefect_* parts are set aside. Prefect resources may depend on " +
        "AWS resources, never the other way round:\n  - " +
        offenders.join("\n  - "),
    );
    this.name = "PrefectReferenceError";
  }
}

const PREFECT_TYPE = /^prefect_/;
/** Local name the Prefect provider gets in cdktf JSON; other local names are found by `source`. */
const PREFECT_LOCAL_NAME = "prefect";
const PREFECT_SOURCE = /^(?:(?:registry\.terraform\.io|registry\.opentofu\.org)\/)?prefecthq\/prefect$/i;

/**
 * A reference to a Prefect resource or data source inside a Terraform expression:
 * `prefect_block.x...` or `data.prefect_block.x...`, not preceded by an identifier character or a
 * dot (so `aws_s3_bucket.prefect_code.id` and `local.prefect_x` are not references to Prefect).
 */
const PREFECT_REF = /(?<![A-Za-z0-9_.-])(?:data\.)?prefect_[A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*/g;

/** Meta-arguments whose strings are bare references (no `${...}`). */
const BARE_REFERENCE_KEYS = new Set(["depends_on", "replace_triggered_by"]);

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function deepCopy<T>(value: T): T {
  return structuredClone(value);
}

function isExpression(s: string): boolean {
  return s.includes("${") || s.includes("%{");
}

/**
 * Walks every string of `value` (skipping cdktf's `"//"` comment keys) and reports the matches of
 * `pattern` found in Terraform expressions: strings holding `${...}` / `%{...}`, and the bare
 * reference strings of meta-arguments such as `depends_on`.
 */
function findReferences(value: unknown, pattern: RegExp, bare = false): string[] {
  const found: string[] = [];
  const visit = (v: unknown, bareStrings: boolean): void => {
    if (typeof v === "string") {
      if (bareStrings || isExpression(v)) {
        for (const m of v.matchAll(new RegExp(pattern.source, "g"))) found.push(m[0]);
      }
    } else if (Array.isArray(v)) {
      for (const item of v) visit(item, bareStrings);
    } else if (isObject(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (k === "//") continue;
        visit(child, bareStrings || BARE_REFERENCE_KEYS.has(k));
      }
    }
  };
  visit(value, bare);
  return [...new Set(found)];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function localRefPattern(names: Iterable<string>): RegExp | undefined {
  const alternatives = [...names].map(escapeRegExp);
  if (alternatives.length === 0) return undefined;
  return new RegExp(`(?<![A-Za-z0-9_.-])local\\.(?:${alternatives.join("|")})(?![A-Za-z0-9_-])`, "g");
}

/** References to Prefect objects or to removed locals held by `value`. */
function danglingReferences(value: unknown, removedLocals: Set<string>, bare = false): string[] {
  const refs = findReferences(value, PREFECT_REF, bare);
  const locals = localRefPattern(removedLocals);
  if (locals) refs.push(...findReferences(value, locals, bare));
  return refs;
}

/** Deletes `obj[key]` when it is an empty object (or an empty array). */
function pruneEmpty(obj: JsonObject, key: string): void {
  const v = obj[key];
  if ((isObject(v) && Object.keys(v).length === 0) || (Array.isArray(v) && v.length === 0)) {
    delete obj[key];
  }
}

/** Local names of the Prefect provider in `terraform.required_providers` (always includes "prefect"). */
function prefectProviderNames(config: TerraformJson): Set<string> {
  const names = new Set([PREFECT_LOCAL_NAME]);
  const terraform = config.terraform;
  if (isObject(terraform) && isObject(terraform.required_providers)) {
    for (const [name, req] of Object.entries(terraform.required_providers)) {
      const source = isObject(req) ? req.source : undefined;
      if (typeof source === "string" && PREFECT_SOURCE.test(source)) names.add(name);
    }
  }
  return names;
}

/**
 * A deep copy of `config` with the Prefect parts set aside:
 * - every `prefect_*` resource and data source;
 * - `provider.prefect` (and any provider whose `required_providers` source is `prefecthq/prefect`),
 *   and its `terraform.required_providers` entry;
 * - every `locals` entry referencing a Prefect object (or, transitively, such a local);
 * - every `output` referencing a Prefect object or a removed local;
 * - `import` / `moved` / `removed` blocks aimed at Prefect objects;
 * then the maps left empty by the above (`resource`, `data`, `provider`, `output`, `locals`,
 * `required_providers`, `terraform`).
 *
 * Throws a {@link PrefectReferenceError} if anything that stays (a non-Prefect resource, data source,
 * module, provider configuration or check) still references a Prefect object or a removed local:
 * Terraform would otherwise fail with a confusing "reference to undeclared resource".
 */
export function withoutPrefect(config: TerraformJson): TerraformJson {
  const out = deepCopy(config);
  const providerNames = prefectProviderNames(out);
  const removedTypes = new Set<string>();

  for (const block of ["resource", "data"] as const) {
    const byType = out[block];
    if (!isObject(byType)) continue;
    for (const type of Object.keys(byType)) {
      if (PREFECT_TYPE.test(type)) {
        delete byType[type];
        removedTypes.add(type);
      }
    }
    pruneEmpty(out, block);
  }

  if (isObject(out.provider)) {
    for (const name of providerNames) delete out.provider[name];
    pruneEmpty(out, "provider");
  }
  if (isObject(out.terraform)) {
    const terraform = out.terraform;
    if (isObject(terraform.required_providers)) {
      for (const name of providerNames) delete terraform.required_providers[name];
      pruneEmpty(terraform, "required_providers");
    }
    pruneEmpty(out, "terraform");
  }

  // Locals: drop those referencing Prefect, then those referencing a dropped local, to a fixpoint.
  const removedLocals = new Set<string>();
  const localsBlocks: JsonObject[] = Array.isArray(out.locals)
    ? out.locals.filter(isObject)
    : isObject(out.locals)
      ? [out.locals]
      : [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const locals of localsBlocks) {
      for (const [name, value] of Object.entries(locals)) {
        if (name === "//") continue;
        if (danglingReferences(value, removedLocals).length > 0) {
          delete locals[name];
          removedLocals.add(name);
          changed = true;
        }
      }
    }
  }
  if (Array.isArray(out.locals)) {
    out.locals = out.locals.filter((l) => !isObject(l) || Object.keys(l).length > 0);
  }
  pruneEmpty(out, "locals");

  const removedOutputs: string[] = [];
  if (isObject(out.output)) {
    for (const [name, value] of Object.entries(out.output)) {
      if (danglingReferences(value, removedLocals).length > 0) {
        delete out.output[name];
        removedOutputs.push(name);
      }
    }
    pruneEmpty(out, "output");
  }

  for (const block of ["import", "moved", "removed"]) {
    const entries = out[block];
    if (!Array.isArray(entries)) continue;
    out[block] = entries.filter((e) => danglingReferences(e, removedLocals, true).length === 0);
    pruneEmpty(out, block);
  }

  tidyCdktfMetadata(out, removedTypes, removedOutputs);

  const offenders: string[] = [];
  const check = (where: string, value: unknown): void => {
    const refs = danglingReferences(value, removedLocals);
    if (refs.length > 0) offenders.push(`${where} references ${refs.join(", ")}`);
  };
  for (const block of ["resource", "data"] as const) {
    const byType = out[block];
    if (!isObject(byType)) continue;
    for (const [type, byName] of Object.entries(byType)) {
      if (!isObject(byName)) continue;
      for (const [name, body] of Object.entries(byName)) {
        const address = block === "data" ? `data.${type}.${name}` : `${type}.${name}`;
        check(address, body);
        if (isObject(body) && typeof body.provider === "string") {
          const providerName = body.provider.replace(/^\$\{(.*)\}$/, "$1").split(".")[0];
          if (providerNames.has(providerName)) {
            offenders.push(`${address} uses the Prefect provider (provider = "${body.provider}")`);
          }
        }
      }
    }
  }
  for (const block of ["module", "provider", "check"]) {
    const entries = out[block];
    if (isObject(entries)) {
      for (const [name, body] of Object.entries(entries)) check(`${block}.${name}`, body);
    }
  }
  if (offenders.length > 0) throw new PrefectReferenceError(offenders);
  return out;
}

/** Keeps cdktf's `"//"` comments consistent with what was removed (Terraform ignores them). */
function tidyCdktfMetadata(out: TerraformJson, removedTypes: Set<string>, removedOutputs: string[]): void {
  const comment = out["//"];
  if (!isObject(comment)) return;
  const metadata = comment.metadata;
  if (isObject(metadata) && isObject(metadata.overrides)) {
    for (const type of removedTypes) delete metadata.overrides[type];
    pruneEmpty(metadata, "overrides");
  }
  if (isObject(comment.outputs)) {
    for (const byStack of Object.values(comment.outputs)) {
      if (!isObject(byStack)) continue;
      for (const name of removedOutputs) delete byStack[name];
    }
  }
}

/** A deep copy of `config` without `terraform.backend` (so plans run against local state). */
export function withoutBackend(config: TerraformJson): TerraformJson {
  const out = deepCopy(config);
  if (isObject(out.terraform)) {
    delete out.terraform.backend;
    delete out.terraform.cloud;
    pruneEmpty(out, "terraform");
  }
  const comment = out["//"];
  if (isObject(comment) && isObject(comment.metadata)) delete comment.metadata.backend;
  return out;
}

export interface OfflinePlanOptions {
  /** Region given to aws provider configurations that have none. Default `us-east-1`. */
  region?: string;
}

/** Default region for offline plans of provider configurations that set none. */
export const OFFLINE_DEFAULT_REGION = "us-east-1";

/**
 * aws provider arguments removed for an offline plan: they would make the provider read credential
 * files, call STS or need the account id. Credentials for offline runs come from the process
 * environment (dummy `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`), never from the configuration.
 */
export const OFFLINE_REMOVED_AWS_ARGUMENTS: readonly string[] = [
  "access_key",
  "secret_key",
  "token",
  "profile",
  "shared_config_files",
  "shared_credentials_files",
  "assume_role",
  "assume_role_with_web_identity",
  "allowed_account_ids",
  "forbidden_account_ids",
];

/**
 * A deep copy of `config` ready for `terraform plan` with no network: every `provider.aws`
 * configuration (an array in cdktf JSON; a single object is accepted too) gets
 * `skip_credentials_validation`, `skip_requesting_account_id` and `skip_metadata_api_check` set to
 * true, a `region` if it has none, and loses the arguments in {@link OFFLINE_REMOVED_AWS_ARGUMENTS}.
 * `terraform.backend` is dropped as by {@link withoutBackend}. No credential is written.
 */
export function forOfflinePlan(config: TerraformJson, options: OfflinePlanOptions = {}): TerraformJson {
  const out = withoutBackend(config);
  const region = options.region ?? OFFLINE_DEFAULT_REGION;
  const provider = out.provider;
  if (!isObject(provider) || provider.aws === undefined) return out;
  const configs = Array.isArray(provider.aws) ? provider.aws : [provider.aws];
  for (const aws of configs) {
    if (!isObject(aws)) continue;
    for (const key of OFFLINE_REMOVED_AWS_ARGUMENTS) delete aws[key];
    aws.skip_credentials_validation = true;
    aws.skip_requesting_account_id = true;
    aws.skip_metadata_api_check = true;
    if (aws.region === undefined || aws.region === null || aws.region === "") aws.region = region;
  }
  return out;
}
