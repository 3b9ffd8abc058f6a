/**
 * Structured concurrency seen from callers: a function that starts goroutines (itself,
 * or through callees that return with them still running) and waits for every one of
 * them before it returns. Its goroutines live only inside each of its calls, so what the
 * caller does before or after the call cannot overlap with them.
 *
 * A goroutine's join chain climbs from the function with the `go` statement through its
 * callers (each the only function that calls the one below) to the first that waits for
 * it on every path after every start: a WaitGroup or errgroup Wait, a receive from a
 * channel the goroutine sends on or closes (one receive per start: in the same loop
 * iteration, or in a second loop over the same range that neither breaks nor returns),
 * or a call of a function that does one of these before it can return.
 */
import type * as ast from '../syntax/ast.js';
import { walk } from '../syntax/walk.js';
import type { FuncInfo } from '../model/objects.js';
import { before, type FuncFacts, type WaitSite } from './accesses.js';
import type { CallGraph, CallEdge } from './callgraph.js';
import type { GoroutineContext } from './entries.js';
import { exprText } from './places.js';
import { spanContains } from './spans.js';

/** One function of a join chain and the part of its run during which the goroutine may
 * be running: from the start (the `go` statement, or the call that leads to it) to the
 * join, or to the function's end (`to` null) below the joining function. */
export interface JoinLevel {
  fn: FuncInfo;
  from: ast.Span;
  to: ast.Span | null;
}

export interface JoinChain {
  /** From the function with the start up to the one that joins (the last). */
  levels: JoinLevel[];
  /** Channels whose receives make the join: they order nothing for accesses to the
   * channel itself. */
  keys: Set<string>;
}

/** Which waits may make the join: those a given access of the goroutine comes before
 * (see signals.ts); tag names the filter for caching. */
export interface WaitFilter {
  usable(w: WaitSite): boolean;
  tag: string;
}

export interface JoinDeps {
  callgraph: CallGraph;
  funcFacts: Map<FuncInfo, FuncFacts>;
  groupJoins(w: WaitSite, cb: GoroutineContext): boolean;
  contextSignals(cb: GoroutineContext, key: string): boolean;
  /** fn is run by synctest.Test/Run, which returns once every goroutine of the bubble
   * has exited. */
  bubble(fn: FuncInfo): boolean;
}

/** Statements of a body that decide how often and whether code runs. */
interface Shape {
  loops: Array<ast.ForStmt | ast.RangeStmt>;
  /** Branches taken only sometimes: if bodies and elses, switch and select cases. */
  conds: ast.Span[];
  /** Select cases, by their communication. */
  comms: Array<{ clause: ast.Span; comm: ast.Span | null }>;
  /** Pairs of branches of one if statement: never both taken in one run. */
  ifs: Array<{ then: ast.Span; els: ast.Span }>;
  returns: ast.Span[];
  /** break/continue/goto statements with the statement they leave (null: goto). */
  branches: Array<{ span: ast.Span; tok: string; target: ast.Span | null }>;
  /** Top-level defer statements. */
  defers: ast.Span[];
  end: ast.Span;
}

const MAX_LEVELS = 4;
const MAX_WAIT_DEPTH = 2;

export class Joins {
  private readonly chains = new Map<string, JoinChain | null>();
  private readonly shapes = new Map<FuncInfo, Shape>();
  private readonly mustWaits = new Map<FuncInfo, WaitSite[]>();

  constructor(private readonly deps: JoinDeps) {}

  /** The join chain of a started goroutine, or null when some start may outlive every
   * function above it. */
  chainOf(cb: GoroutineContext, only: WaitFilter | null = null): JoinChain | null {
    if (!cb.spawned || !cb.spawner || !cb.spawnNode) return null;
    const id = only ? `${cb.id}|${only.tag}` : `${cb.id}`;
    if (this.chains.has(id)) return this.chains.get(id)!;
    this.chains.set(id, null);
    const out = this.climb(cb, cb.spawner, [cb.spawnNode.span], only);
    this.chains.set(id, out);
    return out;
  }

