import { createHash } from "crypto";
import { slugify } from "../core/slugify";

/**
 * Fits `name` into `max` characters: unchanged when it fits, else cut and suffixed with a short
 * hash of the whole name, so two long names that share a beginning stay distinct and stable.
 */
export function fitName(name: string, max: number): string {
  if (name.length <= max) return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${name.slice(0, max - 9).replace(/[-_.]+$/, "")}-${hash}`;
}

/** A default name stem for blocks and identities of a storage, from what identifies it. */
export function defaultNameStem(...parts: string[]): string {
  return slugify(parts.filter(Boolean).join("-")) || "prefect-code";
}

/** A Terraform output/logical-id–safe form of a construct id. */
export function logicalName(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, "_");
}
