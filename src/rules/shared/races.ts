/**
 * The pair search every race rule shares: for each location, pairs of accesses that
 * conflict, run in contexts that can overlap with no ordering between them, and hold
 * no common lock. One finding per primary access (the write, the close).
 */
import type { Confidence, RelatedLocation } from '../../core/findings.js';
import { checkedClose, waitsBefore, type Access } from '../../concurrency/accesses.js';
import type { ConcurrencyFacts, ConcurrentPair } from '../../concurrency/facts.js';
import type { GoroutineContext } from '../../concurrency/entries.js';

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
  /** Pairs count whichever runs first (see ConcurrencyFacts.concurrentPair). */
  anyOrder?: boolean;
}

/**
 * Finds, for every primary access, its best conflicting partner. Deterministic.
 * Accesses of one function that agree on kind, locks and loop are checked once: they
 * pair with the same partners (the first of them stands for the rest).
 */
export function findRaces(facts: ConcurrencyFacts, search: RaceSearch): RacePair[] {
  const out: RacePair[] = [];
  const keys = [...facts.accessesByKey.keys()].filter(search.keys).sort();
  for (const key of keys) {
    const list = facts.accessesByKey.get(key)!;
    const reps = new Map<string, Access>();
    const repOf = new Map<Access, Access>();
    for (const a of list) {
      const k = repKey(facts, a);
      const r = reps.get(k);
      if (r) repOf.set(a, r);
      else { reps.set(k, a); repOf.set(a, a); }
    }
    const distinct = [...reps.values()];
    if (distinct.length > MAX_DISTINCT) continue; // too many sites to pair; too vague to report
    const best = new Map<Access, RacePair | null>();
    for (const a of distinct) {
      let found: RacePair | null = null;
      for (const b of distinct) {
        if (disjointParts(a, b) || !search.conflicts(a, b)) continue;
        const pair = facts.concurrentPair(a, b, { anyOrder: search.anyOrder ?? false });
        if (!pair) continue;
        if ((!search.anyOrder || (checkedClose(a) && checkedClose(b))) && facts.commonLock(a, b, pair)) continue;
        if (!found || rank(pair.confidence) > rank(found.pair.confidence)) found = { primary: a, other: b, pair };
        if (found.pair.confidence === 'high') break;
      }
      best.set(a, found);
    }
    for (const a of list) {
      const r = best.get(repOf.get(a)!);
      if (r) out.push({ primary: a, other: r.other === repOf.get(a) ? a : r.other, pair: r.pair });
    }
  }
  return out;
}

/** Two accesses to different fields of one element (see Access.part): neither field
 * path is a prefix of the other. */
function disjointParts(a: Access, b: Access): boolean {
  if (!a.part || !b.part) return false;
  const [x, y] = a.part.length <= b.part.length ? [a.part, b.part] : [b.part, a.part];
  return x !== y && !y.startsWith(x + '.');
}

/** Rep keys of accesses, per facts: every race rule groups the same accesses. */
const repKeys = new WeakMap<ConcurrencyFacts, Map<Access, string>>();

/** What an access must agree on with another to stand for it (see findRaces). */
function repKey(facts: ConcurrencyFacts, a: Access): string {
  let byAccess = repKeys.get(facts);
  if (!byAccess) {
    byAccess = new Map();
    repKeys.set(facts, byAccess);
  }
  let k = byAccess.get(a);
  if (k === undefined) {
    k = `${a.fn.id}|${a.kind}|${a.atomicLoad ? 1 : 0}|${a.inOnce ? 1 : 0}|${a.guarded ? 1 : 0}|${a.confined ? 1 : 0}|${a.place.root?.id ?? '-'}|${a.place.path.join('.')}|${a.part ?? ''}|${a.loop ? a.loop.join(':') : ''}|${facts.locksOf(a).map((l) => l.key + l.mode).sort().join(',')}|${waitsAhead(facts, a)}`;
    byAccess.set(a, k);
  }
  return k;
}

/** The receives in select cases of a's function that come before it: a receive in one
 * case orders only that case's code (and what follows the select), so `case <-done:
 * return p.code` and `case <-time.After(d): return p.code` are ordered differently and
 * cannot stand for each other. Other waits are left out of the grouping, as before. */
function waitsAhead(facts: ConcurrencyFacts, a: Access): string {
  const ws = facts.funcFacts.get(a.fn)?.waits;
  if (!ws?.length) return '';
  let out = '';
  ws.forEach((w, i) => { if ((w.scope || w.excluded) && waitsBefore(w, a.span)) out += `${i},`; });
  return out;
}

/** Locations accessed from more distinct places than this are skipped. */
const MAX_DISTINCT = 300;

/** Trace and related locations for a race finding. */
export function raceEvidence(facts: ConcurrencyFacts, r: RacePair, primaryLabel: string, otherLabel: string): { trace: string[]; related: RelatedLocation[] } {
  const trace = [
    ...facts.describeSide(primaryLabel, r.primary, r.pair.a, { access: r.other, ctx: r.pair.b }),
    ...facts.describeSide(otherLabel, r.other, r.pair.b, { access: r.primary, ctx: r.pair.a }),
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

/** The locks held at an access as the goroutine of the finding runs it. */
export function lockSummary(facts: ConcurrencyFacts, a: Access, ctx: GoroutineContext): string {
  const l = facts.locksIn(a, ctx);
  return l.length ? `holding ${l.map((x) => x.text + (x.mode === 'r' ? ' (read lock)' : '')).join(', ')}` : 'holding no lock';
}

/** Why a lock both sides hold does not keep them apart (see ConcurrentPair.perCallLocks). */
export function perCallNote(pair: ConcurrentPair): string {
  const l = pair.perCallLocks?.[0];
  return l ? `; ${l.text} is declared inside ${l.declaredIn}, so each call makes its own mutex, and goroutines started by two calls running at once do not exclude each other` : '';
}

export function rank(c: Confidence): number {
  return c === 'high' ? 2 : c === 'medium' ? 1 : 0;
}

export function where(a: Access): string {
  return `${a.fn.file.ast.path}:${a.span[0]}`;
}
