/**
 * A pool of worker threads that parse Go files in parallel (piscina), sized to the
 * machine. Workers send back flat trees by transfer; the calling thread converts them
 * to GoFiles (cheaper than cloning GoFiles across, see flat-wire.ts).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ParseStore, StoredParseOutcome } from '../cache/parse-cache.js';
import { unpackTree } from './flat-wire.js';
import { convertParsed } from './parse-file.js';
import type { ParseTask, WireOutcome } from './parse-worker.js';

export { parseFileSync, MAX_FILE_BYTES, type ParseOutcome } from './parse-file.js';

/**
 * Tasks handed to each worker at once. An average file takes a worker about 4 ms, less
 * than one pause of the main thread (a scavenge of the growing GoFile heap, a big file's
 * conversion), and with one task per worker a worker waits out every such pause: in a
 * CPU profile of the stdlib phase, workers idled for about a fifth of it.
 */
export const TASKS_PER_WORKER = 4;

export class ParsePool {
  private readonly pool: Piscina<ParseTask, WireOutcome>;

  constructor(opts?: { threads?: number }) {
    const threads = Math.max(1, opts?.threads ?? availableParallelism());
    this.pool = new Piscina<ParseTask, WireOutcome>({
      // Resolved next to this module, so it works from dist/src/syntax/.
      filename: new URL('./parse-worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 30_000,
      concurrentTasksPerWorker: TASKS_PER_WORKER,
      // With the default 'sync' mode a busy worker never returns to its event loop, so the
      // finalizers that free native trees (native-memory.ts) would never run.
      atomics: 'disabled',
    });
  }

  get threads(): number {
    return this.pool.maxThreads;
  }

  /** Never rejects: a crashed or failing worker becomes `{ ok: false }`. With a store,
   * the tree is also written to the parse cache and the outcome carries its content hash. */
  async parseFile(absPath: string, relPath: string, store?: ParseStore): Promise<StoredParseOutcome> {
    try {
      const w = await this.pool.run(store ? { absPath, relPath, store } : { absPath, relPath });
      if (!w.ok) return w;
      const o = convertParsed({ flat: unpackTree(w.tree), comments: w.comments, source: w.source, decodeErrors: w.decodeErrors }, relPath);
      return o.ok && w.contentHash ? { ...o, contentHash: w.contentHash } : o;
    } catch (err) {
      return { ok: false, path: relPath, message: `cannot parse: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}
