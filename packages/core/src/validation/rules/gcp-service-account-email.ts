import { findings, Rule } from "../rule";

/**
 * The email of an existing service account, e.g. `prefect-worker@my-project.iam.gserviceaccount.com`
 * (user-managed) or `123456789-compute@developer.gserviceaccount.com` (a default account). The grant
 * goes to `serviceAccount:<email>`, so a user, group or principal identifier is refused here (grant
 * those with grantPull / grantPush and their full member string).
 */
export const GcpServiceAccountEmail: Rule = {
  id: "GcpServiceAccountEmail",
  explanation:
    "A service account is named by its email, <account>@<project>.iam.gserviceaccount.com or a default account's @*.gserviceaccount.com address.",
  check: (email) =>
    findings(
      [
        email.startsWith("serviceAccount:"),
        "must be the email alone; the 'serviceAccount:' prefix is added",
        `use "${email.slice("serviceAccount:".length)}"`,
      ],
      [
        !email.startsWith("serviceAccount:") && !/^[a-z0-9][a-z0-9._-]*@[a-z0-9][a-z0-9.-]*\.gserviceaccount\.com$/.test(email),
        "must be a service account email ending in .gserviceaccount.com",
      ],
    ),
};
