/**
 * The pair search every race rule shares: for each location, pairs of accesses that
 * conflict, run in contexts that can overlap with no ordering between them, and hold
 * no common lock. One finding per primary access (the write, the close).
 */
import type { Confidence, RelatedLocation } from '../../core/findings.js';
import type { Access } from '../../concurrency/accesses.js';
import type { ConcurrencyFacts, ConcurrentPair } from '../../concurrency/facts.js';
import type { RuleContext } from '../rule.js';

export interface RacePair {
  primary: Access;
  other: Access;
  pair: ConcurrentPair;
}

export interface RaceSearch {
  /** Which location keys this rule looks at. */
  keys: (key: string) => boolean;
  /** Whether a is a primary access (reported) conflicting with b. */
  conflicts: (a: Access, b: Access) => boolean;
}

/** Finds, for every primary access, its best conflicting partner. Deterministic. */
export function findRaces(facts: ConcurrencyFacts, search: RaceSearch): RacePair[] {
  const out: RacePair[] = [];
  const keys = [...facts.accessesByKey.keys()].filter(search.keys).sort();
  for (const key of keys) {
    const list = facts.accessesByKey.get(key)!;
    if (list.length > 400) continue; // pathological fan-in: too costly, too vague to report
    for (const a of list) {
      let best: RacePair | null = null;
      for (const b of list) {
        if (!search.conflicts(a, b)) continue;
        const pair = facts.concurrentPair(a, b);
        if (!pair) continue;
        if (facts.commonLock(a, b)) continue;
        if (!best || rank(pair.confidence) > rank(best.pair.confidence)) best = { primary: a, other: b, pair };
        if (best.pair.confidence === 'high') break;
      }
      if (best) out.push(best);
    }
  }
  return out;
}

/** Trace and related locations for a race finding. */
export function raceEvidence(facts: ConcurrencyFacts, r: RacePair, primaryLabel: string, otherLabel: string): { trace: string[]; related: RelatedLocation[] } {
  const trace = [
    ...facts.describeSide(primaryLabel, r.primary, r.pair.a),
    ...facts.describeSide(otherLabel, r.other, r.pair.b),
  ];
  const related: RelatedLocation[] = [
    { file: r.other.fn.file.ast.path, line: r.other.span[0], column: r.other.span[1], message: `${otherLabel}: ${r.other.text} in ${r.other.fn.name}` },
  ];
  for (const [label, a, c] of [[primaryLabel, r.primary, r.pair.a], [otherLabel, r.other, r.pair.b]] as const) {
    if (c.file) related.push({ file: c.file, line: c.span[0], column: c.span[1], message: `${label} runs in: ${c.describe}` });
    void a;
  }
  return { trace, related };
}

export function lockSummary(facts: ConcurrencyFacts, a: Access): string {
  const l = facts.locksOf(a);
  return l.length ? `holding ${l.map((x) => x.text + (x.mode === 'r' ? ' (read lock)' : '')).join(', ')}` : 'holding no lock';
}

export function rank(c: Confidence): number {
  return c === 'high' ? 2 : c === 'medium' ? 1 : 0;
}

export function where(a: Access): string {
  return `${a.fn.file.ast.path}:${a.span[0]}`;
}
