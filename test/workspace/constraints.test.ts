import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  evalBuildExpr,
  goMinorVersion,
  isPlusBuildLine,
  parseBuildExpr,
  parsePlusBuildLine,
  type BuildExpr,
} from '../../src/workspace/constraints.js';
import type { Target } from '../../src/workspace/types.js';

const T = (pair: string): Target => {
  const [goos, goarch] = pair.split('/') as [string, string];
  return { goos, goarch };
};

/** Renders an expression fully parenthesised so precedence is visible in assertions. */
function show(e: BuildExpr): string {
  switch (e.kind) {
    case 'tag':
      return e.name;
    case 'not':
      return `!${show(e.x)}`;
    case 'and':
      return `(${show(e.x)} && ${show(e.y)})`;
    case 'or':
      return `(${show(e.x)} || ${show(e.y)})`;
  }
}

describe('parseBuildExpr', () => {
  it('gives && precedence over || and associates left', () => {
    assert.equal(show(parseBuildExpr('a || b && c')), '(a || (b && c))');
    assert.equal(show(parseBuildExpr('a && b || c')), '((a && b) || c)');
    assert.equal(show(parseBuildExpr('a && b && c')), '((a && b) && c)');
    assert.equal(show(parseBuildExpr('a || b || c')), '((a || b) || c)');
  });

  it('binds ! to the nearest atom and honours parentheses', () => {
    assert.equal(show(parseBuildExpr('!a && b')), '(!a && b)');
    assert.equal(show(parseBuildExpr('!(a && b)')), '!(a && b)');
    assert.equal(show(parseBuildExpr('(a || b) && c')), '((a || b) && c)');
    assert.equal(show(parseBuildExpr('((linux))')), 'linux');
  });

  it('accepts the whole comment line and tags with dots, digits and underscores', () => {
    assert.equal(show(parseBuildExpr('//go:build go1.21 && !purego')), '(go1.21 && !purego)');
    assert.equal(show(parseBuildExpr('//go:build\tamd64.v3 || my_tag2')), '(amd64.v3 || my_tag2)');
  });

  const malformed: [string, RegExp][] = [
    ['', /unexpected end of expression/],
    ['linux &&', /unexpected end of expression/],
    ['&& linux', /unexpected token &&/],
    ['linux & amd64', /invalid syntax at &/],
    ['linux | amd64', /invalid syntax at \|/],
    ['(linux', /missing close paren/],
    ['linux)', /unexpected token \)/],
    ['linux amd64', /unexpected token amd64/],
    ['!!linux', /double negation not allowed/],
    ['linux,amd64', /invalid syntax at ,/],
    ['foo-bar', /unexpected token|invalid syntax at -/],
    ['()', /unexpected token \)/],
    ['//go:buildlinux', /invalid \/\/go:build line/],
  ];
  for (const [text, message] of malformed) {
    it(`rejects ${JSON.stringify(text)} with a clear error`, () => {
      assert.throws(() => parseBuildExpr(text), (e: unknown) => {
        assert.ok(e instanceof Error);
        assert.match(e.message, message);
        return true;
      });
    });
  }

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const deep = '('.repeat(5000) + 'a' + ')'.repeat(5000);
    assert.throws(() => parseBuildExpr(deep), /nested too deeply/);
  });
});

