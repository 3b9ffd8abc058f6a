import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import type * as Sarif from 'sarif';
import { FINGERPRINT_KEY, renderSarif } from '../../src/report/sarif.js';
import { pathToUri } from '../../src/report/sarif-uri.js';
import { isUri, isUriReference, SARIF_SUBSET_SCHEMA } from './sarif-schema-subset.js';
import { mapRace, readSource, RULES, sampleResult } from './sample.js';

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  ajv.addFormat('uri', isUri);
  ajv.addFormat('uri-reference', isUriReference);
  return ajv.compile(SARIF_SUBSET_SCHEMA);
}

function parse(out: string): Sarif.Log {
  return JSON.parse(out) as Sarif.Log;
}

test('output validates against the SARIF 2.1.0 schema subset', () => {
  const validate = validator();
  for (const out of [
    renderSarif(sampleResult(), RULES),
    renderSarif(sampleResult(), RULES, { srcRoot: '/home/ci/work/repo', readSource, informationUri: 'https://example.org/goconc' }),
    renderSarif({ ...sampleResult(), findings: [], diagnostics: [] }, []),
  ]) {
    const ok = validate(JSON.parse(out));
    assert.ok(ok, JSON.stringify(validate.errors, null, 2));
  }
});

test('the schema check catches what GitHub would reject', () => {
  const validate = validator();
  const log = parse(renderSarif(sampleResult(), RULES));
  const bad = structuredClone(log);
  bad.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
  assert.equal(validate(bad), false);
  const badLevel = structuredClone(log) as unknown as { runs: Array<{ results: Array<{ level: string }> }> };
  badLevel.runs[0]!.results[0]!.level = 'info';
  assert.equal(validate(badLevel), false);
  const badUri = structuredClone(log);
  badUri.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri = 'dir with space/x.go';
  assert.equal(validate(badUri), false);
});

test('header, driver and rule metadata', () => {
  const log = parse(renderSarif(sampleResult(), RULES, { informationUri: 'https://example.org/goconc' }));
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema!, /^https:\/\/.*sarif-2\.1\.0.*\.json$/);
  assert.equal(log.runs.length, 1);
  const run = log.runs[0]!;
  const driver = run.tool.driver;
  assert.equal(driver.name, 'goconc');
  assert.equal(driver.semanticVersion, '0.1.0');
  assert.equal(driver.informationUri, 'https://example.org/goconc');
  assert.deepEqual(driver.rules!.map((r) => r.id), ['atomic-value-types', 'map-race']);
  const mapRule = driver.rules![1]!;
  assert.equal(mapRule.name, 'MapRace');
  assert.equal(mapRule.shortDescription!.text, 'Map written concurrently without a common lock');
  assert.match(mapRule.fullDescription!.text, /§3 Concurrent map writes/);
  assert.equal(mapRule.defaultConfiguration!.level, 'error');
  assert.equal(mapRule.helpUri, undefined);
  assert.deepEqual(
    { confidence: mapRule.properties!['confidence'], category: mapRule.properties!['category'], docs: mapRule.properties!['docs'] },
    { confidence: 'high', category: '§3 Concurrent map writes', docs: 'docs/rules/map-race.md' },
  );
  assert.equal(driver.rules![0]!.defaultConfiguration!.level, 'warning');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.ok(run.originalUriBaseIds!['%SRCROOT%']);
});

test('a relative-looking informationUri is dropped rather than emitted invalid', () => {
  const log = parse(renderSarif(sampleResult(), RULES, { informationUri: 'docs/index.md' }));
  assert.equal(log.runs[0]!.tool.driver.informationUri, undefined);
});

