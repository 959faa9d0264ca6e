import * as path from "path";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsCredentialsBlock } from "../packages/core/src/prefect/blocks/aws-credentials";
import { AzureBlobStorageCredentialsBlock } from "../packages/core/src/prefect/blocks/azure-blob-storage-credentials";
import { DockerRegistryCredentialsBlock } from "../packages/core/src/prefect/blocks/docker-registry-credentials";
import { GcpCredentialsBlock } from "../packages/core/src/prefect/blocks/gcp-credentials";
import { BitbucketCredentialsBlock, GitHubCredentialsBlock, GitLabCredentialsBlock } from "../packages/core/src/prefect/blocks/git-credentials";
import { SecretBlock } from "../packages/core/src/prefect/blocks/secret";
import { PrefectProvider } from "../packages/core/src/prefect/provider/provider";
import { parseInterfaces } from "./support/interfaces";
import { BlockFieldTable, blockDataErrors, blockSchema, sampleBlockData } from "./support/shared";
import { captureValidationError, expectOnlyProblem, reported } from "./support/validation";

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), "blocks");
  new PrefectProvider(s, "prefect");
  return s;
}

function sensitive(s: TerraformStack, name: string): string {
  return new TerraformVariable(s, `${name}_var`, { type: "string", sensitive: true }).stringValue;
}

type FieldTable = BlockFieldTable;

/** Prefect's name of one table entry. */
const prefectName = (to: FieldTable[string]) => (typeof to === "string" ? to : to.name);

function synthBlocks(s: TerraformStack): Record<string, any> {
  return JSON.parse(Testing.synth(s)).resource.prefect_block;
}

/** An aws-credentials block with every kind of field: secrets from variables, a literal, a nested struct. */
function fullAwsBlock(s: TerraformStack): AwsCredentialsBlock {
  return new AwsCredentialsBlock(s, "creds", {
    name: "ci",
    data: {
      awsAccessKeyId: sensitive(s, "id"),
      awsSecretAccessKey: sensitive(s, "secret"),
      regionName: "eu-central-1",
      awsClientParameters: { endpointUrl: "https://s3.eu-central-1.amazonaws.com", useSsl: true },
    },
  });
}

