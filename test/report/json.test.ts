import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderJson } from '../../src/report/json.js';
import { atomicValue, mapRace, sampleResult } from './sample.js';

test('top-level, finding, fix, edit and stats keys come in the documented order', () => {
  const doc = JSON.parse(renderJson(sampleResult()));
  assert.deepEqual(Object.keys(doc), ['version', 'findings', 'diagnostics', 'stats']);
  const [withFix, withTrace] = doc.findings;
  assert.deepEqual(Object.keys(withTrace), [
    'rule', 'severity', 'confidence', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'related', 'fixes', 'trace',
  ]);
  // No trace on the finding: no "trace" key at all.
  assert.deepEqual(Object.keys(withFix).at(-1), 'fixes');
  assert.deepEqual(Object.keys(withTrace.related[0]), ['file', 'line', 'column', 'message']);
  assert.deepEqual(Object.keys(withFix.fixes[0]), ['description', 'safe', 'edits']);
  assert.deepEqual(Object.keys(withFix.fixes[0].edits[0]), ['file', 'startLine', 'startColumn', 'endLine', 'endColumn', 'newText']);
  assert.deepEqual(Object.keys(doc.diagnostics[0]), ['file', 'line', 'message']);
  assert.deepEqual(Object.keys(doc.stats), ['files', 'packages', 'lines', 'parseErrors', 'durationMs']);
});

test('values pass through unchanged and findings are sorted', () => {
  const doc = JSON.parse(renderJson(sampleResult()));
  assert.equal(doc.version, '0.1.0');
  // "dir with space/ü.go" sorts before "pkg/cache/cache.go".
  assert.deepEqual(doc.findings.map((f: { rule: string }) => f.rule), ['atomic-value-types', 'map-race']);
  assert.deepEqual(doc.findings[1], { ...mapRace() });
  assert.deepEqual(doc.findings[0], { ...atomicValue() });
  assert.deepEqual(doc.diagnostics.map((d: { file: string }) => d.file), ['broken.go', 'pkg/cache/cache.go']);
  assert.deepEqual(doc.stats, { files: 12, packages: 3, lines: 340, parseErrors: 1, durationMs: 412 });
});

test('two-space indentation, trailing newline, no extra fields leak', () => {
  const r = sampleResult();
  (r.findings[0] as unknown as Record<string, unknown>)['internalNode'] = { big: true };
  const out = renderJson(r);
  assert.ok(out.endsWith('}\n'));
  assert.ok(out.startsWith('{\n  "version": "0.1.0",\n  "findings": [\n    {\n'));
  assert.doesNotMatch(out, /internalNode/);
});

test('deterministic: input order does not change the bytes', () => {
  const a = sampleResult();
  const b = sampleResult();
  b.findings.reverse();
  b.diagnostics.reverse();
  assert.equal(renderJson(a), renderJson(b));
  assert.equal(renderJson(a), renderJson(sampleResult()));
});

test('an empty scan is still a complete document', () => {
  const out = renderJson({ version: '1.2.3', findings: [], diagnostics: [], stats: { files: 0, packages: 0, lines: 0, parseErrors: 0, durationMs: 0 } });
  assert.deepEqual(JSON.parse(out), {
    version: '1.2.3', findings: [], diagnostics: [], stats: { files: 0, packages: 0, lines: 0, parseErrors: 0, durationMs: 0 },
  });
});
