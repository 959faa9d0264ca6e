/**
 * Git: flow code cloned from GitHub, GitLab or Bitbucket. Loads `@cdktf/provider-github` (deploy keys)
 * and `@cdktf/provider-gitlab` (project access tokens), deep imports only.
 */
export * from "./storage/git/git-credentials";
export * from "./storage/git/git-token";
export * from "./storage/git/git-code-storage";
