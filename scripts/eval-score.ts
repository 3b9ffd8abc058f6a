/**
 * Scoring goconc's findings against the corpus labels, as pure functions.
 *
 * - A buggy case is caught when a finding of its rule sits on one of its labelled lines.
 * - A fixed twin or clean look-alike is silent when no finding (any rule) is in its folder.
 * - A stray finding is one in a case's folder that is not an expected finding of that
 *   case: every finding in fixed and clean cases, and in buggy cases any finding of
 *   another rule or on an unlabelled line. Strays count against the finding's rule.
 * Catch and silence count against the case's rule.
 */

export interface ScoredFinding {
  rule: string;
  file: string;
  line: number;
  message?: string;
}

export interface ScoredCase {
  /** Folder relative to the scan's working directory, `/`-separated (e.g. corpus/cases/data-race/x). */
  dir: string;
  rule: string;
  kind: 'buggy' | 'fixed' | 'clean';
  /** Labelled lines, file names relative to `dir`. */
  expect: { file: string; line: number }[];
}

export interface RuleScore {
  buggy: number;
  caught: number;
  fixed: number;
  fixedSilent: number;
  clean: number;
  cleanSilent: number;
  stray: number;
  /** Case dirs of buggy cases that were not caught. */
  missed: string[];
  /** Case dirs of fixed/clean cases with findings. */
  noisy: string[];
}

export interface StrayFinding extends ScoredFinding {
  caseDir: string;
}

export interface Score {
  /** Per rule, sorted by rule id; the "_total" row sums every rule. */
  rules: Map<string, RuleScore>;
  total: RuleScore;
  strays: StrayFinding[];
  /** Findings in no case folder (other corpus files, or outside the corpus). */
  unassigned: ScoredFinding[];
}

function emptyScore(): RuleScore {
  return { buggy: 0, caught: 0, fixed: 0, fixedSilent: 0, clean: 0, cleanSilent: 0, stray: 0, missed: [], noisy: [] };
}

