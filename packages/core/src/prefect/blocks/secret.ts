import { Construct } from "constructs";
import { PrefectBlock, PrefectBlockOptions } from "./block";

/** Props of SecretBlock: the block's name and the secret value it stores. */
export interface SecretBlockProps extends PrefectBlockOptions {
  /** The secret: a resource attribute or a sensitive TerraformVariable's value, never a literal. */
  readonly value: string;
}

/** A `secret` block. Referenced whole (`{{ prefect.blocks.secret.<name> }}`) it yields the value itself. */
export class SecretBlock extends PrefectBlock {
  static readonly TYPE_SLUG = "secret";
  constructor(scope: Construct, id: string, props: SecretBlockProps) {
    super(scope, id, SecretBlock.TYPE_SLUG, props, { value: props.value }, { value: "value" });
  }
  protected override get resolvesToValue(): boolean {
    return true;
  }
}
