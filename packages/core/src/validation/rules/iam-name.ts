import { findings, Rule } from "../rule";

/** IAM user and role names: 1-64 characters of letters, digits and `+=,.@_-`. */
export const IamName: Rule = {
  id: "IamName",
  explanation: "IAM user and role names are 1-64 characters of letters, digits and +=,.@_-.",
  check: (name) =>
    findings(
      [!/^[\w+=,.@-]+$/.test(name), "may contain only letters, digits and +=,.@_-"],
      [name.length < 1 || name.length > 64, `is ${name.length} characters long; IAM allows 1 to 64`],
    ),
};
