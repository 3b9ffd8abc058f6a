import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchUsageError, DEFAULT_PEERS_TIMEOUT_S, parseBenchArgs } from '../../scripts/bench-args.js';

test('no arguments: GOROOT only, peers on, default timeout, no JSON', () => {
  assert.deepEqual(parseBenchArgs([]), { trees: [], peers: true, peersTimeoutS: DEFAULT_PEERS_TIMEOUT_S, json: null, goroot: true, help: false });
});

test('trees and options in any order, both --flag value and --flag=value', () => {
  const o = parseBenchArgs(['a', '--no-peers', '--json', 'out.json', 'b/c', '--peers-timeout=90.5']);
  assert.deepEqual(o.trees, ['a', 'b/c']);
  assert.equal(o.peers, false);
  assert.equal(o.json, 'out.json');
  assert.equal(o.peersTimeoutS, 90.5);
  assert.equal(parseBenchArgs(['--peers-timeout', '30']).peersTimeoutS, 30);
  assert.equal(parseBenchArgs(['--json=x.json']).json, 'x.json');
});

test('--help and -h', () => {
  assert.equal(parseBenchArgs(['-h']).help, true);
  assert.equal(parseBenchArgs(['--help']).help, true);
});

test('bad timeouts are usage errors', () => {
  for (const bad of ['0', '-5', 'abc', '10s', '']) {
    assert.throws(() => parseBenchArgs([`--peers-timeout=${bad}`]), BenchUsageError, bad);
  }
  assert.throws(() => parseBenchArgs(['--peers-timeout']), /needs a value/);
});

test('unknown options, values on flags that take none, missing values', () => {
  assert.throws(() => parseBenchArgs(['--fast']), /unknown option --fast/);
  assert.throws(() => parseBenchArgs(['--no-peers=yes']), /takes no value/);
  assert.throws(() => parseBenchArgs(['--json']), /--json needs a value/);
});

test('--no-goroot needs a tree', () => {
  assert.throws(() => parseBenchArgs(['--no-goroot']), /needs at least one tree/);
  const o = parseBenchArgs(['--no-goroot', 'corpus']);
  assert.equal(o.goroot, false);
  assert.deepEqual(o.trees, ['corpus']);
});
