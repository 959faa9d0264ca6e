/**
 * The README's ```ts snippets as TypeScript modules a compiler can check: each snippet's imports, then
 * `declare`s for what the surrounding prose assumes (`stack`, `project`, `storage`, a worker
 * identity) where the snippet uses it without defining it, then its body. Used by the entry-points
 * test (against src/) and the built-package test (against lib/).
 */
import * as fs from "fs";
import * as path from "path";

/** The ```ts snippets of a README, in order. */
export function readmeSnippets(readmeFile: string): string[] {
  const readme = fs.readFileSync(readmeFile, "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/**
 * One snippet as a module: its imports, `declare`s for what it uses without defining, its body, and an
 * export of every top-level name it declares (a snippet is a fragment: what it declares is for the
 * code after it, so an unused one is no error even under `noUnusedLocals`, as in cdktf's template).
 */
export function snippetModule(code: string): string {
  const context = [
    /\bconst stack\b/.test(code) ? "" : 'declare const stack: import("cdktf").TerraformStack;',
    /\bproject\b/.test(code) && !/\bconst project\b/.test(code) ? 'declare const project: import("prefect-code-storage").PrefectProject;' : "",
    /\bstorage\.uploadCode\b/.test(code) && !/\bconst storage\b/.test(code) ? 'declare const storage: import("prefect-code-storage-aws").S3CodeStorage;' : "",
    /\bworkerIdentity\b/.test(code) ? "declare const workerIdentity: { principalId: string };" : "",
  ];
  const imports = code.split("\n").filter((l) => l.startsWith("import "));
  const body = code.split("\n").filter((l) => !l.startsWith("import "));
  const declared = body.flatMap((l) => l.match(/^(?:const|let|var|class|function)\s+([A-Za-z_$][\w$]*)/)?.[1] ?? []);
  return [...imports, ...context, ...body, `export { ${declared.join(", ")} };`].join("\n");
}

/** Writes every snippet of `readmeFile` as `<dir>/snippet-<n>.ts` (n from 1); returns the files. */
export function writeSnippetModules(readmeFile: string, dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return readmeSnippets(readmeFile).map((code, i) => {
    const file = path.join(dir, `snippet-${i + 1}.ts`);
    fs.writeFileSync(file, snippetModule(code));
    return file;
  });
}
