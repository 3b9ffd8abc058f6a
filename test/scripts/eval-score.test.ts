import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assignFindings,
  checkThresholds,
  formatTable,
  scoreCorpus,
  validateThresholds,
  type ScoredCase,
  type ScoredFinding,
} from '../../scripts/eval-score.js';

const cases: ScoredCase[] = [
  { dir: 'corpus/cases/data-race/a', rule: 'data-race', kind: 'buggy', expect: [{ file: 'a.go', line: 10 }, { file: 'a.go', line: 12 }] },
  { dir: 'corpus/cases/data-race/a-fixed', rule: 'data-race', kind: 'fixed', expect: [] },
  { dir: 'corpus/cases/data-race/b', rule: 'data-race', kind: 'buggy', expect: [{ file: 'b.go', line: 5 }] },
  { dir: 'corpus/cases/data-race/b-fixed', rule: 'data-race', kind: 'fixed', expect: [] },
  { dir: 'corpus/cases/map-concurrent-access/m', rule: 'map-concurrent-access', kind: 'buggy', expect: [{ file: 'm.go', line: 7 }] },
  { dir: 'corpus/clean/c', rule: 'map-concurrent-access', kind: 'clean', expect: [] },
];

const f = (rule: string, file: string, line: number): ScoredFinding => ({ rule, file, line });

test('a buggy case is caught only by its own rule on a labelled line', () => {
  const score = scoreCorpus(cases, [
    f('data-race', 'corpus/cases/data-race/a/a.go', 12),
    f('map-concurrent-access', 'corpus/cases/data-race/b/b.go', 5),
    f('data-race', 'corpus/cases/data-race/b/b.go', 6),
  ]);
  const dr = score.rules.get('data-race')!;
  assert.equal(dr.buggy, 2);
  assert.equal(dr.caught, 1);
  assert.deepEqual(dr.missed, ['corpus/cases/data-race/b']);
  assert.equal(dr.stray, 1, 'the data-race finding on an unlabelled line of b');
  assert.equal(score.rules.get('map-concurrent-access')!.stray, 1, 'strays count against the finding\'s rule');
  assert.equal(score.rules.get('map-concurrent-access')!.caught, 0);
});

test('any finding in a fixed twin or clean look-alike breaks silence and is stray', () => {
  const score = scoreCorpus(cases, [
    f('atomic-unaligned-64bit', 'corpus/cases/data-race/a-fixed/a.go', 3),
    f('map-concurrent-access', 'corpus/clean/c/c.go', 9),
  ]);
  const dr = score.rules.get('data-race')!;
  assert.equal(dr.fixed, 2);
  assert.equal(dr.fixedSilent, 1);
  assert.deepEqual(dr.noisy, ['corpus/cases/data-race/a-fixed']);
  const m = score.rules.get('map-concurrent-access')!;
  assert.equal(m.clean, 1);
  assert.equal(m.cleanSilent, 0);
  assert.equal(m.stray, 1);
  assert.equal(score.rules.get('atomic-unaligned-64bit')!.stray, 1);
  assert.equal(score.total.stray, 2);
  assert.equal(score.strays[0]!.caseDir, 'corpus/cases/data-race/a-fixed');
});

test('findings are assigned by folder, not by prefix, and others are left unassigned', () => {
  const { byCase, unassigned } = assignFindings(cases, [
    f('data-race', './corpus/cases/data-race/a/a.go', 10),
    f('data-race', 'corpus/cases/data-race/a-fixed/a.go', 10),
    f('data-race', 'corpus/cases/data-race/a/sub/x.go', 1),
    f('data-race', 'src/other.go', 1),
  ]);
  assert.equal(byCase.get('corpus/cases/data-race/a')!.length, 1);
  assert.equal(byCase.get('corpus/cases/data-race/a-fixed')!.length, 1);
  assert.equal(unassigned.length, 2);
});

test('the total row sums every rule', () => {
  const score = scoreCorpus(cases, [f('data-race', 'corpus/cases/data-race/a/a.go', 10), f('map-concurrent-access', 'corpus/cases/map-concurrent-access/m/m.go', 7)]);
  assert.deepEqual(
    [score.total.buggy, score.total.caught, score.total.fixed, score.total.fixedSilent, score.total.clean, score.total.cleanSilent],
    [3, 2, 2, 2, 1, 1],
  );
});

test('checkThresholds reports each figure below its threshold and ignores absent rules', () => {
  const score = scoreCorpus(cases, [
    f('data-race', 'corpus/cases/data-race/a/a.go', 10),
    f('data-race', 'corpus/cases/data-race/a-fixed/a.go', 10),
  ]);
  assert.deepEqual(checkThresholds(score, {}), []);
  assert.deepEqual(checkThresholds(score, { 'data-race': { minCaught: 0.5, minSilent: 0.5, maxStray: 1 } }), []);
  const failures = checkThresholds(score, {
    'data-race': { minCaught: 0.9, minSilent: 1, maxStray: 0 },
    _total: { minCaught: 0.5 },
  });
  assert.deepEqual(failures, [
    '_total: caught 33% (1/3) is below minCaught 50%',
    'data-race: caught 50% (1/2) is below minCaught 90%',
    'data-race: silent 50% (1/2) is below minSilent 100%',
    'data-race: 1 stray findings exceed maxStray 0',
  ]);
});

test('a rule with no cases cannot fail a ratio threshold', () => {
  const score = scoreCorpus(cases, []);
  assert.deepEqual(checkThresholds(score, { 'chan-double-close': { minCaught: 1, minSilent: 1, maxStray: 0 } }), []);
});

test('validateThresholds checks ranges and names', () => {
  assert.deepEqual(validateThresholds({ _total: { minCaught: 0, minSilent: 0 }, x: { maxStray: 2 } }), []);
  assert.equal(validateThresholds([]).length, 1);
  assert.equal(validateThresholds({ x: { minCaught: 1.5 } }).length, 1);
  assert.equal(validateThresholds({ x: { maxStray: -1 } }).length, 1);
  assert.equal(validateThresholds({ x: { minCatch: 0 } }).length, 1);
});

test('formatTable prints one row per rule plus _total', () => {
  const table = formatTable(scoreCorpus(cases, [f('data-race', 'corpus/cases/data-race/a/a.go', 10)]), { 'data-race': {} });
  const lines = table.split('\n');
  assert.equal(lines.length, 5);
  assert.match(lines[2]!, /^data-race\s+1\/2\s+2\/2\s+0\/0\s+0\s+yes$/);
  assert.match(lines[3]!, /^map-concurrent-access\s+0\/1\s+0\/0\s+1\/1\s+0\s+no$/);
  assert.match(lines[4]!, /^_total\s+1\/3/);
});
