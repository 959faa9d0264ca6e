/**
 * The Docker-option validation rules (ECR, Artifact Registry, ACR, image references, tags, work pool
 * types) as pure functions: what each accepts, what it refuses with which problem, and the fixes.
 * Expected values are written from the registries' documented rules, not produced by the code.
 */
import * as fs from "fs";
import * as path from "path";
import { ImageRegistryKind } from "../packages/core/src/core/image-registry-kind";
import { WorkPoolType } from "../packages/core/src/core/work-pool-type";
import { Rule } from "../packages/core/src/validation/rule";
import { AcrName } from "../packages/core/src/validation/rules/acr-name";
import { AcrRegistryId, parseAcrRegistryId } from "../packages/core/src/validation/rules/acr-registry-id";
import { AcrTokenExpiry, acrTokenExpiryTime } from "../packages/core/src/validation/rules/acr-token-expiry";
import { ArtifactRegistryLocation } from "../packages/core/src/validation/rules/artifact-registry-location";
import { ArtifactRegistryRepositoryId } from "../packages/core/src/validation/rules/artifact-registry-repository-id";
import { DockerImageReference, parseImageReference, registryKindOfHost } from "../packages/core/src/validation/rules/docker-image-reference";
import { DockerPlatform } from "../packages/core/src/validation/rules/docker-platform";
import { DockerRepositoryPath } from "../packages/core/src/validation/rules/docker-repository-path";
import { DockerTag } from "../packages/core/src/validation/rules/docker-tag";
import { DockerWorkPoolRegistry } from "../packages/core/src/validation/rules/docker-work-pool-registry";
import { EcrAccountId } from "../packages/core/src/validation/rules/ecr-account-id";
import { EcrKmsKeyArn } from "../packages/core/src/validation/rules/ecr-kms-key-arn";
import { EcrRegion } from "../packages/core/src/validation/rules/ecr-region";
import { EcrRepositoryName } from "../packages/core/src/validation/rules/ecr-repository-name";

const check = (rule: Rule, value: string) => rule.check(value).map((f) => (f.fix === undefined ? { problem: f.problem } : { ...f }));
const problems = (rule: Rule, value: string) => rule.check(value).map((f) => f.problem);

const RULES: Record<string, Rule<any>> = {
  AcrName,
  AcrRegistryId,
  AcrTokenExpiry,
  ArtifactRegistryLocation,
  ArtifactRegistryRepositoryId,
  DockerImageReference,
  DockerPlatform,
  DockerRepositoryPath,
  DockerTag,
  DockerWorkPoolRegistry,
  EcrAccountId,
  EcrKmsKeyArn,
  EcrRegion,
  EcrRepositoryName,
};

describe("every Docker-option rule", () => {
  it.each(Object.entries(RULES))("%s has its export name as ID and an explanation", (name, rule) => {
    expect(rule.id).toBe(name);
    expect(rule.explanation.length).toBeGreaterThan(20);
  });

  it("is listed here: one rule per docker-/ecr-/acr-/artifact-registry- file (for the index)", () => {
    const dir = path.join(__dirname, "..", "packages", "core", "src", "validation", "rules");
    const ours = fs
      .readdirSync(dir)
      .filter((f) => /^(docker|ecr|acr|artifact-registry)-.*\.ts$/.test(f))
      .flatMap((f) => Object.entries(require(path.join(dir, f))).filter(([, v]: [string, any]) => typeof v?.check === "function" && typeof v?.id === "string"))
      .map(([name]) => name);
    expect(ours.sort()).toEqual(Object.keys(RULES).sort());
  });
});

describe("EcrRepositoryName", () => {
  it.each(["ab", "etl", "acme/prefect-etl", "team.a/flows_v2/etl-1", "a".repeat(256), "a1/b2/c3"])("accepts %j", (name) => {
    expect(EcrRepositoryName.check(name)).toEqual([]);
  });

  it("length: 2 to 256", () => {
    expect(problems(EcrRepositoryName, "a")).toEqual(["is 1 characters long; ECR allows 2 to 256"]);
    expect(problems(EcrRepositoryName, "a".repeat(257))).toEqual(["is 257 characters long; ECR allows 2 to 256"]);
  });

  it.each([
    ["Acme/ETL", 'use "acme/etl"'],
    ["acme//etl", 'use "acme/etl"'],
    ["acme/-etl", 'use "acme/etl"'],
    ["acme--etl", 'use "acme-etl"'],
    ["/acme/etl/", 'use "acme/etl"'],
    ["acme etl", 'use "acme-etl"'],
  ])("refuses %j and suggests a fix", (name, fix) => {
    expect(check(EcrRepositoryName, name)).toEqual([
      { problem: "must be lowercase path components of letters and digits joined by single '.', '_' or '-', separated by '/'", fix },
    ]);
  });

  it("gives no fix when nothing usable is left", () => {
    expect(check(EcrRepositoryName, "--")).toEqual([
      { problem: "must be lowercase path components of letters and digits joined by single '.', '_' or '-', separated by '/'" },
    ]);
  });
});

