import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TARGETS, is32Bit } from '../../src/workspace/targets.js';

describe('DEFAULT_TARGETS', () => {
  const pairs = new Set(DEFAULT_TARGETS.map((t) => `${t.goos}/${t.goarch}`));

  it('covers the pairs goconc promises', () => {
    const required = [
      'linux/amd64', 'linux/386', 'linux/arm', 'linux/arm64', 'linux/mips', 'linux/mipsle',
      'linux/mips64', 'linux/ppc64le', 'linux/riscv64', 'linux/s390x', 'windows/amd64',
      'windows/386', 'windows/arm64', 'darwin/amd64', 'darwin/arm64', 'freebsd/amd64',
      'freebsd/386', 'freebsd/arm', 'openbsd/amd64', 'netbsd/amd64', 'android/arm64',
      'android/arm', 'ios/arm64', 'js/wasm', 'wasip1/wasm', 'plan9/386', 'plan9/amd64',
      'solaris/amd64', 'aix/ppc64', 'illumos/amd64',
    ];
    for (const p of required) assert.ok(pairs.has(p), p);
  });

  it('has no duplicates and no invented pairs', () => {
    assert.equal(pairs.size, DEFAULT_TARGETS.length);
    assert.ok(!pairs.has('darwin/386'), 'darwin/386 was removed from Go');
    assert.ok(!pairs.has('windows/arm'), 'windows/arm was removed from Go');
  });
});

describe('is32Bit', () => {
  it('is true for the 32-bit architectures', () => {
    for (const a of ['386', 'arm', 'mips', 'mipsle', 'armbe', 'amd64p32', 'mips64p32']) assert.equal(is32Bit(a), true, a);
  });
  it('is false for 64-bit ones, wasm included', () => {
    for (const a of ['amd64', 'arm64', 'mips64', 'mips64le', 'ppc64', 'ppc64le', 'riscv64', 's390x', 'loong64', 'wasm']) {
      assert.equal(is32Bit(a), false, a);
    }
  });
  it('has at least one 32-bit default target per 32-bit architecture Go still ships', () => {
    const archs = new Set(DEFAULT_TARGETS.filter((t) => is32Bit(t.goarch)).map((t) => t.goarch));
    assert.deepEqual([...archs].sort(), ['386', 'arm', 'mips', 'mipsle']);
  });
});
