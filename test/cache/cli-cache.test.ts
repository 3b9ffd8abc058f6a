/**
 * The cache through the real launcher: cold, warm and uncached scans print the same
 * report; an edit re-parses one file; --no-cache writes nothing; an unusable folder is
 * one line on stderr. GOCONC_TIMING=1 makes the scan say what the cache did.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp-dirs.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'goconc.js');

// The fixtures' JSON report is over a megabyte (spawnSync's default buffer) with traces.
function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The JSON report with its one varying field zeroed. */
function report(stdout: string): unknown {
  const r = JSON.parse(stdout) as { stats: { durationMs: number } };
  r.stats.durationMs = 0;
  return r;
}

/** What GOCONC_TIMING=1 says the cache did. */
function cacheLine(stderr: string): string {
  return /^\[timing\] cache: (.*)$/m.exec(stderr)?.[1] ?? `(no cache line in: ${stderr})`;
}

for (const target of ['examples', 'test/fixtures']) {
  test(`${target}: cold, warm and uncached scans give the same JSON`, () => {
    const cache = tempDir('goconc-cli-cache-');
    const args = ['scan', target, '--format', 'json', '--no-progress'];
    const cold = run([...args, '--cache-dir', cache], ROOT, { GOCONC_TIMING: '1' });
    const warm = run([...args, '--cache-dir', cache], ROOT, { GOCONC_TIMING: '1' });
    const none = run([...args, '--no-cache'], ROOT, { GOCONC_TIMING: '1' });
    assert.equal(cold.code, 1, cold.stderr);
    assert.match(cacheLine(cold.stderr), /^result miss, [1-9]\d* parsed, 0 from cache$/);
    assert.equal(cacheLine(warm.stderr), 'result hit, 0 parsed, 0 from cache');
    assert.doesNotMatch(none.stderr, /\[timing\] cache:/, '--no-cache uses no cache');
    assert.equal(warm.code, cold.code);
    assert.equal(none.code, cold.code);
    assert.deepStrictEqual(report(warm.stdout), report(cold.stdout));
    assert.deepStrictEqual(report(none.stdout), report(cold.stdout));
    // Byte for byte, once the duration is equal.
    const bytes = (s: string) => s.replace(/"durationMs": \d+/, '"durationMs": 0');
    assert.equal(bytes(warm.stdout), bytes(none.stdout));
  });
}

test('an edit re-parses only the edited file, and a new bug in it is reported', () => {
  const cwd = tempDir('goconc-cli-edit-');
  cpSync(join(ROOT, 'examples'), cwd, { recursive: true });
  const cache = tempDir('goconc-cli-cache-');
  const args = ['scan', './...', '--format', 'json', '--cache-dir', cache];
  const files = readdirSync(cwd, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.go')).length;
  const before = run(args, cwd, { GOCONC_TIMING: '1' });
  assert.match(cacheLine(before.stderr), new RegExp(`^result miss, ${files} parsed, 0 from cache$`));

  const target = join(cwd, 'stats', 'stats.go');
  writeFileSync(target, readFileSync(target, 'utf8') + `
func storeTwoTypes() {
	var v atomic.Value
	v.Store(1)
	v.Store("two")
}
`);
  const edited = run(args, cwd, { GOCONC_TIMING: '1' });
  assert.equal(cacheLine(edited.stderr), `result miss, 1 parsed, ${files - 1} from cache`);
  type Report = { findings: Array<{ file: string; rule: string }> };
  const added = (JSON.parse(edited.stdout) as Report).findings.filter((f) => f.file === 'stats/stats.go' && f.rule === 'atomic-value-inconsistent-type');
  const had = (JSON.parse(before.stdout) as Report).findings.filter((f) => f.file === 'stats/stats.go' && f.rule === 'atomic-value-inconsistent-type');
  assert.equal(added.length, had.length + 1, edited.stdout);
  assert.deepStrictEqual(report(edited.stdout), report(run([...args.slice(0, 4), '--no-cache'], cwd).stdout));
});

test('--no-cache neither reads nor writes; the default folder follows XDG_CACHE_HOME', () => {
  const xdg = tempDir('goconc-xdg-');
  run(['scan', 'examples', '--format', 'json', '--no-cache'], ROOT, { XDG_CACHE_HOME: xdg });
  assert.deepEqual(readdirSync(xdg), []);
  run(['scan', 'examples', '--format', 'json'], ROOT, { XDG_CACHE_HOME: xdg });
  assert.ok(existsSync(join(xdg, 'goconc', 'result')), 'the default folder is $XDG_CACHE_HOME/goconc');
  assert.ok(existsSync(join(xdg, 'goconc', 'parse')));
});

test('a cache folder that cannot be used costs one line on stderr, never a stack trace', () => {
  const blocker = join(tempDir('goconc-cli-'), 'a-file');
  writeFileSync(blocker, '');
  const r = run(['scan', 'examples', '--format', 'json', '--cache-dir', join(blocker, 'cache')], ROOT);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^goconc: cache disabled: cannot write to .*a-file\/cache \(ENOTDIR\)\n$/);
  assert.ok((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length > 0);
});

/** Runs the launcher without waiting, so two scans can overlap. */
function runAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

test('two scans racing on one cold cache both succeed with the same report, and leave sound entries', async () => {
  const cache = tempDir('goconc-cli-race-');
  const args = ['scan', 'test/fixtures', '--format', 'json', '--cache-dir', cache];
  const [a, b] = await Promise.all([runAsync(args, ROOT), runAsync(args, ROOT)]);
  assert.equal(a.code, 1, a.stderr);
  assert.equal(b.code, 1, b.stderr);
  assert.equal(a.stderr, '');
  assert.equal(b.stderr, '');
  assert.deepStrictEqual(report(a.stdout), report(b.stdout));
  const leftovers = readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.tmp'));
  assert.deepEqual(leftovers, [], 'no temp files left');
  const warm = run(args, ROOT, { GOCONC_TIMING: '1' });
  assert.equal(cacheLine(warm.stderr), 'result hit, 0 parsed, 0 from cache');
  assert.deepStrictEqual(report(warm.stdout), report(a.stdout));
});
