/**
 * The key of a whole scan's result: everything that can change its findings and
 * diagnostics. That is the goconc build (engine fingerprint), the options that change
 * results, the go.mod and go.work files discovery used, and the (relative path, content
 * hash) of every scanned file. Paths are relative to the working directory, as they are
 * in the findings, so the key says exactly what the stored findings depend on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Confidence } from '../core/findings.js';
import { relativeTo } from '../workspace/paths.js';
import type { Workspace } from '../workspace/types.js';
import { findGoWork } from '../workspace/modules.js';
import { contentHash } from './content-hash.js';

export interface ResultOptions {
  ruleIds: readonly string[];
  /** Every known rule id: suppression checks report unknown ids against it. */
  knownRuleIds: readonly string[];
  minConfidence: Confidence;
  includeTests: boolean;
}

/** `hashes` maps each scanned file's absolute path to its content hash; a key exists
 * only when every file has one. */
export function resultKey(engine: string, opts: ResultOptions, ws: Workspace, hashes: ReadonlyMap<string, string | null>): string | null {
  const files: string[] = [];
  for (const pkg of ws.packages) {
    for (const f of pkg.files) {
      const h = hashes.get(f.absPath);
      if (!h) return null;
      files.push(`${f.relPath}\0${h}`);
    }
  }
  const modules = ws.modules
    .map((m) => `${relativeTo(ws.cwd, m.dir)}\0${fileHash(join(m.dir, 'go.mod'))}`)
    .sort();
  const goWork = findGoWork(ws.cwd);
  const canonical = JSON.stringify({
    engine,
    rules: [...opts.ruleIds].sort(),
    known: [...opts.knownRuleIds].sort(),
    minConfidence: opts.minConfidence,
    includeTests: opts.includeTests,
    modules,
    goWork: goWork === null ? null : `${relativeTo(ws.cwd, goWork)}\0${fileHash(goWork)}`,
    files: files.sort(),
  });
  return contentHash(canonical);
}

/** Which slot a scan's result lives in: one per working directory, patterns and options,
 * so re-scans of a tree overwrite their own entry instead of piling up new ones. */
export function resultSlot(cwd: string, patterns: readonly string[], opts: ResultOptions): string {
  return contentHash(JSON.stringify({ cwd, patterns, rules: [...opts.ruleIds].sort(), minConfidence: opts.minConfidence, includeTests: opts.includeTests }));
}

function fileHash(file: string): string {
  try {
    return contentHash(readFileSync(file));
  } catch {
    return 'unreadable';
  }
}
