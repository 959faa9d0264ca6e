import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { AssetType, TerraformAsset } from "cdktf";
import { Construct } from "constructs";
import ignore from "ignore";
import { DEFAULT_PREFECT_IGNORE } from "../prefect/prefectignore";

/** One file of a flow directory to upload, with the hashes resources key on. */
export interface UploadFile {
  /** Hex MD5 of the content (Azure's content_md5 wants it). */
  readonly md5: string;
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
        const content = fs.readFileSync(abs);
        files.push({
          relativePath: rel,
          absolutePath: abs,
          sha256: createHash("sha256").update(content).digest("hex"),
          md5: createHash("md5").update(content).digest("hex"),
        });
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

/** What a cloud's upload resource needs for one file. */
export interface UploadTarget {
  /** Construct id for the resource (stable per path). */
  readonly id: string;
  /** Object name: `<folder>/<relative path>`. */
  readonly objectName: string;
  /** Path of cdktf's copy of the file, relative to the synthesized stack (what Terraform reads). */
  readonly source: string;
  readonly file: UploadFile;
}

/**
 * Creates one upload resource per file that `.prefectignore` lets through, via `create` (e.g. an
 * `aws_s3_object`). Files are copied as cdktf assets, whose paths change with their content, so
 * Terraform plans a change exactly for the files that changed. A folder extended from the deploy
 * environment (`folderFromEnv`) cannot be uploaded to: `prefect deploy` does not run.
 */
export function uploadFiles<R>(
  scope: Construct,
  options: { readonly directory: string; readonly folder: string; readonly folderFromEnv?: string; readonly ignorePatterns: readonly string[] },
  create: (target: UploadTarget) => R,
): R[] {
  if (options.folderFromEnv) {
    throw new Error(
      `${scope.node.path}: uploadCode needs a fixed folder, but folderFromEnv reads it from the environment of \`prefect deploy\` [CodeUpload]`,
    );
  }
  return filesToUpload(options.directory, options.ignorePatterns).map((file) => {
    const id = uploadConstructId(file.relativePath);
    const asset = new TerraformAsset(scope, `${id}-asset`, { path: file.absolutePath, type: AssetType.FILE });
    return create({ id, objectName: `${options.folder}/${file.relativePath}`, source: asset.path, file });
  });
}
