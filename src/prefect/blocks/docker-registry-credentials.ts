import { Construct } from "constructs";
import { PrefectBlock, PrefectBlockOptions } from "./block";

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
  readonly registry_url: string;
  /** Log in again on every use. @default true (prefect-docker's default) */
  readonly reauth?: boolean;
}

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
export class DockerRegistryCredentialsBlock extends PrefectBlock<DockerRegistryCredentialsData> {
  static readonly TYPE_SLUG = "docker-registry-credentials";
  constructor(scope: Construct, id: string, props: DockerRegistryCredentialsBlockProps) {
    super(scope, id, DockerRegistryCredentialsBlock.TYPE_SLUG, props, props.data);
  }
}
