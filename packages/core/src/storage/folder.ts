import { Token } from "cdktf";
import { EnvRef, template, TemplateString } from "../prefect/template";
import { ValidationErrors } from "../validation/errors";
import { EnvVarName, StorageFolder } from "../validation/rules";

/** Where in a bucket or container the code goes, as prefect.yaml writes it and as grants scope it. */
export interface CodeFolder {
  /**
   * The folder for the push step, ending in `/`: `<folder>/`, or `<folder>/{{ $VAR }}/` when read from
   * the environment. The slash makes every version of the pull steps list `<folder>/` only: without it,
   * prefect-aws before 0.7.11 and every prefect-gcp and prefect-azure list by the bare name, also get
   * `etl-old/...` for folder `etl`, and fail on it (`relative_to` raises). All of them accept the slash.
   */
  readonly value: string | TemplateString;
  /** The object-name prefix every grant is limited to: `<folder>/`. */
  readonly grantPrefix: string;
}

/**
 * Validates a folder (and an optional environment variable that extends it at deploy time, as in
 * Prefect's guide) and derives both forms. With `folderFromEnv: "ENV"` and `folder: "flows"`, the
 * push step writes to `flows/{{ $ENV }}` and grants cover `flows/*`: whatever the variable holds,
 * identities never reach outside the static folder.
 */
export function codeFolder(errors: ValidationErrors, folder: string, folderFromEnv?: string): CodeFolder {
  if (Token.isUnresolved(folder)) {
    errors.add("folder", folder, StorageFolder, "must be known at synth time: grants and prefect.yaml are built from it", "pass a literal folder; use folderFromEnv for a part chosen at deploy time");
  }
  errors.check(StorageFolder, "folder", folder);
  errors.check(EnvVarName, "folderFromEnv", folderFromEnv);
  return {
    value: folderFromEnv ? template`${folder}/${new EnvRef(folderFromEnv)}/` : `${folder}/`,
    grantPrefix: `${folder}/`,
  };
}
