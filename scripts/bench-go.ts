/**
 * The Go side of `npm run bench`: finding the toolchain, installing staticcheck into
 * <repo>/.bench-bin when it is missing, and the peer commands to run on a tree.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface GoToolchain {
  goroot: string;
  /** "go version go1.26.8 linux/amd64" */
  version: string;
}

/** null when go is not on PATH or does not answer. */
export function findGo(): GoToolchain | null {
  try {
    const opts = { encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'], timeout: 30_000 };
    const goroot = execFileSync('go', ['env', 'GOROOT'], opts).trim();
    const version = execFileSync('go', ['version'], opts).trim();
    return goroot ? { goroot, version } : null;
  } catch {
    return null;
  }
}

/** The staticcheck checks about concurrency: the SA2xxx family and SA9001 (defer in range over channel). */
export const STATICCHECK_CHECKS = 'SA2000,SA2001,SA2002,SA2003,SA9001';

export type StaticcheckLookup = { path: string; installed: boolean } | { path: null; reason: string };

/**
 * Uses <repo>/.bench-bin/staticcheck, else one on PATH, else installs it into .bench-bin
 * through the Go module proxy (a normal `go install`, with the user's own caches).
 */
export function ensureStaticcheck(repoRoot: string, timeoutS: number): StaticcheckLookup {
  const binDir = path.join(repoRoot, '.bench-bin');
  const local = path.join(binDir, process.platform === 'win32' ? 'staticcheck.exe' : 'staticcheck');
  if (isExecutable(local)) return { path: local, installed: false };
  const onPath = spawnSync('staticcheck', ['-version'], { stdio: 'ignore', timeout: 30_000 });
  if (onPath.status === 0) return { path: 'staticcheck', installed: false };

  process.stderr.write('bench: staticcheck not found; installing it into .bench-bin (go install honnef.co/go/tools/cmd/staticcheck@latest)\n');
  const res = spawnSync('go', ['install', 'honnef.co/go/tools/cmd/staticcheck@latest'], {
    cwd: repoRoot,
    env: { ...process.env, GOBIN: binDir },
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (res.error) return { path: null, reason: `go install failed: ${res.error.message}` };
  if (res.status !== 0) return { path: null, reason: `go install exited ${res.status}: ${lastLines(res.stderr ?? '', 3)}` };
  return isExecutable(local) ? { path: local, installed: true } : { path: null, reason: `go install succeeded but ${local} is missing` };
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function lastLines(text: string, n: number): string {
  return text.trimEnd().split('\n').slice(-n).join(' | ');
}

export interface PeerCommand {
  tool: string;
  command: string;
  args: string[];
  cwd: string;
  /** Extra environment; each peer gets fresh cache folders (see bench.ts). */
  cacheVars: string[];
}

/**
 * What to run on one tree. GOROOT/src is the module "std", so the pattern is `std`;
 * any other tree needs its own go.mod (the pattern is then ./...). null says why not.
 */
export function peerCommands(tree: string, goroot: string | null, staticcheck: string | null): { commands: PeerCommand[]; skipped: string | null } {
  const isStd = goroot !== null && path.resolve(tree) === path.resolve(goroot, 'src');
  if (!isStd && !fs.existsSync(path.join(tree, 'go.mod'))) {
    return { commands: [], skipped: 'no go.mod at the root of the tree' };
  }
  const pattern = isStd ? 'std' : './...';
  const commands: PeerCommand[] = [{ tool: 'go vet', command: 'go', args: ['vet', pattern], cwd: tree, cacheVars: ['GOCACHE'] }];
  if (staticcheck !== null) {
    commands.push({
      tool: `staticcheck ${STATICCHECK_CHECKS}`,
      command: staticcheck,
      args: ['-checks', STATICCHECK_CHECKS, pattern],
      cwd: tree,
      cacheVars: ['GOCACHE', 'STATICCHECK_CACHE'],
    });
  }
  return { commands, skipped: null };
}
