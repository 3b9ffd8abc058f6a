/** runScan with a cache: what is loaded, what is parsed, what invalidates a result, and
 * that the result is the same with and without the cache. */
import assert from 'node:assert/strict';
import { chmodSync, cpSync, readFileSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Confidence, ScanResult } from '../../src/core/findings.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { runScan, type ScanOutcome } from '../../src/scan/run-scan.js';
import { tempDir } from './temp-dirs.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** A copy of the examples module, so a test can edit it. */
function examplesCopy(): string {
  const d = tempDir('goconc-scan-cache-');
  cpSync(EXAMPLES, d, { recursive: true });
  return d;
}

function scan(cwd: string, cacheDir: string | null, extra: { minConfidence?: Confidence; ruleIds?: string[] } = {}): Promise<ScanOutcome> {
  const rules = extra.ruleIds ? ALL_RULES.filter((r) => extra.ruleIds!.includes(r.meta.id)) : ALL_RULES;
  return runScan({
    patterns: ['./...'], cwd, includeTests: true, minConfidence: extra.minConfidence ?? 'medium',
    rules, knownRuleIds: ALL_RULES.map((r) => r.meta.id), jobs: 1,
    cache: cacheDir === null ? null : { dir: cacheDir },
  });
}

/** The result without its only varying part. */
function stable(r: ScanResult): unknown {
  return { ...r, stats: { ...r.stats, durationMs: 0 } };
}

function goFileCount(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.go')).length;
}

test('cold then warm: the second scan is a result hit and equals the uncached result', async () => {
  const cwd = examplesCopy();
  const cache = tempDir('goconc-cache-');
  const none = await scan(cwd, null);
  assert.equal(none.cache, null);
  const cold = await scan(cwd, cache);
  assert.deepEqual(cold.cache, { resultHit: false, parsed: goFileCount(cwd), loaded: 0, warning: null });
  const warm = await scan(cwd, cache);
  assert.deepEqual(warm.cache, { resultHit: true, parsed: 0, loaded: 0, warning: null });
  assert.ok(none.result.findings.length > 0, 'the examples have findings');
  assert.deepStrictEqual(stable(cold.result), stable(none.result));
  assert.deepStrictEqual(stable(warm.result), stable(none.result));
});

test('editing one file re-parses only that file, and the findings follow the edit', async () => {
  const cwd = examplesCopy();
  const cache = tempDir('goconc-cache-');
  const before = await scan(cwd, cache);
  const target = join(cwd, 'stats', 'stats.go');
  // One blank line at the top moves every finding of that file down by one.
  writeFileSync(target, '\n' + readFileSync(target, 'utf8'));
  const after1 = await scan(cwd, cache);
  assert.deepEqual(after1.cache, { resultHit: false, parsed: 1, loaded: goFileCount(cwd) - 1, warning: null });
  const moved = (r: ScanResult) => r.findings.filter((f) => f.file === 'stats/stats.go').map((f) => f.line);
  assert.ok(moved(before.result).length > 0, 'stats.go has findings');
  assert.deepEqual(moved(after1.result), moved(before.result).map((l) => l + 1));
  assert.deepStrictEqual(stable(after1.result), stable((await scan(cwd, null)).result));
});

test('a file with the content of another is loaded, not parsed, under its own path', async () => {
  const cwd = examplesCopy();
  const cache = tempDir('goconc-cache-');
  await scan(cwd, cache);
  cpSync(join(cwd, 'health', 'health.go'), join(cwd, 'health', 'health_copy.go'));
  const r = await scan(cwd, cache);
  assert.equal(r.cache?.parsed, 0);
  assert.equal(r.cache?.loaded, goFileCount(cwd));
  assert.deepStrictEqual(stable(r.result), stable((await scan(cwd, null)).result));
});

test('options and go.mod are part of the result key', async () => {
  const cwd = examplesCopy();
  const cache = tempDir('goconc-cache-');
  const medium = await scan(cwd, cache);
  const high = await scan(cwd, cache, { minConfidence: 'high' });
  assert.equal(high.cache?.resultHit, false, 'another confidence is another result');
  assert.equal(high.cache?.parsed, 0, 'but every tree comes from the cache');
  const one = await scan(cwd, cache, { ruleIds: ['atomic-unaligned-64bit'] });
  assert.equal(one.cache?.resultHit, false);
  assert.ok(one.result.findings.every((f) => f.rule === 'atomic-unaligned-64bit'));
  assert.ok(one.result.findings.length < medium.result.findings.length);
  assert.equal((await scan(cwd, cache)).cache?.resultHit, true, 'each option set has its own slot');

  appendFileSync(join(cwd, 'go.mod'), '\n// a comment\n');
  const modEdit = await scan(cwd, cache);
  assert.equal(modEdit.cache?.resultHit, false, 'go.mod changed');
  assert.equal(modEdit.cache?.parsed, 0);
});

test('corrupt, truncated and foreign entries are ignored and rewritten', async () => {
  const cwd = examplesCopy();
  const cache = tempDir('goconc-cache-');
  const first = await scan(cwd, cache);
  const entries = readdirSync(cache, { recursive: true, encoding: 'utf8' }).map((p) => join(cache, p)).filter((p) => p.endsWith('.json') || p.endsWith('.bin'));
  assert.equal(entries.length, goFileCount(cwd) + 1, 'one entry per file and one result');
  entries.forEach((p, i) => {
    const buf = readFileSync(p);
    if (i % 3 === 0) writeFileSync(p, buf.subarray(0, buf.length >> 1));
    else if (i % 3 === 1) { buf[buf.length - 3] = buf[buf.length - 3]! ^ 0xff; writeFileSync(p, buf); }
    else writeFileSync(p, 'GOCONC-CACHE 1\n{"kind":"parse","engine":"someone else"}\n');
  });
  const again = await scan(cwd, cache);
  assert.deepEqual(again.cache, { resultHit: false, parsed: goFileCount(cwd), loaded: 0, warning: null });
  assert.deepStrictEqual(stable(again.result), stable(first.result));
  const third = await scan(cwd, cache);
  assert.equal(third.cache?.resultHit, true, 'the entries were rewritten');
});

test('an unwritable cache folder gives one warning and the same result', async (t) => {
  if (process.getuid?.() === 0) { t.skip('root can write anywhere'); return; }
  const cwd = examplesCopy();
  const parent = tempDir('goconc-ro-');
  chmodSync(parent, 0o500);
  try {
    const r = await scan(cwd, join(parent, 'cache'));
    assert.match(r.cache?.warning ?? '', /^cache disabled: cannot write to .*cache \(EACCES\)$/);
    assert.equal(r.cache?.parsed, goFileCount(cwd));
    assert.deepStrictEqual(stable(r.result), stable((await scan(cwd, null)).result));
  } finally {
    chmodSync(parent, 0o700);
  }
});

test('a cache path that is a file gives a warning, not an exception', async () => {
  const cwd = examplesCopy();
  const file = join(tempDir('goconc-file-'), 'not-a-folder');
  writeFileSync(file, '');
  const r = await scan(cwd, file);
  assert.match(r.cache?.warning ?? '', /^cache disabled: /);
  assert.ok(r.result.findings.length > 0);
});
