import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PrefectProject } from "prefect-code-storage";
import { GcsCodeStorage, GcsIdentity } from "prefect-code-storage-google";
import { exampleProject, ExampleStackOptions, GCP_PROJECT, googleProvider, HOURLY_REPORT } from "./shared";

/** The account CI impersonates through workload identity federation (e.g. google-github-actions/auth). */
const CI_ACCOUNT = `github-actions-deploy@${GCP_PROJECT}.iam.gserviceaccount.com`;
/** The account the Cloud Run jobs of the work pool run as: the flow-run container pulls the code. */
const FLOW_RUN_ACCOUNT = `prefect-flow-runs@${GCP_PROJECT}.iam.gserviceaccount.com`;

/**
 * GCS without keys: flow runs pull through the service account their Cloud Run jobs run as, and CI
 * pushes through the service account it impersonates (workload identity federation). No key and
 * no Prefect block exist; the steps run without `credentials`, so prefect-gcp uses the application
 * default credentials. The folder gets a suffix from `PREFECT_ENV` at deploy time (one folder per
 * environment); grants cover all of them.
 */
export class GcsKeylessStack extends TerraformStack {
  readonly storage: GcsCodeStorage;
  readonly project: PrefectProject;

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    googleProvider(this);

    this.storage = new GcsCodeStorage(this, "flow-code", {
      project: GCP_PROJECT,
      bucketName: "acme-prefect-flow-code-gcs-keyless",
      location: "europe-west1",
      folder: "reports",
      folderFromEnv: "PREFECT_ENV",
      pushIdentity: GcsIdentity.existing(CI_ACCOUNT),
      pullIdentity: GcsIdentity.existing(FLOW_RUN_ACCOUNT),
    });
    this.project = exampleProject(this, options, {
      name: "reports",
      storage: this.storage,
      deployments: [{ ...HOURLY_REPORT, workPool: { name: "cloud-run-pool", jobVariables: { service_account_name: FLOW_RUN_ACCOUNT } } }],
    });
  }
}
