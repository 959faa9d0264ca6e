import { Token } from "cdktf";
import { ICodeStorage } from "../code-storage";
import { ValidationErrors } from "../../validation/errors";
import { AbsoluteDirectory } from "../../validation/rules/absolute-path";
import { ImageRegistryKind } from "../../core/image-registry-kind";
import { CHECKS } from "../../validation/checks";

/**
 * A storage whose code is baked into a container image (DockerImageCodeStorage,
 * PrebuiltImageCodeStorage): what an image work pool needs to know about it.
 */
export interface IImageCodeStorage extends ICodeStorage {
  /** The registry the image lives in, where it is one this library provisions. */
  readonly registryKind?: ImageRegistryKind;
  /**
   * The full image reference when it is fixed before `prefect deploy` (`<name>:<tag>` or a digest),
   * usable as a work pool's default image; undefined when every deploy builds a new tag.
   * May be a Terraform token (resolved by Terraform in the pool's template).
   */
  readonly fixedImage?: string;
  /** Where the code is inside the image: the flow run's working directory. */
  readonly codeDirectory: string;
}

/**
 * The code's directory inside the image: absolute, known at synth, and a POSIX path (the flow
 * images Prefect's workers run are Linux images).
 */
export function checkCodeDirectory(errors: ValidationErrors, directory: string): void {
  if (Token.isUnresolved(directory)) {
    errors.add("codeDirectory", directory, CHECKS.DockerCodeDirectory, "must be known at synth time: the pull step is written from it", "pass the literal path your Dockerfile copies the code to");
    return;
  }
  errors.check(AbsoluteDirectory, "codeDirectory", directory);
  if (/^[A-Za-z]:[\\/]/.test(directory) || directory.includes("\\")) {
    errors.add("codeDirectory", directory, CHECKS.DockerCodeDirectory, "is a Windows path; flow images are Linux images", 'use a POSIX path such as "/opt/prefect/flows"');
  }
}
