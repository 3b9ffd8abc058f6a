import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverWorkspace } from '../../src/workspace/discover.js';
import type { Workspace } from '../../src/workspace/types.js';

/** Writes `files` (relative path -> content) under a fresh temporary folder. */
function makeTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'goconc-ws-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

const roots: string[] = [];
function tree(files: Record<string, string>): string {
  const root = makeTree(files);
  roots.push(root);
  return root;
}
after(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

const pkg = (name: string): string => `package ${name}\n`;
const relFiles = (ws: Workspace): string[] => ws.packages.flatMap((p) => p.files.map((f) => f.relPath));

describe('discoverWorkspace: folders, skips and modules', () => {
  let root: string;
  before(() => {
    root = tree({
      'go.mod': 'module example.com/m\n\ngo 1.21\n',
      'a.go': pkg('m'),
      'sub/b.go': pkg('sub'),
      'sub/b_test.go': pkg('sub'),
      'sub/_skip.go': pkg('sub'),
      'sub/.dot.go': pkg('sub'),
      'sub/README.md': '# not go',
      'sub/deeper/d.go': pkg('deeper'),
      'vendor/v/v.go': pkg('v'),
      'testdata/t.go': pkg('t'),
      'node_modules/x/x.go': pkg('x'),
      '.hidden/h.go': pkg('h'),
      '_under/u.go': pkg('u'),
      'empty/notes.txt': 'nothing here',
      'nested/go.mod': 'module example.com/nested\ngo 1.22\n',
      'nested/c.go': pkg('nested'),
      'nested/inner/c.go': pkg('inner'),
    });
  });

  it('finds packages below cwd, skipping vendor, testdata, node_modules, dot and underscore names', async () => {
    const ws = await discoverWorkspace([], { cwd: root, includeTests: true });
    assert.deepEqual(ws.packages.map((p) => p.relDir), ['.', 'nested', 'nested/inner', 'sub', 'sub/deeper']);
    assert.deepEqual(relFiles(ws), ['a.go', 'nested/c.go', 'nested/inner/c.go', 'sub/b.go', 'sub/b_test.go', 'sub/deeper/d.go']);
    assert.deepEqual(ws.diagnostics, []);
  });

  it('treats dir, dir/... and ./... alike (recursive)', async () => {
    const a = await discoverWorkspace(['sub'], { cwd: root, includeTests: true });
    const b = await discoverWorkspace(['sub/...'], { cwd: root, includeTests: true });
    const c = await discoverWorkspace(['./sub/...'], { cwd: root, includeTests: true });
    assert.deepEqual(a.packages.map((p) => p.relDir), ['sub', 'sub/deeper']);
    assert.deepEqual(b, a);
    assert.deepEqual(c, a);
  });

  it('computes import paths from the nearest go.mod, nested modules included', async () => {
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
    const byDir = Object.fromEntries(ws.packages.map((p) => [p.relDir, p.importPath]));
    assert.deepEqual(byDir, {
      '.': 'example.com/m',
      nested: 'example.com/nested',
      'nested/inner': 'example.com/nested/inner',
      sub: 'example.com/m/sub',
      'sub/deeper': 'example.com/m/sub/deeper',
    });
    const inner = ws.packages.find((p) => p.relDir === 'nested/inner')!;
    assert.equal(inner.module?.goVersion, '1.22');
    assert.equal(inner.module?.dir, path.join(root, 'nested'));
    assert.deepEqual(ws.modules.map((m) => m.path), ['example.com/m', 'example.com/nested']);
  });

  it('uses a go.mod above the scan root', async () => {
    const ws = await discoverWorkspace(['./...'], { cwd: path.join(root, 'sub'), includeTests: true });
    assert.deepEqual(ws.packages.map((p) => [p.relDir, p.importPath]), [
      ['.', 'example.com/m/sub'],
      ['deeper', 'example.com/m/sub/deeper'],
    ]);
  });

  it('keeps ../ in paths outside cwd', async () => {
    const ws = await discoverWorkspace(['../nested'], { cwd: path.join(root, 'sub'), includeTests: true });
    assert.deepEqual(ws.packages.map((p) => p.relDir), ['../nested', '../nested/inner']);
    assert.equal(ws.packages[0]!.files[0]!.relPath, '../nested/c.go');
  });

  it('leaves out _test.go files when includeTests is false', async () => {
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: false });
    assert.ok(!relFiles(ws).some((f) => f.endsWith('_test.go')));
    assert.ok(relFiles(ws).includes('sub/b.go'));
  });

  it('marks test files', async () => {
    const ws = await discoverWorkspace(['sub'], { cwd: root, includeTests: true });
    const files = ws.packages[0]!.files;
    assert.deepEqual(files.map((f) => [path.basename(f.relPath), f.isTest]), [['b.go', false], ['b_test.go', true]]);
    assert.equal(files[0]!.absPath, path.join(root, 'sub', 'b.go'));
  });

  it('enters a skipped folder when the user names it', async () => {
    const ws = await discoverWorkspace(['testdata', '.hidden/...'], { cwd: root, includeTests: true });
    assert.deepEqual(ws.packages.map((p) => p.relDir), ['.hidden', 'testdata']);
    assert.equal(ws.packages[1]!.importPath, 'example.com/m/testdata');
  });

  it('makes a package of only the files named', async () => {
    const ws = await discoverWorkspace(['sub/b.go'], { cwd: root, includeTests: true });
    assert.equal(ws.packages.length, 1);
    assert.equal(ws.packages[0]!.relDir, 'sub');
    assert.deepEqual(ws.packages[0]!.files.map((f) => f.relPath), ['sub/b.go']);
  });

  it('reports a missing pattern and still scans the others', async () => {
    const ws = await discoverWorkspace(['nope', 'sub/deeper'], { cwd: root, includeTests: true });
    assert.deepEqual(ws.diagnostics, [{ file: 'nope', line: 0, message: 'no such file or directory: nope' }]);
    assert.deepEqual(ws.packages.map((p) => p.relDir), ['sub/deeper']);
  });

  it('reports a non-Go file pattern', async () => {
    const ws = await discoverWorkspace(['sub/README.md'], { cwd: root, includeTests: true });
    assert.equal(ws.packages.length, 0);
    assert.match(ws.diagnostics[0]!.message, /not a Go source file/);
  });

  it('is deterministic', async () => {
    const a = JSON.stringify(await discoverWorkspace(['./...'], { cwd: root, includeTests: true }));
    const b = JSON.stringify(await discoverWorkspace(['./...'], { cwd: root, includeTests: true }));
    const c = JSON.stringify(await discoverWorkspace(['sub', 'nested', '.'], { cwd: root, includeTests: true }));
    assert.equal(a, b);
    assert.deepEqual(JSON.parse(c).packages, JSON.parse(a).packages, 'overlapping patterns give each package once');
  });
});

