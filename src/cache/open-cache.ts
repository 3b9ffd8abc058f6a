/**
 * Opens a cache directory for one scan: creates it and proves it is writable up front,
 * so an unusable directory costs one short warning instead of a failed write per file.
 * Never throws: a scan without a cache is still a correct scan.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { engineId } from './engine-id.js';

export interface CacheHandle {
  dir: string;
  /** Fingerprint of the goconc build, carried by every entry (engine-id.ts). */
  engine: string;
}

export type OpenedCache = { ok: true; cache: CacheHandle } | { ok: false; warning: string };

export function openCache(dir: string): OpenedCache {
  const abs = resolve(dir);
  const probe = join(abs, `.probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(abs, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { ok: false, warning: `cache disabled: cannot write to ${abs} (${code})` };
  }
  return { ok: true, cache: { dir: abs, engine: engineId() } };
}
