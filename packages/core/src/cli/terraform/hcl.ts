/**
 * The HCL counterpart of prepare.ts's `withoutPrefect`, for stacks synthesized with
 * `SYNTH_HCL_OUTPUT=true` (cdktf's `hclOutput`, HashiCorp's recommended way off cdktf): sets every
 * Prefect part of a `cdk.tf` aside so the rest can go through `terraform init` and `validate` on a
 * machine without the Prefect provider.
 *
 * It reads just enough HCL to find where blocks end: braces, quoted strings with `${...}`
 * interpolations (which may hold quotes and braces of their own), heredocs and comments.
 */

/** Where a construct that opens at `open` (a `{`) closes: the index of its matching `}`. */
export function matchingBrace(text: string, open: number): number {
  if (text[open] !== "{") throw new Error(`matchingBrace: no "{" at ${open}`);
  // Each entry is what we are inside: a brace of code (an interpolation's or a block's), or a string.
  const stack: Array<"code" | "string"> = ["code"];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    const inside = stack[stack.length - 1];
    if (inside === "string") {
      if (c === "\\") i++;
      else if (c === '"') stack.pop();
      else if ((c === "$" || c === "%") && text[i + 1] === "{") {
        stack.push("code");
        i++;
      }
      continue;
    }
    if (c === '"') stack.push("string");
    else if (c === "{") stack.push("code");
    else if (c === "}") {
      stack.pop();
      if (stack.length === 0) return i;
    } else if (c === "#" || (c === "/" && text[i + 1] === "/")) i = lineEnd(text, i);
    else if (c === "/" && text[i + 1] === "*") i = text.indexOf("*/", i + 2) + 1 || text.length;
    else if (c === "<" && text[i + 1] === "<") {
      const heredoc = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(text.slice(i));
      if (heredoc) {
        const end = new RegExp(`^\\s*${heredoc[1]}\\s*$`, "m").exec(text.slice(i + heredoc[0].length));
        i = end ? i + heredoc[0].length + end.index + end[0].length - 1 : text.length;
      }
    }
  }
  throw new Error(`matchingBrace: the "{" at ${open} is never closed`);
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf("\n", from);
  return n === -1 ? text.length : n;
}

/** A top-level block: its header (`resource "aws_s3_bucket" "x"`) and where it starts and ends. */
export interface HclBlock {
  readonly header: string;
  readonly start: number;
  /** Index just after the block's closing brace. */
  readonly end: number;
}

/** The top-level blocks of a file, in order. */
export function topLevelBlocks(text: string): HclBlock[] {
  const blocks: HclBlock[] = [];
  const header = /^([A-Za-z_][A-Za-z0-9_-]*(?:\s+"[^"\n]*")*)\s*\{/gm;
  let m: RegExpExecArray | null;
  while ((m = header.exec(text))) {
    const open = m.index + m[0].length - 1;
    const close = matchingBrace(text, open);
    blocks.push({ header: m[1], start: m.index, end: close + 1 });
    header.lastIndex = close + 1;
  }
  return blocks;
}

const PREFECT_BLOCK = /^(?:resource|data)\s+"prefect_|^provider\s+"prefect"/;
/** A reference to a Prefect resource or data source in an expression (as in prepare.ts). */
const PREFECT_REF = /(?<![A-Za-z0-9_.-])(?:data\.)?prefect_[A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*/;

/**
 * The file without its Prefect parts: `prefect_*` resources and data sources, the Prefect provider,
 * its `required_providers` entry, and outputs that read a Prefect resource. Throws when anything else
 * still references a Prefect resource (Terraform could not validate it alone).
 */
export function withoutPrefectHcl(text: string): string {
  let out = text;
  for (const block of topLevelBlocks(text).reverse()) {
    const body = text.slice(block.start, block.end);
    const dropOutput = /^output\s/.test(block.header) && PREFECT_REF.test(body);
    if (PREFECT_BLOCK.test(block.header) || dropOutput) out = out.slice(0, block.start) + out.slice(block.end);
  }
  out = withoutRequiredProvider(out, "prefect");
  const left = out.split("\n").filter((line) => PREFECT_REF.test(line));
  if (left.length) {
    throw new Error(`withoutPrefectHcl: these lines still reference Prefect resources:\n  ${left.join("\n  ")}`);
  }
  return out;
}

/** Removes `<name> = { ... }` from the `terraform { required_providers { ... } }` block. */
function withoutRequiredProvider(text: string, name: string): string {
  const terraform = topLevelBlocks(text).find((b) => b.header === "terraform");
  if (!terraform) return text;
  const inner = text.slice(terraform.start, terraform.end);
  const entry = new RegExp(`^\\s*${name}\\s*=\\s*\\{`, "m").exec(inner);
  if (!entry) return text;
  const start = terraform.start + entry.index;
  const close = matchingBrace(text, start + entry[0].length - 1);
  return text.slice(0, start) + text.slice(close + 1);
}
