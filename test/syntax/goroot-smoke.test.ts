import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFileSync } from '../../src/syntax/pool.js';
import { findAll } from './ast-walk.js';

function goroot(): string | null {
  try {
    return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8', timeout: 20_000 }).trim() || null;
  } catch {
    return null;
  }
}

/** Non-testdata .go files under dir, sorted so the sample is the same on every run. */
function goFiles(dir: string, out: string[]): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'testdata') goFiles(p, out);
    } else if (e.isFile() && e.name.endsWith('.go')) out.push(p);
  }
  return out;
}

const root = goroot();

test('parses a sample of the Go standard library without a throw', { skip: root === null ? 'go env GOROOT does not work here' : false }, () => {
  const all = goFiles(join(root!, 'src'), []);
  const step = Math.max(1, Math.floor(all.length / 300));
  const sample = all.filter((_, i) => i % step === 0);
  assert.ok(sample.length >= 200, `only ${sample.length} files found`);
  let withErrors = 0;
  let funcs = 0;
  for (const abs of sample) {
    const r = parseFileSync(abs, abs.slice(root!.length + 1));
    assert.equal(r.ok, true, r.ok ? '' : `${r.path}: ${r.message}`);
    if (!r.ok) continue;
    assert.notEqual(r.file.packageName, '', r.file.path);
    if (r.file.syntaxErrors.length > 0) withErrors++;
    funcs += r.file.decls.filter((d) => d.kind === 'FuncDecl').length;
    // A converted tree has no unknown nodes where the source is valid Go.
    if (r.file.syntaxErrors.length === 0) {
      assert.equal(findAll(r.file, 'BadExpr').length + findAll(r.file, 'BadStmt').length, 0, r.file.path);
    }
  }
  // The grammar lags the newest Go syntax in a handful of files at most.
  assert.ok(withErrors <= sample.length / 50, `${withErrors} files with syntax errors`);
  assert.ok(funcs > sample.length, `${funcs} functions`);
});
