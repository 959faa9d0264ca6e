import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { ContainerRegistryScopeMap } from "@cdktf/provider-azurerm/lib/container-registry-scope-map";
import { ContainerRegistryToken } from "@cdktf/provider-azurerm/lib/container-registry-token";
import { ContainerRegistryTokenPassword } from "@cdktf/provider-azurerm/lib/container-registry-token-password";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Fn, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { DockerRegistryCredentialsBlock } from "prefect-code-storage/lib/prefect/blocks/docker-registry-credentials";
import { ValidationErrors } from "prefect-code-storage/lib/validation/errors";
import { AcrName } from "prefect-code-storage/lib/validation/rules/acr-name";
import { AcrRegistryId, parseAcrRegistryId } from "prefect-code-storage/lib/validation/rules/acr-registry-id";
import { AzurePrincipalId } from "prefect-code-storage/lib/validation/rules/azure-principal-id";
import { AzureResourceGroupName } from "prefect-code-storage/lib/validation/rules/azure-resource-group-name";
import { BlockName } from "prefect-code-storage/lib/validation/rules/block-name";
import { DockerRepositoryPath } from "prefect-code-storage/lib/validation/rules/docker-repository-path";
import { addStorageOutputs } from "prefect-code-storage/lib/storage/common";
import { defaultNameStem, fitName, logicalName } from "prefect-code-storage/lib/storage/names";
import { ACR_PULL_ROLE, ACR_PUSH_ROLE, AcrPushAccess, repositoryPushActions } from "./acr-access";
import { IImageRegistry, refuseForExisting } from "prefect-code-storage/lib/storage/docker/registry";
import { checkGrantOptions, GrantOptions } from "prefect-code-storage/lib/storage/grant-options";
import { CHECKS } from "prefect-code-storage/lib/validation/checks";
import { ImageRegistryKind } from "prefect-code-storage/lib/core/image-registry-kind";

/** Container Registry tiers. */
export enum AcrSku {
  BASIC = "Basic",
  STANDARD = "Standard",
  /** Needed for private network access only. */
  PREMIUM = "Premium",
}
const SKUS: readonly string[] = Object.values(AcrSku);

/** Props of AzureContainerRegistry: the registry (created or existing) and repository of the flow image, who pushes and pulls it, and the created registry's settings. */
export interface AzureContainerRegistryProps {
  /**
   * Name of the registry to create (5-50 letters and digits, unique across Azure; the login server
   * is `<name>.azurecr.io`). Exactly one of `registryName` and `existingRegistryId`.
   * @default none
   */
  readonly registryName?: string;
  /**
   * Use this existing registry instead, given by its resource ID
   * (`/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>`).
   * Nothing about the registry is changed; the scope map, token and role assignments are created in it.
   * @default none
   */
  readonly existingRegistryId?: string;
  /** Resource group of the created registry (it must exist). Required with `registryName`. @default none */
  readonly resourceGroupName?: string;
  /** Azure region of the created registry, e.g. `westeurope`. Required with `registryName`. @default none */
  readonly location?: string;
  /** Repository of the flow image inside the registry, e.g. `prefect/etl`; tokens are limited to it. */
  readonly repository: string;
  /**
   * Service tier of the created registry. Repository-scoped tokens work in every tier; turning off
   * public network access needs Premium.
   * @default "Standard"
   */
  readonly sku?: AcrSku;
  /**
   * Enable the registry's admin user: one shared user name and password with full push, pull and
   * delete rights on every repository. Only for tools that support nothing else; nothing here uses it.
   * @default false
   */
  readonly adminUserEnabled?: boolean;
  /**
   * Whether the created registry accepts requests from public networks (still authenticated).
   * `false` needs the Premium tier and private endpoints for CI and every runtime that pulls.
   * @default true
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * How CI pushes.
   * @default AcrPushAccess.repositoryToken(): a token limited to pushing this repository, in a docker-registry-credentials block
   */
  readonly pushAccess?: AcrPushAccess;
  /**
   * Principal (object) IDs that pull images: the managed identity of Container Instances groups
   * (azure-container-instance pools), the kubelet identity of AKS nodes. Each gets `AcrPull` on the
   * registry (Entra roles cover every repository of the registry).
   * @default none (add them later with grantPull)
   */
  readonly pullPrincipalIds?: string[];
  /**
   * Tags of the created registry.
   * @default none
   */
  readonly tags?: { readonly [key: string]: string };
  /**
   * Stem of the push block's name (`<stem>-push`), scope map and token.
   * @default slug of `<registry>-<repository>`
   */
  readonly blockNamePrefix?: string;
  /**
   * Send block data write-only (`data_wo`, Terraform >= 1.11), kept out of Terraform state and plan.
   * The token password stays in state as an attribute of its own resource: keep state encrypted.
   * @default false
   */
  readonly writeOnlyBlocks?: boolean;
}

