import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import ignore from "ignore";
import { DEFAULT_PREFECT_IGNORE } from "../project/prefectignore-file";

/** One file of a flow directory to upload, with the hashes resources key on. */
export interface UploadFile {
  /** Path relative to the directory, with `/` separators: the object name under the folder. */
  readonly relativePath: string;
  readonly absolutePath: string;
  /** Hex SHA-256 of the content: unchanged content, unchanged resource, no diff. */
  readonly sha256: string;
}

/**
 * The files a push step would upload from `directory`: every file not matched by the
 * `.prefectignore` patterns (Prefect's defaults plus `extraPatterns`, gitignore syntax, as the push
 * steps read them), in a stable order. Symbolic links are not followed.
 */
export function filesToUpload(directory: string, extraPatterns: readonly string[] = []): UploadFile[] {
  const root = path.resolve(directory);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new Error(`The code directory ${JSON.stringify(directory)} does not exist or is not a directory.`);
  }
  const matcher = ignore().add([...DEFAULT_PREFECT_IGNORE, ...extraPatterns].filter((p) => !p.startsWith("#")));
  const files: UploadFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(dir, entry.name);
      const rel = path.relative(root, abs).split(path.sep).join("/");
      if (entry.isDirectory()) {
        if (!matcher.ignores(`${rel}/`)) walk(abs);
      } else if (entry.isFile() && !matcher.ignores(rel)) {
        files.push({ relativePath: rel, absolutePath: abs, sha256: createHash("sha256").update(fs.readFileSync(abs)).digest("hex") });
      }
    }
  };
  walk(root);
  return files;
}

/** A construct id for a file that is stable, unique per path and readable in plans. */
export function uploadConstructId(relativePath: string): string {
  const readable = relativePath.replace(/[^A-Za-z0-9._-]+/g, "-");
  return `code-${readable}-${createHash("sha1").update(relativePath).digest("hex").slice(0, 8)}`;
}
