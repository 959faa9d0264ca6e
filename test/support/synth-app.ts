import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { buildApp, EXAMPLE_STACKS, ExampleStackName } from "../../stacks/app";

export interface SynthesizedStack {
  readonly name: ExampleStackName;
  readonly dir: string;
  readonly config: any;
  /** Generated files by name (prefect.yaml, .prefectignore), raw text; not cdk.tf.json or assets. */
  readonly files: Record<string, string>;
  readonly prefectYaml: any;
}

/** Synthesizes the example app (as `npm run synth` does) into a fresh temp dir. */
export function synthExampleApp(): { outdir: string; stacks: SynthesizedStack[]; cleanup: () => void } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "prefect-cdktf-synth-"));
  buildApp({ outdir }).synth();
  const stacks = (Object.keys(EXAMPLE_STACKS) as ExampleStackName[]).map((name) => {
    const dir = path.join(outdir, "stacks", name);
    const files: Record<string, string> = {};
    for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
      // Generated files only: not the Terraform JSON, not cdktf's asset copies.
      if (f.isFile() && f.name !== "cdk.tf.json") files[f.name] = fs.readFileSync(path.join(dir, f.name), "utf8");
    }
    return {
      name,
      dir,
      config: JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")),
      files,
      prefectYaml: files["prefect.yaml"] ? parse(files["prefect.yaml"]) : undefined,
    };
  });
  return { outdir, stacks, cleanup: () => fs.rmSync(outdir, { recursive: true, force: true }) };
}
