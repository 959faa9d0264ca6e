import { findings, Rule } from "../rule";

/** A Cloud KMS key's resource name, as `encryption.default_kms_key_name` takes it. */
export const GcpKmsKeyName: Rule = {
  id: "GcpKmsKeyName",
  explanation:
    "A Cloud KMS key is named projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key> (no /cryptoKeyVersions/ suffix).",
  check: (name) =>
    findings(
      [
        !/^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/.test(name),
        "must look like projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>",
        /\/cryptoKeyVersions\/[^/]+$/.test(name) ? `use "${name.replace(/\/cryptoKeyVersions\/[^/]+$/, "")}"` : undefined,
      ],
    ),
};

/** The location segment of a well-formed key name, lowercased; undefined otherwise. */
export function kmsKeyLocation(name: string): string | undefined {
  return /^projects\/[^/]+\/locations\/([^/]+)\//.exec(name)?.[1].toLowerCase();
}
