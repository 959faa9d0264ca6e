import { findings, Rule } from "../rule";

const PATTERN = /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * An Artifact Registry repository ID: 1-63 lowercase letters, digits and hyphens, beginning with a
 * letter and ending with a letter or digit. It is the third part of every image name
 * (`<location>-docker.pkg.dev/<project>/<repository>/<image>`).
 */
export const ArtifactRegistryRepositoryId: Rule = {
  id: "ArtifactRegistryRepositoryId",
  explanation:
    "Artifact Registry repository IDs are 1-63 lowercase letters, digits and hyphens, begin with a letter and end with a letter or digit.",
  check: (id) => {
    const cleaned = id.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^[^a-z]+|-+$/g, "").slice(0, 63).replace(/-+$/, "");
    return findings(
      [id.length < 1 || id.length > 63, `is ${id.length} characters long; Artifact Registry allows 1 to 63`],
      [!PATTERN.test(id), "must be lowercase letters, digits and hyphens, begin with a letter and end with a letter or digit", cleaned && cleaned !== id ? `use "${cleaned}"` : undefined],
    );
  },
};