test('results: rule index, level, relative percent-encoded URIs, region, confidence', () => {
  const log = parse(renderSarif(sampleResult(), RULES));
  const run = log.runs[0]!;
  const [av, mr] = run.results!;
  assert.equal(av!.ruleId, 'atomic-value-types');
  assert.equal(run.tool.driver.rules![av!.ruleIndex!]!.id, 'atomic-value-types');
  assert.equal(run.tool.driver.rules![mr!.ruleIndex!]!.id, 'map-race');
  assert.equal(av!.level, 'warning');
  assert.equal(mr!.level, 'error');
  const loc = av!.locations![0]!.physicalLocation!;
  assert.deepEqual(loc.artifactLocation, { uri: 'dir%20with%20space/%C3%BC.go', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(loc.region, { startLine: 2, startColumn: 5, endLine: 2, endColumn: 6 });
  assert.deepEqual(mr!.properties, { confidence: 'high' });
  for (const r of run.results!) {
    const uri = r.locations![0]!.physicalLocation!.artifactLocation!.uri!;
    assert.ok(!/^[a-z]+:/i.test(uri) && !uri.startsWith('/'), `relative: ${uri}`);
  }
});

test('info maps to note; a finding with an unregistered rule still gets a descriptor', () => {
  const f = { ...mapRace(), rule: 'preview-rule', severity: 'info' as const };
  const log = parse(renderSarif({ ...sampleResult(), findings: [f] }, RULES));
  const run = log.runs[0]!;
  assert.equal(run.results![0]!.level, 'note');
  assert.equal(run.tool.driver.rules![run.results![0]!.ruleIndex!]!.id, 'preview-rule');
});

test('related locations carry ids and messages; the trace is in the message', () => {
  const log = parse(renderSarif(sampleResult(), RULES));
  const mr = log.runs[0]!.results![1]!;
  assert.deepEqual(mr.relatedLocations, [
    {
      id: 1,
      physicalLocation: { artifactLocation: { uri: 'cmd/main.go', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 2 } },
      message: { text: 'goroutine started here' },
    },
  ]);
  assert.equal(
    mr.message.text,
    'map c.m written by Put in goroutines started at cmd/main.go:4 with no lock held\n' +
      'write: c.m[k] = v in (*Cache).Put, no lock held\nreached from: main -> go serve -> (*Cache).Put',
  );
});

test('fixes become artifact changes with deleted regions and inserted content', () => {
  const log = parse(renderSarif(sampleResult(), RULES));
  const av = log.runs[0]!.results![0]!;
  assert.equal(av.fixes!.length, 1);
  const fix = av.fixes![0]!;
  assert.equal(fix.description!.text, 'Use atomic.Pointer[errBox]');
  assert.deepEqual(fix.properties, { safe: false });
  assert.equal(fix.artifactChanges.length, 1);
  assert.deepEqual(fix.artifactChanges[0]!.artifactLocation, { uri: 'dir%20with%20space/%C3%BC.go', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(fix.artifactChanges[0]!.replacements, [
    { deletedRegion: { startLine: 2, startColumn: 7, endLine: 2, endColumn: 19 }, insertedContent: { text: 'atomic.Pointer[errBox]' } },
    { deletedRegion: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 1 }, insertedContent: { text: '\ntype errBox struct{ err error }\n' } },
  ]);
});

test('fingerprints are stable, follow the line text, and tell duplicates apart', () => {
  const fp = (r: ReturnType<typeof sampleResult>, src = readSource) =>
    parse(renderSarif(r, RULES, { readSource: src })).runs[0]!.results!.map((x) => x.partialFingerprints![FINGERPRINT_KEY]!);
  const base = fp(sampleResult());
  assert.deepEqual(base, fp(sampleResult()));
  assert.match(base[0]!, /^[0-9a-f]{32}:1$/);
  // The same code moved down two lines keeps its fingerprint.
  const moved = sampleResult();
  moved.findings = moved.findings.map((f) => (f.rule === 'map-race' ? { ...f, line: f.line + 2, endLine: f.endLine + 2 } : f));
  const shifted = (file: string) => (file === 'pkg/cache/cache.go' ? '\n\n' + readSource(file)! : readSource(file));
  assert.deepEqual(fp(moved, shifted), base);
  // Two identical findings on identical lines differ only by the occurrence suffix.
  const dup = { ...sampleResult(), findings: [mapRace(), { ...mapRace(), column: 4 }] };
  const [a, b] = fp(dup);
  assert.equal(a!.split(':')[0], b!.split(':')[0]);
  assert.notEqual(a, b);
});

test('diagnostics become tool execution notifications; the run still succeeded', () => {
  const log = parse(renderSarif(sampleResult(), RULES));
  const inv = log.runs[0]!.invocations![0]!;
  assert.equal(inv.executionSuccessful, true);
  const notes = inv.toolExecutionNotifications!;
  assert.deepEqual(notes.map((n) => [n.level, n.locations![0]!.physicalLocation!.artifactLocation!.uri]), [
    ['error', 'broken.go'],
    ['warning', 'pkg/cache/cache.go'],
  ]);
  assert.equal(notes[0]!.message.text, 'syntax error: unexpected }');
  assert.deepEqual(notes[0]!.locations![0]!.physicalLocation!.region, { startLine: 3 });
});

test('srcRoot becomes an absolute file URI ending in a slash', () => {
  const log = parse(renderSarif(sampleResult(), RULES, { srcRoot: '/home/ci/my repo' }));
  assert.deepEqual(log.runs[0]!.originalUriBaseIds!['%SRCROOT%'], { uri: 'file:///home/ci/my%20repo/' });
});

test('deterministic bytes whatever the input order', () => {
  const a = sampleResult();
  const b = sampleResult();
  b.findings.reverse();
  b.diagnostics.reverse();
  assert.equal(renderSarif(a, RULES), renderSarif(b, [...RULES].reverse()));
});

test('pathToUri encodes segments and keeps relative paths relative', () => {
  assert.deepEqual(pathToUri('./a/b c/d#e.go'), { uri: 'a/b%20c/d%23e.go', relative: true });
  assert.deepEqual(pathToUri('a:b/c.go'), { uri: 'a%3Ab/c.go', relative: true });
  assert.deepEqual(pathToUri('sub\\win.go'), { uri: 'sub/win.go', relative: true });
  assert.deepEqual(pathToUri('/abs/x.go'), { uri: 'file:///abs/x.go', relative: false });
  assert.deepEqual(pathToUri('C:/w/x.go'), { uri: 'file:///C:/w/x.go', relative: false });
  assert.ok(isUriReference(pathToUri('ü/100%.go').uri));
});
