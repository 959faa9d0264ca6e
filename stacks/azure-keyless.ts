import { FederatedIdentityCredential } from "@cdktf/provider-azurerm/lib/federated-identity-credential";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { KnownValue, PrefectProject } from "prefect-code-storage";
import { AzureBlobAccess, AzureBlobCodeStorage } from "prefect-code-storage-azure";
import { azurermProvider, exampleProject, ExampleStackOptions, HOURLY_REPORT, prefectProvider } from "./shared";

/**
 * Azure Blob Storage without keys: flow runs on Azure Container Instances pull with a user-assigned
 * managed identity (Storage Blob Data Reader on the container), and GitHub Actions pushes with
 * another one it signs in to through OIDC (Storage Blob Data Contributor on the container). The
 * blocks hold only `account_url`, so the steps use the default Azure credential; the account accepts
 * no shared key at all. The folder gets a suffix from `PREFECT_ENV` at deploy time.
 */
/** The subscription the flow runs' container groups are created in (ACI's job template requires it). */
const RUNS_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
const GROUP_NAME = "rg-prefect-reports";

export class AzureKeylessStack extends TerraformStack {
  readonly storage: AzureBlobCodeStorage;
  readonly project: PrefectProject;

  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    // Shared keys are off on the account, so Terraform itself must use Entra ID for the data plane.
    azurermProvider(this, { storageUseAzuread: true });
    prefectProvider(this);
    const group = new ResourceGroup(this, "resource-group", { name: GROUP_NAME, location: "westeurope" });
    const placement = { resourceGroupName: group.name, location: group.location };
    const worker = new UserAssignedIdentity(this, "worker-identity", { name: "id-prefect-reports-worker", ...placement });
    const deployer = new UserAssignedIdentity(this, "deploy-identity", { name: "id-prefect-reports-deploy", ...placement });
    // GitHub Actions runs on main of acme/reports sign in as the deploy identity (azure/login with OIDC).
    new FederatedIdentityCredential(this, "deploy-github-oidc", {
      name: "github-acme-reports-main",
      resourceGroupName: group.name,
      parentId: deployer.id,
      audience: ["api://AzureADTokenExchange"],
      issuer: "https://token.actions.githubusercontent.com",
      subject: "repo:acme/reports:ref:refs/heads/main",
    });

    this.storage = new AzureBlobCodeStorage(this, "flow-code", {
      storageAccountName: "acmeprefectreportscode",
      ...placement,
      containerName: "reports-code",
      folder: "reports",
      folderFromEnv: "PREFECT_ENV",
      pushAccess: AzureBlobAccess.managedIdentity(deployer.principalId),
      pullAccess: AzureBlobAccess.managedIdentity(worker.principalId),
    });

    // The flow-run container must run as the worker identity; its IDs are only known after apply,
    // so they reach prefect.yaml as Prefect variables.
    const identityId = KnownValue.orVariable(this, "worker-identity-id", worker.id, "reports_worker_identity_id");
    const clientId = KnownValue.orVariable(this, "worker-client-id", worker.clientId, "reports_worker_client_id");
    this.project = exampleProject(this, options, {
      name: "reports",
      storage: this.storage,
      deployments: [
        {
          ...HOURLY_REPORT,
          workPool: {
            name: "aci-pool",
            // ACI's template requires where the container groups go; DefaultAzureCredential picks a
            // user-assigned identity by its client ID.
            jobVariables: {
              subscription_id: RUNS_SUBSCRIPTION_ID,
              resource_group_name: GROUP_NAME,
              identities: [identityId],
              env: { AZURE_CLIENT_ID: clientId },
            },
          },
        },
      ],
    });
  }
}
