/**
 * Finds the module that governs a folder (the nearest go.mod at or above it, as the go
 * command does) and the modules a go.work file lists. Results are cached per folder, so
 * a walk over thousands of folders touches each go.mod candidate once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../core/findings.js';
import type { GoModule } from './types.js';
import { parseGoMod, parseGoWork } from './gomod.js';
import { describeFsError, relativeTo } from './paths.js';

export class ModuleResolver {
  private readonly byDir = new Map<string, GoModule | null>();
  /** Modules already read, by folder, so every package of a module shares one object. */
  private readonly modules = new Map<string, GoModule | null>();

  constructor(
    private readonly cwd: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** The module governing `dir`, or null when no go.mod is found up to the file system root. */
  moduleFor(dir: string): GoModule | null {
    const walkedUp: string[] = [];
    let found: GoModule | null = null;
    for (let d = dir; ; ) {
      const cached = this.byDir.get(d);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      walkedUp.push(d);
      if (isFile(path.join(d, 'go.mod'))) {
        found = this.moduleAt(d);
        break;
      }
      const parent = path.dirname(d);
      if (parent === d) break;
      d = parent;
    }
    for (const d of walkedUp) this.byDir.set(d, found);
    return found;
  }

  /** Reads the go.mod in `dir`; a diagnostic and null when it cannot be used. */
  moduleAt(dir: string): GoModule | null {
    const known = this.modules.get(dir);
    if (known !== undefined) return known;
    const file = path.join(dir, 'go.mod');
    let mod: GoModule | null = null;
    try {
      const parsed = parseGoMod(fs.readFileSync(file, 'utf8'));
      if (parsed.module === null || parsed.module === '') {
        this.diagnostics.push({ file: relativeTo(this.cwd, file), line: 0, message: 'go.mod has no module directive' });
      } else {
        mod = { dir, path: parsed.module, goVersion: parsed.go };
      }
    } catch (e) {
      this.diagnostics.push({
        file: relativeTo(this.cwd, file),
        line: 0,
        message: `cannot read go.mod: ${describeFsError(e)}`,
      });
    }
    this.modules.set(dir, mod);
    return mod;
  }

  /** Every module read so far, sorted by folder. */
  allModules(): GoModule[] {
    return [...this.modules.values()]
      .filter((m): m is GoModule => m !== null)
      .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  }
}

/** The nearest go.work at or above `cwd`, or null. */
export function findGoWork(cwd: string): string | null {
  for (let d = cwd; ; ) {
    const candidate = path.join(d, 'go.work');
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(d);
    if (parent === d) return null;
    d = parent;
  }
}

/** Reads the modules a go.work lists with `use`; unusable entries become diagnostics. */
export function loadWorkModules(goWorkFile: string, resolver: ModuleResolver, cwd: string, diagnostics: Diagnostic[]): void {
  let text: string;
  try {
    text = fs.readFileSync(goWorkFile, 'utf8');
  } catch (e) {
    diagnostics.push({ file: relativeTo(cwd, goWorkFile), line: 0, message: `cannot read go.work: ${describeFsError(e)}` });
    return;
  }
  const base = path.dirname(goWorkFile);
  for (const use of parseGoWork(text).use) {
    const dir = path.resolve(base, use);
    if (!isFile(path.join(dir, 'go.mod'))) {
      diagnostics.push({ file: relativeTo(cwd, goWorkFile), line: 0, message: `go.work uses ${use}, which has no go.mod` });
      continue;
    }
    resolver.moduleAt(dir);
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
