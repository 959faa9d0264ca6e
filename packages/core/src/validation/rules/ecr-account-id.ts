import { findings, Rule } from "../rule";

/**
 * The 12-digit AWS account ID that owns an ECR registry. It is part of the registry's host
 * (`<account>.dkr.ecr.<region>.amazonaws.com`) and of every repository ARN, and is given as a prop
 * rather than looked up: `aws_caller_identity` would call AWS at plan time.
 */
export const EcrAccountId: Rule = {
  id: "EcrAccountId",
  explanation: "An AWS account ID is exactly 12 digits (leading zeros included), as in 012345678901.",
  check: (id) => {
    const digits = id.replace(/[\s-]/g, "");
    return findings([
      !/^\d{12}$/.test(id),
      "must be exactly 12 digits",
      /^\d{12}$/.test(digits) ? `use "${digits}"` : undefined,
    ]);
  },
};
