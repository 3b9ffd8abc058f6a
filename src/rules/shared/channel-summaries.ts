/**
 * What a function does to the channels held in its receiver's fields: which it closes
 * and which it sends on, following calls on the same receiver. Used by the sequential
 * channel rules to see `c.Close(); c.emit()` as close-then-send on c's channel.
 */
import { before, type Access } from '../../concurrency/accesses.js';
import type { ConcurrencyFacts } from '../../concurrency/facts.js';
import type { FuncInfo, VarObj } from '../../model/objects.js';
import { unparen } from '../../model/checker.js';
import { underlying } from '../../model/typeops.js';
import { placeOf } from '../../concurrency/places.js';
import type * as ast from '../../syntax/ast.js';
import { kindSet, walkBodyKinds, walkKinds } from '../../syntax/walk.js';
import { guardHolds } from './channel-paths.js';

const IFS_ASSIGNS_CALLS = kindSet('IfStmt', 'AssignStmt', 'CallExpr');
/** sync/atomic methods that set a flag (`t.closed.Store(true)`), and the one that tests
 * and sets it at once. */
const FLAG_SETTERS = new Set(['Store', 'Swap', 'CompareAndSwap']);
const ASSIGN_KINDS = kindSet('AssignStmt');

/**
 * A method that returns early on a flag of its receiver and sets that flag
 * (`if w.done { return }; w.done = true; close(w.ch)`, or with an atomic flag: `if
 * t.closed.Load() { return }; t.closed.Store(true)`) runs its body once per object:
 * calling it again is harmless.
 */
function flagGuarded(facts: ConcurrencyFacts, fn: FuncInfo): boolean {
  if (!fn.recv || !fn.body) return false;
  const checked = new Set<string>();
  const set = new Set<string>();
  const recvField = (e: ast.Expr): string | null => {
    const x = unparen(e);
    if (x.kind === 'UnaryExpr' && x.op === '!') return recvField(x.x);
    const p = placeOf(facts.program, x);
    return p && p.root === fn.recv && p.path.length === 1 ? p.path[0]! : null;
  };
  // `t.closed.Load()` / `t.closed.Store(true)`: the atomic method's name and the field.
  const atomicCall = (e: ast.Expr): { method: string; field: string } | null => {
    let x = unparen(e);
    if (x.kind === 'UnaryExpr' && x.op === '!') x = unparen(x.x);
    if (x.kind !== 'CallExpr') return null;
    const f = unparen(x.fun);
    const sel = f.kind === 'SelectorExpr' ? facts.program.selectionOf(f) : null;
    if (f.kind !== 'SelectorExpr' || sel?.kind !== 'method' || sel.method.recvDecl?.pkgPath !== 'sync/atomic') return null;
    const field = recvField(f.x);
    return field ? { method: f.sel.name, field } : null;
  };
  walkBodyKinds(fn.body, IFS_ASSIGNS_CALLS, (n) => {
    if (n.kind === 'IfStmt' && n.body.list.some((st) => st.kind === 'ReturnStmt')) {
      const f = recvField(n.cond);
      if (f) checked.add(f);
      const a = atomicCall(n.cond);
      if (a?.method === 'Load' || a?.method === 'CompareAndSwap' || a?.method === 'Swap') checked.add(a.field);
    }
    if (n.kind === 'AssignStmt') for (const l of n.lhs) { const f = recvField(l); if (f) set.add(f); }
    if (n.kind === 'CallExpr') { const a = atomicCall(n); if (a && FLAG_SETTERS.has(a.method)) set.add(a.field); }
    return undefined;
  });
  for (const f of checked) if (set.has(f)) return true;
  return false;
}

/** The method puts a new channel in the field after closing the old one
 * (`close(c.stopCh); c.stopCh = make(chan struct{})`): callers find it open again. */
function reopened(accesses: Access[], close: Access): boolean {
  const path = close.place.path.join('.');
  return accesses.some((w) => w.kind === 'write' && `chan:${w.key}` === close.key && w.place.root === close.place.root && w.place.path.join('.') === path && before(close.span, w.span));
}

/** The function assigns to parameter v (`out = nil`): it no longer names the caller's channel. */
function reassigned(facts: ConcurrencyFacts, fn: FuncInfo, v: VarObj): boolean {
  let hit = false;
  if (fn.body) walkKinds(fn.body, ASSIGN_KINDS, (n) => {
    if (hit) return false;
    if (n.kind === 'AssignStmt') for (const l of n.lhs) { const x = unparen(l); if (x.kind === 'Ident' && facts.program.objectOf(x) === v) hit = true; }
    return undefined;
  });
  return hit;
}

