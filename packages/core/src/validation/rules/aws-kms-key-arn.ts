import { Rule } from "../rule";

const PARTITIONS = ["aws", "aws-us-gov", "aws-cn"];
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

/**
 * The ARN of a KMS key, as S3 SSE-KMS (`kms_master_key_id` with a bucket key) and IAM policies need
 * it: `arn:<aws|aws-us-gov|aws-cn>:kms:<region>:<12-digit account>:key/<key id>`, the key ID a UUID
 * or a multi-Region `mrk-` ID, lowercase as AWS prints it (IAM matches ARNs case-sensitively).
 * An alias, an alias ARN or a bare key ID works for some S3 calls but not in an IAM policy's
 * `Resource`, where the grant would silently match nothing.
 */
export const AwsKmsKeyArn: Rule<unknown> = {
  id: "AwsKmsKeyArn",
  explanation:
    "A KMS key is given by its key ARN, arn:aws:kms:<region>:<12-digit account>:key/<key id> (a UUID or mrk- multi-Region ID); aliases and bare key IDs do not work in IAM policies.",
  check: (arn) => {
    if (typeof arn !== "string") return [{ problem: `must be a string, not ${arn === null ? "null" : typeof arn}` }];
    const lookup = (keyId: string) => `copy the key's ARN from \`aws kms describe-key --key-id ${keyId} --query KeyMetadata.Arn --output text\``;
    const t = arn.trim();
    if (t === "") return [{ problem: "is empty", fix: lookup("<alias or key id>") }];
    if (t !== arn && check(t).length === 0) return [{ problem: "has leading or trailing whitespace", fix: `use "${t}"` }];
    if (/^alias\//.test(t)) return [{ problem: "is a KMS alias, not a key ARN", fix: lookup(t) }];
    if (KEY_ID.test(t.toLowerCase())) return [{ problem: "is a bare key ID, not a key ARN", fix: lookup(t) }];
    if (/^[A-Za-z0-9_-]+$/.test(t)) return [{ problem: "is neither a key ARN nor a key ID (an alias name is written alias/<name>)", fix: lookup(`alias/${t}`) }];
    const parts = t.split(":");
    if (parts.length < 6 || parts[0] !== "arn") return [{ problem: "is not an ARN (arn:aws:kms:<region>:<account>:key/<key id>)", fix: lookup("<alias or key id>") }];
    const service = parts[2];
    const resource = parts.slice(5).join(":");
    if (service !== "kms") return [{ problem: `is an ARN of ${service || "no service"}, not of a KMS key`, fix: lookup("<alias or key id>") }];
    if (resource.startsWith("alias/")) return [{ problem: "is a KMS alias ARN, not a key ARN", fix: lookup(t) }];
    const problems = check(t);
    if (problems.length === 0) return [];
    const lower = t.toLowerCase();
    if (check(lower).length === 0) return [{ problem: "has uppercase letters; AWS writes key ARNs in lowercase and IAM compares them exactly", fix: `use "${lower}"` }];
    return problems.map((problem) => ({ problem, fix: lookup(resource.startsWith("key/") ? resource.slice(4).split(":")[0] : "<alias or key id>") }));
  },
};

/** What is wrong with an ARN of the kms service, part by part (empty when it is a valid key ARN). */
function check(arn: string): string[] {
  const parts = arn.split(":");
  if (parts.length !== 6) return ["is not an ARN (arn:aws:kms:<region>:<account>:key/<key id>)"];
  const [, partition, , region, account, resource] = parts;
  const problems: string[] = [];
  if (!PARTITIONS.includes(partition)) problems.push(`has partition "${partition}"; KMS key ARNs use ${PARTITIONS.join(", ")}`);
  if (!REGION.test(region)) problems.push(region ? `has "${region}" where the Region goes (e.g. us-east-1)` : "has no Region");
  if (!/^\d{12}$/.test(account)) problems.push(account ? `has "${account}" where the 12-digit account ID goes` : "has no account ID");
  if (!resource.startsWith("key/")) problems.push(`ends in "${resource}" where key/<key id> goes`);
  else if (!KEY_ID.test(resource.slice(4))) problems.push(`has key ID "${resource.slice(4)}", which is neither a UUID nor an mrk- multi-Region ID`);
  return problems;
}