describe("EcrAccountId", () => {
  it.each(["123456789012", "012345678901"])("accepts %j", (id) => expect(EcrAccountId.check(id)).toEqual([]));
  it.each([
    ["1234-5678-9012", 'use "123456789012"'],
    [" 123456789012", 'use "123456789012"'],
  ])("refuses the formatted %j with the digits as fix", (id, fix) => {
    expect(check(EcrAccountId, id)).toEqual([{ problem: "must be exactly 12 digits", fix }]);
  });
  it.each(["12345678901", "1234567890123", "acme", "12345678901a"])("refuses %j without a fix", (id) => {
    expect(check(EcrAccountId, id)).toEqual([{ problem: "must be exactly 12 digits" }]);
  });
});

describe("EcrRegion", () => {
  it.each(["eu-central-1", "us-east-1", "ap-southeast-2", "us-gov-west-1", "il-central-1"])("accepts %j", (r) => expect(EcrRegion.check(r)).toEqual([]));
  it("refuses a display name or wrong case, suggesting the code form where it can", () => {
    expect(check(EcrRegion, "EU_CENTRAL_1")).toEqual([{ problem: "is not an AWS Region code such as eu-central-1", fix: 'use "eu-central-1"' }]);
    expect(check(EcrRegion, "Frankfurt")).toEqual([{ problem: "is not an AWS Region code such as eu-central-1" }]);
    expect(check(EcrRegion, "eu-central")).toEqual([{ problem: "is not an AWS Region code such as eu-central-1" }]);
  });
  it("refuses the China partition", () => {
    expect(problems(EcrRegion, "cn-north-1")).toEqual(["is in the China partition, whose hosts and ARNs this construct does not build"]);
  });
});

describe("EcrKmsKeyArn", () => {
  it.each(["arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/mrk-1234"])(
    "accepts %j",
    (arn) => expect(EcrKmsKeyArn.check(arn)).toEqual([]),
  );
  it.each(["alias/ecr", "arn:aws:kms:eu-central-1:123456789012:alias/ecr", "1234abcd-12ab-34cd-56ef-1234567890ab"])("refuses %j", (arn) => {
    expect(check(EcrKmsKeyArn, arn)).toEqual([
      {
        problem: "is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>); aliases and bare key IDs are not accepted",
        fix: "copy it from `aws kms describe-key --key-id <alias or id> --query KeyMetadata.Arn`",
      },
    ]);
  });
});

describe("ArtifactRegistryRepositoryId", () => {
  it.each(["a", "prefect-flows", "flows1", "a".repeat(63)])("accepts %j", (id) => expect(ArtifactRegistryRepositoryId.check(id)).toEqual([]));
  it("length: 1 to 63", () => {
    expect(problems(ArtifactRegistryRepositoryId, "")).toContain("is 0 characters long; Artifact Registry allows 1 to 63");
    expect(problems(ArtifactRegistryRepositoryId, "a".repeat(64))).toEqual(["is 64 characters long; Artifact Registry allows 1 to 63"]);
  });
  it.each([
    ["Prefect_Flows", 'use "prefect-flows"'],
    ["1flows", 'use "flows"'],
    ["flows-", 'use "flows"'],
    ["prefect.flows", 'use "prefect-flows"'],
  ])("refuses %j with a fix", (id, fix) => {
    expect(check(ArtifactRegistryRepositoryId, id)).toEqual([
      { problem: "must be lowercase letters, digits and hyphens, begin with a letter and end with a letter or digit", fix },
    ]);
  });
});

