import { Token } from "cdktf";
import { Construct } from "constructs";
import { Variable } from "./provider/variable";
import { VariableRef } from "./template";

/**
 * Values for prefect.yaml that may only be known after apply. Known at synth time, a value is written
 * as is. Only known after apply (a Terraform token, e.g. the name of a bucket created elsewhere), it is
 * stored in a Prefect variable by Terraform and the file references it as
 * `{{ prefect.variables.<name> }}`, so no `${...}` ever reaches the file.
 */
export class KnownValue {
  /**
   * `value` itself when known at synth; otherwise a `prefect_variable` named `variableName` (construct
   * id `id`) holding it, referenced as `{{ prefect.variables.<variableName> }}`.
   */
  static orVariable(scope: Construct, id: string, value: string, variableName: string): string | VariableRef {
    if (!Token.isUnresolved(value)) return value;
    new Variable(scope, id, { name: variableName, value });
    return new VariableRef(variableName);
  }

  private constructor() {}
}
