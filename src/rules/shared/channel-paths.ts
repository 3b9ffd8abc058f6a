/**
 * Sequential channel facts along the paths of one function: which channels may already
 * be closed at each send and each close. A close is `close(ch)` or a call on an object
 * whose method closes one of its channels; `defer` closes run when the function returns.
 * A channel is told apart by its location and the variable it is reached from.
 */
import type * as ast from '../../syntax/ast.js';
import type { Access } from '../../concurrency/accesses.js';
import type { ConcurrencyFacts } from '../../concurrency/facts.js';
import { placeOf } from '../../concurrency/places.js';
import { calleeOf } from '../../model/calls.js';
import { unparen } from '../../model/checker.js';
import type { FuncInfo } from '../../model/objects.js';
import { walkBody } from '../../syntax/walk.js';
import type { ReceiverChanOps } from './channel-summaries.js';

export interface CloseEvent {
  /** The close(...) itself (possibly inside a callee). */
  close: Access;
  /** The call in this function that leads to it, when the close is in a callee. */
  via: ast.CallExpr | null;
}

export interface PathListener {
  sendAfterClose(send: Access, via: ast.CallExpr | null, closed: CloseEvent): void;
  closeAfterClose(second: CloseEvent, first: CloseEvent, deferred: boolean): void;
}

type State = Map<string, CloseEvent>;

export function walkChannelPaths(facts: ConcurrencyFacts, fn: FuncInfo, ops: Map<FuncInfo, ReceiverChanOps>, listener: PathListener): void {
  if (!fn.body) return;
  const ff = facts.funcFacts.get(fn);
  if (!ff) return;
  const bySpan = new Map<string, Access>();
  for (const a of ff.accesses) if (a.kind === 'close' || a.kind === 'send') bySpan.set(`${a.kind}:${a.span.join(':')}`, a);
  const deferred: CloseEvent[] = [];
  const w = new Walker(facts, fn, ops, bySpan, listener, deferred);
  const end = w.block(fn.body.list, new Map());
  w.returned(end);
}

class Walker {
  private continueStates: State[][] = [];
  private breakStates: State[][] = [];

  constructor(
    private readonly facts: ConcurrencyFacts,
    private readonly fn: FuncInfo,
    private readonly ops: Map<FuncInfo, ReceiverChanOps>,
    private readonly bySpan: Map<string, Access>,
    private readonly listener: PathListener,
    private readonly deferred: CloseEvent[],
  ) {}

  block(list: ast.Stmt[], st: State | null): State | null {
    for (const s of list) {
      if (!st) return null;
      st = this.stmt(s, st);
    }
    return st;
  }

  /** End of a path: deferred closes run now. */
  returned(st: State | null): void {
    if (!st) return;
    for (const d of this.deferred) {
      const k = keyOf(d.close, d.via, this.facts);
      const first = k ? st.get(k) : undefined;
      if (first) this.listener.closeAfterClose(first, d, true);
    }
  }

  private stmt(s: ast.Stmt, st: State): State | null {
    switch (s.kind) {
      case 'BlockStmt': return this.block(s.list, st);
      case 'ReturnStmt': this.events(s, st); this.returned(st); return null;
      case 'BranchStmt':
        if (s.tok === 'continue') this.continueStates[this.continueStates.length - 1]?.push(st);
        if (s.tok === 'break') this.breakStates[this.breakStates.length - 1]?.push(st);
        return s.tok === 'fallthrough' ? st : null;
      case 'DeferStmt': {
        const ev = this.closeEventsOfCall(s.call);
        this.deferred.push(...ev);
        return st;
      }
      case 'GoStmt': return st;
      case 'IfStmt': {
        let cur: State | null = st;
        if (s.init) cur = this.stmt(s.init, cur);
        if (!cur) return null;
        this.events(s.cond, cur);
        const a = this.block(s.body.list, new Map(cur));
        const b = s.else ? this.stmt(s.else, new Map(cur)) : cur;
        return union(a, b);
      }
      case 'ForStmt': case 'RangeStmt': {
        let cur: State | null = st;
        if (s.kind === 'ForStmt' && s.init) cur = this.stmt(s.init, cur);
        if (!cur) return null;
        if (s.kind === 'RangeStmt') this.events(s.x, cur);
        this.continueStates.push([]);
        this.breakStates.push([]);
        // Two passes: what the first iteration closes is closed in the second.
        let head: State | null = cur;
        let end: State | null = null;
        for (let pass = 0; pass < 2; pass++) {
          this.continueStates[this.continueStates.length - 1] = [];
          end = this.block(s.body.list, new Map(head!));
          const conts = this.continueStates[this.continueStates.length - 1]!;
          head = [end, ...conts].reduce<State | null>((acc, x) => union(acc, x), cur);
        }
        this.continueStates.pop();
        const breaks = this.breakStates.pop()!;
        const infinite = s.kind === 'ForStmt' && !s.cond;
        const after = breaks.reduce<State | null>((acc, x) => union(acc, x), infinite ? null : head);
        return after;
      }
      case 'SwitchStmt': case 'TypeSwitchStmt': {
        let cur: State | null = st;
        if (s.init) cur = this.stmt(s.init, cur);
        if (!cur) return null;
        this.breakStates.push([]);
        let out: State | null = s.clauses.some((c) => c.list.length === 0) ? null : cur;
        for (const c of s.clauses) out = union(out, this.block(c.body, new Map(cur)));
        for (const b of this.breakStates.pop()!) out = union(out, b);
        return out;
      }
      case 'SelectStmt': {
        this.breakStates.push([]);
        let out: State | null = null;
        for (const c of s.clauses) {
          const cs = new Map(st);
          if (c.comm) this.events(c.comm, cs);
          out = union(out, this.block(c.body, cs));
        }
        for (const b of this.breakStates.pop()!) out = union(out, b);
        return out;
      }
      case 'LabeledStmt': return this.stmt(s.stmt, st);
      case 'ExprStmt': {
        this.events(s, st);
        const x = unparen(s.x);
        if (x.kind === 'CallExpr' && x.fun.kind === 'Ident' && x.fun.name === 'panic') return null;
        return st;
      }
      case 'AssignStmt': {
        this.events(s, st);
        // A channel variable or field given a new channel is open again.
        for (const l of s.lhs) {
          const p = placeOf(this.facts.program, l);
          if (p?.key) for (const k of [...st.keys()]) if (k.startsWith(`chan:${p.key}@`)) st.delete(k);
        }
        return st;
      }
      default:
        this.events(s, st);
        return st;
    }
  }

