/**
 * One scan, end to end: workspace -> parsing (worker pool) -> program model -> rules ->
 * suppressions -> a deterministic ScanResult. With a cache (src/cache), unchanged files
 * are loaded instead of parsed, and an unchanged scan returns its stored result. Nothing here knows a rule by name.
 */
import { readFileSync } from 'node:fs';
import { CONFIDENCE_ORDER, compareDiagnostics, compareFindings, type Confidence, type Diagnostic, type Finding, type ScanResult } from '../core/findings.js';
import { GOCONC_VERSION } from '../core/version.js';
import { Program } from '../model/program.js';
import { stdlibPackages } from '../model/stdlib/load.js';
import type { Progress } from '../report/progress.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { toFinding } from '../rules/rule.js';
import { applySuppressions, suppressionCommentsOf } from '../suppress/suppressions.js';
import { hashFile } from '../cache/content-hash.js';
import { openCache } from '../cache/open-cache.js';
import { loadResult, storeResult } from '../cache/result-cache.js';
import { resultKey, resultSlot, type ResultOptions } from '../cache/result-key.js';
import { discoverWorkspace } from '../workspace/discover.js';
import { buildConcurrencyFacts } from '../concurrency/build.js';
import type { ConcurrencyFacts } from '../concurrency/facts.js';
import { groupPackages } from './group-packages.js';
import { parseFiles } from './parse-files.js';
import { resolve } from 'node:path';

export interface ScanOptions {
  patterns: string[];
  cwd: string;
  includeTests: boolean;
  minConfidence: Confidence;
  rules: readonly Rule[];
  /** Every rule id (for suppression validation). */
  knownRuleIds: string[];
  jobs?: number;
  progress?: Progress;
  /** The on-disk cache (parse trees and whole results); null or absent: no cache. */
  cache?: { dir: string } | null;
}

/** What the cache did in one scan (null when the scan ran without a cache). */
export interface CacheReport {
  /** The whole result came from the cache: nothing was parsed or analysed. */
  resultHit: boolean;
  /** Files parsed, and files whose tree was loaded from the parse cache. */
  parsed: number;
  loaded: number;
  /** Why the cache was not used (the folder cannot be written), for one stderr line. */
  warning: string | null;
}

export interface ScanOutcome {
  result: ScanResult;
  /** true when nothing could be scanned (exit code 2). */
  nothingToScan: boolean;
  cache: CacheReport | null;
}

/** GOCONC_TIMING=1 prints how long each phase took, for profiling large scans. */
const timing = process.env['GOCONC_TIMING'] === '1';
/**
 * Between phases most of what the last one allocated is garbage; collecting it here (when
 * the launcher exposed the collector) keeps V8 from growing the heap gigabytes past what
 * is live before its next full collection.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** CPU time (user + system, all threads) at the end of the last phase. */
let cpuMark = process.cpuUsage();

function phaseDone(name: string, since: number): number {
  if (timing) {
    const cpu = process.cpuUsage(cpuMark);
    cpuMark = process.cpuUsage();
    process.stderr.write(`[timing] ${name}: ${Date.now() - since} ms, cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms, heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB\n`);
  }
  return Date.now();
}

