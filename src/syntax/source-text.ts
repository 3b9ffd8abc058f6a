/**
 * Turns the bytes of a file into Go source text, rejecting what is not Go source.
 */
import { isUtf8 } from 'node:buffer';
import type { SyntaxError } from './ast.js';

/** Files larger than this are skipped: generated blobs, not code worth analysing. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** How far to look for NUL bytes when deciding whether a file is binary. */
const BINARY_SNIFF_BYTES = 8 * 1024;

export type DecodedSource =
  | { ok: true; text: string; errors: SyntaxError[] }
  | { ok: false; message: string };

export function decodeGoSource(bytes: Uint8Array): DecodedSource {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, message: `file too large (${bytes.length} bytes, limit ${MAX_FILE_BYTES}): skipped` };
  }
  const sniff = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < sniff; i++) {
    if (bytes[i] === 0) return { ok: false, message: 'not a Go source file (binary content)' };
  }
  const errors: SyntaxError[] = [];
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    errors.push({ ...positionOfByte(bytes, bad), message: 'invalid UTF-8 encoding' });
  }
  let text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  // Go ignores a leading byte order mark. A space keeps every column where an editor
  // shows it (the BOM is one UTF-16 unit), while tree-sitter would reject the BOM.
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1);
  return { ok: true, text, errors };
}

/** Byte offset of the first malformed UTF-8 sequence (bytes is known to hold one). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const x = b[i];
    if (x < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (x >= 0xc2 && x <= 0xdf) { need = 1; min = 0x80; }
    else if (x >= 0xe0 && x <= 0xef) { need = 2; min = 0x800; }
    else if (x >= 0xf0 && x <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = x & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const y = b[i + k];
      if (y === undefined || (y & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (y & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}

/** 1-based line and UTF-16 column of a byte offset. */
function positionOfByte(b: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(lineStart, offset));
  return { line, col: prefix.length + 1 };
}
