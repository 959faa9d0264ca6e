/**
 * The repository's packages (npm workspaces under packages/), as the packaging tests see them: the
 * core `prefect-code-storage` and one package per cloud plus git. The expectations (names, the
 * provider bindings each may load, its Python module) are written out here, not read from the
 * manifests the tests check.
 */
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");
export const CORE_NAME = "prefect-code-storage";

export interface PackageSpec {
  /** Its workspace directory under packages/. */
  readonly workspace: string;
  readonly name: string;
  /** The provider binding packages it needs, and the only ones it may load. */
  readonly providers: string[];
  /** Its Python distribution's top-level module. */
  readonly pythonModule: string;
}

export const PACKAGES: PackageSpec[] = [
  { workspace: "core", name: CORE_NAME, providers: [], pythonModule: "prefect_code_storage" },
  { workspace: "aws", name: "prefect-code-storage-aws", providers: ["@cdktf/provider-aws"], pythonModule: "prefect_code_storage_aws" },
  { workspace: "google", name: "prefect-code-storage-google", providers: ["@cdktf/provider-google"], pythonModule: "prefect_code_storage_google" },
  { workspace: "azure", name: "prefect-code-storage-azure", providers: ["@cdktf/provider-azurerm"], pythonModule: "prefect_code_storage_azure" },
  { workspace: "git", name: "prefect-code-storage-git", providers: ["@cdktf/provider-github", "@cdktf/provider-gitlab"], pythonModule: "prefect_code_storage_git" },
];

export const packageDir = (p: PackageSpec) => path.join(ROOT, "packages", p.workspace);
export const manifestOf = (p: PackageSpec) => JSON.parse(fs.readFileSync(path.join(packageDir(p), "package.json"), "utf8"));

/** Why the built packages are not there (each one's lib/index.js, lib/index.d.ts and .jsii), or undefined. */
export function missingBuild(): string | undefined {
  const missing = PACKAGES.flatMap((p) => ["lib/index.js", "lib/index.d.ts", ".jsii"].map((f) => path.join("packages", p.workspace, f))).filter(
    (f) => !fs.existsSync(path.join(ROOT, f)),
  );
  return missing.length === 0 ? undefined : `the built packages are missing (${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", ..." : ""}): run npm run build first`;
}
