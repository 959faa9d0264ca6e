import { Construct } from "constructs";
import { BlockFieldNames, PrefectBlock, PrefectBlockOptions } from "./block";

/** Fields of the `docker-registry-credentials` block, named as in prefect-docker; the first three are required. */
export interface DockerRegistryCredentialsData {
  /** The user name `docker login` sends, e.g. `_json_key` (Artifact Registry key) or an ACR token's name. */
  readonly username: string;
  /**
   * Secret: the password `docker login` sends. Pass a resource attribute (a service account key, an
   * ACR token password) or a sensitive variable, never a literal.
   */
  readonly password: string;
  /** The registry host, e.g. `europe-west1-docker.pkg.dev` or `acme.azurecr.io` (no scheme needed). */
  readonly registryUrl: string;
  /** Log in again on every use. @default true (prefect-docker's default) */
  readonly reauth?: boolean;
}

const DOCKER_REGISTRY_CREDENTIALS_FIELDS: BlockFieldNames = { username: "username", password: "password", registryUrl: "registry_url", reauth: "reauth" };

/** Props of DockerRegistryCredentialsBlock: the block's name and the registry login it stores. */
export interface DockerRegistryCredentialsBlockProps extends PrefectBlockOptions {
  readonly data: DockerRegistryCredentialsData;
}

/**
 * A `docker-registry-credentials` block (prefect-docker; register it with
 * `prefect block register -m prefect_docker`). push_docker_image takes it whole as `credentials`
 * and calls `docker login` with it before pushing; a Docker worker can take it as
 * `registry_credentials` to pull. Only for registries that accept long-lived passwords: an ECR
 * password is a 12-hour token, so ECR never gets one of these.
 */
export class DockerRegistryCredentialsBlock extends PrefectBlock {
  static readonly TYPE_SLUG = "docker-registry-credentials";
  /** Prefect's field name for each camelCase field. */
  static readonly FIELDS: { [field: string]: any } = DOCKER_REGISTRY_CREDENTIALS_FIELDS;
  /** The data as given (camelCase), before JSON encoding. */
  readonly data: DockerRegistryCredentialsData;
  constructor(scope: Construct, id: string, props: DockerRegistryCredentialsBlockProps) {
    super(scope, id, DockerRegistryCredentialsBlock.TYPE_SLUG, props, props.data, DOCKER_REGISTRY_CREDENTIALS_FIELDS);
    this.data = props.data;
  }
}