const CREATED_ONLY = ["sku", "adminUserEnabled", "publicNetworkAccess", "tags", "resourceGroupName", "location"] as const;

/**
 * An Azure container registry for flow images (or an existing one): admin user off, anonymous pull
 * off; a push token limited to the flow repository (or `AcrPush` for a keyless identity) and
 * `AcrPull` for the identities that run flows.
 */
export class AzureContainerRegistry extends Construct implements IImageRegistry {
  readonly kind = ImageRegistryKind.ACR;
  readonly registryName: string;
  readonly registryId: string;
  readonly resourceGroupName: string;
  readonly repository: string;
  readonly registryUrl: string;
  readonly imageName: string;
  /** ACR tags are mutable (no Terraform setting locks them). */
  readonly immutableTags?: boolean = undefined;
  readonly registry?: ContainerRegistry;
  readonly pushScopeMap?: ContainerRegistryScopeMap;
  readonly pushToken?: ContainerRegistryToken;
  readonly pushCredentials?: DockerRegistryCredentialsBlock;
  private readonly unresolvedGrants = { push: 0, pull: 0 };

  constructor(scope: Construct, id: string, props: AzureContainerRegistryProps) {
    super(scope, id);
    const errors = new ValidationErrors();
    const push = props.pushAccess ?? AcrPushAccess.repositoryToken();
    const creating = validateRegistry(errors, props);
    errors.check(DockerRepositoryPath, "repository", props.repository);
    errors.check(BlockName, "blockNamePrefix", props.blockNamePrefix);
    push._validate(errors, "pushAccess");
    (props.pullPrincipalIds ?? []).forEach((p, i) => errors.check(AzurePrincipalId, `pullPrincipalIds[${i}]`, p));
    errors.report(this);

    this.repository = props.repository;
    if (creating) {
      this.registry = new ContainerRegistry(this, "registry", {
        name: props.registryName!,
        resourceGroupName: props.resourceGroupName!,
        location: props.location!,
        sku: props.sku ?? "Standard",
        adminEnabled: props.adminUserEnabled ?? false,
        // Basic has no anonymous pull at all; on the other tiers it is turned off explicitly.
        anonymousPullEnabled: (props.sku ?? "Standard") === "Basic" ? undefined : false,
        publicNetworkAccessEnabled: props.publicNetworkAccess ?? true,
        tags: props.tags,
      });
      this.registryName = props.registryName!;
      this.registryId = this.registry.id;
      this.resourceGroupName = props.resourceGroupName!;
    } else {
      const registryId = props.existingRegistryId!;
      const parsed = Token.isUnresolved(registryId) ? undefined : parseAcrRegistryId(registryId);
      this.registryName = parsed?.registryName ?? Fn.element(Fn.split("/", registryId), 8);
      this.resourceGroupName = parsed?.resourceGroupName ?? Fn.element(Fn.split("/", registryId), 4);
      this.registryId = registryId;
    }
    // The login server is the lowercased name (Azure's rule), known at synth for a literal name.
    this.registryUrl = `${Token.isUnresolved(this.registryName) ? Fn.lower(this.registryName) : this.registryName.toLowerCase()}.azurecr.io`;
    this.imageName = `${this.registryUrl}/${this.repository}`;
    const stem =
      props.blockNamePrefix ?? (Token.isUnresolved(this.registryName) ? defaultNameStem(id, this.repository) : defaultNameStem(this.registryName, this.repository));

    if (push.usesToken) {
      ({ scopeMap: this.pushScopeMap, token: this.pushToken, block: this.pushCredentials } = this.pushTokenBlock(stem, push, props.writeOnlyBlocks));
    } else {
      this.grantRole("push", ACR_PUSH_ROLE, push.principalId!, { id: "push-role", principalType: push.principalType });
    }
    (props.pullPrincipalIds ?? []).forEach((p) => this.grantPull(p));
    this.addOutputs();
  }

  /** Lets another identity push (`AcrPush` on the registry: every repository). */
  grantPush(principalId: string, options: GrantOptions = {}): IConstruct {
    return this.grantRole("push", ACR_PUSH_ROLE, principalId, options);
  }

  /** Lets another identity pull (`AcrPull` on the registry), e.g. a Container Instances group's identity. */
  grantPull(principalId: string, options: GrantOptions = {}): IConstruct {
    return this.grantRole("pull", ACR_PULL_ROLE, principalId, options);
  }

