import { findings, Rule } from "../rule";

/**
 * A folder (object-name prefix) inside a bucket or container. Push steps write
 * `<folder>/<relative path>` and pull steps list `<folder>/`, and IAM grants are scoped to
 * `<folder>/*`, so the folder must be a plain relative path: no leading or trailing `/`,
 * no empty, `.` or `..` segments, no backslashes or control characters.
 */
export const StorageFolder: Rule = {
  id: "StorageFolder",
  explanation:
    "The code folder is a relative path such as 'flows/etl': grants are scoped to '<folder>/*', so it cannot escape or be empty.",
  check: (folder) => {
    const segments = folder.split("/");
    const cleaned = segments.filter((s) => s !== "" && s !== "." && s !== "..").join("/");
    const fix = cleaned ? `use "${cleaned}"` : undefined;
    return findings(
      [folder.length === 0, "is empty; grants would cover the whole bucket", 'use a folder such as "flows"'],
      [folder.startsWith("/"), "starts with '/'; object names are relative to the bucket", fix],
      [folder.length > 0 && folder.endsWith("/"), "ends with '/'; Prefect adds the separator itself", fix],
      [segments.includes(".."), "contains a '..' segment", fix],
      [segments.includes(".") || /\/\//.test(folder), "contains an empty or '.' segment", fix],
      [/[\\\x00-\x1f\x7f]/.test(folder), "contains a backslash or a control character"],
      [/[*?]/.test(folder), "contains a wildcard ('*' or '?'), which would widen the IAM grant"],
      [/\{\{|\}\}|\$\{|%\{/.test(folder), "contains a template or interpolation; use the folderFromEnv option instead"],
      [folder.length > 512, "is longer than 512 characters"],
    );
  },
};
