/**
 * What a goroutine does after it signals. A WaitGroup's Wait, or a receive from a channel
 * the goroutine sends on or closes, orders only what the goroutine did before its Done,
 * send or close: code after an explicit `wg.Done()` (or after `close(ready)`) runs next
 * to whatever the waiter does once it has been released. A deferred signal runs when its
 * function returns, after everything in it.
 */
import type * as ast from '../syntax/ast.js';
import { walk } from '../syntax/walk.js';
import type { FuncInfo } from '../model/objects.js';
import { before, type Access } from './accesses.js';
import type { CallGraph } from './callgraph.js';
import type { GoroutineContext } from './entries.js';
import type { ReachIndex } from './reach.js';
import { spanContains } from './spans.js';

export interface SignalDeps {
  callgraph: CallGraph;
  reach: ReachIndex;
  /** Every access, by key. */
  accessesByKey: Map<string, Access[]>;
  /** A function literal runs where it is written (a callback called on the spot, a
   * deferred func), not stored away or started as a goroutine. */
  runsInParent(lit: FuncInfo): boolean;
}

/** Where code runs, in terms of one function of the goroutine: a statement's span, or
 * for deferred code a point past the end of the function (see deferredAt). */
interface Pos {
  fn: FuncInfo;
  span: ast.Span;
}

/** The parts of a function body that decide whether code after a point runs. */
interface Flow {
  /** If bodies and elses, switch and select cases. */
  conds: ast.Span[];
  /** If bodies and elses alone. */
  ifs: ast.Span[];
  loops: ast.Span[];
  returns: ast.Span[];
  /** break and goto statements (which may leave a loop). */
  breaks: ast.Span[];
  defers: ast.Span[];
  end: ast.Span;
}

const MAX_CLIMB = 3;
const MAX_CALLERS = 6;

export class SignalOrder {
  private signalList: Access[] | null = null;
  private readonly byContext = new Map<number, Access[]>();
  private readonly positions = new Map<string, Pos[]>();
  private readonly flows = new Map<FuncInfo, Flow>();
  private readonly before = new Map<Access, Map<number, Set<string>>>();

  constructor(private readonly deps: SignalDeps) {}

  /**
   * Keys of the channels and WaitGroups goroutine cb sends on, closes or calls Done on
   * before access b on some path through its code: a Wait or receive on one of them does
   * not order b.
   */
  signalledBefore(b: Access, cb: GoroutineContext): Set<string> {
    let perB = this.before.get(b);
    if (!perB) { perB = new Map(); this.before.set(b, perB); }
    let hit = perB.get(cb.id);
    if (hit) return hit;
    hit = new Set();
    perB.set(cb.id, hit);
    const signals = this.signalsOf(cb);
    if (!signals.length) return hit;
    const bPos = this.positionsOf(b.fn, b.span, cb);
    for (const x of signals) {
      if (hit.has(x.key)) continue;
      const xPos = this.positionsOf(x.fn, x.span, cb);
      if (xPos.some((p) => bPos.some((q) => q.fn === p.fn && this.precedes(p.fn, p.span, q.span, q.fn === b.fn ? b.place.root?.span ?? undefined : undefined)))) hit.add(x.key);
    }
    return hit;
  }

  /** Sends, closes and WaitGroup Dones that goroutine cb may run. */
  private signalsOf(cb: GoroutineContext): Access[] {
    let hit = this.byContext.get(cb.id);
    if (hit) return hit;
    if (!this.signalList) {
      this.signalList = [];
      for (const list of this.deps.accessesByKey.values()) {
        for (const a of list) if (a.kind === 'send' || a.kind === 'close' || a.kind === 'signal') this.signalList.push(a);
      }
    }
    hit = this.signalList.filter((a) => this.deps.reach.reaches(a.fn, cb.id));
    this.byContext.set(cb.id, hit);
    return hit;
  }

  /** Where code at span of fn runs in fn and in the functions above it, up to the
   * goroutine's roots: a literal run on the spot at its place in its parent, any other
   * function at its call sites (a few callers, a few levels) in functions the goroutine
   * runs. */
  private positionsOf(fn: FuncInfo, span: ast.Span, cb: GoroutineContext): Pos[] {
    const key = `${fn.id}@${span.join(',')}|${cb.id}`;
    const roots = new Set(cb.roots);
    let hit = this.positions.get(key);
    if (hit) return hit;
    hit = [];
    this.positions.set(key, hit);
    const out = hit;
    const visit = (f: FuncInfo, s: ast.Span, depth: number): void => {
      if (!f.body || out.length > 32 || !this.deps.reach.reaches(f, cb.id)) return;
      const flow = this.flowOf(f);
      const at = this.deferredAt(flow, s) ?? s;
      out.push({ fn: f, span: at });
      if (roots.has(f)) return;
      if (f.node.kind === 'FuncLit' && f.parent && this.deps.runsInParent(f)) {
        visit(f.parent, f.node.span, depth);
        return;
      }
      if (depth >= MAX_CLIMB) return;
      const calls = this.deps.callgraph.callers(f);
      if (calls.length > MAX_CALLERS) return;
      for (const e of calls) if (e.caller !== f) visit(e.caller, e.call.span, depth + 1);
    };
    visit(fn, span, 0);
    return out;
  }

