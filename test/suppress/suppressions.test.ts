import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings.js';
import { parseDirective } from '../../src/suppress/directive.js';
import {
  applySuppressions,
  REASON_REQUIRED_MESSAGE,
  suppressionCommentsOf,
  type SuppressionComment,
} from '../../src/suppress/suppressions.js';
import type { GoFile } from '../../src/syntax/ast.js';

const RULES = ['map-race', 'chan-close-race', 'data-race'];

function finding(line: number, rule = 'map-race', file = 'a.go'): Finding {
  return {
    rule,
    severity: 'error',
    confidence: 'high',
    message: `${rule} at ${line}`,
    file,
    line,
    column: 2,
    endLine: line,
    endColumn: 9,
    related: [],
    fixes: [],
  };
}

function comment(line: number, text: string, col = 2, file = 'a.go'): SuppressionComment {
  return { file, line, col, text };
}

test('goconc:ignore on the same line suppresses the named rule only', () => {
  const r = applySuppressions(
    [finding(10), finding(10, 'data-race')],
    [comment(10, '//goconc:ignore map-race filled before the workers start', 20)],
    RULES,
  );
  assert.equal(r.suppressed, 1);
  assert.deepEqual(r.kept.map((f) => f.rule), ['data-race']);
  assert.deepEqual(r.diagnostics, []);
});

test('goconc:ignore on its own line above applies to the next line, not further', () => {
  const r = applySuppressions(
    [finding(10), finding(11)],
    [comment(9, '//goconc:ignore map-race guarded by the caller')],
    RULES,
  );
  assert.equal(r.suppressed, 1);
  assert.deepEqual(r.kept.map((f) => f.line), [11]);
});

test('a trailing comment on the line above does not reach the next line', () => {
  const findings = [finding(10)];
  const trailing = comment(9, '//goconc:ignore map-race reason here', 14);
  const src = 'package a\n'.repeat(8) + '\tm[k] = v   //goconc:ignore map-race reason here\n\tm[j] = w\n';
  const withSource = applySuppressions(findings, [trailing], RULES, () => src);
  assert.equal(withSource.suppressed, 0);
  const flagged = applySuppressions(findings, [{ ...trailing, ownLine: false }], RULES);
  assert.equal(flagged.suppressed, 0);
  // An indented comment alone on its line does apply (col > 1 only because of the tabs).
  const indentedSrc = 'package a\n'.repeat(8) + '\t\t//goconc:ignore map-race reason here\n\tm[j] = w\n';
  const indented = applySuppressions(findings, [comment(9, '//goconc:ignore map-race reason here', 3)], RULES, () => indentedSrc);
  assert.equal(indented.suppressed, 1);
});

test('a comma-separated list and `all` both work', () => {
  const findings = [finding(5, 'map-race'), finding(5, 'data-race'), finding(5, 'chan-close-race')];
  const list = applySuppressions(findings, [comment(5, '//goconc:ignore map-race,data-race reviewed')], RULES);
  assert.deepEqual(list.kept.map((f) => f.rule), ['chan-close-race']);
  const all = applySuppressions(findings, [comment(5, '//goconc:ignore all generated code')], RULES);
  assert.equal(all.suppressed, 3);
  assert.deepEqual(all.kept, []);
});

test('a directive without a reason suppresses nothing and is reported', () => {
  for (const text of ['//goconc:ignore map-race', '//goconc:ignore', '//goconc:ignore   map-race   ']) {
    const r = applySuppressions([finding(3)], [comment(3, text)], RULES);
    assert.equal(r.suppressed, 0, text);
    assert.deepEqual(r.diagnostics, [{ file: 'a.go', line: 3, message: REASON_REQUIRED_MESSAGE }], text);
  }
});

