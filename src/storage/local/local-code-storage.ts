import { Token } from "cdktf";
import { Construct } from "constructs";
import { setWorkingDirectory } from "../../prefect/steps/core";
import { Step } from "../../prefect/steps/step";
import { ValidationErrors } from "../../validation/errors";
import { AbsoluteDirectory } from "../../validation/rules/absolute-path";
import { ICodeStorage } from "../code-storage";

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
  readonly ignorePatterns: readonly string[] = [];
  readonly directory: string;

  constructor(scope: Construct, id: string, props: LocalCodeStorageProps) {
    super(scope, id);
    const errors = new ValidationErrors();
    if (Token.isUnresolved(props.directory)) {
      errors.add("directory", props.directory, "KnownAtSynth", "must be known at synth time: it is written into prefect.yaml");
    }
    errors.check(AbsoluteDirectory, "directory", props.directory);
    errors.report(this);
    this.directory = props.directory;
    this.pullSteps = [setWorkingDirectory({ directory: props.directory })];
  }
}