  private grantRole(side: "push" | "pull", role: string, principalId: string, options: GrantOptions): RoleAssignment {
    // A principal ID only known after apply would give an id that shifts with unrelated code: count those instead.
    const id =
      options.id ??
      (Token.isUnresolved(principalId) ? `grant-${side}-${++this.unresolvedGrants[side]}` : `grant-${side}-${logicalName(principalId)}`);
    const errors = new ValidationErrors().check(AzurePrincipalId, "principalId", principalId);
    checkGrantOptions(errors, options, "azure");
    errors.report(this, `${this.node.path}/${id}`);
    return new RoleAssignment(this, id, {
      scope: this.registryId,
      roleDefinitionName: role,
      principalId,
      principalType: options.principalType ?? "ServicePrincipal",
      description: `Prefect flow images ${side}: ${this.repository}`,
    });
  }

  /** A scope map with exactly the push actions on the repository, a token bound to it, its password, and the block. */
  private pushTokenBlock(
    stem: string,
    access: AcrPushAccess,
    writeOnly?: boolean,
  ): { scopeMap: ContainerRegistryScopeMap; token: ContainerRegistryToken; block: DockerRegistryCredentialsBlock } {
    const name = fitName(`${stem}-push`, 50);
    const registry = { containerRegistryName: this.registry?.name ?? this.registryName, resourceGroupName: this.resourceGroupName };
    const scopeMap = new ContainerRegistryScopeMap(this, "push-scope-map", {
      ...registry,
      name,
      description: `Push Prefect flow images to ${this.repository} only`,
      actions: repositoryPushActions(this.repository),
    });
    const token = new ContainerRegistryToken(this, "push-token", { ...registry, name, scopeMapId: scopeMap.id, enabled: true });
    const password = new ContainerRegistryTokenPassword(this, "push-token-password", {
      containerRegistryTokenId: token.id,
      password1: { expiry: access.expiry },
    });
    // password1 is a required block; with no expiry it is empty, and cdktf drops empty blocks from
    // the JSON, which Terraform would refuse. `{}` is one empty block in Terraform's JSON syntax.
    if (access.expiry === undefined) password.addOverride("password1", {});
    const block = new DockerRegistryCredentialsBlock(this, "push-credentials", {
      name: `${stem}-push`,
      writeOnly,
      data: { username: token.name, password: password.password1.value, registryUrl: this.registryUrl },
    });
    return { scopeMap, token, block };
  }

  private addOutputs(): void {
    addStorageOutputs(this, {
      image_name: { value: this.imageName, description: "Repository URL of the flow image (no tag)" },
      registry_url: { value: this.registryUrl, description: "Login server for `docker login` / `az acr login`" },
      push_block: this.pushCredentials && { value: this.pushCredentials.blockName, description: "docker-registry-credentials block used by the push step" },
      push_token: this.pushToken && { value: this.pushToken.name, description: "Registry token that pushes images" },
    });
  }
}

/** Registry source, placement and options; returns whether the registry is created. */
function validateRegistry(errors: ValidationErrors, props: AzureContainerRegistryProps): boolean {
  const creating = props.registryName !== undefined;
  if (creating === (props.existingRegistryId !== undefined)) {
    errors.add("registryName", props.registryName ?? props.existingRegistryId, CHECKS.AcrRegistrySource, "set exactly one of registryName (create) and existingRegistryId (reuse)");
  }
  errors.check(AcrName, "registryName", props.registryName);
  errors.check(AcrRegistryId, "existingRegistryId", props.existingRegistryId);
  if (!creating) {
    if (props.existingRegistryId !== undefined) refuseForExisting(errors, props, CREATED_ONLY, CHECKS.AcrExistingRegistry, "registry");
    return false;
  }
  // Both sources given: that one problem is enough, placement is moot until it is settled.
  if (props.existingRegistryId !== undefined) return true;
  for (const prop of ["resourceGroupName", "location"] as const) {
    if (props[prop] === undefined) errors.add(prop, undefined, CHECKS.AcrRegistryPlacement, "is required to create a container registry");
  }
  errors.check(AzureResourceGroupName, "resourceGroupName", props.resourceGroupName);
  if (props.sku !== undefined && !SKUS.includes(props.sku)) {
    errors.add("sku", props.sku, CHECKS.AcrSku, `must be one of ${SKUS.join(", ")}`, "use AcrSku.BASIC, AcrSku.STANDARD or AcrSku.PREMIUM");
  }
  if (props.publicNetworkAccess === false && (props.sku ?? "Standard") !== "Premium") {
    errors.add("publicNetworkAccess", false, CHECKS.AcrSku, `needs the Premium tier; the registry is ${props.sku ?? "Standard"}`, 'set sku: AcrSku.PREMIUM or leave publicNetworkAccess unset');
  }
  return true;
}
