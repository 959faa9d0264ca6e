import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { DockerImageCodeStorage, ImageWorkPool, PrefectProject, WorkPoolType } from "prefect-code-storage";
import { AzureContainerRegistry } from "prefect-code-storage-azure";
import { azurermProvider, exampleProject, ExampleStackOptions, NIGHTLY_ETL, prefectProvider } from "./shared";

/** Where the Container Instances groups of the flow runs are created. */
const RUNS_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
const RUNS_RESOURCE_GROUP = "rg-prefect-runs";
/** The user-assigned identity the Container Instances groups run with: it pulls the image. */
const FLOW_RUN_IDENTITY_ID = `/subscriptions/${RUNS_SUBSCRIPTION_ID}/resourceGroups/${RUNS_RESOURCE_GROUP}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/prefect-flow-runs`;
/** Its principal (object) ID, which role assignments take. */
const FLOW_RUN_PRINCIPAL = "3f0c5a0e-8a4b-4c7e-9d1f-2b6e8c4a7d90";

/**
 * Flow code baked into an image in Azure Container Registry, built and pushed by `prefect deploy`:
 * a new Standard registry (admin user off, anonymous pull off), a registry token whose scope map
 * allows only pushing the `prefect/etl` repository, its name and password in a
 * docker-registry-credentials block that push_docker_image logs in with, `AcrPull` for the
 * identity the container groups run with, and an `azure-container-instance` work pool. Its worker
 * creates the container groups with its own Azure identity; a `:push` pool would instead need a service
 * principal secret stored in Prefect Cloud (`aci_credentials`). ACI's job template requires the
 * subscription and resource group, with no default: without them every run would fail on the worker.
 */
export class DockerAcrStack extends TerraformStack {
  readonly registry: AzureContainerRegistry;
  readonly storage: DockerImageCodeStorage;
  readonly workPool: ImageWorkPool;
  readonly project: PrefectProject;

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    azurermProvider(this);
    prefectProvider(this);
    const group = new ResourceGroup(this, "resource-group", { name: "rg-prefect-flow-images", location: "westeurope" });

    this.registry = new AzureContainerRegistry(this, "images", {
      registryName: "acmeprefectflows",
      resourceGroupName: group.name,
      location: group.location,
      repository: "prefect/etl",
      pullPrincipalIds: [FLOW_RUN_PRINCIPAL],
    });
    this.storage = new DockerImageCodeStorage(this, "flow-code", {
      registry: this.registry,
      codeDirectory: "/opt/prefect/etl",
      platform: "linux/amd64",
    });
    this.workPool = new ImageWorkPool(this, "work-pool", {
      name: "aci-pool",
      poolType: WorkPoolType.AZURE_CONTAINER_INSTANCE,
      storage: this.storage,
    });
    this.project = exampleProject(this, options, {
      name: "etl",
      storage: this.storage,
      deployments: [
        {
          ...NIGHTLY_ETL,
          workPool: {
            name: this.workPool.workPool.nameInput,
            // The container group runs as the identity and pulls with it (prefect-azure's ACR managed identity login).
            jobVariables: {
              subscription_id: RUNS_SUBSCRIPTION_ID,
              resource_group_name: RUNS_RESOURCE_GROUP,
              cpu: 1,
              memory: 2,
              identities: [FLOW_RUN_IDENTITY_ID],
              image_registry: { registry_url: this.registry.registryUrl, identity: FLOW_RUN_IDENTITY_ID },
            },
          },
        },
      ],
    });
  }
}
