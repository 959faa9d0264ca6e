import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ImageWorkPool } from "../src/deployments/work-pools";
import { PrefectProvider } from "../src/prefect/provider/provider";
import { PrefectProject } from "../src/project/prefect-project";
import { ArtifactRegistryDockerRepository } from "../src/storage/docker/artifact-registry";
import { DockerImageCodeStorage } from "../src/storage/docker/docker-image-code-storage";
import { ExampleStackOptions } from "./s3-users";

const PROJECT = "acme-prefect";
/** The Cloud Run service agent of the project the flow runs execute in (a separate one): it pulls the image. */
const RUNS_SERVICE_AGENT = "serviceAccount:service-123456789012@serverless-robot-prod.iam.gserviceaccount.com";
/** The account the Cloud Run jobs run as (for the flows' own Google API calls; it does not pull). */
const FLOW_RUN_ACCOUNT = "prefect-flow-runs@acme-prefect-runs.iam.gserviceaccount.com";

/**
 * Flow code baked into an image in Artifact Registry, built and pushed by `prefect deploy` from a CI
 * outside Google Cloud: a new DOCKER repository (immutable tags, the last 30 versions kept), a push
 * service account with a key in a docker-registry-credentials block (user `_json_key`) that
 * push_docker_image logs in with, reader on the repository for the Cloud Run service agent of the
 * project the flows run in, and a `cloud-run:push` work pool.
 */
export class DockerGarStack extends TerraformStack {
  readonly registry: ArtifactRegistryDockerRepository;
  readonly storage: DockerImageCodeStorage;
  readonly workPool: ImageWorkPool;
  readonly project: PrefectProject;

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    // Google credentials come from the environment (application default credentials) at plan time.
    new GoogleProvider(this, "google", { project: PROJECT, region: "europe-west1" });
    // Endpoint and key come from PREFECT_API_URL / PREFECT_API_KEY at plan time: nothing secret in code.
    new PrefectProvider(this, "prefect");

    this.registry = new ArtifactRegistryDockerRepository(this, "images", {
      project: PROJECT,
      location: "europe-west1",
      repositoryId: "prefect-flows",
      image: "etl",
      keepLastVersions: 30,
      pullMembers: [RUNS_SERVICE_AGENT],
    });
    this.storage = new DockerImageCodeStorage(this, "flow-code", {
      registry: this.registry,
      codeDirectory: "/opt/prefect/etl",
      platform: "linux/amd64",
    });
    this.workPool = new ImageWorkPool(this, "work-pool", { name: "cloud-run-push", type: "cloud-run:push", storage: this.storage });
    this.project = new PrefectProject(this, "project", {
      name: "etl",
      storage: this.storage,
      outputDirectory: options.flowProjectDir,
      deployments: [
        {
          name: "nightly",
          entrypoint: "flows/etl.py:etl",
          tags: ["etl"],
          parameters: { full_refresh: false },
          workPool: { name: this.workPool.workPool.nameInput, jobVariables: { region: "europe-west1", service_account_name: FLOW_RUN_ACCOUNT } },
          schedules: [{ cron: "0 2 * * *", timezone: "Europe/Berlin" }],
        },
      ],
    });
  }
}
