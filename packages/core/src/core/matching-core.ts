import * as fs from "fs";
import * as path from "path";

/** This package's directory: two levels above this file, from src/core/ and lib/core/ alike. */
const CORE_DIR = path.join(__dirname, "..", "..");

/**
 * Throws unless the core loaded here is the version `dependent` (a cloud package's package.json)
 * was released with. The cloud packages reach into the core's lib/ by deep imports, whose layout
 * only the same version promises. npm refuses a mismatch (the peer dependency is exact); yarn, pnpm
 * and `--legacy-peer-deps` only warn, so each cloud package checks when it is loaded.
 * @internal
 */
export function requireMatchingCore(dependent: { readonly name: string; readonly version: string }): void {
  const core = JSON.parse(fs.readFileSync(path.join(CORE_DIR, "package.json"), "utf8")) as { name: string; version: string };
  if (core.version === dependent.version) return;
  throw new Error(
    `${dependent.name} ${dependent.version} works only with ${core.name} ${dependent.version}, but ${core.name} ${core.version} ` +
      `is installed (${CORE_DIR}). The packages are released together: install the same version of each, ` +
      `e.g. npm install ${core.name}@${dependent.version} ${dependent.name}@${dependent.version}.`,
  );
}
