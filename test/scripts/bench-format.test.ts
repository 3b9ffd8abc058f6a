import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeRatios,
  countFindingsByRule,
  formatCount,
  formatMachine,
  formatRatio,
  formatRunTable,
  formatSeconds,
  groupThousands,
  linesPerSecond,
  type ToolRun,
} from '../../scripts/bench-format.js';

function run(tool: string, kind: ToolRun['kind'], wallS: number | null, cpuS: number | null, extra: Partial<ToolRun> = {}): ToolRun {
  return { tool, kind, status: 'ok', note: null, wallS, cpuS, peakRssMb: null, files: null, lines: null, ...extra };
}

test('lines per second, and null when a figure is missing or the time is zero', () => {
  assert.equal(linesPerSecond(1000, 4), 250);
  assert.equal(linesPerSecond(null, 4), null);
  assert.equal(linesPerSecond(1000, null), null);
  assert.equal(linesPerSecond(1000, 0), null);
});

test('ratios: goconc over the parse baseline, each peer over goconc', () => {
  const ratios = computeRatios([
    run('goconc', 'goconc', 30, 50),
    run('parse', 'parse', 20, 19),
    run('go vet', 'peer', 90, 150),
    run('staticcheck', 'peer', 15, 25),
  ]);
  assert.deepEqual(ratios, [
    { label: 'goconc / parse', wall: 1.5, cpu: 50 / 19 },
    { label: 'go vet / goconc', wall: 3, cpu: 3 },
    { label: 'staticcheck / goconc', wall: 0.5, cpu: 0.5 },
  ]);
});

test('ratios: a failed or killed run gives no figure, a skipped peer gives no line', () => {
  const ratios = computeRatios([
    run('goconc', 'goconc', 30, 50),
    run('parse', 'parse', 20, 20, { status: 'failed' }),
    run('go vet', 'peer', 600, 900, { status: 'timed out' }),
    run('staticcheck', 'peer', null, null, { status: 'skipped' }),
  ]);
  assert.deepEqual(ratios, [{ label: 'go vet / goconc', wall: null, cpu: null }]);
  // goconc failed: the peers have nothing to compare with.
  const noGoconc = computeRatios([run('goconc', 'goconc', 30, null, { status: 'failed' }), run('go vet', 'peer', 60, 60)]);
  assert.deepEqual(noGoconc, [{ label: 'go vet / goconc', wall: null, cpu: null }]);
  // A CPU figure that could not be measured leaves only the wall ratio.
  assert.deepEqual(computeRatios([run('goconc', 'goconc', 10, null), run('p', 'parse', 5, 5)]), [{ label: 'goconc / p', wall: 2, cpu: null }]);
});

test('number formatting is locale-free and scaled to the size of the figure', () => {
  assert.equal(groupThousands(1234567.4), '1,234,567');
  assert.equal(groupThousands(999), '999');
  assert.equal(groupThousands(-1000), '-1,000');
  assert.equal(formatSeconds(3.14159), '3.14');
  assert.equal(formatSeconds(42.25), '42.3');
  assert.equal(formatSeconds(123.6), '124');
  assert.equal(formatSeconds(null), '-');
  assert.equal(formatCount(null), '-');
  assert.equal(formatRatio(2.345), '2.35x');
  assert.equal(formatRatio(12.34), '12.3x');
  assert.equal(formatRatio(null), '-');
});

test('the table aligns every column and shows missing figures as "-"', () => {
  const table = formatRunTable([
    run('goconc (all rules)', 'goconc', 12.5, 20, { peakRssMb: 1536.4, files: 9000, lines: 2_000_000 }),
    run('go vet', 'peer', null, null, { status: 'timed out', note: 'killed after 600 s' }),
  ]);
  const lines = table.split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines[0]!, /^tool\s+wall s\s+CPU s\s+peak RSS MB\s+files\s+lines\s+lines\/s\s+status$/);
  assert.match(lines[2]!, /^goconc \(all rules\)\s+12\.5\s+20\.0\s+1,536\s+9,000\s+2,000,000\s+160,000\s+ok$/);
  assert.match(lines[3]!, /^go vet\s+-\s+-\s+-\s+-\s+-\s+-\s+timed out \(killed after 600 s\)$/);
  // Right-aligned numbers: the wall column ends at the same offset on every row.
  const wallEnd = lines[0]!.indexOf('wall s') + 'wall s'.length;
  assert.ok(lines[2]!.slice(0, wallEnd).endsWith('12.5'));
  assert.ok(lines[3]!.slice(0, wallEnd).endsWith('-'));
});

test('findings are counted per rule, in rule order', () => {
  const counts = countFindingsByRule([{ rule: 'data-race' }, { rule: 'chan-double-close' }, { rule: 'data-race' }]);
  assert.deepEqual(Object.entries(counts), [['chan-double-close', 1], ['data-race', 2]]);
  assert.deepEqual(countFindingsByRule([]), {});
});

test('machine line names cores, model, memory, node and go', () => {
  const text = formatMachine({ cpus: 2, cpuModel: 'AMD EPYC', totalMemoryMb: 24106, platform: 'linux x64', node: 'v20.1.0', go: null });
  assert.match(text, /2 CPUs \(AMD EPYC\), 24,106 MB RAM/);
  assert.match(text, /node v20\.1\.0, go not installed/);
});
