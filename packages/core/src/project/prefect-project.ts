import * as path from "path";
import { ISynthesisSession, TerraformStack } from "cdktf";
// The hook cdktf's own TerraformAsset uses to write files beside cdk.tf.json; cdktf marks it
// internal, so it is imported from its module rather than the package root.
import { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";
import { Construct, IConstruct } from "constructs";
import { PrefectBlock } from "../prefect/blocks/block";
import { DeploymentSpec, PrefectYamlDocument } from "../prefect/prefect-yaml";
import { Variable } from "../prefect/provider/variable";
import { WorkPool } from "../prefect/provider/work-pool";
import { missingJobVariables, requiredJobVariables } from "../prefect/work-pool-variables";
import { BlockRef, VariableRef } from "../prefect/template";
import { ICodeStorage } from "../storage/code-storage";
import { Finding, ProblemReport } from "../validation/errors";
import { CHECKS } from "../validation/checks";
import { GeneratedFile } from "./generated-file";
import { PrefectIgnoreFile } from "./prefectignore-file";
import { PrefectYamlFile } from "./prefect-yaml-file";

/** Props of PrefectProject: the project name, the storage its flow code lives in, its deployments, and where prefect.yaml is written. */
export interface PrefectProjectProps {
  /** The project name (prefect.yaml's `name`). */
  readonly name: string;
  /** Where the flow code lives; supplies the build, push and pull sections. */
  readonly storage: ICodeStorage;
  /** @default none (add them with addDeployment) */
  readonly deployments?: DeploymentSpec[];
  /** Written as prefect.yaml's `prefect-version`. @default omitted */
  readonly prefectVersion?: string;
  /**
   * Also write `prefect.yaml` and `.prefectignore` into this directory at synth, typically the root of
   * your flow project (where `prefect deploy` runs). Relative paths are taken from the current directory.
   * @default only `cdktf.out/stacks/<stack>/`
   */
  readonly outputDirectory?: string;
}

/**
 * A Prefect project in a stack: turns a storage option and deployments into `prefect.yaml` and
 * `.prefectignore`, written next to the stack's `cdk.tf.json` at synth. Synthesis fails if a
 * block or variable referenced by the file is not created by a construct in the same stack.
 */
export class PrefectProject extends Construct {
  readonly document: PrefectYamlDocument;
  /** Where the flow code lives: its steps make the sections of prefect.yaml. */
  readonly storage: ICodeStorage;
  readonly files: GeneratedFile[];
  private readonly outputDirectory?: string;

  constructor(scope: Construct, id: string, props: PrefectProjectProps) {
    super(scope, id);
    const { storage } = props;
    this.storage = storage;
    this.document = new PrefectYamlDocument({
      name: props.name,
      prefectVersion: props.prefectVersion,
      buildSteps: storage.buildSteps,
      pushSteps: storage.pushSteps,
      pullSteps: storage.pullSteps,
      deployments: props.deployments,
      jobVariables: storage.jobVariables,
    });
    this.files = [new PrefectYamlFile(this.document)];
    // Only the object-storage push steps read .prefectignore; a Docker build reads .dockerignore.
    if (this.document.allSteps.some((step) => step.definition.readsPrefectIgnore)) {
      this.files.push(new PrefectIgnoreFile(storage.ignorePatterns));
    }
    this.outputDirectory = props.outputDirectory;

    // Checked at synth, when every deployment has been added; reported with the app's other problems.
    ProblemReport.of(this)._addCheck(() =>
      [...this.document.problems(), ...this.unresolvedReferences(), ...this.missingJobVariables()].map((f) => ({ path: this.node.path, ...f })),
    );
    addCustomSynthesis(this, { onSynthesize: (session) => this.writeFiles(session) });
  }

  addDeployment(deployment: DeploymentSpec): this {
    this.document.addDeployment(deployment);
    return this;
  }

  /** The files' contents by path, e.g. `{"prefect.yaml": "..."}`. */
  renderFiles(): Record<string, string> {
    return Object.fromEntries(this.files.map((f) => [f.path, f.render()]));
  }

  private writeFiles(session: ISynthesisSession): void {
    const stack = TerraformStack.of(this);
    const stackDir = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
    for (const dir of [stackDir, this.outputDirectory].filter((d): d is string => !!d)) {
      for (const file of this.files) file.writeTo(dir);
    }
  }

  /**
   * Deployments on a pool of this app (any stack: a pool is shared by a workspace's deployments) that
   * leave a variable unset which the pool's base job template requires without a default: every run
   * of them would fail on the worker.
   */
  private missingJobVariables(): Finding[] {
    const pools = this.node.root.node.findAll().filter((c): c is WorkPool => c instanceof WorkPool);
    const problems: Finding[] = [];
    for (const d of this.document.deployments) {
      const jobVariables = this.document.jobVariablesOf(d);
      for (const pool of pools.filter((p) => d.workPool && p.nameInput === d.workPool.name)) {
        const missing = missingJobVariables(requiredJobVariables(pool.poolTypeInput, pool.baseJobTemplateInput), jobVariables);
        if (missing.length === 0) continue;
        problems.push({
          prop: `deployments[${JSON.stringify(d.name)}].workPool.jobVariables`,
          value: Object.keys(jobVariables),
          rule: CHECKS.WorkPoolJobVariables.id,
          problem: `misses ${missing.join(", ")}, which the ${pool.poolTypeInput ?? "pool's"} pool's base job template requires with no default: \`prefect deploy\` accepts the deployment, and every run fails on the worker`,
          fix: `set ${missing.map((m) => `${m}: <value>`).join(", ")} in the deployment's job variables, or give pool "${pool.nameInput}" a base job template with defaults for them`,
        });
      }
    }
    return problems;
  }

  /** Block and variable references that no construct of this stack creates. */
  private unresolvedReferences(): Finding[] {
    const all = TerraformStack.of(this).node.findAll();
    const blocks = new Set(
      all.filter((c): c is PrefectBlock => c instanceof PrefectBlock).map((b) => `${b.typeSlug}/${b.blockName}`),
    );
    const variables = new Set(all.filter(isVariable).map((v) => v.nameInput));
    const problems: Finding[] = [];
    for (const ref of this.document.refs) {
      if (ref instanceof BlockRef && !blocks.has(`${ref.typeSlug}/${ref.blockName}`)) {
        problems.push({
          prop: "prefect.yaml",
          value: String(ref),
          rule: CHECKS.BlockReference.id,
          problem: `refers to no ${ref.typeSlug} block named "${ref.blockName}" in this stack; every run would fail to load it`,
          fix: "create the block in this stack (e.g. with a storage construct or a *Block class), or reference one that is",
        });
      }
      if (ref instanceof VariableRef && !variables.has(ref.variableName)) {
        problems.push({
          prop: "prefect.yaml",
          value: String(ref),
          rule: CHECKS.VariableReference.id,
          problem: `refers to no Prefect variable named "${ref.variableName}" in this stack`,
          fix: "create the variable in this stack (KnownValue.orVariable does), or reference one that is",
        });
      }
    }
    return problems;
  }
}

function isVariable(c: IConstruct): c is Variable {
  return c instanceof Variable;
}