function dirOf(file: string): string {
  const norm = file.replace(/\\/g, '/').replace(/^\.\//, '');
  const i = norm.lastIndexOf('/');
  return i < 0 ? '' : norm.slice(0, i);
}

function baseOf(file: string): string {
  const norm = file.replace(/\\/g, '/');
  return norm.slice(norm.lastIndexOf('/') + 1);
}

/** Assigns findings to cases by folder (a case is one Go package: findings in its folder only). */
export function assignFindings(cases: ScoredCase[], findings: ScoredFinding[]): {
  byCase: Map<string, ScoredFinding[]>;
  unassigned: ScoredFinding[];
} {
  const byCase = new Map<string, ScoredFinding[]>();
  for (const c of cases) byCase.set(normDir(c.dir), []);
  const unassigned: ScoredFinding[] = [];
  for (const f of findings) {
    const list = byCase.get(dirOf(f.file));
    if (list) list.push(f);
    else unassigned.push(f);
  }
  return { byCase, unassigned };
}

function normDir(dir: string): string {
  return dir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

/** True when the finding is one the buggy case expects. */
export function isExpected(c: ScoredCase, f: ScoredFinding): boolean {
  return c.kind === 'buggy' && f.rule === c.rule && c.expect.some((e) => e.file === baseOf(f.file) && e.line === f.line);
}

export function scoreCorpus(cases: ScoredCase[], findings: ScoredFinding[]): Score {
  const rules = new Map<string, RuleScore>();
  const row = (rule: string): RuleScore => {
    let r = rules.get(rule);
    if (!r) {
      r = emptyScore();
      rules.set(rule, r);
    }
    return r;
  };
  const { byCase, unassigned } = assignFindings(cases, findings);
  const strays: StrayFinding[] = [];
  for (const c of cases) {
    const dir = normDir(c.dir);
    const found = byCase.get(dir) ?? [];
    const r = row(c.rule);
    if (c.kind === 'buggy') {
      r.buggy++;
      if (found.some((f) => isExpected(c, f))) r.caught++;
      else r.missed.push(dir);
    } else if (c.kind === 'fixed') {
      r.fixed++;
      if (found.length === 0) r.fixedSilent++;
      else r.noisy.push(dir);
    } else {
      r.clean++;
      if (found.length === 0) r.cleanSilent++;
      else r.noisy.push(dir);
    }
    for (const f of found) {
      if (isExpected(c, f)) continue;
      row(f.rule).stray++;
      strays.push({ ...f, caseDir: dir });
    }
  }
  const sorted = new Map([...rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const r of sorted.values()) {
    r.missed.sort();
    r.noisy.sort();
  }
  const total = emptyScore();
  for (const r of sorted.values()) {
    total.buggy += r.buggy;
    total.caught += r.caught;
    total.fixed += r.fixed;
    total.fixedSilent += r.fixedSilent;
    total.clean += r.clean;
    total.cleanSilent += r.cleanSilent;
    total.stray += r.stray;
    total.missed.push(...r.missed);
    total.noisy.push(...r.noisy);
  }
  total.missed.sort();
  total.noisy.sort();
  return { rules: sorted, total, strays, unassigned };
}

export interface Threshold {
  minCaught?: number;
  minSilent?: number;
  maxStray?: number;
}

export type Thresholds = Record<string, Threshold>;

/** Caught share of buggy cases; undefined when the rule has no buggy case. */
export function caughtRatio(r: RuleScore): number | undefined {
  return r.buggy === 0 ? undefined : r.caught / r.buggy;
}

/** Silent share of fixed twins and clean look-alikes together; undefined when there are none. */
export function silentRatio(r: RuleScore): number | undefined {
  const n = r.fixed + r.clean;
  return n === 0 ? undefined : (r.fixedSilent + r.cleanSilent) / n;
}

/**
 * Compares scores with thresholds. Rules absent from the thresholds are not gated;
 * "_total" gates the sum. A ratio with no cases behind it cannot fail.
 * Returns one message per violated threshold, empty when everything holds.
 */
export function checkThresholds(score: Score, thresholds: Thresholds): string[] {
  const failures: string[] = [];
  const names = Object.keys(thresholds).sort();
  for (const name of names) {
    const t = thresholds[name]!;
    const r = name === '_total' ? score.total : score.rules.get(name) ?? emptyScore();
    const caught = caughtRatio(r);
    const silent = silentRatio(r);
    if (t.minCaught !== undefined && caught !== undefined && caught < t.minCaught) {
      failures.push(`${name}: caught ${pct(caught)} (${r.caught}/${r.buggy}) is below minCaught ${pct(t.minCaught)}`);
    }
    if (t.minSilent !== undefined && silent !== undefined && silent < t.minSilent) {
      failures.push(
        `${name}: silent ${pct(silent)} (${r.fixedSilent + r.cleanSilent}/${r.fixed + r.clean}) is below minSilent ${pct(t.minSilent)}`,
      );
    }
    if (t.maxStray !== undefined && r.stray > t.maxStray) {
      failures.push(`${name}: ${r.stray} stray findings exceed maxStray ${t.maxStray}`);
    }
  }
  return failures;
}

/** Validates a parsed thresholds.json; returns problems (empty means usable). */
export function validateThresholds(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['thresholds must be an object'];
  const errors: string[] = [];
  for (const [name, t] of Object.entries(value)) {
    if (typeof t !== 'object' || t === null || Array.isArray(t)) {
      errors.push(`${name}: must be an object`);
      continue;
    }
    for (const [k, v] of Object.entries(t)) {
      if (k === 'minCaught' || k === 'minSilent') {
        if (typeof v !== 'number' || v < 0 || v > 1) errors.push(`${name}.${k}: must be a number from 0 to 1`);
      } else if (k === 'maxStray') {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) errors.push(`${name}.${k}: must be a whole number >= 0`);
      } else errors.push(`${name}.${k}: unknown threshold`);
    }
  }
  return errors;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(0)}%`;
}

/** The per-rule table, fixed-width, one row per rule and a _total row. */
export function formatTable(score: Score, thresholds: Thresholds): string {
  const header = ['rule', 'caught', 'fixed silent', 'clean silent', 'stray', 'gated'];
  const rows: string[][] = [];
  const line = (name: string, r: RuleScore): string[] => [
    name,
    `${r.caught}/${r.buggy}`,
    `${r.fixedSilent}/${r.fixed}`,
    `${r.cleanSilent}/${r.clean}`,
    String(r.stray),
    name in thresholds ? 'yes' : 'no',
  ];
  for (const [name, r] of score.rules) rows.push(line(name, r));
  rows.push(line('_total', score.total));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
}
