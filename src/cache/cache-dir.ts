/**
 * Where the cache lives by default: `$XDG_CACHE_HOME/goconc`, else `~/.cache/goconc`,
 * else `<tmpdir>/goconc-cache` (no home directory, as in some containers and CI jobs).
 * `--cache-dir` overrides it.
 */
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, home: () => string = homedir): string {
  const xdg = env['XDG_CACHE_HOME'];
  // The XDG spec says relative values are invalid and must be ignored.
  if (xdg && isAbsolute(xdg)) return join(xdg, 'goconc');
  let h = '';
  try { h = home(); } catch { h = ''; }
  if (h && isAbsolute(h)) return join(h, '.cache', 'goconc');
  return join(tmpdir(), 'goconc-cache');
}
