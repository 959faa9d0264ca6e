/**
 * Plan rules (cdk-nag style): each is a small pure function over one resource change of a
 * `terraform show -json` plan, with an id and a one-line explanation of why it matters. A rule
 * reads values only through {@link ChangeReader}, so a finding can never quote a secret.
 */
import type { ResourceChange } from "../../terraform/terraform";
import { ChangeReader, showText, type PathSegment, type Shown } from "../values";

export interface PlanRule {
  /** Stable id shown next to each finding. */
  readonly id: string;
  /** One line: what the rule catches and why a reviewer must look. */
  readonly explanation: string;
  /** One message per problem in this change (empty when there is none). */
  readonly check: (change: ChangeReader) => string[];
}

/** What a plan does to one resource, as the summary counts it. */
export type PlanAction = "create" | "update" | "replace" | "delete" | "read" | "no-op" | "forget";

/** replace = `["delete","create"]` or `["create","delete"]`. */
export function planAction(change: ResourceChange): PlanAction {
  const actions = change.change.actions as string[];
  if (actions.includes("delete") && actions.includes("create")) return "replace";
  if (actions.length === 1 && ["create", "update", "delete", "read", "forget"].includes(actions[0])) {
    return actions[0] as PlanAction;
  }
  return "no-op";
}

export const destroys = (c: ChangeReader): boolean => ["delete", "replace"].includes(planAction(c.change));
export const creates = (c: ChangeReader): boolean => ["create", "replace"].includes(planAction(c.change));

/** "destroyed" or "destroyed and recreated", plus what forces the replacement when known. */
export function destroyVerb(c: ChangeReader): string {
  if (planAction(c.change) !== "replace") return "destroyed";
  const paths = (c.change.change.replace_paths ?? []) as PathSegment[][];
  const forcedBy = paths.filter(Array.isArray).map((p) => p.map(String).join("."));
  return `destroyed and recreated${forcedBy.length ? ` (forced by a change of ${forcedBy.join(", ")})` : ""}`;
}

/** A shown value as inline text for a message: `value`, or (sensitive) / (known after apply). */
export function quote(shown: Shown, max = 120): string {
  if (shown.state === "known" && typeof shown.value === "string") {
    const v = shown.value.length > max ? `${shown.value.slice(0, max - 1)}…` : shown.value;
    return `\`${v.replace(/`/g, "'")}\``;
  }
  return shown.state === "known" ? `\`${showText(shown, max).replace(/`/g, "'")}\`` : showText(shown);
}

/** The first of `paths` that holds something other than absent on `side` (for a resource's name). */
export function firstPresent(c: ChangeReader, side: "before" | "after", paths: PathSegment[][]): Shown | undefined {
  for (const p of paths) {
    const s = c.read(side, p);
    if (s.state !== "absent" && !(s.state === "known" && (s.value === null || s.value === ""))) return s;
  }
  return undefined;
}

/** Cuts a list for a one-line message: `a, b, c and 4 more`. */
export function listSome(items: string[], max = 5): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}
