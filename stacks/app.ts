import * as path from "path";
import { App } from "cdktf";
import { AzureKeylessStack } from "./azure-keyless";
import { AzureKeysStack } from "./azure-keys";
import { GcsKeylessStack } from "./gcs-keyless";
import { GcsKeysStack } from "./gcs-keys";
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
}

/** The app with every example stack; `npm run synth` synthesizes it, tests build it in a temp dir. */
export function buildApp(options: BuildAppOptions = {}): App {
  const app = new App({ outdir: options.outdir ?? "cdktf.out" });
  const names = options.stacks ?? (Object.keys(EXAMPLE_STACKS) as ExampleStackName[]);
  for (const name of names) {
    const flowProjectDir = options.flowProjectDir ? path.join(options.flowProjectDir, name) : undefined;
    new EXAMPLE_STACKS[name](app, name, { flowProjectDir });
  }
  return app;
}