/** A channel operation a method performs on a channel held under its receiver. */
export interface ChanOp {
  access: Access;
  /** Fields from the receiver to the struct holding the channel (`[]` for `r.ch`, `['sink']` for `r.sink.ch`). */
  prefix: string[];
  /** For an operation on a parameter's channel: the call's argument naming it. */
  arg?: ast.Expr;
}

export interface ReceiverChanOps {
  closes: Map<string, ChanOp>;
  sends: Map<string, ChanOp>;
  /** Channel fields the method gives a new value (`q.items = make(chan string)`, a
   * restart): the channel a caller closed before is no longer the one there. */
  reopens: Map<string, ChanOp>;
  /** Channels the function gets as a parameter (by index) and closes: each call closes the
   * channel its caller passes there (`defer close(out)` in a helper the caller may call
   * again with the same channel). */
  paramCloses: Map<number, Access>;
  /** Parameters (by index) whose channel the function sends on. */
  paramSends: Map<number, Access>;
}

/** Deeper receiver paths are not followed: the summary stays small. */
const MAX_PREFIX = 3;

export function receiverChanOps(facts: ConcurrencyFacts): Map<FuncInfo, ReceiverChanOps> {
  const out = new Map<FuncInfo, ReceiverChanOps>();
  const opKey = (op: ChanOp) => `${op.prefix.join('.')}|${op.access.key}`;
  for (const [fn, ff] of facts.funcFacts) {
    const ops: ReceiverChanOps = { closes: new Map(), sends: new Map(), reopens: new Map(), paramCloses: new Map(), paramSends: new Map() };
    const idempotent = flagGuarded(facts, fn);
    for (const a of ff.accesses) {
      // A channel parameter itself (not a field reached from it), never given another value.
      // (A parameter every call gives one local channel is already named by that local.)
      const param = !a.inOnce && a.place.path.length === 0 && a.place.root ? fn.params.find((q) => q.name === a.text) : undefined;
      const pi = param && (a.place.root === param || a.place.root!.func !== fn) && !reassigned(facts, fn, param) ? fn.params.indexOf(param) : -1;
      if (pi >= 0 && !(fn.sig.variadic && pi === fn.params.length - 1)) {
        if (a.kind === 'close' && !guardHolds(facts, a, true) && !ops.paramCloses.has(pi)) ops.paramCloses.set(pi, a);
        if (a.kind === 'send' && !ops.paramSends.has(pi)) ops.paramSends.set(pi, a);
      }
      if (idempotent || !fn.recv || a.place.root !== fn.recv || a.inOnce) continue;
      const op = { access: a, prefix: a.place.path.slice(0, -1) };
      // A close under a check that can keep it from running again (a flag the method sets,
      // a field others change, a receive) is left out; one under a check of nothing it
      // changes (`if d.pending == 0 { close(d.idle) }`) closes again on the next call; a
      // check of a parameter (`if to == Done`) may come out otherwise in that call.
      if (a.kind === 'close' && !guardHolds(facts, a, true) && !reopened(ff.accesses, a)) ops.closes.set(opKey(op), op);
      if (a.kind === 'send') ops.sends.set(opKey(op), op);
      if (a.kind === 'write' && a.key.startsWith('field:') && a.place.field && underlying(a.place.field.type).kind === 'chan') {
        const r = { access: { ...a, key: `chan:${a.key}` }, prefix: op.prefix };
        ops.reopens.set(opKey(r), r);
      }
    }
    out.set(fn, ops);
  }
  // Calls on the receiver, or on an object held in its fields (`r.sink.Write()`), pass the
  // callee's operations up with the path prepended (three rounds cover
  // Close -> shutdown -> sink.Close -> close(ch)).
  for (let round = 0; round < 3; round++) {
    for (const [fn, ops] of out) {
      if (!fn.recv) continue;
      for (const e of facts.callgraph.callees(fn)) {
        const f = unparen(e.call.fun);
        if (f.kind !== 'SelectorExpr') continue;
        const p = placeOf(facts.program, f.x);
        if (!p || p.root !== fn.recv || p.indexed) continue;
        for (const t of e.targets) {
          const sub = out.get(t);
          if (!sub || t === fn || !t.recv) continue;
          const lift = (m: Map<string, ChanOp>, into: Map<string, ChanOp>) => {
            for (const op of m.values()) {
              const lifted = { access: op.access, prefix: [...p.path, ...op.prefix] };
              if (lifted.prefix.length > MAX_PREFIX) continue;
              const k = opKey(lifted);
              if (!into.has(k)) into.set(k, lifted);
            }
          };
          lift(sub.closes, ops.closes);
          lift(sub.sends, ops.sends);
          lift(sub.reopens, ops.reopens);
        }
      }
    }
  }
  return out;
}
