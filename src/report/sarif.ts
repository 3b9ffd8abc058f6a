/**
 * SARIF 2.1.0 output, shaped for GitHub code scanning: relative artifact URIs against the
 * `%SRCROOT%` base, rule metadata in tool.driver.rules (referenced by ruleIndex), related
 * locations, fixes as artifact replacements, stable partialFingerprints, and input
 * problems as tool execution notifications (the scan still succeeded).
 *
 * Columns are UTF-16 code units (the syntax tree's unit), declared with columnKind, and
 * end columns are exclusive, exactly as SARIF regions define them.
 */

import type * as Sarif from 'sarif';
import type { Diagnostic, Finding, Fix, ScanResult, Severity } from '../core/findings.js';
import type { RuleMeta } from '../core/rule-meta.js';
import { disambiguate, findingFingerprint } from './fingerprint.js';
import { sortedDiagnostics, sortedFindings } from './order.js';
import { directoryToUri, pathToUri } from './sarif-uri.js';
import { SourceLines } from './source-lines.js';
import { GOCONC_HOMEPAGE, isAbsoluteUri } from './tool-info.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Key of goconc's own entry in partialFingerprints. */
export const FINGERPRINT_KEY = 'goconcFindingHash/v1';

export interface SarifOptions {
  /** Absolute directory the finding paths are relative to; recorded as %SRCROOT%'s URI.
   * Left out by default so the same scan gives the same bytes on every machine. */
  srcRoot?: string;
  /** Source reader for fingerprints based on line text rather than line numbers. */
  readSource?: (file: string) => string | null;
  /** Overrides the home page taken from package.json. */
  informationUri?: string;
}

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** GitHub's `problem.severity` vocabulary for non-security alerts. */
const PROBLEM_SEVERITY: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'recommendation',
};

export function renderSarif(result: ScanResult, rules: RuleMeta[], opts: SarifOptions = {}): string {
  const findings = sortedFindings(result.findings);
  const descriptors = ruleDescriptors(rules, findings);
  const ruleIndex = new Map(descriptors.map((d, i) => [d.id, i]));
  const source = opts.readSource ? new SourceLines(opts.readSource) : null;
  const fingerprints = disambiguate(findings.map((f) => fingerprintOf(f, source)));

  const informationUri = opts.informationUri ?? GOCONC_HOMEPAGE;
  const driver: Sarif.ToolComponent = {
    name: 'goconc',
    ...(informationUri !== undefined && isAbsoluteUri(informationUri) ? { informationUri } : {}),
    version: result.version,
    semanticVersion: result.version,
    rules: descriptors,
  };

  const run: Sarif.Run = {
    tool: { driver },
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: sortedDiagnostics(result.diagnostics).map(notification),
      },
    ],
    originalUriBaseIds: {
      [SRCROOT]:
        opts.srcRoot !== undefined
          ? { uri: directoryToUri(opts.srcRoot) }
          : { description: { text: 'The directory goconc was run in; result paths are relative to it.' } },
    },
    columnKind: 'utf16CodeUnits',
    results: findings.map((f, i) => sarifResult(f, ruleIndex.get(f.rule)!, fingerprints[i]!)),
  };

  const log: Sarif.Log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Every known rule (sorted by id), plus a bare entry for any id a finding uses that the
 * registry does not know, so every result's ruleIndex points somewhere. */
function ruleDescriptors(rules: RuleMeta[], findings: Finding[]): Sarif.ReportingDescriptor[] {
  const byId = new Map<string, RuleMeta>();
  for (const r of rules) if (!byId.has(r.id)) byId.set(r.id, r);
  const ids = new Set([...byId.keys(), ...findings.map((f) => f.rule)]);
  return [...ids].sort().map((id) => {
    const meta = byId.get(id);
    return meta ? descriptor(meta) : { id, name: pascalCase(id), shortDescription: { text: id } };
  });
}

