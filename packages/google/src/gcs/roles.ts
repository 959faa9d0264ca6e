import { ProjectIamCustomRole } from "@cdktf/provider-google/lib/project-iam-custom-role";
import { Construct } from "constructs";
import { fitName } from "prefect-code-storage/lib/storage/names";
import { CUSTOM_ROLE_PERMISSIONS, GcsAccessRoles } from "./grants";

/** Props of GcsCustomRoles: the project that holds the push, read and list custom roles, and the stem that makes their IDs unique. */
export interface GcsCustomRolesProps {
  readonly project: string;
  /** Makes the role IDs unique per storage: `prefect_code_<push|read|list>_<stem>`. */
  readonly stem: string;
}

const PURPOSE = { push: "upload (create, overwrite)", read: "download", list: "list" } as const;

/**
 * The three project custom roles holding exactly the permissions Prefect's steps use. Creating them
 * needs `iam.roles.create` on the project. A deleted custom role is kept for a while before its ID
 * can be reused; the Google provider undeletes it when the same ID is created again.
 */
export class GcsCustomRoles extends Construct {
  /** The roles' full names (`projects/<project>/roles/<id>`), as bindings take them. */
  readonly roles: GcsAccessRoles;

  constructor(scope: Construct, id: string, props: GcsCustomRolesProps) {
    super(scope, id);
    const make = (key: keyof GcsAccessRoles) =>
      new ProjectIamCustomRole(this, key, {
        project: props.project,
        roleId: customRoleId(key, props.stem),
        title: fitName(`Prefect code ${key} (${props.stem})`, 100),
        description: `Prefect flow code ${PURPOSE[key]} for storage ${props.stem}, bound on its bucket only.`.slice(0, 256),
        permissions: [...CUSTOM_ROLE_PERMISSIONS[key]],
        stage: "GA",
      }).name;
    this.roles = { push: make("push"), read: make("read"), list: make("list") };
  }
}

/** Role IDs allow `[a-zA-Z0-9_.]{3,64}`. @internal */
export function customRoleId(key: keyof GcsAccessRoles, stem: string): string {
  return fitName(`prefect_code_${key}_${stem}`.replace(/[^A-Za-z0-9_.]/g, "_"), 64).replace(/-/g, "_");
}
