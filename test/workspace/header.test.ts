import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFileConstraints, fileTargets, scanFileHeader } from '../../src/workspace/header.js';
import { DEFAULT_TARGETS } from '../../src/workspace/targets.js';
import type { Target } from '../../src/workspace/types.js';

const names = (ts: Target[]): string[] => ts.map((t) => `${t.goos}/${t.goarch}`);
const src = (...lines: string[]): string => lines.join('\n');

describe('fileTargets', () => {
  it('keeps every target for a file without constraints', () => {
    assert.equal(fileTargets(src('package p', ''), 'p.go', DEFAULT_TARGETS).length, DEFAULT_TARGETS.length);
  });

  it('applies a //go:build line in the header', () => {
    const got = fileTargets(src('//go:build linux && 386', '', 'package p'), 'p.go', DEFAULT_TARGETS);
    assert.deepEqual(names(got), ['android/386', 'linux/386']);
  });

  it('finds //go:build after a license comment and without a blank line before package', () => {
    const text = src('// Copyright 2024 The Authors.', '// Use of this source code...', '', '//go:build windows', 'package p');
    assert.deepEqual(names(fileTargets(text, 'p.go', DEFAULT_TARGETS)), ['windows/386', 'windows/amd64', 'windows/arm64']);
  });

  it('finds //go:build after a /* */ block in the header', () => {
    const text = src('/* header', ' comment */', '//go:build plan9', '', 'package p');
    assert.deepEqual(names(fileTargets(text, 'p.go', DEFAULT_TARGETS)), ['plan9/386', 'plan9/amd64', 'plan9/arm']);
  });

  it('ignores constraint-looking lines after the package clause or inside block comments', () => {
    assert.equal(fileTargets(src('package p', '', '//go:build ignore'), 'p.go', DEFAULT_TARGETS).length, DEFAULT_TARGETS.length);
    assert.equal(fileTargets(src('/*', '//go:build ignore', '*/', 'package p'), 'p.go', DEFAULT_TARGETS).length, DEFAULT_TARGETS.length);
  });

  it('drops a file tagged ignore for every target', () => {
    assert.deepEqual(fileTargets(src('//go:build ignore', '', 'package main'), 'gen.go', DEFAULT_TARGETS), []);
  });

  it('intersects the name suffix with the build line', () => {
    const got = fileTargets(src('//go:build !arm64', '', 'package p'), 'p_darwin.go', DEFAULT_TARGETS);
    assert.deepEqual(names(got), ['darwin/amd64', 'ios/amd64']);
  });

  it('uses the module go version for release tags', () => {
    const text = src('//go:build go1.22', '', 'package p');
    assert.deepEqual(fileTargets(text, 'p.go', DEFAULT_TARGETS, '1.21'), []);
    assert.equal(fileTargets(text, 'p.go', DEFAULT_TARGETS, '1.22').length, DEFAULT_TARGETS.length);
  });

  it('handles a byte-order mark and CRLF line ends', () => {
    const text = '\ufeff//go:build js\r\n\r\npackage p\r\n';
    assert.deepEqual(names(fileTargets(text, 'p.go', DEFAULT_TARGETS)), ['js/wasm']);
  });
});

describe('legacy +build lines in headers', () => {
  it('ANDs several +build lines that are followed by a blank line', () => {
    const text = src('// +build linux darwin', '// +build amd64', '', 'package p');
    // android counts as linux and ios as darwin, as in go/build.
    assert.deepEqual(names(fileTargets(text, 'p.go', DEFAULT_TARGETS)), ['android/amd64', 'darwin/amd64', 'ios/amd64', 'linux/amd64']);
  });

  it('ignores a +build line not followed by a blank line (it is a doc comment then)', () => {
    const text = src('// +build windows', 'package p');
    assert.equal(fileTargets(text, 'p.go', DEFAULT_TARGETS).length, DEFAULT_TARGETS.length);
  });

  it('lets //go:build win over +build lines', () => {
    const text = src('//go:build linux', '// +build windows', '', 'package p');
    assert.ok(names(fileTargets(text, 'p.go', DEFAULT_TARGETS)).every((n) => n.startsWith('linux/') || n.startsWith('android/')));
  });
});

describe('evaluateFileConstraints problems', () => {
  it('reports a malformed //go:build line with its line number and keeps the file', () => {
    const r = evaluateFileConstraints(src('// c', '//go:build linux &&', '', 'package p'), 'p_windows.go', DEFAULT_TARGETS);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]!.line, 2);
    assert.match(r.problems[0]!.message, /unexpected end of expression/);
    assert.deepEqual(names(r.targets), ['windows/386', 'windows/amd64', 'windows/arm64']);
  });

  it('reports a second //go:build line', () => {
    const r = evaluateFileConstraints(src('//go:build linux', '//go:build arm', '', 'package p'), 'p.go', DEFAULT_TARGETS);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]!.line, 2);
    assert.match(r.problems[0]!.message, /multiple \/\/go:build/);
  });
});

describe('scanFileHeader', () => {
  it('tells whether the header was complete', () => {
    assert.equal(scanFileHeader(src('// a', '// b')).complete, false);
    assert.equal(scanFileHeader(src('/* a', 'b')).complete, false);
    assert.equal(scanFileHeader(src('// a', 'package p')).complete, true);
    assert.equal(scanFileHeader('/* a */ package p').complete, true);
  });

  it('survives binary junk', () => {
    const junk = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 37) % 256));
    const h = scanFileHeader(junk);
    assert.equal(h.goBuild, null);
  });
});
