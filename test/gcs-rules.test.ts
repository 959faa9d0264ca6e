/**
 * The GCS / GCP validation rules as pure functions: what each accepts, what it refuses with which
 * problem, and the fixes it suggests.
 */
import { Rule } from "../packages/core/src/validation/rule";
import { GcpIamMember } from "../packages/core/src/validation/rules/gcp-iam-member";
import { GcpKmsKeyName, kmsKeyLocation } from "../packages/core/src/validation/rules/gcp-kms-key-name";
import { GcpProjectId } from "../packages/core/src/validation/rules/gcp-project-id";
import { GcpServiceAccountEmail } from "../packages/core/src/validation/rules/gcp-service-account-email";
import { GcpServiceAccountId } from "../packages/core/src/validation/rules/gcp-service-account-id";
import { GcsBucketName } from "../packages/core/src/validation/rules/gcs-bucket-name";
import { GcsLocation } from "../packages/core/src/validation/rules/gcs-location";

const problems = (rule: Rule, value: string) => rule.check(value).map((f) => f.problem);
const fixes = (rule: Rule, value: string) => rule.check(value).map((f) => f.fix).filter(Boolean);

describe("every GCS rule", () => {
  const rules: Record<string, Rule> = { GcpIamMember, GcpKmsKeyName, GcpProjectId, GcpServiceAccountEmail, GcpServiceAccountId, GcsBucketName, GcsLocation };
  it.each(Object.entries(rules))("%s has its export name as ID and an explanation", (name, rule) => {
    expect(rule.id).toBe(name);
    expect(rule.explanation.length).toBeGreaterThan(20);
  });
});

describe("GcsBucketName", () => {
  it.each([
    "abc",
    "acme-flow-code",
    "acme_flow_code",
    "1bucket9",
    "a".repeat(63),
    `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(30)}`, // 222 with dots
    "flows.acme.example",
    "ski-goggles", // "goggle" is a word, not a misspelling of google
    "my-goo-bucket",
  ])("accepts %j", (name) => {
    expect(GcsBucketName.check(name)).toEqual([]);
  });

  it("length: 3 to 63 without dots, up to 222 with dots, each part at most 63", () => {
    expect(problems(GcsBucketName, "ab")).toEqual(["is 2 characters long; Cloud Storage allows 3 to 63 (up to 222 with dots)"]);
    expect(problems(GcsBucketName, "a".repeat(64))).toEqual(["is 64 characters long; Cloud Storage allows 3 to 63 (up to 222 with dots)"]);
    expect(problems(GcsBucketName, `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(31)}`)).toEqual([
      "is 223 characters long; Cloud Storage allows 3 to 222 for names with dots",
    ]);
    expect(problems(GcsBucketName, `${"a".repeat(64)}.acme`)).toEqual(["has a dot-separated part longer than 63 characters"]);
  });

  it("characters: lowercase letters, digits, dashes, underscores and dots, with a suggestion", () => {
    expect(GcsBucketName.check("my flow code")).toEqual([
      { problem: "may contain only lowercase letters, digits, dashes, underscores and dots", fix: 'use a name such as "my-flow-code"' },
    ]);
    expect(fixes(GcsBucketName, "!Acme_Code!")).toEqual(['use a name such as "acme_code"']);
  });

  it.each(["-acme", "acme-", "_acme", "acme_", ".acme", "acme."])("must begin and end with a letter or digit: %j", (name) => {
    expect(problems(GcsBucketName, name)).toContain("must begin and end with a lowercase letter or digit");
  });

  it("adjacent dots and IP addresses", () => {
    expect(problems(GcsBucketName, "acme..code")).toEqual(["must not contain two adjacent dots"]);
    expect(problems(GcsBucketName, "10.0.0.1")).toEqual(["must not be formatted as an IP address"]);
    expect(GcsBucketName.check("10.0.0.1.acme")).toEqual([]);
  });

  it("the goog prefix", () => {
    expect(problems(GcsBucketName, "goog-code")).toEqual(["must not begin with the 'goog' prefix"]);
    // "google" at the start breaks both rules.
    expect(problems(GcsBucketName, "google-code")).toEqual([
      "must not begin with the 'goog' prefix",
      "must not contain 'google' or a close misspelling of it (such as 'g00gle')",
    ]);
  });

  it.each(["acme-google", "acme-g00gle", "acme-goog1e", "acme-googl3", "acme-gooogle", "acme-gogle", "acme-googel", "9oogle-acme"])(
    "google and close misspellings: %j",
    (name) => {
      expect(problems(GcsBucketName, name)).toContain("must not contain 'google' or a close misspelling of it (such as 'g00gle')");
    },
  );
});

describe("GcpServiceAccountId", () => {
  it.each(["prefect", "ci-uploader", "a1b2c3", "a".repeat(30)])("accepts %j", (id) => {
    expect(GcpServiceAccountId.check(id)).toEqual([]);
  });

  it("holds every case to the documented pattern ^[a-z](?:[-a-z0-9]{4,28}[a-z0-9])$", () => {
    const pattern = /^[a-z](?:[-a-z0-9]{4,28}[a-z0-9])$/;
    for (const id of ["abcde", "abcdef", "a".repeat(31), "Abcdef", "1abcdef", "abcde-", "ab_cdef", "ab-cd-ef"]) {
      expect({ id, accepted: GcpServiceAccountId.check(id).length === 0 }).toEqual({ id, accepted: pattern.test(id) });
    }
  });

  it("names each problem and suggests a lowercase ID where one can be derived", () => {
    expect(problems(GcpServiceAccountId, "ci")).toEqual(["is 2 characters long; service account IDs are 6 to 30"]);
    expect(GcpServiceAccountId.check("ci_Uploader")).toEqual([
      { problem: "may contain only lowercase letters, digits and hyphens", fix: 'use "ci-uploader"' },
    ]);
    expect(problems(GcpServiceAccountId, "9-lives-bot")).toEqual(["must begin with a lowercase letter"]);
    expect(problems(GcpServiceAccountId, "uploader-")).toEqual(["must not end with a hyphen"]);
  });
});

