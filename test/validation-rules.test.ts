/**
 * The validation rules as pure functions, ValidationErrors / ValidationError, and the naming helpers
 * (fitName, defaultNameStem, slugify) they and the constructs rely on.
 */
import { Lazy, TerraformStack, Testing } from "cdktf";
import * as fs from "fs";
import * as path from "path";
import { slugify } from "../packages/core/src/core/slugify";
import { defaultNameStem, fitName, logicalName } from "../packages/core/src/storage/names";
import { ProblemReport, ValidationError, ValidationErrors } from "../packages/core/src/validation/errors";
import { CHECKS } from "../packages/core/src/validation/checks";
import { findings, Rule } from "../packages/core/src/validation/rule";
import * as rules from "../packages/core/src/validation/rules";
import { BlockName, EnvVarName, IamName, S3BucketName, StorageFolder, VariableName } from "../packages/core/src/validation/rules";
import { captureValidationError } from "./support/validation";

/** The problems a rule finds, as plain objects (fix omitted when none). */
const check = (rule: Rule, value: string) => rule.check(value).map((f) => (f.fix === undefined ? { problem: f.problem } : { ...f }));
const problems = (rule: Rule, value: string) => rule.check(value).map((f) => f.problem);

describe("every rule", () => {
  const all = Object.values(rules) as Array<Rule<any>>;

  it("is exported from the index (every Rule of every rule file), with a unique ID equal to its export name and an explanation", () => {
    const dir = path.join(__dirname, "..", "packages", "core", "src", "validation", "rules");
    const inFiles = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && f !== "index.ts")
      .flatMap((f) => Object.entries(require(path.join(dir, f))).filter(([, v]: [string, any]) => typeof v?.check === "function" && typeof v?.id === "string"))
      .map(([name]) => name);
    expect(inFiles.length).toBeGreaterThan(10);
    expect(Object.keys(rules).sort()).toEqual(inFiles.sort());
    for (const [name, rule] of Object.entries(rules)) {
      expect(rule.id).toBe(name);
      expect(rule.explanation.length).toBeGreaterThan(20);
    }
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });

  it("findings() keeps only failed checks, with their fixes", () => {
    expect(findings([false, "a"], [true, "b", "fix b"], [true, "c"])).toEqual([{ problem: "b", fix: "fix b" }, { problem: "c", fix: undefined }]);
    expect(findings()).toEqual([]);
  });
});

describe("S3BucketName", () => {
  it.each(["abc", "acme-flow-code", "my.bucket.name", "a".repeat(63), "1bucket9", "bucket-1.2.3"])("accepts %j", (name) => {
    expect(S3BucketName.check(name)).toEqual([]);
  });

  it("length: 3 to 63", () => {
    expect(check(S3BucketName, "ab")).toEqual([{ problem: "is 2 characters long; S3 allows 3 to 63" }]);
    expect(check(S3BucketName, "a".repeat(64))).toEqual([{ problem: "is 64 characters long; S3 allows 3 to 63" }]);
  });

  it("empty: too short and no letter or digit at either end", () => {
    expect(problems(S3BucketName, "")).toEqual(["is 0 characters long; S3 allows 3 to 63", "must begin and end with a letter or digit"]);
  });

  it("uppercase and underscores: suggests a corrected name", () => {
    expect(check(S3BucketName, "MyBucket")).toEqual([
      { problem: "may contain only lowercase letters, digits, dots and hyphens", fix: 'use a name such as "mybucket"' },
    ]);
    expect(check(S3BucketName, "my_flow__bucket")).toEqual([
      { problem: "may contain only lowercase letters, digits, dots and hyphens", fix: 'use a name such as "my-flow-bucket"' },
    ]);
    // The suggestion also trims what may not begin or end a name.
    expect(S3BucketName.check("_My Bucket!").find((f) => f.fix)?.fix).toBe('use a name such as "my-bucket"');
  });

  it.each(["-bucket", "bucket-", ".bucket", "bucket."])("must begin and end with a letter or digit: %j", (name) => {
    expect(check(S3BucketName, name)).toEqual([{ problem: "must begin and end with a letter or digit" }]);
  });

  it("adjacent dots", () => {
    expect(check(S3BucketName, "my..bucket")).toEqual([{ problem: "must not contain two adjacent dots" }]);
  });

  it("IP address form, but not merely dotted digits of another shape", () => {
    expect(check(S3BucketName, "192.168.5.4")).toEqual([{ problem: "must not be formatted as an IP address" }]);
    expect(S3BucketName.check("192.168.5")).toEqual([]);
    expect(S3BucketName.check("1192.168.5.4")).toEqual([]);
  });

  it.each(["xn--bucket", "sthree-bucket", "amzn-s3-demo-bucket"])("reserved prefix: %j", (name) => {
    expect(problems(S3BucketName, name)).toEqual(["must not start with xn--, sthree-, amzn-s3-demo-"]);
  });

  it.each(["bucket-s3alias", "bucket--ol-s3", "bucket.mrap", "bucket--x-s3", "bucket--table-s3"])("reserved suffix: %j", (name) => {
    expect(problems(S3BucketName, name)).toEqual(["must not end with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"]);
  });

  it("reports every broken rule at once", () => {
    expect(problems(S3BucketName, "-X")).toEqual([
      "is 2 characters long; S3 allows 3 to 63",
      "may contain only lowercase letters, digits, dots and hyphens",
      "must begin and end with a letter or digit",
    ]);
  });
});

