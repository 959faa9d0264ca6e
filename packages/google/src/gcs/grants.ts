/**
 * Bucket IAM bindings for flow code in GCS, scoped as tightly as Cloud Storage allows. What
 * Prefect's steps call (see the facts on push_to_gcs / pull_from_gcs):
 * - push: one `upload_from_filename` per file, i.e. objects.insert of `<folder>/<path>`. Creating
 *   an object needs `storage.objects.create`; replacing one that exists (every deploy after the
 *   first) also needs `storage.objects.delete`. `roles/storage.objectCreator` alone fails the
 *   second deploy.
 * - pull: `list_blobs(bucket, prefix=<folder>)` (note: no trailing slash), then one media GET per
 *   object: `storage.objects.list` + `storage.objects.get`.
 *
 * How IAM Conditions apply: object permissions (create, delete, get) are checked against the object,
 * whose `resource.name` is `projects/_/buckets/<bucket>/objects/<object name>`, so a
 * `resource.name.startsWith(".../objects/<folder>/")` condition limits them to the folder.
 * `storage.objects.list` is checked against the bucket (`projects/_/buckets/<bucket>`), never an
 * object: a list request carries a prefix filter, it does not touch the objects it returns. So the
 * folder condition can never grant a listing, and pull needs a second binding for `list` that
 * holds on the bucket. That binding shows names and metadata of every object in the bucket (no
 * content: `get` stays folder-scoped); keep other data out of the code bucket, or opt in to
 * `restrictListingToFolder`, which conditions the listing on the request's prefix
 * (`storage.googleapis.com/objectListPrefix`, an attribute Google documents for credential access
 * boundaries; verify that your organization honours it in bucket policies before relying on it).
 */

export interface GcsFolderLocation {
  /** The bucket's name (literal, or a Terraform token). */
  readonly bucketName: string;
  /** The static folder, without a trailing slash, e.g. `flows/etl`. */
  readonly folder: string;
  /** Object-name prefix all object access is limited to, ending in `/`, e.g. `flows/etl/`. */
  readonly prefix: string;
}

/** An IAM Condition on a bucket binding (title, description and CEL expression), e.g. the one limiting object access to the code folder. */
export interface BindingCondition {
  readonly title: string;
  readonly description: string;
  readonly expression: string;
}

/** One binding on the bucket: a role, optionally under a condition. */
export interface FolderBinding {
  /** `objects` (folder-scoped object access) or `list` (the bucket-level listing). */
  readonly purpose: "objects" | "list";
  readonly role: string;
  /** @default - none: the role holds on the whole bucket */
  readonly condition?: BindingCondition;
}

/** The roles the bindings use, by what they are for. */
export interface GcsAccessRoles {
  /** create + delete, bound under the folder condition. */
  readonly push: string;
  /** get, bound under the folder condition. */
  readonly read: string;
  /** list, bound on the bucket. */
  readonly list: string;
}

/** Exactly what the steps need, for the custom roles (the default). @internal */
export const CUSTOM_ROLE_PERMISSIONS: { readonly [K in keyof GcsAccessRoles]: readonly string[] } = {
  push: ["storage.objects.create", "storage.objects.delete"],
  read: ["storage.objects.get"],
  list: ["storage.objects.list"],
};

/**
 * The smallest predefined roles that work, for projects where custom roles cannot be created.
 * Under the folder condition, objectUser adds get/update/restore of the folder's objects to push,
 * and objectViewer adds nothing usable to pull (its list is refused by the condition).
 * legacyBucketReader (bucket metadata + list) carries the listing; it is bound without a condition.
 * @internal
 */
export const PREDEFINED_ROLES: GcsAccessRoles = {
  push: "roles/storage.objectUser",
  read: "roles/storage.objectViewer",
  list: "roles/storage.legacyBucketReader",
};

/** A CEL string literal; JSON escaping is valid CEL escaping. */
const cel = (text: string) => JSON.stringify(text);

/** Object permissions only for `gs://<bucket>/<folder>/...`. @internal */
export function folderCondition(loc: GcsFolderLocation, side: "push" | "pull"): BindingCondition {
  return {
    title: `prefect-code-${side}`,
    description: `Only objects under gs://${loc.bucketName}/${loc.prefix}`,
    expression: `resource.name.startsWith(${cel(`projects/_/buckets/${loc.bucketName}/objects/${loc.prefix}`)})`,
  };
}

/**
 * Listing only with a prefix inside the folder. Prefect's pull asks for `<folder>` itself (no
 * trailing slash), or `<folder>/<suffix>` when the folder is extended from the deploy environment.
 * @internal
 */
export function listCondition(loc: GcsFolderLocation): BindingCondition {
  const prefix = `api.getAttribute("storage.googleapis.com/objectListPrefix", "")`;
  return {
    title: "prefect-code-list",
    description: `Only listings of gs://${loc.bucketName}/${loc.prefix}`,
    expression: `${prefix} == ${cel(loc.folder)} || ${prefix}.startsWith(${cel(loc.prefix)})`,
  };
}

/** create + delete under the folder. @internal */
export function pushBindings(loc: GcsFolderLocation, roles: GcsAccessRoles): FolderBinding[] {
  return [{ purpose: "objects", role: roles.push, condition: folderCondition(loc, "push") }];
}

/** get under the folder, and list on the bucket (optionally limited to the folder's prefix). @internal */
export function pullBindings(loc: GcsFolderLocation, roles: GcsAccessRoles, restrictListing = false): FolderBinding[] {
  return [
    { purpose: "objects", role: roles.read, condition: folderCondition(loc, "pull") },
    { purpose: "list", role: roles.list, condition: restrictListing ? listCondition(loc) : undefined },
  ];
}
