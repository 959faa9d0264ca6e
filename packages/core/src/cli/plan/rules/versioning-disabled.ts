/** Turning off object versioning, the only undo for an overwritten or deleted flow-code object. */
import { formatPath, type ChangeReader, type PathSegment, type Shown } from "../values";
import { planAction, quote, type PlanRule } from "./rule";

interface VersioningSetting {
  /** Where the setting lives in the resource's attributes. */
  readonly path: PathSegment[];
  readonly on: (v: unknown) => boolean;
  /** Whether destroying the resource (not its bucket) switches versioning off, as for aws_s3_bucket_versioning. */
  readonly offWhenDestroyed?: boolean;
}

const enabledFlag = (v: unknown): boolean => v === true;

const SETTINGS: Record<string, VersioningSetting> = {
  aws_s3_bucket_versioning: {
    path: ["versioning_configuration", 0, "status"],
    on: (v) => v === "Enabled",
    // The provider suspends versioning when this resource is destroyed.
    offWhenDestroyed: true,
  },
  aws_s3_bucket: { path: ["versioning", 0, "enabled"], on: enabledFlag },
  google_storage_bucket: { path: ["versioning", 0, "enabled"], on: enabledFlag },
  azurerm_storage_account: { path: ["blob_properties", 0, "versioning_enabled"], on: enabledFlag },
};

const isOn = (s: Shown, setting: VersioningSetting): boolean => s.state === "known" && setting.on(s.value);

export const VersioningDisabled: PlanRule = {
  id: "VersioningDisabled",
  explanation: "Without versioning an overwritten or deleted flow-code object cannot be recovered.",
  check: (c: ChangeReader) => {
    const setting = SETTINGS[c.type];
    if (!setting) return [];
    const action = planAction(c.change);
    const where = formatPath(setting.path);
    const before = c.read("before", setting.path);
    if (!isOn(before, setting)) return [];
    if (action === "delete") {
      return setting.offWhenDestroyed ? [`versioning is suspended: destroying this resource turns it off on the bucket`] : [];
    }
    if (action !== "update" && action !== "replace") return [];
    const after = c.read("after", setting.path);
    if (after.state === "unknown" || after.state === "sensitive") return [`${where} may turn versioning off: now ${quote(after)}`];
    if (isOn(after, setting)) return [];
    return [`versioning is turned off: ${where} ${quote(before)} -> ${quote(after)}`];
  },
};
