/**
 * Piscina worker: parses one file per task. Each worker thread keeps its own
 * tree-sitter Parser (see parse.ts). With a store, the worker also writes the tree to
 * the parse cache, so encoding entries is spread over the threads.
 */
import { parseAndStore, type ParseStore, type StoredParseOutcome } from '../cache/parse-cache.js';
import { parseFileSync } from './parse-file.js';

export interface ParseTask {
  absPath: string;
  relPath: string;
  store?: ParseStore;
}

export default function parseTask(task: ParseTask): StoredParseOutcome {
  return task.store ? parseAndStore(task.absPath, task.relPath, task.store) : parseFileSync(task.absPath, task.relPath);
}
