import { findings, Rule } from "../rule";
import { DOCKER_PATH_COMPONENT } from "./docker-repository-path";
import { DOCKER_TAG } from "./docker-tag";

/** The registries this library provisions, by what their hosts look like. */
import { ImageRegistryKind } from "../../core/image-registry-kind";

export { ImageRegistryKind };

/** A full image reference, split as Docker splits it. */
export interface ParsedImageReference {
  /** Registry host (and port); undefined means Docker Hub. */
  readonly host?: string;
  /** Path inside the registry, e.g. `prefect/etl`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::\\d+)?$`);
const PATH = new RegExp(`^${DOCKER_PATH_COMPONENT}(?:/${DOCKER_PATH_COMPONENT})*$`);
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/**
 * Splits `[host/]path[:tag][@digest]` the way Docker does: the first component is a registry host
 * when it has a `.` or a `:` or is `localhost`. Undefined when the shape is wrong.
 */
export function parseImageReference(reference: string): ParsedImageReference | undefined {
  const at = reference.indexOf("@");
  const nameAndTag = at < 0 ? reference : reference.slice(0, at);
  const digest = at < 0 ? undefined : reference.slice(at + 1);
  const lastSlash = nameAndTag.lastIndexOf("/");
  const colon = nameAndTag.lastIndexOf(":");
  const hasTag = colon > lastSlash;
  const name = hasTag ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(colon + 1) : undefined;
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  const isHost = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  const host = isHost ? first : undefined;
  const path = isHost ? name.slice(slash + 1) : name;
  if (host !== undefined && !DOMAIN.test(host)) return undefined;
  if (!PATH.test(path) || name.length > 255) return undefined;
  if (tag !== undefined && !DOCKER_TAG.test(tag)) return undefined;
  if (digest !== undefined && !DIGEST.test(digest)) return undefined;
  return { host, path, tag, digest };
}

/** Which provisioned registry a host belongs to; undefined for any other (Docker Hub, GHCR, ...). */
export function registryKindOfHost(host: string | undefined): ImageRegistryKind | undefined {
  if (!host) return undefined;
  const h = host.toLowerCase();
  if (/^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/.test(h)) return ImageRegistryKind.ECR;
  if (/^[a-z0-9-]+-docker\.pkg\.dev$/.test(h) || /^(?:[a-z]+\.)?gcr\.io$/.test(h)) return ImageRegistryKind.ARTIFACT_REGISTRY;
  if (/^[a-z0-9]+\.azurecr\.io$/.test(h)) return ImageRegistryKind.ACR;
  return undefined;
}

/**
 * A full image reference for an image built outside Prefect (by CI): `<registry host>/<path>:<tag>`
 * or `...@sha256:<digest>`. A tag or digest is required: without one Docker means `latest`, which
 * moves under deployments that are already running.
 */
export const DockerImageReference: Rule = {
  id: "DockerImageReference",
  explanation:
    "Image references are [host[:port]/]path[:tag][@digest] with a lowercase path, and here name a tag or digest (not an implicit 'latest').",
  check: (reference) => {
    const parsed = parseImageReference(reference);
    const lowered = withLowercaseName(reference);
    return findings(
      [
        !parsed,
        "is not an image reference ([host[:port]/]path[:tag][@digest], path components lowercase)",
        lowered !== reference && parseImageReference(lowered) ? `use "${lowered}"` : undefined,
      ],
      [
        !!parsed && parsed.tag === undefined && parsed.digest === undefined,
        "names no tag or digest, so it means 'latest', which changes under running deployments",
        "add the tag or digest CI pushed, e.g. <image>:<git sha>",
      ],
    );
  },
};

/** The reference with its name (not its tag or digest) lowercased: tags may hold capitals, paths may not. */
function withLowercaseName(reference: string): string {
  const at = reference.indexOf("@");
  const nameAndTag = at < 0 ? reference : reference.slice(0, at);
  const colon = nameAndTag.lastIndexOf(":");
  const nameEnd = colon > nameAndTag.lastIndexOf("/") ? colon : nameAndTag.length;
  return reference.slice(0, nameEnd).toLowerCase() + reference.slice(nameEnd);
}
