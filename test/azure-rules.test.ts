/**
 * The Azure validation rules as pure functions. Expected values come from Azure's documented naming
 * rules (storage account: 3-24 lowercase letters and digits; container: 3-63 lowercase letters,
 * digits and single hyphens, letter or digit at both ends), not from the rules themselves.
 */
import { Rule } from "../packages/core/src/validation/rule";
import { AzureContainerName } from "../packages/core/src/validation/rules/azure-container-name";
import { AzurePrincipalId } from "../packages/core/src/validation/rules/azure-principal-id";
import { AzureResourceGroupName } from "../packages/core/src/validation/rules/azure-resource-group-name";
import { AzureRetentionDays } from "../packages/core/src/validation/rules/azure-retention-days";
import { AzureSasExpiry, sasExpiryTime } from "../packages/core/src/validation/rules/azure-sas-expiry";
import { AzureStorageAccountId, parseStorageAccountId } from "../packages/core/src/validation/rules/azure-storage-account-id";
import { AzureStorageAccountName } from "../packages/core/src/validation/rules/azure-storage-account-name";

const check = <T>(rule: Rule<T>, value: T) => rule.check(value).map((f) => (f.fix === undefined ? { problem: f.problem } : { ...f }));
const problems = <T>(rule: Rule<T>, value: T) => rule.check(value).map((f) => f.problem);

const ACCOUNT_ID = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-flows/providers/Microsoft.Storage/storageAccounts/acmeflows";

describe("every Azure rule", () => {
  const all: Array<[string, Rule<any>]> = Object.entries({
    AzureContainerName,
    AzurePrincipalId,
    AzureResourceGroupName,
    AzureRetentionDays,
    AzureSasExpiry,
    AzureStorageAccountId,
    AzureStorageAccountName,
  });

  it.each(all)("%s has an ID equal to its export name and an explanation", (name, rule) => {
    expect(rule.id).toBe(name);
    expect(rule.explanation.length).toBeGreaterThan(20);
  });
});

describe("AzureStorageAccountName", () => {
  it.each(["abc", "acmeflowcode", "a1b2c3", "a".repeat(24), "123"])("accepts %j", (name) => {
    expect(AzureStorageAccountName.check(name)).toEqual([]);
  });

  it("length: 3 to 24", () => {
    expect(check(AzureStorageAccountName, "ab")).toEqual([{ problem: "is 2 characters long; Azure allows 3 to 24" }]);
    expect(check(AzureStorageAccountName, "a".repeat(25))).toEqual([{ problem: "is 25 characters long; Azure allows 3 to 24" }]);
  });

  it.each([
    ["AcmeFlowCode", "acmeflowcode"],
    ["acme-flow-code", "acmeflowcode"],
    ["acme_flow.code", "acmeflowcode"],
  ])("only lowercase letters and digits: %j, suggesting %j", (name, fixed) => {
    expect(check(AzureStorageAccountName, name)).toEqual([
      { problem: "may contain only lowercase letters and digits (no hyphens, dots or underscores)", fix: `use a name such as "${fixed}"` },
    ]);
  });

  it("a suggestion is cut to 24 characters, and none is made when too little is left", () => {
    expect(AzureStorageAccountName.check(`Acme-${"x".repeat(30)}`).find((f) => f.fix)?.fix).toBe(`use a name such as "acme${"x".repeat(20)}"`);
    expect(check(AzureStorageAccountName, "a-b")).toEqual([{ problem: "may contain only lowercase letters and digits (no hyphens, dots or underscores)" }]);
  });

  it("empty: too short", () => {
    expect(problems(AzureStorageAccountName, "")).toEqual(["is 0 characters long; Azure allows 3 to 24"]);
  });
});

describe("AzureContainerName", () => {
  it.each(["abc", "flow-code", "etl-2024", "1st-code", "a".repeat(63), "a-b-c"])("accepts %j", (name) => {
    expect(AzureContainerName.check(name)).toEqual([]);
  });

  it("length: 3 to 63", () => {
    expect(check(AzureContainerName, "ab")).toEqual([{ problem: "is 2 characters long; Azure allows 3 to 63" }]);
    expect(check(AzureContainerName, "a".repeat(64))).toEqual([{ problem: "is 64 characters long; Azure allows 3 to 63" }]);
  });

  it.each([
    ["Flow-Code", "flow-code"],
    ["flow_code", "flow-code"],
    ["flow.code", "flow-code"],
    ["$web", "web"],
    ["$a!", undefined],
  ])("characters: %j", (name, fixed) => {
    const found = AzureContainerName.check(name).find((f) => f.problem === "may contain only lowercase letters, digits and hyphens");
    expect(found).toBeDefined();
    expect(found!.fix).toBe(fixed && `use a name such as "${fixed}"`);
  });

  it.each(["-code", "code-", "-code-"])("must begin and end with a letter or digit: %j", (name) => {
    expect(problems(AzureContainerName, name)).toEqual(["must begin and end with a letter or digit"]);
  });

  it("no consecutive hyphens", () => {
    expect(check(AzureContainerName, "flow--code")).toEqual([
      { problem: "must not contain consecutive hyphens", fix: 'use a name such as "flow-code"' },
    ]);
  });
});