describe("ArtifactRegistryLocation", () => {
  it.each(["us", "europe", "asia", "europe-west1", "us-central1", "northamerica-northeast2"])("accepts %j", (l) => expect(ArtifactRegistryLocation.check(l)).toEqual([]));
  it.each([
    ["EU", 'use "europe"'],
    ["Europe-West1", 'use "europe-west1"'],
    ["US", 'use "us"'],
  ])("refuses Cloud Storage style %j with the Artifact Registry name", (l, fix) => {
    expect(check(ArtifactRegistryLocation, l)).toEqual([{ problem: "must be a region such as europe-west1 or one of the multi-regions us, europe, asia", fix }]);
  });
  it("refuses a zone without a fix", () => {
    expect(check(ArtifactRegistryLocation, "europe-west1-b")).toEqual([{ problem: "must be a region such as europe-west1 or one of the multi-regions us, europe, asia" }]);
  });
});

describe("AcrName", () => {
  it.each(["acmeflows", "Acme1", "a".repeat(50)])("accepts %j", (n) => expect(AcrName.check(n)).toEqual([]));
  it("length: 5 to 50", () => {
    expect(problems(AcrName, "acme")).toEqual(["is 4 characters long; Azure allows 5 to 50"]);
    expect(problems(AcrName, "a".repeat(51))).toEqual(["is 51 characters long; Azure allows 5 to 50"]);
  });
  it("letters and digits only, with the cleaned name as fix", () => {
    expect(check(AcrName, "acme-prefect-flows")).toEqual([
      { problem: "may contain only letters and digits (no hyphens, dots or underscores)", fix: 'use "acmeprefectflows"' },
    ]);
    expect(check(AcrName, "a-b-c")).toEqual([{ problem: "may contain only letters and digits (no hyphens, dots or underscores)" }]);
  });
});

describe("AcrRegistryId", () => {
  const id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-images/providers/Microsoft.ContainerRegistry/registries/acmeflows";
  it("accepts a full ID and reads group and name from it", () => {
    expect(AcrRegistryId.check(id)).toEqual([]);
    expect(parseAcrRegistryId(id)).toEqual({ resourceGroupName: "rg-images", registryName: "acmeflows" });
  });
  it.each(["acmeflows", "acmeflows.azurecr.io", id.replace("Microsoft.ContainerRegistry/registries", "Microsoft.Storage/storageAccounts")])("refuses %j", (value) => {
    expect(check(AcrRegistryId, value)).toEqual([
      {
        problem:
          "is not a container registry resource ID (/subscriptions/<subscription id>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>)",
        fix: "copy it from `az acr show -n <name> --query id -o tsv`",
      },
    ]);
    expect(parseAcrRegistryId(value)).toBeUndefined();
  });
});

describe("AcrTokenExpiry", () => {
  it.each(["2030-06-30T00:00:00Z", "2030-06-30T12:34:56.789Z"])("accepts %j", (e) => expect(AcrTokenExpiry.check(e)).toEqual([]));
  it("a date alone gets midnight UTC as fix", () => {
    expect(check(AcrTokenExpiry, "2030-06-30")).toEqual([{ problem: "is not an RFC 3339 UTC date-time (YYYY-MM-DDThh:mm:ssZ)", fix: 'use "2030-06-30T00:00:00Z"' }]);
  });
  it("offsets and free text are refused", () => {
    expect(check(AcrTokenExpiry, "2030-06-30T00:00:00+02:00")).toEqual([
      { problem: "is not an RFC 3339 UTC date-time (YYYY-MM-DDThh:mm:ssZ)", fix: 'use e.g. "2026-06-30T00:00:00Z"' },
    ]);
    expect(problems(AcrTokenExpiry, "next year")).toEqual(["is not an RFC 3339 UTC date-time (YYYY-MM-DDThh:mm:ssZ)"]);
  });
  it("impossible dates are refused and have no time", () => {
    expect(problems(AcrTokenExpiry, "2030-02-30T00:00:00Z")).toEqual(["is not a real calendar date or time"]);
    expect(acrTokenExpiryTime("2030-02-30T00:00:00Z")).toBeUndefined();
    expect(acrTokenExpiryTime("2030-06-30T00:00:00Z")).toBe(Date.UTC(2030, 5, 30));
  });
});

