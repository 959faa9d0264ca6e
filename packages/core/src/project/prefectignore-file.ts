import { DEFAULT_PREFECT_IGNORE } from "../prefect/prefectignore";
import { GeneratedFile } from "./generated-file";

/** `.prefectignore` (gitignore syntax, read by push steps from the directory `prefect deploy` runs in). */
export class PrefectIgnoreFile extends GeneratedFile {
  readonly path = ".prefectignore";
  readonly patterns: string[];
  constructor(extraPatterns: string[] = []) {
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
