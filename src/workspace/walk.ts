/**
 * Turns scan patterns into candidate package folders and their .go files. Synchronous on
 * purpose: directory listing is cheap next to header reads, and a single-threaded walk in
 * sorted order makes "which path claims a folder reached twice" deterministic.
 *
 * Symbolic links to folders are followed once per real path. They are taken after the
 * plain walk of every root, so a folder reachable both directly and through a link is
 * reported under its direct path. A link whose target is the real path of one of its own
 * logical ancestors is a loop and yields a diagnostic.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../core/findings.js';
import { describeFsError as errorText, isCandidateGoFile, isSkippedDirName, isTestFileName, relativeTo } from './paths.js';

export interface CandidatePackage {
  /** Absolute folder as reached (through links when a link led here). */
  dir: string;
  /** Base names of the package's .go files, sorted. */
  files: string[];
}

export interface WalkOptions {
  cwd: string;
  includeTests: boolean;
}

/** The real paths of the folders on the logical path from a root down to a folder. */
interface Chain {
  real: string;
  parent: Chain | null;
}

interface PendingLink {
  logical: string;
  parent: Chain;
}

function chainHas(chain: Chain | null, real: string): boolean {
  for (let c = chain; c !== null; c = c.parent) if (c.real === real) return true;
  return false;
}

/** Splits `dir/...`, `./...` and `...` into the folder part; returns null for others. */
export function stripRecursiveSuffix(pattern: string): string | null {
  const p = pattern.replace(/\\/g, '/');
  if (p === '...') return '.';
  if (p.endsWith('/...')) return p.slice(0, -4) || '/';
  return null;
}

export function walkPatterns(patterns: string[], opts: WalkOptions, diagnostics: Diagnostic[]): CandidatePackage[] {
  const cwd = opts.cwd;
  const diag = (absOrPattern: string, message: string, isPattern = false): void => {
    diagnostics.push({ file: isPattern ? absOrPattern : relativeTo(cwd, absOrPattern), line: 0, message });
  };

  const visitedReal = new Set<string>();
  const walked = new Map<string, string[]>(); // logical dir -> go files
  const explicit = new Map<string, Set<string>>(); // logical dir -> named files
  const pendingLinks: PendingLink[] = [];

  const walkTree = (rootLogical: string, rootReal: string, rootParent: Chain | null): void => {
    const stack: { logical: string; chain: Chain }[] = [];
    const enter = (logical: string, real: string, parent: Chain | null): void => {
      if (visitedReal.has(real)) return; // reached before, by another root or a link
      visitedReal.add(real);
      stack.push({ logical, chain: { real, parent } });
    };
    enter(rootLogical, rootReal, rootParent);
    while (stack.length > 0) {
      const { logical, chain } = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(logical, { withFileTypes: true });
      } catch (e) {
        diag(logical, `cannot read directory: ${errorText(e)}`);
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const files: string[] = [];
      const subdirs: string[] = [];
      for (const entry of entries) {
        const name = entry.name;
        const childLogical = path.join(logical, name);
        if (entry.isDirectory()) {
          if (!isSkippedDirName(name)) subdirs.push(name);
        } else if (entry.isFile()) {
          if (wantsFile(name, opts.includeTests)) files.push(name);
        } else if (entry.isSymbolicLink()) {
          if (name.startsWith('.') || name.startsWith('_')) continue;
          let st: fs.Stats;
          try {
            st = fs.statSync(childLogical);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code === 'ELOOP') {
              diag(childLogical, `symbolic link loop: ${relativeTo(cwd, childLogical)}`);
            } else {
              diag(childLogical, `broken symbolic link: ${errorText(e)}`);
            }
            continue;
          }
          if (st.isDirectory()) {
            if (!isSkippedDirName(name)) pendingLinks.push({ logical: childLogical, parent: chain });
          } else if (st.isFile() && wantsFile(name, opts.includeTests)) {
            files.push(name);
          }
        }
      }
      if (files.length > 0) walked.set(logical, files);
      // Push in reverse so the stack pops folders in name order.
      for (let i = subdirs.length - 1; i >= 0; i--) {
        const name = subdirs[i]!;
        enter(path.join(logical, name), path.join(chain.real, name), chain);
      }
    }
  };

  for (const pattern of patterns) {
    const folderPart = stripRecursiveSuffix(pattern);
    const abs = path.resolve(cwd, folderPart ?? pattern);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') diag(pattern, `no such file or directory: ${pattern}`, true);
      else if (code === 'ELOOP') diag(pattern, `symbolic link loop: ${pattern}`, true);
      else diag(pattern, `cannot access ${pattern}: ${errorText(e)}`, true);
      continue;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = fs.realpathSync(abs);
      } catch (e) {
        diag(pattern, `cannot resolve ${pattern}: ${errorText(e)}`, true);
        continue;
      }
      walkTree(abs, real, null);
    } else if (folderPart !== null) {
      diag(pattern, `not a directory: ${folderPart}`, true);
    } else if (st.isFile() && abs.endsWith('.go')) {
      const dir = path.dirname(abs);
      const set = explicit.get(dir) ?? new Set<string>();
      set.add(path.basename(abs));
      explicit.set(dir, set);
    } else {
      diag(pattern, `not a Go source file or directory: ${pattern}`, true);
    }
  }

  // Links last, so direct paths claim their folders first; links found inside linked
  // folders join the queue.
  for (let i = 0; i < pendingLinks.length; i++) {
    const link = pendingLinks[i]!;
    let real: string;
    try {
      real = fs.realpathSync(link.logical);
    } catch (e) {
      diag(link.logical, `cannot resolve symbolic link: ${errorText(e)}`);
      continue;
    }
    if (chainHas(link.parent, real)) {
      diag(link.logical, `symbolic link loop: ${relativeTo(cwd, link.logical)} points to its own ancestor ${relativeTo(cwd, real)}`);
      continue;
    }
    walkTree(link.logical, real, link.parent);
  }

  // Files named on the command line form a package of their own only where the folder
  // was not walked as a whole.
  for (const [dir, names] of explicit) {
    if (!walked.has(dir)) walked.set(dir, [...names].sort());
  }
  return [...walked].map(([dir, files]) => ({ dir, files }));
}

function wantsFile(name: string, includeTests: boolean): boolean {
  return isCandidateGoFile(name) && (includeTests || !isTestFileName(name));
}
