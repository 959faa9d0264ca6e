/**
 * The S3 grants work with every prefect-aws a worker may have. `requires:` only installs when the
 * module is missing, so a worker image built before prefect-aws 0.7.11 keeps listing `Prefix=<folder>`
 * (no slash); later versions list `Prefix=<folder>/`. The pull policy is evaluated here, with IAM's
 * StringLike semantics, against the requests each version's pull_from_s3 makes, and against requests
 * outside the folder that must stay denied.
 */
import { PolicyDocument, PolicyStatement } from "../packages/aws/src/iam/aws-iam-policy";
import { pullPolicy, pushPolicy } from "../packages/aws/src/s3/policies";

interface Request {
  readonly action: string;
  readonly resource: string;
  readonly context?: Record<string, string>;
}

/** IAM's StringLike: `*` is any run of characters, `?` one character, the rest literal and case-sensitive. */
function stringLike(pattern: string, value: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`).test(value);
}

const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

function matches(s: PolicyStatement, r: Request): boolean {
  if (!list(s.Action).some((a) => stringLike(a, r.action))) return false;
  if (!list(s.Resource).some((res) => stringLike(res, r.resource))) return false;
  for (const [operator, conditions] of Object.entries(s.Condition ?? {})) {
    if (operator !== "StringLike") throw new Error(`the evaluator knows StringLike only, not ${operator}`);
    for (const [key, patterns] of Object.entries(conditions)) {
      const value = r.context?.[key];
      // A missing key fails a StringLike condition (no ...IfExists).
      if (value === undefined || !list(patterns).some((p) => stringLike(p, value))) return false;
    }
  }
  return true;
}

/** Identity-policy evaluation: an explicit Deny wins, else any Allow, else the implicit deny. */
function allowed(policy: PolicyDocument, r: Request): boolean {
  const hits = policy.Statement.filter((s) => matches(s, r));
  return hits.some((s) => s.Effect === "Allow") && !hits.some((s) => s.Effect === "Deny");
}

const BUCKET = "acme-flow-code";
const location = { bucketName: BUCKET, prefix: "flows/etl/" };
const listing = (prefix: string): Request => ({ action: "s3:ListBucket", resource: `arn:aws:s3:::${BUCKET}`, context: { "s3:prefix": prefix } });
const getting = (key: string): Request => ({ action: "s3:GetObject", resource: `arn:aws:s3:::${BUCKET}/${key}` });
const putting = (key: string): Request => ({ action: "s3:PutObject", resource: `arn:aws:s3:::${BUCKET}/${key}` });

/** The requests pull_from_s3 makes for `folder`, by prefect-aws version (source: prefect_aws/deployments/steps.py). */
const PULL_REQUESTS = {
  "prefect-aws < 0.7.11 (Prefix=<folder>)": (folder: string, keys: string[]) => [listing(folder), ...keys.map(getting)],
  "prefect-aws >= 0.7.11 (Prefix=<folder>/)": (folder: string, keys: string[]) => [listing(`${folder}/`), ...keys.map(getting)],
};

describe("S3 pull policy against each prefect-aws listing form", () => {
  const policy = pullPolicy(location);
  const keys = ["flows/etl/flows/etl.py", "flows/etl/requirements.txt"];

  it.each(Object.entries(PULL_REQUESTS))("allows every request of %s", (_version, requests) => {
    for (const r of requests("flows/etl", keys)) expect({ r, allowed: allowed(policy, r) }).toEqual({ r, allowed: true });
  });

  it("fails the old listing form with the previous grant (s3:prefix like <folder>/* only): the bug this fixes", () => {
    const previous: PolicyDocument = {
      ...policy,
      Statement: policy.Statement.map((s) => (s.Sid === "ListFlowCode" ? { ...s, Condition: { StringLike: { "s3:prefix": ["flows/etl/*"] } } } : s)),
    };
    expect(allowed(previous, listing("flows/etl"))).toBe(false);
    expect(allowed(previous, listing("flows/etl/"))).toBe(true);
  });

  it.each([
    ["the whole bucket", listing("")],
    ["a shorter prefix", listing("flows/et")],
    ["the parent folder", listing("flows/")],
    ["a sibling folder sharing the name", listing("flows/etl-old/")],
    ["a sibling prefix with a wildcard in the name", listing("flows/etl*")],
    ["a request without s3:prefix", { action: "s3:ListBucket", resource: `arn:aws:s3:::${BUCKET}` }],
    ["an object of a sibling folder", getting("flows/etl-old/secrets.py")],
    ["an object beside the folder", getting("flows/etl.py")],
    ["an upload into the folder", putting("flows/etl/x.py")],
    ["a delete in the folder", { action: "s3:DeleteObject", resource: `arn:aws:s3:::${BUCKET}/flows/etl/x.py` }],
  ])("denies %s", (_what, request) => {
    expect(allowed(policy, request)).toBe(false);
  });
});

describe("S3 push policy", () => {
  const policy = pushPolicy(location);

  it("allows one PutObject per file under the folder (every prefect-aws version uploads this way)", () => {
    expect(allowed(policy, putting("flows/etl/flows/etl.py"))).toBe(true);
    expect(allowed(policy, putting("flows/etl/prod/flows/etl.py"))).toBe(true); // folderFromEnv sub-folders
  });

  it.each([putting("flows/etl-old/x.py"), putting("x.py"), listing("flows/etl/"), getting("flows/etl/x.py")])("denies %j", (request) => {
    expect(allowed(policy, request)).toBe(false);
  });
});