  /**
   * The join chain of a goroutine cb started by goroutine g (cb's start is in g's root,
   * which nothing else runs), climbing from g's own start: the function that started g
   * waits for cb itself (`go func() { ...; go func() { defer close(errc); ... }() }();
   * ...; for range errc {}`).
   */
  chainThrough(cb: GoroutineContext, g: GoroutineContext, only: WaitFilter | null = null): JoinChain | null {
    if (!cb.spawned || !g.spawner || !g.spawnNode || g.multi || g.recursive || cb === g) return null;
    const id = `${cb.id}<${g.id}${only ? `|${only.tag}` : ''}`;
    if (this.chains.has(id)) return this.chains.get(id)!;
    this.chains.set(id, null);
    const out = this.climb(cb, g.spawner, [g.spawnNode.span], only);
    this.chains.set(id, out);
    return out;
  }

  private climb(cb: GoroutineContext, start: FuncInfo, first: ast.Span[], only: WaitFilter | null): JoinChain | null {
    const levels: JoinLevel[] = [];
    let fn: FuncInfo = start;
    let starts: ast.Span[] = first;
    let below: FuncInfo | null = null;
    let out: JoinChain | null = null;
    for (let depth = 0; depth < MAX_LEVELS && fn.body; depth++) {
      const keys = new Set<string>();
      // The body of a synctest bubble: the call that runs it joins everything it starts.
      const join = this.joinIn(fn, starts, cb, below, keys, only) ?? (this.deps.bubble(fn) ? this.shapeOf(fn).end : null);
      const from = starts.reduce((m, s) => (before(s, m) ? s : m));
      if (join) {
        levels.push({ fn, from, to: join });
        out = { levels, keys };
        break;
      }
      levels.push({ fn, from, to: null });
      // Climb to the only function that calls this one.
      const calls = this.deps.callgraph.callers(fn);
      if (!calls.length) break;
      const parent = calls[0]!.caller;
      if (parent === fn || levels.some((l) => l.fn === parent) || calls.some((e) => e.caller !== parent)) break;
      below = fn;
      starts = calls.map((e) => e.call.span);
      fn = parent;
    }
    return out;
  }

  /**
   * Goroutine x is over before goroutine y starts: both are started by one function,
   * which waits for x (after its start, once per start, on every path) before it reaches
   * y's start (`for ... { go read(); <-done }; go write()`). Where a loop runs both
   * starts, y must be joined in the same iteration too, before the next x starts. A
   * function that leaves y running may be called again and start x next to it: unless
   * it runs once (`runsOnce`), y must be joined in it as well. Returns the channel (or
   * group) key of the join, which orders nothing for accesses to itself; null when not
   * ordered.
   */
  joinedBefore(x: GoroutineContext, y: GoroutineContext, runsOnce: (fn: FuncInfo) => boolean): string | null {
    if (x === y || x.kind !== 'go' || y.kind !== 'go' || !x.spawner || x.spawner !== y.spawner || !x.spawnNode || !y.spawnNode) return null;
    if (x.recursive || y.recursive || x.copiesByCalls || y.copiesByCalls) return null;
    const fn = x.spawner;
    if (!fn.body) return null;
    const shape = this.shapeOf(fn);
    const sx = x.spawnNode.span;
    const sy = y.spawnNode.span;
    if (!before(sx, sy) || spanContains(sx, sy) || spanContains(sy, sx)) return null;
    const waits = (this.deps.funcFacts.get(fn)?.waits ?? []).filter((w) => !w.scope);
    // The wait for x runs on every path from x's start to y's: no branch or loop holds
    // it without also holding y's start (or x's: then x did not start either).
    const dominates = (w: WaitSite): boolean => before(w.span, sy)
      && shape.conds.every((c) => !spanContains(c, w.span) || spanContains(c, sy) || spanContains(c, sx))
      && shape.loops.every((l) => !spanContains(l.span, w.span) || spanContains(l.span, sy) || spanContains(l.span, sx));
    const wx = waits.find((w) => this.joins(w, x) && this.waitsFor(shape, sx, w) && dominates(w));
    if (!wx) return null;
    // Joined after its start within every loop around both starts (or, when fn may run
    // again, anywhere after it).
    const common = shape.loops.filter((l) => spanContains(l.span, sx) && spanContains(l.span, sy));
    const both = common.length ? innermost(common, sy) : null;
    const yJoined = waits.some((w) => this.joins(w, y) && this.waitsFor(shape, sy, w) && (!both || spanContains(both.span, w.span)));
    if ((both || !runsOnce(fn)) && !yJoined) return null;
    return wx.chanKey ?? '';
  }

