/**
 * The human reporter. Per finding:
 *
 *   path:line:col: message (rule)
 *      12 |     m[key] = v            <- code frame, when asked for
 *         |     ^~~~~~
 *       trace line                    <- the evidence, indented
 *     other.go:40:3: related message  <- related locations
 *
 * then the input diagnostics as `path:line: message`, then a one-line summary. Colour
 * comes only from picocolors instances created with the caller's choice, so with
 * `color: false` not one escape sequence is written (source text is sanitized too).
 */

import pc from 'picocolors';
import type { Confidence, Finding, ScanResult, Severity } from '../core/findings.js';
import { codeFrame } from './code-frame.js';
import { sanitize } from './display.js';
import { sortedDiagnostics, sortedFindings } from './order.js';
import { SourceLines } from './source-lines.js';

export interface TextOptions {
  color: boolean;
  codeFrames: boolean;
  readSource: (file: string) => string | null;
}

type Colors = ReturnType<typeof pc.createColors>;

export function renderText(result: ScanResult, opts: TextOptions): string {
  const c = pc.createColors(opts.color);
  const source = new SourceLines(opts.readSource);
  const blocks = sortedFindings(result.findings).map((f) => findingBlock(f, c, opts.codeFrames ? source : null));

  let out = '';
  blocks.forEach((block, i) => {
    // A blank line between multi-line blocks keeps each finding's evidence together.
    if (i > 0 && (block.length > 1 || blocks[i - 1]!.length > 1)) out += '\n';
    out += block.map((l) => l + '\n').join('');
  });

  const diagnostics = sortedDiagnostics(result.diagnostics);
  if (diagnostics.length > 0) {
    if (out !== '') out += '\n';
    for (const d of diagnostics) {
      const where = d.line >= 1 ? `${d.file}:${d.line}:` : `${d.file}:`;
      out += `${c.yellow(sanitize(where))} ${sanitize(d.message)}\n`;
    }
  }

  if (out !== '') out += '\n';
  out += summaryLine(result, c) + '\n';
  return out;
}

function findingBlock(f: Finding, c: Colors, source: SourceLines | null): string[] {
  const lines: string[] = [];
  lines.push(`${c.bold(sanitize(`${f.file}:${f.line}:${f.column}:`))} ${sanitize(f.message)} ${c.dim(`(${sanitize(f.rule)})`)}`);
  if (source) {
    const frame = codeFrame((n) => source.line(f.file, n), f, {
      gutter: c.dim,
      marker: severityColor(f.severity, c),
    });
    lines.push(...frame.map((l) => '  ' + l));
  }
  for (const t of f.trace ?? []) lines.push('    ' + sanitize(t));
  for (const r of f.related) {
    lines.push(`  ${c.cyan(sanitize(`${r.file}:${r.line}:${r.column}:`))} ${sanitize(r.message)}`);
  }
  return lines;
}

function severityColor(s: Severity, c: Colors): (text: string) => string {
  return s === 'error' ? c.red : s === 'warning' ? c.yellow : c.cyan;
}

const CONFIDENCE_LEVELS: Confidence[] = ['high', 'medium', 'low'];

/** `3 findings (2 high, 1 medium) in 12 files, 340 lines, 0.4s` or `no findings in ...`. */
export function summaryLine(result: ScanResult, c: Colors = pc.createColors(false)): string {
  const n = result.findings.length;
  const where = `in ${plural(result.stats.files, 'file')}, ${plural(result.stats.lines, 'line')}, ${seconds(result.stats.durationMs)}`;
  const problems =
    result.diagnostics.length > 0 ? `; ${plural(result.diagnostics.length, 'problem')} with the input` : '';
  if (n === 0) return `${c.green('no findings')} ${where}${problems}`;
  const byConfidence = CONFIDENCE_LEVELS.map((level) => [level, result.findings.filter((f) => f.confidence === level).length] as const)
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `${count} ${level}`)
    .join(', ');
  return `${c.bold(plural(n, 'finding'))} (${byConfidence}) ${where}${problems}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
}
