/**
 * Where a channel held in a local variable comes from, when it is an element of a
 * collection: `ch := b.subs[id]`, `for _, ch := range b.subs`, or a local snapshot slice
 * filled from one (`targets = append(targets, ch)` inside such a range). The channel is
 * then the place `elem:<collection key>`, so a close in Unsubscribe and a send in Publish
 * meet on the same location although each names its own local.
 */
import type * as ast from '../syntax/ast.js';
import { walk } from '../syntax/walk.js';
import { unparen } from '../model/checker.js';
import { calleeOf, isMethodCall } from '../model/calls.js';
import { singleDefinition } from '../model/definitions.js';
import type { FuncInfo, VarObj } from '../model/objects.js';
import type { Program } from '../model/program.js';
import { underlying } from '../model/typeops.js';
import { placeOf, type Place } from './places.js';

const MAX_DEPTH = 3;

/** The element place a channel expression denotes, or null when it is not a collection element. */
export function chanElementPlace(program: Program, ch: ast.Expr): Place | null {
  return elementOf(program, ch, 0);
}

function elementOf(program: Program, e: ast.Expr, depth: number): Place | null {
  if (depth > MAX_DEPTH) return null;
  const x = unparen(e);
  if (x.kind === 'IndexExpr' && x.indices.length === 1) return collectionElement(program, x.x, depth + 1);
  if (x.kind !== 'Ident') return null;
  const v = program.objectOf(x);
  if (v?.kind === 'var' && v.scope === 'param') return keyedParam(program, v, depth);
  if (v?.kind !== 'var' || v.scope !== 'local') return null;
  const def = singleDefinition(program, v);
  if (!def) return null;
  const d = unparen(def);
  if (d.kind === 'IndexExpr') return elementOf(program, d, depth + 1);
  // A range variable: its definition is the ranged expression; the value of a range over
  // a collection of channels is an element, and so is the key of a range over a set of
  // channels (`for ch := range b.subs` with `subs map[chan Event]string`).
  if (isRangedBy(v, def) && holdsChannels(program, def)) return collectionElement(program, def, depth + 1);
  if (isRangedBy(v, def, true) && keyedByChannels(program, def)) return collectionElement(program, def, depth + 1);
  return null;
}

/**
 * A channel parameter its function deletes from (or looks up in) a set of channels kept
 * in a field or package variable (`func (b *Broker) Unsubscribe(ch chan Event) {
 * delete(b.subs, ch); close(ch) }`): one of that set's channels.
 */
function keyedParam(program: Program, v: VarObj, depth: number): Place | null {
  const fn = v.func;
  if (!fn?.body || underlying(v.type).kind !== 'chan') return null;
  let coll: ast.Expr | null = null;
  let consistent = true;
  const isV = (e: ast.Expr | undefined): boolean => { const k = e ? unparen(e) : null; return k?.kind === 'Ident' && program.objectOf(k) === v; };
  walk(fn.body, (n) => {
    if (!consistent || n.kind === 'FuncLit') return false;
    let c: ast.Expr | null = null;
    if (n.kind === 'CallExpr' && n.args.length === 2 && isV(n.args[1])) {
      const callee = calleeOf(program, n);
      if (callee?.kind === 'builtin' && callee.name === 'delete') c = n.args[0]!;
    } else if (n.kind === 'IndexExpr' && n.indices.length === 1 && isV(n.indices[0])) c = n.x;
    if (c && keyedByChannels(program, c)) {
      const p = placeOf(program, c);
      if (!p?.key || (p.root && p.root.scope === 'local') || (coll && placeOf(program, coll)?.key !== p.key)) consistent = false;
      else coll = c;
    }
    return undefined;
  });
  // Each call is given its own member (the caller's subscription): copies of one goroutine
  // calling it meet different channels, like goroutines given different indexes.
  const el = consistent && coll ? collectionElement(program, coll, depth + 1) : null;
  return el ? { ...el, indexed: true } : null;
}

function keyedByChannels(program: Program, coll: ast.Expr): boolean {
  const t = underlying(program.typeOf(coll));
  return t.kind === 'map' && underlying(t.key).kind === 'chan';
}

/** The element place of a collection expression: a field or package variable, or a local snapshot of one. */
function collectionElement(program: Program, coll: ast.Expr, depth: number): Place | null {
  const p = placeOf(program, coll);
  if (!p?.key) return null;
  if (p.root && p.root.scope === 'local' && p.path.length === 0) return snapshotElement(program, p.root, depth);
  if (p.root && p.root.scope === 'param' && p.path.length === 0) return null;
  return { ...p, key: `elem:${p.key}`, throughPointer: true };
}

