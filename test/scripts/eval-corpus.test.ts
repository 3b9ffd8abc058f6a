import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  checkLabelledLines,
  checkPlacement,
  checkTwins,
  discoverCorpus,
  modulePathOf,
  validateExpect,
  type CorpusCase,
  type Expect,
} from '../../scripts/eval-corpus.js';

function buggy(over: Partial<Expect> = {}): Expect {
  return {
    rule: 'data-race',
    kind: 'buggy',
    twin: 'data-race/x-fixed',
    shape: 'field written by one goroutine, read by another',
    expect: [{ file: 'x.go', line: 3 }],
    proof: { how: 'race', match: 'WARNING: DATA RACE', runs: 5 },
    ...over,
  };
}

function fixed(over: Partial<Expect> = {}): Expect {
  return {
    ...buggy(),
    kind: 'fixed',
    twin: 'data-race/x',
    expect: [],
    proof: { how: 'clean', match: 'WARNING: DATA RACE', runs: 5 },
    ...over,
  };
}

test('validateExpect accepts well-formed buggy, fixed and clean labels', () => {
  assert.deepEqual(validateExpect(buggy()), []);
  assert.deepEqual(validateExpect(fixed()), []);
  assert.deepEqual(validateExpect(fixed({ kind: 'clean', twin: null })), []);
  assert.deepEqual(validateExpect(fixed({ kind: 'clean', twin: null, proof: { how: 'clean', match: '', runs: 5 } })), []);
});

test('validateExpect rejects schema violations', () => {
  const missing: Record<string, unknown> = { ...buggy() };
  delete missing['proof'];
  assert.ok(validateExpect(missing).some((e) => e.includes('proof')));
  assert.ok(validateExpect({ ...buggy(), extra: 1 }).length > 0);
  assert.ok(validateExpect(buggy({ kind: 'weird' as never })).length > 0);
  assert.ok(validateExpect(buggy({ expect: [{ file: 'x.go', line: 0 }] })).length > 0);
  assert.ok(validateExpect(buggy({ expect: [{ file: 'sub/x.go', line: 2 }] })).length > 0);
  assert.ok(validateExpect(buggy({ proof: { how: 'maybe' as never, match: 'x', runs: 1 } })).length > 0);
  assert.ok(validateExpect(buggy({ proof: { how: 'race', match: 'x', runs: 1.5 } })).length > 0);
  assert.ok(validateExpect(null).length > 0);
});

test('validateExpect rejects labels whose fields contradict the kind', () => {
  assert.deepEqual(validateExpect(buggy({ expect: [] })), ['buggy case lists no expected line']);
  assert.deepEqual(validateExpect(buggy({ twin: null })), ['buggy case has no fixed twin']);
  assert.ok(validateExpect(buggy({ proof: { how: 'clean', match: 'x', runs: 1 } })).includes('buggy case cannot have proof "clean"'));
  assert.ok(validateExpect(buggy({ proof: { how: 'panic', match: ' ', runs: 1 } })).includes('buggy case needs a non-empty proof.match'));
  assert.ok(validateExpect(fixed({ expect: [{ file: 'x.go', line: 1 }] })).includes('fixed case must expect no finding'));
  assert.ok(validateExpect(fixed({ proof: { how: 'race', match: 'x', runs: 1 } })).includes('fixed case must have proof "clean"'));
  assert.ok(validateExpect(fixed({ kind: 'clean' })).includes('clean look-alike must have twin null'));
});

test('checkLabelledLines reports blank lines, lines past the end and missing files', () => {
  const files: Record<string, string> = { 'x.go': 'package x\n\nvar y = 1\n' };
  const read = (n: string): string | undefined => files[n];
  assert.deepEqual(checkLabelledLines(buggy({ expect: [{ file: 'x.go', line: 3 }] }), read), []);
  assert.deepEqual(checkLabelledLines(buggy({ expect: [{ file: 'x.go', line: 2 }] }), read), ['x.go:2 is a blank line']);
  assert.match(checkLabelledLines(buggy({ expect: [{ file: 'x.go', line: 9 }] }), read)[0]!, /past the end/);
  assert.deepEqual(checkLabelledLines(buggy({ expect: [{ file: 'y.go', line: 1 }] }), read), ['labelled file y.go does not exist']);
});