test('an unknown rule id is reported with a suggestion and suppresses nothing', () => {
  const r = applySuppressions(
    [finding(7)],
    [comment(7, '//goconc:ignore map-rce typo in the id')],
    RULES,
  );
  assert.equal(r.suppressed, 0);
  assert.equal(r.diagnostics.length, 1);
  assert.match(r.diagnostics[0]!.message, /unknown rule "map-rce"; did you mean "map-race"\?/);
  // Known ids in the same list still apply.
  const mixed = applySuppressions(
    [finding(7)],
    [comment(7, '//goconc:ignore bogus-rule-name,map-race reviewed')],
    RULES,
  );
  assert.equal(mixed.suppressed, 1);
  assert.equal(mixed.diagnostics.length, 1);
  assert.doesNotMatch(mixed.diagnostics[0]!.message, /did you mean/);
});

test('malformed directives are reported even with no finding next to them', () => {
  const r = applySuppressions([], [comment(40, '//goconc:ignore data-race'), comment(2, '//goconc:ignore nope x')], RULES);
  assert.deepEqual(r.diagnostics.map((d) => d.line), [2, 40]);
});

test('//nolint:goconc forms, same line and line above', () => {
  const cases: Array<[string, boolean]> = [
    ['//nolint:goconc', true],
    ['//nolint:goconc // the map is filled before Serve', true],
    ['//nolint:errcheck,goconc', true],
    ['//nolint:goconc,gosec // reviewed', true],
    ['//nolint', false],
    ['//nolint // everything', false],
    ['//nolint:errcheck', false],
    ['//nolint:goconcx', false],
    ['//nolintgoconc', false],
  ];
  for (const [text, expected] of cases) {
    const same = applySuppressions([finding(12)], [comment(12, text, 30)], RULES);
    assert.equal(same.suppressed, expected ? 1 : 0, `same line: ${text}`);
    const above = applySuppressions([finding(12)], [comment(11, text, 1)], RULES);
    assert.equal(above.suppressed, expected ? 1 : 0, `line above: ${text}`);
    assert.deepEqual(same.diagnostics, []);
  }
});

test('suppressions only apply within their own file', () => {
  const r = applySuppressions(
    [finding(4, 'map-race', 'a.go'), finding(4, 'map-race', 'b.go')],
    [comment(4, '//nolint:goconc', 10, 'b.go')],
    RULES,
  );
  assert.deepEqual(r.kept.map((f) => f.file), ['a.go']);
});

test('kept findings keep their order', () => {
  const findings = [finding(9), finding(1), finding(5)];
  const r = applySuppressions(findings, [comment(5, '//nolint:goconc')], RULES);
  assert.deepEqual(r.kept.map((f) => f.line), [9, 1]);
});

test('parseDirective distinguishes look-alikes', () => {
  assert.deepEqual(parseDirective('//goconc:ignore data-race why'), { kind: 'ignore', rules: ['data-race'], reason: 'why' });
  assert.deepEqual(parseDirective('goconc:ignore a,b  two words '), { kind: 'ignore', rules: ['a', 'b'], reason: 'two words' });
  assert.deepEqual(parseDirective('//goconc:ignored x y'), { kind: 'other' });
  assert.deepEqual(parseDirective('//go:build linux'), { kind: 'other' });
  assert.deepEqual(parseDirective('//nolint:a,b//x'), { kind: 'nolint', linters: ['a', 'b'] });
});

test('suppressionCommentsOf keeps only suppression comments of a file', () => {
  const file = {
    path: 'pkg/x.go',
    directives: [
      { line: 1, col: 1, text: '//go:build linux' },
      { line: 8, col: 3, text: '//goconc:ignore map-race ok' },
      { line: 9, col: 12, text: '//nolint:goconc' },
    ],
  } as unknown as GoFile;
  assert.deepEqual(suppressionCommentsOf(file), [
    { file: 'pkg/x.go', line: 8, col: 3, text: '//goconc:ignore map-race ok' },
    { file: 'pkg/x.go', line: 9, col: 12, text: '//nolint:goconc' },
  ]);
});
