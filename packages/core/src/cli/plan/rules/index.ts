import { AccessGranted } from "./access-granted";
import { CredentialsDestroyed, RegistryDestroyed, StorageDestroyed } from "./destroyed";
import { PolicyWidened } from "./policy-widened";
import type { PlanRule } from "./rule";
import { VersioningDisabled } from "./versioning-disabled";

export * from "./access-granted";
export * from "./destroyed";
export * from "./policy-widened";
export * from "./rule";
export * from "./versioning-disabled";

/** Every rule the plan summary runs, in the order its warnings are listed. */
export const PLAN_RULES: readonly PlanRule[] = [
  StorageDestroyed,
  RegistryDestroyed,
  CredentialsDestroyed,
  VersioningDisabled,
  PolicyWidened,
  AccessGranted,
];
