import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileNameMatches, fileNameTargets } from '../../src/workspace/constraints.js';

describe('fileNameTargets', () => {
  const cases: [string, { goos?: string; goarch?: string }][] = [
    ['foo.go', {}],
    ['linux.go', {}],
    ['amd64.go', {}],
    ['linux_test.go', {}],
    ['windows_amd64.go', { goarch: 'amd64' }],
    ['foo_linux.go', { goos: 'linux' }],
    ['foo_linux_test.go', { goos: 'linux' }],
    ['foo_386.go', { goarch: '386' }],
    ['foo_386_test.go', { goarch: '386' }],
    ['foo_windows_amd64.go', { goos: 'windows', goarch: 'amd64' }],
    ['foo_windows_amd64_test.go', { goos: 'windows', goarch: 'amd64' }],
    ['foo_amd64_linux.go', { goos: 'linux' }],
    ['foo_bar_darwin.go', { goos: 'darwin' }],
    ['foo_linux_bar.go', {}],
    ['foo_test_linux.go', { goos: 'linux' }],
    ['foo_test.go', {}],
    ['foo_unix.go', {}],
    ['foo_wasm.go', { goarch: 'wasm' }],
    ['foo_js_wasm.go', { goos: 'js', goarch: 'wasm' }],
    ['foo_zos.go', { goos: 'zos' }],
    ['foo_linux.pb.go', { goos: 'linux' }],
    ['a/b/foo_plan9.go', { goos: 'plan9' }],
    ['foo_Linux.go', {}],
  ];
  for (const [name, want] of cases) {
    it(`${name} -> ${JSON.stringify(want)}`, () => {
      assert.deepEqual(fileNameTargets(name), want);
    });
  }
});

describe('fileNameMatches', () => {
  it('applies the same aliases as build tags', () => {
    assert.equal(fileNameMatches('x_linux.go', { goos: 'android', goarch: 'arm64' }), true);
    assert.equal(fileNameMatches('x_android.go', { goos: 'linux', goarch: 'arm64' }), false);
    assert.equal(fileNameMatches('x_darwin_arm64.go', { goos: 'ios', goarch: 'arm64' }), true);
    assert.equal(fileNameMatches('x_darwin_arm64.go', { goos: 'darwin', goarch: 'amd64' }), false);
    assert.equal(fileNameMatches('x_solaris.go', { goos: 'illumos', goarch: 'amd64' }), true);
  });
});
