/** IAM policy documents as plain JSON, shared by the S3 and ECR options (what the AWS entry point exports). */

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: PolicyStatement[];
}

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: string | Record<string, string | string[]>;
  readonly Action: string | string[];
  readonly Resource: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/** A policy of the statements given, leaving out the ones a condition switched off. */
export function policyDocument(...statements: Array<PolicyStatement | undefined | "" | false>): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements.filter((s): s is PolicyStatement => !!s) };
}

/**
 * JSON text of a policy. Token strings inside (e.g. a KMS key's ARN) stay as `${...}` interpolations,
 * which Terraform resolves; ARNs and names never need JSON escaping.
 */
export const policyJson = (doc: PolicyDocument): string => JSON.stringify(doc);
