/**
 * npm run eval [-- --findings <scan.json>] [--corpus <dir>] [--thresholds <file>] [--verbose]
 *
 * Runs goconc over the corpus (`node bin/goconc.js scan corpus --format json
 * --min-confidence medium` from the repository root), scores the findings against
 * the labels (eval-score.ts), prints a table per rule and exits 1 when a figure is
 * below corpus/thresholds.json. --findings scores a saved JSON scan instead.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverCorpus } from './eval-corpus.js';
import {
  checkThresholds,
  formatTable,
  scoreCorpus,
  validateThresholds,
  type ScoredCase,
  type ScoredFinding,
  type Thresholds,
} from './eval-score.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Options {
  findings?: string;
  corpus: string;
  thresholds?: string;
  verbose: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { corpus: path.join(repoRoot, 'corpus'), verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return path.resolve(v);
    };
    if (a === '--findings') opts.findings = value();
    else if (a === '--corpus') opts.corpus = value();
    else if (a === '--thresholds') opts.thresholds = value();
    else if (a === '--verbose' || a === '-v') opts.verbose = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

/** Reads the scan's findings, either from a saved file or by running the CLI. */
function loadFindings(opts: Options): ScoredFinding[] {
  let text: string;
  if (opts.findings) {
    text = fs.readFileSync(opts.findings, 'utf8');
  } else {
    const corpusArg = path.relative(repoRoot, opts.corpus) || '.';
    const args = ['bin/goconc.js', 'scan', corpusArg, '--format', 'json', '--min-confidence', 'medium', '--no-cache'];
    const res = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (res.error) throw res.error;
    if (res.status !== 0 && res.status !== 1) {
      throw new Error(`goconc ${args.slice(1).join(' ')} exited with ${String(res.status)}:\n${res.stderr}`);
    }
    text = res.stdout;
  }
  const parsed: unknown = JSON.parse(text);
  const findings = (parsed as { findings?: unknown }).findings;
  if (!Array.isArray(findings)) throw new Error('scan output has no "findings" array');
  return findings.map((f, i) => {
    const x = f as Partial<ScoredFinding>;
    if (typeof x.rule !== 'string' || typeof x.file !== 'string' || typeof x.line !== 'number') {
      throw new Error(`finding ${i} lacks rule, file or line`);
    }
    return { rule: x.rule, file: x.file, line: x.line, message: typeof x.message === 'string' ? x.message : '' };
  });
}

function loadThresholds(file: string): Thresholds {
  if (!fs.existsSync(file)) return {};
  const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const errors = validateThresholds(value);
  if (errors.length > 0) throw new Error(`${file}: ${errors.join('; ')}`);
  return value as Thresholds;
}

function main(argv: string[]): number {
  const opts = parseArgs(argv);
  const { cases, broken } = discoverCorpus(opts.corpus);
  for (const b of broken) console.log(`warning: ${b.id} is not scored: ${b.errors.join('; ')}`);
  const scored: ScoredCase[] = cases.map((c) => ({
    dir: path.relative(repoRoot, c.dir).split(path.sep).join('/'),
    rule: c.expect.rule,
    kind: c.expect.kind,
    expect: c.expect.expect,
  }));
  const thresholds = loadThresholds(opts.thresholds ?? path.join(opts.corpus, 'thresholds.json'));
  const score = scoreCorpus(scored, loadFindings(opts));

  console.log(formatTable(score, thresholds));
  if (opts.verbose) {
    for (const dir of score.total.missed) console.log(`missed: ${dir}`);
    for (const dir of score.total.noisy) console.log(`noisy:  ${dir}`);
  }
  for (const f of score.strays) console.log(`stray:  ${f.file}:${f.line} ${f.rule}${opts.verbose && f.message ? `: ${f.message}` : ''}`);
  if (score.unassigned.length > 0) console.log(`${score.unassigned.length} findings outside any case folder (not scored)`);

  const failures = checkThresholds(score, thresholds);
  for (const f of failures) console.log(`below threshold: ${f}`);
  console.log(failures.length === 0 ? 'eval: all thresholds met' : `eval: ${failures.length} thresholds not met`);
  return failures.length === 0 ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(`eval: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
}
