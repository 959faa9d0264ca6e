// Hand-written cdktf bindings for the Prefect Terraform provider (prefecthq/prefect ~> 3.4), shaped like
// `cdktf get` output: no prebuilt package exists and `cdktf get` cannot reach the registry here.
// test/prefect-provider-bindings.test.ts holds every binding in this folder against
// ../shared/prefect/provider-schema.json, so keep them in step with that file.
// Each binding is a config interface plus an attribute table; resource.ts turns tables into Terraform JSON/HCL.

import { Construct } from "constructs";
import * as cdktf from "cdktf";
import { attributesToHclTerraform, attributesToTerraform, AttributeTable, PREFECT_GENERATOR_METADATA } from "./resource";

/** Configuration of the `prefect` Terraform provider: which Prefect Cloud account and workspace, or which self-hosted server, to manage and how to authenticate. */
export interface PrefectProviderConfig {
  /**
   * Prefect Cloud account ID; unset for a self-hosted server.
   * @default - `PREFECT_CLOUD_ACCOUNT_ID`, else the account ID in the endpoint URL, else none
   */
  readonly accountId?: string;
  /**
   * Prefect Cloud API key. Sensitive: pass a variable or env (PREFECT_API_KEY), never a literal.
   * @default - `PREFECT_API_KEY`, else the Prefect profile's key, else none
   */
  readonly apiKey?: string;
  /**
   * Basic-auth key for a self-hosted server with auth enabled. Sensitive: pass a variable or env, never a literal.
   * @default - `PREFECT_BASIC_AUTH_KEY`, else the Prefect profile's key, else none
   */
  readonly basicAuthKey?: string;
  /**
   * Whether the server expects a CSRF token (self-hosted servers with CSRF protection on).
   * @default - `PREFECT_CSRF_ENABLED`, else the Prefect profile's setting, else false
   */
  readonly csrfEnabled?: boolean | cdktf.IResolvable;
  /**
   * Extra HTTP headers as a JSON object string; sensitive because proxies often take tokens there.
   * @default - `PREFECT_CLIENT_CUSTOM_HEADERS`, else the Prefect profile's headers, else none
   */
  readonly customHeaders?: string;
  /**
   * API URL (as PREFECT_API_URL); defaults to Prefect Cloud.
   * @default - `PREFECT_API_URL`, else the Prefect profile's URL, else `https://api.prefect.cloud`
   */
  readonly endpoint?: string;
  /**
   * Prefect profile to read settings from when attributes and env leave them unset.
   * @default - the active profile of the profiles file
   */
  readonly profile?: string;
  /**
   * Path of the Prefect profiles file, when not the default `~/.prefect/profiles.toml`.
   * @default `~/.prefect/profiles.toml`
   */
  readonly profileFile?: string;
  /**
   * Default Prefect Cloud workspace ID for resources that do not set their own.
   * @default - the workspace ID in the endpoint URL, else none
   */
  readonly workspaceId?: string;
  /**
   * Terraform provider alias, for a second Prefect account/server in one stack.
   * @default - none: the default `prefect` provider
   */
  readonly alias?: string;
}

const ATTRIBUTES: AttributeTable<PrefectProviderConfig> = {
  accountId: { name: "account_id", kind: "string" },
  apiKey: { name: "api_key", kind: "string" },
  basicAuthKey: { name: "basic_auth_key", kind: "string" },
  csrfEnabled: { name: "csrf_enabled", kind: "boolean" },
  customHeaders: { name: "custom_headers", kind: "string" },
  endpoint: { name: "endpoint", kind: "string" },
  profile: { name: "profile", kind: "string" },
  profileFile: { name: "profile_file", kind: "string" },
  workspaceId: { name: "workspace_id", kind: "string" },
  alias: { name: "alias", kind: "string" },
};

/** The `prefect` provider block. */
export class PrefectProvider extends cdktf.TerraformProvider {
  public static readonly tfResourceType = "prefect";

  private _config: PrefectProviderConfig;

  public constructor(scope: Construct, id: string, config: PrefectProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: PrefectProvider.tfResourceType,
      terraformGeneratorMetadata: PREFECT_GENERATOR_METADATA,
      terraformProviderSource: "prefecthq/prefect",
    });
    this._config = { ...config };
  }

  // The base class reads `alias` to build the provider's fqn (`prefect.<alias>`) and meta attributes.
  public get alias(): string | undefined {
    return this._config.alias;
  }
  public set alias(value: string | undefined) {
    this._config = { ...this._config, alias: value };
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return attributesToTerraform(ATTRIBUTES, this._config);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return attributesToHclTerraform(ATTRIBUTES, this._config);
  }
}
