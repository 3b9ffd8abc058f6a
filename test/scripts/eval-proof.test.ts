import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CorpusCase, Expect } from '../../scripts/eval-corpus.js';
import {
  goTestArgs,
  goTestEnv,
  judgeCase,
  judgeStep,
  modeKey,
  parseTestJson,
  planRuns,
  proofSteps,
  type PackageResult,
} from '../../scripts/eval-proof.js';

function mk(id: string, e: Partial<Expect>, moduleDir = '/corpus'): CorpusCase {
  const expect: Expect = {
    rule: 'data-race',
    kind: 'buggy',
    twin: 'data-race/x-fixed',
    shape: 's',
    expect: [{ file: 'x.go', line: 1 }],
    proof: { how: 'race', match: 'WARNING: DATA RACE', runs: 5 },
    ...e,
  };
  return { id, dir: `${moduleDir}/${id}`, module: { dir: moduleDir, path: 'm' }, moduleRel: id, importPath: `m/${id}`, expect };
}

const cleanProof = { how: 'clean' as const, match: '', runs: 5 };

test('proofSteps picks the command each proof needs', () => {
  const [race] = proofSteps(mk('a', {}));
  assert.deepEqual(race!.mode, { race: true, count: 5 });
  assert.equal(race!.expectFailure, true);

  const [panic] = proofSteps(mk('b', { proof: { how: 'panic', match: 'send on closed channel', runs: 3 } }));
  assert.deepEqual(panic!.mode, { race: false, count: 3 });
  assert.deepEqual(panic!.mustContain, ['send on closed channel']);

  const [either] = proofSteps(mk('c', { proof: { how: 'race-or-fatal', match: 'concurrent map writes', runs: 2 } }));
  assert.deepEqual(either!.mustContain, ['concurrent map writes', 'WARNING: DATA RACE']);

  const [align] = proofSteps(mk('d', { proof: { how: '386-panic', match: 'unaligned 64-bit atomic operation', runs: 3 } }));
  assert.deepEqual(align!.mode, { race: false, goarch: '386', count: 3 });
});

test('proofSteps for fixed twins and clean look-alikes runs -race plus the twin\'s own command', () => {
  const plainClean = proofSteps(mk('e', { kind: 'clean', twin: null, expect: [], proof: cleanProof }));
  assert.equal(plainClean.length, 1);
  assert.equal(plainClean[0]!.expectFailure, false);
  assert.ok(plainClean[0]!.mustNotContain.includes('WARNING: DATA RACE'));
  assert.ok(plainClean[0]!.mustNotContain.includes('panic:'));

  const afterPanic = proofSteps(mk('f', { kind: 'fixed', expect: [], proof: cleanProof }), { how: 'panic', match: 'close of closed channel', runs: 3 });
  assert.deepEqual(afterPanic.map((s) => modeKey(s.mode)), ['race/host/5', 'plain/host/5']);
  assert.ok(afterPanic[1]!.mustNotContain.includes('close of closed channel'));

  const alignment = proofSteps(mk('g', { rule: 'atomic-unaligned-64bit', kind: 'clean', twin: null, expect: [], proof: cleanProof }));
  assert.deepEqual(alignment.map((s) => modeKey(s.mode)), ['race/host/5', 'plain/386/5']);
});

test('goTestArgs and goTestEnv spell out the mode', () => {
  assert.deepEqual(goTestArgs({ race: true, count: 4 }), ['test', '-json', '-count=4', '-timeout=120s', '-race']);
  assert.equal(goTestEnv({ race: false, goarch: '386', count: 1 })['GOARCH'], '386');
  assert.equal(goTestEnv({ race: true, count: 1 })['GOARCH'], undefined);
});

test('planRuns makes one go test process per module and mode', () => {
  const a = mk('cases/data-race/a', {});
  const b = mk('cases/data-race/b', {});
  const c = mk('cases/data-race/c', { proof: { how: 'panic', match: 'x', runs: 5 } });
  const legacy = mk('cases/data-race/l', {}, '/corpus/legacy');
  const steps = [a, b, c, legacy, a].map((k) => ({ c: k, step: proofSteps(k)[0]! }));
  const runs = planRuns(steps);
  assert.deepEqual(
    runs.map((r) => [r.moduleDir, modeKey(r.mode), r.packages]),
    [
      ['/corpus', 'plain/host/5', ['m/cases/data-race/c']],
      ['/corpus', 'race/host/5', ['m/cases/data-race/a', 'm/cases/data-race/b']],
      ['/corpus/legacy', 'race/host/5', ['m/cases/data-race/l']],
    ],
  );
});

