import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareGoVersions, goVersionAtLeast, languageVersion, parseGoVersion } from '../../src/model/goversion.js';

describe('parseGoVersion', () => {
  it('parses go.mod and toolchain spellings', () => {
    assert.deepEqual(parseGoVersion('1.21'), { major: 1, minor: 21, patch: 0, prerelease: null });
    assert.deepEqual(parseGoVersion('1.22.3'), { major: 1, minor: 22, patch: 3, prerelease: null });
    assert.deepEqual(parseGoVersion('1.23rc1'), { major: 1, minor: 23, patch: 0, prerelease: { kind: 'rc', n: 1 } });
    assert.deepEqual(parseGoVersion('1.21beta2'), { major: 1, minor: 21, patch: 0, prerelease: { kind: 'beta', n: 2 } });
    assert.deepEqual(parseGoVersion('go1.22.0'), { major: 1, minor: 22, patch: 0, prerelease: null });
    assert.deepEqual(parseGoVersion(' 1.9 '), { major: 1, minor: 9, patch: 0, prerelease: null });
  });

  it('rejects what is not a Go version', () => {
    for (const bad of ['', 'latest', '1.x', 'v1.21', '1.21.3rc1', '1.21-rc1', '1..2', '1.21.0.1']) {
      assert.equal(parseGoVersion(bad), null, bad);
    }
  });
});

describe('compareGoVersions', () => {
  it('orders pre-releases before the release and patches after it', () => {
    const order = ['1.9', '1.20rc1', '1.20', '1.20.1', '1.20.10', '1.21alpha1', '1.21beta1', '1.21beta2', '1.21rc1', '1.21.0', '2.0'];
    const parsed = order.map((v) => parseGoVersion(v)!);
    for (let i = 0; i + 1 < parsed.length; i++) {
      assert.ok(compareGoVersions(parsed[i]!, parsed[i + 1]!) < 0, `${order[i]} < ${order[i + 1]}`);
      assert.ok(compareGoVersions(parsed[i + 1]!, parsed[i]!) > 0, `${order[i + 1]} > ${order[i]}`);
    }
    assert.equal(compareGoVersions(parseGoVersion('1.21')!, parseGoVersion('1.21.0')!), 0);
  });
});

describe('goVersionAtLeast', () => {
  it('compares the language version', () => {
    assert.equal(goVersionAtLeast('1.19', 1, 19), true);
    assert.equal(goVersionAtLeast('1.18.10', 1, 19), false);
    assert.equal(goVersionAtLeast('1.22.3', 1, 19), true);
    assert.equal(goVersionAtLeast('1.9', 1, 19), false, 'minor versions compare as numbers, not strings');
    assert.equal(goVersionAtLeast('1.100', 1, 22), true);
    assert.equal(goVersionAtLeast('1.22rc1', 1, 22), true, 'a pre-release selects its language version');
    assert.equal(goVersionAtLeast('1.21rc2', 1, 22), false);
    assert.equal(goVersionAtLeast('2.0', 1, 30), true);
  });

  it('assumes a modern toolchain when the version is unknown', () => {
    assert.equal(goVersionAtLeast(null, 1, 22), true);
    assert.equal(goVersionAtLeast('garbage', 1, 22), true);
  });

  it('languageVersion drops patch and pre-release', () => {
    assert.deepEqual(languageVersion('1.22.3'), { major: 1, minor: 22 });
    assert.deepEqual(languageVersion('1.23rc1'), { major: 1, minor: 23 });
    assert.equal(languageVersion('nope'), null);
  });
});
