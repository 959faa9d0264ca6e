/** Synthesizing one code storage construct in a test stack, and reading resources from the result. */
import { TerraformStack, Testing } from "cdktf";

export interface SynthesizedStorage<S> {
  /** The synthesized stack as JSON text, for cdktf's matchers. */
  synth: string;
  /** The same, parsed. */
  json: any;
  storage: S;
  stack: TerraformStack;
}

/** Props, or a function of the stack that makes them (to declare variables first). */
export type PropsOrFactory<P> = P | ((stack: TerraformStack) => P);

/**
 * Synthesizes a stack named `stackName` with the providers `addProviders` declares and one storage
 * made by `create` from `props`; `after` runs on the storage before synthesis (to add grants).
 */
export function synthStorageStack<P, S>(
  stackName: string,
  addProviders: (stack: TerraformStack) => void,
  create: (stack: TerraformStack, props: P) => S,
  props: PropsOrFactory<P>,
  after?: (storage: S) => void,
): SynthesizedStorage<S> {
  const stack = new TerraformStack(Testing.app(), stackName);
  addProviders(stack);
  const storage = create(stack, typeof props === "function" ? (props as (stack: TerraformStack) => P)(stack) : props);
  after?.(storage);
  const synth = Testing.synth(stack, true); // with validations: the app's problems throw here, as in `app.synth()`
  return { synth, json: JSON.parse(synth), storage, stack };
}

/** All resources of one Terraform type, as [logical id, config]. */
export function resourcesOf(json: any, type: string): Array<[string, any]> {
  return Object.entries(json.resource?.[type] ?? {});
}

/** The single resource of `type` whose logical id contains `idPart`. */
export function resourceOf(json: any, type: string, idPart: string): any {
  const found = resourcesOf(json, type).filter(([id]) => id.includes(idPart));
  if (found.length !== 1) throw new Error(`expected one ${type} with id containing ${idPart}, found ${found.length}`);
  return found[0][1];
}
