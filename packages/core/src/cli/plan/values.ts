/**
 * Reading values out of a plan's `resource_changes` without ever exposing a secret.
 *
 * `terraform show -json` prints sensitive values in clear text and marks them separately
 * (`before_sensitive` / `after_sensitive`); values known only after apply are absent from `after`
 * and marked in `after_unknown`. Everything the summary shows goes through {@link ChangeReader},
 * which applies those marks, plus a deny-list of attributes that are never shown whatever the plan
 * says (a provider that forgets `Sensitive: true` must not leak a key into a PR comment).
 */
import type { ResourceChange } from "../terraform/terraform";

export const SENSITIVE_TEXT = "(sensitive)";
export const UNKNOWN_TEXT = "(known after apply)";
export const ABSENT_TEXT = "(none)";

/** Top-level attributes never shown, by resource type, sensitive-marked or not. */
export const NEVER_SHOWN: Readonly<Record<string, readonly string[]>> = {
  prefect_block: ["data", "data_wo"],
  aws_iam_access_key: ["secret", "ses_smtp_password_v4", "encrypted_secret", "encrypted_ses_smtp_password_v4"],
  google_service_account_key: ["private_key", "public_key_data"],
};

/** Attribute names (any nesting level) that are never shown: credentials under any provider. */
export const SECRET_NAME = /secret|password|passphrase|private_key|access_key|token|connection_string|credential/i;

export type PathSegment = string | number;

/** A value as the summary may show it. Known values are deep-redacted already. */
export type Shown =
  | { readonly state: "known"; readonly value: unknown }
  | { readonly state: "sensitive" }
  | { readonly state: "unknown" }
  | { readonly state: "absent" };

const SENSITIVE: Shown = { state: "sensitive" };
const UNKNOWN: Shown = { state: "unknown" };
const ABSENT: Shown = { state: "absent" };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function child(v: unknown, key: PathSegment): unknown {
  if (Array.isArray(v)) return typeof key === "number" ? v[key] : undefined;
  if (isObject(v)) return v[String(key)];
  return undefined;
}

/** Whether a sensitivity / unknown mark covers `path` (a `true` anywhere on the way down). */
export function markedAt(mask: unknown, path: readonly PathSegment[]): boolean {
  let m = mask;
  for (const key of path) {
    if (m === true) return true;
    m = child(m, key);
    if (m === undefined || m === null || m === false) return false;
  }
  return m === true;
}

/** The mark object at `path` (undefined when nothing is marked there). */
function maskNode(mask: unknown, path: readonly PathSegment[]): unknown {
  let m = mask;
  for (const key of path) m = child(m, key);
  return m;
}

function hidden(type: string, path: readonly PathSegment[]): boolean {
  if (path.length > 0 && (NEVER_SHOWN[type] ?? []).includes(String(path[0]))) return true;
  return path.some((seg) => typeof seg === "string" && SECRET_NAME.test(seg));
}

/**
 * A copy of `value` (found at `path`) with every sensitive, hidden or unknown part replaced by
 * {@link SENSITIVE_TEXT} / {@link UNKNOWN_TEXT}.
 */
function redact(type: string, value: unknown, path: PathSegment[], sensitive: unknown, unknown: unknown): unknown {
  if (hidden(type, path) || markedAt(sensitive, path)) return SENSITIVE_TEXT;
  if (markedAt(unknown, path)) return UNKNOWN_TEXT;
  if (Array.isArray(value)) return value.map((v, i) => redact(type, v, [...path, i], sensitive, unknown));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redact(type, v, [...path, k], sensitive, unknown);
    // Attributes known only after apply are missing from `after`: show them as unknown, not absent.
    const unknownHere = maskNode(unknown, path);
    if (isObject(unknownHere)) {
      for (const [k, m] of Object.entries(unknownHere)) if (m === true && !(k in out)) out[k] = UNKNOWN_TEXT;
    }
    return out;
  }
  return value;
}

export type Side = "before" | "after";

/** The only way rules and the renderer read values out of one resource change. */
export class ChangeReader {
  constructor(readonly change: ResourceChange) {}

  get type(): string {
    return this.change.type;
  }

  private masks(side: Side): { value: unknown; sensitive: unknown; unknown: unknown } {
    const c = this.change.change as Record<string, unknown>;
    return side === "before"
      ? { value: c.before, sensitive: c.before_sensitive, unknown: undefined }
      : { value: c.after, sensitive: c.after_sensitive, unknown: c.after_unknown };
  }

  /** The value at `path` on one side of the change, redacted. */
  read(side: Side, path: readonly PathSegment[] = []): Shown {
    const { value, sensitive, unknown } = this.masks(side);
    if (value === null || value === undefined) {
      // A create has no `before`; a destroy has no `after`. Unknown marks still apply to `after`.
      return side === "after" && markedAt(unknown, path) ? UNKNOWN : ABSENT;
    }
    let v: unknown = value;
    for (const key of path) {
      v = child(v, key);
      if (v === undefined) return markedAt(unknown, path) ? UNKNOWN : ABSENT;
    }
    if (hidden(this.type, path) || markedAt(sensitive, path)) return SENSITIVE;
    if (markedAt(unknown, path)) return UNKNOWN;
    return { state: "known", value: redact(this.type, v, [...path], sensitive, unknown) };
  }

