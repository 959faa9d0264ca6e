import { Rule, RuleFinding } from "../rule";

const BANNED = /[/%&><]/g;

/**
 * A work pool's name as Prefect takes it (`NonEmptyishName`): not empty once spaces and quotes are
 * stripped, and without `/ % & > <`, which would break the API URLs the name goes into. Leading or
 * trailing whitespace is allowed by Prefect but makes a second, different-looking pool name
 * (`prefect worker start --pool etl` would not find " etl"), so it is reported too.
 */
export const WorkPoolName: Rule<unknown> = {
  id: "WorkPoolName",
  explanation:
    "A work pool name is not empty, contains none of / % & > < (they break Prefect's API URLs), does not start with 'prefect' (reserved), and has no leading or trailing whitespace.",
  check: (name) => {
    if (typeof name !== "string") return [{ problem: `must be a string, not ${name === null ? "null" : typeof name}` }];
    // Prefect's non_emptyish strips only spaces and quotes.
    if (name.replace(/^[' "]+|[' "]+$/g, "") === "") {
      return [{ problem: name === "" ? "is empty" : "is empty once spaces and quotes are stripped, which Prefect refuses", fix: 'use a name such as "my-pool"' }];
    }
    if (name.trim() === "") return [{ problem: "is only whitespace", fix: 'use a name such as "my-pool"' }];
    const found: RuleFinding[] = [];
    const banned = [...new Set(name.match(BANNED) ?? [])];
    const fixed = name.replace(/[/%&><]+/g, "-").trim();
    if (banned.length) {
      found.push({ problem: `contains ${banned.join(" ")}, which Prefect refuses in names (they break API URLs)`, fix: `use "${fixed.replace(/^-+|-+$/g, "") || "my-pool"}"` });
    }
    if (/^prefect/i.test(name.trim())) {
      // server/api/workers.py: "Work pools starting with 'Prefect' are reserved for internal use." (403)
      const rest = name.trim().replace(/^prefect[-_ ]*/i, "");
      found.push({ problem: 'starts with "prefect", which Prefect reserves: the server refuses to create the pool', fix: `use "${rest || "my-pool"}"` });
    }
    if (name.trim() !== name) {
      found.push({ problem: "has leading or trailing whitespace", fix: `use "${fixed.replace(/^-+|-+$/g, "") || "my-pool"}"` });
    }
    return found;
  },
};
