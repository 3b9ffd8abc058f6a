/**
 * The rule framework: a rule is its metadata plus a check over the program model and
 * the concurrency facts. Rules never parse and never print; they report findings.
 */
import type { Confidence, Finding, Fix, RelatedLocation } from '../core/findings.js';
import type { RuleMeta } from '../core/rule-meta.js';
import type { ConcurrencyFacts } from '../concurrency/facts.js';
import type { FileInfo, PackageInfo } from '../model/objects.js';
import type { Program } from '../model/program.js';
import type { Span } from '../syntax/ast.js';

export interface ReportInput {
  file: FileInfo;
  span: Span;
  message: string;
  confidence?: Confidence;
  related?: RelatedLocation[];
  fixes?: Fix[];
  trace?: string[];
}

export interface RuleContext {
  readonly program: Program;
  /** Built on first use: rules that need no goroutine reasoning never pay for it. */
  facts(): ConcurrencyFacts;
  report(input: ReportInput): void;
  goVersion(pkg: PackageInfo): string | null;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Builds a Finding from a rule's report input. */
export function toFinding(meta: RuleMeta, r: ReportInput): Finding {
  const f: Finding = {
    rule: meta.id,
    severity: meta.severity,
    confidence: r.confidence ?? meta.defaultConfidence,
    message: r.message,
    file: r.file.ast.path,
    line: r.span[0],
    column: r.span[1],
    endLine: r.span[2],
    endColumn: r.span[3],
    related: r.related ?? [],
    fixes: r.fixes ?? [],
  };
  if (r.trace && r.trace.length) f.trace = r.trace;
  return f;
}

/** A related location at a node of a file. */
export function relatedAt(file: FileInfo | string, span: Span, message: string): RelatedLocation {
  return { file: typeof file === 'string' ? file : file.ast.path, line: span[0], column: span[1], message };
}
