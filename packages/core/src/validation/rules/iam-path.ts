import { findings, Rule } from "../rule";

/** IAM paths of users and roles: `/` or `/a/b/`, printable ASCII, at most 512 characters. */
export const IamPath: Rule = {
  id: "IamPath",
  explanation: "IAM paths start and end with '/', use printable ASCII and are at most 512 characters.",
  check: (path) =>
    findings([
      !/^\/([\x21-\x7e]+\/)?$/.test(path) || path.length > 512,
      "must start and end with '/', printable ASCII, at most 512 characters",
      'use "/prefect/"',
    ]),
};
