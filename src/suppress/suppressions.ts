/**
 * Applies in-source suppressions to findings.
 *
 * A directive suppresses a finding when it sits on the finding's first line, or alone on
 * the line just above it (a trailing comment on the line above belongs to that line's
 * code, not to the next one). A `//goconc:ignore` needs a reason: one without suppresses
 * nothing and is reported, so silencing a check always leaves a note for the next reader.
 */

import type { Diagnostic, Finding } from '../core/findings.js';
import { compareDiagnostics } from '../core/findings.js';
import type { GoFile } from '../syntax/ast.js';
import { parseDirective } from './directive.js';

/** A comment as found in GoFile.directives, tagged with its file. */
export interface SuppressionComment {
  file: string;
  line: number;
  col: number;
  /** The comment text, normally including its leading `//`. */
  text: string;
  /** Whether the comment is the only thing on its line. When absent it is worked out
   * from `readSource` (see applySuppressions), or assumed true when no source is given. */
  ownLine?: boolean;
}

/** The suppression candidates of one parsed file (its `//goconc:` and `//nolint` comments). */
export function suppressionCommentsOf(file: GoFile): SuppressionComment[] {
  return file.directives
    .filter((d) => /^\/\/(goconc:|nolint)/.test(d.text))
    .map((d) => ({ file: file.path, line: d.line, col: d.col, text: d.text }));
}

export interface SuppressionResult {
  kept: Finding[];
  suppressed: number;
  diagnostics: Diagnostic[];
}

export const REASON_REQUIRED_MESSAGE =
  'goconc:ignore needs a reason: //goconc:ignore <rule> <reason>';

/** Which rules one comment silences on the lines it covers. */
interface Matcher {
  /** Rule ids, or the single entry `*` for every rule. */
  rules: Set<string>;
  ownLine: boolean;
}

/**
 * Splits findings into those kept and those silenced by a comment.
 *
 * @param knownRules every rule id goconc has; `//goconc:ignore` naming another id is
 *   reported (a typo would otherwise silence nothing without anyone noticing).
 * @param readSource optional source reader, used only to tell whether a comment without
 *   `ownLine` stands alone on its line.
 */
export function applySuppressions(
  findings: Finding[],
  comments: SuppressionComment[],
  knownRules: string[],
  readSource?: (file: string) => string | null,
): SuppressionResult {
  const known = new Set(knownRules);
  const diagnostics: Diagnostic[] = [];
  const ownLineOf = ownLineResolver(readSource);
  // file -> line -> matchers of the comments on that line
  const byFile = new Map<string, Map<number, Matcher[]>>();

  for (const c of comments) {
    const d = parseDirective(c.text);
    let rules: Set<string> | null = null;
    switch (d.kind) {
      case 'ignore-without-reason':
        diagnostics.push({ file: c.file, line: c.line, message: REASON_REQUIRED_MESSAGE });
        break;
      case 'ignore': {
        const accepted: string[] = [];
        for (const r of d.rules) {
          if (r === 'all') accepted.push('*');
          else if (known.has(r)) accepted.push(r);
          else diagnostics.push({ file: c.file, line: c.line, message: unknownRuleMessage(r, knownRules) });
        }
        if (accepted.length > 0) rules = new Set(accepted.includes('*') ? ['*'] : accepted);
        break;
      }
      case 'nolint':
        if (d.linters.some((l) => l.toLowerCase() === 'goconc')) rules = new Set(['*']);
        break;
      case 'other':
        break;
    }
    if (!rules) continue;
    let lines = byFile.get(c.file);
    if (!lines) byFile.set(c.file, (lines = new Map()));
    const list = lines.get(c.line) ?? [];
    list.push({ rules, ownLine: ownLineOf(c) });
    lines.set(c.line, list);
  }

  const kept: Finding[] = [];
  let suppressed = 0;
  for (const f of findings) {
    const lines = byFile.get(f.file);
    const silenced =
      lines !== undefined &&
      ((lines.get(f.line) ?? []).some((m) => covers(m, f.rule)) ||
        (lines.get(f.line - 1) ?? []).some((m) => m.ownLine && covers(m, f.rule)));
    if (silenced) suppressed++;
    else kept.push(f);
  }

  diagnostics.sort(compareDiagnostics);
  return { kept, suppressed, diagnostics: dedupe(diagnostics) };
}

function covers(m: Matcher, rule: string): boolean {
  return m.rules.has('*') || m.rules.has(rule);
}

function ownLineResolver(
  readSource: ((file: string) => string | null) | undefined,
): (c: SuppressionComment) => boolean {
  const cache = new Map<string, string[] | null>();
  return (c) => {
    if (c.ownLine !== undefined) return c.ownLine;
    if (c.col <= 1 || !readSource) return true;
    let lines = cache.get(c.file);
    if (lines === undefined) {
      const src = readSource(c.file);
      lines = src === null ? null : src.split('\n');
      cache.set(c.file, lines);
    }
    const text = lines?.[c.line - 1];
    if (text === undefined) return true;
    // Columns are UTF-16 code units, the same unit as JavaScript string indices.
    return text.slice(0, c.col - 1).trim() === '';
  };
}

function unknownRuleMessage(rule: string, knownRules: string[]): string {
  const base = `goconc:ignore names an unknown rule "${rule}"`;
  const guess = closest(rule, knownRules);
  return guess ? `${base}; did you mean "${guess}"?` : base;
}

/** The known id nearest to a misspelt one, if it is close enough to be a typo. */
function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of [...candidates].sort()) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

function dedupe(sorted: Diagnostic[]): Diagnostic[] {
  return sorted.filter(
    (d, i) => i === 0 || compareDiagnostics(d, sorted[i - 1]!) !== 0,
  );
}
