import { readFileSync } from 'node:fs';

/**
 * goconc's home page, for SARIF's tool.driver.informationUri. Taken from package.json's
 * `homepage` (absent: undefined) so no address is made up here; SARIF requires an
 * absolute URI, so anything else is ignored.
 */
export const GOCONC_HOMEPAGE: string | undefined = (() => {
  try {
    const url = new URL('../../../package.json', import.meta.url);
    const home = (JSON.parse(readFileSync(url, 'utf8')) as { homepage?: unknown }).homepage;
    return typeof home === 'string' && isAbsoluteUri(home) ? home : undefined;
  } catch {
    return undefined;
  }
})();

export function isAbsoluteUri(s: string): boolean {
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(s) && new URL(s).protocol !== '';
  } catch {
    return false;
  }
}
