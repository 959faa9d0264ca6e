import { Token } from "cdktf";
import { Construct } from "constructs";
import { Steps } from "../../prefect/steps/steps";
import { Step } from "../../prefect/steps/step";
import { KnownValue } from "../../prefect/known-value";
import { TemplateValue } from "../../prefect/template";
import { ValidationErrors } from "../../validation/errors";
import { DockerImageReference, parseImageReference, registryKindOfHost } from "../../validation/rules/docker-image-reference";
import { VariableName } from "../../validation/rules/variable-name";
import { checkCodeDirectory, IImageCodeStorage } from "./image-code-storage";
import { ImageRegistryKind } from "../../core/image-registry-kind";

/** Props of PrebuiltImageCodeStorage: the image CI already built and pushed, and where in it the flow code lives. */
export interface PrebuiltImageCodeStorageProps {
  /**
   * The image CI built and pushed, as a full reference with its tag or digest, e.g.
   * `123456789012.dkr.ecr.eu-central-1.amazonaws.com/acme/etl:1.4.2` or `...@sha256:<digest>`.
   * A Terraform token (e.g. a variable CI sets with `-var`) reaches prefect.yaml through a Prefect
   * variable.
   */
  readonly image: string;
  /** Where the image holds the flow code: the flow run's working directory (set_working_directory). */
  readonly codeDirectory: string;
  /**
   * Name of the Prefect variable that carries an image only known after apply.
   * @default `<construct id>_image`
   */
  readonly imageVariableName?: string;
}

/**
 * Flow code in an image CI builds and pushes itself (the guide's "CI/CD may not require push or
 * pull steps"): no build or push step; every deployment runs the given image (job variable `image`),
 * which work pools can also take as their default, and the pull step only changes into the code's
 * directory. Registry grants stay with the registry construct (e.g. an EcrRegistry of an existing
 * repository, CI as its push identity, the task execution role as a puller).
 */
export class PrebuiltImageCodeStorage extends Construct implements IImageCodeStorage {
  readonly image: string;
  readonly registryKind?: ImageRegistryKind;
  readonly fixedImage?: string;
  readonly codeDirectory: string;
  readonly buildSteps: Step[] = [];
  readonly pushSteps: Step[] = [];
  readonly pullSteps: Step[];
  /** The pull steps hold no step-output reference: Terraform stores them as they are. */
  get literalPullSteps(): Step[] {
    return this.pullSteps;
  }
  readonly ignorePatterns: string[] = [];
  readonly jobVariables: { [name: string]: TemplateValue };

  constructor(scope: Construct, id: string, props: PrebuiltImageCodeStorageProps) {
    super(scope, id);
    const errors = new ValidationErrors();
    errors.check(DockerImageReference, "image", props.image);
    checkCodeDirectory(errors, props.codeDirectory);
    errors.check(VariableName, "imageVariableName", props.imageVariableName);
    errors.report(this);

    this.image = props.image;
    this.fixedImage = props.image;
    this.codeDirectory = props.codeDirectory;
    this.registryKind = Token.isUnresolved(props.image) ? undefined : registryKindOfHost(parseImageReference(props.image)?.host);
    const variableName = props.imageVariableName ?? `${id.replace(/[^A-Za-z0-9_-]+/g, "_").toLowerCase()}_image`;
    this.jobVariables = { image: KnownValue.orVariable(this, "image-variable", props.image, variableName) };
    this.pullSteps = [Steps.workingDirectory({ directory: props.codeDirectory })];
  }
}