test('checkPlacement ties the folder to the rule and kind', () => {
  assert.deepEqual(checkPlacement('cases/data-race/x', buggy()), []);
  assert.deepEqual(checkPlacement('cases/data-race/x-fixed', fixed()), []);
  assert.match(checkPlacement('cases/map-concurrent-access/x', buggy())[0]!, /labelled rule data-race/);
  assert.match(checkPlacement('cases/data-race/x-twin', fixed())[0]!, /-fixed/);
  assert.deepEqual(checkPlacement('clean/y', fixed({ kind: 'clean', twin: null })), []);
  assert.match(checkPlacement('clean/y', buggy())[0]!, /cases/);
  assert.match(checkPlacement('elsewhere/a/b/c', buggy())[0]!, /unexpected location/);
});

function corpusCase(moduleRel: string, expect: Expect, moduleDir = '/c'): CorpusCase {
  return {
    id: moduleRel,
    dir: `${moduleDir}/${moduleRel}`,
    module: { dir: moduleDir, path: 'm' },
    moduleRel,
    importPath: `m/${moduleRel}`,
    expect,
  };
}

test('checkTwins accepts a pair that points both ways', () => {
  const cases = [corpusCase('cases/data-race/x', buggy()), corpusCase('cases/data-race/x-fixed', fixed())];
  assert.equal(checkTwins(cases).size, 0);
});

test('checkTwins reports a missing twin, a twin that does not point back, and a twin in another module', () => {
  const lonely = checkTwins([corpusCase('cases/data-race/x', buggy())]);
  assert.deepEqual(lonely.get('cases/data-race/x'), ['twin data-race/x-fixed not found']);

  const other = corpusCase('cases/data-race/x-fixed', fixed({ twin: 'data-race/other' }));
  const oneWay = checkTwins([corpusCase('cases/data-race/x', buggy()), other]);
  assert.match(oneWay.get('cases/data-race/x')![0]!, /points to data-race\/other/);

  const split = checkTwins([corpusCase('cases/data-race/x', buggy()), corpusCase('cases/data-race/x-fixed', fixed(), '/legacy')]);
  assert.ok(split.has('cases/data-race/x'));
});

test('modulePathOf reads the module line', () => {
  assert.equal(modulePathOf('module goconc.dev/corpus\n\ngo 1.23\n'), 'goconc.dev/corpus');
  assert.equal(modulePathOf('// c\nmodule "example.com/q"\n'), 'example.com/q');
  assert.equal(modulePathOf('go 1.21\n'), undefined);
});

test('discoverCorpus finds cases in both modules and reports broken ones', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'goconc-corpus-'));
  try {
    const put = (rel: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    const pkg = (rel: string, e: unknown): void => {
      put(`${rel}/x.go`, 'package x\n\nvar n int\n');
      put(`${rel}/x_test.go`, 'package x\n');
      put(`${rel}/expect.json`, JSON.stringify(e));
    };
    put('go.mod', 'module example.test/corpus\n\ngo 1.23\n');
    put('legacy/go.mod', 'module example.test/corpus/legacy\n\ngo 1.21\n');
    pkg('cases/data-race/x', buggy());
    pkg('cases/data-race/x-fixed', fixed());
    pkg('legacy/cases/data-race/x', buggy());
    pkg('legacy/cases/data-race/x-fixed', fixed());
    pkg('clean/y', fixed({ kind: 'clean', twin: null }));
    pkg('cases/data-race/blank', buggy({ twin: 'data-race/x-fixed', expect: [{ file: 'x.go', line: 2 }] }));
    put('cases/data-race/junk/expect.json', '{ not json');

    const { cases, broken } = discoverCorpus(root);
    assert.deepEqual(
      cases.map((c) => [c.id, c.importPath]),
      [
        ['cases/data-race/x', 'example.test/corpus/cases/data-race/x'],
        ['cases/data-race/x-fixed', 'example.test/corpus/cases/data-race/x-fixed'],
        ['clean/y', 'example.test/corpus/clean/y'],
        ['legacy/cases/data-race/x', 'example.test/corpus/legacy/cases/data-race/x'],
        ['legacy/cases/data-race/x-fixed', 'example.test/corpus/legacy/cases/data-race/x-fixed'],
      ],
    );
    assert.deepEqual(broken.map((b) => b.id), ['cases/data-race/blank', 'cases/data-race/junk']);
    assert.match(broken[0]!.errors.join(), /blank line/);
    assert.match(broken[1]!.errors.join(), /expect.json/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
