import { findings, Rule } from "../rule";

const EMAIL = "[^@\\s:]+@[^@\\s:]+\\.[a-z]{2,}";
const MEMBER = new RegExp(
  [
    `^(?:serviceAccount|user|group):${EMAIL}$`,
    "^domain:[a-z0-9.-]+\\.[a-z]{2,}$",
    "^principal(?:Set)?://iam\\.googleapis\\.com/\\S+$",
  ].join("|"),
);

/**
 * An IAM principal identifier as a bucket binding takes it. Public members (`allUsers`,
 * `allAuthenticatedUsers`) are refused: flow code must never be public, and the created bucket
 * enforces public access prevention anyway. Basic-role convenience members (`projectViewer:...`)
 * are refused too: they would hand the code to everyone with a basic role on the project.
 */
export const GcpIamMember: Rule = {
  id: "GcpIamMember",
  explanation:
    "IAM members are serviceAccount:, user:, group: or domain: identifiers, or principal:// / principalSet:// identities (workload identity federation); public and project-convenience members are refused.",
  check: (member) => {
    const looksLikeEmail = new RegExp(`^${EMAIL}$`).test(member);
    const isPublic = member === "allUsers" || member === "allAuthenticatedUsers";
    return findings(
      [isPublic, "is public; flow code must never be readable or writable by everyone"],
      [/^project(Owner|Editor|Viewer):/.test(member), "is a project convenience member; name the principals instead"],
      [
        !isPublic && !/^project(Owner|Editor|Viewer):/.test(member) && !MEMBER.test(member),
        "must be a member identifier such as serviceAccount:<email>, group:<email> or principalSet://iam.googleapis.com/...",
        looksLikeEmail ? `use "${member.endsWith("gserviceaccount.com") ? "serviceAccount" : "user"}:${member}"` : undefined,
      ],
    );
  },
};
