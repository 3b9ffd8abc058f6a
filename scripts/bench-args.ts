/**
 * Command line of `npm run bench`: pure parsing, no side effects, so it can be unit tested.
 *
 *   npm run bench -- [tree ...] [--no-peers] [--peers-timeout SECONDS] [--json FILE] [--no-goroot]
 */

export interface BenchOptions {
  /** Extra trees to scan besides GOROOT/src, as given (resolved later against the cwd). */
  trees: string[];
  /** Run go vet and staticcheck as peers. */
  peers: boolean;
  /** Each peer run is killed after this many seconds. */
  peersTimeoutS: number;
  /** Write the figures as JSON to this file. */
  json: string | null;
  /** Scan GOROOT/src (default true; --no-goroot measures only the trees given). */
  goroot: boolean;
  help: boolean;
}

export const DEFAULT_PEERS_TIMEOUT_S = 600;

export const BENCH_USAGE = `usage: npm run bench -- [tree ...] [options]

Measures goconc on $(go env GOROOT)/src and on each tree given, next to a single-threaded
tree-sitter parse of the same files and, unless --no-peers, go vet and staticcheck.

options:
  --no-peers               skip go vet and staticcheck
  --peers-timeout SECONDS  kill a peer run after this long (default ${DEFAULT_PEERS_TIMEOUT_S})
  --json FILE              also write the figures as JSON
  --no-goroot              do not scan the standard library, only the trees given
  -h, --help               this text
`;

export class BenchUsageError extends Error {}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const opts: BenchOptions = { trees: [], peers: true, peersTimeoutS: DEFAULT_PEERS_TIMEOUT_S, json: null, goroot: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // Accept both "--flag value" and "--flag=value".
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined || v === '') throw new BenchUsageError(`${name} needs a value`);
      return v;
    };
    const noValue = (): void => {
      if (inline !== undefined) throw new BenchUsageError(`${name} takes no value`);
    };
    switch (name) {
      case '--no-peers': noValue(); opts.peers = false; break;
      case '--no-goroot': noValue(); opts.goroot = false; break;
      case '-h': case '--help': noValue(); opts.help = true; break;
      case '--json': opts.json = value(); break;
      case '--peers-timeout': opts.peersTimeoutS = parseSeconds(value()); break;
      default:
        if (arg.startsWith('-')) throw new BenchUsageError(`unknown option ${arg}`);
        opts.trees.push(arg);
    }
  }
  if (!opts.goroot && opts.trees.length === 0 && !opts.help) throw new BenchUsageError('--no-goroot needs at least one tree to scan');
  return opts;
}

function parseSeconds(s: string): number {
  if (!/^\d+(\.\d+)?$/.test(s)) throw new BenchUsageError(`--peers-timeout: "${s}" is not a number of seconds`);
  const n = Number(s);
  if (n <= 0) throw new BenchUsageError('--peers-timeout must be more than 0 seconds');
  return n;
}
