/** A policy document that allows more than before. */
import type { ChangeReader } from "../values";
import { creates, listSome, planAction, quote, type PlanRule } from "./rule";
import { grants, parsePolicy, type Grant, type PolicyStatement } from "./policy-document";

const POLICY_ATTRIBUTE = /(^|_)policy$/;
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
const hasWildcard = (s: string): boolean => s.includes("*") || s.startsWith("NotAction:") || s.startsWith("NotResource:") || s.startsWith("NotPrincipal:");
const describe = (g: Grant): string =>
  `${code(g.action)}${g.resource === "(any)" ? "" : ` on ${code(g.resource)}`}${g.principal ? ` to ${code(g.principal)}` : ""}`;

/** Every way `after` allows more than `before` (both already parsed), one message each. */
export function wideningOf(before: PolicyStatement[], after: PolicyStatement[]): string[] {
  const allowB = grants(before, "Allow");
  const allowA = grants(after, "Allow");
  const messages: string[] = [];

  const seen = (pick: (g: Grant) => string) => new Set(allowB.map(pick));
  const fresh = (pick: (g: Grant) => string, skip: string[] = []) => {
    const old = seen(pick);
    return [...new Set(allowA.map(pick))].filter((x) => x && !old.has(x) && !skip.includes(x));
  };
  const mark = (xs: string[]) => xs.map((x) => (hasWildcard(x) ? `${code(x)} (wildcard)` : code(x)));
  const newActions = fresh((g) => g.action);
  const newResources = fresh((g) => g.resource, ["(any)"]);
  const newPrincipals = fresh((g) => g.principal);
  if (newActions.length) messages.push(`new Allow action${newActions.length > 1 ? "s" : ""}: ${listSome(mark(newActions))}`);
  if (newResources.length) messages.push(`new Allow resource${newResources.length > 1 ? "s" : ""}: ${listSome(mark(newResources))}`);
  if (newPrincipals.length) messages.push(`new principal${newPrincipals.length > 1 ? "s" : ""}: ${listSome(mark(newPrincipals))}`);

  // Known action, resource and principal, newly combined (e.g. GetObject moved to another folder's ARN).
  const oldKeys = new Set(allowB.map((g) => g.key));
  const recombined = allowA.filter(
    (g) => !oldKeys.has(g.key) && !newActions.includes(g.action) && !newResources.includes(g.resource) && !newPrincipals.includes(g.principal),
  );
  if (recombined.length) messages.push(`newly allows ${listSome([...new Set(recombined.map(describe))], 3)}`);

  // Same grant, looser condition: no earlier statement for it had a subset of the new conditions.
  for (const g of allowA) {
    const earlier = allowB.filter((b) => b.key === g.key);
    if (earlier.length === 0 || earlier.some((b) => b.conditions.every((c) => g.conditions.includes(c)))) continue;
    const was = earlier[0].conditions;
    messages.push(
      g.conditions.length === 0
        ? `Condition removed from ${describe(g)} (was ${listSome(was.map(code), 3)})`
        : `Condition of ${describe(g)} changed: ${listSome(was.map(code), 3)} -> ${listSome(g.conditions.map(code), 3)}`,
    );
  }

  const denyA = new Set(grants(after, "Deny").map((g) => g.key));
  const lostDeny = grants(before, "Deny").filter((g) => !denyA.has(g.key));
  if (lostDeny.length) messages.push(`no longer denies ${listSome([...new Set(lostDeny.map(describe))], 3)}`);
  return [...new Set(messages)];
}

export const PolicyWidened: PlanRule = {
  id: "PolicyWidened",
  explanation: "A policy that allows more actions, resources or principals, or drops a condition or a Deny, widens who can reach the code or the credentials.",
  check: (c: ChangeReader) => {
    if (!c.type.startsWith("aws_") || (!creates(c) && planAction(c.change) !== "update")) return [];
    const after = c.read("after", []);
    const before = c.read("before", []);
    const attributes = new Set<string>();
    for (const side of [before, after]) {
      if (side.state === "known" && side.value && typeof side.value === "object") {
        for (const k of Object.keys(side.value)) if (POLICY_ATTRIBUTE.test(k)) attributes.add(k);
      }
    }
    const messages: string[] = [];
    for (const attr of attributes) {
      const a = c.read("after", [attr]);
      const b = c.read("before", [attr]);
      if (a.state === "absent" || (a.state === "known" && (a.value === null || a.value === ""))) continue;
      if (a.state !== "known") {
        // Only where the document is the point of the resource: aws_s3_bucket's deprecated computed
        // `policy` (and the like) is unknown on every create.
        if (c.type.endsWith("_policy") || attr !== "policy" || (b.state === "known" && b.value !== null && b.value !== "")) {
          messages.push(`${attr} is ${quote(a)}: it cannot be checked in this plan`);
        }
        continue;
      }
      const afterDoc = typeof a.value === "string" ? parsePolicy(a.value) : undefined;
      if (!afterDoc) continue;
      if (b.state === "sensitive" || b.state === "unknown") {
        messages.push(`${attr}: the previous document is ${quote(b)}, so a widening cannot be ruled out`);
        continue;
      }
      const beforeText = b.state === "known" && typeof b.value === "string" && b.value !== "" ? b.value : undefined;
      if (beforeText === a.value) continue;
      if (beforeText === undefined) {
        const allow = [...new Set(grants(afterDoc, "Allow").map(describe))];
        if (allow.length) messages.push(`new ${attr} grants ${listSome(allow, 4)}`);
        continue;
      }
      messages.push(...wideningOf(parsePolicy(beforeText) ?? [], afterDoc).map((m) => `${attr}: ${m}`));
    }
    return messages;
  },
};
