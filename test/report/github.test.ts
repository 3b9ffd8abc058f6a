import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeData, escapeProperty, renderGithub } from '../../src/report/github.js';
import { atomicValue, mapRace, sampleResult } from './sample.js';

test('one annotation per finding with the severity mapped to the command', () => {
  const info = { ...mapRace(), severity: 'info' as const, file: 'z.go', trace: undefined };
  const lines = renderGithub({ ...sampleResult(), findings: [mapRace(), atomicValue(), info] }).trimEnd().split('\n');
  assert.equal(lines.length, 5); // 3 findings + 2 diagnostics
  assert.match(lines[0]!, /^::warning file=dir with space\/ü.go,line=2,col=5,endLine=2,endColumn=6,title=atomic-value-types::/);
  assert.match(lines[1]!, /^::error file=pkg\/cache\/cache.go,line=5,col=3,endLine=5,endColumn=9,title=map-race::map c.m written/);
  assert.match(lines[2]!, /^::notice file=z.go,/);
  assert.equal(lines[3], '::warning file=broken.go,line=3,title=goconc::syntax error: unexpected }');
  assert.match(lines[4]!, /^::warning file=pkg\/cache\/cache.go,line=9,title=goconc::goconc:ignore needs a reason/);
});

test('message data escapes %, CR and LF; the trace follows on escaped new lines', () => {
  const out = renderGithub({ ...sampleResult(), diagnostics: [], findings: [atomicValue()] });
  assert.ok(out.includes('::Store of interface type error: 50%25 of paths, "a, b": the concrete type can vary\n'));
  const traced = renderGithub({ ...sampleResult(), diagnostics: [], findings: [mapRace()] });
  assert.ok(traced.includes('no lock held%0Awrite: c.m[k] = v in (*Cache).Put, no lock held%0Areached from'));
  assert.equal(traced.split('\n').length, 2); // one line plus the final newline
});

test('properties also escape : and , so a path cannot break the command', () => {
  const f = { ...mapRace(), file: 'a,b:c%d.go', rule: 'x', trace: undefined };
  const out = renderGithub({ ...sampleResult(), diagnostics: [], findings: [f] });
  assert.ok(out.startsWith('::error file=a%2Cb%3Ac%25d.go,line=5,'), out);
  assert.equal(escapeProperty('a\r\nb'), 'a%0D%0Ab');
  assert.equal(escapeData('a:b,c\r\n%'), 'a:b,c%0D%0A%25');
});

test('columns are left out of annotations spanning several lines', () => {
  const f = { ...mapRace(), endLine: 7, endColumn: 2, trace: undefined };
  const out = renderGithub({ ...sampleResult(), diagnostics: [], findings: [f] });
  assert.match(out, /^::error file=pkg\/cache\/cache.go,line=5,endLine=7,title=map-race::/);
});

test('no findings and no diagnostics: no output', () => {
  assert.equal(renderGithub({ ...sampleResult(), findings: [], diagnostics: [] }), '');
});
