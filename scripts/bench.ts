/**
 * npm run bench -- [tree ...] [--no-peers] [--peers-timeout SECONDS] [--json FILE] [--no-goroot]
 *
 * Speed harness. For $(go env GOROOT)/src and every tree given it measures, each as its
 * own child process so wall time, CPU (user + sys) and peak RSS are its own:
 *   1. a cold goconc scan with every rule into an empty cache folder, then a warm one
 *      with nothing changed (same folder), checking that both reports are the same;
 *   2. a single-threaded tree-sitter parse of the same files (bench-parse-child.ts);
 *   3. peers, unless --no-peers: go vet and staticcheck's concurrency checks, each with a
 *      fresh, empty GOCACHE (and STATICCHECK_CACHE) so they start cold too.
 * Then it prints a table per tree, the ratios and the machine, and with --json the same
 * figures as JSON. Before the runs it reads every file of the tree once so the first tool
 * measured does not pay for a cold disk the others skip.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs, type BenchOptions } from './bench-args.js';
import { computeRatios, countFindingsByRule, formatMachine, formatRatios, formatRunTable, type MachineInfo, type Ratio, type ToolRun } from './bench-format.js';
import { ensureStaticcheck, findGo, lastLines, peerCommands, type GoToolchain } from './bench-go.js';
import { killRunningChildren, runMeasured, type Measurement } from './bench-measure.js';
import type { ParseChildReport } from './bench-parse-child.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const parseChild = path.join(repoRoot, 'dist', 'scripts', 'bench-parse-child.js');

interface TreeResult {
  tree: string;
  runs: ToolRun[];
  ratios: Ratio[];
  goconc: { exitCode: number | null; packages: number | null; parseErrors: number | null; diagnostics: number | null; findingsByRule: Record<string, number> } | null;
  parse: ParseChildReport | null;
  measurement: string;
}

/** Temp folders still in use, removed even when the bench is interrupted. */
const tempDirs = new Set<string>();

function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