describe("StorageFolder", () => {
  it.each(["flows", "flows/etl", "a/b/c", "team-1/flows_v2", "x.y", ".hidden", "..dots"])("accepts %j", (folder) => {
    expect(StorageFolder.check(folder)).toEqual([]);
  });

  it("empty", () => {
    expect(check(StorageFolder, "")).toEqual([{ problem: "is empty; grants would cover the whole bucket", fix: 'use a folder such as "flows"' }]);
  });

  it("leading and trailing slash, with the cleaned folder as fix", () => {
    expect(check(StorageFolder, "/flows/etl")).toEqual([{ problem: "starts with '/'; object names are relative to the bucket", fix: 'use "flows/etl"' }]);
    expect(check(StorageFolder, "flows/etl/")).toEqual([{ problem: "ends with '/'; Prefect adds the separator itself", fix: 'use "flows/etl"' }]);
  });

  it("'..' segments", () => {
    expect(check(StorageFolder, "flows/../etc")).toEqual([{ problem: "contains a '..' segment", fix: 'use "flows/etc"' }]);
    expect(check(StorageFolder, "..")).toEqual([{ problem: "contains a '..' segment" }]);
  });

  it("'.' and empty segments", () => {
    expect(check(StorageFolder, "./flows")).toEqual([{ problem: "contains an empty or '.' segment", fix: 'use "flows"' }]);
    expect(check(StorageFolder, "flows/./etl")).toEqual([{ problem: "contains an empty or '.' segment", fix: 'use "flows/etl"' }]);
    expect(check(StorageFolder, "flows//etl")).toEqual([{ problem: "contains an empty or '.' segment", fix: 'use "flows/etl"' }]);
  });

  it("a lone slash: every path rule, no usable fix", () => {
    expect(check(StorageFolder, "/")).toEqual([
      { problem: "starts with '/'; object names are relative to the bucket" },
      { problem: "ends with '/'; Prefect adds the separator itself" },
    ]);
  });

  it.each(["flows\\etl", "flows\tetl", "flows\netl", "flows\x00", "flows\x7f"])("backslash or control character: %j", (folder) => {
    expect(check(StorageFolder, folder)).toEqual([{ problem: "contains a backslash or a control character" }]);
  });

  it.each(["flows/*", "flows/?", "*"])("wildcards: %j", (folder) => {
    expect(check(StorageFolder, folder)).toEqual([{ problem: "contains a wildcard ('*' or '?'), which would widen the IAM grant" }]);
  });

  it.each(["flows/{{ $ENV }}", "{{x", "x}}", "flows/${var.env}"])("templates and interpolations: %j", (folder) => {
    expect(problems(StorageFolder, folder)).toEqual(["contains a template or interpolation; use the folderFromEnv option instead"]);
  });

  it("at most 512 characters", () => {
    expect(StorageFolder.check("a".repeat(512))).toEqual([]);
    expect(check(StorageFolder, "a".repeat(513))).toEqual([{ problem: "is longer than 512 characters" }]);
  });

  it("reports several problems of one folder together", () => {
    expect(problems(StorageFolder, "/a/../b*/")).toEqual([
      "starts with '/'; object names are relative to the bucket",
      "ends with '/'; Prefect adds the separator itself",
      "contains a '..' segment",
      "contains a wildcard ('*' or '?'), which would widen the IAM grant",
    ]);
    expect(StorageFolder.check("/a/../b*/")[0].fix).toBe('use "a/b*"');
  });
});

