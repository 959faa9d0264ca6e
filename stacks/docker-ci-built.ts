import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { FlowDeployment, ImageWorkPool, PrebuiltImageCodeStorage, PrefectProject, WorkPoolType } from "prefect-code-storage";
import { EcrPushIdentity, EcrRegistry } from "prefect-code-storage-aws";
import { AWS_REGION, awsProvider, exampleProject, ExampleStackOptions, HOURLY_REPORT, prefectProvider } from "./shared";

/** The release CI built, pushed and wrote here (e.g. a pull request from the release job). */
export const RELEASE_TAG = "2024.06.1";

/**
 * Prefect's default Docker job template (`prefect work-pool get-default-base-job-template --type
 * docker`), trimmed to the settings these flows use. Every `{{ placeholder }}` is declared below it.
 */
const DOCKER_TEMPLATE = {
  job_configuration: {
    command: "{{ command }}",
    env: "{{ env }}",
    labels: "{{ labels }}",
    name: "{{ name }}",
    image: "{{ image }}",
    image_pull_policy: "{{ image_pull_policy }}",
    auto_remove: "{{ auto_remove }}",
    stream_output: "{{ stream_output }}",
    mem_limit: "{{ mem_limit }}",
  },
  variables: {
    type: "object",
    properties: {
      command: { title: "Command", type: "string", description: "The command to start the flow run; Prefect's default if unset." },
      env: { title: "Environment Variables", type: "object", additionalProperties: { type: "string" } },
      labels: { title: "Labels", type: "object", additionalProperties: { type: "string" } },
      name: { title: "Name", type: "string", description: "Name given to created containers." },
      image: { title: "Image", type: "string", description: "The image reference of a container image to use for created jobs." },
      image_pull_policy: { title: "Image Pull Policy", enum: ["IfNotPresent", "Always", "Never"], type: "string", default: "IfNotPresent" },
      auto_remove: { title: "Auto Remove", type: "boolean", default: true },
      stream_output: { title: "Stream Output", type: "boolean", default: true },
      mem_limit: { title: "Memory Limit", type: "string", description: "e.g. 2g" },
    },
  },
};

/**
 * The guide's CI/CD variant: CI builds and pushes the image itself, so prefect.yaml has no build or
 * push step and the work pool references the image directly. The repository already exists (made
 * by the platform team, referenced by name); this stack grants the image-build role push and the
 * Docker worker hosts' instance role pull on it, creates a Docker work pool whose default image is
 * the release, and registers the deployment with Terraform (no `prefect deploy` at all).
 */
export class DockerCiBuiltStack extends TerraformStack {
  readonly registry: EcrRegistry;
  readonly storage: PrebuiltImageCodeStorage;
  readonly workPool: ImageWorkPool;
  readonly project: PrefectProject;
  readonly deployment: FlowDeployment;

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    awsProvider(this);
    prefectProvider(this);

    this.registry = new EcrRegistry(this, "images", {
      accountId: "123456789012",
      region: AWS_REGION,
      existingRepositoryName: "acme/prefect-reports",
      pushIdentity: EcrPushIdentity.role("github-actions-image-build"),
      pullRoleNames: ["prefect-docker-worker-host"],
    });
    this.storage = new PrebuiltImageCodeStorage(this, "flow-code", {
      image: `${this.registry.imageName}:${RELEASE_TAG}`,
      codeDirectory: "/opt/prefect/reports",
    });
    this.workPool = new ImageWorkPool(this, "work-pool", {
      name: "reports-docker",
      poolType: WorkPoolType.DOCKER,
      storage: this.storage,
      baseJobTemplate: DOCKER_TEMPLATE,
      concurrencyLimit: 4,
    });
    this.project = exampleProject(this, options, { name: "reports", storage: this.storage });
    this.deployment = new FlowDeployment(this, "hourly", {
      ...HOURLY_REPORT,
      project: this.project,
      workPool: this.workPool.workPool,
      manageWithTerraform: true,
    });
  }
}