function descriptor(r: RuleMeta): Sarif.ReportingDescriptor {
  return {
    id: r.id,
    name: pascalCase(r.id),
    shortDescription: { text: r.title },
    fullDescription: { text: `${r.title}. Class: ${r.category}.` },
    help: {
      text: `${r.title}. The rule's page, ${r.docs}, explains what goes wrong at run time, when it bites and how to fix it.`,
    },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      confidence: r.defaultConfidence,
      category: r.category,
      docs: r.docs,
      fixable: r.fixable,
      precision: r.defaultConfidence,
      'problem.severity': PROBLEM_SEVERITY[r.severity],
      tags: ['concurrency', 'go'],
    },
  };
}

function sarifResult(f: Finding, ruleIndex: number, fingerprint: string): Sarif.Result {
  const text = f.trace && f.trace.length > 0 ? `${f.message}\n${f.trace.join('\n')}` : f.message;
  const res: Sarif.Result = {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text },
    locations: [
      { physicalLocation: physical(f.file, region(f.line, f.column, f.endLine, f.endColumn)) },
    ],
  };
  if (f.related.length > 0) {
    res.relatedLocations = f.related.map((r, i) => ({
      id: i + 1,
      physicalLocation: physical(r.file, region(r.line, r.column)),
      message: { text: r.message },
    }));
  }
  const fixes = f.fixes.filter((fix) => fix.edits.length > 0).map(sarifFix);
  if (fixes.length > 0) res.fixes = fixes;
  res.partialFingerprints = { [FINGERPRINT_KEY]: fingerprint };
  res.properties = { confidence: f.confidence };
  return res;
}

function sarifFix(fix: Fix): Sarif.Fix {
  // One artifactChange per file, in the order the edits first name the files.
  const byFile = new Map<string, Sarif.Replacement[]>();
  for (const e of fix.edits) {
    const list = byFile.get(e.file) ?? [];
    list.push({
      deletedRegion: {
        startLine: e.startLine,
        startColumn: e.startColumn,
        endLine: e.endLine,
        endColumn: e.endColumn,
      },
      insertedContent: { text: e.newText },
    });
    byFile.set(e.file, list);
  }
  return {
    description: { text: fix.description },
    artifactChanges: [...byFile].map(([file, replacements]) => ({
      artifactLocation: artifactLocation(file),
      replacements,
    })),
    properties: { safe: fix.safe },
  };
}

function notification(d: Diagnostic): Sarif.Notification {
  const n: Sarif.Notification = { level: diagnosticLevel(d), message: { text: d.message } };
  n.locations = [{ physicalLocation: physical(d.file, d.line >= 1 ? { startLine: d.line } : undefined) }];
  return n;
}

/**
 * Diagnostics carry no level of their own. A file goconc could not analyse (it failed to
 * read or parse) is an error of the run; anything else (a suppression without a reason,
 * an unknown rule id) is a warning.
 */
function diagnosticLevel(d: Diagnostic): 'error' | 'warning' {
  return /syntax error|parse error|cannot (read|parse|open)|unreadable|not valid utf-?8|binary file/i.test(d.message)
    ? 'error'
    : 'warning';
}

function physical(file: string, reg: Sarif.Region | undefined): Sarif.PhysicalLocation {
  return reg ? { artifactLocation: artifactLocation(file), region: reg } : { artifactLocation: artifactLocation(file) };
}

function artifactLocation(file: string): Sarif.ArtifactLocation {
  const { uri, relative } = pathToUri(file);
  return relative ? { uri, uriBaseId: SRCROOT } : { uri };
}

/** A SARIF region; parts that are missing or inconsistent are left out rather than sent
 * as values a consumer would reject. */
function region(line: number, column: number, endLine?: number, endColumn?: number): Sarif.Region | undefined {
  if (!(line >= 1)) return undefined;
  const r: Sarif.Region = { startLine: line };
  if (column >= 1) r.startColumn = column;
  if (endLine !== undefined && endLine >= line) {
    r.endLine = endLine;
    const minEnd = endLine === line ? Math.max(column, 1) : 1;
    if (endColumn !== undefined && endColumn >= minEnd) r.endColumn = endColumn;
  }
  return r;
}

function fingerprintOf(f: Finding, source: SourceLines | null): string {
  const text = source ? source.line(f.file, f.line) : null;
  return findingFingerprint(f.rule, f.file, f.message, text !== null ? text.trim() : `line ${f.line}`);
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}
