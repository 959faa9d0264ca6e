// What the example stacks have in common: their options, the providers as every example configures
// them, the PrefectProject each one writes, and the deployments several examples share. Each stack
// file still spells out its own storage, identities and work pools.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AzurermProvider, AzurermProviderConfig } from "@cdktf/provider-azurerm/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { Construct } from "constructs";
import { DeploymentSpec, PrefectProject, PrefectProjectProps, PrefectProvider, Schedule } from "prefect-code-storage";

export interface ExampleStackOptions {
  /** Also write prefect.yaml and .prefectignore here (your flow project's root). */
  readonly flowProjectDir?: string;
}

/** The AWS region of the AWS examples. */
export const AWS_REGION = "eu-central-1";
/** The Google Cloud project and region of the Google examples. */
export const GCP_PROJECT = "acme-prefect";
export const GCP_REGION = "europe-west1";

/** AWS in {@link AWS_REGION}; credentials come from the environment (profile, role, ...) at plan time. */
export function awsProvider(scope: Construct): AwsProvider {
  return new AwsProvider(scope, "aws", { region: AWS_REGION });
}

/** Google in {@link GCP_PROJECT}; credentials come from the environment (application default credentials) at plan time. */
export function googleProvider(scope: Construct): GoogleProvider {
  return new GoogleProvider(scope, "google", { project: GCP_PROJECT, region: GCP_REGION });
}

/** Azure with the default features; credentials come from the environment (Azure CLI, OIDC, ...) at plan time. */
export function azurermProvider(scope: Construct, config: Omit<AzurermProviderConfig, "features"> = {}): AzurermProvider {
  return new AzurermProvider(scope, "azurerm", { features: [{}], ...config });
}

/** Prefect; endpoint and key come from PREFECT_API_URL / PREFECT_API_KEY at plan time: nothing secret in code. */
export function prefectProvider(scope: Construct): PrefectProvider {
  return new PrefectProvider(scope, "prefect");
}

/** The example's PrefectProject (id `project`), also written to `options.flowProjectDir` when given. */
export function exampleProject(
  scope: Construct,
  options: ExampleStackOptions,
  props: Omit<PrefectProjectProps, "outputDirectory">,
): PrefectProject {
  return new PrefectProject(scope, "project", { ...props, outputDirectory: options.flowProjectDir });
}

/** The ETL flow, incremental, every night at 02:00 Berlin time; each stack adds its work pool. */
export const NIGHTLY_ETL: Omit<DeploymentSpec, "workPool"> = {
  name: "nightly",
  entrypoint: "flows/etl.py:etl",
  tags: ["etl"],
  parameters: { full_refresh: false },
  schedules: [Schedule.cron("0 2 * * *", { timezone: "Europe/Berlin" })],
};

/** The report flow, every hour; each stack adds its work pool. */
export const HOURLY_REPORT: Omit<DeploymentSpec, "workPool"> = {
  name: "hourly-report",
  entrypoint: "flows/report.py:build_report",
  schedules: [Schedule.interval(3600)],
};
