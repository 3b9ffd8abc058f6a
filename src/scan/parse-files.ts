/**
 * The parse phase: every file becomes a GoFile, from the parse cache when its content is
 * known, else parsed (in worker threads when there are many). Failures become
 * diagnostics. Reports how many files were parsed and how many were loaded, which is
 * what proves an edit re-parses only the edited file.
 */
import type { Diagnostic } from '../core/findings.js';
import type { Progress } from '../report/progress.js';
import { loadParsed, parseAndStore, type ParseStore, type StoredParseOutcome } from '../cache/parse-cache.js';
import type { GoFile } from '../syntax/ast.js';
import { ParsePool, parseFileSync, TASKS_PER_WORKER } from '../syntax/pool.js';
import type { SourceFileRef } from '../workspace/types.js';

export interface ParsePhaseOptions {
  jobs?: number;
  progress?: Progress;
  /** The parse cache, or null for none. */
  store: ParseStore | null;
  /** Content hashes already computed (by absolute path), to look entries up. */
  knownHashes: ReadonlyMap<string, string | null> | null;
}

export interface ParsePhase {
  /** By absolute path. */
  parsed: Map<string, GoFile>;
  failures: Diagnostic[];
  /** The content hash each tree was parsed or loaded from (cache runs only). */
  hashes: Map<string, string>;
  parsedCount: number;
  loadedCount: number;
}

/** Below this many files, starting worker threads costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 32;
/** Enough queued work that no worker waits for the next task (see TASKS_PER_WORKER), few
 * enough to bound memory. */
const FILES_IN_FLIGHT_PER_THREAD = 2 * TASKS_PER_WORKER;

export async function parseFiles(files: readonly SourceFileRef[], opts: ParsePhaseOptions): Promise<ParsePhase> {
  const { store, progress } = opts;
  const trees = new Map<string, GoFile>();
  const hashes = new Map<string, string>();
  const outcomes = new Map<string, StoredParseOutcome>();

  const toParse: SourceFileRef[] = [];
  for (const f of files) {
    const hash = opts.knownHashes?.get(f.absPath) ?? null;
    const cached = store && hash ? loadParsed(store, hash, f.relPath) : null;
    if (cached && hash) {
      outcomes.set(f.absPath, { ok: true, file: cached });
      hashes.set(f.absPath, hash);
      progress?.tick();
    } else {
      toParse.push(f);
    }
  }
  const loadedCount = files.length - toParse.length;

  const useWorkers = toParse.length >= MIN_FILES_FOR_WORKERS && (opts.jobs ?? 0) !== 1;
  const pool = useWorkers ? new ParsePool(opts.jobs ? { threads: opts.jobs } : {}) : null;
  try {
    const parsed: StoredParseOutcome[] = new Array(toParse.length);
    if (pool) {
      // A bounded number of files in flight: workers that ran ahead of the conversion on
      // this thread would otherwise queue up every flat tree in memory.
      let next = 0;
      const lane = async (): Promise<void> => {
        while (next < toParse.length) {
          const i = next++;
          const f = toParse[i];
          parsed[i] = await pool.parseFile(f.absPath, f.relPath, store ?? undefined);
          progress?.tick();
        }
      };
      await Promise.all(Array.from({ length: pool.threads * FILES_IN_FLIGHT_PER_THREAD }, lane));
    } else {
      toParse.forEach((f, i) => {
        parsed[i] = store ? parseAndStore(f.absPath, f.relPath, store) : parseFileSync(f.absPath, f.relPath);
        progress?.tick();
      });
    }
    toParse.forEach((f, i) => {
      const o = parsed[i];
      outcomes.set(f.absPath, o);
      if (o.ok && o.contentHash) hashes.set(f.absPath, o.contentHash);
    });
  } finally {
    await pool?.destroy();
  }

  // In the workspace's order, so diagnostics and maps come out the same on every run.
  const failures: Diagnostic[] = [];
  for (const f of files) {
    const o = outcomes.get(f.absPath)!;
    if (o.ok) trees.set(f.absPath, o.file);
    else failures.push({ file: f.relPath, line: 0, message: o.message });
  }
  return { parsed: trees, failures, hashes, parsedCount: toParse.length, loadedCount };
}