function removeTempDir(dir: string): void {
  makeWritable(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

function log(msg: string): void {
  process.stderr.write(`bench: ${msg}\n`);
}

/**
 * The 1-minute load average just before a run. Other work on the machine inflates every
 * figure, so the bench warns when the machine was already busy.
 */
function noteLoad(what: string): number {
  const load = os.loadavg()[0] ?? 0;
  if (load > 0.5) log(`warning: load average ${load.toFixed(2)} before ${what}; other work on this machine skews the figures`);
  return load;
}

/** A one-line summary as soon as a run ends, so a long bench shows its figures as it goes. */
function logRun(r: ToolRun): ToolRun {
  const f = (n: number | null, d: number): string => (n === null ? '-' : n.toFixed(d));
  log(`  ${r.tool}: ${r.status}${r.note ? ` (${r.note})` : ''}, wall ${f(r.wallS, 2)} s, CPU ${f(r.cpuS, 2)} s, peak RSS ${f(r.peakRssMb, 0)} MB`);
  return r;
}

function baseRun(tool: string, kind: ToolRun['kind'], m: Measurement | null): ToolRun {
  return { tool, kind, status: 'ok', note: null, wallS: m?.wallS ?? null, cpuS: m?.cpuS ?? null, peakRssMb: m?.peakRssMb ?? null, files: null, lines: null };
}

function failed(run: ToolRun, m: Measurement, why: string): ToolRun {
  return { ...run, status: m.timedOut ? 'timed out' : 'failed', note: why };
}

/**
 * One goconc scan with every rule, using `cacheDir` (an empty folder for the cold run, the
 * same folder again for the warm one). The report is kept in `reportPath` for comparison.
 */
async function benchGoconc(tree: string, cacheDir: string, label: string, kind: 'goconc' | 'goconc-warm', reportPath: string): Promise<{ run: ToolRun; details: TreeResult['goconc']; method: string }> {
  const out = reportPath;
  {
    log(`${label}: goconc scan ${tree}`);
    const loadBefore = noteLoad('goconc');
    const m = await runMeasured({
      command: process.execPath,
      args: [path.join(repoRoot, 'bin', 'goconc.js'), 'scan', tree, '--format', 'json', '--no-progress', '-o', out, '--cache-dir', cacheDir],
      cwd: repoRoot,
    });
    const run = { ...baseRun(label, kind, m), loadBefore };
    // Exit 1 only says findings were reported.
    if (m.exitCode !== 0 && m.exitCode !== 1) {
      return { run: failed(run, m, `exit ${m.exitCode ?? m.signal}: ${lastLines(m.stderrTail, 3)}`), details: null, method: m.method };
    }
    if (!fs.existsSync(out)) return { run: failed(run, m, `exit ${m.exitCode ?? m.signal} without a report: ${lastLines(m.stderrTail, 3)}`), details: null, method: m.method };
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      findings: { rule: string }[];
      diagnostics: unknown[];
      stats: { files: number; packages: number; lines: number; parseErrors: number };
    };
    return {
      run: { ...run, files: doc.stats.files, lines: doc.stats.lines },
      details: { exitCode: m.exitCode, packages: doc.stats.packages, parseErrors: doc.stats.parseErrors, diagnostics: doc.diagnostics.length, findingsByRule: countFindingsByRule(doc.findings) },
      method: m.method,
    };
  }
}

/** The two reports agree on everything but the scan's duration. */
function sameReports(a: string, b: string): boolean {
  try {
    const strip = (p: string) => {
      const doc = JSON.parse(fs.readFileSync(p, 'utf8')) as { stats: { durationMs?: number } };
      delete doc.stats.durationMs;
      return JSON.stringify(doc);
    };
    return strip(a) === strip(b);
  } catch {
    return false;
  }
}

async function benchParse(tree: string): Promise<{ run: ToolRun; report: ParseChildReport | null }> {
  log(`single-thread tree-sitter parse ${tree}`);
  const loadBefore = noteLoad('the parse');
  const m = await runMeasured({ command: process.execPath, args: [parseChild, tree, repoRoot], cwd: repoRoot });
  const run = { ...baseRun('tree-sitter parse (1 thread)', 'parse', m), loadBefore };
  if (m.exitCode !== 0) return { run: failed(run, m, `exit ${m.exitCode ?? m.signal}: ${lastLines(m.stderrTail, 3)}`), report: null };
  const report = JSON.parse(m.stdoutTail.trim().split('\n').pop()!) as ParseChildReport;
  return { run: { ...run, files: report.files, lines: report.lines }, report };
}

async function benchPeers(tree: string, go: GoToolchain, staticcheck: string | null, staticcheckWhy: string | null, timeoutS: number): Promise<ToolRun[]> {
  const { commands, skipped } = peerCommands(tree, go.goroot, staticcheck);
  if (skipped !== null) return [{ ...baseRun('go vet / staticcheck', 'peer', null), status: 'skipped', note: skipped }];
  const runs: ToolRun[] = [];
  for (const peer of commands) {
    const caches = makeTempDir('goconc-bench-cache-');
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: 'local' };
      for (const v of peer.cacheVars) env[v] = path.join(caches, v.toLowerCase());
      log(`${peer.command === 'go' ? 'go' : path.basename(peer.command)} ${peer.args.join(' ')} (in ${peer.cwd}, cold cache, timeout ${timeoutS} s)`);
      const loadBefore = noteLoad(peer.tool);
      const m = await runMeasured({ command: peer.command, args: peer.args, cwd: peer.cwd, env, timeoutMs: timeoutS * 1000 });
      const run = { ...baseRun(peer.tool, 'peer', m), loadBefore };
      const before = runs.length;
      if (m.timedOut) runs.push(failed(run, m, `killed after ${timeoutS} s`));
      else if (m.exitCode === 0) runs.push(run);
      else if (m.exitCode === 1) {
        // Both tools exit 1 when they report something; show what so a build failure is visible.
        runs.push({ ...run, note: 'exit 1: reported issues' });
        log(`${peer.tool} exit 1, last lines: ${lastLines(m.stderrTail || m.stdoutTail, 4)}`);
      } else runs.push(failed(run, m, `exit ${m.exitCode ?? m.signal}: ${lastLines(m.stderrTail, 3)}`));
      runs.slice(before).forEach(logRun);
    } finally {
      removeTempDir(caches);
    }
  }
  if (staticcheck === null) runs.push({ ...baseRun('staticcheck', 'peer', null), status: 'skipped', note: staticcheckWhy });
  return runs;
}

/** Reads every file once so whichever tool runs first does not pay for a cold disk alone. */
function warmPageCache(dir: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) warmPageCache(p);
    else if (e.isFile() && (e.name.endsWith('.go') || e.name === 'go.mod' || e.name === 'go.sum')) {
      try { fs.readFileSync(p); } catch { /* the tools report unreadable files themselves */ }
    }
  }
}

/** The Go build cache may hold read-only files; make them removable. */
function makeWritable(dir: string): void {
  try {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        fs.chmodSync(p, 0o755);
        makeWritable(p);
      }
    }
  } catch { /* best effort */ }
}

function machineInfo(go: GoToolchain | null): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / (1024 * 1024)),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    go: go?.version ?? null,
  };
}