describe("GcpServiceAccountEmail", () => {
  it.each([
    "prefect-worker@acme-prefect.iam.gserviceaccount.com",
    "123456789012-compute@developer.gserviceaccount.com",
    "acme-prefect@appspot.gserviceaccount.com",
  ])("accepts %j", (email) => {
    expect(GcpServiceAccountEmail.check(email)).toEqual([]);
  });

  it("refuses member strings (with a fix), user emails and bare IDs", () => {
    expect(GcpServiceAccountEmail.check("serviceAccount:w@p.iam.gserviceaccount.com")).toEqual([
      { problem: "must be the email alone; the 'serviceAccount:' prefix is added", fix: 'use "w@p.iam.gserviceaccount.com"' },
    ]);
    expect(problems(GcpServiceAccountEmail, "alice@acme.example")).toEqual(["must be a service account email ending in .gserviceaccount.com"]);
    expect(problems(GcpServiceAccountEmail, "prefect-worker")).toEqual(["must be a service account email ending in .gserviceaccount.com"]);
  });
});

describe("GcpIamMember", () => {
  it.each([
    "serviceAccount:w@p.iam.gserviceaccount.com",
    "user:alice@acme.example",
    "group:data@acme.example",
    "domain:acme.example",
    "principal://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/subject/repo:acme/etl:ref:refs/heads/main",
    "principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/attribute.repository/acme/etl",
  ])("accepts %j", (member) => {
    expect(GcpIamMember.check(member)).toEqual([]);
  });

  it("refuses public and project-convenience members", () => {
    expect(problems(GcpIamMember, "allUsers")).toEqual(["is public; flow code must never be readable or writable by everyone"]);
    expect(problems(GcpIamMember, "allAuthenticatedUsers")).toEqual(["is public; flow code must never be readable or writable by everyone"]);
    expect(problems(GcpIamMember, "projectViewer:acme-prefect")).toEqual(["is a project convenience member; name the principals instead"]);
  });

  it("refuses bare emails with a fix that adds the right prefix, and anything else without one", () => {
    expect(fixes(GcpIamMember, "w@p.iam.gserviceaccount.com")).toEqual(['use "serviceAccount:w@p.iam.gserviceaccount.com"']);
    expect(fixes(GcpIamMember, "alice@acme.example")).toEqual(['use "user:alice@acme.example"']);
    expect(GcpIamMember.check("serviceaccount:w@p.iam.gserviceaccount.com")).toEqual([
      { problem: "must be a member identifier such as serviceAccount:<email>, group:<email> or principalSet://iam.googleapis.com/...", fix: undefined },
    ]);
  });
});

describe("GcpProjectId", () => {
  it.each(["acme-prefect", "abcdef", "a".repeat(30), "example.com:acme-prefect"])("accepts %j", (id) => {
    expect(GcpProjectId.check(id)).toEqual([]);
  });

  it("refuses display names, numbers and malformed IDs", () => {
    expect(problems(GcpProjectId, "Acme Prefect")).toEqual([
      "may contain only lowercase letters, digits and hyphens (it is the ID, not the display name)",
      "must begin with a lowercase letter",
    ]);
    expect(problems(GcpProjectId, "123456789012")).toEqual(["is a project number; give the project ID"]);
    expect(problems(GcpProjectId, "acme")).toEqual(["is 4 characters long; project IDs are 6 to 30"]);
    expect(problems(GcpProjectId, "a".repeat(31))).toEqual(["is 31 characters long; project IDs are 6 to 30"]);
    expect(problems(GcpProjectId, "1acme-prefect")).toEqual(["must begin with a lowercase letter"]);
    expect(problems(GcpProjectId, "acme-prefect-")).toEqual(["must not end with a hyphen"]);
  });
});

describe("GcpKmsKeyName", () => {
  const key = "projects/acme/locations/europe-west1/keyRings/code/cryptoKeys/flow-code";

  it("accepts a key name and reads its location", () => {
    expect(GcpKmsKeyName.check(key)).toEqual([]);
    expect(kmsKeyLocation(key)).toBe("europe-west1");
    expect(kmsKeyLocation("projects/a/locations/US/keyRings/r/cryptoKeys/k")).toBe("us");
    expect(kmsKeyLocation("flow-code")).toBeUndefined();
  });

  it("refuses short names and key versions (suggesting the key)", () => {
    expect(GcpKmsKeyName.check(`${key}/cryptoKeyVersions/3`)).toEqual([
      { problem: "must look like projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>", fix: `use "${key}"` },
    ]);
    expect(fixes(GcpKmsKeyName, "acme/europe-west1/code/flow-code")).toEqual([]);
    expect(problems(GcpKmsKeyName, "acme/europe-west1/code/flow-code")).toHaveLength(1);
  });
});

describe("GcsLocation", () => {
  it.each(["US", "EU", "ASIA", "eu", "EUR4", "NAM4", "europe-west1", "us-central1", "asia-southeast2"])("accepts %j", (location) => {
    expect(GcsLocation.check(location)).toEqual([]);
  });

  it.each(["europe west1", "", "europe-west", "us_central1", "-eu"])("refuses %j", (location) => {
    expect(problems(GcsLocation, location)).toEqual([
      "must be a multi-region (US, EU, ASIA), a dual-region (EUR4, NAM4, ...) or a region (europe-west1)",
    ]);
  });
});
