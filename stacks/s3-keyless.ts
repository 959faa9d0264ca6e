import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PrefectProject } from "prefect-code-storage";
import { S3CodeStorage, S3Identity } from "prefect-code-storage-aws";
import { awsProvider, exampleProject, ExampleStackOptions, HOURLY_REPORT } from "./shared";

/**
 * S3 without keys: workers pull through their own IAM role (e.g. an ECS task role) and CI pushes
 * through the role it assumes (e.g. via GitHub OIDC). No access key and no Prefect block exist;
 * the steps run without `credentials`, so boto3 uses the ambient role. The folder gets a suffix
 * from `PREFECT_ENV` at deploy time (one folder per environment), grants cover all of them.
 */
export class S3KeylessStack extends TerraformStack {
  readonly storage: S3CodeStorage;
  readonly project: PrefectProject;

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    awsProvider(this);

    this.storage = new S3CodeStorage(this, "flow-code", {
      bucketName: "acme-prefect-flow-code-keyless",
      folder: "reports",
      folderFromEnv: "PREFECT_ENV",
      pushIdentity: S3Identity.role("github-actions-prefect-deploy"),
      pullIdentity: S3Identity.role("prefect-ecs-task"),
    });
    this.project = exampleProject(this, options, {
      name: "reports",
      storage: this.storage,
      deployments: [{ ...HOURLY_REPORT, workPool: { name: "ecs-pool", jobVariables: { cpu: 512, memory: 1024 } } }],
    });
  }
}
