/** Destroying (or replacing) something that holds data or grants access. */
import type { ChangeReader } from "../values";
import { destroys, destroyVerb, firstPresent, quote, type PlanRule } from "./rule";

interface Guarded {
  /** What it is, for the message ("bucket", "access key"). */
  readonly noun: string;
  /** Attribute paths naming it, first present wins (never a secret attribute). */
  readonly nameAt: Array<Array<string | number>>;
  /** What is lost. */
  readonly loss: string;
}

function destroyRule(id: string, explanation: string, guarded: Record<string, Guarded>): PlanRule {
  return {
    id,
    explanation,
    check: (c: ChangeReader) => {
      const g = guarded[c.type];
      if (!g || !destroys(c)) return [];
      const name = firstPresent(c, "before", g.nameAt);
      return [`${g.noun}${name ? ` ${quote(name)}` : ""} is ${destroyVerb(c)}: ${g.loss}`];
    },
  };
}

const objects = "every object (and old version) in it is deleted, or the apply fails if it is not empty";

export const StorageDestroyed = destroyRule(
  "StorageDestroyed",
  "Deleting a bucket, container or storage account deletes the flow code in it; workers cannot pull until the next deploy.",
  {
    aws_s3_bucket: { noun: "S3 bucket", nameAt: [["bucket"], ["id"]], loss: objects },
    google_storage_bucket: { noun: "GCS bucket", nameAt: [["name"], ["id"]], loss: objects },
    azurerm_storage_container: { noun: "Azure container", nameAt: [["name"], ["id"]], loss: "every blob in it is deleted" },
    azurerm_storage_account: {
      noun: "Azure storage account",
      nameAt: [["name"], ["id"]],
      loss: "every container and blob in it is deleted, and its keys and SAS tokens stop working",
    },
  },
);

export const RegistryDestroyed = destroyRule(
  "RegistryDestroyed",
  "Deleting an image registry deletes the flow images in it; deployments that pull them fail.",
  {
    aws_ecr_repository: { noun: "ECR repository", nameAt: [["name"], ["id"]], loss: "every image in it is deleted (or the apply fails unless force_delete)" },
    google_artifact_registry_repository: {
      noun: "Artifact Registry repository",
      nameAt: [["repository_id"], ["name"], ["id"]],
      loss: "every image in it is deleted",
    },
    azurerm_container_registry: { noun: "Azure container registry", nameAt: [["name"], ["id"]], loss: "every image in it is deleted" },
  },
);

export const CredentialsDestroyed = destroyRule(
  "CredentialsDestroyed",
  "Deleting a key or credentials block cuts off whoever uses it (CI pushing code, workers pulling it) until they get the new one.",
  {
    aws_iam_access_key: { noun: "IAM access key of user", nameAt: [["user"]], loss: "anything still using the old key is denied" },
    google_service_account_key: {
      noun: "service-account key of",
      nameAt: [["service_account_id"]],
      loss: "anything still using the old key is denied",
    },
    prefect_block: {
      noun: "Prefect block",
      nameAt: [["name"]],
      loss: "deployments whose steps reference it fail until it exists again (a new block gets a new id)",
    },
  },
);