  /** Sends, closes and calls in one statement, in source order. */
  private events(n: ast.Node, st: State): void {
    walkBody(n, (m) => {
      if (m.kind === 'FuncLit') return false;
      if (m.kind === 'SendStmt') {
        const a = this.bySpan.get(`send:${m.span.join(':')}`);
        if (a) this.send(a, null, st);
      }
      if (m.kind === 'CallExpr') {
        const c = calleeOf(this.facts.program, m);
        if (c?.kind === 'builtin' && c.name === 'close') {
          const a = this.bySpan.get(`close:${m.span.join(':')}`);
          if (a && !a.inOnce) this.close({ close: a, via: null }, st);
          return undefined;
        }
        // A call that both sends on and closes a channel is taken as sending first: if it
        // sent after closing, its own body is where that is reported.
        for (const s of this.sendsOfCall(m)) this.send(s, m, st);
        for (const ev of this.closeEventsOfCall(m)) this.close(ev, st);
      }
      return undefined;
    });
  }

  private close(ev: CloseEvent, st: State): void {
    const k = keyOf(ev.close, ev.via, this.facts);
    if (!k) return;
    const first = st.get(k);
    if (first && !ev.close.guarded) this.listener.closeAfterClose(ev, first, false);
    st.set(k, ev);
  }

  private send(a: Access, via: ast.CallExpr | null, st: State): void {
    const k = keyOf(a, via, this.facts);
    const closed = k ? st.get(k) : undefined;
    if (closed) this.listener.sendAfterClose(a, via, closed);
  }

  private closeEventsOfCall(call: ast.CallExpr): CloseEvent[] {
    const c = calleeOf(this.facts.program, call);
    if (c?.kind === 'builtin' && c.name === 'close') {
      const a = this.bySpan.get(`close:${call.span.join(':')}`);
      return a && !a.inOnce ? [{ close: a, via: null }] : [];
    }
    const out: CloseEvent[] = [];
    for (const t of this.receiverTargets(call)) {
      for (const a of this.ops.get(t)?.closes.values() ?? []) out.push({ close: a, via: call });
    }
    return out;
  }

  private sendsOfCall(call: ast.CallExpr): Access[] {
    const out: Access[] = [];
    for (const t of this.receiverTargets(call)) out.push(...(this.ops.get(t)?.sends.values() ?? []));
    return out;
  }

  /** Methods a call runs on a receiver this function names (x.M()). */
  private receiverTargets(call: ast.CallExpr): FuncInfo[] {
    const f = unparen(call.fun);
    if (f.kind !== 'SelectorExpr') return [];
    const p = placeOf(this.facts.program, f.x);
    if (!p?.root) return [];
    return this.facts.callgraph.callees(this.fn).find((e) => e.call === call)?.targets.filter((t) => t.recv) ?? [];
  }
}

/** `chan:<location>@<variable>`: the channel as reached from a variable of this function. */
function keyOf(a: Access, via: ast.CallExpr | null, facts: ConcurrencyFacts): string | null {
  if (!via) {
    const root = a.place.root;
    return `${a.key}@${root ? root.id : '?'}${a.place.path.slice(0, -1).join('.')}`;
  }
  const f = unparen(via.fun);
  if (f.kind !== 'SelectorExpr') return null;
  const p = placeOf(facts.program, f.x);
  if (!p?.root) return null;
  return `${a.key}@${p.root.id}${p.path.join('.')}`;
}

function union(a: State | null, b: State | null): State | null {
  if (!a) return b ? new Map(b) : null;
  if (!b) return new Map(a);
  const out = new Map(a);
  for (const [k, v] of b) if (!out.has(k)) out.set(k, v);
  return out;
}
