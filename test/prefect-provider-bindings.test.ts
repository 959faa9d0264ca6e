/**
 * The Prefect provider bindings in packages/core/src/prefect/provider/ are hand-written (no prebuilt package, no
 * `cdktf get` offline), so nothing but this test ties them to the provider. It holds them against
 * the provider schema in ../shared/prefect/provider-schema.json, both statically (the TypeScript
 * config interfaces) and by synthesis (the Terraform JSON they produce).
 */
import * as fs from "fs";
import * as path from "path";

import { TerraformOutput, TerraformResource, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import * as prefect from "../packages/core/src/prefect/provider";
import { ParsedInterface, parseInterfaces } from "./support/interfaces";

interface SchemaAttribute {
  mode: "required" | "optional" | "computed";
  type: string;
  sensitive: boolean;
  write_only: boolean;
}
type Attributes = Record<string, SchemaAttribute>;
interface SchemaEntry {
  attributes: Attributes;
  nested: Record<string, Attributes>;
}
interface ProviderSchema {
  provider: SchemaEntry;
  resources: Record<string, SchemaEntry>;
}

const SCHEMA_PATH = path.resolve(__dirname, "..", "..", "shared", "prefect", "provider-schema.json");
const BINDINGS_DIR = path.resolve(__dirname, "..", "packages", "core", "src", "prefect", "provider");
const schema: ProviderSchema = JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8"));
const resources = schema.resources;

const camelToSnake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const snakeToCamel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const settable = (attrs: Attributes) => Object.keys(attrs).filter((name) => attrs[name].mode !== "computed");

/**
 * Attributes whose property is not the camelCase of their name, per schema path: `type` is a word
 * other languages reserve or give another meaning, so the bindings name it for what it is.
 */
const RENAMED: Record<string, Record<string, string>> = {
  "resources.prefect_work_pool": { type: "poolType" },
  "resources.prefect_deployment.nested.pull_steps": { type: "stepType" },
};
/** The config property of a schema attribute at `schemaPath`. */
const propertyOf = (schemaPath: string, attribute: string) => RENAMED[schemaPath]?.[attribute] ?? snakeToCamel(attribute);
/** The schema attribute of a config property at `schemaPath`. */
const attributeOf = (schemaPath: string, property: string) =>
  Object.entries(RENAMED[schemaPath] ?? {}).find(([, p]) => p === property)?.[0] ?? camelToSnake(property);

// ---------------------------------------------------------------------------------------------
// Static view: the exported interfaces of packages/core/src/prefect/provider/*.ts, read with the TS compiler API.
// ---------------------------------------------------------------------------------------------

/** Names of cdktf's TerraformMetaArguments (count, provider, ...), read from cdktf itself so a cdktf upgrade is followed. */
function metaArgumentNames(): string[] {
  const dts = require.resolve("cdktf/lib/terraform-resource.d.ts");
  const parsed = parseInterfaces(dts).get("TerraformMetaArguments");
  if (!parsed) throw new Error(`TerraformMetaArguments not found in ${dts}`);
  return parsed.properties.map((p) => p.name);
}

const bindingFiles = fs.readdirSync(BINDINGS_DIR).filter((f) => f.endsWith(".ts") && f !== "index.ts");
const interfaces = new Map<string, ParsedInterface>();
for (const file of bindingFiles) {
  for (const [name, parsed] of parseInterfaces(path.join(BINDINGS_DIR, file))) {
    if (interfaces.has(name)) throw new Error(`interface ${name} is exported twice`);
    interfaces.set(name, parsed);
  }
}
const META = metaArgumentNames();

interface Target {
  /** Where in the schema the interface's properties must come from. */
  schemaPath: string;
  attributes: Attributes;
  /** Properties that are not provider attributes. */
  notAttributes: string[];
  /** A resource config must carry Terraform's meta-arguments. */
  extendsMeta: boolean;
}

/** Which schema entry each interface binds. Every exported `*Config` must be here (checked below). */
const targets: Record<string, Target> = {
  PrefectProviderConfig: { schemaPath: "provider", attributes: schema.provider.attributes, notAttributes: ["alias"], extendsMeta: false },
  BlockConfig: resourceTarget("prefect_block"),
  FlowConfig: resourceTarget("prefect_flow"),
  DeploymentConfig: resourceTarget("prefect_deployment"),
  DeploymentPullStep: nestedTarget("prefect_deployment", "pull_steps"),
  DeploymentConcurrencyOptions: nestedTarget("prefect_deployment", "concurrency_options"),
  DeploymentScheduleConfig: resourceTarget("prefect_deployment_schedule"),
  WorkPoolConfig: resourceTarget("prefect_work_pool"),
  WorkQueueConfig: resourceTarget("prefect_work_queue"),
  VariableConfig: resourceTarget("prefect_variable"),
};

function resourceTarget(type: string): Target {
  if (!resources[type]) throw new Error(`schema has no resource ${type}`);
  return { schemaPath: `resources.${type}`, attributes: resources[type].attributes, notAttributes: META, extendsMeta: true };
}
function nestedTarget(type: string, attribute: string): Target {
  const nested = resources[type]?.nested[attribute];
  if (!nested) throw new Error(`schema has no nested ${type}.${attribute}`);
  return { schemaPath: `resources.${type}.nested.${attribute}`, attributes: nested, notAttributes: [], extendsMeta: false };
}

describe("config interfaces match the provider schema (TypeScript compiler API)", () => {
  test("the parse found the bindings and cdktf's meta-arguments", () => {
    expect(bindingFiles.length).toBeGreaterThanOrEqual(8);
    expect(META).toEqual(expect.arrayContaining(["count", "dependsOn", "forEach", "lifecycle", "provider"]));
  });

  test("every exported *Config interface is bound to a schema entry", () => {
    const configs = [...interfaces.keys()].filter((name) => name.endsWith("Config"));
    expect(configs.filter((name) => !(name in targets))).toEqual([]);
  });

  test("every schema resource and nested attribute has an interface", () => {
    const bound = new Set(Object.values(targets).map((t) => t.schemaPath));
    const wanted = [
      "provider",
      ...Object.entries(resources).flatMap(([type, entry]) => [
        `resources.${type}`,
        ...Object.keys(entry.nested).map((n) => `resources.${type}.nested.${n}`),
      ]),
    ];
    expect(wanted.filter((p) => !bound.has(p))).toEqual([]);
    expect(Object.keys(targets).filter((name) => !interfaces.has(name))).toEqual([]);
  });

  describe.each(Object.entries(targets))("%s", (name, target) => {
    const parsed = () => {
      const found = interfaces.get(name);
      if (!found) throw new Error(`interface ${name} is not exported from ${BINDINGS_DIR}`);
      return found;
    };
    const own = () => parsed().properties.filter((p) => !target.notAttributes.includes(p.name));

    test(target.extendsMeta ? "extends cdktf.TerraformMetaArguments" : "extends nothing", () => {
      expect(parsed().heritage).toEqual(target.extendsMeta ? ["cdktf.TerraformMetaArguments"] : []);
    });

    test("each property is a settable schema attribute, required exactly when the schema says so", () => {
      const problems: string[] = parsed().otherMembers.map((m) => `not a plain property: ${m}`);
      for (const property of own()) {
        const name = attributeOf(target.schemaPath, property.name);
        const attribute = target.attributes[name];
        if (!attribute) {
          problems.push(`${property.name}: no attribute ${name} in ${target.schemaPath}`);
        } else if (attribute.mode === "computed") {
          problems.push(`${property.name}: ${name} is computed, not settable`);
        } else if ((attribute.mode === "required") !== !property.optional) {
          problems.push(`${property.name}: schema mode is ${attribute.mode} but the property is ${property.optional ? "optional" : "required"}`);
        }
      }
      expect(problems).toEqual([]);
    });

    test("each settable schema attribute has a property", () => {
      const names = new Set(own().map((p) => p.name));
      expect(settable(target.attributes).filter((attr) => !names.has(propertyOf(target.schemaPath, attr)))).toEqual([]);
    });

    test("sensitive and write-only attributes say so in their JSDoc", () => {
      const problems: string[] = [];
      for (const property of own()) {
        const attribute = target.attributes[attributeOf(target.schemaPath, property.name)];
        if (!property.doc.includes("/**")) problems.push(`${property.name}: no JSDoc`);
        if (attribute?.sensitive && !/sensitive/i.test(property.doc)) problems.push(`${property.name}: sensitive, JSDoc does not say so`);
        if (attribute?.write_only && !/write-only/i.test(property.doc)) problems.push(`${property.name}: write-only, JSDoc does not say so`);
      }
      expect(problems).toEqual([]);
    });
  });

  test("pull step token/credential fields warn that the provider does not treat them as sensitive", () => {
    const pullStep = interfaces.get("DeploymentPullStep")!;
    for (const name of ["accessToken", "credentials"]) {
      const property = pullStep.properties.find((p) => p.name === name);
      expect(resources.prefect_deployment.nested.pull_steps[camelToSnake(name)].sensitive).toBe(false);
      expect(property?.doc).toMatch(/not sensitive/i);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Synthesized view: every attribute set, the Terraform JSON keys must be the schema's.
// ---------------------------------------------------------------------------------------------

type ResourceClass = (new (scope: Construct, id: string, config: any) => TerraformResource) & { tfResourceType: string };
const resourceClasses: Record<string, ResourceClass> = {
  prefect_block: prefect.Block,
  prefect_flow: prefect.Flow,
  prefect_deployment: prefect.Deployment,
  prefect_deployment_schedule: prefect.DeploymentSchedule,
  prefect_work_pool: prefect.WorkPool,
  prefect_work_queue: prefect.WorkQueue,
  prefect_variable: prefect.Variable,
};

/**
 * A config (camelCase) with every settable attribute set, and the JSON (snake_case) it must
 * synthesize to. `schemaPath` locates `attrs` in the schema, for the renamed properties.
 */
function sampleConfig(attrs: Attributes, nested: Record<string, Attributes> = {}, schemaPath = ""): { config: any; expected: any } {
  const config: any = {};
  const expected: any = {};
  for (const name of settable(attrs)) {
    const [value, json] = sampleValue(name, attrs[name], nested[name], `${schemaPath}.nested.${name}`);
    config[propertyOf(schemaPath, name)] = value;
    expected[name] = json;
  }
  return { config, expected };
}

function sampleValue(name: string, attribute: SchemaAttribute, nested: Attributes | undefined, nestedPath: string): [unknown, unknown] {
  const same = (v: unknown): [unknown, unknown] => [v, v];
  switch (attribute.type) {
    case "String":
      return same(`${name}-sample`);
    case "Number":
      return same(7);
    case "Boolean":
      return same(true);
    case "Set of String":
      return same(["alpha", "beta"]);
    case "Map of String":
      // Map keys are user data: they must come out exactly as given, not snake_cased.
      return same({ AWS_DEFAULT_REGION: "eu-west-1", camelKey: "x" });
    case "Dynamic":
      return same({ someKey: ["x", 1, true], nested: { deep: null } });
    case "Attributes": {
      const { config, expected } = sampleConfig(requireNested(name, nested), {}, nestedPath);
      return [config, expected];
    }
    case "Attributes List": {
      const { config, expected } = sampleConfig(requireNested(name, nested), {}, nestedPath);
      return [[config, config], [expected, expected]];
    }
    default:
      throw new Error(`no sample value for schema type "${attribute.type}" (${name}): teach this test about it`);
  }
}

function requireNested(name: string, nested?: Attributes): Attributes {
  if (!nested) throw new Error(`${name} is a nested type but the schema has no nested attributes for it`);
  return nested;
}

function synthOne(build: (stack: TerraformStack) => void): any {
  const stack = new TerraformStack(Testing.app(), "test");
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

describe("synthesized Terraform JSON matches the provider schema", () => {
  test("there is a binding class for every schema resource", () => {
    expect(Object.keys(resources).sort()).toEqual(Object.keys(resourceClasses).sort());
    for (const [type, cls] of Object.entries(resourceClasses)) expect(cls.tfResourceType).toBe(type);
  });

  describe.each(Object.keys(resources))("%s", (type) => {
    const entry = resources[type];

    test("with every settable attribute set, synthesizes exactly those attributes, snake_case, values intact", () => {
      const { config, expected } = sampleConfig(entry.attributes, entry.nested, `resources.${type}`);
      const synth = synthOne((stack) => {
        new prefect.PrefectProvider(stack, "prefect");
        new resourceClasses[type](stack, "r", config);
      });
      const resource = synth.resource[type].r;
      expect(Object.keys(resource).sort()).toEqual(settable(entry.attributes).sort());
      expect(resource).toEqual(expected);
    });

    test("required attributes alone synthesize just those", () => {
      const required = Object.fromEntries(Object.entries(entry.attributes).filter(([, a]) => a.mode === "required"));
      const { config } = sampleConfig(required, entry.nested, `resources.${type}`);
      const synth = synthOne((stack) => {
        new prefect.PrefectProvider(stack, "prefect");
        new resourceClasses[type](stack, "r", config);
      });
      expect(Object.keys(synth.resource[type].r).sort()).toEqual(Object.keys(required).sort());
    });

    test("getters reference the resource's attributes", () => {
      const wanted = ["id", "name", "created", "updated", "default_queue_id"].filter((a) => a in entry.attributes);
      expect(wanted).toContain("id");
      const synth = synthOne((stack) => {
        const resource: any = new resourceClasses[type](stack, "r", sampleConfig(entry.attributes, entry.nested, `resources.${type}`).config);
        for (const attr of wanted) new TerraformOutput(stack, attr, { value: resource[snakeToCamel(attr)] });
      });
      for (const attr of wanted) expect(synth.output[attr].value).toBe(`\${${type}.r.${attr}}`);
    });
  });

  test("pull_steps items synthesize with snake_case keys from the nested schema", () => {
    const nested = resources.prefect_deployment.nested.pull_steps;
    const synth = synthOne((stack) => {
      new prefect.Deployment(stack, "d", {
        name: "d",
        flowId: "f",
        pullSteps: [
          { stepType: "git_clone", repository: "https://example.com/r.git", accessToken: "{{ prefect.blocks.secret.t }}", includeSubmodules: true },
          { stepType: "run_shell_script", script: "echo hi", env: { FOO_BAR: "1" }, expandEnvVars: false, streamOutput: true },
          { stepType: "pip_install_requirements", requirementsFile: "requirements.txt", directory: "{{ clone.directory }}" },
        ],
      });
    });
    const steps: Record<string, unknown>[] = synth.resource.prefect_deployment.d.pull_steps;
    expect(steps).toHaveLength(3);
    for (const step of steps) {
      expect(Object.keys(step).filter((k) => !(k in nested))).toEqual([]);
    }
    expect(steps[0]).toEqual({ type: "git_clone", repository: "https://example.com/r.git", access_token: "{{ prefect.blocks.secret.t }}", include_submodules: true });
    expect(steps[1]).toEqual({ type: "run_shell_script", script: "echo hi", env: { FOO_BAR: "1" }, expand_env_vars: false, stream_output: true });
  });

  test.each<[string, prefect.VariableValue]>([
    ["a string", "some text"],
    ["a numeric-looking string", "123"],
    ["a JSON-looking string", '{"a": 1}'],
    ["a number", 42],
    ["a boolean", false],
    ["an object", { region: "eu-west-1", limits: { cpu: 2 }, tags: ["a"] }],
    ["an array", ["a", 1, true]],
  ])("prefect_variable value (Dynamic) synthesizes %s as given", (_, value) => {
    const synth = synthOne((stack) => {
      new prefect.Variable(stack, "v", { name: "v", value });
    });
    expect(synth.resource.prefect_variable.v.value).toStrictEqual(value);
  });

  test("the provider block synthesizes snake_case keys from the provider schema", () => {
    const { config, expected } = sampleConfig(schema.provider.attributes, schema.provider.nested, "provider");
    const synth = synthOne((stack) => {
      new prefect.PrefectProvider(stack, "prefect", { ...config, alias: "second" });
    });
    const [block] = synth.provider.prefect;
    expect(Object.keys(block).sort()).toEqual([...settable(schema.provider.attributes), "alias"].sort());
    expect(block).toEqual({ ...expected, alias: "second" });
  });

  test("a resource on an aliased provider points at it", () => {
    const synth = synthOne((stack) => {
      const second = new prefect.PrefectProvider(stack, "second", { alias: "cloud" });
      new prefect.Flow(stack, "f", { name: "f", provider: second });
    });
    expect(synth.resource.prefect_flow.f.provider).toBe("prefect.cloud");
  });

  test("required_providers pins prefecthq/prefect ~> 3.4", () => {
    const synth = synthOne((stack) => {
      new prefect.PrefectProvider(stack, "prefect");
    });
    expect(synth.terraform.required_providers.prefect).toEqual({ source: "prefecthq/prefect", version: "~> 3.4" });
  });
});

describe("HCL synthesis", () => {
  test("nested attributes render with `=`, as Terraform wants for nested attributes (not blocks)", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    new prefect.PrefectProvider(stack, "prefect", { endpoint: "http://localhost:4200/api", csrfEnabled: true });
    new prefect.Deployment(stack, "d", {
      name: "d",
      flowId: "f",
      tags: ["x"],
      concurrencyOptions: { collisionStrategy: "ENQUEUE" },
      pullSteps: [{ stepType: "run_shell_script", script: "echo hi", env: { FOO: "1" } }],
    });
    new prefect.Variable(stack, "v", { name: "v", value: "123" });
    const hcl: string = Testing.synthHcl(stack);
    expect(hcl).toMatch(/pull_steps = \[\s*\{\s*type = "run_shell_script"/);
    expect(hcl).toMatch(/concurrency_options = \{\s*collision_strategy = "ENQUEUE"\s*\}/);
    expect(hcl).not.toMatch(/pull_steps \{|concurrency_options \{/);
    expect(hcl).toMatch(/value = "123"/);
    expect(hcl).toMatch(/csrf_enabled = true/);
  });
});
