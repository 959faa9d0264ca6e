// Hand-written binding for `prefect_variable`; see provider.ts for why and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";

/** Any JSON value: the provider's `value` is Dynamic, so Terraform keeps whatever type it is given. */
export type VariableValue = string | number | boolean | { [key: string]: any } | any[];

export interface VariableConfig extends cdktf.TerraformMetaArguments {
  /** Variable name (`^[a-z0-9_-]+$`, at most 255), read as `{{ prefect.variables.<name> }}`. Not for secrets. */
  readonly name: string;
  /** Value of any JSON type; synthesized as given, so a JSON *string* stays a string. */
  readonly value: VariableValue;
  /** Prefect Cloud account ID, overriding the provider's. */
  readonly accountId?: string;
  /** Variable tags (a set: order and duplicates are not kept). */
  readonly tags?: string[];
  /** Prefect Cloud workspace ID, overriding the provider's. */
  readonly workspaceId?: string;
}

/** HCL-synthesis descriptor, as generated bindings write out longhand for every attribute. */
function hcl(value: unknown, storageClassType: string, type = "simple") {
  return { value, isBlock: false, type, storageClassType };
}

/**
 * HCL has no "dynamic" storage class: describe the value by its own JS type so top-level strings stay quoted.
 * Inside objects cdktf's HCL renderer guesses (`"123"` comes out as `123`); JSON synthesis, the default, is exact.
 */
function hclDynamic(value: VariableValue | undefined) {
  switch (typeof value) {
    case "string":
      return hcl(value, "string");
    case "number":
      return hcl(value, "number");
    case "boolean":
      return hcl(value, "boolean");
    default:
      return hcl(cdktf.anyToHclTerraform(value), "any", "any");
  }
}

/** A Prefect variable (`prefect_variable`). */
export class Variable extends cdktf.TerraformResource {
  public static readonly tfResourceType = "prefect_variable";

  private readonly _config: VariableConfig;

  public constructor(scope: Construct, id: string, config: VariableConfig) {
    super(scope, id, {
      terraformResourceType: "prefect_variable",
      terraformGeneratorMetadata: { providerName: "prefect", providerVersionConstraint: "~> 3.4" },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this._config = config;
  }

  public get id(): string {
    return this.getStringAttribute("id");
  }
  public get name(): string {
    return this.getStringAttribute("name");
  }
  public get created(): string {
    return this.getStringAttribute("created");
  }
  public get updated(): string {
    return this.getStringAttribute("updated");
  }

  // Inputs as given (generated bindings' `<attr>Input`): plain values for synth-time checks, where the getters above are tokens.
  public get nameInput(): string {
    return this._config.name;
  }
  public get valueInput(): VariableValue {
    return this._config.value;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      name: cdktf.stringToTerraform(c.name),
      value: cdktf.anyToTerraform(c.value),
      account_id: cdktf.stringToTerraform(c.accountId),
      tags: cdktf.listMapper(cdktf.stringToTerraform, false)(c.tags),
      workspace_id: cdktf.stringToTerraform(c.workspaceId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    const attrs = {
      name: hcl(cdktf.stringToHclTerraform(c.name), "string"),
      value: hclDynamic(c.value),
      account_id: hcl(cdktf.stringToHclTerraform(c.accountId), "string"),
      tags: hcl(cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(c.tags), "stringList", "set"),
      workspace_id: hcl(cdktf.stringToHclTerraform(c.workspaceId), "string"),
    };
    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([, a]) => a.value !== undefined));
  }
}
