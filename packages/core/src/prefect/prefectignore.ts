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
