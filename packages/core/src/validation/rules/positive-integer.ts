import { Rule } from "../rule";

/**
 * A whole number greater than 0, such as a deployment's `concurrency_limit` (Prefect's
 * `PositiveInteger`). Checked at runtime: from Python or YAML-minded code a value may arrive as a
 * string ("5"), which pydantic would coerce but prefect.yaml and Terraform would carry as text.
 */
export const PositiveInteger: Rule<unknown> = {
  id: "PositiveInteger",
  explanation: "The value is a whole number greater than 0 (a number, not a string), such as a concurrency limit of 1 or more.",
  check: (value) => {
    if (typeof value === "string") {
      const n = Number(value.trim());
      return [
        {
          problem: "must be a number, not a string",
          fix: value.trim() !== "" && Number.isSafeInteger(n) && n > 0 ? `use the number ${n}` : "use a whole number of 1 or more, e.g. 1",
        },
      ];
    }
    if (typeof value !== "number") return [{ problem: `must be a number, not ${value === null ? "null" : typeof value}`, fix: "use a whole number of 1 or more, e.g. 1" }];
    if (!Number.isFinite(value)) return [{ problem: "must be a finite number", fix: "use a whole number of 1 or more, e.g. 1" }];
    if (!Number.isInteger(value)) {
      const near = Math.max(1, Math.round(value));
      return [{ problem: "must be a whole number", fix: `use ${near}` }];
    }
    if (value < 1) return [{ problem: "must be greater than 0", fix: "use 1 or more" }];
    if (!Number.isSafeInteger(value)) return [{ problem: `is larger than ${Number.MAX_SAFE_INTEGER}, the largest whole number JavaScript holds exactly`, fix: "use a smaller number" }];
    return [];
  },
};