  /** A known string at `path`, else undefined (sensitive, unknown, absent or not a string). */
  string(side: Side, path: readonly PathSegment[]): string | undefined {
    const s = this.read(side, path);
    return s.state === "known" && typeof s.value === "string" ? s.value : undefined;
  }

  /**
   * Leaves that differ between before and after, compared on the raw values (a changed secret is
   * reported as changed) but returned redacted. A string attribute holding a JSON document (an IAM
   * policy) is compared inside the document: `policy » Statement[0].Action[1]`.
   */
  changedLeaves(): Array<{ path: string; before: Shown; after: Shown }> {
    const c = this.change.change as Record<string, unknown>;
    const out: Array<{ path: string; before: Shown; after: Shown }> = [];
    const shownInJson = (v: unknown, path: PathSegment[]): Shown =>
      v === undefined ? ABSENT : { state: "known", value: redact(this.type, v, path, undefined, undefined) };
    // `path` addresses the plan's values (and their marks); `inner`, a JSON document inside them.
    const walk = (path: PathSegment[], b: unknown, a: unknown, inner?: PathSegment[]): void => {
      const full = inner ? [...path, ...inner] : path;
      const marked =
        hidden(this.type, full) ||
        (!inner && (markedAt(c.before_sensitive, path) || markedAt(c.after_sensitive, path) || markedAt(c.after_unknown, path)));
      if (!marked && ((isObject(b) && isObject(a)) || (Array.isArray(b) && Array.isArray(a))) && full.length < 16) {
        const keys = Array.isArray(b)
          ? [...Array(Math.max(b.length, (a as unknown[]).length)).keys()]
          : [...new Set([...Object.keys(b as object), ...Object.keys(a as object)])];
        for (const k of keys) walk(inner ? path : [...path, k], child(b, k), child(a, k), inner ? [...inner, k] : undefined);
        return;
      }
      if (!marked && !inner && typeof b === "string" && typeof a === "string" && b !== a) {
        const pb = parseDocument(b);
        const pa = parseDocument(a);
        if (pb !== undefined && pa !== undefined) return walk(path, pb, pa, []);
      }
      const unknownAfter = !inner && markedAt(c.after_unknown, path);
      if (!unknownAfter && JSON.stringify(b ?? null) === JSON.stringify(a ?? null)) return;
      if (inner) {
        out.push({ path: `${formatPath(path)} » ${formatPath(inner)}`, before: shownInJson(b, full), after: shownInJson(a, full) });
      } else {
        out.push({ path: formatPath(path), before: this.read("before", path), after: this.read("after", path) });
      }
    };
    walk([], c.before ?? null, c.after ?? null);
    return out;
  }
}

/** A JSON object or array held in a string, else undefined. */
function parseDocument(text: string): unknown {
  const t = text.trim();
  if (!(t.startsWith("{") || t.startsWith("[")) || t.length > 1_000_000) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === "object" && v !== null ? v : undefined;
  } catch {
    return undefined;
  }
}

/** `a.b[0].c` */
export function formatPath(path: readonly PathSegment[]): string {
  return path.map((seg, i) => (typeof seg === "number" ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join("");
}

/** One line of text for a shown value (strings quoted, long values cut). */
export function showText(shown: Shown, max = 80): string {
  switch (shown.state) {
    case "sensitive":
      return SENSITIVE_TEXT;
    case "unknown":
      return UNKNOWN_TEXT;
    case "absent":
      return ABSENT_TEXT;
    default: {
      const text = JSON.stringify(shown.value) ?? "null";
      return text.length > max ? `${text.slice(0, max - 1)}…` : text;
    }
  }
}

/**
 * Every string that must never appear in the summary: the raw values under sensitive marks or
 * hidden attributes of all changes. When such a value is a JSON document (prefect_block `data`),
 * also the strings under its credential-named keys (and `value`, a Secret block's), but not its
 * other fields (a bucket or region name in a block is no secret and is shown elsewhere).
 * The renderer scrubs them from its output as a last line of defence.
 */
export function secretStrings(changes: readonly ResourceChange[], minLength = 6): Set<string> {
  const found = new Set<string>();
  const add = (v: unknown): void => {
    if ((typeof v === "string" || typeof v === "number") && String(v).length >= minLength) found.add(String(v));
  };
  // Everything in a value that is itself marked sensitive.
  const collect = (v: unknown): void => {
    if (typeof v === "string") {
      add(v);
      const doc = parseDocument(v);
      if (doc !== undefined) collectInDocument(doc, false);
    } else if (Array.isArray(v)) v.forEach(collect);
    else if (isObject(v)) Object.values(v).forEach(collect);
    else add(v);
  };
  // Inside a JSON document held by a sensitive string: only what sits under a credential-named key.
  const collectInDocument = (v: unknown, secret: boolean): void => {
    if (Array.isArray(v)) v.forEach((x) => collectInDocument(x, secret));
    else if (isObject(v)) for (const [k, x] of Object.entries(v)) collectInDocument(x, secret || k === "value" || SECRET_NAME.test(k));
    else if (secret) add(v);
  };
  for (const rc of changes) {
    const c = rc.change as Record<string, unknown>;
    for (const [value, mask] of [
      [c.before, c.before_sensitive],
      [c.after, c.after_sensitive],
    ] as const) {
      const walk = (v: unknown, path: PathSegment[]): void => {
        if (v === null || v === undefined) return;
        if (hidden(rc.type, path) || markedAt(mask, path)) return collect(v);
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
        else if (isObject(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      };
      walk(value, []);
    }
  }
  return found;
}
