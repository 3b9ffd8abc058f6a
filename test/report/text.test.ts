import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderText, summaryLine } from '../../src/report/text.js';
import { codeFrame } from '../../src/report/code-frame.js';
import { toDisplay } from '../../src/report/display.js';
import type { ScanResult } from '../../src/core/findings.js';
import { atomicValue, mapRace, readSource, sampleResult } from './sample.js';

const ESC = /\x1b/;
const plain = { color: false, codeFrames: true, readSource };
const noStyle = { gutter: (s: string) => s, marker: (s: string) => s };

test('without colour: header, code frame, trace, related, diagnostics, summary; no escape codes', () => {
  const out = renderText({ ...sampleResult(), findings: [mapRace()] }, plain);
  assert.doesNotMatch(out, ESC);
  assert.equal(
    out,
    [
      'pkg/cache/cache.go:5:3: map c.m written by Put in goroutines started at cmd/main.go:4 with no lock held (map-race)',
      '  5 |         c.m[k] = v',
      '    |         ^~~~~~',
      '    write: c.m[k] = v in (*Cache).Put, no lock held',
      '    reached from: main -> go serve -> (*Cache).Put',
      '  cmd/main.go:4:2: goroutine started here',
      '',
      'broken.go:3: syntax error: unexpected }',
      'pkg/cache/cache.go:9: goconc:ignore needs a reason: //goconc:ignore <rule> <reason>',
      '',
      '1 finding (1 high) in 12 files, 340 lines, 0.4s; 2 problems with the input',
      '',
    ].join('\n'),
  );
});

test('with colour: escape codes appear, and the same text once they are stripped', () => {
  const colored = renderText(sampleResult(), { ...plain, color: true });
  assert.match(colored, ESC);
  // eslint-disable-next-line no-control-regex
  assert.equal(colored.replace(/\x1b\[[0-9;]*m/g, ''), renderText(sampleResult(), plain));
});

test('caret sits under the reported column on a line indented with tabs', () => {
  // Line 5 is "\t\tc.m[k] = v": column 3 is the `c` after two tabs (UTF-16 units).
  const frame = codeFrame((n) => readSource('pkg/cache/cache.go')!.split('\n')[n - 1] ?? null, mapRace(), noStyle);
  const [src, marks] = frame;
  assert.equal(src, '5 |         c.m[k] = v');
  assert.equal(marks!.indexOf('^'), src!.indexOf('c.m'));
  assert.equal(marks!.trimEnd().length - marks!.indexOf('^'), 'c.m[k]'.length);
});

test('tabs in the middle of a line and wide characters keep the caret aligned', () => {
  const line = 'x\t:= "数据"\tv';
  const frame = codeFrame(() => line, { line: 1, column: line.indexOf('v') + 1, endLine: 1, endColumn: line.length + 1 }, noStyle);
  // Cells: x=0, tab to 4, `:= "` to 8, two wide characters to 12, `"` 12, tab to 16, v at 16.
  assert.equal(frame[0], '1 | x   := "数据"   v');
  assert.equal(frame[1], '  | ' + ' '.repeat(16) + '^');
  // Display cells: CJK characters are two cells wide.
  assert.deepEqual(toDisplay('数a').cells, [0, 2, 3]);
});

test('multi-line spans underline each line; long spans are elided', () => {
  const lines = ['func f() {', '\tgo func() {', '\t\tm[1] = 2', '\t}()', '}'];
  const get = (n: number) => lines[n - 1] ?? null;
  const two = codeFrame(get, { line: 2, column: 2, endLine: 3, endColumn: 11 }, noStyle);
  assert.deepEqual(two, ['2 |     go func() {', '  |     ^~~~~~~~~~~', '3 |         m[1] = 2', '  |         ~~~~~~~~']);
  const five = codeFrame(get, { line: 1, column: 1, endLine: 5, endColumn: 2 }, noStyle);
  assert.equal(five.filter((l) => l.includes('⋮')).length, 1);
  assert.ok(five.some((l) => l.startsWith('5 | }')));
});

test('no source, no frame; control characters in source never reach the terminal', () => {
  const none = renderText({ ...sampleResult(), findings: [mapRace()] }, { ...plain, readSource: () => null });
  assert.doesNotMatch(none, /\| /);
  const evil = renderText(
    { ...sampleResult(), diagnostics: [], findings: [{ ...mapRace(), message: 'bad\x1b[31m name', trace: undefined, related: [] }] },
    { ...plain, readSource: () => 'a\nb\nc\nd\n\t\tx := "\x1b[2J"\n' },
  );
  assert.doesNotMatch(evil, ESC);
  assert.match(evil, /\u241b\[2J/);
});

test('very long lines are cut to a window around the span', () => {
  const long = 'x'.repeat(5000) + 'TARGET' + 'y'.repeat(5000);
  const frame = codeFrame(() => long, { line: 1, column: 5001, endLine: 1, endColumn: 5007 }, noStyle);
  assert.ok(frame[0]!.length < 200, `length ${frame[0]!.length}`);
  assert.equal(frame[1]!.indexOf('^'), frame[0]!.indexOf('TARGET'));
});

test('codeFrames off: no frame lines, trace and related stay', () => {
  const out = renderText({ ...sampleResult(), findings: [mapRace()] }, { ...plain, codeFrames: false });
  assert.doesNotMatch(out, / \| /);
  assert.match(out, /\n    write: c\.m\[k\] = v/);
  assert.match(out, /\n  cmd\/main\.go:4:2: goroutine started here/);
});

test('findings are printed in sorted order', () => {
  const out = renderText(sampleResult(), { ...plain, codeFrames: false });
  assert.ok(out.indexOf('dir with space/ü.go:2:5:') < out.indexOf('pkg/cache/cache.go:5:3:'));
});

test('summary lines', () => {
  const r: ScanResult = sampleResult();
  assert.equal(summaryLine({ ...r, diagnostics: [] }), '2 findings (1 high, 1 medium) in 12 files, 340 lines, 0.4s');
  assert.equal(
    summaryLine({ ...r, findings: [], diagnostics: [], stats: { ...r.stats, files: 1, lines: 1, durationMs: 2345 } }),
    'no findings in 1 file, 1 line, 2.3s',
  );
  const low = { ...atomicValue(), confidence: 'low' as const };
  assert.equal(summaryLine({ ...r, findings: [low, mapRace()], diagnostics: [] }), '2 findings (1 high, 1 low) in 12 files, 340 lines, 0.4s');
  assert.equal(renderText({ ...r, findings: [], diagnostics: [] }, plain), 'no findings in 12 files, 340 lines, 0.4s\n');
});