export async function runScan(opts: ScanOptions): Promise<ScanOutcome> {
  const started = Date.now();
  let t = started;
  const progress = opts.progress;
  progress?.phase('finding files');
  const ws = await discoverWorkspace(opts.patterns, { cwd: opts.cwd, includeTests: opts.includeTests });
  const files = ws.packages.flatMap((p) => p.files);

  t = phaseDone('discovery', t);
  const opened = opts.cache ? openCache(opts.cache.dir) : null;
  const cache = opened?.ok ? opened.cache : null;
  const report: CacheReport | null = opts.cache ? { resultHit: false, parsed: 0, loaded: 0, warning: opened && !opened.ok ? opened.warning : null } : null;

  // With a cache, hash every file first: the hashes key the whole result, and a hit
  // skips parsing, the model and the rules.
  const resultOpts: ResultOptions = { ruleIds: opts.rules.map((r) => r.meta.id), knownRuleIds: opts.knownRuleIds, minConfidence: opts.minConfidence, includeTests: opts.includeTests };
  const slot = resultSlot(ws.cwd, opts.patterns, resultOpts);
  let preHashes: Map<string, string | null> | null = null;
  if (cache && report && files.length > 0) {
    preHashes = new Map(files.map((f) => [f.absPath, hashFile(f.absPath)]));
    const key = resultKey(cache.engine, resultOpts, ws, preHashes);
    const hit = key === null ? null : loadResult(cache, slot, key);
    t = phaseDone('hashing', t);
    if (hit) {
      report.resultHit = true;
      reportCache(report);
      progress?.done();
      const result: ScanResult = {
        version: GOCONC_VERSION,
        findings: hit.findings,
        diagnostics: [...ws.diagnostics, ...hit.diagnostics].sort(compareDiagnostics),
        stats: { ...hit.stats, durationMs: Date.now() - started },
      };
      return { result, nothingToScan: false, cache: report };
    }
  }

  progress?.phase('parsing');
  progress?.start(files.length);
  const phase = await parseFiles(files, { jobs: opts.jobs, progress, store: cache, knownHashes: preHashes });
  const parsed = phase.parsed;
  const found: Diagnostic[] = [...phase.failures];
  if (report) {
    report.parsed = phase.parsedCount;
    report.loaded = phase.loadedCount;
  }

  let lines = 0;
  let parseErrors = 0;
  for (const f of parsed.values()) {
    lines += f.lineCount;
    for (const e of f.syntaxErrors) {
      parseErrors++;
      found.push({ file: f.path, line: e.line, message: e.message });
    }
  }

  collectGarbage();
  t = phaseDone('parsing', t);
  progress?.phase('building model');
  const pkgs = groupPackages(ws.packages, parsed);
  const program = Program.build(pkgs, stdlibPackages());
  collectGarbage();
  t = phaseDone('model', t);

  progress?.phase('analysing');
  let facts: ConcurrencyFacts | null = null;
  const raw: Finding[] = [];
  for (const rule of opts.rules) {
    const ctx: RuleContext = {
      program,
      facts: () => (facts ??= buildConcurrencyFacts(program)),
      report: (r) => { raw.push(toFinding(rule.meta, r)); },
      goVersion: (pkg) => pkg.module?.goVersion ?? null,
    };
    try {
      rule.check(ctx);
      t = phaseDone(`rule ${rule.meta.id}`, t);
    } catch (err) {
      // A rule bug must not take the scan down: say so and go on with the others.
      found.push({ file: '', line: 0, message: `internal error in rule ${rule.meta.id}: ${(err as Error).message}` });
    }
  }

  const visible = dedupe(raw.filter((f) => CONFIDENCE_ORDER[f.confidence] >= CONFIDENCE_ORDER[opts.minConfidence]));
  const comments = [...parsed.values()].flatMap(suppressionCommentsOf);
  const readSource = (file: string): string | null => {
    try { return readFileSync(resolve(opts.cwd, file), 'utf8'); } catch { return null; }
  };
  const sup = applySuppressions(visible, comments, opts.knownRuleIds, readSource);
  found.push(...sup.diagnostics);
  progress?.done();

  const findings = sup.kept.sort(compareFindings);
  const stats = { files: parsed.size, packages: pkgs.length, lines, parseErrors };
  if (cache && files.length > 0 && preHashes) {
    // Keyed by the hashes of the bytes actually parsed: a file edited during the scan
    // must not make these findings answer for its new content.
    const used = new Map(preHashes);
    for (const [abs, h] of phase.hashes) used.set(abs, h);
    const key = resultKey(cache.engine, resultOpts, ws, used);
    if (key !== null) storeResult(cache, slot, key, { findings, diagnostics: found, stats });
  }
  if (report) reportCache(report);

  const result: ScanResult = {
    version: GOCONC_VERSION,
    findings,
    diagnostics: [...ws.diagnostics, ...found].sort(compareDiagnostics),
    stats: { ...stats, durationMs: Date.now() - started },
  };
  return { result, nothingToScan: files.length === 0, cache: report };
}

function reportCache(r: CacheReport): void {
  if (timing) process.stderr.write(`[timing] cache: result ${r.resultHit ? 'hit' : 'miss'}, ${r.parsed} parsed, ${r.loaded} from cache\n`);
}

/** Two rules or two passes may reach the same finding: keep one. */
function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = `${f.rule}\0${f.file}\0${f.line}\0${f.column}\0${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
