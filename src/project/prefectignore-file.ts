import { GeneratedFile } from "./generated-file";

/**
 * What push steps never upload. Without a `.prefectignore` every file is pushed, `.git` and
 * `.venv` included; these defaults follow `prefect init`'s file plus infrastructure artefacts
 * (Terraform state can hold secrets).
 */
export const DEFAULT_PREFECT_IGNORE: readonly string[] = [
  "# prefect artifacts",
  ".prefectignore",
  "# python artifacts",
  "__pycache__/",
  "*.py[cod]",
  "*$py.class",
  "*.egg-info/",
  "*.egg",
  ".mypy_cache/",
  ".pytest_cache/",
  ".ruff_cache/",
  "*.ipynb_checkpoints/*",
  "# environments and local secrets",
  ".python-version",
  ".env",
  ".venv/",
  "env/",
  "venv/",
  "# editors and OS",
  ".idea/",
  ".vscode/",
  ".DS_Store",
  "# version control",
  ".git/",
  ".hg/",
  "# infrastructure code and state",
  "node_modules/",
  "cdktf.out/",
  ".terraform/",
  "*.tfstate",
  "*.tfstate.*",
];

/** `.prefectignore` (gitignore syntax, read by push steps from the directory `prefect deploy` runs in). */
export class PrefectIgnoreFile extends GeneratedFile {
  readonly path = ".prefectignore";
  readonly patterns: readonly string[];
  constructor(extraPatterns: readonly string[] = []) {
    super();
    for (const p of extraPatterns) {
      if (/[\r\n]/.test(p)) throw new Error(`.prefectignore pattern ${JSON.stringify(p)} must be a single line.`);
    }
    this.patterns = [...DEFAULT_PREFECT_IGNORE, ...(extraPatterns.length ? ["# project patterns", ...extraPatterns] : [])];
  }
  render(): string {
    return `# ${GeneratedFile.MARKER}\n${this.patterns.join("\n")}\n`;
  }
}
