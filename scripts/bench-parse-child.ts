/**
 * Child process of `npm run bench`: the single-threaded baseline. It finds the files the
 * way a scan does (discoverWorkspace, tests included, same cwd) and parses each one with
 * tree-sitter alone (parseTreeOnly) in this one thread, then prints its figures as one
 * JSON line. Run as its own process so the bench measures its wall time, CPU and RSS.
 *
 *   node dist/scripts/bench-parse-child.js <tree> <cwd>
 */
import { readFileSync } from 'node:fs';
import { discoverWorkspace } from '../src/workspace/discover.js';
import { parseTreeOnly } from '../src/syntax/parse.js';
import { noteTreeReleased } from '../src/syntax/native-memory.js';

export interface ParseChildReport {
  files: number;
  lines: number;
  bytes: number;
  /** Files tree-sitter marked as containing errors. */
  filesWithErrors: number;
  discoverS: number;
  /** Reading + parsing, wall and CPU of this thread. */
  parseWallS: number;
  parseCpuS: number;
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));
const cpuS = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function main(): Promise<void> {
  const [tree, cwd] = process.argv.slice(2);
  if (!tree || !cwd) throw new Error('usage: bench-parse-child <tree> <cwd>');
  let t = process.hrtime.bigint();
  const ws = await discoverWorkspace([tree], { cwd, includeTests: true });
  const discoverS = Number(process.hrtime.bigint() - t) / 1e9;
  const files = ws.packages.flatMap((p) => p.files);

  const report: ParseChildReport = { files: 0, lines: 0, bytes: 0, filesWithErrors: 0, discoverS, parseWallS: 0, parseCpuS: 0 };
  t = process.hrtime.bigint();
  const cpu0 = cpuS();
  for (let i = 0; i < files.length; i++) {
    let source: string;
    try {
      source = readFileSync(files[i]!.absPath, 'utf8');
    } catch {
      continue; // the scan reports unreadable files; the baseline just skips them
    }
    const parsed = parseTreeOnly(source);
    if (parsed.rootNode.hasError) report.filesWithErrors++;
    // Same memory discipline as the scan's workers: trees are freed by finalizers, which
    // need a full collection now and then and a turn of the event loop to run.
    noteTreeReleased(source.length);
    report.files++;
    report.bytes += Buffer.byteLength(source, 'utf8');
    report.lines += countLines(source);
    if (i % 50 === 0) await turn();
  }
  report.parseWallS = Number(process.hrtime.bigint() - t) / 1e9;
  report.parseCpuS = cpuS() - cpu0;
  process.stdout.write(JSON.stringify(report) + '\n');
}

/** Lines as an editor counts them: a final line without a newline still counts. */
function countLines(s: string): number {
  if (s.length === 0) return 0;
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return s.endsWith('\n') ? n : n + 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench-parse-child: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