  /** fn waits for goroutine c after `start` (its `go` statement, or a call that leads
   * to it) on every path, once each time the start runs: in the same loop iteration, not
   * behind a condition the start is not behind, with no way out of the loop in between. */
  joinsEachTime(fn: FuncInfo, start: ast.Span, c: GoroutineContext): boolean {
    if (!fn.body) return false;
    const shape = this.shapeOf(fn);
    return (this.deps.funcFacts.get(fn)?.waits ?? []).some((w) => !w.scope && this.joins(w, c) && this.waitsFor(shape, start, w));
  }

  /** Where fn, after every start, waits for goroutine cb on every path that leaves it;
   * the end of fn for a deferred wait. */
  private joinIn(fn: FuncInfo, starts: ast.Span[], cb: GoroutineContext, below: FuncInfo | null, keys: Set<string>, only: WaitFilter | null): ast.Span | null {
    const shape = this.shapeOf(fn);
    const candidates: Array<{ w: WaitSite; deferred: boolean }> = [];
    for (const w of this.deps.funcFacts.get(fn)?.waits ?? []) {
      if (w.scope || !this.joins(w, cb) || (only && !only.usable(w))) continue;
      candidates.push({ w, deferred: shape.defers.some((d) => spanContains(d, w.span)) });
    }
    for (const e of this.deps.callgraph.callees(fn)) {
      const w = this.callWait(e, cb, fn, below, only);
      if (w) candidates.push({ w, deferred: e.deferred && shape.defers.some((d) => spanContains(d, e.call.span)) });
    }
    candidates.sort((x, y) => (before(x.w.span, y.w.span) ? -1 : 1));
    for (const { w, deferred } of candidates) {
      if (deferred) {
        // Runs when fn returns, on every path after the defer statement.
        if (starts.every((s) => before(w.span, s) || !this.returnsBetween(shape, w.span, s))) {
          if (!w.group && w.chanKey) keys.add(w.chanKey);
          return shape.end;
        }
        continue;
      }
      if (starts.every((s) => this.waitsFor(shape, s, w))) {
        if (!w.group && w.chanKey) keys.add(w.chanKey);
        return w.span;
      }
    }
    return null;
  }

