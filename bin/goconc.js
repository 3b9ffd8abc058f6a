#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (prepare script).
// Large scans (a whole standard library, a monorepo) need more heap than Node's default;
// the launcher re-runs itself once with a limit sized to the machine instead of dying.
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const wantMB = Math.max(2048, Math.min(16384, Math.floor((totalmem() / 1048576) * 0.75)));
const hasLimit = process.execArgv.some((a) => a.startsWith('--max-old-space-size')) || (process.env.NODE_OPTIONS ?? '').includes('max-old-space-size');

if (!hasLimit && process.env.GOCONC_CHILD !== '1') {
  // A larger young generation: the facts build allocates many short-lived objects, and
  // with the default size the scavenger alone took about 9 s of a standard-library scan
  // (4.7 s at 64 MB).
  const child = spawn(process.execPath, [`--max-old-space-size=${wantMB}`, '--max-semi-space-size=64', '--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, GOCONC_CHILD: '1' },
  });
  const forward = (sig) => () => { child.kill(sig); };
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, forward(sig));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.stderr.write(`goconc: stopped by ${signal}\n`);
      process.exitCode = 2;
    } else process.exitCode = code ?? 2;
  });
} else {
  const { main } = await import('../dist/src/cli/main.js');
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => {
      process.stderr.write(`goconc: internal error: ${err && err.message ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