describe('discoverWorkspace: build constraints', () => {
  let root: string;
  before(() => {
    root = tree({
      'go.mod': 'module example.com/c\ngo 1.21\n',
      'plain.go': pkg('c'),
      'fast_amd64.go': pkg('c'),
      'sys_windows.go': pkg('c'),
      'gen.go': '//go:build ignore\n\npackage main\n',
      'new.go': '//go:build go1.22\n\npackage c\n',
      'old.go': '//go:build !go1.22\n\npackage c\n',
      'legacy.go': '// +build linux,386\n\npackage c\n',
      'bad.go': '//go:build linux &&\n\npackage c\n',
      'tools/tools.go': '//go:build tools\n\npackage tools\n',
      'only32/x.go': '//go:build 386 || arm\n\npackage only32\n',
    });
  });

  it('drops files no default target builds, and packages left empty', async () => {
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
    assert.deepEqual(ws.packages.map((p) => p.relDir), ['.', 'only32']);
    assert.deepEqual(ws.packages[0]!.files.map((f) => f.relPath), [
      'bad.go', 'fast_amd64.go', 'legacy.go', 'old.go', 'plain.go', 'sys_windows.go',
    ]);
  });

  it('records targets and builds32 per file', async () => {
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
    const f = Object.fromEntries(ws.packages.flatMap((p) => p.files).map((x) => [x.relPath, x]));
    assert.equal(f['plain.go']!.builds32, true);
    assert.equal(f['fast_amd64.go']!.builds32, false);
    assert.ok(f['fast_amd64.go']!.targets.every((t) => t.goarch === 'amd64'));
    assert.deepEqual(f['sys_windows.go']!.targets.map((t) => t.goarch), ['386', 'amd64', 'arm64']);
    assert.deepEqual(f['legacy.go']!.targets, [{ goos: 'android', goarch: '386' }, { goos: 'linux', goarch: '386' }]);
    assert.equal(f['only32/x.go']!.builds32, true);
  });

  it('reports a malformed //go:build line with file and line', async () => {
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
    assert.equal(ws.diagnostics.length, 1);
    assert.equal(ws.diagnostics[0]!.file, 'bad.go');
    assert.equal(ws.diagnostics[0]!.line, 1);
    assert.match(ws.diagnostics[0]!.message, /unexpected end of expression/);
  });
});