  /** Wait w in fn comes after start s on every path, once for each time s runs. */
  private waitsFor(shape: Shape, s: ast.Span, w: WaitSite): boolean {
    if (!before(s, w.span) || spanContains(s, w.span)) return false;
    if (this.returnsBetween(shape, s, w.span)) return false;
    // Every branch around the wait is taken whenever the start is; but for a select
    // whose other cases leave the function (the walk then orders what follows the select
    // after the receive): those returns must not be taken with the goroutine running
    // (`case v := <-res: return v; case <-ctx.Done(): return 0`).
    for (const c of shape.conds) {
      if (!spanContains(c, w.span) || spanContains(c, s)) continue;
      const comm = shape.comms.find((x) => x.clause === c);
      if (comm && comm.comm && spanContains(comm.comm, w.span) && !w.scope) {
        if (shape.returns.some((r) => before(s, r) && !spanContains(c, r))) return false;
        continue;
      }
      return false;
    }
    const ls = innermost(shape.loops, s);
    // `for v := range ch`: the wait is the whole loop, over once ch is closed, unless the
    // loop can be left before (a break or return in it).
    const ranged = w.group ? undefined : shape.loops.find((l) => l.kind === 'RangeStmt' && l.span === w.span);
    if (ranged && (shape.returns.some((r) => spanContains(ranged.span, r)) || shape.branches.some((b) => spanContains(ranged.span, b.span) && (!b.target || (spanContains(b.target, ranged.span) && !(b.tok === 'continue' && b.target === ranged.span)))))) return false;
    const lw = innermost(shape.loops, w.span, ranged);
    if (ls === lw) return !lw || !this.leavesEarly(shape, lw, w.span, true);
    // A loop around the wait and not the start may run no time at all.
    if (lw && !spanContains(lw.span, s)) {
      if (w.group || !ls || spanContains(ls.span, w.span)) return false;
      // One receive per start: a second loop over the same range, in the same iteration
      // of the loops around both, that neither breaks nor returns before the receive.
      return innermost(shape.loops, ls.span, ls) === innermost(shape.loops, lw.span, lw) && sameTrips(ls, lw) && !this.leavesEarly(shape, lw, w.span, false);
    }
    // The start is in a loop the wait is not in: a Wait joins every start, a receive one.
    return w.group && (!lw || !this.leavesEarly(shape, lw, w.span, true));
  }

  /** The loop can be left (or its rest skipped) before the wait: a return in it, a break
   * or goto out of it, a continue before the wait. */
  private leavesEarly(shape: Shape, loop: ast.ForStmt | ast.RangeStmt, w: ast.Span, sameAsStart: boolean): boolean {
    for (const b of shape.branches) {
      if (!spanContains(loop.span, b.span)) continue;
      if (!b.target) return true; // goto
      // A branch to a statement inside the loop stays in this iteration.
      if (!spanContains(b.target, loop.span)) continue;
      const self = spanContains(loop.span, b.target);
      if (self && b.tok === 'continue') {
        if (before(b.span, w)) return true;
      } else if (!sameAsStart || before(b.span, w)) return true;
    }
    return !sameAsStart && shape.returns.some((r) => spanContains(loop.span, r));
  }

  private returnsBetween(shape: Shape, from: ast.Span, to: ast.Span): boolean {
    return shape.returns.some((r) => before(from, r) && before(r, to) && !spanContains(r, to));
  }

  private joins(w: WaitSite, cb: GoroutineContext): boolean {
    if (w.group) return this.deps.groupJoins(w, cb);
    return w.chanKey !== null && this.deps.contextSignals(cb, w.chanKey);
  }

  /**
   * A call that waits for cb before it returns: every function it may call does. A
   * literal assigned in the other branch of an if from the literal that started cb
   * (`if single { query = ...; wait = ... } else { query = ...go...; wait = ...<-ch }`)
   * is not the one called in a run that started cb.
   */
  private callWait(e: CallEdge, cb: GoroutineContext, fn: FuncInfo, below: FuncInfo | null, only: WaitFilter | null): WaitSite | null {
    if (!e.targets.length) return null;
    let found: WaitSite | null = null;
    for (const t of e.targets) {
      const w = this.mustWait(t, 0).find((x) => this.joins(x, cb) && (!only || only.usable(x)));
      if (w) { found ??= w; continue; }
      const excused = below && below.node.kind === 'FuncLit' && t.node.kind === 'FuncLit' && t.parent === fn && below.parent === fn
        && this.shapeOf(fn).ifs.some((i) => (spanContains(i.then, t.node.span) && spanContains(i.els, below.node.span)) || (spanContains(i.els, t.node.span) && spanContains(i.then, below.node.span)));
      if (!excused) return null;
    }
    return found ? { span: e.call.span, chanKey: found.chanKey, group: found.group } : null;
  }

