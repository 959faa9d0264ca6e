import { findings, Rule } from "../rule";

const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/** AWS general purpose bucket naming rules (docs: "Bucket naming rules"). */
export const S3BucketName: Rule = {
  id: "S3BucketName",
  explanation:
    "S3 bucket names are 3-63 characters of lowercase letters, digits, dots and hyphens, start and end with a letter or digit, and are globally unique.",
  check: (name) =>
    findings(
      [name.length < 3 || name.length > 63, `is ${name.length} characters long; S3 allows 3 to 63`],
      [
        /[^a-z0-9.-]/.test(name),
        "may contain only lowercase letters, digits, dots and hyphens",
        suggestBucketName(name),
      ],
      [!/^[a-z0-9]/i.test(name) || !/[a-z0-9]$/i.test(name), "must begin and end with a letter or digit"],
      [name.includes(".."), "must not contain two adjacent dots"],
      [/^\d{1,3}(\.\d{1,3}){3}$/.test(name), "must not be formatted as an IP address"],
      [RESERVED_PREFIXES.some((p) => name.startsWith(p)), `must not start with ${RESERVED_PREFIXES.join(", ")}`],
      [RESERVED_SUFFIXES.some((s) => name.endsWith(s)), `must not end with ${RESERVED_SUFFIXES.join(", ")}`],
    ),
};

/** A valid name from what was given: the bucket of an `s3://` URL or ARN, lowercased, with `-` for other characters. */
function suggestBucketName(name: string): string {
  const s = name
    .replace(/^(?:s3:\/\/|s3a:\/\/|arn:aws[a-z-]*:s3:::|https?:\/\/)/i, "")
    .replace(/[/?#].*$/, "")
    .replace(/\.s3[.-][a-z0-9.-]*amazonaws\.com$/i, "")
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
  return `use a name such as "${s}"`;
}