describe('discoverWorkspace: symbolic links and unreadable input', () => {
  it('stops at a symlink loop with a diagnostic and still scans the rest', async () => {
    const root = tree({ 'a/a.go': pkg('a'), 'b/b.go': pkg('b') });
    fs.symlinkSync('..', path.join(root, 'a', 'up'));
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'a', 'self'));
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
    assert.deepEqual(ws.packages.map((p) => p.relDir), ['a', 'b']);
    assert.deepEqual(
      ws.diagnostics.map((d) => [d.file, d.message.split(':')[0]]),
      [['a/self', 'symbolic link loop'], ['a/up', 'symbolic link loop']],
    );
  });

  it('detects a loop that runs through a folder outside the tree', async () => {
    const outside = tree({ 'o.go': pkg('o') });
    const root = tree({ 'r.go': pkg('r') });
    fs.symlinkSync(outside, path.join(root, 'out'));
    fs.symlinkSync(root, path.join(outside, 'back'));
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
    assert.deepEqual(ws.packages.map((p) => p.relDir), ['.', 'out']);
    assert.deepEqual(ws.diagnostics.map((d) => d.file), ['out/back']);
    assert.match(ws.diagnostics[0]!.message, /symbolic link loop/);
  });

  it('follows a link to a folder once, preferring the direct path', async () => {
    const root = tree({ 'real/r.go': pkg('r'), 'real/file.go': pkg('r') });
    fs.symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
    fs.symlinkSync(path.join(root, 'real', 'r.go'), path.join(root, 'real', 'linked.go'));
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
    assert.deepEqual(ws.packages.map((p) => p.relDir), ['real']);
    assert.deepEqual(ws.packages[0]!.files.map((f) => f.relPath), ['real/file.go', 'real/linked.go', 'real/r.go']);
    assert.deepEqual(ws.diagnostics, []);
  });

  it('reports links that point at each other once each, as loops', async () => {
    const root = tree({ 'x.go': pkg('x') });
    fs.symlinkSync('l2', path.join(root, 'l1'));
    fs.symlinkSync('l1', path.join(root, 'l2'));
    const ws = await discoverWorkspace(['l1', './...'], { cwd: root, includeTests: true });
    assert.deepEqual(relFiles(ws), ['x.go']);
    assert.deepEqual(ws.diagnostics, [
      { file: 'l1', line: 0, message: 'symbolic link loop: l1' },
      { file: 'l2', line: 0, message: 'symbolic link loop: l2' },
    ]);
  });

  it('reports a broken link', async () => {
    const root = tree({ 'x.go': pkg('x') });
    fs.symlinkSync(path.join(root, 'gone'), path.join(root, 'dangling'));
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
    assert.equal(ws.packages.length, 1);
    assert.equal(ws.diagnostics.length, 1);
    assert.equal(ws.diagnostics[0]!.file, 'dangling');
    assert.match(ws.diagnostics[0]!.message, /^broken symbolic link/);
  });

  it('skips FIFOs named .go instead of blocking on them', async (t) => {
    const root = tree({ 'x.go': pkg('x') });
    const { execFileSync } = await import('node:child_process');
    try {
      execFileSync('mkfifo', [path.join(root, 'pipe.go')]);
    } catch {
      t.skip('mkfifo not available');
      return;
    }
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
    assert.deepEqual(relFiles(ws), ['x.go']);
  });

  it('reports an unreadable folder and goes on', async (t) => {
    if (process.getuid?.() === 0) {
      t.skip('running as root: permissions do not block reads');
      return;
    }
    const root = tree({ 'locked/l.go': pkg('l'), 'open/o.go': pkg('o') });
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    try {
      const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
      assert.deepEqual(ws.packages.map((p) => p.relDir), ['open']);
      assert.equal(ws.diagnostics[0]!.file, 'locked');
      assert.match(ws.diagnostics[0]!.message, /cannot read directory/);
    } finally {
      fs.chmodSync(path.join(root, 'locked'), 0o755);
    }
  });
});

