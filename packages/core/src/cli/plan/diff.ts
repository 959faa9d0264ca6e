/**
 * A small line diff (longest common subsequence) and unified-diff formatting, so the plan summary
 * can show generated files (prefect.yaml) against the base branch without a dependency.
 * Pure functions; fine for files of a few thousand lines (common head and tail are trimmed first).
 */

export interface DiffLine {
  readonly kind: " " | "-" | "+";
  readonly text: string;
  /** False for the last line of a file that does not end in a newline. */
  readonly newline: boolean;
}

interface Line {
  readonly text: string;
  readonly newline: boolean;
}

/** Above this many LCS cells the middle part is shown as a whole replacement instead. */
const MAX_LCS_CELLS = 16_000_000;

export function splitLines(text: string): Line[] {
  if (text === "") return [];
  const parts = text.split("\n");
  const endsWithNewline = parts[parts.length - 1] === "";
  if (endsWithNewline) parts.pop();
  return parts.map((t, i) => ({ text: t, newline: endsWithNewline || i < parts.length - 1 }));
}

const same = (a: Line, b: Line): boolean => a.text === b.text && a.newline === b.newline;

/** Edit script turning `before` into `after`, every line of both in order. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && same(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;

  const ops: DiffLine[] = a.slice(0, head).map((l) => ({ kind: " ", ...l }));
  ops.push(...lcsDiff(a.slice(head, a.length - tail), b.slice(head, b.length - tail)));
  ops.push(...a.slice(a.length - tail).map((l) => ({ kind: " " as const, ...l })));
  return ops;
}

function lcsDiff(a: Line[], b: Line[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_LCS_CELLS) {
    return [...a.map((l) => ({ kind: "-" as const, ...l })), ...b.map((l) => ({ kind: "+" as const, ...l }))];
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..], row-major in one typed array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = same(a[i], b[j])
        ? lcs[(i + 1) * width + j + 1] + 1
        : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const ops: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i], b[j])) {
      ops.push({ kind: " ", ...a[i++] });
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      ops.push({ kind: "-", ...a[i++] }); // removals first, as diff(1) prints them
    } else {
      ops.push({ kind: "+", ...b[j++] });
    }
  }
  while (i < n) ops.push({ kind: "-", ...a[i++] });
  while (j < m) ops.push({ kind: "+", ...b[j++] });
  return ops;
}

export interface UnifiedDiffOptions {
  /** Name on the `---` line. Use `/dev/null` for a new file. */
  readonly fromFile: string;
  /** Name on the `+++` line. Use `/dev/null` for a deleted file. */
  readonly toFile: string;
  /** Unchanged lines around each change. Default 3. */
  readonly context?: number;
}

/** A unified diff (`---`, `+++`, `@@` hunks) of two texts; the empty string when they are equal. */
export function unifiedDiff(before: string, after: string, options: UnifiedDiffOptions): string {
  const ops = diffLines(before, after);
  const context = options.context ?? 3;
  const changed = ops.map((op, k) => (op.kind !== " " ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return "";

  // Group changes whose context windows touch into one hunk each.
  const hunks: Array<[number, number]> = [];
  for (const k of changed) {
    const start = Math.max(0, k - context);
    const end = Math.min(ops.length, k + context + 1);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else hunks.push([start, end]);
  }

  // Line numbers (1-based) of each op's position in the old and new file.
  const aLineAt: number[] = [];
  const bLineAt: number[] = [];
  let aLine = 1;
  let bLine = 1;
  for (const op of ops) {
    aLineAt.push(aLine);
    bLineAt.push(bLine);
    if (op.kind !== "+") aLine++;
    if (op.kind !== "-") bLine++;
  }

  const out = [`--- ${options.fromFile}`, `+++ ${options.toFile}`];
  for (const [start, end] of hunks) {
    const slice = ops.slice(start, end);
    const aLen = slice.filter((op) => op.kind !== "+").length;
    const bLen = slice.filter((op) => op.kind !== "-").length;
    // An empty range names the line before it (0 for the start of the file), as diff(1) does.
    const aStart = aLen === 0 ? aLineAt[start] - 1 : aLineAt[start];
    const bStart = bLen === 0 ? bLineAt[start] - 1 : bLineAt[start];
    out.push(`@@ -${range(aStart, aLen)} +${range(bStart, bLen)} @@`);
    for (const op of slice) {
      out.push(`${op.kind}${op.text}`);
      if (!op.newline) out.push("\\ No newline at end of file");
    }
  }
  return out.join("\n") + "\n";
}

function range(start: number, length: number): string {
  return length === 1 ? `${start}` : `${start},${length}`;
}
