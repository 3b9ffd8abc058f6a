/**
 * The call chain a race finding shows for each side is the way that side is unguarded:
 * where a function is reached both under the other side's lock and without it, the chain
 * must not run through the lock.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES, runFixture } from './fixture-harness.js';

test('the read side of a race is traced along its unguarded way', async () => {
  const r = await runFixture('data-race', join(FIXTURES, 'data-race', 'witness-unguarded-way'));
  assert.deepEqual(r.missing, []);
  assert.deepEqual(r.unexpected, []);
  const trace = r.findings[0]!.trace ?? [];
  const chains = trace.filter((l) => l.trim().startsWith('call chain:'));
  assert.equal(chains.length, 2, trace.join('\n'));
  assert.match(chains[1]!, /\(\*Decoder\)\.Decode -> \(\*Decoder\)\.compile -> \(\*Decoder\)\.errorText -> get -> lookup$/);
  assert.doesNotMatch(chains[1]!, /build/);
});
