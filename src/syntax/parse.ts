/**
 * Parses Go source text into a GoFile with one tree-sitter Parser reused per thread.
 */
import Parser from 'tree-sitter';
import Go from 'tree-sitter-go';
import type { GoFile } from './ast.js';
import { convertFlat, flattenForConversion, type FlatSource } from './convert.js';
import { noteTreeReleased } from './native-memory.js';

let parser: Parser | null = null;

function threadParser(): Parser {
  if (parser === null) {
    parser = new Parser();
    parser.setLanguage(Go as unknown as Parser.Language);
  }
  return parser;
}

/**
 * The binding hands the parser the whole remaining string on every read callback and
 * copies at most `bufferSize` UTF-16 units of it; a buffer that holds the whole file
 * keeps that to a single read instead of one per 32 Ki units (quadratic on big files).
 */
function bufferSizeFor(source: string): number {
  return Math.max(32 * 1024, source.length + 1);
}

/** Parses with tree-sitter only (used by the benchmark to separate parse from conversion). */
export function parseTreeOnly(source: string): Parser.Tree {
  return threadParser().parse(source, undefined, { bufferSize: bufferSizeFor(source) });
}

/**
 * The node binding (0.25) has no Tree.delete(): a native tree is freed by the finalizer of
 * its JS wrapper. Nothing returned here refers to the tree or its cursor (the flat copy is
 * plain arrays), so each tree is collectable as soon as this function returns, and
 * native-memory.ts makes sure collections happen.
 */
export function flattenGoSource(source: string): FlatSource {
  try {
    return flattenForConversion(parseTreeOnly(source), source);
  } finally {
    noteTreeReleased(source.length);
  }
}

export function parseGoSource(source: string, path: string): GoFile {
  return convertFlat(flattenGoSource(source), source, path);
}