describe("AzureStorageAccountId", () => {
  it("accepts a storage account resource ID, in any case for the fixed segments", () => {
    expect(AzureStorageAccountId.check(ACCOUNT_ID)).toEqual([]);
    expect(AzureStorageAccountId.check(ACCOUNT_ID.replace("resourceGroups", "resourcegroups").replace("Microsoft.Storage", "microsoft.storage"))).toEqual([]);
  });

  it.each([
    ["a bare name", "acmeflows"],
    ["a blob endpoint", "https://acmeflows.blob.core.windows.net"],
    ["a container ID", `${ACCOUNT_ID}/blobServices/default/containers/code`],
    ["another resource type", ACCOUNT_ID.replace("Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults")],
    ["a subscription that is not a GUID", ACCOUNT_ID.replace("00000000-1111-2222-3333-444444444444", "my-subscription")],
  ])("rejects %s", (_label, id) => {
    expect(check(AzureStorageAccountId, id)).toEqual([
      {
        problem:
          "is not a storage account resource ID (/subscriptions/<subscription id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>)",
        fix: "copy it from `az storage account show -n <name> -g <group> --query id -o tsv`",
      },
    ]);
  });

  it("parseStorageAccountId reads the resource group and the account name", () => {
    expect(parseStorageAccountId(ACCOUNT_ID)).toEqual({ resourceGroupName: "rg-flows", accountName: "acmeflows" });
    expect(parseStorageAccountId("acmeflows")).toBeUndefined();
  });
});

describe("AzurePrincipalId", () => {
  it.each(["11111111-2222-3333-4444-555555555555", "ABCDEF01-2345-6789-abcd-ef0123456789"])("accepts %j", (id) => {
    expect(AzurePrincipalId.check(id)).toEqual([]);
  });

  it("rejects a name, with no fix", () => {
    expect(check(AzurePrincipalId, "prefect-worker")).toEqual([{ problem: "is not a GUID; give the identity's principal (object) ID" }]);
  });

  it("rejects a resource ID, pointing at principal_id", () => {
    expect(check(AzurePrincipalId, "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/w")).toEqual([
      {
        problem: "is not a GUID; give the identity's principal (object) ID",
        fix: "pass the identity's principal_id attribute (e.g. azurerm_user_assigned_identity.principal_id), not its resource ID",
      },
    ]);
  });
});

describe("AzureSasExpiry", () => {
  it.each(["2030-06-30", "2030-06-30T12:00Z", "2030-06-30T12:00:59Z", "2028-02-29"])("accepts %j", (expiry) => {
    expect(AzureSasExpiry.check(expiry)).toEqual([]);
  });

  it.each(["30.06.2030", "2030-06-30T12:00:00", "2030-06-30T12:00:00+02:00", "2030-6-30", "next year"])("rejects the format of %j", (expiry) => {
    expect(check(AzureSasExpiry, expiry)).toEqual([
      {
        problem: "is not an ISO 8601 UTC date or date-time (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)",
        fix: 'use e.g. "2026-06-30T00:00:00Z"',
      },
    ]);
  });

  it.each(["2030-02-30", "2029-02-29", "2030-13-01", "2030-06-30T24:00:00Z", "2030-06-30T12:60Z"])("rejects the impossible date %j", (expiry) => {
    expect(problems(AzureSasExpiry, expiry)).toEqual(["is not a real calendar date or time"]);
  });

  it("sasExpiryTime reads a date as midnight UTC and a date-time as given", () => {
    expect(sasExpiryTime("2030-06-30")).toBe(Date.UTC(2030, 5, 30));
    expect(sasExpiryTime("2030-06-30T12:34Z")).toBe(Date.UTC(2030, 5, 30, 12, 34));
    expect(sasExpiryTime("2030-02-30")).toBeUndefined();
  });
});

describe("AzureRetentionDays", () => {
  it.each([1, 7, 365])("accepts %p", (days) => expect(AzureRetentionDays.check(days)).toEqual([]));
  it.each([0, 366, -1, 7.5])("rejects %p", (days) => {
    expect(problems(AzureRetentionDays, days)).toEqual(["must be a whole number of days from 1 to 365"]);
  });
});

describe("AzureResourceGroupName", () => {
  it.each(["rg", "rg-prefect_flows.(prod)", "a".repeat(90)])("accepts %j", (name) => expect(AzureResourceGroupName.check(name)).toEqual([]));
  it("rejects bad characters, a final period and bad lengths", () => {
    expect(problems(AzureResourceGroupName, "rg prefect")).toEqual(["may contain only letters, digits, '_', '-', '.', '(' and ')'"]);
    expect(problems(AzureResourceGroupName, "rg.")).toEqual(["must not end with a period"]);
    expect(problems(AzureResourceGroupName, "a".repeat(91))).toEqual(["is 91 characters long; Azure allows 1 to 90"]);
    expect(problems(AzureResourceGroupName, "")).toEqual(["is 0 characters long; Azure allows 1 to 90"]);
  });
});
