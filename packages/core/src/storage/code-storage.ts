import { IConstruct } from "constructs";
import { Step } from "../prefect/steps/step";
import { TemplateValue } from "../prefect/template";

/**
 * What every storage option (S3, GCS, Azure Blob, git, image registry, local) gives a Prefect
 * project: the steps of prefect.yaml's `build`, `push` and `pull` sections. Switching cloud means
 * switching the construct that implements this; the project and deployments stay as they are.
 */
export interface ICodeStorage extends IConstruct {
  /** Steps that build an artefact before pushing (e.g. a Docker image); often empty. */
  readonly buildSteps: Step[];
  /** Steps that upload the code at `prefect deploy`; empty where Prefect never pushes (git). */
  readonly pushSteps: Step[];
  /** Steps a worker runs before each flow run to fetch the code. */
  readonly pullSteps: Step[];
  /**
   * The same pull steps with literal values where `pullSteps` reference the push step's outputs
   * (`{{ push_code.folder }}`): what a deployment stores when Terraform registers it, since no
   * `prefect deploy` runs to fill the references in. Built from the same values, never decoded.
   * Storages whose pull steps reference no step output return `pullSteps` here.
   */
  readonly literalPullSteps: Step[];
  /** The user's extra `.prefectignore` patterns; only meaningful when there are push steps. */
  readonly ignorePatterns: string[];
  /**
   * Job variables every deployment of this storage needs, e.g. `{ image: "{{ build_image.image }}" }`
   * for code baked into an image, or `{}`. A deployment's own job variables win over these.
   */
  readonly jobVariables: { [name: string]: TemplateValue };
}