/**
 * A local slice whose every appended element comes from the same collection is a
 * snapshot of it: its elements are that collection's elements.
 */
function snapshotElement(program: Program, local: VarObj, depth: number): Place | null {
  const body = local.func?.body;
  if (!body) return null;
  let origin: Place | null = null;
  let consistent = true;
  walk(body, (n) => {
    if (!consistent || n.kind !== 'AssignStmt') return undefined;
    n.lhs.forEach((l, i) => {
      // A set snapshot (`snap[ch] = topic` for every ch of `range b.subs`): its keys are the set's.
      const li = unparen(l);
      if (li.kind === 'IndexExpr' && li.indices.length === 1 && unparen(li.x).kind === 'Ident' && program.objectOf(unparen(li.x) as ast.Ident) === local) {
        if (!keyedByChannels(program, li.x)) return;
        const el = elementOf(program, li.indices[0]!, depth + 1);
        if (!el || (origin && origin.key !== el.key)) { consistent = false; return; }
        origin = el;
        return;
      }
      if (l.kind !== 'Ident' || program.objectOf(l) !== local) return;
      const r = n.lhs.length === n.rhs.length ? unparen(n.rhs[i]!) : null;
      if (!r) { consistent = false; return; }
      if (r.kind === 'CallExpr' && r.fun.kind === 'Ident' && r.fun.name === 'append') {
        for (const a of r.args.slice(1)) {
          if (r.ellipsis) { consistent = false; return; }
          const el = elementOf(program, a, depth + 1);
          if (!el || (origin && origin.key !== el.key)) { consistent = false; return; }
          origin = el;
        }
        return;
      }
      // `targets := make([]chan T, 0, n)` or a nil/empty literal starts the snapshot.
      if (!(r.kind === 'CallExpr' && r.fun.kind === 'Ident' && r.fun.name === 'make') && !(r.kind === 'CompositeLit' && r.elts.length === 0) && !(r.kind === 'Ident' && r.name === 'nil')) consistent = false;
    });
    return undefined;
  });
  return consistent ? origin : null;
}

function isRangedBy(v: VarObj, def: ast.Expr, asKey = false): boolean {
  const fn: FuncInfo | null = v.func;
  if (!fn?.body) return false;
  let found = false;
  walk(fn.body, (n) => {
    if (found) return false;
    const id = n.kind === 'RangeStmt' ? (asKey ? n.key : n.value) : null;
    if (n.kind === 'RangeStmt' && n.x === def && id?.kind === 'Ident' && id.name === v.name) found = true;
    return undefined;
  });
  return found;
}

function holdsChannels(program: Program, coll: ast.Expr): boolean {
  const t = underlying(program.typeOf(coll));
  const elem = t.kind === 'slice' || t.kind === 'array' ? t.elem : t.kind === 'map' ? t.value : null;
  return !!elem && underlying(elem).kind === 'chan';
}

/**
 * A method that returns a channel field of its receiver while holding one of the
 * receiver's locks (`f.mu.Lock(); defer f.mu.Unlock(); return f.ch`): the fields from the
 * receiver to the channel, or null. Its caller holds the channel after the unlock.
 */
export function lockedChanGetter(program: Program, fn: FuncInfo): Place | null {
  if (!fn.recv || !fn.body) return null;
  let locks = false;
  let result: Place | null = null;
  let consistent = true;
  walk(fn.body, (n) => {
    if (!consistent || n.kind === 'FuncLit') return false;
    if (n.kind === 'CallExpr') {
      const c = calleeOf(program, n);
      const f = unparen(n.fun);
      if ((isMethodCall(c, 'sync', 'Mutex', 'Lock') || isMethodCall(c, 'sync', 'RWMutex', ['Lock', 'RLock'])) && f.kind === 'SelectorExpr' && placeOf(program, f.x)?.root === fn.recv) locks = true;
    }
    if (n.kind === 'ReturnStmt') {
      const r = n.results.length === 1 ? unparen(n.results[0]!) : null;
      const p = r ? placeOf(program, r) : null;
      if (!r || !p?.key || p.root !== fn.recv || !p.path.length || p.indexed || underlying(program.typeOf(r)).kind !== 'chan' || (result && result.key !== p.key)) consistent = false;
      else result = p;
    }
    return undefined;
  });
  return consistent && locks ? result : null;
}
