/**
 * S3, Cloud Storage and Blob Storage share one shape (ObjectCodeStorage): the same push/pull step
 * skeleton, the same grant signature with an `id` option, uploads of the same files, and the same
 * outputs. One table, one set of assertions for the three.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { AzurePrincipalType, IObjectCodeStorage, ObjectCodeStorage, PrefectProvider, ProblemReport } from "prefect-code-storage";
import { S3CodeStorage } from "prefect-code-storage-aws";
import { AzureBlobCodeStorage } from "prefect-code-storage-azure";
import { GcsCodeStorage } from "prefect-code-storage-google";

const CASES: Array<[string, string, (stack: TerraformStack) => IObjectCodeStorage, string, string]> = [
  ["S3", "bucket", (s) => (new AwsProvider(s, "aws", { region: "eu-central-1" }), new S3CodeStorage(s, "code", { bucketName: "acme-flows", folder: "etl" })), "analytics-task", "aws_iam_role_policy"],
  [
    "Cloud Storage",
    "bucket",
    (s) => (new GoogleProvider(s, "google", { project: "acme-prefect" }), new GcsCodeStorage(s, "code", { project: "acme-prefect", bucketName: "acme-flows", folder: "etl" })),
    "group:analysts@acme.example",
    "google_storage_bucket_iam_member",
  ],
  [
    "Blob Storage",
    "container",
    (s) => (
      new AzurermProvider(s, "azurerm", { features: [{}] }),
      new AzureBlobCodeStorage(s, "code", { storageAccountName: "acmeflows", resourceGroupName: "rg", location: "westeurope", containerName: "flows", folder: "etl" })
    ),
    "11111111-1111-1111-1111-111111111111",
    "azurerm_role_assignment",
  ],
];

describe.each(CASES)("%s", (_name, storeParam, create, principal, grantType) => {
  const stack = new TerraformStack(Testing.app(), "shape");
  new PrefectProvider(stack, "prefect");
  const storage = create(stack);

  it("is an ObjectCodeStorage with the folder as given and no build step", () => {
    expect(storage).toBeInstanceOf(ObjectCodeStorage);
    expect(storage.folder).toBe("etl");
    expect(storage.buildSteps).toEqual([]);
  });

  it("pushes to <store>/<folder>/ as push_code, and pulls from the push step's outputs as pull_code", () => {
    const [push] = storage.pushSteps.map((s) => s.renderKwargs());
    const [pull] = storage.pullSteps.map((s) => s.renderKwargs());
    expect(Object.keys(push).slice(0, 4)).toEqual(["id", "requires", storeParam, "folder"]);
    expect(push).toMatchObject({ id: "push_code", folder: "etl/" });
    expect(pull).toMatchObject({ id: "pull_code", [storeParam]: `{{ push_code.${storeParam} }}`, folder: "{{ push_code.folder }}" });
    expect(pull.requires).toBe(push.requires);
  });

  it("grants with one signature: principal, then options with the construct id", () => {
    const pull = storage.grantPull(principal, { id: "analysts-pull" });
    const push = storage.grantPush(principal);
    expect(pull.node.id).toBe("analysts-pull");
    expect(push.node.id).toMatch(/^grant-push-/);
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.resource[grantType]).some((id) => id.includes("analysts-pull"))).toBe(true);
  });

  it("reports a construct id given positionally (GrantOptions) and a principal type where the cloud takes none (GrantPrincipalType)", () => {
    const own = new TerraformStack(Testing.app(), "grants");
    new PrefectProvider(own, "prefect");
    const mine = create(own);
    mine.grantPull(principal, "old-style-id" as any);
    mine.grantPush(principal, { principalType: (_name === "Blob Storage" ? "Robot" : AzurePrincipalType.USER) as AzurePrincipalType });
    const problems = ProblemReport.of(own).problems().map((p) => [p.prop, p.rule, p.problem]);
    expect(problems).toEqual([
      ["options", "GrantOptions", "must be a GrantOptions struct ({ id, principalType }); grants no longer take the construct id positionally"],
      [
        "principalType",
        "GrantPrincipalType",
        _name === "Blob Storage" ? "must be one of ServicePrincipal, User, Group" : "applies only to Azure role assignments",
      ],
    ]);
  });

  it("uploads one object per file .prefectignore lets through", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shape-upload-"));
    fs.mkdirSync(path.join(dir, "flows"));
    fs.writeFileSync(path.join(dir, "flows", "etl.py"), "print('etl')\n");
    fs.writeFileSync(path.join(dir, ".env"), "SECRET=1\n");
    try {
      expect(storage.uploadCode(dir).map((c) => c.node.id)).toEqual([expect.stringMatching(/^code-flows-etl\.py-[0-9a-f]{8}$/)]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("outputs the folder and both credentials blocks under the construct's id", () => {
    const outputs = Object.keys(JSON.parse(Testing.synth(stack)).output);
    expect(outputs).toEqual(expect.arrayContaining(["code_folder", "code_push_block", "code_pull_block"]));
  });
});