describe("BlockName", () => {
  it.each(["a", "my-block", "ci-2", "0"])("accepts %j", (name) => expect(BlockName.check(name)).toEqual([]));

  it.each([
    ["My Block", 'use "my-block"'],
    ["my_block", 'use "my-block"'],
    ["ETL.Push", 'use "etl-push"'],
    ["Äpfel", 'use "apfel"'],
    ["", 'use "my-block"'],
    ["___", 'use "my-block"'],
  ])("rejects %j, suggesting a slug", (name, fix) => {
    expect(check(BlockName, name)).toEqual([{ problem: "must match ^[a-z0-9-]+$", fix }]);
  });
});

describe("EnvVarName", () => {
  it.each(["PREFECT_ENV", "_x", "a1", "A"])("accepts %j", (name) => expect(EnvVarName.check(name)).toEqual([]));

  it.each([
    ["1ENV", 'use "_1ENV"'],
    ["MY-ENV", 'use "MY_ENV"'],
    ["MY ENV VAR", 'use "MY_ENV_VAR"'],
    ["$ENV", 'use "_ENV"'],
    ["", 'use "PREFECT_ENV"'],
  ])("rejects %j", (name, fix) => {
    expect(check(EnvVarName, name)).toEqual([{ problem: "must match ^[A-Za-z_][A-Za-z0-9_]*$", fix }]);
  });

  it("its fix is itself a valid name", () => {
    for (const bad of ["1ENV", "MY-ENV", "a b", "9"]) {
      const fix = EnvVarName.check(bad)[0].fix!;
      const suggested = /^use "(.*)"$/.exec(fix)![1];
      expect(EnvVarName.check(suggested)).toEqual([]);
    }
  });
});

describe("IamName", () => {
  it.each(["ci", "prefect-ecs-task", "a+b=c,d.e@f_g-h", "x".repeat(64)])("accepts %j", (name) => expect(IamName.check(name)).toEqual([]));

  it.each(["ci deploy", "team/worker", "arn:aws:iam::1:role/x", "wörker"])("rejects characters in %j (no fix)", (name) => {
    expect(check(IamName, name)).toEqual([{ problem: "may contain only letters, digits and +=,.@_-" }]);
  });

  it("length 1 to 64", () => {
    expect(check(IamName, "x".repeat(65))).toEqual([{ problem: "is 65 characters long; IAM allows 1 to 64" }]);
    expect(problems(IamName, "")).toEqual(["may contain only letters, digits and +=,.@_-", "is 0 characters long; IAM allows 1 to 64"]);
  });
});

describe("VariableName", () => {
  it.each(["bucket", "my_bucket-name", "x1", "a".repeat(255)])("accepts %j", (name) => expect(VariableName.check(name)).toEqual([]));

  it.each([
    ["My Bucket", 'use "my_bucket"'],
    ["flow.code", 'use "flow_code"'],
    ["", 'use "my_variable"'],
  ])("rejects %j", (name, fix) => {
    expect(check(VariableName, name)).toEqual([{ problem: "must match ^[a-z0-9_-]+$", fix }]);
  });

  it("at most 255 characters", () => {
    expect(check(VariableName, "a".repeat(256))).toEqual([{ problem: "is longer than 255 characters" }]);
  });
});

