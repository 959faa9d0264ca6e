import { TerraformOutput, Token } from "cdktf";
import { Construct } from "constructs";
import { KnownValue } from "../prefect/known-value";
import { VariableRef } from "../prefect/template";
import { ValidationErrors } from "../validation/errors";
import { Check, Rule } from "../validation/rule";
import { BlockName } from "../validation/rules";
import { CodeFolder, codeFolder } from "./folder";
import { defaultNameStem, logicalName } from "./names";

/**
 * Props every object-storage option (S3, GCS, Azure Blob) shares, so switching cloud keeps them.
 */
export interface ObjectStorageCommonProps {
  /** Folder (object-name prefix) for the code, e.g. `flows/etl`; every grant is limited to it. */
  readonly folder: string;
  /**
   * Name of an environment variable that extends the folder when `prefect deploy` runs, as in
   * Prefect's guide: the push step writes to `<folder>/{{ $VAR }}` (e.g. one folder per
   * environment), while grants stay on `<folder>/*`.
   * @default none (the folder is fixed)
   */
  readonly folderFromEnv?: string;
  /**
   * Stem of the credentials block names: `<stem>-push` and `<stem>-pull`.
   * @default slug of `<bucket or container>-<folder>`
   */
  readonly blockNamePrefix?: string;
  /**
   * Send block data write-only (`data_wo`, Terraform >= 1.11), kept out of Terraform state and plan.
   * Keys created by Terraform are still in state as attributes of their own resources: keep state encrypted.
   * @default false
   */
  readonly writeOnlyBlocks?: boolean;
  /**
   * Extra `.prefectignore` patterns (gitignore syntax) on top of the defaults.
   * @default none
   */
  readonly prefectIgnore?: string[];
}

/** What the common props resolve to once validated. */
export interface ResolvedCommonProps {
  readonly folder: CodeFolder;
  /** Stem of block (and default identity) names. */
  readonly stem: string;
}

/**
 * Validates the common props into `errors` (thrown together with the option's own problems) and
 * derives the folder forms and the name stem from the storage location (bucket or container name).
 */
export function resolveCommonProps(
  errors: ValidationErrors,
  props: ObjectStorageCommonProps,
  location: string | undefined,
  constructId: string,
): ResolvedCommonProps {
  const folder = codeFolder(errors, props.folder, props.folderFromEnv);
  errors.check(BlockName, "blockNamePrefix", props.blockNamePrefix);
  const stem =
    props.blockNamePrefix ??
    (location && !Token.isUnresolved(location) ? defaultNameStem(location, props.folder) : defaultNameStem(constructId));
  return { folder, stem };
}

/** One Terraform output of a storage. */
export interface StorageOutput {
  readonly value: string;
  readonly description: string;
}

/**
 * Adds the storage's Terraform outputs, named `<construct id>_<name>` so they read well in
 * `terraform output`. Entries left undefined are skipped. Never pass a secret here.
 */
export function addStorageOutputs(scope: Construct, outputs: { readonly [name: string]: StorageOutput | undefined }): void {
  const prefix = logicalName(scope.node.id);
  for (const [name, output] of Object.entries(outputs)) {
    if (output) new TerraformOutput(scope, name, output).overrideLogicalId(`${prefix}_${name}`);
  }
}

/**
 * The name of a bucket or container given either to create it (`bucketName`) or to reuse an existing
 * one (`existingBucketName`): exactly one must be set, and the naming rule applies to whichever is.
 * `source` is the rule ID reported when both or neither are set (e.g. `S3BucketSource`).
 */
export function createdOrExisting(
  errors: ValidationErrors,
  nameRule: Rule,
  source: Check,
  created: { readonly prop: string; readonly value: string | undefined },
  existing: { readonly prop: string; readonly value: string | undefined },
): string | undefined {
  const name = created.value ?? existing.value;
  if ((created.value === undefined) === (existing.value === undefined)) {
    errors.add(created.prop, name, source, `set exactly one of ${created.prop} (create) and ${existing.prop} (reuse)`);
  }
  errors.check(nameRule, created.value !== undefined ? created.prop : existing.prop, name);
  return name;
}

/**
 * A storage location (bucket, container, project) as prefect.yaml writes it: the literal, or, when it
 * is only known after apply, a Prefect variable `<stem>_<kind>` that Terraform fills in.
 */
export function locationForYaml(scope: Construct, value: string, stem: string, kind: string): string | VariableRef {
  return KnownValue.orVariable(scope, `${kind}-name-variable`, value, `${stem.replace(/-/g, "_")}_${kind}`);
}