describe("typed block data matches Prefect's block schemas", () => {
  // Each typed block: its field table (camelCase → Prefect's name) and its data interface, held
  // against the block type's fields in block-schemas.json.
  const cases: Array<[string, string, string, { TYPE_SLUG: string; FIELDS: FieldTable }]> = [
    ["aws-credentials", "aws-credentials.ts", "AwsCredentialsData", AwsCredentialsBlock],
    ["azure-blob-storage-credentials", "azure-blob-storage-credentials.ts", "AzureBlobStorageCredentialsData", AzureBlobStorageCredentialsBlock],
    ["docker-registry-credentials", "docker-registry-credentials.ts", "DockerRegistryCredentialsData", DockerRegistryCredentialsBlock],
    ["gcp-credentials", "gcp-credentials.ts", "GcpCredentialsData", GcpCredentialsBlock],
    ["github-credentials", "git-credentials.ts", "GitHubCredentialsData", GitHubCredentialsBlock],
    ["gitlab-credentials", "git-credentials.ts", "GitLabCredentialsData", GitLabCredentialsBlock],
    ["bitbucket-credentials", "git-credentials.ts", "BitbucketCredentialsData", BitbucketCredentialsBlock],
  ];

  it.each(cases)("%s: every FIELDS value is a property of the block schema, and every property has a field", (slug, _file, _iface, cls) => {
    expect(cls.TYPE_SLUG).toBe(slug);
    const names = Object.values(cls.FIELDS).map(prefectName);
    const schemaProperties = Object.keys(blockSchema(slug).properties);
    for (const name of names) expect(schemaProperties).toContain(name);
    expect([...names].sort()).toEqual([...schemaProperties].sort());
  });

  it.each(cases)("%s: FIELDS names exactly the fields of %s/%s, with the schema's required-ness", (slug, file, iface, cls) => {
    const parsed = parseInterfaces(path.join(__dirname, "..", "packages", "core", "src", "prefect", "blocks", file)).get(iface)!;
    expect(parsed.properties.map((p) => p.name).sort()).toEqual(Object.keys(cls.FIELDS).sort());
    const required = new Set(blockSchema(slug).required ?? []);
    for (const p of parsed.properties) {
      expect({ field: p.name, optional: p.optional }).toEqual({ field: p.name, optional: !required.has(prefectName(cls.FIELDS[p.name])) });
    }
  });

  it("aws-credentials: awsClientParameters maps AwsClientParameters onto the schema's client parameters definition", () => {
    const nested = AwsCredentialsBlock.FIELDS.awsClientParameters as { name: string; fields: FieldTable };
    expect(nested.name).toBe("aws_client_parameters");
    const parsed = parseInterfaces(path.join(__dirname, "..", "packages", "core", "src", "prefect", "blocks", "aws-credentials.ts")).get("AwsClientParameters")!;
    expect(parsed.properties.map((p) => p.name).sort()).toEqual(Object.keys(nested.fields).sort());
    const defs = (blockSchema("aws-credentials") as any).definitions.AwsClientParameters.properties;
    expect(Object.values(nested.fields).map(prefectName).sort()).toEqual(Object.keys(defs).sort());
  });

  it("secret: data validates and a whole-block reference yields the value (usable inside strings)", () => {
    const s = stack();
    const block = new SecretBlock(s, "token", { name: "repo-token", value: sensitive(s, "token") });
    // SecretBlock keeps no data struct: its one field is `value`, as the prefect_block's JSON shows.
    expect(Object.values(synthBlocks(s))[0].data).toBe('${jsonencode({"value" = var.token_var})}');
    expect(blockDataErrors("secret", { value: "sample" })).toEqual([]);
    expect(block.reference().isString).toBe(true);
    expect(String(block.reference())).toBe("{{ prefect.blocks.secret.repo-token }}");
  });

  it("aws-credentials: full data validates, whole-block reference is a dict, field references are strings", () => {
    const s = stack();
    const block = fullAwsBlock(s);
    expect(blockDataErrors("aws-credentials", sampleBlockData(block))).toEqual([]);
    expect(block.reference().isString).toBe(false);
    expect(String(block.fieldReference("regionName"))).toBe("{{ prefect.blocks.aws-credentials.ci.region_name }}");
    expect(String(block.fieldReference("region_name"))).toBe("{{ prefect.blocks.aws-credentials.ci.region_name }}");
    expect(() => block.fieldReference("region")).toThrow(/has no field "region"/);
  });

  it("aws-credentials: the prefect_block's JSON uses Prefect's field names, nested ones too", () => {
    const s = stack();
    fullAwsBlock(s);
    const [block] = Object.values(synthBlocks(s));
    expect(block.data).toContain('"aws_access_key_id" = var.id_var');
    expect(block.data).toContain('"aws_secret_access_key" = var.secret_var');
    expect(block.data).toContain('"region_name" = "eu-central-1"');
    expect(block.data).toMatch(/"aws_client_parameters" = \{[^}]*"endpoint_url" = "https:\/\/s3\.eu-central-1\.amazonaws\.com"/);
    expect(block.data).toMatch(/"aws_client_parameters" = \{[^}]*"use_ssl" = true/);
    expect(block.data).not.toMatch(/awsAccessKeyId|regionName|endpointUrl|useSsl/);
  });

  it("a data key that is not in the block's table (e.g. Prefect's snake_case name from JavaScript) is reported as BlockData", () => {
    const s = stack();
    const block = new AwsCredentialsBlock(s, "creds", { name: "ci", data: { aws_access_key_id: sensitive(s, "id"), regionName: "eu-central-1" } as any });
    const error = captureValidationError(() => block);
    expectOnlyProblem(error, "blocks/creds", {
      prop: "data.aws_access_key_id",
      value: "(not shown)",
      rule: "BlockData",
      problem: "is not a field of this block",
      fix: "use the camelCase field names of the block's data struct",
    });
  });

  it.each([
    [GitHubCredentialsBlock, { token: "t" }],
    [GitLabCredentialsBlock, { token: "t", url: "https://git.acme.internal" }],
    [BitbucketCredentialsBlock, { token: "t", username: "svc", password: "p", url: "https://bitbucket.acme.internal" }],
  ] as const)("%p: full data validates against its block schema", (cls, fields) => {
    const s = stack();
    const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, k === "url" || k === "username" ? v : sensitive(s, k)]));
    const block = new (cls as any)(s, "b", { name: "b", data });
    expect(blockDataErrors(block.typeSlug, sampleBlockData(block))).toEqual([]);
    expect(block.reference().isString).toBe(false);
  });

  it("the oracle rejects unknown fields and wrong types", () => {
    expect(blockDataErrors("aws-credentials", { aws_access_key: "x" })).toEqual(["aws-credentials has no field aws_access_key"]);
    expect(blockDataErrors("secret", {}).join()).toMatch(/required property 'value'/);
  });
});

describe("prefect_block resources", () => {
  it("send data as a sensitive JSON expression from variables, never a literal secret", () => {
    const s = stack();
    new SecretBlock(s, "token", { name: "repo-token", value: sensitive(s, "token") });
    const [block] = Object.values(synthBlocks(s));
    expect(block).toMatchObject({ name: "repo-token", type_slug: "secret" });
    expect(block.data).toBe('${jsonencode({"value" = var.token_var})}');
    expect(block.data_wo).toBeUndefined();
  });

  it("writeOnly sends data_wo with a version instead of data", () => {
    const s = stack();
    new SecretBlock(s, "token", { name: "t", value: sensitive(s, "token"), writeOnly: true, writeOnlyVersion: 3 });
    const [block] = Object.values(synthBlocks(s));
    expect(block.data).toBeUndefined();
    expect(block.data_wo).toBe('${jsonencode({"value" = var.token_var})}');
    expect(block.data_wo_version).toBe(3);
  });

  it("writeOnly defaults data_wo_version to 1", () => {
    const s = stack();
    new SecretBlock(s, "token", { name: "t", value: sensitive(s, "token"), writeOnly: true });
    expect(Object.values(synthBlocks(s))[0].data_wo_version).toBe(1);
  });

  it("rejects bad names and contradictory options, naming the path, value, rule and fix", () => {
    const s = stack();
    expect(() => reported(new SecretBlock(s, "bad", { name: "My_Token", value: sensitive(s, "a") }))).toThrow(
      /blocks\/bad[\s\S]*name "My_Token": must match \^\[a-z0-9-\]\+\$ \[BlockName\][\s\S]*Fix: use "my-token"/,
    );
    expect(() => reported(new SecretBlock(s, "ver", { name: "ok", value: sensitive(s, "b"), writeOnlyVersion: 2 }))).toThrow(
      /writeOnlyVersion 2: only applies with writeOnly: true \[BlockWriteOnly\]/,
    );
    expect(() => reported(new SecretBlock(s, "tok", { name: sensitive(s, "n"), value: "x" }))).toThrow(/must be known at synth time/);
  });
});
