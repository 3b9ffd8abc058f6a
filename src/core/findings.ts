/**
 * The finding contract shared by rules and reporters. The JSON reporter prints these
 * shapes as they are (see README "JSON output"): keep them stable.
 * Paths are relative to the scan's working directory, `/`-separated; lines and columns
 * are 1-based.
 */

export type Severity = 'error' | 'warning' | 'info';
export type Confidence = 'high' | 'medium' | 'low';

export const CONFIDENCE_ORDER: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A second location that explains the finding: the other access, a goroutine entry
 * point, a step of the call chain, where a lock is taken. */
export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface TextEdit {
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

export interface Fix {
  description: string;
  /** Safe fixes keep the program's meaning; unsafe ones need a human look. */
  safe: boolean;
  edits: TextEdit[];
}

export interface Finding extends Location {
  rule: string;
  severity: Severity;
  confidence: Confidence;
  message: string;
  related: RelatedLocation[];
  fixes: Fix[];
  /** Evidence lines printed under the finding in text output (the trace: both sides,
   * how each is reached, the locks held). Not part of the JSON contract's required keys,
   * but emitted as "trace" when present. */
  trace?: string[];
}

/** A problem with the input rather than with the code's concurrency: a syntax error,
 * an unreadable file, a suppression without reason. */
export interface Diagnostic {
  file: string;
  line: number;
  message: string;
}

export interface ScanStats {
  files: number;
  packages: number;
  lines: number;
  parseErrors: number;
  durationMs: number;
}

export interface ScanResult {
  version: string;
  findings: Finding[];
  diagnostics: Diagnostic[];
  stats: ScanStats;
}

/** Deterministic order: file, line, column, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  );
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return cmp(a.file, b.file) || a.line - b.line || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
