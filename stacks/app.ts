import * as path from "path";
import { App, S3Backend, TerraformStack } from "cdktf";
import { AzureKeylessStack } from "./azure-keyless";
import { AzureKeysStack } from "./azure-keys";
import { GcsKeylessStack } from "./gcs-keyless";
import { GcsKeysStack } from "./gcs-keys";
import { DockerAcrStack } from "./docker-acr";
import { DockerCiBuiltStack } from "./docker-ci-built";
import { DockerEcrStack } from "./docker-ecr";
import { DockerGarStack } from "./docker-gar";
import { BitbucketStack, GitHubPrivateStack, GitHubPublicStack, GitLabStack } from "./git-stacks";
import { LocalStack } from "./local";
import { S3DeploymentsStack } from "./s3-deployments";
import { S3KeylessStack } from "./s3-keyless";
import { S3UsersStack } from "./s3-users";

/** Every example stack, by name (the directory under cdktf.out/stacks/). */
export const EXAMPLE_STACKS = {
  "s3-users": S3UsersStack,
  "s3-keyless": S3KeylessStack,
  "s3-deployments": S3DeploymentsStack,
  "gcs-keys": GcsKeysStack,
  "gcs-keyless": GcsKeylessStack,
  "azure-keys": AzureKeysStack,
  "azure-keyless": AzureKeylessStack,
  "github-public": GitHubPublicStack,
  "github-private": GitHubPrivateStack,
  "gitlab": GitLabStack,
  "bitbucket": BitbucketStack,
  "local": LocalStack,
  "docker-ecr": DockerEcrStack,
  "docker-gar": DockerGarStack,
  "docker-acr": DockerAcrStack,
  "docker-ci-built": DockerCiBuiltStack,
} as const;

export type ExampleStackName = keyof typeof EXAMPLE_STACKS;

export interface BuildAppOptions {
  /** @default "cdktf.out" */
  readonly outdir?: string;
  /** Only these stacks. @default all */
  readonly stacks?: ExampleStackName[];
  /**
   * Also write each stack's prefect.yaml and .prefectignore to `<flowProjectDir>/<stack>/`.
   * @default only cdktf.out/stacks/<stack>/
   */
  readonly flowProjectDir?: string;
  /**
   * Keep each stack's state in this S3 bucket (key `prefect-code-storage/<stack>.tfstate`, encrypted,
   * S3-native locking), as CI needs: plans and applies on fresh runners must see the same state.
   * @default local state files (fine on one machine only)
   */
  readonly stateBucket?: string;
  /** Region of the state bucket. @default "eu-central-1" */
  readonly stateRegion?: string;
}

/** The app with every example stack; `npm run synth` synthesizes it, tests build it in a temp dir. */
export function buildApp(options: BuildAppOptions = {}): App {
  const app = new App({ outdir: options.outdir ?? "cdktf.out" });
  const names = options.stacks ?? (Object.keys(EXAMPLE_STACKS) as ExampleStackName[]);
  for (const name of names) {
    const flowProjectDir = options.flowProjectDir ? path.join(options.flowProjectDir, name) : undefined;
    const stack: TerraformStack = new EXAMPLE_STACKS[name](app, name, { flowProjectDir });
    if (options.stateBucket) {
      const backend = new S3Backend(stack, {
        bucket: options.stateBucket,
        key: `prefect-code-storage/${name}.tfstate`,
        region: options.stateRegion ?? "eu-central-1",
        encrypt: true,
      });
      // Terraform >= 1.10 locks with a lock file in the bucket; cdktf 0.21's S3Backend has no prop for it.
      backend.addOverride("use_lockfile", true);
    }
  }
  return app;
}
