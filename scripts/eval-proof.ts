/**
 * Proving corpus labels with the Go toolchain, as pure functions: which `go test`
 * commands a case needs, how cases are grouped so one process tests many packages,
 * how `go test -json` output is split per package, and how a case is judged.
 * corpus-verify.ts does the spawning and printing.
 */
import type { CorpusCase, Proof } from './eval-corpus.js';

export const RACE_REPORT = 'WARNING: DATA RACE';
export const UNALIGNED_PANIC = 'unaligned 64-bit atomic operation';

/** How one `go test` invocation is set up; cases with equal keys share a process. */
export interface TestMode {
  race: boolean;
  /** GOARCH override, e.g. '386'; undefined keeps the host's. */
  goarch?: string;
  count: number;
}

/** One check of one case: run in `mode`, then judge the package's output. */
export interface ProofStep {
  mode: TestMode;
  /** buggy: output must contain one of `mustContain`; clean: output must contain none of `mustNotContain`
   * and the package must pass. */
  expectFailure: boolean;
  mustContain: string[];
  mustNotContain: string[];
}

const CRASH_MARKERS = ['panic:', 'fatal error:', RACE_REPORT];

/** The steps that prove a case's label. `twinProof` is the buggy twin's proof for fixed cases. */
export function proofSteps(c: CorpusCase, twinProof?: Proof): ProofStep[] {
  const { proof, rule } = c.expect;
  const count = proof.runs;
  switch (proof.how) {
    case 'race':
      return [buggy({ race: true, count }, [proof.match])];
    case 'panic':
    case 'fatal':
      return [buggy({ race: false, count }, [proof.match])];
    case 'race-or-fatal':
      return [buggy({ race: true, count }, [proof.match, RACE_REPORT])];
    case '386-panic':
      return [buggy({ race: false, goarch: '386', count }, [proof.match || UNALIGNED_PANIC])];
    case 'clean': {
      const forbidden = uniq([...CRASH_MARKERS, ...(proof.match ? [proof.match] : [])]);
      const steps: ProofStep[] = [clean({ race: true, count }, forbidden)];
      if (twinProof && (twinProof.how === 'panic' || twinProof.how === 'fatal')) {
        steps.push(clean({ race: false, count }, uniq([...forbidden, twinProof.match])));
      }
      if (twinProof?.how === '386-panic' || rule === 'atomic-unaligned-64bit') {
        steps.push(clean({ race: false, goarch: '386', count }, uniq([...forbidden, UNALIGNED_PANIC])));
      }
      return steps;
    }
  }
}

function buggy(mode: TestMode, mustContain: string[]): ProofStep {
  return { mode, expectFailure: true, mustContain, mustNotContain: [] };
}

