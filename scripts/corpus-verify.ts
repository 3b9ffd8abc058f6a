/**
 * npm run corpus:verify [-- <corpus-dir>]
 *
 * Proves every corpus label with the Go toolchain: buggy cases must show their failure
 * (race report, panic, fatal error), fixed twins and clean look-alikes must pass clean.
 * Cases are grouped so that one `go test -json` process covers every package of a
 * module that needs the same flags. Prints one line per case and `N passed, N failed`;
 * exits 1 on any failure. Without a Go toolchain it says so and exits 0.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverCorpus, type CorpusCase, type Proof } from './eval-corpus.js';
import {
  goTestArgs,
  goTestEnv,
  judgeCase,
  modeKey,
  parseTestJson,
  planRuns,
  proofSteps,
  type PackageResult,
  type ProofStep,
} from './eval-proof.js';

interface Exec {
  code: number | null;
  stdout: string;
  stderr: string;
  missing: boolean;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string>): Promise<Exec> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ code: null, stdout: '', stderr: e.message, missing: e.code === 'ENOENT' }),
    );
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), missing: false }),
    );
  });
}

function defaultCorpusDir(): string {
  // dist/scripts/corpus-verify.js -> repository root
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpus');
}

async function main(argv: string[]): Promise<number> {
  const corpusDir = path.resolve(argv[0] ?? defaultCorpusDir());
  const started = Date.now();

  const version = await run('go', ['version'], corpusDir, {});
  if (version.missing) {
    console.log('corpus:verify skipped: go toolchain not found');
    return 0;
  }

  const { cases, broken } = discoverCorpus(corpusDir);
  if (cases.length + broken.length === 0) {
    console.log(`corpus:verify: no cases (no expect.json) under ${corpusDir}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const lines = new Map<string, string>();
  let passed = 0;
  let failed = 0;
  for (const b of broken) {
    lines.set(b.id, `FAIL ${b.id}: ${b.errors.join('; ')}`);
    failed++;
  }

  const twinProof = new Map<string, Proof>();
  for (const c of cases) twinProof.set(`${c.module.dir}\u0000${c.moduleRel}`, c.expect.proof);
  const stepsOf = new Map<CorpusCase, ProofStep[]>();
  for (const c of cases) {
    const twin = c.expect.kind === 'fixed' && c.expect.twin ? twinProof.get(`${c.module.dir}\u0000cases/${c.expect.twin}`) : undefined;
    stepsOf.set(c, proofSteps(c, twin));
  }

  const plan = planRuns([...stepsOf].flatMap(([c, steps]) => steps.map((step) => ({ c, step }))));
  const results = new Map<string, Map<string, PackageResult>>();
  for (const r of plan) {
    const rel = path.relative(corpusDir, r.moduleDir) || '.';
    process.stderr.write(`go ${goTestArgs(r.mode).join(' ')} (${modeKey(r.mode)}) in ${rel}: ${r.packages.length} packages\n`);
    const exec = await run('go', [...goTestArgs(r.mode), ...r.packages], r.moduleDir, goTestEnv(r.mode));
    const parsed = parseTestJson(exec.stdout);
    if (parsed.packages.size === 0) {
      process.stderr.write(`go test produced no package results (exit ${String(exec.code)}):\n${exec.stderr}${parsed.other.join('\n')}\n`);
    }
    results.set(`${r.moduleDir}\u0000${modeKey(r.mode)}`, parsed.packages);
  }

  for (const [c, steps] of stepsOf) {
    const verdict = judgeCase(steps, (step) => results.get(`${c.module.dir}\u0000${modeKey(step.mode)}`)?.get(c.importPath));
    if (verdict.ok) {
      passed++;
      lines.set(c.id, `ok   ${c.id} (${c.expect.kind}, ${c.expect.proof.how})`);
    } else {
      failed++;
      lines.set(c.id, `FAIL ${c.id}: ${verdict.reason}`);
    }
  }

  for (const id of [...lines.keys()].sort()) console.log(lines.get(id));
  console.log(`corpus:verify: ${cases.length + broken.length} cases in ${((Date.now() - started) / 1000).toFixed(1)}s (${version.stdout.trim()})`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`corpus:verify: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
