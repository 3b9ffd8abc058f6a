/**
 * A fingerprint of the goconc build that produced an entry. The version in package.json
 * is not enough: a development build changes rules and the parser without bumping it,
 * and a stale result served from the cache would be a lie. So the fingerprint also
 * hashes every compiled module of goconc (dist/src, about 80 files, a few ms) and the
 * tree-sitter-go version.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GOCONC_VERSION } from '../core/version.js';

let memo: string | null = null;

export function engineId(): string {
  if (memo !== null) return memo;
  const h = createHash('sha256');
  h.update(`goconc ${GOCONC_VERSION}\n`);
  h.update(`tree-sitter-go ${treeSitterGoVersion()}\n`);
  const srcRoot = fileURLToPath(new URL('../', import.meta.url));
  for (const file of compiledModules(srcRoot)) {
    h.update(`${file}\n`);
    try { h.update(readFileSync(join(srcRoot, file))); } catch { h.update('unreadable'); }
  }
  memo = `${GOCONC_VERSION}+${h.digest('hex').slice(0, 16)}`;
  return memo;
}

/** Relative paths of the .js files under `root`, sorted so the hash is stable. */
function compiledModules(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let entries;
    try { entries = readdirSync(join(root, rel), { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) out.push(p);
    }
  };
  walk('');
  return out.sort();
}

function treeSitterGoVersion(): string {
  try {
    const url = new URL('../../../node_modules/tree-sitter-go/package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