function clean(mode: TestMode, mustNotContain: string[]): ProofStep {
  return { mode, expectFailure: false, mustContain: [], mustNotContain };
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

export function modeKey(m: TestMode): string {
  return `${m.race ? 'race' : 'plain'}/${m.goarch ?? 'host'}/${m.count}`;
}

/** The command line for a mode (without the package list). */
export function goTestArgs(m: TestMode): string[] {
  const args = ['test', '-json', `-count=${m.count}`, '-timeout=120s'];
  if (m.race) args.push('-race');
  return args;
}

/** Extra environment for a mode. atexit_sleep_ms=0 drops the race runtime's 1 s pause per binary. */
export function goTestEnv(m: TestMode): Record<string, string> {
  const env: Record<string, string> = { GORACE: 'atexit_sleep_ms=0' };
  if (m.goarch) env['GOARCH'] = m.goarch;
  return env;
}

export interface PlannedRun {
  /** Module directory the command runs in. */
  moduleDir: string;
  mode: TestMode;
  /** Import paths, sorted, without duplicates. */
  packages: string[];
}

/**
 * Groups every case's steps into as few `go test` processes as possible: one per
 * (module, mode). Returns the runs in a stable order.
 */
export function planRuns(steps: { c: CorpusCase; step: ProofStep }[]): PlannedRun[] {
  const runs = new Map<string, PlannedRun>();
  for (const { c, step } of steps) {
    const key = `${c.module.dir}\u0000${modeKey(step.mode)}`;
    let run = runs.get(key);
    if (!run) {
      run = { moduleDir: c.module.dir, mode: step.mode, packages: [] };
      runs.set(key, run);
    }
    if (!run.packages.includes(c.importPath)) run.packages.push(c.importPath);
  }
  const out = [...runs.values()];
  for (const r of out) r.packages.sort();
  return out.sort((a, b) =>
    a.moduleDir < b.moduleDir ? -1 : a.moduleDir > b.moduleDir ? 1 : modeKey(a.mode) < modeKey(b.mode) ? -1 : modeKey(a.mode) > modeKey(b.mode) ? 1 : 0,
  );
}

/** What one package did in one `go test -json` run. */
export interface PackageResult {
  /** Everything the tests and the build printed, concatenated in order. */
  output: string;
  /** Final action: 'pass', 'fail', 'skip', or undefined if the stream never said. */
  action?: string;
  buildFailed: boolean;
}

/**
 * Splits `go test -json` output per package. Understands test events (Package) and the
 * build events newer Go versions emit (ImportPath, build-output/build-fail). Lines that
 * are not JSON (the go command's own messages) are returned separately.
 */
export function parseTestJson(stdout: string): { packages: Map<string, PackageResult>; other: string[] } {
  const packages = new Map<string, PackageResult>();
  const other: string[] = [];
  const get = (pkg: string): PackageResult => {
    let r = packages.get(pkg);
    if (!r) {
      r = { output: '', buildFailed: false };
      packages.set(pkg, r);
    }
    return r;
  };
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue;
    let ev: { Action?: string; Package?: string; ImportPath?: string; Test?: string; Output?: string; FailedBuild?: string };
    try {
      ev = JSON.parse(line);
    } catch {
      other.push(line);
      continue;
    }
    if (typeof ev !== 'object' || ev === null) {
      other.push(line);
      continue;
    }
    const pkg = ev.Package ?? stripTestSuffix(ev.ImportPath);
    if (!pkg) {
      other.push(line);
      continue;
    }
    const r = get(pkg);
    if (typeof ev.Output === 'string') r.output += ev.Output;
    if (ev.Action === 'build-fail' || ev.FailedBuild) r.buildFailed = true;
    if (ev.Test === undefined && (ev.Action === 'pass' || ev.Action === 'fail' || ev.Action === 'skip')) r.action = ev.Action;
  }
  return { packages, other };
}

/** `go test` names test variants "pkg [pkg.test]"; the build events use that form. */
function stripTestSuffix(importPath: string | undefined): string | undefined {
  return importPath?.replace(/ \[.*\]$/, '');
}

export interface Verdict {
  ok: boolean;
  reason: string;
}

/** Judges one step against the package's result. */
export function judgeStep(step: ProofStep, result: PackageResult | undefined): Verdict {
  const where = `${modeKey(step.mode)}`;
  if (!result) return { ok: false, reason: `${where}: no output for the package (not tested?)` };
  if (result.buildFailed) return { ok: false, reason: `${where}: build failed: ${firstLine(result.output)}` };
  if (step.expectFailure) {
    const hit = step.mustContain.find((m) => result.output.includes(m));
    if (hit !== undefined) return { ok: true, reason: `${where}: saw "${hit}"` };
    return { ok: false, reason: `${where}: output never showed ${step.mustContain.map((m) => `"${m}"`).join(' or ')} (${result.action ?? 'no result'})` };
  }
  const bad = step.mustNotContain.find((m) => result.output.includes(m));
  if (bad !== undefined) return { ok: false, reason: `${where}: output shows "${bad}"` };
  if (result.action !== 'pass') return { ok: false, reason: `${where}: tests did not pass (${result.action ?? 'no result'}): ${firstFailure(result.output)}` };
  return { ok: true, reason: `${where}: clean` };
}

/** Judges a whole case: every step must hold; the first failing step is the reason. */
export function judgeCase(steps: ProofStep[], resultFor: (step: ProofStep) => PackageResult | undefined): Verdict {
  const reasons: string[] = [];
  for (const step of steps) {
    const v = judgeStep(step, resultFor(step));
    if (!v.ok) return v;
    reasons.push(v.reason);
  }
  return { ok: true, reason: reasons.join('; ') };
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

function firstFailure(text: string): string {
  return text.split('\n').find((l) => /FAIL|Error|error/.test(l))?.trim() ?? firstLine(text);
}
