/**
 * data-race (field guide §5): a field, package variable, captured local or constant-index
 * element written in one goroutine and accessed in another with no common lock and no
 * ordering between them; writes under a read lock; plain access mixed with sync/atomic.
 */
import type { RuleMeta } from '../../core/rule-meta.js';
import { WRITTEN_KEY, type Access } from '../../concurrency/accesses.js';
import type { Rule, RuleContext } from '../rule.js';
import { findRaces, lockSummary, perCallNote, raceEvidence, where } from '../shared/races.js';
import { checkPoolAfterPut } from './pool-after-put.js';
import { checkBufferReuse } from './buffer-reuse.js';
import { bypassesOnce } from '../shared/once-bypass.js';
import type * as ast from '../../syntax/ast.js';
import { walk } from '../../syntax/walk.js';
import { unparen } from '../../model/checker.js';
import { placeOf } from '../../concurrency/places.js';
import { spanContains } from '../../concurrency/spans.js';
import type { ConcurrencyFacts } from '../../concurrency/facts.js';

export const meta: RuleMeta = {
  id: 'data-race',
  title: 'Shared variable or field accessed concurrently without synchronization',
  severity: 'error',
  defaultConfidence: 'high',
  fixable: false,
  category: '§5 Data races on shared objects and fields',
  docs: 'docs/rules/data-race.md',
};

const isPlainWrite = (a: Access) => a.kind === 'write';
const isAtomicWrite = (a: Access) => a.kind === 'atomic' && !a.atomicLoad;

function check(ctx: RuleContext): void {
  const facts = ctx.facts();
  const races = findRaces(facts, {
    keys: (k) => k.startsWith('field:') || k.startsWith('pkgvar:') || k.startsWith('var:'),
    conflicts: (a, b) => {
      // A once body is ordered with the code that calls Do on its Once, not with code
      // that reads its results without going through the Once.
      if ((a.inOnce || b.inOnce) && !bypassesOnce(facts, a, b) && !bypassesOnce(facts, b, a)) return false;
      // Primary: a plain write racing with any access, or a plain read racing with an atomic write.
      if (isPlainWrite(a) && b.kind === 'read' && initSeenBefore(facts, a, b)) return false;
      if (isPlainWrite(a)) return b.kind === 'read' || b.kind === 'write' || b.kind === 'atomic';
      if (a.kind === 'read') return isAtomicWrite(b);
      return false;
    },
  });
  // A call like `w.Flush()` on a shared bufio.Writer races both on the writer's own state
  // and on the buffer it writes into; one report at that call says it.
  const spanKey = (a: Access) => `${a.fn.file}:${a.span.join(':')}`;
  const libStateAt = new Set(races.filter((r) => r.primary.libState).map((r) => spanKey(r.primary)));
  for (const r of races) {
    const a = r.primary;
    const b = r.other;
    if (a.key === WRITTEN_KEY && a.sinkHolder && libStateAt.has(spanKey(a))) continue;
    const what = a.key === WRITTEN_KEY ? (a.sinkHolder ? `the in-memory buffer that ${a.text} writes into` : `the buffer ${a.text}`) : a.libState ? `the internal state of ${a.text} (a ${a.libState.replace(/^.*\//, '')}, not safe for concurrent use)` : a.key.startsWith('var:') ? (a.key.endsWith('[]') ? `the elements of captured slice ${a.place.root?.name ?? a.text}` : `captured variable ${a.text}`) : a.key.startsWith('pkgvar:') ? `package variable ${a.text}` : `${fieldName(a)}`;
    const otherKind = b.kind === 'atomic' ? (b.atomicLoad ? 'atomic load' : 'atomic write') : b.kind;
    const readLock = facts.locksIn(a, r.pair.a).find((l) => l.mode === 'r');
    const shape = a.kind === 'read'
      ? `plain read of ${what}, which is written with sync/atomic at ${where(b)}: mixing atomic and plain access is a data race`
      : b.kind === 'atomic' && b.syncCall
        ? `plain write to ${what}, which ${b.syncCall} uses at ${where(b)}: resetting it while another goroutine is inside ${b.syncCall} is a data race (the reset can be lost, or the function can run twice at once)`
      : b.kind === 'atomic'
        ? `plain write to ${what}, which is also accessed with sync/atomic at ${where(b)}: mixing atomic and plain access is a data race`
        : readLock
          ? `write to ${what} while holding only the read lock ${readLock.text}; it races with the ${otherKind} at ${where(b)}`
          : `write to ${what} races with the ${otherKind} at ${where(b)}`;
    const { trace, related } = raceEvidence(facts, r, a.kind === 'read' ? 'read' : 'write', otherKind);
    ctx.report({
      file: a.fn.file, span: a.span, confidence: r.pair.confidence,
      message: `data race: ${shape} (${lockSummary(facts, a, r.pair.a)} here, ${lockSummary(facts, b, r.pair.b)} there${perCallNote(r.pair)}); the race detector reports "WARNING: DATA RACE" and readers can see stale or torn values; guard both with the owner's mutex, use the sync/atomic types for every access, or publish the value before starting the goroutines`,
      related, trace,
    });
  }
  checkPoolAfterPut(ctx, facts);
  checkBufferReuse(ctx, facts);
}

/**
 * A lazy initialisation under a lock (`g.mu.Lock(); if g.m == nil { g.m = map... }`),
 * every write of the place being such an initialisation, and a read further down the same
 * function after that check: the read's goroutine saw the place set, under the lock, so
 * whichever initialisation set it happened before, and none runs after.
 */
function initSeenBefore(facts: ConcurrencyFacts, w: Access, r: Access): boolean {
  const body = w.fn.body;
  if (w.fn !== r.fn || !body) return false;
  const guard = nilGuard(facts, w);
  if (!guard || !guard.body.span || spanContains(guard.span, r.span) || !before(guard.span, r.span) || !body.list.includes(guard)) return false;
  const locks = facts.locksOf(w);
  if (!locks.length) return false;
  return (facts.accessesByKey.get(w.key) ?? []).every((x) => x.kind !== 'write' || (!!nilGuard(facts, x) && facts.locksOf(x).some((l) => locks.some((m) => m.key === l.key && l.mode !== 'r'))));
}

/** The `if p == nil` statement around write w of place p, w in its body. */
function nilGuard(facts: ConcurrencyFacts, w: Access): ast.IfStmt | null {
  const body = w.fn.body;
  if (!body) return null;
  let out: ast.IfStmt | null = null;
  walk(body, (n) => {
    if (out || n.kind === 'FuncLit' || !spanContains(n.span, w.span)) return false;
    if (n.kind === 'IfStmt' && spanContains(n.body.span, w.span)) {
      const c = unparen(n.cond);
      if (c.kind === 'BinaryExpr' && c.op === '==') {
        const [x, y] = [unparen(c.x), unparen(c.y)];
        const other = x.kind === 'Ident' && x.name === 'nil' ? y : y.kind === 'Ident' && y.name === 'nil' ? x : null;
        if (other && placeOf(facts.program, other)?.key === w.key) out = n;
      }
    }
    return undefined;
  });
  return out;
}

const before = (a: ast.Span, b: ast.Span): boolean => a[2] < b[0] || (a[2] === b[0] && a[3] <= b[1]);

function fieldName(a: Access): string {
  const f = a.place.field;
  return f ? `field ${f.owner ? f.owner.name + '.' : ''}${f.name} (${a.text})` : a.text;
}

export const dataRace: Rule = { meta, check };
