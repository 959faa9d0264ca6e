import { findings, Rule } from "../rule";

/** Prefect variable names: `[a-z0-9_-]`, at most 255 characters. */
export const VariableName: Rule = {
  id: "VariableName",
  explanation: "Prefect variable names match ^[a-z0-9_-]+$ and are at most 255 characters.",
  check: (name) =>
    findings(
      [
        !/^[a-z0-9_-]+$/.test(name),
        "must match ^[a-z0-9_-]+$",
        `use "${name.toLowerCase().replace(/[^a-z0-9_-]+/g, "_") || "my_variable"}"`,
      ],
      [name.length > 255, "is longer than 255 characters"],
    ),
};
