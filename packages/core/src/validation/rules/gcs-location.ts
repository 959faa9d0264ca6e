import { findings, Rule } from "../rule";

/**
 * A bucket location: a multi-region (`US`, `EU`, `ASIA`), a predefined dual-region (`EUR4`,
 * `NAM4`, ...) or a region (`europe-west1`). Only the form is checked; Google rejects unknown
 * names at apply.
 */
export const GcsLocation: Rule = {
  id: "GcsLocation",
  explanation: "Bucket locations are multi-regions (US, EU, ASIA), dual-regions (EUR4, NAM4, ...) or regions (europe-west1).",
  check: (location) =>
    findings([
      !/^(?:[A-Za-z]+[0-9]*|[a-z]+-[a-z]+[0-9]+)$/.test(location),
      "must be a multi-region (US, EU, ASIA), a dual-region (EUR4, NAM4, ...) or a region (europe-west1)",
    ]),
};
