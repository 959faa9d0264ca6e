import { findings, Rule } from "../rule";

/**
 * The ARN of a KMS key for ECR's `KMS` encryption: ECR takes the key's full ARN
 * (`arn:aws:kms:<region>:<account>:key/<id>`), not a key ID or an alias. The key must be in the
 * repository's Region.
 */
export const EcrKmsKeyArn: Rule = {
  id: "EcrKmsKeyArn",
  explanation: "ECR encryption keys are given by their full ARN, arn:aws:kms:<region>:<account>:key/<key id>.",
  check: (arn) =>
    findings([
      !/^arn:aws(?:-us-gov)?:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/.test(arn),
      "is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>); aliases and bare key IDs are not accepted",
      "copy it from `aws kms describe-key --key-id <alias or id> --query KeyMetadata.Arn`",
    ]),
};
