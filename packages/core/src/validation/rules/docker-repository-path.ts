import { findings, Rule } from "../rule";

/** One path component of an image name (distribution/reference `path-component`). */
export const DOCKER_PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const PATH = new RegExp(`^${DOCKER_PATH_COMPONENT}(?:/${DOCKER_PATH_COMPONENT})*$`);

/**
 * The path of an image inside a registry (the repository of an Azure container registry, the image
 * of an Artifact Registry repository), as the Docker reference grammar allows it: lowercase
 * components of letters and digits joined by `.`, `_`, `__` or hyphens, separated by `/`.
 */
export const DockerRepositoryPath: Rule = {
  id: "DockerRepositoryPath",
  explanation:
    "Image paths are lowercase components of letters and digits, joined by '.', '_', '__' or '-', separated by '/' (e.g. prefect/etl), at most 255 characters.",
  check: (path) => {
    const suggestion = path
      .toLowerCase()
      .split("/")
      .map((c) => c.replace(/[^a-z0-9._-]+/g, "-").replace(/^[._-]+|[._-]+$/g, ""))
      .filter(Boolean)
      .join("/");
    return findings(
      [path.length === 0 || path.length > 255, `is ${path.length} characters long; image paths are 1 to 255`],
      [path.length > 0 && !PATH.test(path), "must be lowercase components of letters and digits joined by '.', '_' or '-', separated by '/'", suggestion && suggestion !== path ? `use "${suggestion}"` : undefined],
    );
  },
};
