/**
 * Confidence says how much of the concurrency is shown: a goroutine that main starts
 * itself runs next to main's later writes (high); one that only the exported API of
 * another package starts, reached from main through a call too wide to follow, may well
 * start after main's write or run on after it (medium).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES, runFixture } from './fixture-harness.js';

test('a goroutine started only through exported API is not shown next to main', async () => {
  const r = await runFixture('data-race', join(FIXTURES, 'data-race', 'api-started-goroutine'));
  assert.deepEqual(r.missing, []);
  assert.deepEqual(r.unexpected, []);
  const byLine = new Map(r.findings.map((f) => [f.line, f.confidence]));
  assert.equal(byLine.get(53), 'medium');
  assert.equal(byLine.get(44), 'high');
});
