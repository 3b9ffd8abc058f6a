/** A small scan result used by the reporter tests, with every optional part present. */

import type { Finding, ScanResult } from '../../src/core/findings.js';
import type { RuleMeta } from '../../src/core/rule-meta.js';

export const SOURCES: Record<string, string> = {
  'pkg/cache/cache.go': [
    'package cache',
    '',
    'func (c *Cache) Put(k string, v int) {',
    '\tif c.m == nil {',
    '\t\tc.m[k] = v',
    '\t}',
    '}',
  ].join('\n'),
  'cmd/main.go': ['package main', '', 'func main() {', '\tgo serve()', '}'].join('\n'),
  'dir with space/ü.go': ['package x', 'var v atomic.Value'].join('\n'),
};

export function readSource(file: string): string | null {
  return SOURCES[file] ?? null;
}

export const RULES: RuleMeta[] = [
  {
    id: 'map-race',
    title: 'Map written concurrently without a common lock',
    severity: 'error',
    defaultConfidence: 'high',
    fixable: false,
    category: '§3 Concurrent map writes',
    docs: 'docs/rules/map-race.md',
  },
  {
    id: 'atomic-value-types',
    title: 'atomic.Value stored with inconsistent concrete types',
    severity: 'warning',
    defaultConfidence: 'medium',
    fixable: true,
    category: '§1 atomic.Value stored with inconsistent concrete types',
    docs: 'docs/rules/atomic-value-types.md',
  },
];

export function mapRace(): Finding {
  return {
    rule: 'map-race',
    severity: 'error',
    confidence: 'high',
    message: 'map c.m written by Put in goroutines started at cmd/main.go:4 with no lock held',
    file: 'pkg/cache/cache.go',
    line: 5,
    column: 3,
    endLine: 5,
    endColumn: 9,
    related: [{ file: 'cmd/main.go', line: 4, column: 2, message: 'goroutine started here' }],
    fixes: [],
    trace: ['write: c.m[k] = v in (*Cache).Put, no lock held', 'reached from: main -> go serve -> (*Cache).Put'],
  };
}

export function atomicValue(): Finding {
  return {
    rule: 'atomic-value-types',
    severity: 'warning',
    confidence: 'medium',
    message: 'Store of interface type error: 50% of paths, "a, b": the concrete type can vary',
    file: 'dir with space/ü.go',
    line: 2,
    column: 5,
    endLine: 2,
    endColumn: 6,
    related: [],
    fixes: [
      {
        description: 'Use atomic.Pointer[errBox]',
        safe: false,
        edits: [
          { file: 'dir with space/ü.go', startLine: 2, startColumn: 7, endLine: 2, endColumn: 19, newText: 'atomic.Pointer[errBox]' },
          { file: 'dir with space/ü.go', startLine: 3, startColumn: 1, endLine: 3, endColumn: 1, newText: '\ntype errBox struct{ err error }\n' },
        ],
      },
    ],
  };
}

export function sampleResult(): ScanResult {
  return {
    version: '0.1.0',
    // Deliberately out of order: reporters must sort.
    findings: [mapRace(), atomicValue()],
    diagnostics: [
      { file: 'pkg/cache/cache.go', line: 9, message: 'goconc:ignore needs a reason: //goconc:ignore <rule> <reason>' },
      { file: 'broken.go', line: 3, message: 'syntax error: unexpected }' },
    ],
    stats: { files: 12, packages: 3, lines: 340, parseErrors: 1, durationMs: 412 },
  };
}
