/**
 * Reads, decodes, parses and converts one file, turning every failure into a
 * ParseOutcome: nothing thrown here escapes to the caller.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { GoFile, SyntaxError } from './ast.js';
import { convertFlat, type FlatSource } from './convert.js';
import { flattenGoSource } from './parse.js';
import { decodeGoSource, MAX_FILE_BYTES } from './source-text.js';

export type ParseFailure = { ok: false; path: string; message: string };
export type ParseOutcome = { ok: true; file: GoFile } | ParseFailure;

export { MAX_FILE_BYTES };

export function parseFileSync(absPath: string, relPath: string): ParseOutcome {
  const bytes = readSourceBytes(absPath, relPath);
  return bytes instanceof Uint8Array ? parseSourceBytes(bytes, relPath) : bytes;
}

/** The file's bytes, or the failed outcome that reports why they cannot be parsed. */
export function readSourceBytes(absPath: string, relPath: string): Uint8Array | ParseFailure {
  try {
    const bytes = readBounded(absPath);
    return typeof bytes === 'string' ? { ok: false, path: relPath, message: bytes } : bytes;
  } catch (err) {
    return { ok: false, path: relPath, message: describe(err) };
  }
}

/** Decodes and parses bytes already read (the cache hashes the same bytes it parses). */
export function parseSourceBytes(bytes: Uint8Array, relPath: string): ParseOutcome {
  const flat = flattenSourceBytes(bytes, relPath);
  return flat.ok ? convertParsed(flat.parsed, relPath) : flat;
}

/**
 * A parse cut in two halves: tree-sitter and the flat copy (flattenSourceBytes), which a
 * worker runs, and the conversion to a GoFile (convertParsed), which runs on the thread
 * that keeps the GoFile, so the GoFile never has to be cloned across threads.
 */
export interface ParsedSource extends FlatSource {
  source: string;
  /** Decoding problems (invalid UTF-8), merged into the file's syntax errors. */
  decodeErrors: SyntaxError[];
}

export type FlatOutcome = { ok: true; parsed: ParsedSource } | ParseFailure;

export function flattenSourceBytes(bytes: Uint8Array, relPath: string): FlatOutcome {
  try {
    const decoded = decodeGoSource(bytes);
    if (!decoded.ok) return { ok: false, path: relPath, message: decoded.message };
    return { ok: true, parsed: { ...flattenGoSource(decoded.text), source: decoded.text, decodeErrors: decoded.errors } };
  } catch (err) {
    return { ok: false, path: relPath, message: describe(err) };
  }
}

export function convertParsed(p: ParsedSource, relPath: string): ParseOutcome {
  try {
    const file = convertFlat(p, p.source, relPath);
    if (p.decodeErrors.length > 0) {
      file.syntaxErrors = [...p.decodeErrors, ...file.syntaxErrors].sort((a, b) => a.line - b.line || a.col - b.col);
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
