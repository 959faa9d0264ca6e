import { slugify } from "../../core/slugify";
import { findings, Rule } from "../rule";

/** Prefect block document names (and block type slugs) use only `[a-z0-9-]`. */
export const BlockName: Rule = {
  id: "BlockName",
  explanation: "Prefect block names match ^[a-z0-9-]+$ (lowercase letters, digits and hyphens).",
  check: (name) =>
    findings([!/^[a-z0-9-]+$/.test(name), "must match ^[a-z0-9-]+$", `use "${slugify(name) || "my-block"}"`]),
};