  /**
   * What a joining call (one whose callee waits for cb inside: `svc.Close()` where Close
   * calls `s.a.Stop(); s.w.Stop()` and w.Stop waits for the goroutine) runs before that
   * wait: the goroutine is still running then. The calls made before the wait, and, for
   * each function on the way down, the point up to which its own code runs first.
   */
  beforeJoin(e: CallEdge, cb: GoroutineContext, depth = 0): { edges: CallEdge[]; until: Array<{ fn: FuncInfo; span: ast.Span }> } {
    const out = { edges: [] as CallEdge[], until: [] as Array<{ fn: FuncInfo; span: ast.Span }> };
    if (depth > MAX_WAIT_DEPTH) return out;
    for (const t of e.targets) {
      if (!t.body) continue;
      const waits = (this.deps.funcFacts.get(t)?.waits ?? []).filter((w) => !w.scope && this.joins(w, cb));
      const calls = this.deps.callgraph.callees(t);
      const inner = calls.filter((c) => c.targets.length && c.targets.every((x) => this.mustWait(x, depth + 1).some((w) => this.joins(w, cb))));
      // The first statement that joins: a wait of its own, or a call that always waits.
      let at: ast.Span | null = null;
      for (const w of waits) if (!at || before(w.span, at)) at = w.span;
      let via: CallEdge | null = null;
      for (const c of inner) if (!at || before(c.call.span, at)) { at = c.call.span; via = c; }
      if (!at) continue;
      const stop = at;
      out.until.push({ fn: t, span: stop });
      for (const c of calls) if (c !== via && !c.deferred && before(c.call.span, stop) && !spanContains(c.call.span, stop)) out.edges.push(c);
      if (via) {
        const sub = this.beforeJoin(via, cb, depth + 1);
        out.edges.push(...sub.edges);
        out.until.push(...sub.until);
      }
    }
    return out;
  }

  /** Waits fn makes on every path before it returns (straight-line code before any
   * return, and the calls there that themselves always wait). */
  private mustWait(fn: FuncInfo, depth: number): WaitSite[] {
    const hit = this.mustWaits.get(fn);
    if (hit) return hit;
    const out: WaitSite[] = [];
    this.mustWaits.set(fn, out);
    if (!fn.body) return out;
    const waits = this.deps.funcFacts.get(fn)?.waits ?? [];
    const calls = depth < MAX_WAIT_DEPTH ? this.deps.callgraph.callees(fn) : [];
    for (const st of fn.body.list) {
      const simple = st.kind === 'ExprStmt' || st.kind === 'AssignStmt' || st.kind === 'ReturnStmt' || st.kind === 'DeclStmt' || st.kind === 'SendStmt' || st.kind === 'DeferStmt';
      if (!simple) {
        let returns = false;
        walk(st, (n) => {
          if (n.kind === 'FuncLit') return false;
          if (n.kind === 'ReturnStmt') returns = true;
          return !returns;
        });
        if (returns) break;
        continue;
      }
      for (const w of waits) if (!w.scope && spanContains(st.span, w.span)) out.push(w);
      for (const e of calls) {
        if (!spanContains(st.span, e.call.span) || !e.targets.length) continue;
        const each = e.targets.map((t) => this.mustWait(t, depth + 1));
        for (const w of each[0]!) if (each.every((ws) => ws.some((x) => x.chanKey === w.chanKey && x.group === w.group))) out.push(w);
      }
      if (st.kind === 'ReturnStmt') break;
    }
    return out;
  }

