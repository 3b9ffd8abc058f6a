/**
 * A FlatTree packed into one exactly sized ArrayBuffer, so a parse worker can hand it to
 * the main thread by transfer (no copy, no structured clone of an object graph).
 *
 * Why: cloning a converted GoFile cost more than parsing it (serialising in the worker
 * and deserialising millions of small objects on the main thread, one by one). Typed
 * arrays move for free, and converting them on the receiving thread is cheaper than
 * deserialising the GoFile they would have become.
 */
import type { FlatTree } from './flat-tree.js';

export interface WireTree {
  /** start, end, firstChild, nextSibling (Int32), then typeId, fieldId (Uint16), then
   * named, missing (Uint8), each `count` long. */
  buffer: ArrayBuffer;
  count: number;
  hasError: boolean;
  errors: number[];
  missingNodes: number[];
  typeNames: readonly string[];
  fieldNames: readonly string[];
}

const BYTES_PER_NODE = 4 * 4 + 2 * 2 + 2;

export function packTree(t: FlatTree): WireTree {
  const n = t.count;
  const buffer = new ArrayBuffer(n * BYTES_PER_NODE);
  const v = views(buffer, n);
  v.start.set(t.start.subarray(0, n));
  v.end.set(t.end.subarray(0, n));
  v.firstChild.set(t.firstChild.subarray(0, n));
  v.nextSibling.set(t.nextSibling.subarray(0, n));
  v.typeId.set(t.typeId.subarray(0, n));
  v.fieldId.set(t.fieldId.subarray(0, n));
  v.named.set(t.named.subarray(0, n));
  v.missing.set(t.missing.subarray(0, n));
  return {
    buffer, count: n, hasError: t.hasError, errors: t.errors, missingNodes: t.missingNodes,
    typeNames: t.typeNames, fieldNames: t.fieldNames,
  };
}

export function unpackTree(w: WireTree): FlatTree {
  return {
    ...views(w.buffer, w.count),
    count: w.count, hasError: w.hasError, errors: w.errors, missingNodes: w.missingNodes,
    typeNames: w.typeNames, fieldNames: w.fieldNames,
  };
}

/** Int32 arrays first, so every view starts at an offset aligned for its element size. */
function views(buffer: ArrayBuffer, n: number) {
  let off = 0;
  const next = <T>(make: (b: ArrayBuffer, o: number, len: number) => T, size: number): T => {
    const a = make(buffer, off, n);
    off += n * size;
    return a;
  };
  const i32 = (b: ArrayBuffer, o: number, len: number) => new Int32Array(b, o, len);
  const u16 = (b: ArrayBuffer, o: number, len: number) => new Uint16Array(b, o, len);
  const u8 = (b: ArrayBuffer, o: number, len: number) => new Uint8Array(b, o, len);
  return {
    start: next(i32, 4),
    end: next(i32, 4),
    firstChild: next(i32, 4),
    nextSibling: next(i32, 4),
    typeId: next(u16, 2),
    fieldId: next(u16, 2),
    named: next(u8, 1),
    missing: next(u8, 1),
  };
}
