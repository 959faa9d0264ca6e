import { findings, Rule } from "../rule";

/**
 * A step's `requires:` as Prefect can honour it. Prefect cuts the version off the requirement
 * (`_strip_version` splits at the first of `<>=!~`), turns `-` into `_` and imports that as a module;
 * only when the import fails does it pip-install. Extras (`prefect-azure[blob_storage]`), URLs and
 * environment markers leave a module name that never imports, so every push and every pull
 * pip-installs first, which fails on a worker without network access.
 */
export const StepRequirement: Rule<unknown> = {
  id: "StepRequirement",
  explanation:
    "A step's requires: must be a plain pip requirement (name and version specifier): Prefect imports the name to decide whether to install, and extras, URLs or markers make that import fail on every run.",
  check: (requirement) => {
    if (typeof requirement !== "string") return [{ problem: `must be a string, not ${typeof requirement}` }];
    const name = requirement.split(/[<>=!~]/)[0].trim();
    const plain = name.replace(/\[[^\]]*\]/g, "");
    const specifier = requirement.slice(requirement.split(/[<>=!~]/)[0].length).trim();
    return findings(
      [
        name !== plain,
        `has extras: Prefect would import "${name.replace(/-/g, "_")}", which never exists, and pip-install on every run`,
        `use "${plain}${specifier}" and install "${name}" in the worker image`,
      ],
      [/[@;]|:\/\//.test(requirement), "is a URL or has an environment marker: Prefect cannot derive a module name from it", "use a plain requirement such as \"prefect-aws>=0.5.0\""],
      [
        name === plain && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(plain),
        "has no valid package name before its version specifier",
        "use a requirement such as \"prefect-aws>=0.5.0\"",
      ],
    );
  },
};
