/**
 * One scan, end to end: workspace -> parsing (worker pool) -> program model -> rules ->
 * suppressions -> a deterministic ScanResult. Nothing here knows a rule by name.
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
import type { GoFile } from '../syntax/ast.js';
import { ParsePool, parseFileSync } from '../syntax/pool.js';
import { discoverWorkspace } from '../workspace/discover.js';
import { buildConcurrencyFacts } from '../concurrency/build.js';
import type { ConcurrencyFacts } from '../concurrency/facts.js';
import { groupPackages } from './group-packages.js';
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
}

export interface ScanOutcome {
  result: ScanResult;
  /** true when nothing could be scanned (exit code 2). */
  nothingToScan: boolean;
}

/** GOCONC_TIMING=1 prints how long each phase took, for profiling large scans. */
const timing = process.env['GOCONC_TIMING'] === '1';
function phaseDone(name: string, since: number): number {
  if (timing) process.stderr.write(`[timing] ${name}: ${Date.now() - since} ms, heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB\n`);
  return Date.now();
}

export async function runScan(opts: ScanOptions): Promise<ScanOutcome> {
  const started = Date.now();
  let t = started;
  const progress = opts.progress;
  progress?.phase('finding files');
  const ws = await discoverWorkspace(opts.patterns, { cwd: opts.cwd, includeTests: opts.includeTests });
  const diagnostics: Diagnostic[] = [...ws.diagnostics];
  const files = ws.packages.flatMap((p) => p.files);

  t = phaseDone('discovery', t);
  progress?.phase('parsing');
  progress?.start(files.length);
  const parsed = new Map<string, GoFile>();
  const useWorkers = files.length >= 32 && (opts.jobs ?? 0) !== 1;
  const pool = useWorkers ? new ParsePool(opts.jobs ? { threads: opts.jobs } : {}) : null;
  try {
    const outcomes = await Promise.all(files.map(async (f) => {
      const o = pool ? await pool.parseFile(f.absPath, f.relPath) : parseFileSync(f.absPath, f.relPath);
      progress?.tick();
      return [f, o] as const;
    }));
    for (const [f, o] of outcomes) {
      if (o.ok) parsed.set(f.absPath, o.file);
      else diagnostics.push({ file: f.relPath, line: 0, message: o.message });
    }
  } finally {
    await pool?.destroy();
  }

  let lines = 0;
  let parseErrors = 0;
  for (const f of parsed.values()) {
    lines += f.lineCount;
    for (const e of f.syntaxErrors) {
      parseErrors++;
      diagnostics.push({ file: f.path, line: e.line, message: e.message });
    }
  }

  t = phaseDone('parsing', t);
  progress?.phase('building model');
  const pkgs = groupPackages(ws.packages, parsed);
  const program = Program.build(pkgs, stdlibPackages());
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
      diagnostics.push({ file: '', line: 0, message: `internal error in rule ${rule.meta.id}: ${(err as Error).message}` });
    }
  }

  const visible = dedupe(raw.filter((f) => CONFIDENCE_ORDER[f.confidence] >= CONFIDENCE_ORDER[opts.minConfidence]));
  const comments = [...parsed.values()].flatMap(suppressionCommentsOf);
  const readSource = (file: string): string | null => {
    try { return readFileSync(resolve(opts.cwd, file), 'utf8'); } catch { return null; }
  };
  const sup = applySuppressions(visible, comments, opts.knownRuleIds, readSource);
  diagnostics.push(...sup.diagnostics);
  progress?.done();

  const result: ScanResult = {
    version: GOCONC_VERSION,
    findings: sup.kept.sort(compareFindings),
    diagnostics: diagnostics.sort(compareDiagnostics),
    stats: { files: parsed.size, packages: pkgs.length, lines, parseErrors, durationMs: Date.now() - started },
  };
  return { result, nothingToScan: files.length === 0 };
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
