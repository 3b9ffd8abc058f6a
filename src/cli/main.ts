/**
 * The goconc command line: `scan`, `rules`, `explain`. Exit codes: 0 no findings,
 * 1 findings, 2 usage error or nothing to scan. Errors are messages, never stack traces.
 */
import { Command, CommanderError, Option } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Confidence } from '../core/findings.js';
import { GOCONC_VERSION } from '../core/version.js';
import { OUTPUT_FORMATS, render, type OutputFormat } from '../report/index.js';
import { Progress } from '../report/progress.js';
import { ALL_RULES } from '../rules/index.js';
import { runScan } from '../scan/run-scan.js';
import { defaultCacheDir } from '../cache/cache-dir.js';
import { explainRule, listRules } from './rule-docs.js';
import { selectRules, UsageError } from './select-rules.js';

interface ScanFlags {
  format: OutputFormat;
  output?: string;
  minConfidence: Confidence;
  rules?: string;
  disable?: string;
  tests: boolean;
  color: boolean;
  jobs?: string;
  progress: boolean;
  /** false with --no-cache. */
  cache: boolean;
  cacheDir?: string;
}

export async function main(argv: string[], io: { stdout: NodeJS.WritableStream & { isTTY?: boolean }; stderr: NodeJS.WriteStream } = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('goconc')
    .description('Finds concurrency bugs in Go code: atomic.Value misuse, misaligned 64-bit atomics, concurrent map access, channel close races, data races.')
    .version(GOCONC_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('scan')
    .description('scan Go files, folders or ./... patterns (default ./...)')
    .argument('[patterns...]', 'files, folders (scanned recursively) or ./... patterns')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(new Option('--min-confidence <level>', 'lowest confidence to report').choices(['low', 'medium', 'high']).default('medium'))
    .option('--rules <ids>', 'only these rules (comma-separated)')
    .option('--disable <ids>', 'skip these rules (comma-separated)')
    .option('--no-tests', 'leave out _test.go files')
    .option('--no-color', 'no colour in text output')
    .option('--no-progress', 'no progress bar')
    .option('-j, --jobs <n>', 'parser threads (default: one per core)')
    .option('--cache-dir <dir>', `cache folder (default: ${defaultCacheDir()})`)
    .option('--no-cache', 'neither read nor write the cache')
    .action(async (patterns: string[], flags: ScanFlags) => {
      exitCode = await scanCommand(patterns, flags, io);
    });

  program
    .command('rules')
    .description('list the rules')
    .action(() => { io.stdout.write(listRules(ALL_RULES)); });

  program
    .command('explain')
    .description('print the documentation of a rule')
    .argument('<rule>', 'rule id')
    .addOption(new Option('--lang <lang>', 'language').choices(['en', 'zh']).default('en'))
    .action((id: string, flags: { lang: 'en' | 'zh' }) => {
      const text = explainRule(id, flags.lang);
      if (text === null) throw new UsageError(`unknown rule "${id}"; run \`goconc rules\` for the list`);
      io.stdout.write(text.endsWith('\n') ? text : text + '\n');
    });

  try {
    await program.parseAsync(['node', 'goconc', ...argv]);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; commander already printed its message.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`goconc: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

async function scanCommand(patterns: string[], flags: ScanFlags, io: { stdout: NodeJS.WritableStream & { isTTY?: boolean }; stderr: NodeJS.WriteStream }): Promise<number> {
  const rules = selectRules(ALL_RULES, flags.rules, flags.disable);
  const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)) throw new UsageError(`--jobs takes a whole number from 1 to 256, not "${flags.jobs}"`);
  const cwd = process.cwd();
  const progress = new Progress(io.stderr, { enabled: flags.progress && !!io.stderr.isTTY, label: 'goconc' });
  const { result, nothingToScan, cache: cacheReport } = await runScan({
    patterns: patterns.length ? patterns : ['./...'],
    cwd,
    includeTests: flags.tests,
    minConfidence: flags.minConfidence,
    rules,
    knownRuleIds: ALL_RULES.map((r) => r.meta.id),
    jobs,
    progress,
    cache: cacheOption(flags),
  });
  if (cacheReport?.warning) io.stderr.write(`goconc: ${cacheReport.warning}\n`);
  const toTerminal = !flags.output && !!io.stdout.isTTY;
  const color = flags.color && toTerminal && !process.env['NO_COLOR'];
  const text = render(flags.format, result, rules.map((r) => r.meta), {
    color,
    codeFrames: flags.format === 'text',
    readSource: (file) => { try { return readFileSync(resolve(cwd, file), 'utf8'); } catch { return null; } },
  });
  if (flags.output) {
    try {
      writeFileSync(flags.output, text);
    } catch (err) {
      throw new UsageError(`cannot write ${flags.output}: ${(err as Error).message}`);
    }
  } else {
    io.stdout.write(text);
  }
  if (nothingToScan) {
    io.stderr.write(`goconc: no Go files to scan in ${patterns.length ? patterns.join(' ') : './...'}\n`);
    return 2;
  }
  return result.findings.length > 0 ? 1 : 0;
}

/** --no-cache wins over --cache-dir; with neither, the default folder. */
function cacheOption(flags: ScanFlags): { dir: string } | null {
  if (flags.cache === false) return null;
  if (flags.cacheDir !== undefined) {
    if (flags.cacheDir === '') throw new UsageError('--cache-dir needs a folder');
    return { dir: resolve(flags.cacheDir) };
  }
  return { dir: defaultCacheDir() };
}
