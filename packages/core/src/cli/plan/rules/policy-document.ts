/** IAM / resource-policy JSON documents, flattened to what the widening rule compares. */

export interface PolicyStatement {
  readonly effect: "Allow" | "Deny";
  /** Actions; a `NotAction` entry is kept as `NotAction:<action>`. */
  readonly actions: string[];
  /** Resources; `NotResource:<arn>` likewise; `(any)` when the statement names none (trust policies). */
  readonly resources: string[];
  /** `*`, `AWS:<arn>`, `Service:<name>`, ...; `NotPrincipal:...`; empty for identity policies. */
  readonly principals: string[];
  /** Condition entries as `Operator key=value`, one per value. */
  readonly conditions: string[];
}

const list = (v: unknown): string[] =>
  v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).map((x) => (typeof x === "string" ? x : JSON.stringify(x)));

function principals(v: unknown, prefix = ""): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === "string") return [`${prefix}${v}`];
  if (typeof v === "object" && !Array.isArray(v)) {
    return Object.entries(v as Record<string, unknown>).flatMap(([kind, ids]) => list(ids).map((id) => `${prefix}${kind}:${id}`));
  }
  return list(v).map((x) => `${prefix}${x}`);
}

function conditions(v: unknown): string[] {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return [];
  return Object.entries(v as Record<string, unknown>).flatMap(([op, byKey]) =>
    typeof byKey === "object" && byKey !== null
      ? Object.entries(byKey as Record<string, unknown>).flatMap(([key, values]) => list(values).map((x) => `${op} ${key}=${x}`))
      : [`${op} ${JSON.stringify(byKey)}`],
  );
}

/** The statements of a policy document, or undefined when `text` is not one. */
export function parsePolicy(text: string): PolicyStatement[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof doc !== "object" || doc === null || !("Statement" in doc)) return undefined;
  const raw = (doc as { Statement: unknown }).Statement;
  const statements = (Array.isArray(raw) ? raw : [raw]).filter((s): s is Record<string, unknown> => typeof s === "object" && s !== null);
  return statements.map((s) => {
    const resources = [...list(s.Resource), ...list(s.NotResource).map((r) => `NotResource:${r}`)];
    return {
      effect: s.Effect === "Deny" ? "Deny" : "Allow",
      actions: [...list(s.Action), ...list(s.NotAction).map((a) => `NotAction:${a}`)],
      resources: resources.length ? resources : ["(any)"],
      principals: [...principals(s.Principal), ...principals(s.NotPrincipal, "NotPrincipal:")],
      conditions: conditions(s.Condition),
    };
  });
}

/** One (action, resource, principal) triple a statement covers. */
export interface Grant {
  readonly action: string;
  readonly resource: string;
  readonly principal: string;
  readonly key: string;
  readonly conditions: string[];
}

export function grants(statements: PolicyStatement[], effect: "Allow" | "Deny"): Grant[] {
  return statements
    .filter((s) => s.effect === effect)
    .flatMap((s) =>
      s.actions.flatMap((action) =>
        s.resources.flatMap((resource) =>
          (s.principals.length ? s.principals : [""]).map((principal) => ({
            action,
            resource,
            principal,
            key: `${action}\u0000${resource}\u0000${principal}`,
            conditions: s.conditions,
          })),
        ),
      ),
    );
}
