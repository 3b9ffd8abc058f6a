/**
 * The JSON reporter: the documented, stable machine contract. Objects are rebuilt key by
 * key so the key order is fixed by this file, not by however a finding was assembled, and
 * no internal field leaks out.
 */

import type { Diagnostic, Finding, Fix, ScanResult } from '../core/findings.js';
import { sortedDiagnostics, sortedFindings } from './order.js';

export function renderJson(result: ScanResult): string {
  const doc = {
    version: result.version,
    findings: sortedFindings(result.findings).map(findingJson),
    diagnostics: sortedDiagnostics(result.diagnostics).map(diagnosticJson),
    stats: {
      files: result.stats.files,
      packages: result.stats.packages,
      lines: result.stats.lines,
      parseErrors: result.stats.parseErrors,
      durationMs: result.stats.durationMs,
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function findingJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    rule: f.rule,
    severity: f.severity,
    confidence: f.confidence,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    related: f.related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message })),
    fixes: f.fixes.map(fixJson),
  };
  if (f.trace !== undefined) out['trace'] = [...f.trace];
  return out;
}

function fixJson(fix: Fix): Record<string, unknown> {
  return {
    description: fix.description,
    safe: fix.safe,
    edits: fix.edits.map((e) => ({
      file: e.file,
      startLine: e.startLine,
      startColumn: e.startColumn,
      endLine: e.endLine,
      endColumn: e.endColumn,
      newText: e.newText,
    })),
  };
}

function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return { file: d.file, line: d.line, message: d.message };
}
