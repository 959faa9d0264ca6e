import { findings, Rule } from "../rule";

/** An environment variable read by Prefect's `{{ $NAME }}` placeholder. */
export const EnvVarName: Rule = {
  id: "EnvVarName",
  explanation: "Environment variable names for {{ $NAME }} placeholders match ^[A-Za-z_][A-Za-z0-9_]*$.",
  check: (name) =>
    findings([
      !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name),
      "must match ^[A-Za-z_][A-Za-z0-9_]*$",
      `use "${name.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^(\d)/, "_$1") || "PREFECT_ENV"}"`,
    ]),
};