describe("DockerRepositoryPath", () => {
  it.each(["etl", "prefect/etl", "a__b", "a.b-c_d", "a---b", "team/flows/etl"])("accepts %j", (p) => expect(DockerRepositoryPath.check(p)).toEqual([]));
  it.each([
    ["Prefect/ETL", 'use "prefect/etl"'],
    ["/etl", 'use "etl"'],
    ["prefect//etl", 'use "prefect/etl"'],
    ["etl:latest", 'use "etl-latest"'],
  ])("refuses %j with a fix", (p, fix) => {
    expect(check(DockerRepositoryPath, p)).toEqual([{ problem: "must be lowercase components of letters and digits joined by '.', '_' or '-', separated by '/'", fix }]);
  });
  it("length", () => {
    expect(problems(DockerRepositoryPath, "")).toEqual(["is 0 characters long; image paths are 1 to 255"]);
    expect(problems(DockerRepositoryPath, "a".repeat(256))).toEqual(["is 256 characters long; image paths are 1 to 255"]);
  });
});

describe("DockerTag", () => {
  it.each(["latest", "v1.2.3", "2024-06-01T10-00-00", "_x", "A".repeat(128), "3f9c2e1"])("accepts %j", (t) => expect(DockerTag.check(t)).toEqual([]));
  it.each([
    ["feature/login", 'use "feature-login"'],
    [".hidden", 'use "hidden"'],
    ["-rc", 'use "rc"'],
    ["v1:2", 'use "v1-2"'],
  ])("refuses %j with a fix", (t, fix) => {
    expect(check(DockerTag, t)).toEqual([{ problem: "must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}", fix }]);
  });
  it("refuses 129 characters and the empty tag", () => {
    expect(problems(DockerTag, "a".repeat(129))).toEqual(["must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"]);
    expect(check(DockerTag, "")).toEqual([{ problem: "must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}" }]);
  });
});

describe("DockerPlatform", () => {
  it.each(["linux/amd64", "linux/arm64/v8", "amd64", "windows/amd64"])("accepts %j", (p) => expect(DockerPlatform.check(p)).toEqual([]));
  it("refuses other shapes, lowercasing where that helps", () => {
    expect(check(DockerPlatform, "Linux/AMD64")).toEqual([{ problem: "must be os/arch[/variant] such as linux/amd64", fix: 'use "linux/amd64"' }]);
    expect(check(DockerPlatform, "linux amd64")).toEqual([{ problem: "must be os/arch[/variant] such as linux/amd64" }]);
    expect(check(DockerPlatform, "linux/arm64/v8/x")).toEqual([{ problem: "must be os/arch[/variant] such as linux/amd64" }]);
  });
});

describe("DockerImageReference and parseImageReference", () => {
  it.each([
    ["123456789012.dkr.ecr.eu-central-1.amazonaws.com/acme/etl:1.4.2", { host: "123456789012.dkr.ecr.eu-central-1.amazonaws.com", path: "acme/etl", tag: "1.4.2" }],
    ["europe-west1-docker.pkg.dev/acme/flows/etl:3f9c2e1", { host: "europe-west1-docker.pkg.dev", path: "acme/flows/etl", tag: "3f9c2e1" }],
    ["localhost:5000/etl:dev", { host: "localhost:5000", path: "etl", tag: "dev" }],
    ["prefecthq/prefect:3-latest", { path: "prefecthq/prefect", tag: "3-latest" }],
    [`acme.azurecr.io/prefect/etl@sha256:${"a".repeat(64)}`, { host: "acme.azurecr.io", path: "prefect/etl", digest: `sha256:${"a".repeat(64)}` }],
    [`ghcr.io/acme/etl:1.0@sha256:${"b".repeat(64)}`, { host: "ghcr.io", path: "acme/etl", tag: "1.0", digest: `sha256:${"b".repeat(64)}` }],
  ])("accepts and splits %j", (reference, parts) => {
    expect(DockerImageReference.check(reference)).toEqual([]);
    expect(parseImageReference(reference)).toEqual({ host: undefined, tag: undefined, digest: undefined, ...parts });
  });

  it("needs a tag or digest", () => {
    expect(check(DockerImageReference, "acme.azurecr.io/prefect/etl")).toEqual([
      { problem: "names no tag or digest, so it means 'latest', which changes under running deployments", fix: "add the tag or digest CI pushed, e.g. <image>:<git sha>" },
    ]);
  });

  it("refuses uppercase paths (suggesting the lowercase name, tag kept), bad tags, short digests and templates", () => {
    const notReference = "is not an image reference ([host[:port]/]path[:tag][@digest], path components lowercase)";
    expect(check(DockerImageReference, "acme.azurecr.io/Prefect/ETL:V1")).toEqual([{ problem: notReference, fix: 'use "acme.azurecr.io/prefect/etl:V1"' }]);
    expect(check(DockerImageReference, "acme.azurecr.io/etl:feature/x")).toEqual([{ problem: notReference }]);
    expect(check(DockerImageReference, "acme.azurecr.io/etl@sha256:abc")).toEqual([{ problem: notReference }]);
    expect(check(DockerImageReference, "acme.azurecr.io/etl:{{ $TAG }}")).toEqual([{ problem: notReference }]);
    expect(check(DockerImageReference, "https://acme.azurecr.io/etl:1")).toEqual([{ problem: notReference }]);
    expect(parseImageReference(`acme.azurecr.io/${"a".repeat(250)}:1`)).toBeUndefined();
  });

  it("registryKindOfHost knows the three registries' hosts and nothing else", () => {
    expect(registryKindOfHost("123456789012.dkr.ecr.eu-central-1.amazonaws.com")).toBe("ecr");
    expect(registryKindOfHost("123456789012.dkr.ecr-fips.us-east-1.amazonaws.com")).toBe("ecr");
    expect(registryKindOfHost("europe-west1-docker.pkg.dev")).toBe("artifact-registry");
    expect(registryKindOfHost("eu.gcr.io")).toBe("artifact-registry");
    expect(registryKindOfHost("AcmeFlows.azurecr.io")).toBe("acr");
    for (const host of [undefined, "ghcr.io", "docker.io", "public.ecr.aws", "registry.example.com", "12345.dkr.ecr.eu-central-1.amazonaws.com"]) {
      expect(registryKindOfHost(host)).toBeUndefined();
    }
  });
});

