/**
 * prefect.yaml means to Prefect what the stack says: `prefect deploy` reads it with PyYAML (YAML 1.1),
 * which takes plain `on`, `NO`, `2024-01-01`, `1_000`, `1:20` as booleans, dates and numbers. Every
 * generated file is read back in YAML 1.1 mode (the `yaml` package, and PyYAML itself where
 * python3 has it) and compared with the values the document was built from.
 */
import { execFileSync } from "child_process";
import { parse } from "yaml";
import { PrefectYamlDocument } from "../packages/core/src/prefect/prefect-yaml";
import { Steps } from "../packages/core/src/prefect/steps/steps";
import { isAmbiguousPlainScalar, yamlText } from "../packages/core/src/prefect/yaml-text";
import { PrefectYamlFile } from "../packages/core/src/project/prefect-yaml-file";
import { synthExampleApp } from "./support/synth-app";

/** Strings YAML 1.1 (or 1.2) would read as something else when written plain. */
const TRICKY = [
  "on", "On", "ON", "off", "yes", "Yes", "YES", "no", "No", "NO", "y", "Y", "n", "N",
  "true", "False", "TRUE", "null", "Null", "~", "",
  "2024-01-01", "2024-02-30", "2024-1-1 10:00:00", "2001-12-14t21:59:43.10-05:00",
  "2024", "1_000", "1:20", "190:20:30", "1:20.5", "0777", "0o17", "0x1F", "0b101", "1e3", "1.5", "+1", "-0", ".5", "1.", "6.8523015e+5",
  ".inf", "-.Inf", ".NaN", "=", "<<",
];
/** Strings that are plain strings to both readers and stay unquoted. */
const PLAIN = ["etl", "flows/etl", "1.2.3", "v1", "12-34", "yes-please", "onwards", "0.1.0-rc1", "e3", "x=1"];
/** Real values keep their types and stay unquoted. */
const TYPED = { on: true, off: false, zero: 0, three: 3, half: 0.5, tiny: 1e-7, huge: 1e21, negative: -2.5e-10, none: null };

function documentWith(strings: string[]): PrefectYamlDocument {
  const push = Steps.pushToS3({ id: "push_code", bucket: "b", folder: "f" });
  const pull = Steps.pullFromS3({ id: "pull_code", bucket: push.output("bucket"), folder: push.output("folder") });
  const keyed = Object.fromEntries(strings.map((s, i) => [s, `value-${i}`]));
  return new PrefectYamlDocument({
    name: "on",
    pushSteps: [push],
    pullSteps: [pull],
    deployments: strings.map((s, i) => ({
      name: `d-${i}`,
      entrypoint: "flows/etl.py:etl",
      version: s,
      description: s,
      tags: [s, "etl"],
      parameters: { value: s, list: [s], nested: { [s || "empty"]: s }, ...TYPED },
      workPool: { name: "pool", jobVariables: { env: { MODE: s }, ...keyed } },
    })),
  });
}

/** PyYAML's safe_load of `text`, as JSON (dates and other non-JSON values shown as tagged strings), or undefined without PyYAML. */
function pyyamlLoad(text: string): unknown {
  const script = [
    "import datetime, json, sys, yaml",
    "def enc(o):",
    "    if isinstance(o, (datetime.date, datetime.datetime)): return {'__date__': o.isoformat()}",
    "    raise TypeError(type(o))",
    "print(json.dumps(yaml.safe_load(sys.stdin.read()), default=enc))",
  ].join("\n");
  const out = execFileSync("python3", ["-c", script], { input: text, encoding: "utf8" });
  return JSON.parse(out);
}

const hasPyYaml = (() => {
  try {
    execFileSync("python3", ["-c", "import yaml"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPyYaml && process.env.CI === "true") throw new Error("python3 with PyYAML is required under CI=true (Debian: python3-yaml).");
if (!hasPyYaml) console.warn("Skipping PyYAML read-back: python3 cannot import yaml (install python3-yaml).");
const withPyYaml = hasPyYaml ? it : it.skip;

describe("yamlText", () => {
  it.each(TRICKY)("quotes %j, which YAML 1.1 or 1.2 would not read as that string", (s) => {
    expect(isAmbiguousPlainScalar(s)).toBe(true);
    const text = yamlText({ [s]: s, list: [s] });
    expect(parse(text, { version: "1.1" })).toEqual({ [s]: s, list: [s] });
    expect(parse(text)).toEqual({ [s]: s, list: [s] });
  });

  it.each(PLAIN)("leaves %j plain", (s) => {
    expect(isAmbiguousPlainScalar(s)).toBe(false);
    expect(yamlText({ k: s })).toBe(`k: ${s}\n`);
  });

  it("writes real booleans, numbers and null plain, with a dot in exponent floats", () => {
    expect(yamlText(TYPED)).toBe("on: true\noff: false\nzero: 0\nthree: 3\nhalf: 0.5\ntiny: 1.0e-7\nhuge: 1.0e+21\nnegative: -2.5e-10\nnone: null\n".replace(/^(on|off):/gm, '"$1":'));
    expect(parse(yamlText(TYPED), { version: "1.1" })).toEqual(TYPED);
  });

  withPyYaml("reads back in PyYAML exactly as written, for every tricky and plain string and typed value", () => {
    const data = { strings: [...TRICKY, ...PLAIN], keys: Object.fromEntries([...TRICKY, ...PLAIN].map((s) => [s, s])), typed: TYPED };
    expect(pyyamlLoad(yamlText(data))).toEqual(data);
  });
});

describe("prefect.yaml with tricky strings in names, versions, tags, parameters, job variables and keys", () => {
  const doc = documentWith(TRICKY);
  const intended = doc.toObject();
  const text = new PrefectYamlFile(doc).render();

  it("reads back in YAML 1.1 mode as the intended values", () => {
    expect(parse(text, { version: "1.1" })).toEqual(intended);
  });

  it("reads back in YAML 1.2 mode as the same values", () => {
    expect(parse(text)).toEqual(intended);
  });

  withPyYaml("reads back in PyYAML (what `prefect deploy` uses) as the same values", () => {
    expect(pyyamlLoad(text)).toEqual(intended);
  });

  it("the values were tricky before: the plain 1.2 rendering reads back differently in YAML 1.1", () => {
    const { stringify } = require("yaml") as typeof import("yaml");
    // `on:` and `On:` even become the same key (true) in YAML 1.1, so the plain file does not load at all.
    expect(() => parse(stringify(intended), { version: "1.1" })).toThrow(/Map keys must be unique/);
    expect(parse(stringify({ enabled: "on", since: "2024-01-01", size: "1_000" }), { version: "1.1" })).toEqual({
      enabled: true,
      since: new Date("2024-01-01T00:00:00Z"),
      size: 1000,
    });
  });
});

describe("every example stack's prefect.yaml", () => {
  const app = synthExampleApp();
  afterAll(() => app.cleanup());
  const withYaml = app.stacks.filter((s) => s.files["prefect.yaml"]);

  it.each(withYaml.map((s) => [s.name, s] as const))("%s reads the same in YAML 1.1 and 1.2", (_name, stack) => {
    const text = stack.files["prefect.yaml"];
    expect(parse(text, { version: "1.1" })).toEqual(parse(text));
  });

  withPyYaml("reads the same in PyYAML as in YAML 1.2, for every stack", () => {
    for (const stack of withYaml) {
      const text = stack.files["prefect.yaml"];
      expect({ stack: stack.name, data: pyyamlLoad(text) }).toEqual({ stack: stack.name, data: parse(text) });
    }
  });
});
