/**
 * Rule fixtures in the style of Go's analysistest: Go files under test/fixtures/<rule>/
 * carry `// want "<regexp>"` comments on each line that must be reported (several
 * quoted patterns for several findings on one line); every other line must stay silent.
 * A pattern is matched against `<message> (<rule>)`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/core/findings.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { runScan } from '../../src/scan/run-scan.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');

export interface Want {
  file: string;
  line: number;
  pattern: RegExp;
}

export interface FixtureReport {
  findings: Finding[];
  missing: Want[];
  unexpected: Finding[];
}

const WANT = /\/\/\s*want\s+((?:"(?:[^"\\]|\\.)*"\s*)+)\s*$/;

export function parseWants(file: string, source: string): Want[] {
  const wants: Want[] = [];
  source.split('\n').forEach((text, i) => {
    const m = WANT.exec(text);
    if (!m) return;
    for (const q of m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
      wants.push({ file, line: i + 1, pattern: new RegExp(JSON.parse(`"${q[1]}"`) as string) });
    }
  });
  return wants;
}

function goFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...goFiles(p));
    else if (name.endsWith('.go')) out.push(p);
  }
  return out;
}

/** Scans one fixture folder with one rule and compares findings with the wants. */
export async function runFixture(ruleId: string, dir: string): Promise<FixtureReport> {
  const rule = ALL_RULES.find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const { result } = await runScan({
    patterns: [dir], cwd: REPO_ROOT, includeTests: true, minConfidence: 'medium',
    rules: [rule], knownRuleIds: ALL_RULES.map((r) => r.meta.id), jobs: 1,
  });
  const wants = goFiles(dir).flatMap((f) => parseWants(relative(REPO_ROOT, f).split('\\').join('/'), readFileSync(f, 'utf8')));
  const unmatched = [...wants];
  const unexpected: Finding[] = [];
  for (const f of result.findings) {
    const text = `${f.message} (${f.rule})`;
    const i = unmatched.findIndex((w) => w.file === f.file && w.line === f.line && w.pattern.test(text));
    if (i >= 0) unmatched.splice(i, 1);
    else unexpected.push(f);
  }
  return { findings: result.findings, missing: unmatched, unexpected };
}

export function describeReport(r: FixtureReport): string {
  return [
    ...r.missing.map((w) => `missing: ${w.file}:${w.line}: want ${w.pattern}`),
    ...r.unexpected.map((f) => `unexpected: ${f.file}:${f.line}:${f.column}: ${f.message} (${f.rule})`),
  ].join('\n');
}