describe("DockerWorkPoolRegistry", () => {
  const ok: Array<[string, any]> = [
    ["ecs:push", "ecr"],
    ["cloud-run:push", "artifact-registry"],
    ["azure-container-instance:push", "acr"],
    ["cloud-run", "artifact-registry"],
    ["ecs", "acr"], // ECS tasks can pull from other registries with repository credentials
    ["docker", "ecr"],
    ["kubernetes", "artifact-registry"],
    ["azure-container-instance", "ecr"],
    ["ecs:push", undefined], // a registry this library does not know: not judged
  ];
  it.each(ok)("accepts %s with %s", (type, registry) => expect(DockerWorkPoolRegistry.check({ type, registry })).toEqual([]));

  it.each([
    ["ecs:push", "artifact-registry", "Artifact Registry", "Amazon ECR", "cloud-run, cloud-run:push, docker or kubernetes"],
    ["ecs:push", "acr", "Azure Container Registry", "Amazon ECR", "azure-container-instance, azure-container-instance:push, docker or kubernetes"],
    ["cloud-run:push", "ecr", "Amazon ECR", "Artifact Registry", "ecs, ecs:push, docker or kubernetes"],
    ["cloud-run:push", "acr", "Azure Container Registry", "Artifact Registry", "azure-container-instance, azure-container-instance:push, docker or kubernetes"],
    ["cloud-run", "ecr", "Amazon ECR", "Artifact Registry", "ecs, ecs:push, docker or kubernetes"],
    ["azure-container-instance:push", "ecr", "Amazon ECR", "Azure Container Registry", "ecs, ecs:push, docker or kubernetes"],
    ["azure-container-instance:push", "artifact-registry", "Artifact Registry", "Azure Container Registry", "cloud-run, cloud-run:push, docker or kubernetes"],
  ])("refuses %s with %s", (type, registry, registryName, required, pools) => {
    expect(DockerWorkPoolRegistry.check({ type, registry: registry as any })).toEqual([
      {
        problem: `cannot pull from ${registryName}: a ${type} pool runs flows in ${required}'s cloud and pulls from ${required}`,
        fix: `push the image to ${required}, or use a pool type of the registry's cloud (${pools})`,
      },
    ]);
  });

  it("refuses a process pool, which runs no image", () => {
    expect(DockerWorkPoolRegistry.check({ type: WorkPoolType.PROCESS, registry: ImageRegistryKind.ECR })).toEqual([
      { problem: "runs flows in a local process, never in a container, so the image would not be used", fix: 'use a container type such as "docker", "kubernetes" or "ecs"' },
    ]);
  });
});
