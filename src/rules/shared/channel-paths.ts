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
import { spanContains } from '../../concurrency/spans.js';
import { calleeOf, neverReturns } from '../../model/calls.js';
import { unparen } from '../../model/checker.js';
import type { FuncInfo, VarObj } from '../../model/objects.js';
import { walk, walkBody } from '../../syntax/walk.js';
import type { ChanOp, ReceiverChanOps } from './channel-summaries.js';

export interface CloseEvent {
  /** The close(...) itself (possibly inside a callee). */
  close: Access;
  /** The call in this function that leads to it, when the close is in a callee. */
  via: ast.CallExpr | null;
  /** Fields from the call's receiver to the struct holding the channel. */
  prefix: string[];
  /** Set when the close runs only once a channel it received from is closed (under
   * `if !ok`, see stickyOkFlags): a path where that receive's ok is true did not close. */
  closedInput?: string;
  /** For a close of a parameter's channel in a callee: the call's argument naming it. */
  arg?: ast.Expr;
}

/** A local variable that names an object reached from another variable (`old := l.sink`). */
interface Alias {
  root: VarObj;
  path: string[];
}

export interface PathListener {
  /** `deferred`: the send is in a deferred call, run when the function returns. */
  sendAfterClose(send: Access, via: ast.CallExpr | null, closed: CloseEvent, deferred?: boolean): void;
  closeAfterClose(second: CloseEvent, first: CloseEvent, deferred: boolean): void;
}

type State = Map<string, CloseEvent>;

/** What a deferred call does to channels, in the order it does it. */
type DeferredOp = { close: CloseEvent } | { send: ChanOp; via: ast.CallExpr };

export function walkChannelPaths(facts: ConcurrencyFacts, fn: FuncInfo, ops: Map<FuncInfo, ReceiverChanOps>, listener: PathListener): void {
  if (!fn.body) return;
  const ff = facts.funcFacts.get(fn);
  if (!ff || !closesAnything(facts, fn, ops)) return;
  const bySpan = new Map<string, Access>();
  for (const a of ff.accesses) if (a.kind === 'close' || a.kind === 'send') bySpan.set(`${a.kind}:${a.span.join(':')}`, a);
  const deferred: CloseEvent[] = [];
  const w = new Walker(facts, fn, ops, bySpan, listener, deferred);
  const end = w.block(fn.body.list, new Map());
  w.returned(end);
}

/** Whether fn closes a channel itself or calls a method that does: every event the
 * walk reports needs a close first, and most functions have none. */
function closesAnything(facts: ConcurrencyFacts, fn: FuncInfo, ops: Map<FuncInfo, ReceiverChanOps>): boolean {
  if (facts.funcFacts.get(fn)?.accesses.some((a) => a.kind === 'close')) return true;
  return facts.callgraph.callees(fn).some((e) => e.targets.some((t) => (ops.get(t)?.closes.size ?? 0) > 0 || (ops.get(t)?.paramCloses.size ?? 0) > 0));
}

