import { findings, Rule } from "../rule";

/**
 * The target platform of an image build (`platform` of docker-py's build): `os/arch[/variant]` such
 * as `linux/amd64` or `linux/arm64/v8`, or an architecture alone. Build it for where the flow runs:
 * an image built on an Apple silicon laptop is `linux/arm64` and fails on amd64 ECS, Cloud Run and
 * Container Instances.
 */
export const DockerPlatform: Rule = {
  id: "DockerPlatform",
  explanation: "Build platforms are os/arch[/variant] such as linux/amd64 or linux/arm64/v8 (lowercase).",
  check: (platform) =>
    findings([
      !/^[a-z0-9_]+(?:\/[a-z0-9_]+){0,2}$/.test(platform),
      "must be os/arch[/variant] such as linux/amd64",
      /^[A-Za-z0-9_]+(?:\/[A-Za-z0-9_]+){0,2}$/.test(platform.trim()) ? `use "${platform.trim().toLowerCase()}"` : undefined,
    ]),
};