describe('evalBuildExpr', () => {
  const ev = (text: string, target: string, go?: string | null): boolean =>
    evalBuildExpr(parseBuildExpr(text), T(target), go);

  it('matches GOOS and GOARCH and combines them', () => {
    assert.equal(ev('linux && amd64', 'linux/amd64'), true);
    assert.equal(ev('linux && amd64', 'linux/386'), false);
    assert.equal(ev('linux && !386', 'linux/386'), false);
    assert.equal(ev('windows || darwin', 'darwin/arm64'), true);
    assert.equal(ev('!(windows || darwin)', 'darwin/arm64'), false);
    assert.equal(ev('(linux || windows) && (386 || arm)', 'windows/386'), true);
    assert.equal(ev('linux || windows && arm', 'linux/amd64'), true, '&& binds tighter: linux alone suffices');
  });

  it('lets android satisfy linux, illumos satisfy solaris and ios satisfy darwin (not the reverse)', () => {
    assert.equal(ev('linux', 'android/arm64'), true);
    assert.equal(ev('android', 'linux/arm64'), false);
    assert.equal(ev('solaris', 'illumos/amd64'), true);
    assert.equal(ev('illumos', 'solaris/amd64'), false);
    assert.equal(ev('darwin', 'ios/arm64'), true);
    assert.equal(ev('ios', 'darwin/arm64'), false);
  });

  it('knows which GOOS are unix', () => {
    for (const t of ['linux/amd64', 'darwin/arm64', 'freebsd/386', 'aix/ppc64', 'illumos/amd64', 'android/arm', 'openbsd/amd64']) {
      assert.equal(ev('unix', t), true, t);
    }
    for (const t of ['windows/amd64', 'plan9/386', 'js/wasm', 'wasip1/wasm']) {
      assert.equal(ev('unix', t), false, t);
    }
  });

  it('treats cgo and gc as satisfiable, ignore and custom tags as false', () => {
    assert.equal(ev('cgo', 'linux/amd64'), true);
    assert.equal(ev('gc', 'linux/amd64'), true);
    assert.equal(ev('gccgo', 'linux/amd64'), false);
    assert.equal(ev('ignore', 'linux/amd64'), false);
    assert.equal(ev('integration', 'linux/amd64'), false);
    assert.equal(ev('!integration', 'linux/amd64'), true);
    assert.equal(ev('purego || !amd64', 'linux/amd64'), false);
  });

  it('evaluates go1.N release tags against the module go version', () => {
    assert.equal(ev('go1.21', 'linux/amd64', '1.21'), true);
    assert.equal(ev('go1.1', 'linux/amd64', '1.21'), true);
    assert.equal(ev('go1.22', 'linux/amd64', '1.21'), false);
    assert.equal(ev('go1.22', 'linux/amd64', '1.22.3'), true);
    assert.equal(ev('go1.23', 'linux/amd64', '1.22.3'), false);
    assert.equal(ev('!go1.18', 'linux/amd64', '1.17'), true);
    assert.equal(ev('go1.99', 'linux/amd64', null), true, 'unknown version: every release tag holds');
    assert.equal(ev('go1.99', 'linux/amd64'), true);
    assert.equal(ev('go1.21.3', 'linux/amd64', '1.22'), false, 'patch versions are not release tags');
  });

  it('knows the default architecture feature tags', () => {
    assert.equal(ev('amd64.v1', 'linux/amd64'), true);
    assert.equal(ev('amd64.v3', 'linux/amd64'), false);
    assert.equal(ev('arm.7', 'linux/arm'), true);
    assert.equal(ev('arm.7', 'linux/arm64'), false);
  });
});

describe('goMinorVersion', () => {
  it('reads the minor number from go directive forms', () => {
    assert.equal(goMinorVersion('1.21'), 21);
    assert.equal(goMinorVersion('1.22.3'), 22);
    assert.equal(goMinorVersion('1.21rc1'), 21);
    assert.equal(goMinorVersion('go1.20'), 20);
    assert.equal(goMinorVersion('1'), 0);
    assert.equal(goMinorVersion('2.0'), null);
    assert.equal(goMinorVersion(null), null);
  });
});

describe('legacy // +build lines', () => {
  const ev = (line: string, target: string): boolean => evalBuildExpr(parsePlusBuildLine(line), T(target));

  it('recognises only real +build comments', () => {
    assert.equal(isPlusBuildLine('// +build linux'), true);
    assert.equal(isPlusBuildLine('//+build linux'), true);
    assert.equal(isPlusBuildLine('// +build'), true);
    assert.equal(isPlusBuildLine('// +buildlinux'), false);
    assert.equal(isPlusBuildLine('/* +build linux */'), false);
    assert.equal(isPlusBuildLine('// see +build linux'), false);
  });

  it('treats spaces as OR, commas as AND and ! as NOT', () => {
    assert.equal(ev('// +build linux darwin', 'darwin/amd64'), true);
    assert.equal(ev('// +build linux darwin', 'windows/amd64'), false);
    assert.equal(ev('// +build linux,386', 'linux/386'), true);
    assert.equal(ev('// +build linux,386', 'linux/amd64'), false);
    assert.equal(ev('// +build !windows', 'windows/amd64'), false);
    assert.equal(ev('// +build !windows', 'plan9/386'), true);
    assert.equal(ev('// +build linux,!cgo darwin', 'linux/amd64'), false, 'cgo is assumed enabled');
    assert.equal(ev('// +build linux,!cgo darwin', 'darwin/amd64'), true);
  });

  it('turns malformed terms and empty lines into the never-true ignore tag', () => {
    assert.equal(ev('// +build', 'linux/amd64'), false);
    assert.equal(ev('// +build !!linux', 'linux/amd64'), false);
    assert.equal(ev('// +build foo-bar', 'linux/amd64'), false);
    assert.equal(ev('// +build foo-bar linux', 'linux/amd64'), true);
  });
});
