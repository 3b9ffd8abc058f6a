/**
 * Every rule's docs page (English and Simplified Chinese) must show what it claims: the
 * Example block yields a finding of that rule exactly on the line marked
 * `// goconc reports this line`, and the How-to-fix block yields none.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/core/findings.js';
import type { Rule } from '../../src/rules/rule.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { runScan } from '../../src/scan/run-scan.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MARK = '// goconc reports this line';
const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** The bodies of the ```go fences of a Markdown page, in order. */
export function goBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const re = /^```go[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/gm;
  for (const m of markdown.matchAll(re)) blocks.push(m[1]!);
  return blocks;
}

async function scanSnippet(rule: Rule, source: string): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'goconc-docs-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'go.mod'), 'module example.com/docs\n\ngo 1.22\n');
  writeFileSync(join(dir, 'example.go'), source);
  const { result } = await runScan({
    patterns: ['.'], cwd: dir, includeTests: true, minConfidence: 'low',
    rules: [rule], knownRuleIds: ALL_RULES.map((r) => r.meta.id), jobs: 1,
  });
  assert.deepEqual(result.diagnostics, [], 'the snippet must scan cleanly');
  return result.findings;
}

function markedLines(source: string): number[] {
  return source.split('\n').flatMap((l, i) => (l.includes(MARK) ? [i + 1] : []));
}

const show = (fs: Finding[]) => fs.map((f) => `${f.line}:${f.column} ${f.message}`).join('\n');

for (const rule of ALL_RULES) {
  const id = rule.meta.id;
  for (const page of [`docs/rules/${id}.md`, `docs/rules/${id}.zh.md`]) {
    test(`${page}: the Example is reported on its marked line, the fix is clean`, async () => {
      const path = join(REPO_ROOT, page);
      assert.ok(existsSync(path), `${page} is missing`);
      const blocks = goBlocks(readFileSync(path, 'utf8'));
      assert.equal(blocks.length, 2, `${page} must have exactly two go blocks (Example, How to fix)`);
      const [example, fix] = blocks as [string, string];

      const marked = markedLines(example);
      assert.equal(marked.length, 1, `the Example of ${page} must mark exactly one line with "${MARK}"`);
      const found = await scanSnippet(rule, example);
      assert.ok(found.length > 0, `the Example of ${page} yields no finding`);
      assert.deepEqual([...new Set(found.map((f) => f.line))], marked, `findings of the Example of ${page}:\n${show(found)}`);
      assert.ok(found.every((f) => f.rule === id));

      assert.deepEqual(markedLines(fix), [], `the fix of ${page} must not carry the mark`);
      const afterFix = await scanSnippet(rule, fix);
      assert.deepEqual(afterFix, [], `the fix of ${page} is still reported:\n${show(afterFix)}`);
    });
  }
  test(`docs/rules/${id}: English and Chinese pages show the same Go code`, () => {
    const en = goBlocks(readFileSync(join(REPO_ROOT, `docs/rules/${id}.md`), 'utf8'));
    const zh = goBlocks(readFileSync(join(REPO_ROOT, `docs/rules/${id}.zh.md`), 'utf8'));
    assert.deepEqual(zh, en);
  });
}