describe('discoverWorkspace: go.work and modules', () => {
  it('lists the modules a go.work uses', async () => {
    const root = tree({
      'go.work': 'go 1.22\n\nuse (\n  ./svc\n  ./lib\n  ./missing\n)\n',
      'svc/go.mod': 'module example.com/svc\ngo 1.22\n',
      'svc/main.go': pkg('main'),
      'lib/go.mod': 'module example.com/lib\ngo 1.20\n',
      'lib/api/api.go': pkg('api'),
    });
    const ws = await discoverWorkspace(['svc'], { cwd: root, includeTests: true });
    assert.deepEqual(ws.modules.map((m) => [m.path, m.goVersion]), [['example.com/lib', '1.20'], ['example.com/svc', '1.22']]);
    assert.deepEqual(ws.packages.map((p) => p.importPath), ['example.com/svc']);
    assert.equal(ws.diagnostics.length, 1);
    assert.match(ws.diagnostics[0]!.message, /go\.work uses \.\/missing, which has no go\.mod/);
  });

  it('uses the relative folder as import path outside any module', async () => {
    const root = tree({ 'loose/a.go': pkg('loose'), 'top.go': pkg('top') });
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
    // os.tmpdir() has no go.mod above it on a sane machine; skip the check if it does.
    if (ws.packages[0]!.module !== null) return;
    assert.deepEqual(ws.packages.map((p) => [p.relDir, p.importPath]), [['.', '.'], ['loose', 'loose']]);
    assert.deepEqual(ws.modules, []);
  });

  it('reports a go.mod without module directive', async () => {
    const root = tree({ 'go.mod': 'go 1.21\n', 'a.go': pkg('a') });
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
    assert.equal(ws.packages[0]!.module, null);
    assert.deepEqual(ws.diagnostics, [{ file: 'go.mod', line: 0, message: 'go.mod has no module directive' }]);
  });

  it('evaluates release tags with each module own go version', async () => {
    const root = tree({
      'old/go.mod': 'module example.com/old\ngo 1.21\n',
      'old/x.go': '//go:build go1.22\n\npackage x\n',
      'old/y.go': pkg('x'),
      'new/go.mod': 'module example.com/new\ngo 1.22\n',
      'new/x.go': '//go:build go1.22\n\npackage x\n',
    });
    const ws = await discoverWorkspace(['./...'], { cwd: root, includeTests: true });
    assert.deepEqual(relFiles(ws), ['new/x.go', 'old/y.go']);
  });
});
