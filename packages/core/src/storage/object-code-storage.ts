import { Construct, IConstruct } from "constructs";
import { PrefectBlock } from "../prefect/blocks/block";
import { Step, StepDefinition } from "../prefect/steps/step";
import { TemplateValue, VariableRef } from "../prefect/template";
import { ICodeStorage } from "./code-storage";
import { GrantOptions } from "./grant-options";
import { addStorageOutputs, ObjectStorageCommonProps, StorageOutput } from "./common";
import { CodeFolder } from "./folder";
import { uploadFiles, UploadTarget } from "./upload";

/** Flow code in an object store (S3, Cloud Storage, Blob Storage): the storage interface plus uploads and grants. */
export interface IObjectCodeStorage extends ICodeStorage {
  /** Folder (object-name prefix) of the code, as given. */
  readonly folder: string;
  /** Uploads the code in `directory` with Terraform: one object per file `.prefectignore` lets through. */
  uploadCode(directory: string): IConstruct[];
  /** Lets another principal download the code (list the folder, read under it). */
  grantPull(principal: string, options?: GrantOptions): IConstruct;
  /** Lets another principal upload the code (write under the folder). */
  grantPush(principal: string, options?: GrantOptions): IConstruct;
}

/** The two step functions of an object store, and the name of their store parameter. */
export interface ObjectStoreSteps {
  /** `bucket` (S3, Cloud Storage) or `container` (Blob Storage): a parameter and an output of both steps. */
  readonly storeParam: string;
  readonly push: StepDefinition;
  readonly pull: StepDefinition;
}

/** What one side's step takes besides store and folder, e.g. `{ credentials }` or `{ project, credentials }`. */
export type SideParams = { readonly [param: string]: TemplateValue | undefined };

/** Step kwargs without the unset ones (Step drops them too; this keeps the types exact). */
function kwargs(params: SideParams): { [param: string]: TemplateValue } {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, TemplateValue] => e[1] !== undefined));
}

/**
 * The skeleton S3, Cloud Storage and Blob Storage share: the folder and `.prefectignore` patterns, the
 * push and pull steps (the pull step reads store and folder from the push step's outputs), Terraform
 * uploads of the code, the outputs every option has, and one grant signature. Each cloud supplies only
 * what differs: the store, its identities and credentials blocks, its grants and its object resource.
 */
export abstract class ObjectCodeStorage extends Construct implements IObjectCodeStorage {
  readonly folder: string;
  readonly buildSteps: Step[] = [];
  /** Object storages need no job variables: the pull step fetches the code into any image. */
  readonly jobVariables: { [name: string]: TemplateValue } = {};
  readonly ignorePatterns: string[];
  protected readonly folderFromEnv?: string;
  private steps: { readonly push: Step[]; readonly pull: Step[]; readonly literalPull: Step[] } = { push: [], pull: [], literalPull: [] };

  protected constructor(scope: Construct, id: string, props: ObjectStorageCommonProps) {
    super(scope, id);
    this.folder = props.folder;
    this.ignorePatterns = props.prefectIgnore ?? [];
    this.folderFromEnv = props.folderFromEnv;
  }

  get pushSteps(): Step[] {
    return this.steps.push;
  }

  get pullSteps(): Step[] {
    return this.steps.pull;
  }

  get literalPullSteps(): Step[] {
    return this.steps.literalPull;
  }

  uploadCode(directory: string): IConstruct[] {
    const options = { directory, folder: this.folder, folderFromEnv: this.folderFromEnv, ignorePatterns: this.ignorePatterns };
    return uploadFiles(this, options, (target) => this._uploadObject(target));
  }

  abstract grantPull(principal: string, options?: GrantOptions): IConstruct;
  abstract grantPush(principal: string, options?: GrantOptions): IConstruct;

  /** @internal The resource that uploads one file (an S3 object, a bucket object, a blob). */
  protected abstract _uploadObject(target: UploadTarget): IConstruct;

  /**
   * @internal
   * Sets the push step (`push_code`: store, folder, then `push`'s parameters) and the pull step
   * (`pull_code`: store and folder from the push step's outputs, then `pull`'s parameters), and the
   * pull step with the store and folder themselves, for deployments Terraform registers.
   */
  protected _useSteps(kind: ObjectStoreSteps, store: string | VariableRef, folder: CodeFolder, push: SideParams, pull: SideParams): void {
    const pushStep = new Step(kind.push, kwargs({ [kind.storeParam]: store, folder: folder.value, ...push }), { id: "push_code" });
    const pullStep = new Step(
      kind.pull,
      kwargs({ [kind.storeParam]: pushStep.output(kind.storeParam), folder: pushStep.output("folder"), ...pull }),
      { id: "pull_code" },
    );
    const literalPullStep = new Step(kind.pull, kwargs({ [kind.storeParam]: store, folder: folder.value, ...pull }), { id: "pull_code" });
    this.steps = { push: [pushStep], pull: [pullStep], literalPull: [literalPullStep] };
  }

  /**
   * @internal
   * Adds the outputs: `store` (the bucket, or account and container), then the folder, the Prefect
   * variable holding the store's name when prefect.yaml needs one, the credentials blocks, and `extra`.
   */
  protected _addOutputs(
    store: { readonly [name: string]: StorageOutput },
    storeForYaml: { readonly kind: string; readonly value: string | VariableRef },
    blocks: { readonly push?: PrefectBlock; readonly pull?: PrefectBlock },
    extra: { readonly [name: string]: StorageOutput | undefined } = {},
  ): void {
    const { kind, value } = storeForYaml;
    const blockOutput = (side: "push" | "pull", block?: PrefectBlock) =>
      block && { value: block.blockName, description: `${block.typeSlug} block used by the ${side} step` };
    addStorageOutputs(this, {
      ...store,
      folder: { value: this.folder, description: `Folder (${kind === "container" ? "blob" : "object"}-name prefix) of the flow code in the ${kind}` },
      [`${kind}_variable`]: value instanceof VariableRef ? { value: value.variableName, description: `Prefect variable holding the ${kind} name for prefect.yaml` } : undefined,
      push_block: blockOutput("push", blocks.push),
      pull_block: blockOutput("pull", blocks.pull),
      ...extra,
    });
  }
}
