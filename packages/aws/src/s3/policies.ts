/**
 * IAM and bucket policy documents for flow code in S3, as plain JSON so that, given a bucket name,
 * every policy is fully known in `terraform plan` for a reviewer. The actions are exactly what
 * Prefect's steps call (see the facts on push_to_s3 / pull_from_s3):
 * push: one PutObject per file; pull: a listing of the folder, then GetObject per key.
 */
import { PolicyDocument, policyDocument as document } from "../iam/aws-iam-policy";

export interface FlowCodeLocation {
  /** The bucket's name (literal, or a Terraform token). */
  readonly bucketName: string;
  /** Object-name prefix all access is limited to, ending in `/`, e.g. `flows/etl/`. */
  readonly prefix: string;
  /** Customer managed KMS key encrypting the objects, if any (SSE-S3 needs no KMS grant). */
  readonly kmsKeyArn?: string;
}

export const bucketArn = (bucketName: string) => `arn:aws:s3:::${bucketName}`;
const objectsArn = (loc: FlowCodeLocation) => `${bucketArn(loc.bucketName)}/${loc.prefix}*`;

/** PutObject under the folder only. With SSE-KMS, boto3's multipart uploads (files over 8 MB) also need Decrypt. */
export function pushPolicy(loc: FlowCodeLocation): PolicyDocument {
  return document(
    { Sid: "PushFlowCode", Effect: "Allow", Action: "s3:PutObject", Resource: objectsArn(loc) },
    loc.kmsKeyArn && {
      Sid: "EncryptFlowCode",
      Effect: "Allow",
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: loc.kmsKeyArn,
    },
  );
}

/**
 * The `s3:prefix` values pull_from_s3 lists with. prefect-aws lists `Prefix=<folder>/` since 0.7.11
 * and `Prefix=<folder>` before: a worker keeps whichever version its image has (`requires:` never
 * upgrades it), so both are allowed. The bare form is an exact match (no wildcard): it reveals only
 * key names starting with the folder name, and reads stay under `<folder>/`.
 */
export function pullListPrefixes(loc: FlowCodeLocation): string[] {
  return [loc.prefix.replace(/\/$/, ""), `${loc.prefix}*`];
}

/** ListBucket limited to the folder prefix, GetObject under the folder only. */
export function pullPolicy(loc: FlowCodeLocation): PolicyDocument {
  return document(
    {
      Sid: "ListFlowCode",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: bucketArn(loc.bucketName),
      Condition: { StringLike: { "s3:prefix": pullListPrefixes(loc) } },
    },
    { Sid: "PullFlowCode", Effect: "Allow", Action: "s3:GetObject", Resource: objectsArn(loc) },
    loc.kmsKeyArn && { Sid: "DecryptFlowCode", Effect: "Allow", Action: "kms:Decrypt", Resource: loc.kmsKeyArn },
  );
}

/** Bucket policy refusing every request that does not use TLS. */
export function denyInsecureTransportPolicy(bucketName: string): PolicyDocument {
  return document({
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [bucketArn(bucketName), `${bucketArn(bucketName)}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  });
}
