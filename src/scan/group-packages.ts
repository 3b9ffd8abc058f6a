/** Turns parsed files into model packages: a folder's files, with an external test
 * package (`package x_test`) split off as Go does. */
import type { GoFile } from '../syntax/ast.js';
import type { ParsedPackage } from '../model/program.js';
import type { PackageRef, SourceFileRef } from '../workspace/types.js';

export function groupPackages(refs: PackageRef[], parsed: Map<string, GoFile>): ParsedPackage[] {
  const out: ParsedPackage[] = [];
  for (const ref of refs) {
    const files: Array<{ ast: GoFile; ref: SourceFileRef }> = [];
    for (const f of ref.files) {
      const ast = parsed.get(f.absPath);
      if (ast) files.push({ ast, ref: f });
    }
    if (!files.length) continue;
    const base = files.find((f) => !f.ref.isTest)?.ast.packageName ?? files[0]!.ast.packageName.replace(/_test$/, '');
    const main = files.filter((f) => !(f.ref.isTest && f.ast.packageName === `${base}_test` && base !== f.ast.packageName));
    const external = files.filter((f) => !main.includes(f));
    if (main.length) out.push({ ref, importPath: ref.importPath, files: main });
    if (external.length) out.push({ ref, importPath: `${ref.importPath}_test`, files: external });
  }
  return out;
}