describe("ValidationErrors", () => {
  it("gathers problems from several rules and adds, in order", () => {
    const errors = new ValidationErrors();
    expect(errors.isEmpty).toBe(true);
    errors
      .check(S3BucketName, "bucketName", "bad_bucket")
      .check(StorageFolder, "folder", "/flows")
      .add("days", 0, CHECKS.S3Lifecycle, "must be at least 1");
    expect(errors.isEmpty).toBe(false);
    const error = captureValidationError(() => errors.throwIfAny("root/code"));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.name).toBe("ValidationError");
    expect(error.constructPath).toBe("root/code");
    expect(error.problems).toEqual([
      {
        path: "root/code",
        prop: "bucketName",
        value: "bad_bucket",
        rule: "S3BucketName",
        problem: "may contain only lowercase letters, digits, dots and hyphens",
        fix: 'use a name such as "bad-bucket"',
      },
      { path: "root/code", prop: "folder", value: "/flows", rule: "StorageFolder", problem: "starts with '/'; object names are relative to the bucket", fix: 'use "flows"' },
      { path: "root/code", prop: "days", value: 0, rule: "S3Lifecycle", problem: "must be at least 1", fix: undefined },
    ]);
  });

  it("formats the message: path, one line per problem with JSON value and rule, fix on its own line", () => {
    const errors = new ValidationErrors()
      .check(BlockName, "blockNamePrefix", "My_Prefix")
      .add("days", 1.5, CHECKS.S3Lifecycle, "must be a whole number")
      .add("bucketName", undefined, CHECKS.S3BucketSource, "set exactly one", "pick one");
    expect(() => errors.throwIfAny("stack/code")).toThrow(ValidationError);
    expect(captureValidationError(() => errors.throwIfAny("stack/code")).message).toBe(
      [
        "Invalid configuration for 'stack/code':",
        '  - blockNamePrefix "My_Prefix": must match ^[a-z0-9-]+$ [BlockName]',
        '    Fix: use "my-prefix"',
        "  - days 1.5: must be a whole number [S3Lifecycle]",
        "  - bucketName undefined: set exactly one [S3BucketSource]",
        "    Fix: pick one",
      ].join("\n"),
    );
  });

  it("skips values only known after apply (tokens) and undefined values", () => {
    const token = Lazy.stringValue({ produce: () => "Not_A_Bucket" });
    const errors = new ValidationErrors()
      .check(S3BucketName, "bucketName", token)
      .check(S3BucketName, "bucketName", `prefix-${token}`)
      .check(StorageFolder, "folder", undefined);
    expect(errors.isEmpty).toBe(true);
    expect(() => errors.throwIfAny("x")).not.toThrow();
  });

  it("does run rules on a literal string that merely looks like an interpolation", () => {
    const errors = new ValidationErrors().check(StorageFolder, "folder", "${var.folder}");
    expect(errors.isEmpty).toBe(false);
    expect(() => errors.throwIfAny("x")).toThrow("contains a template or interpolation");
  });

  it("report() hands the problems to the app, with the construct's path, and the construct goes on", () => {
    const stack = new TerraformStack(Testing.app(), "my-stack");
    const errors = new ValidationErrors().check(IamName, "role", "a b");
    expect(errors.report(stack)).toBe(false);
    expect(new ValidationErrors().report(stack)).toBe(true);
    expect(() => ProblemReport.of(stack).throwIfAny()).toThrow("Invalid configuration for 'my-stack':\n  - role \"a b\": may contain only letters");
  });
});

