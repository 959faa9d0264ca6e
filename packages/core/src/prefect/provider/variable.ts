// Hand-written binding for `prefect_variable`: config interface + attribute table (synthesized by resource.ts).
// See provider.ts for why it is hand-written and how it is checked.

import { Construct } from "constructs";
import * as cdktf from "cdktf";
import { AttributeTable, PrefectResource } from "./resource";

/** Any JSON value: the provider's `value` is Dynamic, so Terraform keeps whatever type it is given. */
export type VariableValue = string | number | boolean | { [key: string]: any } | any[];

/** Configuration of a `prefect_variable` resource: the variable's name, value and tags. */
export interface VariableConfig extends cdktf.TerraformMetaArguments {
  /** Variable name (`^[a-z0-9_-]+$`, at most 255), read as `{{ prefect.variables.<name> }}`. Not for secrets. */
  readonly name: string;
  /** Value of any JSON type; synthesized as given, so a JSON *string* stays a string. */
  readonly value: VariableValue;
  /**
   * Prefect Cloud account ID, overriding the provider's.
   * @default - the provider's account
   */
  readonly accountId?: string;
  /**
   * Variable tags (a set: order and duplicates are not kept).
   * @default - no tags
   */
  readonly tags?: string[];
  /**
   * Prefect Cloud workspace ID, overriding the provider's.
   * @default - the provider's workspace
   */
  readonly workspaceId?: string;
}

const ATTRIBUTES: AttributeTable<VariableConfig> = {
  name: { name: "name", kind: "string" },
  value: { name: "value", kind: "dynamic" }, // any JSON type; HCL quotes a top-level string (resource.ts)
  accountId: { name: "account_id", kind: "string" },
  tags: { name: "tags", kind: "stringList" },
  workspaceId: { name: "workspace_id", kind: "string" },
};

/** A Prefect variable (`prefect_variable`). */
export class Variable extends PrefectResource<VariableConfig> {
  public static readonly tfResourceType = "prefect_variable";

  public constructor(scope: Construct, id: string, config: VariableConfig) {
    super(scope, id, Variable.tfResourceType, config, ATTRIBUTES);
  }

  public get name(): string {
    return this.getStringAttribute("name");
  }

  // Inputs as given (generated bindings' `<attr>Input`): plain values for synth-time checks, where the getters above are tokens.
  public get nameInput(): string {
    return this._config.name;
  }
  public get valueInput(): VariableValue {
    return this._config.value;
  }
}
