/**
 * Piscina worker: reads and parses one file per task and hands back the flat copy of its
 * tree, moved (transferred) rather than cloned; the calling thread converts it (see
 * pool.ts). Each worker thread keeps its own tree-sitter Parser (see parse.ts). With a
 * store, the worker also converts and writes the tree to the parse cache, so encoding
 * entries is spread over the threads.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { contentHash } from '../cache/content-hash.js';
import { storeParsed, type ParseStore } from '../cache/parse-cache.js';
import type { SyntaxError } from './ast.js';
import type { RawComment } from './flat-tree.js';
import { packTree, type WireTree } from './flat-wire.js';
import { convertParsed, flattenSourceBytes, readSourceBytes, type ParseFailure } from './parse-file.js';

export interface ParseTask {
  absPath: string;
  relPath: string;
  store?: ParseStore;
}

export type WireOutcome =
  | { ok: true; source: string; tree: WireTree; comments: RawComment[]; decodeErrors: SyntaxError[]; contentHash?: string }
  | ParseFailure;

export default function parseTask(task: ParseTask): WireOutcome {
  const bytes = readSourceBytes(task.absPath, task.relPath);
  if (!(bytes instanceof Uint8Array)) return bytes;
  // Hash the very bytes parsed, so a file edited mid-scan is never stored under its old hash.
  const hash = task.store ? contentHash(bytes) : undefined;
  const flat = flattenSourceBytes(bytes, task.relPath);
  if (!flat.ok) return flat;
  const p = flat.parsed;
  if (task.store && hash) {
    const converted = convertParsed(p, task.relPath);
    if (converted.ok) storeParsed(task.store, hash, converted.file);
  }
  const tree = packTree(p.flat);
  const out: WireOutcome = { ok: true, source: p.source, tree, comments: p.comments, decodeErrors: p.decodeErrors };
  if (hash) out.contentHash = hash;
  // piscina sends a "movable" result's value with its buffers in the transfer list.
  return move({
    get [transferableSymbol]() { return [tree.buffer]; },
    get [valueSymbol]() { return out; },
  }) as unknown as WireOutcome;
}
