import { findings, Rule } from "../rule";

/**
 * An Artifact Registry location: a region (`europe-west1`) or one of the multi-regions `us`,
 * `europe`, `asia` (lowercase, unlike Cloud Storage's `US`/`EU`). It is the start of the host of
 * every image (`<location>-docker.pkg.dev`). Only the form is checked.
 */
export const ArtifactRegistryLocation: Rule = {
  id: "ArtifactRegistryLocation",
  explanation: "Artifact Registry locations are regions such as europe-west1 or the multi-regions us, europe and asia.",
  check: (location) => {
    const lower = location.toLowerCase();
    const fix = lower === "eu" ? 'use "europe"' : lower !== location && /^(?:us|europe|asia|[a-z]+-[a-z]+\d+)$/.test(lower) ? `use "${lower}"` : undefined;
    return findings([
      !/^(?:us|europe|asia|[a-z]+-[a-z]+\d+)$/.test(location),
      "must be a region such as europe-west1 or one of the multi-regions us, europe, asia",
      fix,
    ]);
  },
};