test('parseTestJson splits output per package and keeps the package verdict, not the tests\'', () => {
  const stream = [
    JSON.stringify({ Action: 'start', Package: 'm/a' }),
    JSON.stringify({ Action: 'output', Package: 'm/a', Test: 'TestX', Output: '==================\n' }),
    JSON.stringify({ Action: 'output', Package: 'm/a', Test: 'TestX', Output: 'WARNING: DATA RACE\n' }),
    JSON.stringify({ Action: 'fail', Package: 'm/a', Test: 'TestX' }),
    JSON.stringify({ Action: 'output', Package: 'm/b', Output: 'ok  \tm/b\n' }),
    JSON.stringify({ Action: 'pass', Package: 'm/b' }),
    JSON.stringify({ Action: 'fail', Package: 'm/a' }),
    JSON.stringify({ ImportPath: 'm/c [m/c.test]', Action: 'build-output', Output: 'x.go:3:1: syntax error\n' }),
    JSON.stringify({ ImportPath: 'm/c [m/c.test]', Action: 'build-fail' }),
    'go: downloading nothing',
  ].join('\n');
  const { packages, other } = parseTestJson(stream);
  assert.equal(packages.get('m/a')!.action, 'fail');
  assert.match(packages.get('m/a')!.output, /WARNING: DATA RACE/);
  assert.equal(packages.get('m/b')!.action, 'pass');
  assert.equal(packages.get('m/c')!.buildFailed, true);
  assert.match(packages.get('m/c')!.output, /syntax error/);
  assert.deepEqual(other, ['go: downloading nothing']);
});

const racy: PackageResult = { output: 'WARNING: DATA RACE\nRead at ...\n--- FAIL: TestX\nFAIL\n', action: 'fail', buildFailed: false };
const quiet: PackageResult = { output: '=== RUN TestX\n--- PASS: TestX\nPASS\n', action: 'pass', buildFailed: false };

test('judgeStep rejects a buggy label whose proof never shows', () => {
  const [step] = proofSteps(mk('a', {}));
  assert.equal(judgeStep(step!, racy).ok, true);
  const v = judgeStep(step!, quiet);
  assert.equal(v.ok, false);
  assert.match(v.reason, /never showed "WARNING: DATA RACE"/);
  assert.equal(judgeStep(step!, undefined).ok, false);
  assert.match(judgeStep(step!, { output: 'x.go: bad', buildFailed: true }).reason, /build failed/);
});

test('judgeStep rejects a clean label that races, panics or fails', () => {
  const [step] = proofSteps(mk('e', { kind: 'clean', twin: null, expect: [], proof: cleanProof }));
  assert.equal(judgeStep(step!, quiet).ok, true);
  assert.match(judgeStep(step!, { ...racy, action: 'pass' }).reason, /shows "WARNING: DATA RACE"/);
  assert.match(judgeStep(step!, { output: 'panic: boom\n', action: 'fail', buildFailed: false }).reason, /shows "panic:"/);
  assert.match(judgeStep(step!, { output: '--- FAIL: TestX\n    x_test.go:9: wrong\n', action: 'fail', buildFailed: false }).reason, /did not pass/);
});

test('judgeCase needs every step to hold', () => {
  const steps = proofSteps(mk('g', { rule: 'atomic-unaligned-64bit', kind: 'clean', twin: null, expect: [], proof: cleanProof }));
  const on386: PackageResult = { output: 'panic: unaligned 64-bit atomic operation\n', action: 'fail', buildFailed: false };
  assert.equal(judgeCase(steps, () => quiet).ok, true);
  const v = judgeCase(steps, (s) => (s.mode.goarch === '386' ? on386 : quiet));
  assert.equal(v.ok, false);
  assert.match(v.reason, /plain\/386\/5/);
});