  /** Where deferred code at s runs: after the body, deferred calls last in first out
   * (`defer write(); defer wg.Done()` runs Done first, then the write). A point just past
   * the end of the body, the later the defer statement the earlier the point; null when s
   * is not in a defer statement. */
  private deferredAt(flow: Flow, s: ast.Span): ast.Span | null {
    const i = flow.defers.findIndex((d) => spanContains(d, s));
    if (i < 0) return null;
    const col = flow.end[3] + flow.defers.length - i;
    return [flow.end[2], col, flow.end[2], col];
  }

  /** Code at x runs before code at y on some path through fn: x comes first and is not
   * in a branch that returns before y. A signal in a loop that y is not in is one of
   * many (`for ... { ch <- v }` matched by as many receives): which one the waiter
   * received is not known, so it is not counted. */
  private precedes(fn: FuncInfo, x: ast.Span, y: ast.Span, yRoot?: ast.Span): boolean {
    if (spanContains(x, y) || spanContains(y, x)) return false;
    if (!before(x, y)) return this.nextIteration(fn, x, y, yRoot);
    const flow = this.flowOf(fn);
    if (spanContains(flow.end, x)) return false;
    if (flow.loops.some((l) => spanContains(l, x) && !spanContains(l, y))) return false;
    for (const c of flow.conds) {
      if (!spanContains(c, x) || spanContains(c, y)) continue;
      if (flow.returns.some((r) => spanContains(c, r) && before(x, r))) return false;
    }
    return true;
  }

  /**
   * A signal x written after y in a loop around both, sent only on some iterations (`if
   * i == 0 { started.Done() }`, a "the goroutine is running" barrier): the iterations
   * after it run y again, after the signal. An unconditional signal in each iteration (a
   * worker's Done per job, a select-default reply per request) is matched by as many
   * waits, and so is y on a variable of the iteration (`for call := range c.sends`): each
   * signal is about its own iteration's object.
   */
  private nextIteration(fn: FuncInfo, x: ast.Span, y: ast.Span, yRoot?: ast.Span): boolean {
    const flow = this.flowOf(fn);
    if (spanContains(flow.end, x)) return false;
    const loop = flow.loops.filter((l) => spanContains(l, x) && spanContains(l, y)).sort((p, q) => (before(p, q) ? 1 : -1))[0];
    if (!loop || (yRoot && spanContains(loop, yRoot))) return false;
    const cond = flow.ifs.find((c) => spanContains(loop, c) && spanContains(c, x) && !spanContains(c, y));
    if (!cond) return false;
    // A branch that leaves after signalling (`wg.Done(); return`) runs no next iteration.
    return !flow.returns.some((r) => spanContains(cond, r) && before(x, r)) && !flow.breaks.some((b) => spanContains(cond, b) && before(x, b));
  }

  private flowOf(fn: FuncInfo): Flow {
    let hit = this.flows.get(fn);
    if (hit) return hit;
    const body = fn.body!;
    const flow: Flow = { conds: [], ifs: [], loops: [], returns: [], breaks: [], defers: [], end: [body.span[2], body.span[3], body.span[2], body.span[3]] };
    walk(body, (n) => {
      if (n.kind === 'FuncLit') return false;
      switch (n.kind) {
        case 'IfStmt':
          flow.conds.push(n.body.span);
          flow.ifs.push(n.body.span);
          if (n.else) { flow.conds.push(n.else.span); flow.ifs.push(n.else.span); }
          break;
        case 'CaseClause': case 'CommClause':
          flow.conds.push(n.span);
          break;
        case 'ForStmt': case 'RangeStmt':
          flow.loops.push(n.span);
          break;
        case 'ReturnStmt':
          flow.returns.push(n.span);
          break;
        case 'DeferStmt':
          flow.defers.push(n.span);
          break;
        case 'BranchStmt':
          if (n.tok === 'break' || n.tok === 'goto') flow.breaks.push(n.span);
          break;
        default:
      }
      return undefined;
    });
    hit = flow;
    this.flows.set(fn, hit);
    return hit;
  }
}
