/**
 * The atomic.Int64 fix of atomic-unaligned-64bit: its edits must turn the program into
 * the typed-atomic version, and it is `safe` only when every access to the field is one
 * of the rewritten atomic calls.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Finding, Fix, TextEdit } from '../../src/core/findings.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { runScan } from '../../src/scan/run-scan.js';

const RULE_ID = 'atomic-unaligned-64bit';
const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function scanModule(goVersion: string, files: Record<string, string>): Promise<{ dir: string; findings: Finding[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'goconc-fix-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'go.mod'), `module example.com/fixcase\n\ngo ${goVersion}\n`);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const rule = ALL_RULES.find((r) => r.meta.id === RULE_ID)!;
  const { result } = await runScan({
    patterns: ['.'], cwd: dir, includeTests: true, minConfidence: 'low',
    rules: [rule], knownRuleIds: ALL_RULES.map((r) => r.meta.id), jobs: 1,
  });
  return { dir, findings: result.findings };
}

/** Applies non-overlapping edits (1-based lines, UTF-16 columns, exclusive end) to one file's text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const at = (line: number, col: number) => lineStarts[line - 1]! + col - 1;
  const sorted = [...edits].sort((a, b) => at(b.startLine, b.startColumn) - at(a.startLine, a.startColumn));
  let out = text;
  let lastStart = Infinity;
  for (const e of sorted) {
    const s = at(e.startLine, e.startColumn);
    const end = at(e.endLine, e.endColumn);
    assert.ok(end <= lastStart, `edits overlap at ${e.startLine}:${e.startColumn}`);
    out = out.slice(0, s) + e.newText + out.slice(end);
    lastStart = s;
  }
  return out;
}

function applyFix(dir: string, fix: Fix): Map<string, string> {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const out = new Map<string, string>();
  for (const [file, edits] of byFile) out.set(file, applyEdits(readFileSync(join(dir, file), 'utf8'), edits));
  return out;
}

/** Where a Go toolchain is installed, the fixed module must build for a 32-bit target. */
const HAVE_GO = (() => { try { execFileSync('go', ['version'], { stdio: 'ignore' }); return true; } catch { return false; } })();

