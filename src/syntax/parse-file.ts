/**
 * Reads, decodes, parses and converts one file, turning every failure into a
 * ParseOutcome: nothing thrown here escapes to the caller.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { GoFile } from './ast.js';
import { parseGoSource } from './parse.js';
import { decodeGoSource, MAX_FILE_BYTES } from './source-text.js';

export type ParseOutcome = { ok: true; file: GoFile } | { ok: false; path: string; message: string };

export { MAX_FILE_BYTES };

export function parseFileSync(absPath: string, relPath: string): ParseOutcome {
  const bytes = readSourceBytes(absPath, relPath);
  return bytes instanceof Uint8Array ? parseSourceBytes(bytes, relPath) : bytes;
}

/** The file's bytes, or the failed outcome that reports why they cannot be parsed. */
export function readSourceBytes(absPath: string, relPath: string): Uint8Array | ParseOutcome {
  try {
    const bytes = readBounded(absPath);
    return typeof bytes === 'string' ? { ok: false, path: relPath, message: bytes } : bytes;
  } catch (err) {
    return { ok: false, path: relPath, message: describe(err) };
  }
}

/** Decodes and parses bytes already read (the cache hashes the same bytes it parses). */
export function parseSourceBytes(bytes: Uint8Array, relPath: string): ParseOutcome {
  try {
    const decoded = decodeGoSource(bytes);
    if (!decoded.ok) return { ok: false, path: relPath, message: decoded.message };
    const file = parseGoSource(decoded.text, relPath);
    if (decoded.errors.length > 0) {
      file.syntaxErrors = [...decoded.errors, ...file.syntaxErrors].sort((a, b) => a.line - b.line || a.col - b.col);
    }
    return { ok: true, file };
  } catch (err) {
    return { ok: false, path: relPath, message: describe(err) };
  }
}

/** The file's bytes, or a message when it cannot or should not be read. The size is
 * checked before reading so an oversized file is never loaded into memory. */
function readBounded(absPath: string): Uint8Array | string {
  const fd = openSync(absPath, 'r');
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return 'is a directory, not a Go source file';
    if (st.size > MAX_FILE_BYTES) return `file too large (${st.size} bytes, limit ${MAX_FILE_BYTES}): skipped`;
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break; // the file shrank while being read
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'file not found';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ELOOP') return 'too many levels of symbolic links';
    return `cannot parse: ${err.message}`;
  }
  return `cannot parse: ${String(err)}`;
}
