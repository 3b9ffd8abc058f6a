/** The entry envelope: a sound entry reads back; anything else is a miss, never a throw. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { decodeEntry, encodeEntry, readEntry, writeEntryAtomic, type EntryId } from '../../src/cache/entry-file.js';

const dir = mkdtempSync(join(tmpdir(), 'goconc-entry-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ID: EntryId = { kind: 'parse', engine: 'e1', key: 'k1' };
const PAYLOAD = Buffer.from('{"hello":"world","n":[1,2,3]}');

test('a written entry reads back with the same payload', () => {
  const file = join(dir, 'a', 'b', 'entry');
  assert.equal(writeEntryAtomic(file, ID, PAYLOAD), true);
  assert.deepEqual(readEntry(file, ID), PAYLOAD);
  assert.deepEqual(readdirSync(join(dir, 'a', 'b')), ['entry'], 'no temp file left behind');
});

test('an entry for another kind, engine or key is a miss', () => {
  const buf = encodeEntry(ID, PAYLOAD);
  assert.deepEqual(decodeEntry(buf, ID), PAYLOAD);
  assert.equal(decodeEntry(buf, { ...ID, kind: 'result' }), null);
  assert.equal(decodeEntry(buf, { ...ID, engine: 'e2' }), null);
  assert.equal(decodeEntry(buf, { ...ID, key: 'k2' }), null);
});

test('truncated entries are misses at every length', () => {
  const buf = encodeEntry(ID, PAYLOAD);
  for (let n = 0; n < buf.length; n++) assert.equal(decodeEntry(buf.subarray(0, n), ID), null, `truncated to ${n} bytes`);
  assert.equal(decodeEntry(Buffer.concat([buf, Buffer.from('x')]), ID), null, 'trailing bytes');
});

test('a flipped byte anywhere is a miss', () => {
  const buf = encodeEntry(ID, PAYLOAD);
  for (let i = 0; i < buf.length; i++) {
    const bad = Buffer.from(buf);
    bad[i] = bad[i]! ^ 0x01;
    assert.equal(decodeEntry(bad, ID), null, `byte ${i} flipped`);
  }
});

test('foreign files, empty files, binary junk and a forged header are misses', () => {
  assert.equal(decodeEntry(Buffer.alloc(0), ID), null);
  assert.equal(decodeEntry(Buffer.from('not a cache entry at all\n'), ID), null);
  assert.equal(decodeEntry(Buffer.from([0, 1, 2, 255, 254, 10, 10]), ID), null);
  assert.equal(decodeEntry(Buffer.from('GOCONC-CACHE 1\nnull\n'), ID), null);
  assert.equal(decodeEntry(Buffer.from('GOCONC-CACHE 1\n{"kind":"parse","engine":"e1","key":"k1","bytes":2,"sha256":"00"}\n{}'), ID), null, 'wrong checksum');
  assert.equal(decodeEntry(Buffer.from('GOCONC-CACHE 9\n' + encodeEntry(ID, PAYLOAD).subarray(15).toString('latin1'), 'latin1'), ID), null, 'another envelope format');
  const file = join(dir, 'junk');
  writeFileSync(file, Buffer.from([0xde, 0xad, 0xbe, 0xef]));
  assert.equal(readEntry(file, ID), null);
  assert.equal(readEntry(join(dir, 'absent'), ID), null);
  assert.equal(readEntry(dir, ID), null, 'a folder where the entry should be');
});

test('a write that cannot happen returns false and leaves nothing behind', () => {
  const blocker = join(dir, 'blocker');
  writeFileSync(blocker, 'a file, not a folder');
  assert.equal(writeEntryAtomic(join(blocker, 'entry'), ID, PAYLOAD), false);
  assert.equal(readFileSync(blocker, 'utf8'), 'a file, not a folder');
});

test('a corrupt entry is overwritten by the next write', () => {
  const file = join(dir, 'over');
  writeFileSync(file, 'GOCONC-CACHE 1\ngarbage');
  assert.equal(readEntry(file, ID), null);
  assert.equal(writeEntryAtomic(file, ID, PAYLOAD), true);
  assert.deepEqual(readEntry(file, ID), PAYLOAD);
});
