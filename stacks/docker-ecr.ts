import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { DockerImageCodeStorage, ImageWorkPool, PrefectProject, WorkPoolType } from "prefect-code-storage";
import { EcrPushIdentity, EcrRegistry } from "prefect-code-storage-aws";
import { AWS_REGION, awsProvider, exampleProject, ExampleStackOptions, NIGHTLY_ETL, prefectProvider } from "./shared";

const ACCOUNT = "123456789012";
/** The ECS task execution role of the push pool's tasks: it pulls the image before each run. */
const EXECUTION_ROLE = "prefect-ecs-task-execution";

/**
 * Flow code baked into an image in Amazon ECR, built and pushed by `prefect deploy` in CI: a new
 * repository (immutable tags, scan on push, AES256, the last 30 images kept), push rights for the
 * role CI assumes through OIDC (no key, no credentials block: CI runs `aws ecr get-login-password |
 * docker login` first, since ECR passwords expire after 12 hours), pull rights for the ECS task
 * execution role, and an `ecs:push` work pool whose flow runs start from the image.
 */
export class DockerEcrStack extends TerraformStack {
  readonly registry: EcrRegistry;
  readonly storage: DockerImageCodeStorage;
  readonly workPool: ImageWorkPool;
  readonly project: PrefectProject;

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    awsProvider(this);
    prefectProvider(this);

    this.registry = new EcrRegistry(this, "images", {
      accountId: ACCOUNT,
      region: AWS_REGION,
      repositoryName: "acme/prefect-etl",
      keepLastImages: 30,
      pushIdentity: EcrPushIdentity.role("github-actions-prefect-deploy"),
      pullRoleNames: [EXECUTION_ROLE],
    });
    this.storage = new DockerImageCodeStorage(this, "flow-code", {
      registry: this.registry,
      codeDirectory: "/opt/prefect/etl",
      // Fargate runs amd64 by default; CI on arm64 runners would otherwise build an image it cannot start.
      platform: "linux/amd64",
    });
    this.workPool = new ImageWorkPool(this, "work-pool", { name: "ecs-push", poolType: WorkPoolType.ECS_PUSH, storage: this.storage });
    this.project = exampleProject(this, options, {
      name: "etl",
      storage: this.storage,
      deployments: [
        {
          ...NIGHTLY_ETL,
          workPool: {
            name: this.workPool.workPool.nameInput,
            jobVariables: { cpu: 1024, memory: 2048, execution_role_arn: `arn:aws:iam::${ACCOUNT}:role/${EXECUTION_ROLE}` },
          },
        },
      ],
    });
  }
}
