/**
 * Git: flow code cloned from GitHub, GitLab or Bitbucket. Loads `@cdktf/provider-github` (deploy keys)
 * and `@cdktf/provider-gitlab` (project access tokens), deep imports only.
 */
import { requireMatchingCore } from "prefect-code-storage/lib/core/matching-core";

// The core this package reaches into must be the version it was released with.
requireMatchingCore(require("../package.json"));

export * from "./git-credentials";
export * from "./git-token";
export * from "./git-code-storage";
