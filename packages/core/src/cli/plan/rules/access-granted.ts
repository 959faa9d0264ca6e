/** A new member or role on a Google IAM binding, an Azure role assignment or an attached AWS policy. */
import { SENSITIVE_TEXT, type ChangeReader, type Shown } from "../values";
import { creates, listSome, planAction, quote, type PlanRule } from "./rule";

const GOOGLE_IAM_MEMBER = /^google_.+_iam_member$/;
const GOOGLE_IAM_BINDING = /^google_.+_iam_binding$/;
const AWS_POLICY_ATTACHMENT = /^aws_iam_(role|user|group)?_?policy_attachment$/;

/** Google IAM resources name their target by its own attribute (bucket, project, service_account_id, ...). */
const GOOGLE_TARGETS = ["bucket", "repository", "service_account_id", "secret_id", "project", "folder", "org_id", "name"];

/** Both absent, or both known and equal (unknown or sensitive could hide a change: not the same). */
const same = (a: Shown, b: Shown): boolean =>
  (a.state === "absent" && b.state === "absent") ||
  (a.state === "known" && b.state === "known" && JSON.stringify(a.value) === JSON.stringify(b.value));

function target(c: ChangeReader, keys: string[]): string {
  for (const k of keys) {
    const s = c.read("after", [k]);
    if (s.state === "known" && (s.value === null || s.value === "")) continue;
    if (s.state !== "absent") return ` on ${k} ${quote(s)}`;
  }
  return "";
}

const strings = (s: Shown): string[] =>
  s.state === "known" && Array.isArray(s.value) ? s.value.map((v) => (typeof v === "string" ? v : SENSITIVE_TEXT)) : [];

export const AccessGranted: PlanRule = {
  id: "AccessGranted",
  explanation: "A new IAM member, role assignment or attached policy gives someone access they did not have.",
  check: (c: ChangeReader) => {
    if (!creates(c) && planAction(c.change) !== "update") return [];
    const isNew = (...attrs: string[]) =>
      planAction(c.change) === "create" || !attrs.every((a) => same(c.read("before", [a]), c.read("after", [a])));

    if (GOOGLE_IAM_MEMBER.test(c.type) && isNew("role", "member")) {
      return [`grants role ${quote(c.read("after", ["role"]))} to ${quote(c.read("after", ["member"]))}${target(c, GOOGLE_TARGETS)}`];
    }
    if (GOOGLE_IAM_BINDING.test(c.type)) {
      const after = c.read("after", ["members"]);
      if (after.state !== "known") return isNew("role", "members") ? [`grants role ${quote(c.read("after", ["role"]))} to members ${quote(after)}`] : [];
      const old = same(c.read("before", ["role"]), c.read("after", ["role"])) ? new Set(strings(c.read("before", ["members"]))) : new Set<string>();
      const added = strings(after).filter((m) => !old.has(m));
      return added.length
        ? [`grants role ${quote(c.read("after", ["role"]))} to ${listSome(added.map((m) => quote({ state: "known", value: m })))}${target(c, GOOGLE_TARGETS)}`]
        : [];
    }
    if (c.type === "azurerm_role_assignment" && isNew("role_definition_name", "role_definition_id", "principal_id", "scope")) {
      const role = c.read("after", ["role_definition_name"]);
      const roleShown = role.state === "known" && role.value ? role : c.read("after", ["role_definition_id"]);
      return [`assigns role ${quote(roleShown)} to principal ${quote(c.read("after", ["principal_id"]))} on scope ${quote(c.read("after", ["scope"]))}`];
    }
    if (AWS_POLICY_ATTACHMENT.test(c.type) && isNew("policy_arn", "role", "user", "group", "roles", "users", "groups")) {
      return [`attaches managed policy ${quote(c.read("after", ["policy_arn"]))}${target(c, ["role", "user", "group", "roles", "users", "groups"]).replace(" on ", " to ")}`];
    }
    return [];
  },
};