describe("ProblemReport", () => {
  it("throws every problem of the app once, at synth, grouped by construct, with no stack trace or object dump", () => {
    const app = Testing.app();
    const a = new TerraformStack(app, "a");
    const b = new TerraformStack(app, "b");
    new ValidationErrors().check(S3BucketName, "bucketName", "Bad_Bucket").report(b);
    new ValidationErrors().check(IamName, "role", "a b").report(a);
    ProblemReport.of(a)._addCheck(() => [{ path: "a/project", prop: "deployments", value: "x", rule: "Late", problem: "found at synth" }]);
    const error = captureValidationError(() => app.synth());
    expect(error.problems.map((p) => [p.path, p.rule])).toEqual([
      ["b", "S3BucketName"],
      ["a", "IamName"],
      ["a/project", "Late"],
    ]);
    expect(error.message.split("\n")[0]).toBe("3 problems in 3 constructs; nothing was synthesized.");
    expect(error.message.match(/Invalid configuration for/g)).toHaveLength(3);
    expect(error.stack).toBe(`ValidationError: ${error.message}`);
    expect(Object.keys(error)).toEqual([]);
    // Neither stack was written: the first stack validated reported the second one's problem too.
    expect(fs.existsSync(path.join(app.outdir, "stacks", "a", "cdk.tf.json"))).toBe(false);
    expect(fs.existsSync(path.join(app.outdir, "stacks", "b", "cdk.tf.json"))).toBe(false);
  });

  it("lets an app with no problem synthesize", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "ok");
    new ValidationErrors().check(IamName, "role", "fine").report(stack);
    expect(() => app.synth()).not.toThrow();
  });
});

describe("fitName", () => {
  it("leaves a name that fits unchanged", () => {
    expect(fitName("short-name", 64)).toBe("short-name");
    expect(fitName("x".repeat(64), 64)).toBe("x".repeat(64));
  });

  it("cuts a long name to exactly max characters, ending in a hash of the whole name", () => {
    const long = "prefect-" + "a".repeat(80) + "-push";
    const fitted = fitName(long, 64);
    expect(fitted).toHaveLength(64);
    expect(fitted).toMatch(/^prefect-a+-[0-9a-f]{8}$/);
    expect(fitted.slice(0, 55)).toBe(long.slice(0, 55));
  });

  it("is stable, and keeps names with a common beginning distinct", () => {
    const base = "b".repeat(100);
    expect(fitName(base + "-push", 64)).toBe(fitName(base + "-push", 64));
    expect(fitName(base + "-push", 64)).not.toBe(fitName(base + "-pull", 64));
  });

  it("does not leave a separator before the hash", () => {
    // The cut falls right after "-" / "." / "_" runs; they are trimmed so no "--" appears.
    const fitted = fitName("abc" + "-".repeat(60) + "tail", 20);
    expect(fitted).toMatch(/^abc-[0-9a-f]{8}$/);
    expect(fitName("x".repeat(10) + "._-" + "y".repeat(20), 22)).toMatch(/^x{10}-[0-9a-f]{8}$/);
  });

  it("works for the 128-character policy-name limit too", () => {
    const fitted = fitName("prefect-code-pull-" + "c".repeat(200), 128);
    expect(fitted).toHaveLength(128);
    expect(fitted).toMatch(/-[0-9a-f]{8}$/);
  });
});

describe("defaultNameStem", () => {
  it("slugifies the joined parts", () => {
    expect(defaultNameStem("acme-flow-code", "flows/etl")).toBe("acme-flow-code-flows-etl");
    expect(defaultNameStem("My.Bucket", "Flows_V2")).toBe("my-bucket-flows-v2");
    expect(defaultNameStem("code")).toBe("code");
  });

  it("skips empty parts", () => {
    expect(defaultNameStem("", "flows", "")).toBe("flows");
  });

  it("falls back to prefect-code when nothing usable is left", () => {
    expect(defaultNameStem()).toBe("prefect-code");
    expect(defaultNameStem("", "")).toBe("prefect-code");
    expect(defaultNameStem("___", "//")).toBe("prefect-code");
  });

  it("always yields a valid block name", () => {
    for (const parts of [["A B"], ["x", "Y/Z"], ["!!"], ["über", "ß"]]) {
      expect(BlockName.check(defaultNameStem(...parts))).toEqual([]);
    }
  });
});

