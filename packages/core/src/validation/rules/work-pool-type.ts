import { closestMatch } from "../../core/closest-match";
import { WorkPoolType as WorkPoolTypeEnum } from "../../core/work-pool-type";
import { Rule } from "../rule";

/** Every work pool type Prefect 3 knows, as the enum lists them. */
export const WORK_POOL_TYPES: readonly string[] = Object.values(WorkPoolTypeEnum);

/** Names people use for a pool type that differ from Prefect's. */
const ALIASES: { readonly [alias: string]: string } = {
  k8s: "kubernetes",
  kube: "kubernetes",
  aci: "azure-container-instance",
  azure: "azure-container-instance",
  "azure-container-instances": "azure-container-instance",
  cloudrun: "cloud-run",
  "cloudrun-v2": "cloud-run-v2",
  "google-cloud-run": "cloud-run",
  "gcp-cloud-run": "cloud-run",
  fargate: "ecs",
  "aws-ecs": "ecs",
  vertex: "vertex-ai",
  vertexai: "vertex-ai",
  local: "process",
  subprocess: "process",
  managed: "prefect:managed",
  "prefect-managed": "prefect:managed",
  modal: "modal:push",
};

/**
 * A work pool's `type`, one of {@link WORK_POOL_TYPES}. Prefect's API stores any string, but only a
 * type with a worker (or, on Prefect Cloud, a push or managed runner) ever runs a flow, and
 * `prefect work-pool create --type` refuses others; a typo leaves every run of the pool pending.
 */
export const WorkPoolType: Rule<unknown> = {
  id: "WorkPoolType",
  explanation: `A work pool type is one Prefect has a worker or runner for: ${WORK_POOL_TYPES.join(", ")}.`,
  check: (type) => {
    if (typeof type !== "string") return [{ problem: `must be a string, not ${type === null ? "null" : typeof type}` }];
    if ((WORK_POOL_TYPES as readonly string[]).includes(type)) return [];
    const suggestion = suggestWorkPoolType(type);
    return [
      {
        problem: `is not a Prefect work pool type (${WORK_POOL_TYPES.join(", ")})`,
        fix: suggestion ? `use WorkPoolType.${enumMember(suggestion)} ("${suggestion}")` : "pick one of the types listed; `prefect work-pool get-default-base-job-template --type <type>` shows each one's settings",
      },
    ];
  },
};

/** The enum member holding a type: `cloud-run:push` → `CLOUD_RUN_PUSH`. */
function enumMember(type: string): string {
  return Object.entries(WorkPoolTypeEnum).find(([, v]) => v === type)?.[0] ?? type;
}

/** The work pool type `given` most likely means, if one is close enough. */
function suggestWorkPoolType(given: string): string | undefined {
  const types = WORK_POOL_TYPES as readonly string[];
  const normalized = given
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-")
    .replace(/-(push|managed)$/, ":$1");
  if (types.includes(normalized)) return normalized;
  if (ALIASES[normalized]) return ALIASES[normalized];
  // A known type with something appended, e.g. "kubernetes-job" or "docker-worker".
  const prefix = [...types].sort((a, b) => b.length - a.length).find((t) => normalized.startsWith(`${t}-`));
  if (prefix) return prefix;
  return closestMatch(normalized, types);
}
