/** Parses the standard-library models once per process. */
import { parseGoSource } from '../../syntax/parse.js';
import type { ParsedPackage } from '../program.js';
import { STDLIB_SOURCES } from './sources.js';

let cached: ParsedPackage[] | null = null;

export function stdlibPackages(): ParsedPackage[] {
  if (!cached) {
    cached = Object.entries(STDLIB_SOURCES).map(([importPath, src]) => ({
      ref: null,
      importPath,
      files: [{ ast: parseGoSource(src, `$GOROOT/${importPath}/model.go`), ref: null }],
    }));
  }
  return cached;
}
