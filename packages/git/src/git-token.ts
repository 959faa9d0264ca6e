import { ProjectAccessToken, ProjectAccessTokenRotationConfiguration } from "@cdktf/provider-gitlab/lib/project-access-token";
import { Construct } from "constructs";

/** Options of a read-only GitLab project access token that Terraform creates and rotates (`GitToken.gitlabProjectAccessToken`): the project, the token's name and its rotation. */
export interface GitLabProjectAccessTokenOptions {
  /** The GitLab project: its numeric id or full path (`group/project`). */
  readonly project: string;
  /** @default "prefect-workers" */
  readonly name?: string;
  /**
   * Rotation done by the GitLab provider at apply time: the token lives `expirationDays` and is
   * replaced (block updated in the same apply) once fewer than `rotateBeforeDays` remain.
   * @default { expirationDays: 90, rotateBeforeDays: 14 }
   */
  readonly rotation?: ProjectAccessTokenRotationConfiguration;
}

/**
 * Where a git token comes from. Never a literal in code: either a sensitive Terraform variable's value
 * (or another resource's attribute), or a token Terraform creates itself where the host allows it.
 */
export class GitToken {
  /**
   * A token from a sensitive `TerraformVariable` (`.stringValue`) or a resource attribute.
   * For GitHub, a fine-grained personal access token with Contents: read-only on the selected
   * repository only (GitHub offers no API to create one, so Terraform cannot).
   */
  static fromValue(value: string): GitToken {
    return new GitToken("value", value);
  }

  /**
   * A GitLab project access token created by Terraform with only the `read_repository` scope at
   * Reporter level (the least that can read a private repository), rotated by the GitLab provider.
   * Needs a GitLab provider in the stack (token from GITLAB_TOKEN, by a maintainer of the project).
   */
  static gitlabProjectAccessToken(options: GitLabProjectAccessTokenOptions): GitToken {
    return new GitToken("gitlab-project-access-token", undefined, options);
  }

  private constructor(
    readonly kind: "value" | "gitlab-project-access-token",
    readonly value?: string,
    readonly gitlab?: GitLabProjectAccessTokenOptions,
  ) {}

  /** The token as a Terraform expression, creating the GitLab token resource if that is the source. */
  resolve(scope: Construct): string {
    if (this.kind === "value") return this.value!;
    const token = new ProjectAccessToken(scope, "gitlab-project-access-token", {
      project: this.gitlab!.project,
      name: this.gitlab!.name ?? "prefect-workers",
      scopes: ["read_repository"],
      accessLevel: "reporter",
      rotationConfiguration: this.gitlab!.rotation ?? { expirationDays: 90, rotateBeforeDays: 14 },
    });
    return token.token;
  }
}
