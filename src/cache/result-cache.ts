/**
 * The result cache: a scan's findings, its diagnostics after discovery (parse errors,
 * suppression problems, rule errors) and its stats, stored under the scan's result key
 * (result-key.ts). A hit lets a re-scan with nothing changed skip parsing, the model
 * and the rules. Payload codec: v8 serialize, the structured clone the parse workers
 * already use, so a finding comes back exactly as stored (results are small; speed
 * does not matter here, exactness does).
 */
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic, Finding, ScanStats } from '../core/findings.js';
import { readEntry, writeEntryAtomic, type EntryId } from './entry-file.js';

/** Bump when StoredResult's shape changes. */
export const RESULT_FORMAT = 1;

export interface StoredResult {
  findings: Finding[];
  /** Only what the scan found after discovery; discovery runs anyway on a hit. */
  diagnostics: Diagnostic[];
  stats: Omit<ScanStats, 'durationMs'>;
}

export interface ResultStore {
  dir: string;
  engine: string;
}

export function resultEntryPath(dir: string, slot: string): string {
  return join(dir, 'result', `${slot}.bin`);
}

function entryId(store: ResultStore, key: string): EntryId {
  return { kind: 'result', engine: store.engine, key: `${key}/${RESULT_FORMAT}` };
}

export function loadResult(store: ResultStore, slot: string, key: string): StoredResult | null {
  const payload = readEntry(resultEntryPath(store.dir, slot), entryId(store, key));
  if (payload === null) return null;
  let value: unknown;
  try {
    value = deserialize(payload);
  } catch {
    return null;
  }
  return looksLikeStoredResult(value) ? value : null;
}

export function storeResult(store: ResultStore, slot: string, key: string, result: StoredResult): boolean {
  return writeEntryAtomic(resultEntryPath(store.dir, slot), entryId(store, key), serialize(result));
}

function looksLikeStoredResult(v: unknown): v is StoredResult {
  if (v === null || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  const s = r['stats'] as Record<string, unknown> | null | undefined;
  return Array.isArray(r['findings']) && Array.isArray(r['diagnostics']) && s !== null && typeof s === 'object'
    && ['files', 'packages', 'lines', 'parseErrors'].every((k) => typeof s[k] === 'number');
}
