/**
 * GitHub Actions workflow-command annotations, one line per finding:
 *   ::error file=a.go,line=3,col=2,endLine=3,endColumn=9,title=map-race::message
 * Escaping follows the Actions runner: `%`, CR and LF in the message; additionally `:`
 * and `,` in property values, which would otherwise end the property.
 */

import type { Finding, ScanResult, Severity } from '../core/findings.js';
import { sortedDiagnostics, sortedFindings } from './order.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function renderGithub(result: ScanResult): string {
  const lines: string[] = [];
  for (const f of sortedFindings(result.findings)) lines.push(findingLine(f));
  for (const d of sortedDiagnostics(result.diagnostics)) {
    const props: Array<[string, string | number]> = [['file', d.file]];
    if (d.line >= 1) props.push(['line', d.line]);
    props.push(['title', 'goconc']);
    lines.push(command('warning', props, d.message));
  }
  return lines.map((l) => l + '\n').join('');
}

function findingLine(f: Finding): string {
  const props: Array<[string, string | number]> = [['file', f.file], ['line', f.line]];
  // The runner rejects columns on an annotation that spans several lines.
  const oneLine = f.endLine === f.line;
  if (oneLine && f.column >= 1) props.push(['col', f.column]);
  if (f.endLine >= f.line) props.push(['endLine', f.endLine]);
  if (oneLine && f.endColumn > f.column) props.push(['endColumn', f.endColumn]);
  props.push(['title', f.rule]);
  // The trace is the evidence; it rides along on the annotation's following lines.
  const message = [f.message, ...(f.trace ?? [])].join('\n');
  return command(COMMAND[f.severity], props, message);
}

function command(name: string, props: Array<[string, string | number]>, message: string): string {
  const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name} ${p}::${escapeData(message)}`;
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
