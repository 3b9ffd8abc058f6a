/**
 * The on-disk envelope shared by every cache entry, and its atomic write.
 *
 *   GOCONC-CACHE <ENTRY_FORMAT>\n
 *   {"kind":..,"engine":..,"key":..,"bytes":N,"sha256":..}\n
 *   <payload: N bytes>
 *
 * An entry is trusted only when the magic, format, kind, engine and key all match what
 * the reader expects, the payload has exactly N bytes and its sha256 matches. Anything
 * else (truncated, corrupt, written by another version, a stray file) reads as a miss
 * and is overwritten by the next write. Nothing here throws.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Bump when the envelope layout changes. */
export const ENTRY_FORMAT = 1;
const MAGIC = Buffer.from(`GOCONC-CACHE ${ENTRY_FORMAT}\n`, 'latin1');
/** A header longer than this is not one of ours. */
const MAX_HEADER_BYTES = 4096;

export interface EntryId {
  kind: string;
  engine: string;
  key: string;
}

interface EntryHeader extends EntryId {
  bytes: number;
  sha256: string;
}

export function encodeEntry(id: EntryId, payload: Uint8Array): Buffer {
  const header: EntryHeader = { kind: id.kind, engine: id.engine, key: id.key, bytes: payload.length, sha256: sha256(payload) };
  return Buffer.concat([MAGIC, Buffer.from(JSON.stringify(header) + '\n', 'utf8'), payload]);
}

/** The payload when `buf` is a sound entry for `id`, else null. */
export function decodeEntry(buf: Buffer, id: EntryId): Buffer | null {
  if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const end = buf.indexOf(0x0a, MAGIC.length);
  if (end < 0 || end - MAGIC.length > MAX_HEADER_BYTES) return null;
  let header: Partial<EntryHeader>;
  try {
    header = JSON.parse(buf.toString('utf8', MAGIC.length, end)) as Partial<EntryHeader>;
  } catch {
    return null;
  }
  if (header === null || typeof header !== 'object') return null;
  if (header.kind !== id.kind || header.engine !== id.engine || header.key !== id.key) return null;
  const payload = buf.subarray(end + 1);
  if (header.bytes !== payload.length || header.sha256 !== sha256(payload)) return null;
  return payload;
}

/** Reads and checks an entry; null for a miss of any kind (absent, unreadable, unsound). */
export function readEntry(file: string, id: EntryId): Buffer | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  return decodeEntry(buf, id);
}

/** Writes an entry so that no reader ever sees it half-written: a temp file next to the
 * target, then a rename (atomic on one file system; the last of two racing writers wins,
 * and both wrote the same content). Returns false when the write failed. */
export function writeEntryAtomic(file: string, id: EntryId, payload: Uint8Array): boolean {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, encodeEntry(id, payload));
    renameSync(tmp, file);
    return true;
  } catch {
    try { rmSync(tmp, { force: true }); } catch { /* nothing more to do */ }
    return false;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
