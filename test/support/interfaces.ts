/** Exported interfaces of a TypeScript source file, read with the compiler API (for schema checks). */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export interface ParsedProperty {
  name: string;
  optional: boolean;
  doc: string;
}
export interface ParsedInterface {
  file: string;
  heritage: string[];
  properties: ParsedProperty[];
  /** Members other than plain properties (methods, index signatures): a config should have none. */
  otherMembers: string[];
}

export function parseInterfaces(file: string): Map<string, ParsedInterface> {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = new Map<string, ParsedInterface>();
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const exported = ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    if (!exported) continue;
    const properties: ParsedProperty[] = [];
    const otherMembers: string[] = [];
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member)) {
        otherMembers.push(member.getText(source));
        continue;
      }
      properties.push({
        name: member.name.getText(source),
        optional: member.questionToken !== undefined,
        // The leading trivia holds the JSDoc.
        doc: text.slice(member.getFullStart(), member.getStart(source)),
      });
    }
    const heritage = (statement.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(source)));
    found.set(statement.name.text, { file: path.basename(file), heritage, properties, otherMembers });
  }
  return found;
}

