import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// dist/test/scripts/ -> dist/scripts/corpus-verify.js
const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'corpus-verify.js');
const haveGo = spawnSync('go', ['version']).status === 0;

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

const counter = (pkg: string, guarded: boolean): Record<string, string> => ({
  'c.go': `package ${pkg}

import "sync"

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	${guarded ? 'c.mu.Lock()\n\tdefer c.mu.Unlock()\n\t' : ''}c.n++
}
`,
  'c_test.go': `package ${pkg}

import (
	"sync"
	"testing"
)

func TestInc(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc()
		}()
	}
	wg.Wait()
}
`,
});

function caseFiles(dir: string, files: Record<string, string>, expect: object): Record<string, string> {
  const out: Record<string, string> = { [`${dir}/expect.json`]: JSON.stringify(expect) };
  for (const [name, text] of Object.entries(files)) out[`${dir}/${name}`] = text;
  return out;
}

const label = (kind: string, twin: string | null, line: number | null) => ({
  rule: 'data-race',
  kind,
  twin,
  shape: 'counter incremented from two goroutines',
  expect: line === null ? [] : [{ file: 'c.go', line }],
  proof: kind === 'buggy' ? { how: 'race', match: 'WARNING: DATA RACE', runs: 1 } : { how: 'clean', match: '', runs: 1 },
});

test('corpus-verify proves true labels and rejects a mislabelled case', { skip: !haveGo && 'go toolchain not installed', timeout: 240_000 }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'goconc-verify-'));
  try {
    writeTree(root, {
      'go.mod': 'module example.test/corpus\n\ngo 1.23\n',
      // a real race, labelled buggy, with a clean twin
      ...caseFiles('cases/data-race/racy', counter('racy', false), label('buggy', 'data-race/racy-fixed', 11)),
      ...caseFiles('cases/data-race/racy-fixed', counter('racyfixed', true), label('fixed', 'data-race/racy', null)),
      // mislabelled: the code is guarded, yet the label says the race detector fires
      ...caseFiles('cases/data-race/guarded', counter('guarded', true), label('buggy', 'data-race/guarded-fixed', 13)),
      ...caseFiles('cases/data-race/guarded-fixed', counter('guardedfixed', true), label('fixed', 'data-race/guarded', null)),
      // mislabelled the other way: racy code called clean
      ...caseFiles('clean/racy-clean', counter('racyclean', false), label('clean', null, null)),
    });
    const res = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
    const lines = res.stdout.split('\n');
    assert.equal(res.status, 1, res.stdout + res.stderr);
    assert.ok(lines.includes('ok   cases/data-race/racy (buggy, race)'), res.stdout);
    assert.ok(lines.includes('ok   cases/data-race/racy-fixed (fixed, clean)'), res.stdout);
    assert.ok(lines.includes('ok   cases/data-race/guarded-fixed (fixed, clean)'), res.stdout);
    assert.ok(lines.some((l) => l.startsWith('FAIL cases/data-race/guarded: ') && l.includes('never showed')), res.stdout);
    assert.ok(lines.some((l) => l.startsWith('FAIL clean/racy-clean: ') && l.includes('WARNING: DATA RACE')), res.stdout);
    assert.ok(lines.includes('3 passed, 2 failed'), res.stdout);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('corpus-verify fails a broken label before running anything', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'goconc-verify-'));
  try {
    writeTree(root, {
      'go.mod': 'module example.test/corpus\n\ngo 1.23\n',
      ...caseFiles('cases/data-race/lonely', counter('lonely', false), label('buggy', 'data-race/lonely-fixed', 11)),
    });
    const res = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
    if (!haveGo) {
      assert.match(res.stdout, /^corpus:verify skipped: go toolchain not found$/m);
      return;
    }
    assert.equal(res.status, 1);
    assert.match(res.stdout, /^FAIL cases\/data-race\/lonely: twin data-race\/lonely-fixed not found$/m);
    assert.match(res.stdout, /^0 passed, 1 failed$/m);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('corpus-verify says it skipped when go is not on PATH, and exits 0', () => {
  const emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), 'goconc-nogo-'));
  try {
    const res = spawnSync(process.execPath, [script, emptyBin], { encoding: 'utf8', env: { ...process.env, PATH: emptyBin } });
    assert.equal(res.status, 0);
    assert.equal(res.stdout, 'corpus:verify skipped: go toolchain not found\n');
  } finally {
    fs.rmSync(emptyBin, { recursive: true, force: true });
  }
});
