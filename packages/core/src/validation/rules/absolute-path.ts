import { findings, Rule } from "../rule";

/** A directory on the worker for set_working_directory: absolute, normalised. */
export const AbsoluteDirectory: Rule = {
  id: "AbsoluteDirectory",
  explanation: "The code directory is an absolute path on the worker (/srv/flows or C:\\flows) with no '..' segment.",
  check: (dir) =>
    findings(
      [!/^(\/|[A-Za-z]:[\\/])/.test(dir), "is not absolute; the worker's working directory is unknown", "use an absolute path such as /srv/flows"],
      [dir.split(/[\\/]/).includes(".."), "contains a '..' segment"],
      [/[\x00-\x1f\x7f]/.test(dir), "contains a control character"],
      [/\{\{|\$\{/.test(dir), "contains a template or interpolation"],
    ),
};