async function run(opts: BenchOptions): Promise<number> {
  if (!fs.existsSync(parseChild)) {
    log(`${path.relative(repoRoot, parseChild)} is missing: build first (npx tsc -p .)`);
    return 2;
  }
  const go = findGo();
  const trees: string[] = [];
  if (opts.goroot) {
    if (go === null) log('go is not installed (go env GOROOT failed): skipping the standard library and the peers');
    else trees.push(path.join(go.goroot, 'src'));
  }
  for (const t of opts.trees) {
    const abs = path.resolve(t);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
      log(`${t} is not a folder`);
      return 2;
    }
    trees.push(abs);
  }
  if (trees.length === 0) {
    log('nothing to measure');
    return 0;
  }

  let staticcheck: string | null = null;
  let staticcheckWhy: string | null = null;
  if (opts.peers && go !== null) {
    const found = ensureStaticcheck(repoRoot, opts.peersTimeoutS);
    if (found.path === null) {
      staticcheckWhy = found.reason;
      log(`staticcheck unavailable, going on without it: ${found.reason}`);
    } else staticcheck = found.path;
  }

  const machine = machineInfo(go);
  const results: TreeResult[] = [];
  for (const tree of trees) {
    log(`warming the page cache for ${tree}`);
    warmPageCache(tree);
    const work = makeTempDir('goconc-bench-');
    const cacheDir = path.join(work, 'cache');
    const coldReport = path.join(work, 'cold.json');
    const warmReport = path.join(work, 'warm.json');
    const goconc = await benchGoconc(tree, cacheDir, 'goconc cold (all rules, empty cache)', 'goconc', coldReport);
    logRun(goconc.run);
    const warm = await benchGoconc(tree, cacheDir, 'goconc warm (nothing changed)', 'goconc-warm', warmReport);
    logRun(warm.run);
    const identical = sameReports(coldReport, warmReport);
    log(`cold and warm reports identical (apart from durationMs): ${identical ? 'yes' : 'NO'}`);
    removeTempDir(work);
    const parse = await benchParse(tree);
    logRun(parse.run);
    const runs: ToolRun[] = [goconc.run, { ...warm.run, note: identical ? 'same report as cold' : 'REPORT DIFFERS FROM COLD' }, parse.run];
    if (opts.peers && go !== null) runs.push(...(await benchPeers(tree, go, staticcheck, staticcheckWhy, opts.peersTimeoutS)));
    else runs.push({ ...baseRun('go vet / staticcheck', 'peer', null), status: 'skipped', note: go === null ? 'go not installed' : '--no-peers' });
    results.push({ tree, runs, ratios: computeRatios(runs), goconc: goconc.details, parse: parse.report, measurement: goconc.method });
  }

  const out: string[] = [formatMachine(machine), ''];
  for (const r of results) {
    out.push(`tree: ${r.tree}`, formatRunTable(r.runs), '', 'ratios (wall and CPU time):', formatRatios(r.ratios));
    if (r.goconc) {
      const rules = Object.entries(r.goconc.findingsByRule);
      out.push('', `goconc findings by rule (${r.goconc.packages} packages, ${r.goconc.parseErrors} parse errors, ${r.goconc.diagnostics} diagnostics):`);
      out.push(rules.length === 0 ? '  none' : rules.map(([rule, n]) => `  ${rule.padEnd(32)} ${n}`).join('\n'));
    }
    if (r.parse) out.push('', `single-thread parse: discovery ${r.parse.discoverS.toFixed(2)} s, read + parse ${r.parse.parseWallS.toFixed(2)} s wall / ${r.parse.parseCpuS.toFixed(2)} s CPU, ${(r.parse.bytes / 1e6).toFixed(1)} MB`);
    out.push(`(CPU and RSS measured with ${r.measurement === 'gnu-time' ? '/usr/bin/time -v: CPU includes waited-for child processes, RSS is the largest single process' : '/proc polling of the direct child'})`, '');
  }
  process.stdout.write(out.join('\n') + '\n');

  if (opts.json !== null) {
    const doc = { date: new Date().toISOString(), machine, trees: results };
    fs.writeFileSync(path.resolve(opts.json), JSON.stringify(doc, null, 2) + '\n');
    log(`figures written to ${opts.json}`);
  }
  return 0;
}

async function main(): Promise<void> {
  let opts: BenchOptions;
  try {
    opts = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof BenchUsageError)) throw err;
    process.stderr.write(`bench: ${err.message}\n\n${BENCH_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (opts.help) {
    process.stdout.write(BENCH_USAGE);
    return;
  }
  // Measured commands run in their own process groups; end them if we are interrupted.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      killRunningChildren();
      for (const dir of [...tempDirs]) removeTempDir(dir);
      process.exit(130);
    });
  }
  process.exitCode = await run(opts);
}

main().catch((err: unknown) => {
  killRunningChildren();
  process.stderr.write(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 2;
});