function assertBuilds(dir: string, fixed: Map<string, string>): void {
  if (!HAVE_GO) return;
  const copy = mkdtempSync(join(tmpdir(), 'goconc-fixed-'));
  dirs.push(copy);
  writeFileSync(join(copy, 'go.mod'), readFileSync(join(dir, 'go.mod')));
  for (const name of ['conn.go', 'reader.go', 'stats.go', 'types.go', 'ops.go']) {
    const text = fixed.get(name) ?? (() => { try { return readFileSync(join(dir, name), 'utf8'); } catch { return null; } })();
    if (text !== null) writeFileSync(join(copy, name), text);
  }
  execFileSync('go', ['vet', './...'], { cwd: copy, env: { ...process.env, GOARCH: '386', GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' }, stdio: 'pipe' });
}

const CONN = `package fixcase

import "sync/atomic"

type conn struct {
	closed   bool
	timedOut int64
}

func (c *conn) timeout() bool {
	return atomic.CompareAndSwapInt64(&c.timedOut, 0, 1)
}
`;

const READER = `package fixcase

import "sync/atomic"

func (c *conn) isTimedOut() bool { return atomic.LoadInt64(&c.timedOut) == 1 }

func (c *conn) reset() { atomic.StoreInt64(&c.timedOut, 0) }
`;

test('every access is an atomic call: the fix is safe and rewrites the field and each call', async () => {
  const { dir, findings } = await scanModule('1.21', { 'conn.go': CONN, 'reader.go': READER });
  assert.equal(findings.length, 3, findings.map((f) => `${f.file}:${f.line} ${f.message}`).join('\n'));
  for (const f of findings) {
    assert.equal(f.fixes.length, 1);
    const fix = f.fixes[0]!;
    assert.equal(fix.safe, true, `fix of ${f.file}:${f.line} should be safe`);
    const fixed = applyFix(dir, fix);
    assert.equal(fixed.get('conn.go'), CONN
      .replace('timedOut int64', 'timedOut atomic.Int64')
      .replace('atomic.CompareAndSwapInt64(&c.timedOut, 0, 1)', 'c.timedOut.CompareAndSwap(0, 1)'));
    // reader.go used sync/atomic only in the rewritten calls: the import goes too.
    assert.equal(fixed.get('reader.go'), READER
      .replace('import "sync/atomic"\n', '')
      .replace('atomic.LoadInt64(&c.timedOut)', 'c.timedOut.Load()')
      .replace('atomic.StoreInt64(&c.timedOut, 0)', 'c.timedOut.Store(0)'));
    assertBuilds(dir, fixed);
  }
});

test('a uint64 field becomes atomic.Uint64, under the file\'s own name for sync/atomic', async () => {
  const src = `package fixcase

import sa "sync/atomic"

type stats struct {
	id    int32
	bytes uint64
}

func (s *stats) add(n uint64) uint64 { return sa.AddUint64(&s.bytes, n) }
`;
  const { dir, findings } = await scanModule('1.19', { 'stats.go': src });
  assert.equal(findings.length, 1);
  const fix = findings[0]!.fixes[0]!;
  assert.equal(fix.safe, true);
  assert.equal(applyFix(dir, fix).get('stats.go'), src
    .replace('bytes uint64', 'bytes sa.Uint64')
    .replace('sa.AddUint64(&s.bytes, n)', 's.bytes.Add(n)'));
});

test('a struct declared in a file without sync/atomic gets the import; other uses keep it', async () => {
  const types = `package fixcase

// conn is declared away from its atomic calls.
type conn struct {
	closed   bool
	timedOut int64
}
`;
  const ops = `package fixcase

import (
	"fmt"
	"sync/atomic"
)

var opened int32

func (c *conn) timeout() bool {
	atomic.AddInt32(&opened, 1)
	fmt.Println("timeout")
	return atomic.CompareAndSwapInt64(&c.timedOut, 0, 1)
}
`;
  const { dir, findings } = await scanModule('1.21', { 'types.go': types, 'ops.go': ops });
  assert.equal(findings.length, 1);
  const fix = findings[0]!.fixes[0]!;
  assert.equal(fix.safe, true);
  const fixed = applyFix(dir, fix);
  assert.equal(fixed.get('types.go'), types
    .replace('package fixcase\n', 'package fixcase\n\nimport "sync/atomic"\n')
    .replace('timedOut int64', 'timedOut atomic.Int64'));
  assert.equal(fixed.get('ops.go'), ops.replace('atomic.CompareAndSwapInt64(&c.timedOut, 0, 1)', 'c.timedOut.CompareAndSwap(0, 1)'));
  assertBuilds(dir, fixed);
});

test('a composite literal that sets the field makes the fix unsafe', async () => {
  const lit = `package fixcase

func expired() *conn { return &conn{timedOut: 1} }

func positional() conn { return conn{false, 0} }
`;
  for (const body of [lit, lit.replace(/func expired[^\n]*\n/, '')]) {
    const { findings } = await scanModule('1.21', { 'conn.go': CONN, 'lit.go': body });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.fixes[0]!.safe, false, body);
  }
});

test('a plain read of the field makes the fix unsafe', async () => {
  const plain = `package fixcase

func (c *conn) debugState() int64 { return c.timedOut }
`;
  const { findings } = await scanModule('1.21', { 'conn.go': CONN, 'debug.go': plain });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.fixes.length, 1);
  assert.equal(findings[0]!.fixes[0]!.safe, false);
});

test('an access through a local pointer is not rewritten, so the fix is unsafe', async () => {
  const local = `package fixcase

import "sync/atomic"

func (c *conn) clear() {
	p := &c.timedOut
	atomic.StoreInt64(p, 0)
}
`;
  const { findings } = await scanModule('1.21', { 'conn.go': CONN, 'local.go': local });
  assert.equal(findings.length, 2);
  for (const f of findings) {
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0]!.safe, false, `${f.file}:${f.line}`);
  }
});

test('go.mod older than 1.19 offers no atomic.Int64 fix', async () => {
  const { findings } = await scanModule('1.18', { 'conn.go': CONN });
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0]!.fixes, []);
  assert.match(findings[0]!.message, /move the field to the start of the struct/);
  assert.doesNotMatch(findings[0]!.message, /use atomic\.Int64\/atomic\.Uint64 for the field/);
});
