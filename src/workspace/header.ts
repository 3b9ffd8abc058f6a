/**
 * Reads the build constraints from a Go file's header (the comments and blank lines
 * before the package clause) and decides which targets the file builds for, with the
 * same rules as go/build: a `//go:build` line anywhere in the leading comments wins;
 * otherwise every `// +build` line that is followed by a blank line is ANDed together.
 */
import type { Target } from './types.js';
import {
  evalBuildExpr,
  fileNameTargets,
  matchTag,
  isGoBuildLine,
  isPlusBuildLine,
  parseBuildExpr,
  parsePlusBuildLine,
  type BuildExpr,
} from './constraints.js';

export interface HeaderLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
}

export interface FileHeader {
  goBuild: HeaderLine | null;
  /** Legacy lines that count: those before the header's last blank line. */
  plusBuild: HeaderLine[];
  /** Extra `//go:build` lines (Go refuses a file with more than one). */
  extraGoBuild: HeaderLine[];
  /** True when the scan reached non-comment text (normally the package clause); false
   * when the text ended inside the header, so a longer read could find more. */
  complete: boolean;
}

export function scanFileHeader(text: string): FileHeader {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let goBuild: HeaderLine | null = null;
  const extraGoBuild: HeaderLine[] = [];
  const plusCandidates: HeaderLine[] = [];
  // Lines before this index are the part of the header a blank line closes off; only
  // `// +build` lines inside it count (they must be followed by a blank line).
  let closedUpTo = 0;
  let ended = false; // saw a line that is neither blank nor a // comment
  let inBlockComment = false;
  let complete = false;

  // Lines are cut one at a time: the scan usually stops at the package clause, long
  // before the end of the text it was given.
  let start = 0;
  scan: for (let i = 0; start <= src.length; i++) {
    let nl = src.indexOf('\n', start);
    if (nl < 0) nl = src.length;
    let line = src.slice(start, nl).trim();
    start = nl + 1;
    if (line === '' && !ended) {
      closedUpTo = i;
      continue;
    }
    if (!line.startsWith('//')) ended = true;
    if (!inBlockComment && isGoBuildLine(line)) {
      const entry = { line: i + 1, text: line };
      if (goBuild === null) goBuild = entry;
      else extraGoBuild.push(entry);
    }
    if (!inBlockComment && !ended && isPlusBuildLine(line)) plusCandidates.push({ line: i + 1, text: line });

    // Consume comments on this line; any other text ends the header.
    while (line.length > 0) {
      if (inBlockComment) {
        const close = line.indexOf('*/');
        if (close < 0) continue scan;
        inBlockComment = false;
        line = line.slice(close + 2).trim();
        continue;
      }
      if (line.startsWith('//')) continue scan;
      if (line.startsWith('/*')) {
        inBlockComment = true;
        line = line.slice(2).trim();
        continue;
      }
      complete = true;
      break scan;
    }
  }
  const plusBuild = plusCandidates.filter((p) => p.line - 1 < closedUpTo);
  return { goBuild, plusBuild, extraGoBuild, complete };
}

export interface ConstraintResult {
  targets: Target[];
  /** Problems with the constraint lines themselves (line is 1-based). */
  problems: { line: number; message: string }[];
}

/**
 * The targets a file builds for, with the problems found on the way. A malformed
 * `//go:build` line is reported and then disregarded (the file is kept for the targets
 * its name allows): analysing a file Go would refuse is better than silently losing it.
 */
export function evaluateFileConstraints(
  header: string,
  fileName: string,
  targets: readonly Target[],
  goVersion?: string | null,
): ConstraintResult {
  const h = scanFileHeader(header);
  const problems: ConstraintResult['problems'] = [];
  for (const extra of h.extraGoBuild) {
    problems.push({ line: extra.line, message: 'multiple //go:build lines; only the first is used' });
  }
  let exprTexts: string[] = [];
  if (h.goBuild) {
    try {
      parseBuildExpr(h.goBuild.text);
      exprTexts = [h.goBuild.text];
    } catch (e) {
      problems.push({ line: h.goBuild.line, message: (e as Error).message });
    }
  } else {
    exprTexts = h.plusBuild.map((p) => p.text);
  }
  const { goos, goarch } = fileNameTargets(fileName);
  // Most files carry no constraint at all: skip the per-target evaluation.
  if (exprTexts.length === 0 && goos === undefined && goarch === undefined) {
    return { targets: [...targets], problems };
  }
  return { targets: [...selectTargets(exprTexts, goos, goarch, targets, goVersion ?? null)], problems };
}

/** Memo of target subsets: a tree has few distinct constraint combinations (GOROOT/src
 * has a few hundred for 5,000 files), so each is evaluated once per target list. */
const selectionCache = new WeakMap<readonly Target[], Map<string, readonly Target[]>>();
const SELECTION_CACHE_LIMIT = 10_000;

function selectTargets(
  exprTexts: string[],
  goos: string | undefined,
  goarch: string | undefined,
  targets: readonly Target[],
  goVersion: string | null,
): readonly Target[] {
  let cache = selectionCache.get(targets);
  if (!cache) {
    cache = new Map();
    selectionCache.set(targets, cache);
  }
  const key = JSON.stringify([exprTexts, goos ?? '', goarch ?? '', goVersion ?? '']);
  const hit = cache.get(key);
  if (hit) return hit;
  const exprs: BuildExpr[] = exprTexts.map((text) =>
    isGoBuildLine(text) ? parseBuildExpr(text) : parsePlusBuildLine(text),
  );
  const kept = targets.filter(
    (t) =>
      (goos === undefined || matchTag(goos, t)) &&
      (goarch === undefined || matchTag(goarch, t)) &&
      exprs.every((x) => evalBuildExpr(x, t, goVersion)),
  );
  if (cache.size >= SELECTION_CACHE_LIMIT) cache.clear();
  cache.set(key, kept);
  return kept;
}

/** The subset of `targets` a file with this header and name builds for. */
export function fileTargets(
  header: string,
  fileName: string,
  targets: Target[],
  goVersion?: string | null,
): Target[] {
  return evaluateFileConstraints(header, fileName, targets, goVersion).targets;
}
