import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { DockerImageCodeStorage, ImageWorkPool, PrefectProject, WorkPoolType } from "prefect-code-storage";
import { ArtifactRegistryDockerRepository } from "prefect-code-storage-google";
import { exampleProject, ExampleStackOptions, GCP_PROJECT, GCP_REGION, googleProvider, NIGHTLY_ETL, prefectProvider } from "./shared";

/** The Cloud Run service agent of the project the flow runs execute in (a separate one): it pulls the image. */
const RUNS_SERVICE_AGENT = "serviceAccount:service-123456789012@serverless-robot-prod.iam.gserviceaccount.com";
/** The account the Cloud Run jobs run as (for the flows' own Google API calls; it does not pull). */
const FLOW_RUN_ACCOUNT = "prefect-flow-runs@acme-prefect-runs.iam.gserviceaccount.com";

/**
 * Flow code baked into an image in Artifact Registry, built and pushed by `prefect deploy` from a CI
 * outside Google Cloud: a new DOCKER repository (immutable tags, the last 30 versions kept), a push
 * service account with a key in a docker-registry-credentials block (user `_json_key`) that
 * push_docker_image logs in with, reader on the repository for the Cloud Run service agent of the
 * project the flows run in, and a `cloud-run` work pool, whose worker starts the Cloud Run jobs with its
 * own Google identity (a `cloud-run:push` pool would need a service-account key stored in Prefect Cloud
 * as its `credentials` job variable).
 */
export class DockerGarStack extends TerraformStack {
  readonly registry: ArtifactRegistryDockerRepository;
  readonly storage: DockerImageCodeStorage;
  readonly workPool: ImageWorkPool;
  readonly project: PrefectProject;

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    googleProvider(this);
    prefectProvider(this);

    this.registry = new ArtifactRegistryDockerRepository(this, "images", {
      project: GCP_PROJECT,
      location: GCP_REGION,
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
    this.workPool = new ImageWorkPool(this, "work-pool", { name: "cloud-run-pool", poolType: WorkPoolType.CLOUD_RUN, storage: this.storage });
    this.project = exampleProject(this, options, {
      name: "etl",
      storage: this.storage,
      deployments: [
        {
          ...NIGHTLY_ETL,
          workPool: { name: this.workPool.workPool.nameInput, jobVariables: { region: GCP_REGION, service_account_name: FLOW_RUN_ACCOUNT } },
        },
      ],
    });
  }
}
