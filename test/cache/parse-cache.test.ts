/** The parse cache: trees come back exactly, under the path being scanned, and any
 * entry that is not sound is a miss that the next parse overwrites. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { contentHash } from '../../src/cache/content-hash.js';
import { encodeEntry } from '../../src/cache/entry-file.js';
import { loadParsed, parseAndStore, parseEntryPath, PARSE_FORMAT, storeParsed, type ParseStore } from '../../src/cache/parse-cache.js';
import { parseFileSync } from '../../src/syntax/parse-file.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'goconc-parse-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const store: ParseStore = { dir: join(dir, 'cache'), engine: 'test-engine' };

function exampleFiles(): string[] {
  return readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => readdirSync(join(EXAMPLES, e.name)).filter((n) => n.endsWith('.go')).map((n) => join(EXAMPLES, e.name, n)));
}

test('every example tree round-trips through the cache deep-equal to a fresh parse', () => {
  const files = exampleFiles();
  assert.ok(files.length >= 5);
  for (const abs of files) {
    const stored = parseAndStore(abs, 'first/path.go', store);
    assert.ok(stored.ok && stored.contentHash, abs);
    assert.equal(stored.contentHash, contentHash(readFileSync(abs)));
    const loaded = loadParsed(store, stored.contentHash, 'other/place.go');
    const fresh = parseFileSync(abs, 'other/place.go');
    assert.ok(fresh.ok);
    assert.deepStrictEqual(loaded, fresh.file, abs);
  }
});

test('identical content at two paths shares one entry, each load carrying its own path', () => {
  const text = 'package p\n\nfunc F() {}\n';
  writeFileSync(join(dir, 'a.go'), text);
  writeFileSync(join(dir, 'b.go'), text);
  const a = parseAndStore(join(dir, 'a.go'), 'a.go', store);
  assert.ok(a.ok && a.contentHash);
  const hash = a.contentHash;
  assert.equal(loadParsed(store, hash, 'x/a.go')?.path, 'x/a.go');
  assert.equal(loadParsed(store, hash, 'y/b.go')?.path, 'y/b.go');
  assert.deepEqual(readdirSync(join(store.dir, 'parse', hash.slice(0, 2))), [`${hash}.json`]);
});

test('a missing entry, another engine, a corrupt or a truncated entry are misses; the next parse repairs them', () => {
  writeFileSync(join(dir, 'c.go'), 'package p\n\nvar X = 1\n');
  const hash = contentHash(readFileSync(join(dir, 'c.go')));
  assert.equal(loadParsed(store, hash, 'c.go'), null, 'nothing stored yet');
  assert.ok(parseAndStore(join(dir, 'c.go'), 'c.go', store).ok);
  assert.ok(loadParsed(store, hash, 'c.go'));
  assert.equal(loadParsed({ ...store, engine: 'another-build' }, hash, 'c.go'), null);

  const file = parseEntryPath(store.dir, hash);
  const good = readFileSync(file);
  writeFileSync(file, good.subarray(0, good.length - 10));
  assert.equal(loadParsed(store, hash, 'c.go'), null, 'truncated');
  const flipped = Buffer.from(good);
  flipped[flipped.length - 5] = flipped[flipped.length - 5]! ^ 0x20;
  writeFileSync(file, flipped);
  assert.equal(loadParsed(store, hash, 'c.go'), null, 'corrupt');
  writeFileSync(file, 'GOCONC-CACHE 1\n');
  assert.equal(loadParsed(store, hash, 'c.go'), null, 'header only');

  assert.ok(parseAndStore(join(dir, 'c.go'), 'c.go', store).ok);
  assert.equal(loadParsed(store, hash, 'c.go')?.packageName, 'p', 'repaired by the next parse');
});

test('a sound envelope whose payload is not a tree (or not JSON) is a miss', () => {
  const hash = contentHash('whatever');
  const id = { kind: 'parse', engine: store.engine, key: `${hash}/${PARSE_FORMAT}` };
  const file = parseEntryPath(store.dir, hash);
  // storeParsed creates the folder; then the entry is replaced by forged ones.
  storeParsed(store, hash, { path: '', packageName: 'p', imports: [], decls: [], directives: [], buildConstraint: null, syntaxErrors: [], lineCount: 1 });
  assert.ok(loadParsed(store, hash, 'z.go'));
  writeFileSync(file, encodeEntry(id, Buffer.from('{"packageName": 42}')));
  assert.equal(loadParsed(store, hash, 'z.go'), null);
  writeFileSync(file, encodeEntry(id, Buffer.from('{not json')));
  assert.equal(loadParsed(store, hash, 'z.go'), null);
  writeFileSync(file, encodeEntry(id, Buffer.from('null')));
  assert.equal(loadParsed(store, hash, 'z.go'), null);
});

test('files that cannot be parsed are reported and not stored', () => {
  const junk = join(dir, 'junk.go');
  writeFileSync(junk, Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]));
  const o = parseAndStore(junk, 'junk.go', store);
  assert.equal(o.ok, false);
  assert.equal(loadParsed(store, contentHash(readFileSync(junk)), 'junk.go'), null);
  const absent = parseAndStore(join(dir, 'absent.go'), 'absent.go', store);
  assert.deepEqual(absent, { ok: false, path: 'absent.go', message: 'file not found' });
});
