/**
 * An access inside a body run by sync.Once.Do is ordered only with code that goes
 * through the same Once first: Do returns after the body has run, so what follows a Do
 * sees its writes. Code that never calls Do on that Once (a readiness probe reading the
 * lazily loaded fields directly) is not ordered with the body at all.
 */
import { ANY_ONCE, MANY_ONCES, type Access } from '../../concurrency/accesses.js';
import type { ConcurrencyFacts } from '../../concurrency/facts.js';
import { calleeOf, isMethodCall } from '../../model/calls.js';
import { unparen } from '../../model/checker.js';
import type { FuncInfo } from '../../model/objects.js';
import { placeOf } from '../../concurrency/places.js';
import { walk } from '../../syntax/walk.js';

/** Functions looked at, walking up the callers of the other access. */
const MAX_WAY = 200;

const doCache = new WeakMap<FuncInfo, Set<string>>();

/** The keys of the Onces whose Do fn calls (`c.once.Do(c.load)`), itself or through
 * the functions it calls, two calls down (`ensureLoaded(t)` wrapping the Do). */
function oncesDone(facts: ConcurrencyFacts, fn: FuncInfo, depth = 0): Set<string> {
  let hit = depth === 0 ? doCache.get(fn) : undefined;
  if (hit) return hit;
  hit = new Set();
  const out = hit;
  if (depth < 2) {
    for (const e of facts.callgraph.callees(fn)) {
      if (e.targets.length !== 1) continue;
      for (const k of oncesDone(facts, e.targets[0]!, depth + 1)) out.add(k);
    }
  }
  if (fn.body) {
    walk(fn.body, (n) => {
      if (n.kind === 'FuncLit' && n !== fn.node) return false;
      if (n.kind === 'CallExpr' && isMethodCall(calleeOf(facts.program, n), 'sync', 'Once', 'Do')) {
        const f = unparen(n.fun);
        const k = f.kind === 'SelectorExpr' ? placeOf(facts.program, f.x)?.key : null;
        out.add(k ?? ANY_ONCE);
      }
      return undefined;
    });
  }
  if (depth === 0) doCache.set(fn, out);
  return out;
}

/**
 * a runs in a once body and b outside any, in code that no function on its way (its own,
 * the ones around it, its callers) passes through that Once: the two are not ordered by it.
 */
export function bypassesOnce(facts: ConcurrencyFacts, a: Access, b: Access): boolean {
  if (!a.inOnce || b.inOnce || !a.onceKey || a.onceKey === ANY_ONCE || a.onceKey === MANY_ONCES) return false;
  const key = a.onceKey;
  const seen = new Set<FuncInfo>();
  const todo: FuncInfo[] = [b.fn];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    if (seen.size > MAX_WAY) return false;
    const done = oncesDone(facts, f);
    if (done.has(key) || done.has(ANY_ONCE)) return false;
    if (f.parent) todo.push(f.parent);
    for (const e of facts.callgraph.callers(f)) todo.push(e.caller);
  }
  return true;
}
