/**
 * The worker pool sends flat trees and converts them on the calling thread: the GoFile
 * must come out exactly as a parse in one thread makes it, errors and directives included.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParsePool, parseFileSync } from '../../src/syntax/pool.js';
import { flattenGoSource } from '../../src/syntax/parse.js';
import { packTree, unpackTree } from '../../src/syntax/flat-wire.js';

let dir = '';
let pool: ParsePool;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'goconc-transfer-'));
  pool = new ParsePool({ threads: 2 });
});

after(async () => {
  await pool.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const SOURCES: Record<string, string | Buffer> = {
  'plain.go': '//go:build linux\n\npackage p\n\nimport "sync"\n\n// goconc:ignore data-race reason\nfunc f(ch chan<- chan int, xs ...int) {\n\tvar mu sync.Mutex\n\tgo func() { mu.Lock(); defer mu.Unlock() }()\n\tselect {\n\tcase v := <-make(chan int):\n\t\t_ = v\n\tdefault:\n\t}\n}\n',
  'broken.go': 'package p\n\nfunc ok() {}\n\nfunc bad( {\n\tx := \n}\n\ntype T struct{ a int\n',
  'unicode.go': 'package p\n\nvar ñame = "héllo 🙂"\n\nfunc ünïcode() string { return ñame }\n',
  'badutf8.go': Buffer.concat([Buffer.from('package p\n\nvar s = "'), Buffer.from([0xff]), Buffer.from('"\n')]),
};

for (const [name, content] of Object.entries(SOURCES)) {
  test(`pool and single-thread parse agree: ${name}`, async () => {
    const p = join(dir, name);
    writeFileSync(p, content);
    const viaPool = await pool.parseFile(p, name);
    assert.deepEqual(viaPool, parseFileSync(p, name));
  });
}

test('packTree/unpackTree keep every node field', () => {
  const { flat } = flattenGoSource(SOURCES['broken.go'] as string);
  const back = unpackTree(structuredClone(packTree(flat)));
  assert.equal(back.count, flat.count);
  assert.equal(back.hasError, true);
  assert.deepEqual(back.errors, flat.errors);
  assert.deepEqual(back.missingNodes, flat.missingNodes);
  for (const k of ['typeId', 'fieldId', 'named', 'missing', 'start', 'end', 'firstChild', 'nextSibling'] as const) {
    assert.deepEqual(Array.from(back[k]), Array.from(flat[k].subarray(0, flat.count)), k);
  }
});
