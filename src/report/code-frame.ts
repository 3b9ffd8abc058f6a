/**
 * A compiler-style code frame: the reported line(s) with a gutter of line numbers and an
 * underline (`^~~~`) under the reported columns.
 *
 *    12 |     m[key] = v
 *       |     ^~~~~~
 */

import { toDisplay } from './display.js';

export interface FrameSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FrameStyle {
  gutter: (s: string) => string;
  marker: (s: string) => string;
}

/** Spans longer than this show their first lines, an ellipsis row and their last line. */
const MAX_LINES = 4;
/** Long (generated, minified) lines are cut to a window of this many cells around the span. */
const MAX_CELLS = 160;
const LEAD_CELLS = 40;

/** Frame lines for `span`, or [] when the source is not available. */
export function codeFrame(
  lineOf: (line: number) => string | null,
  span: FrameSpan,
  style: FrameStyle,
): string[] {
  const endLine = span.endLine >= span.line ? span.endLine : span.line;
  let shown: Array<number | null> = [];
  for (let n = span.line; n <= endLine; n++) shown.push(n);
  if (shown.length > MAX_LINES) shown = [...shown.slice(0, MAX_LINES - 1), null, endLine];

  const width = String(endLine).length;
  const out: string[] = [];
  for (const n of shown) {
    if (n === null) {
      out.push(style.gutter(`${' '.repeat(width)} ⋮`));
      continue;
    }
    const source = lineOf(n);
    if (source === null) {
      if (n === span.line) return []; // Nothing to show without the first line.
      continue;
    }
    const [from, to] = underlineRange(source, n, span, endLine);
    const { text, start, end } = windowed(source, from, to);
    out.push(style.gutter(`${String(n).padStart(width)} | `) + text);
    if (end > start || n === span.line) {
      const len = Math.max(1, end - start);
      const marks = (n === span.line ? '^' : '~') + '~'.repeat(len - 1);
      out.push(style.gutter(`${' '.repeat(width)} | `) + ' '.repeat(start) + style.marker(marks));
    }
  }
  return out;
}

/** UTF-16 index range [from, to) of `source` to underline on line `n`. */
function underlineRange(source: string, n: number, span: FrameSpan, endLine: number): [number, number] {
  const clamp = (i: number) => Math.min(Math.max(i, 0), source.length);
  const firstNonBlank = source.length - source.trimStart().length;
  const lastNonBlank = source.trimEnd().length;
  const from = n === span.line ? clamp(span.column - 1) : firstNonBlank;
  let to = n === endLine ? clamp(span.endColumn - 1) : lastNonBlank;
  if (to < from) to = from;
  return [from, to];
}

/** Display text of `source` and the cells of [from, to), cut around the span if long. */
function windowed(source: string, from: number, to: number): { text: string; start: number; end: number } {
  const d = toDisplay(source);
  let start = d.cells[from]!;
  let end = d.cells[to]!;
  const total = d.cells[source.length]!;
  if (total <= MAX_CELLS) return { text: d.text, start, end };

  // Cut by cells: keep [lo, hi) of the display, marking the cuts with an ellipsis.
  const lo = Math.max(0, start - LEAD_CELLS);
  const hi = Math.min(total, lo + MAX_CELLS);
  const chars = Array.from(d.text);
  let cell = 0;
  let text = '';
  // Display text is one code point per cell except wide characters (2) and tabs (already
  // expanded to spaces), so walking code points with their widths recovers the cells.
  for (const ch of chars) {
    const w = toDisplay(ch).cells[ch.length]!;
    if (cell >= lo && cell + w <= hi) text += ch;
    cell += w;
  }
  const prefix = lo > 0 ? '…' : '';
  const suffix = hi < total ? '…' : '';
  start = start - lo + prefix.length;
  end = Math.min(end, hi) - lo + prefix.length;
  return { text: prefix + text + suffix, start, end };
}
