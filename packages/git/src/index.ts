/**
 * Git: flow code cloned from GitHub, GitLab or Bitbucket. Loads `@cdktf/provider-github` (deploy keys)
 * and `@cdktf/provider-gitlab` (project access tokens), deep imports only.
 */
export * from "./git-credentials";
export * from "./git-token";
export * from "./git-code-storage";