describe("logicalName", () => {
  it("keeps letters, digits, _ and -; replaces runs of anything else with _", () => {
    expect(logicalName("flow-code")).toBe("flow-code");
    expect(logicalName("my role.name@x")).toBe("my_role_name_x");
    expect(logicalName("a//b")).toBe("a_b");
  });
});

describe("slugify (python-slugify defaults)", () => {
  it.each([
    ["My Flow", "my-flow"],
    ["ETL_job.v2", "etl-job-v2"],
    ["Äpfel & Öl", "apfel-ol"],
    ["straße", "strasse"],
    ["1,000 rows", "1000-rows"],
    ["--x--", "x"],
    ["already-a-slug", "already-a-slug"],
    ["  spaced   out  ", "spaced-out"],
    ["Crème brûlée", "creme-brulee"],
    ["Łódź", "lodz"],
    ["Æsir Œuvre Ørsted", "aesir-oeuvre-orsted"],
    ["a, b", "a-b"],
    ["1, 2", "1-2"],
    ["don't stop", "don-t-stop"],
    ["UPPER", "upper"],
    ["", ""],
    ["!!!", ""],
    // Values checked against python-slugify 9.0.0 with text-unidecode.
    ["Cost in €", "cost-in-eur"],
    ["Acme© Flow", "acme-c-flow"],
    ["Temp 5°C", "temp-5degc"],
    ["A&amp;B", "a-b"],
    ["x&#233;y", "xey"],
  ])("%j → %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("produces only [a-z0-9-] without leading, trailing or doubled hyphens", () => {
    for (const s of ["Ünïcödé  -- Tëxt__", "x/y\\z", "a\tb\nc", "Ω mega"]) {
      const slug = slugify(s);
      expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
    }
  });
});

describe("every rule ID a problem can carry is explained", () => {
  /**
   * IDs reported across every package's src/: `CHECKS.Id` (in `errors.add(prop, value, CHECKS.Id, ...)` calls and
   * `rule: CHECKS.Id.id` findings), and any literal `errors.add(prop, value, "Id", ...)` or `rule: "Id"`.
   */
  function reportedIds(): string[] {
    const ids = new Set<string>();
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
    const packages = path.join(__dirname, "..", "packages");
    for (const file of fs.readdirSync(packages).flatMap((p) => walk(path.join(packages, p, "src")))) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/\.add\(\s*[^;]*?,\s*"([A-Z][A-Za-z0-9]+)",/gs)) ids.add(m[1]);
      for (const m of text.matchAll(/rule:\s*"([A-Z][A-Za-z0-9]+)"/g)) ids.add(m[1]);
      if (path.basename(file) !== "checks.ts") for (const m of text.matchAll(/\bCHECKS\.([A-Z][A-Za-z0-9]+)/g)) ids.add(m[1]);
    }
    return [...ids].sort();
  }

  it("as a rule (validation/rules) or a check (validation/checks.ts) of the core, each with a sentence", () => {
    const ids = reportedIds();
    expect(ids.length).toBeGreaterThan(40);
    const unexplained = ids.filter((id) => !(id in rules) && !(id in CHECKS));
    expect(unexplained).toEqual([]);
    for (const [id, check] of Object.entries(CHECKS)) expect({ id, checkId: check.id, long: check.explanation.length > 30 }).toEqual({ id, checkId: id, long: true });
  });

  it("lists no check that nothing reports, and no ID twice", () => {
    const ids = new Set(reportedIds());
    expect(Object.keys(CHECKS).filter((id) => !ids.has(id))).toEqual([]);
    expect(Object.keys(CHECKS).filter((id) => id in rules)).toEqual([]);
  });
});
