import { readFileSync } from 'node:fs';

/** goconc's version, read once from package.json (used in reports and cache keys). */
export const GOCONC_VERSION: string = (() => {
  try {
    const url = new URL('../../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();