  private shapeOf(fn: FuncInfo): Shape {
    let hit = this.shapes.get(fn);
    if (hit) return hit;
    const body = fn.body!;
    const shape: Shape = { loops: [], conds: [], comms: [], ifs: [], returns: [], branches: [], defers: [], end: [body.span[2], body.span[3], body.span[2], body.span[3]] };
    const breakable: Array<{ span: ast.Span; loop: boolean; label: string | null }> = [];
    const pending: ast.BranchStmt[] = [];
    walk(body, (n, parent) => {
      if (n.kind === 'FuncLit') return false;
      const label = parent?.kind === 'LabeledStmt' ? parent.label.name : null;
      switch (n.kind) {
        case 'ForStmt': case 'RangeStmt':
          shape.loops.push(n);
          breakable.push({ span: n.span, loop: true, label });
          break;
        case 'SwitchStmt': case 'TypeSwitchStmt': case 'SelectStmt':
          breakable.push({ span: n.span, loop: false, label });
          break;
        case 'IfStmt':
          shape.conds.push(n.body.span);
          if (n.else) {
            shape.conds.push(n.else.span);
            shape.ifs.push({ then: n.body.span, els: n.else.span });
          }
          break;
        case 'CaseClause':
          shape.conds.push(n.span);
          break;
        case 'CommClause':
          shape.conds.push(n.span);
          shape.comms.push({ clause: n.span, comm: n.comm?.span ?? null });
          break;
        case 'ReturnStmt':
          shape.returns.push(n.span);
          break;
        case 'BranchStmt':
          pending.push(n);
          break;
        default:
      }
      return undefined;
    });
    for (const st of body.list) if (st.kind === 'DeferStmt') shape.defers.push(st.span);
    for (const b of pending) {
      if (b.tok === 'fallthrough') continue;
      if (b.tok === 'goto') { shape.branches.push({ span: b.span, tok: 'goto', target: null }); continue; }
      let target: ast.Span | null = null;
      for (const x of breakable) {
        if (!spanContains(x.span, b.span)) continue;
        if (b.label ? x.label !== b.label.name : b.tok === 'continue' && !x.loop) continue;
        if (!target || spanContains(target, x.span)) target = x.span;
      }
      shape.branches.push({ span: b.span, tok: b.tok, target });
    }
    this.shapes.set(fn, shape);
    return shape;
  }
}

/** The innermost loop around span (other than the loop itself). */
function innermost(loops: Array<ast.ForStmt | ast.RangeStmt>, span: ast.Span, self?: ast.Node): ast.ForStmt | ast.RangeStmt | null {
  let best: ast.ForStmt | ast.RangeStmt | null = null;
  for (const l of loops) {
    if (l === self || !spanContains(l.span, span)) continue;
    if (!best || spanContains(best.span, l.span)) best = l;
  }
  return best;
}

/** Two loops that run the same number of times: ranges over the same expression, or
 * counting loops with the same bound. */
function sameTrips(a: ast.ForStmt | ast.RangeStmt, b: ast.ForStmt | ast.RangeStmt): boolean {
  if (a.kind === 'RangeStmt' && b.kind === 'RangeStmt') return exprText(a.x) === exprText(b.x);
  if (a.kind === 'ForStmt' && b.kind === 'ForStmt') {
    if (!a.cond || !b.cond || !a.init || !b.init || !a.post || !b.post) return false;
    return counting(a) !== null && counting(a) === counting(b);
  }
  const [r, f] = a.kind === 'RangeStmt' ? [a, b as ast.ForStmt] : [b as ast.RangeStmt, a as ast.ForStmt];
  // `for range n` next to `for i := 0; i < n; i++`.
  const c = f.cond && f.init && f.post ? counting(f) : null;
  return c !== null && c === exprText(r.x);
}

/** The bound of `for i := 0; i < N; i++`, as text. */
function counting(f: ast.ForStmt): string | null {
  const init = f.init;
  const cond = f.cond;
  const post = f.post;
  if (init?.kind !== 'AssignStmt' || init.rhs.length !== 1 || exprText(init.rhs[0]!) !== '0') return null;
  if (cond?.kind !== 'BinaryExpr' || cond.op !== '<') return null;
  if (post?.kind !== 'IncDecStmt' || post.tok !== '++') return null;
  const i = exprText(init.lhs[0]!);
  if (exprText(cond.x) !== i || exprText(post.x) !== i) return null;
  return exprText(cond.y);
}
