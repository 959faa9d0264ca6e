import { findings, Rule } from "../rule";

/** An image tag (distribution/reference `tag`). */
export const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * An image tag: 1-128 characters of letters, digits, `_`, `.` and `-`, not beginning with `.` or `-`
 * (so a git branch such as `feature/x` is not a tag as it stands).
 */
export const DockerTag: Rule = {
  id: "DockerTag",
  explanation: "Image tags match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}: at most 128 characters, no '/' or ':', not starting with '.' or '-'.",
  check: (tag) => {
    const cleaned = tag.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[.-]+/, "").slice(0, 128);
    return findings([!DOCKER_TAG.test(tag), "must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}", cleaned ? `use "${cleaned}"` : undefined]);
  },
};