class Walker {
  private continueStates: State[][] = [];
  /** The variable each state key's channel is reached from. */
  private readonly keyRoots = new Map<string, VarObj>();
  /** For keys of closes: the spans of the close statements (without a call between). */
  private readonly keySpans = new Map<string, ast.Span[]>();
  private readonly aliases = new Map<VarObj, Alias>();
  private breakStates: State[][] = [];
  /** The label of each statement on breakStates / continueStates (`break loop`). */
  private readonly breakLabels: Array<string | null> = [];
  private readonly continueLabels: Array<string | null> = [];
  private readonly labels = new Map<ast.Stmt, string>();
  /** Channels known closed here: the closes in `if !ok { ... }` (see stickyOkFlags). */
  private readonly closedInputs: string[] = [];
  /** Deferred calls' channel operations, by defer statement in the order they are
   * registered (a loop walks its body twice: each statement counts once). */
  private readonly deferredOps = new Map<ast.DeferStmt, DeferredOp[]>();

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
      const k = this.keyOf(d.close, d.via, d.prefix, d.arg);
      const first = k ? st.get(k) : undefined;
      if (first) this.listener.closeAfterClose(first, d, true);
    }
    // Deferred calls run last to first, after everything the body did: a deferred send
    // (`defer s.report(true)`) finds the channel the body closed closed.
    const after = new Map(st);
    for (const ops of [...this.deferredOps.values()].reverse()) {
      for (const op of ops) {
        if ('close' in op) {
          const k = this.keyOf(op.close.close, op.close.via, op.close.prefix, op.close.arg);
          if (k) after.set(k, op.close);
          continue;
        }
        const k = this.keyOf(op.send.access, op.via, op.send.prefix, op.send.arg);
        const closed = k ? after.get(k) : undefined;
        if (closed) this.listener.sendAfterClose(op.send.access, op.via, closed, true);
      }
    }
  }

  private stmt(s: ast.Stmt, st: State): State | null {
    switch (s.kind) {
      case 'BlockStmt': return this.block(s.list, st);
      case 'ReturnStmt': this.events(s, st); this.returned(st); return null;
      case 'BranchStmt':
        if (s.tok === 'continue') this.continueStates[target(this.continueLabels, s.label)]?.push(st);
        if (s.tok === 'break') this.breakStates[target(this.breakLabels, s.label)]?.push(st);
        return s.tok === 'fallthrough' ? st : null;
      case 'DeferStmt': {
        const ev = this.closeEventsOfCall(s.call);
        this.deferred.push(...ev);
        if (!this.deferredOps.has(s)) {
          // Taken as sending first, like a call in the body (see events).
          const ops: DeferredOp[] = this.sendsOfCall(s.call).map((send) => ({ send, via: s.call }));
          for (const close of ev) ops.push({ close });
          this.deferredOps.set(s, ops);
        }
        return st;
      }
      case 'GoStmt': return st;
      case 'IfStmt': {
        let cur: State | null = st;
        const pre = new Map(st);
        if (s.init) cur = this.stmt(s.init, cur);
        if (!cur) return null;
        this.events(s.cond, cur);
        // `if err := c.connect(); err == nil { return }`: the side where the call failed did
        // not come through its closes that run only right before it returns nil.
        const failed = this.failedCallSide(s, pre, cur);
        // `if !ok`: the branch where ok is true did not come through a close made once
        // the channel ok is received from was closed (in an earlier iteration).
        const sticky = stickyCond(this.facts, this.fn, s.cond);
        const openSide = (x: State) => (sticky ? dropClosedInput(x, sticky.chan) : x);
        const branch = (closedSide: boolean, run: () => State | null) => {
          if (!closedSide) return run();
          this.closedInputs.push(sticky!.chan);
          try { return run(); } finally { this.closedInputs.pop(); }
        };
        const a = branch(!!sticky?.negated, () => this.block(s.body.list, sticky && !sticky.negated ? openSide(new Map(cur)) : failed?.body ? failed.state : new Map(cur)));
        const b = branch(!!sticky && !sticky.negated, () => {
          const base = sticky?.negated ? openSide(new Map(cur)) : failed && !failed.body ? failed.state : new Map(cur);
          return s.else ? this.stmt(s.else, base) : base;
        });
        return union(a, b);
      }
      case 'ForStmt': case 'RangeStmt': {
        let cur: State | null = st;
        if (s.kind === 'ForStmt' && s.init) cur = this.stmt(s.init, cur);
        if (!cur) return null;
        if (s.kind === 'RangeStmt') this.events(s.x, cur);
        this.continueStates.push([]);
        this.breakStates.push([]);
        this.continueLabels.push(this.labels.get(s) ?? null);
        this.breakLabels.push(this.labels.get(s) ?? null);
        // Two passes: what the first iteration closes is closed in the second.
        let head: State | null = cur;
        let end: State | null = null;
        for (let pass = 0; pass < 2; pass++) {
          this.continueStates[this.continueStates.length - 1] = [];
          const entry = new Map(head!);
          // A channel reached from a variable the loop declares (`for _, ch := range subs {
          // close(ch) }`) is another channel in the next iteration.
          // So is an element a range over a collection gives its value variable (`for id, ch
          // := range h.watchers { close(ch); delete(h.watchers, id) }`): another element.
          if (pass > 0) for (const k of [...entry.keys()]) if (this.declaredIn(k, s.span) || (s.kind === 'RangeStmt' && this.rangeValueKey(k, s))) entry.delete(k);
          end = this.block(s.body.list, entry);
          const conts = this.continueStates[this.continueStates.length - 1]!;
          head = [end, ...conts].reduce<State | null>((acc, x) => union(acc, x), cur);
        }
        this.continueStates.pop();
        this.continueLabels.pop();
        this.breakLabels.pop();
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
        this.breakLabels.push(this.labels.get(s) ?? null);
        let out: State | null = s.clauses.some((c) => c.list.length === 0) ? null : cur;
        for (const c of s.clauses) out = union(out, this.block(c.body, new Map(cur)));
        this.breakLabels.pop();
        for (const b of this.breakStates.pop()!) out = union(out, b);
        return out;
      }
      case 'SelectStmt': {
        this.breakStates.push([]);
        this.breakLabels.push(this.labels.get(s) ?? null);
        let out: State | null = null;
        for (const c of s.clauses) {
          const cs = new Map(st);
          if (c.comm) this.events(c.comm, cs);
          out = union(out, this.block(c.body, cs));
        }
        this.breakLabels.pop();
        for (const b of this.breakStates.pop()!) out = union(out, b);
        return out;
      }
      case 'LabeledStmt': this.labels.set(s.stmt, s.label.name); return this.stmt(s.stmt, st);
      case 'ExprStmt': {
        this.events(s, st);
        const x = unparen(s.x);
        // panic, os.Exit, log.Fatal, t.Fatal: the path ends here.
        if (x.kind === 'CallExpr' && neverReturns(this.facts.program, x)) return null;
        return st;
      }
      case 'AssignStmt': {
        this.events(s, st);
        // A channel variable or field given a new channel is open again, and so is every
        // channel reached through a variable or field given a new object.
        s.lhs.forEach((l, i) => {
          const p = placeOf(this.facts.program, l);
          if (p?.key) for (const k of [...st.keys()]) if (k.startsWith(`chan:${p.key}@`)) st.delete(k);
          const holder = p?.root ? this.resolve(p.root, p.path) : null;
          if (holder) {
            // Aliases of what was replaced keep the old object: they stop naming this place.
            for (const [v, a] of [...this.aliases]) {
              if (a.root === holder.root && holder.path.every((f, j) => a.path[j] === f)) this.aliases.delete(v);
            }
            const at = holderText(holder.root, holder.path);
            for (const k of [...st.keys()]) {
              const h = k.slice(k.indexOf('@') + 1);
              if (h === at || h.startsWith(at.endsWith('/') ? at : `${at}.`)) st.delete(k);
            }
          }
          this.noteAlias(l, s.lhs.length === s.rhs.length ? s.rhs[i]! : null);
        });
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
          if (a && !a.inOnce) this.close({ close: a, via: null, prefix: [] }, st);
          return undefined;
        }
        // A call that both sends on and closes a channel is taken as sending first: if it
        // sent after closing, its own body is where that is reported.
        // A call that puts a new channel in a field (`q.Start()` making `q.items` anew)
        // leaves it open: what was closed before is another channel.
        for (const op of this.reopensOfCall(m)) {
          const k = this.keyOf(op.access, m, op.prefix);
          if (k) st.delete(k);
        }
        for (const op of this.sendsOfCall(m)) this.send(op.access, m, st, op.prefix, op.arg);
        for (const ev of this.closeEventsOfCall(m)) this.close(ev, st);
      }
      return undefined;
    });
  }

  /** `v := x.f` makes v an alias of x.f until v is assigned again. */
  private noteAlias(lhs: ast.Expr, rhs: ast.Expr | null): void {
    const l = unparen(lhs);
    if (l.kind !== 'Ident') return;
    const o = this.facts.program.objectOf(l) ?? this.facts.program.info.defs.get(l);
    if (o?.kind !== 'var' || o.scope !== 'local') return;
    this.aliases.delete(o);
    const r = rhs ? unparen(rhs) : null;
    if (!r || (r.kind !== 'Ident' && r.kind !== 'SelectorExpr')) return;
    const p = placeOf(this.facts.program, r);
    if (!p?.root || p.indexed || p.root === o) return;
    const target = this.resolve(p.root, p.path);
    if (target.root !== o) this.aliases.set(o, target);
  }

  private resolve(root: VarObj, path: string[]): Alias {
    const a = this.aliases.get(root);
    return a ? { root: a.root, path: [...a.path, ...path] } : { root, path };
  }

  /** `chan:<location>@<variable>/<fields>`: the channel as reached from a variable of this function. */
  private keyOf(a: Access, via: ast.CallExpr | null, prefix: string[], arg?: ast.Expr): string | null {
    if (arg) {
      // The channel a callee closes or sends on as its parameter: the caller's argument.
      const p = placeOf(this.facts.program, arg);
      if (!p?.key || !p.root || p.indexed) return null;
      const h = this.resolve(p.root, p.path.slice(0, -1));
      const k = `chan:${p.key}@${holderText(h.root, h.path)}`;
      this.keyRoots.set(k, h.root);
      return k;
    }
    if (!via) {
      const root = a.place.root;
      if (!root) return `${a.key}@?`;
      const h = this.resolve(root, a.place.path.slice(0, -1));
      const k = `${a.key}@${holderText(h.root, h.path)}`;
      this.keyRoots.set(k, h.root);
      return k;
    }
    const f = unparen(via.fun);
    if (f.kind !== 'SelectorExpr') return null;
    const p = placeOf(this.facts.program, f.x);
    if (!p?.root) return null;
    const h = this.resolve(p.root, [...p.path, ...prefix]);
    const k = `${a.key}@${holderText(h.root, h.path)}`;
    this.keyRoots.set(k, h.root);
    return k;
  }

  /** Every close of key's channel is named by (or indexed with) the value variable of
   * range s. */
  private rangeValueKey(key: string, s: ast.RangeStmt): boolean {
    const spans = this.keySpans.get(key);
    const x = s.value ? unparen(s.value) : null;
    if (!spans?.length || x?.kind !== 'Ident') return false;
    const program = this.facts.program;
    const v = program.objectOf(x) ?? program.info.defs.get(x);
    if (!v) return false;
    return spans.every((span) => {
      if (!spanContains(s.body.span, span)) return false;
      let hit = false;
      walk(s.body, (n) => {
        if (hit || (!spanContains(n.span, span) && !spanContains(span, n.span))) return false;
        if (n.kind === 'Ident' && program.objectOf(n) === v) hit = true;
        return undefined;
      });
      return hit;
    });
  }

  private declaredIn(key: string, span: ast.Span): boolean {
    const v = this.keyRoots.get(key)?.span;
    return !!v && spanContains(span, v);
  }

  private close(ev: CloseEvent, st: State): void {
    const k = this.keyOf(ev.close, ev.via, ev.prefix, ev.arg);
    if (!k) return;
    const spans = this.keySpans.get(k) ?? [];
    const at = ev.via ? ev.via.span : ev.close.span;
    if (!spans.includes(at)) spans.push(at);
    this.keySpans.set(k, spans);
    const first = st.get(k);
    if (first && !guardHolds(this.facts, ev.close)) this.listener.closeAfterClose(ev, first, false);
    const input = this.closedInputs[this.closedInputs.length - 1];
    st.set(k, input ? { ...ev, closedInput: input } : ev);
  }

  private send(a: Access, via: ast.CallExpr | null, st: State, prefix: string[] = [], arg?: ast.Expr): void {
    const k = this.keyOf(a, via, prefix, arg);
    const closed = k ? st.get(k) : undefined;
    if (closed) this.listener.sendAfterClose(a, via, closed);
  }

  /**
   * An if whose condition compares a call's error result with nil (`err == nil` after
   * `err := c.connect()` in the init, or `c.connect() != nil`), where every close that
   * call made in this if is one its callee makes only right before it returns nil: the
   * state on the side where the call failed (without those closes), and which side that is.
   */
  private failedCallSide(s: ast.IfStmt, pre: State, cur: State): { body: boolean; state: State } | null {
    const cond = unparen(s.cond);
    if (cond.kind !== 'BinaryExpr' || (cond.op !== '==' && cond.op !== '!=')) return null;
    const isNil = (e: ast.Expr) => { const x = unparen(e); return x.kind === 'Ident' && x.name === 'nil'; };
    const tested = isNil(cond.y) ? unparen(cond.x) : isNil(cond.x) ? unparen(cond.y) : null;
    if (!tested) return null;
    let call: ast.CallExpr | null = tested.kind === 'CallExpr' ? tested : null;
    if (!call && tested.kind === 'Ident' && s.init?.kind === 'AssignStmt' && s.init.rhs.length === 1) {
      const l = unparen(s.init.lhs[s.init.lhs.length - 1]!);
      const r = unparen(s.init.rhs[0]!);
      if (l.kind === 'Ident' && l.name === tested.name && r.kind === 'CallExpr') call = r;
    }
    if (!call) return null;
    const changed = [...cur].filter(([k, v]) => pre.get(k) !== v);
    if (!changed.length || changed.some(([, v]) => v.via !== call || !closesBeforeNilReturn(v.close))) return null;
    const state = new Map(cur);
    for (const [k] of changed) { const old = pre.get(k); if (old) state.set(k, old); else state.delete(k); }
    return { body: cond.op === '!=', state };
  }

  private closeEventsOfCall(call: ast.CallExpr): CloseEvent[] {
    const c = calleeOf(this.facts.program, call);
    if (c?.kind === 'builtin' && c.name === 'close') {
      const a = this.bySpan.get(`close:${call.span.join(':')}`);
      return a && !a.inOnce ? [{ close: a, via: null, prefix: [] }] : [];
    }
    const out: CloseEvent[] = [];
    for (const t of this.receiverTargets(call)) {
      for (const op of this.ops.get(t)?.closes.values() ?? []) out.push({ close: op.access, via: call, prefix: op.prefix });
    }
    for (const [t, i] of this.paramTargets(call)) {
      const a = this.ops.get(t)?.paramCloses.get(i);
      if (a) out.push({ close: a, via: call, prefix: [], arg: call.args[i]! });
    }
    return out;
  }

  private sendsOfCall(call: ast.CallExpr): ChanOp[] {
    const out: ChanOp[] = [];
    for (const t of this.receiverTargets(call)) out.push(...(this.ops.get(t)?.sends.values() ?? []));
    for (const [t, i] of this.paramTargets(call)) {
      const a = this.ops.get(t)?.paramSends.get(i);
      if (a) out.push({ access: a, prefix: [], arg: call.args[i]! });
    }
    return out;
  }

  /** The functions a call runs, with each parameter index whose channel argument they
   * close or send on: one target only (a dynamic call may run another function). */
  private paramTargets(call: ast.CallExpr): Array<[FuncInfo, number]> {
    const ts = this.facts.callgraph.callees(this.fn).find((e) => e.call === call)?.targets ?? [];
    if (ts.length !== 1 || call.ellipsis) return [];
    const t = ts[0]!;
    const ops = this.ops.get(t);
    if (!ops || (!ops.paramCloses.size && !ops.paramSends.size)) return [];
    const out: Array<[FuncInfo, number]> = [];
    for (const i of new Set([...ops.paramCloses.keys(), ...ops.paramSends.keys()])) if (call.args.length === t.params.length && call.args[i]) out.push([t, i]);
    return out;
  }

  private reopensOfCall(call: ast.CallExpr): ChanOp[] {
    const out: ChanOp[] = [];
    for (const t of this.receiverTargets(call)) out.push(...(this.ops.get(t)?.reopens.values() ?? []));
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

const nilReturnCache = new WeakMap<Access, boolean>();

/** A close statement of its function's body after which the block runs straight to
 * `return ..., nil` (no other return on the way): the function returns a nil error
 * whenever it closes. */
function closesBeforeNilReturn(a: Access): boolean {
  let hit = nilReturnCache.get(a);
  if (hit !== undefined) return hit;
  hit = false;
  const body = a.fn.body;
  if (body) {
    walk(body, (n) => {
      if (hit || n.kind === 'FuncLit') return false;
      if (n.kind !== 'BlockStmt') return undefined;
      const i = n.list.findIndex((st) => st.kind === 'ExprStmt' && st.x.span.join(':') === a.span.join(':'));
      if (i < 0) return undefined;
      const last = n.list[n.list.length - 1];
      const res = last?.kind === 'ReturnStmt' ? last.results[last.results.length - 1] : undefined;
      const nilRes = !!res && unparen(res).kind === 'Ident' && (unparen(res) as ast.Ident).name === 'nil';
      let early = false;
      for (const st of n.list.slice(i + 1, -1)) walk(st, (m) => { if (m.kind === 'ReturnStmt') early = true; return m.kind === 'FuncLit' ? false : undefined; });
      hit = nilRes && !early;
      return false;
    });
  }
  nilReturnCache.set(a, hit);
  return hit;
}

/** How a channel's holder is named: a variable and the fields from it. */
export function holderText(root: VarObj, path: string[]): string {
  return `${root.id}/${path.join('.')}`;
}

function union(a: State | null, b: State | null): State | null {
  if (!a) return b ? new Map(b) : null;
  if (!b) return new Map(a);
  const out = new Map(a);
  // A close on every path wins over one made only once an input was closed.
  for (const [k, v] of b) if (!out.has(k) || (out.get(k)!.closedInput && !v.closedInput)) out.set(k, v);
  return out;
}

/** The statement a break or continue leaves: the innermost, or the one with its label. */
function target(labels: Array<string | null>, label: ast.Ident | null): number {
  return label ? labels.lastIndexOf(label.name) : labels.length - 1;
}

function dropClosedInput(st: State, chan: string): State {
  for (const [k, v] of [...st]) if (v.closedInput === chan) st.delete(k);
  return st;
}

const guardCache = new WeakMap<Access, boolean>();

/**
 * Whether the conditions a close is nested in (if, switch, a select's default) can keep it
 * from running again, in the next iteration of a loop or at a later close: one of them
 * calls a function or receives from a channel, or tests a variable or field that its
 * function changes (a closed flag, a counter, the loop's variable, anything handed to a
 * call) or that other functions write. A condition on nothing that changes (`if
 * d.pending == 0 { close(d.idle) }` in a tick loop) passes again, and the close with it.
 * A close taken out of its collection after closing stays guarded (see accesses.ts).
 */
export function guardHolds(facts: ConcurrencyFacts, close: Access, perCall = false): boolean {
  if (!close.guarded) return false;
  const cache = perCall ? perCallGuardCache : guardCache;
  let hit = cache.get(close);
  if (hit === undefined) {
    hit = computeGuardHolds(facts, close, perCall);
    cache.set(close, hit);
  }
  return hit;
}

/** `perCall`: whether the close can be kept from running again by a later call of its
 * function, where a condition on a parameter (`if to == Done`) can come out otherwise. */
const perCallGuardCache = new WeakMap<Access, boolean>();

function computeGuardHolds(facts: ConcurrencyFacts, close: Access, perCall: boolean): boolean {
  const fn = close.fn;
  const program = facts.program;
  if (!fn.body) return true;
  const guards: ast.Node[] = [];
  let opaque = false;
  walkBody(fn.body, (n) => {
    if (n.kind === 'FuncLit' || !spanContains(n.span, close.span)) return false;
    if (n.kind === 'IfStmt') {
      if (n.init) guards.push(n.init);
      guards.push(n.cond);
    } else if (n.kind === 'SwitchStmt') {
      if (n.init) guards.push(n.init);
      if (n.tag) guards.push(n.tag);
      for (const c of n.clauses) if (spanContains(c.span, close.span)) guards.push(...c.list);
    } else if (n.kind === 'TypeSwitchStmt') opaque = true;
    else if (n.kind === 'SelectStmt') {
      if (n.clauses.some((c) => c.comm === null && spanContains(c.span, close.span))) for (const c of n.clauses) if (c.comm) guards.push(c.comm);
    }
    return undefined;
  });
  // Not found as nested in a condition here (removed from its collection, see accesses.ts).
  if (opaque || !guards.length) return true;
  // What the function changes: assigned, incremented, ranged over, address taken, or
  // handed to a call (as an argument or a method's receiver).
  const written: Array<{ root: VarObj; path: string[] }> = [];
  const note = (e: ast.Expr | null) => {
    if (!e) return;
    const p = placeOf(program, e);
    if (p?.root) written.push({ root: p.root, path: p.path });
  };
  walk(fn.body, (n) => {
    if (n.kind === 'AssignStmt') n.lhs.forEach(note);
    else if (n.kind === 'IncDecStmt') note(n.x);
    else if (n.kind === 'RangeStmt') { note(n.key); note(n.value); }
    else if (n.kind === 'UnaryExpr' && n.op === '&') note(n.x);
    else if (n.kind === 'CallExpr') {
      const c = calleeOf(program, n);
      // Of the builtins, only these change what they are given (close is what is asked about).
      if (c?.kind === 'builtin' && !['copy', 'delete', 'clear'].includes(c.name)) return undefined;
      n.args.forEach(note);
      const f = unparen(n.fun);
      if (f.kind === 'SelectorExpr') note(f.x);
    }
    return undefined;
  });
  const overlaps = (a: string[], b: string[]) => a.every((f, i) => i >= b.length || b[i] === f);
  const changes = (root: VarObj, path: string[], key: string | null): boolean => {
    if (written.some((w) => w.root === root && overlaps(w.path, path))) return true;
    // A field other functions set (a state another goroutine moves on).
    return !!key && key.startsWith('field:') && (facts.accessesByKey.get(key) ?? []).some((w) => w.kind === 'write' && w.fn !== fn);
  };
  // The channel given a new value (`d.idle = make(...)`, `ch = nil`) is open again.
  const ch = close.place;
  if (ch.root && changes(ch.root, ch.path, ch.key)) return true;
  let holds = false;
  const chanKey = close.key.startsWith('chan:') ? close.key.slice('chan:'.length) : null;
  for (const g of guards) {
    walk(g, (n, parent) => {
      if (holds || n.kind === 'FuncLit') return false;
      // `if s.quit != nil { close(s.quit) }` where nothing ever sets s.quit to nil: the
      // check passes again on the next call, whoever else gives the field a new channel.
      if (n.kind === 'BinaryExpr' && (n.op === '!=' || n.op === '==') && chanKey && chanKey.startsWith('field:')) {
        const x = unparen(n.x);
        const y = unparen(n.y);
        const other = isNil(x) ? y : isNil(y) ? x : null;
        if (other && placeOf(program, other)?.key === chanKey && !nilAssigned(facts, chanKey)) return false;
      }
      // `d.pending` is one place, not also `d`.
      if (parent?.kind === 'SelectorExpr' && parent.x === n) return undefined;
      if (n.kind === 'UnaryExpr' && n.op === '<-') { holds = true; return false; }
      if (n.kind === 'CallExpr') {
        const c = calleeOf(program, n);
        if (!(c?.kind === 'builtin' && (c.name === 'len' || c.name === 'cap'))) { holds = true; return false; }
        return undefined;
      }
      if (n.kind === 'Ident' || n.kind === 'SelectorExpr') {
        const p = placeOf(program, n as ast.Expr);
        // `if !ok` on a closed input stays true: the next iteration closes again.
        if (!perCall && p?.root && stickyOkFlags(facts, fn).has(p.root)) return undefined;
        if (perCall && p?.root?.scope === 'param' && p.root.func === fn) { holds = true; return false; }
        if (p?.root && changes(p.root, p.path, p.key)) { holds = true; return false; }
      }
      return undefined;
    });
    if (holds) return true;
  }
  return false;
}

function isNil(e: ast.Expr): boolean {
  return e.kind === 'Ident' && e.name === 'nil';
}

const nilCache = new WeakMap<ConcurrencyFacts, Map<string, boolean>>();

/** Whether some assignment sets a place with this key to nil (`s.quit = nil`): looked
 * for in the functions that write that place. */
function nilAssigned(facts: ConcurrencyFacts, key: string): boolean {
  let cache = nilCache.get(facts);
  if (!cache) nilCache.set(facts, (cache = new Map()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const program = facts.program;
  const fns = new Set<FuncInfo>();
  for (const w of facts.accessesByKey.get(key) ?? []) if (w.kind === 'write') fns.add(w.fn);
  let found = false;
  for (const f of fns) {
    if (found || !f.body) break;
    walk(f.body, (n) => {
      if (found) return false;
      if (n.kind !== 'AssignStmt' || n.lhs.length !== n.rhs.length) return undefined;
      n.rhs.forEach((r, i) => { if (isNil(unparen(r)) && placeOf(program, n.lhs[i]!)?.key === key) found = true; });
      return undefined;
    });
  }
  cache.set(key, found);
  return found;
}

const stickyCache = new WeakMap<FuncInfo, Map<VarObj, string>>();
/** `nilOk`: the channel may also be set to nil (`in = nil`), which never delivers again:
 * ok cannot come back true, though the close no longer runs again either. */
const stickyNilCache = new WeakMap<FuncInfo, Map<VarObj, string>>();

/**
 * Flags that stay false once false: `ok` set only by `v, ok := <-ch` from one channel the
 * function never gives a new value. A closed channel stays closed, so once `!ok` holds it
 * holds at every later receive: a close under `if !ok` that does not leave the loop runs
 * again, and a path where ok is true did not come through that close. Maps each such flag
 * to a text naming its channel.
 */
export function stickyOkFlags(facts: ConcurrencyFacts, fn: FuncInfo, nilOk = false): Map<VarObj, string> {
  const cache = nilOk ? stickyNilCache : stickyCache;
  let hit = cache.get(fn);
  if (hit) return hit;
  hit = new Map();
  cache.set(fn, hit);
  if (!fn.body) return hit;
  const program = facts.program;
  const varOf = (e: ast.Expr): VarObj | null => {
    const x = unparen(e);
    if (x.kind !== 'Ident') return null;
    const o = program.objectOf(x) ?? program.info.defs.get(x);
    return o?.kind === 'var' ? o : null;
  };
  const chanOf = new Map<VarObj, string | null>();
  const written: Array<{ root: VarObj; path: string[] }> = [];
  const note = (e: ast.Expr | null) => {
    if (!e) return;
    const p = placeOf(program, e);
    if (p?.root) written.push({ root: p.root, path: p.path });
  };
  const roots = new Map<string, { root: VarObj; path: string[]; key: string | null }>();
  walk(fn.body, (n) => {
    if (n.kind === 'AssignStmt') {
      const r = n.rhs.length === 1 ? unparen(n.rhs[0]!) : null;
      const recv = n.lhs.length === 2 && r?.kind === 'UnaryExpr' && r.op === '<-' ? r : null;
      n.lhs.forEach((l, i) => {
        const v = varOf(l);
        if (v) {
          if (v.scope !== 'local') chanOf.set(v, null);
          else if (i === 1 && recv) {
            const p = placeOf(program, recv.x);
            const k = p?.root && !p.indexed ? `${p.key}@${holderText(p.root, p.path.slice(0, -1))}` : null;
            if (k && p?.root) roots.set(k, { root: p.root, path: p.path, key: p.key });
            const prev = chanOf.get(v);
            chanOf.set(v, k && (prev === undefined || prev === k) ? k : null);
          } else chanOf.set(v, null);
        }
        const r1 = n.lhs.length === n.rhs.length ? unparen(n.rhs[i]!) : null;
        if (n.tok !== ':=' && !(nilOk && r1?.kind === 'Ident' && r1.name === 'nil')) note(l);
      });
    } else if (n.kind === 'UnaryExpr' && n.op === '&') {
      const v = varOf(n.x);
      if (v) chanOf.set(v, null);
      note(n.x);
    } else if (n.kind === 'RangeStmt') { note(n.key); note(n.value); }
    return undefined;
  });
  const overlaps = (a: string[], b: string[]) => a.every((f, i) => i >= b.length || b[i] === f);
  for (const [v, k] of chanOf) {
    const c = k ? roots.get(k) : undefined;
    if (!k || !c) continue;
    if (c.root.scope === 'pkg' || written.some((w) => w.root === c.root && overlaps(w.path, c.path))) continue;
    // A field other functions set can hold a new channel at the next receive.
    if (c.key?.startsWith('field:') && (facts.accessesByKey.get(c.key) ?? []).some((w) => w.kind === 'write' && w.fn !== fn)) continue;
    hit.set(v, k);
  }
  return hit;
}

/** The sticky flag a condition tests: `!ok` (negated) or `ok`. */
export function stickyCond(facts: ConcurrencyFacts, fn: FuncInfo, cond: ast.Expr): { flag: VarObj; chan: string; negated: boolean } | null {
  let x = unparen(cond);
  let negated = false;
  if (x.kind === 'UnaryExpr' && x.op === '!') { negated = true; x = unparen(x.x); }
  if (x.kind !== 'Ident') return null;
  const o = facts.program.objectOf(x);
  if (o?.kind !== 'var') return null;
  const chan = stickyOkFlags(facts, fn, true).get(o);
  return chan ? { flag: o, chan, negated } : null;
}
