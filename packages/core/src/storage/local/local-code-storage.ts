import { TemplateValue } from "../../prefect/template";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { Steps } from "../../prefect/steps/steps";
import { Step } from "../../prefect/steps/step";
import { ValidationErrors } from "../../validation/errors";
import { AbsoluteDirectory } from "../../validation/rules/absolute-path";
import { ICodeStorage } from "../code-storage";
import { CHECKS } from "../../validation/checks";

/** Props of LocalCodeStorage: the directory on the worker's machine that already holds the flow code. */
export interface LocalCodeStorageProps {
  /** Absolute path of the flow code on the machine the worker runs on, e.g. `/srv/flows/etl`. */
  readonly directory: string;
}

/**
 * The guide's option 1, for first experiments: code already on the worker's machine, run by a
 * `process` work pool. The pull step only changes into the directory; nothing is uploaded and no
 * cloud resource is created.
 */
export class LocalCodeStorage extends Construct implements ICodeStorage {
  readonly buildSteps: Step[] = [];
  readonly pushSteps: Step[] = [];
  readonly pullSteps: Step[];
  /** The pull steps hold no step-output reference: Terraform stores them as they are. */
  get literalPullSteps(): Step[] {
    return this.pullSteps;
  }
  readonly ignorePatterns: string[] = [];
  readonly jobVariables: { [name: string]: TemplateValue } = {};
  readonly directory: string;

  constructor(scope: Construct, id: string, props: LocalCodeStorageProps) {
    super(scope, id);
    const errors = new ValidationErrors();
    if (Token.isUnresolved(props.directory)) {
      errors.add("directory", props.directory, CHECKS.KnownAtSynth, "must be known at synth time: it is written into prefect.yaml");
    }
    errors.check(AbsoluteDirectory, "directory", props.directory);
    errors.report(this);
    this.directory = props.directory;
    this.pullSteps = [Steps.workingDirectory({ directory: props.directory })];
  }
}
