/**
 * The command line as a user meets it: exit codes, formats, flags, bad input. Runs the
 * real launcher (bin/goconc.js) in a child process on small modules made in a temp dir.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/goconc.js', import.meta.url));
const dirs: string[] = [];
// The CLI caches by default: these runs use a cache folder of their own, never the user's.
const CACHE_HOME = mkdtempSync(join(tmpdir(), 'goconc-cli-cache-'));
dirs.push(CACHE_HOME);
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function module(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'goconc-cli-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'go.mod'), 'module example.com/m\n\ngo 1.22\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: CACHE_HOME } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BUGGY = `package m

import "sync/atomic"

type conn struct {
	closed bool
	reads  int64
}

func (c *conn) Read() { atomic.AddInt64(&c.reads, 1) }

func Reset() {
	var v atomic.Value
	v.Store(1)
	v.Store("two")
}
`;

const CLEAN = `package m

import "sync/atomic"

type conn struct {
	reads  int64
	closed bool
}

func (c *conn) Read() { atomic.AddInt64(&c.reads, 1) }
`;

test('exit 1 and path:line:col: message (rule) lines when there are findings', () => {
  const dir = module({ 'a.go': BUGGY });
  const r = run(['scan', '.'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^a\.go:10:25: atomic\.AddInt64 on c\.reads, at offset 4 .*\(atomic-unaligned-64bit\)$/m);
  assert.match(r.stdout, /^a\.go:15:10: .*store of inconsistently typed value into Value.*\(atomic-value-inconsistent-type\)$/m);
  assert.doesNotMatch(r.stdout, /\x1b\[/, 'no escape codes when not on a terminal');
});

test('exit 0 and a summary when the code is clean', () => {
  const dir = module({ 'a.go': CLEAN });
  const r = run(['scan', './...'], dir);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /no findings/);
});

test('exit 2 when there is nothing to scan, or a path does not exist', () => {
  const dir = module({ 'README.md': 'no Go here' });
  assert.equal(run(['scan', '.'], dir).code, 2);
  const r = run(['scan', 'missing-folder'], dir);
  assert.equal(r.code, 2);
  assert.doesNotMatch(r.stderr + r.stdout, /\n\s+at /, 'no stack trace');
});

test('usage errors exit 2 with a one-line message', () => {
  const dir = module({ 'a.go': CLEAN });
  const unknown = run(['scan', '.', '--rules', 'no-such-rule'], dir);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown rule "no-such-rule"/);
  assert.equal(run(['scan', '.', '--format', 'xml'], dir).code, 2);
  assert.equal(run(['scan', '.', '--jobs', 'zero'], dir).code, 2);
  assert.equal(run(['frobnicate'], dir).code, 2);
});

test('--format json follows the documented contract, --output writes a file', () => {
  const dir = module({ 'a.go': BUGGY });
  const r = run(['scan', '.', '--format', 'json', '--output', 'out.json'], dir);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  const j = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
  assert.deepEqual(Object.keys(j), ['version', 'findings', 'diagnostics', 'stats']);
  assert.deepEqual(Object.keys(j.stats), ['files', 'packages', 'lines', 'parseErrors', 'durationMs']);
  const f = j.findings.find((x: { rule: string }) => x.rule === 'atomic-unaligned-64bit');
  assert.ok(f);
  for (const k of ['rule', 'severity', 'confidence', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'related', 'fixes']) assert.ok(k in f, k);
  assert.equal(f.file, 'a.go');
  assert.equal(f.fixes[0].edits[0].file, 'a.go');
});

test('--rules, --disable and --min-confidence select what is reported', () => {
  const dir = module({ 'a.go': BUGGY });
  const only = JSON.parse(run(['scan', '.', '-f', 'json', '--rules', 'atomic-value-inconsistent-type'], dir).stdout);
  assert.deepEqual([...new Set(only.findings.map((f: { rule: string }) => f.rule))], ['atomic-value-inconsistent-type']);
  const off = JSON.parse(run(['scan', '.', '-f', 'json', '--disable', 'atomic-value-inconsistent-type'], dir).stdout);
  assert.ok(off.findings.every((f: { rule: string }) => f.rule !== 'atomic-value-inconsistent-type'));
  assert.ok(off.findings.length > 0);
});

test('sarif and github formats', () => {
  const dir = module({ 'a.go': BUGGY });
  const sarif = JSON.parse(run(['scan', '.', '-f', 'sarif'], dir).stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'a.go');
  const gh = run(['scan', '.', '-f', 'github'], dir).stdout;
  assert.match(gh, /^::error file=a\.go,line=10,/m);
});

test('--no-tests leaves out _test.go files', () => {
  const dir = module({ 'a.go': CLEAN, 'a_test.go': BUGGY.replace('package m', 'package m').replace('type conn', 'type conn2').replace('(c *conn)', '(c *conn2)').replace('func Reset', 'func ResetT') });
  assert.equal(run(['scan', '.'], dir).code, 1);
  assert.equal(run(['scan', '.', '--no-tests'], dir).code, 0);
});

test('bad input gets diagnostics and the rest of the scan goes on', () => {
  const dir = module({
    'a.go': BUGGY,
    'bin.go': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]),
    'broken.go': 'package m\n\nfunc broken( {\n',
  });
  const r = run(['scan', '.', '-f', 'json'], dir);
  assert.equal(r.code, 1, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.ok(j.findings.some((f: { rule: string }) => f.rule === 'atomic-unaligned-64bit'), 'findings of the good file');
  assert.ok(j.diagnostics.some((d: { file: string; message: string }) => d.file === 'bin.go' && /binary/.test(d.message)));
  assert.ok(j.diagnostics.some((d: { file: string; line: number }) => d.file === 'broken.go' && d.line >= 1));
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
});

test('suppressions: //goconc:ignore with a reason hides a finding, without one it is reported', () => {
  const withReason = BUGGY.replace('\tv.Store("two")', '\t//goconc:ignore atomic-value-inconsistent-type the test wants the panic\n\tv.Store("two")');
  const dir = module({ 'a.go': withReason });
  const j = JSON.parse(run(['scan', '.', '-f', 'json'], dir).stdout);
  assert.ok(j.findings.every((f: { rule: string }) => f.rule !== 'atomic-value-inconsistent-type'));
  const noReason = BUGGY.replace('\tv.Store("two")', '\t//goconc:ignore atomic-value-inconsistent-type\n\tv.Store("two")');
  const dir2 = module({ 'a.go': noReason });
  const j2 = JSON.parse(run(['scan', '.', '-f', 'json'], dir2).stdout);
  assert.ok(j2.findings.some((f: { rule: string }) => f.rule === 'atomic-value-inconsistent-type'));
  assert.ok(j2.diagnostics.some((d: { message: string }) => /reason/.test(d.message)));
});

test('rules lists every rule; explain prints a page in English or Chinese', () => {
  const dir = module({ 'a.go': CLEAN });
  const rules = run(['rules'], dir);
  assert.equal(rules.code, 0);
  for (const id of ['atomic-value-inconsistent-type', 'atomic-unaligned-64bit', 'map-concurrent-access', 'chan-close-send-race', 'chan-double-close', 'chan-send-after-close', 'data-race']) assert.match(rules.stdout, new RegExp(`^${id} `, 'm'));
  const en = run(['explain', 'data-race'], dir);
  assert.equal(en.code, 0);
  assert.match(en.stdout, /^# data-race/m);
  const zh = run(['explain', 'data-race', '--lang', 'zh'], dir);
  assert.match(zh.stdout, /发生了什么/);
  assert.equal(run(['explain', 'nope'], dir).code, 2);
  assert.ok(existsSync(BIN));
});
