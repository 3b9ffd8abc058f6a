/**
 * discoverWorkspace: from scan patterns to the packages, files and modules goconc
 * analyses. Steps: walk the patterns (walk.ts), find each folder's module (modules.ts),
 * read each file's header and keep the files that build for some default target
 * (header.ts), then sort everything so the same tree always gives the same workspace.
 * Bad input never throws: it becomes a Diagnostic and the scan goes on.
 */
import * as path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../core/findings.js';
import type { DiscoverOptions, GoModule, PackageRef, SourceFileRef, Workspace } from './types.js';
import { walkPatterns } from './walk.js';
import { ModuleResolver, findGoWork, loadWorkModules } from './modules.js';
import { evaluateFileConstraints } from './header.js';
import { readHeaderSync } from './read-header.js';
import { DEFAULT_TARGETS, is32Bit } from './targets.js';
import { describeFsError, isTestFileName, relativeTo, toSlash } from './paths.js';

export async function discoverWorkspace(patterns: string[], opts: DiscoverOptions): Promise<Workspace> {
  const cwd = path.resolve(opts.cwd);
  const includeTests = opts.includeTests !== false;
  const diagnostics: Diagnostic[] = [];
  const resolver = new ModuleResolver(cwd, diagnostics);

  const goWork = findGoWork(cwd);
  if (goWork !== null) loadWorkModules(goWork, resolver, cwd, diagnostics);

  const candidates = walkPatterns(patterns.length > 0 ? patterns : ['./...'], { cwd, includeTests }, diagnostics);

  const jobs = candidates.flatMap((pkg) => {
    const module = resolver.moduleFor(pkg.dir);
    return pkg.files.map((name) => ({ pkg, module, name, absPath: path.join(pkg.dir, name) }));
  });

  const files = jobs.map((job): SourceFileRef | null => {
    const relPath = relativeTo(cwd, job.absPath);
    let header: string;
    try {
      header = readHeaderSync(job.absPath);
    } catch (e) {
      diagnostics.push({ file: relPath, line: 0, message: `cannot read file: ${describeFsError(e)}` });
      return null;
    }
    const result = evaluateFileConstraints(header, job.name, DEFAULT_TARGETS, job.module?.goVersion ?? null);
    for (const p of result.problems) diagnostics.push({ file: relPath, line: p.line, message: p.message });
    if (result.targets.length === 0) return null;
    return {
      absPath: job.absPath,
      relPath,
      isTest: isTestFileName(job.name),
      targets: result.targets,
      builds32: result.targets.some((t) => is32Bit(t.goarch)),
    };
  });

  const byPackage = new Map<string, SourceFileRef[]>();
  jobs.forEach((job, i) => {
    const file = files[i];
    if (!file) return;
    const list = byPackage.get(job.pkg.dir) ?? [];
    list.push(file);
    byPackage.set(job.pkg.dir, list);
  });

  const packages: PackageRef[] = [];
  for (const pkg of candidates) {
    const pkgFiles = byPackage.get(pkg.dir);
    if (!pkgFiles || pkgFiles.length === 0) continue;
    const module = resolver.moduleFor(pkg.dir);
    packages.push({
      dir: pkg.dir,
      relDir: relativeTo(cwd, pkg.dir),
      importPath: importPathOf(pkg.dir, module, cwd),
      module,
      files: pkgFiles.sort((a, b) => compareStrings(path.basename(a.absPath), path.basename(b.absPath))),
    });
  }
  packages.sort((a, b) => compareStrings(a.relDir, b.relDir));
  diagnostics.sort(compareDiagnostics);

  return { cwd, modules: resolver.allModules(), packages, diagnostics: dedupe(diagnostics) };
}

/** Module path plus the folder inside the module; the relative folder outside modules. */
export function importPathOf(dir: string, module: GoModule | null, cwd: string): string {
  if (module === null) return relativeTo(cwd, dir);
  const inside = toSlash(path.relative(module.dir, dir));
  // The standard library's module is called "std" but its packages are "fmt", "net/http".
  if (module.path === 'std') return inside === '' ? 'std' : inside;
  return inside === '' ? module.path : `${module.path}/${inside}`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dedupe(sorted: Diagnostic[]): Diagnostic[] {
  return sorted.filter((d, i) => i === 0 || compareDiagnostics(d, sorted[i - 1]!) !== 0);
}
