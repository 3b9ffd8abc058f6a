/**
 * Opt-in measurement (GOCONC_MEASURE=1): tree-sitter parse alone vs parse + conversion
 * over every non-testdata .go file of GOROOT/src, single-threaded, CPU time. Not a
 * timed assertion: it prints the figures and checks only that every file converted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGoSource, parseTreeOnly } from '../../src/syntax/parse.js';

function goFiles(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'testdata') goFiles(p, out);
    } else if (e.isFile() && e.name.endsWith('.go')) out.push(p);
  }
  return out;
}

const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

test('GOROOT parse vs parse+convert', { skip: process.env.GOCONC_MEASURE ? false : 'set GOCONC_MEASURE=1 to measure' }, async () => {
  const root = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  const files = goFiles(join(root, 'src'), []);
  const sources = files.map((f) => readFileSync(f, 'utf8'));
  const lines = sources.reduce((n, s) => n + s.split('\n').length, 0);
  // Both loops yield to the event loop every 50 files so freed trees are finalised alike.
  let t = cpuSeconds();
  for (let i = 0; i < sources.length; i++) {
    parseTreeOnly(sources[i]);
    if (i % 50 === 0) await turn();
  }
  const parseOnly = cpuSeconds() - t;
  t = cpuSeconds();
  let withErrors = 0;
  for (let i = 0; i < sources.length; i++) {
    if (parseGoSource(sources[i], files[i]).syntaxErrors.length > 0) withErrors++;
    if (i % 50 === 0) await turn();
  }
  const full = cpuSeconds() - t;
  console.log(`${files.length} files, ${lines} lines: parse ${parseOnly.toFixed(1)} s CPU, parse+convert ${full.toFixed(1)} s CPU ` +
    `(+${((full / parseOnly - 1) * 100).toFixed(0)}%), ${withErrors} files with syntax errors`);
  assert.ok(withErrors < files.length / 100);
});
