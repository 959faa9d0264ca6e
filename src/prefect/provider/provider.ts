// Hand-written cdktf bindings for the Prefect Terraform provider (prefecthq/prefect ~> 3.4), shaped like
// `cdktf get` output: no prebuilt package exists and `cdktf get` cannot reach the registry here.
// test/prefect-provider-bindings.test.ts holds every binding in this folder against
// ../shared/prefect/provider-schema.json, so keep them in step with that file.

import { Construct } from "constructs";
import * as cdktf from "cdktf";

export interface PrefectProviderConfig {
  /** Prefect Cloud account ID; unset for a self-hosted server. */
  readonly accountId?: string;
  /** Prefect Cloud API key. Sensitive: pass a variable or env (PREFECT_API_KEY), never a literal. */
  readonly apiKey?: string;
  /** Basic-auth key for a self-hosted server with auth enabled. Sensitive: pass a variable or env, never a literal. */
  readonly basicAuthKey?: string;
  /** Whether the server expects a CSRF token (self-hosted servers with CSRF protection on). */
  readonly csrfEnabled?: boolean | cdktf.IResolvable;
  /** Extra HTTP headers as a JSON object string; sensitive because proxies often take tokens there. */
  readonly customHeaders?: string;
  /** API URL (as PREFECT_API_URL); defaults to Prefect Cloud. */
  readonly endpoint?: string;
  /** Prefect profile to read settings from when attributes and env leave them unset. */
  readonly profile?: string;
  /** Path of the Prefect profiles file, when not the default `~/.prefect/profiles.toml`. */
  readonly profileFile?: string;
  /** Default Prefect Cloud workspace ID for resources that do not set their own. */
  readonly workspaceId?: string;
  /** Terraform provider alias, for a second Prefect account/server in one stack. */
  readonly alias?: string;
}

/** HCL-synthesis descriptor, as generated bindings write out longhand for every attribute. */
function hcl(value: unknown, storageClassType: string, type = "simple") {
  return { value, isBlock: false, type, storageClassType };
}

/** The `prefect` provider block. */
export class PrefectProvider extends cdktf.TerraformProvider {
  public static readonly tfResourceType = "prefect";

  private _config: PrefectProviderConfig;

  public constructor(scope: Construct, id: string, config: PrefectProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: "prefect",
      // No providerVersion: cdktf prefers it over the constraint in required_providers, and we want the range.
      terraformGeneratorMetadata: { providerName: "prefect", providerVersionConstraint: "~> 3.4" },
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
    const c = this._config;
    return {
      account_id: cdktf.stringToTerraform(c.accountId),
      api_key: cdktf.stringToTerraform(c.apiKey),
      basic_auth_key: cdktf.stringToTerraform(c.basicAuthKey),
      csrf_enabled: cdktf.booleanToTerraform(c.csrfEnabled),
      custom_headers: cdktf.stringToTerraform(c.customHeaders),
      endpoint: cdktf.stringToTerraform(c.endpoint),
      profile: cdktf.stringToTerraform(c.profile),
      profile_file: cdktf.stringToTerraform(c.profileFile),
      workspace_id: cdktf.stringToTerraform(c.workspaceId),
      alias: cdktf.stringToTerraform(c.alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    const attrs = {
      account_id: hcl(cdktf.stringToHclTerraform(c.accountId), "string"),
      api_key: hcl(cdktf.stringToHclTerraform(c.apiKey), "string"),
      basic_auth_key: hcl(cdktf.stringToHclTerraform(c.basicAuthKey), "string"),
      csrf_enabled: hcl(cdktf.booleanToHclTerraform(c.csrfEnabled), "boolean"),
      custom_headers: hcl(cdktf.stringToHclTerraform(c.customHeaders), "string"),
      endpoint: hcl(cdktf.stringToHclTerraform(c.endpoint), "string"),
      profile: hcl(cdktf.stringToHclTerraform(c.profile), "string"),
      profile_file: hcl(cdktf.stringToHclTerraform(c.profileFile), "string"),
      workspace_id: hcl(cdktf.stringToHclTerraform(c.workspaceId), "string"),
      alias: hcl(cdktf.stringToHclTerraform(c.alias), "string"),
    };
    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([, a]) => a.value !== undefined));
  }
}
