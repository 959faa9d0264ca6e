import * as path from "path";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsCredentialsBlock } from "../src/prefect/blocks/aws-credentials";
import { BitbucketCredentialsBlock, GitHubCredentialsBlock, GitLabCredentialsBlock } from "../src/prefect/blocks/git-credentials";
import { PrefectBlock } from "../src/prefect/blocks/block";
import { SecretBlock } from "../src/prefect/blocks/secret";
import { PrefectProvider } from "../src/prefect/provider/provider";
import { parseInterfaces } from "./support/interfaces";
import { blockDataErrors, blockSchema } from "./support/shared";
import { reported } from "./support/validation";

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), "blocks");
  new PrefectProvider(s, "prefect");
  return s;
}

function sensitive(s: TerraformStack, name: string): string {
  return new TerraformVariable(s, `${name}_var`, { type: "string", sensitive: true }).stringValue;
}

/** Block data with every token replaced by a sample string, as Terraform would fill it in. */
function sampleData(block: PrefectBlock): Record<string, unknown> {
  return JSON.parse(JSON.stringify(block.data, (_k, v) => (typeof v === "string" && v.includes("${") ? "sample" : v)));
}

function synthBlocks(s: TerraformStack): Record<string, any> {
  return JSON.parse(Testing.synth(s)).resource.prefect_block;
}

describe("typed block data matches Prefect's block schemas", () => {
  // Each typed data interface, held against the block type's fields in block-schemas.json.
  const cases: Array<[string, string, string]> = [
    ["aws-credentials", "aws-credentials.ts", "AwsCredentialsData"],
    ["github-credentials", "git-credentials.ts", "GitHubCredentialsData"],
    ["gitlab-credentials", "git-credentials.ts", "GitLabCredentialsData"],
    ["bitbucket-credentials", "git-credentials.ts", "BitbucketCredentialsData"],
  ];

  it.each(cases)("%s: every field of %s/%s exists in the block schema, with the same required-ness", (slug, file, iface) => {
    const parsed = parseInterfaces(path.join(__dirname, "..", "src", "prefect", "blocks", file)).get(iface)!;
    const schema = blockSchema(slug);
    const required = new Set(schema.required ?? []);
    for (const p of parsed.properties) {
      expect(Object.keys(schema.properties)).toContain(p.name);
      expect({ field: p.name, optional: p.optional }).toEqual({ field: p.name, optional: !required.has(p.name) });
    }
  });

  it("aws-credentials: the client parameters sub-interface matches AwsClientParameters", () => {
    const parsed = parseInterfaces(path.join(__dirname, "..", "src", "prefect", "blocks", "aws-credentials.ts")).get("AwsClientParameters")!;
    const defs = (blockSchema("aws-credentials") as any).definitions.AwsClientParameters.properties;
    expect(parsed.properties.map((p) => p.name).sort()).toEqual(Object.keys(defs).sort());
  });

  it("secret: data validates and a whole-block reference yields the value (usable inside strings)", () => {
    const s = stack();
    const block = new SecretBlock(s, "token", { name: "repo-token", value: sensitive(s, "token") });
    expect(blockDataErrors("secret", sampleData(block))).toEqual([]);
    expect(block.ref().isString).toBe(true);
    expect(String(block.ref())).toBe("{{ prefect.blocks.secret.repo-token }}");
  });

  it("aws-credentials: full data validates, whole-block reference is a dict, field references are strings", () => {
    const s = stack();
    const block = new AwsCredentialsBlock(s, "creds", {
      name: "ci",
      data: {
        aws_access_key_id: sensitive(s, "id"),
        aws_secret_access_key: sensitive(s, "secret"),
        region_name: "eu-central-1",
        aws_client_parameters: { endpoint_url: "https://s3.eu-central-1.amazonaws.com", use_ssl: true },
      },
    });
    expect(blockDataErrors("aws-credentials", sampleData(block))).toEqual([]);
    expect(block.ref().isString).toBe(false);
    expect(String(block.fieldRef("region_name"))).toBe("{{ prefect.blocks.aws-credentials.ci.region_name }}");
  });

  it.each([
    [GitHubCredentialsBlock, { token: "t" }],
    [GitLabCredentialsBlock, { token: "t", url: "https://git.acme.internal" }],
    [BitbucketCredentialsBlock, { token: "t", username: "svc", password: "p", url: "https://bitbucket.acme.internal" }],
  ] as const)("%p: full data validates against its block schema", (cls, fields) => {
    const s = stack();
    const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, k === "url" || k === "username" ? v : sensitive(s, k)]));
    const block = new (cls as any)(s, "b", { name: "b", data });
    expect(blockDataErrors(block.typeSlug, sampleData(block))).toEqual([]);
    expect(block.ref().isString).toBe(false);
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
