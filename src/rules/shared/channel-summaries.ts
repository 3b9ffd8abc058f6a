/**
 * What a function does to the channels held in its receiver's fields: which it closes
 * and which it sends on, following calls on the same receiver. Used by the sequential
 * channel rules to see `c.Close(); c.emit()` as close-then-send on c's channel.
 */
import type { Access } from '../../concurrency/accesses.js';
import type { ConcurrencyFacts } from '../../concurrency/facts.js';
import type { FuncInfo } from '../../model/objects.js';
import { unparen } from '../../model/checker.js';
import { placeOf } from '../../concurrency/places.js';
import type * as ast from '../../syntax/ast.js';
import { walk } from '../../syntax/walk.js';

/**
 * A method that returns early on a flag of its receiver and sets that flag
 * (`if w.done { return }; w.done = true; close(w.ch)`) runs its body once per object:
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
  walk(fn.body, (n) => {
    if (n.kind === 'FuncLit') return false;
    if (n.kind === 'IfStmt' && n.body.list.some((st) => st.kind === 'ReturnStmt')) {
      const f = recvField(n.cond);
      if (f) checked.add(f);
    }
    if (n.kind === 'AssignStmt') for (const l of n.lhs) { const f = recvField(l); if (f) set.add(f); }
    return undefined;
  });
  for (const f of checked) if (set.has(f)) return true;
  return false;
}

export interface ReceiverChanOps {
  closes: Map<string, Access>;
  sends: Map<string, Access>;
}

export function receiverChanOps(facts: ConcurrencyFacts): Map<FuncInfo, ReceiverChanOps> {
  const out = new Map<FuncInfo, ReceiverChanOps>();
  for (const [fn, ff] of facts.funcFacts) {
    const ops: ReceiverChanOps = { closes: new Map(), sends: new Map() };
    const idempotent = flagGuarded(facts, fn);
    for (const a of ff.accesses) {
      if (idempotent || !fn.recv || a.place.root !== fn.recv || a.inOnce) continue;
      if (a.kind === 'close' && !a.guarded) ops.closes.set(a.key, a);
      if (a.kind === 'send') ops.sends.set(a.key, a);
    }
    out.set(fn, ops);
  }
  // Calls on the receiver itself pass the callee's operations up (two rounds is enough
  // for Close -> shutdown -> close(ch)).
  for (let round = 0; round < 3; round++) {
    for (const [fn, ops] of out) {
      if (!fn.recv) continue;
      for (const e of facts.callgraph.callees(fn)) {
        const f = unparen(e.call.fun);
        if (f.kind !== 'SelectorExpr') continue;
        const p = placeOf(facts.program, f.x);
        if (!p || p.root !== fn.recv || p.path.length) continue;
        for (const t of e.targets) {
          const sub = out.get(t);
          if (!sub || t === fn) continue;
          for (const [k, a] of sub.closes) if (!ops.closes.has(k)) ops.closes.set(k, a);
          for (const [k, a] of sub.sends) if (!ops.sends.has(k)) ops.sends.set(k, a);
        }
      }
    }
  }
  return out;
}
