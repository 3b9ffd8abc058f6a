/**
 * Which goroutine contexts reach each function, with the caller that reached it first
 * (one witness chain per context). On a large tree this is tens of millions of
 * (context, function) pairs: they are kept in typed arrays grouped by function, not in
 * per-function maps, so building them is a breadth-first walk over integer arrays and
 * the garbage collector has almost nothing to trace.
 */
import type { FuncInfo, PackageInfo, VarObj } from '../model/objects.js';
import { underlying } from '../model/typeops.js';
import type { CallGraph } from './callgraph.js';

/** Per call slot: the guard parameter (or -1) and what the call hands the callee's
 * function-typed parameters, as (parameter, source) pairs: source -1 a function, -2 nil,
 * k >= 0 the caller's parameter k passed on. null: everything (an enabling the call
 * cannot tell apart). */
interface SlotFlow {
  guard: number;
  sources: Int32Array | null;
}

export interface ReachContext {
  id: number;
  roots: readonly FuncInfo[];
}

export class ReachIndex {
  private readonly index = new Map<FuncInfo, number>();
  private readonly funcs: FuncInfo[] = [];
  /** Per function index: where its entries start in ctxIds/parents (CSR offsets). */
  private offsets = new Int32Array(1);
  /** Context ids, ascending within each function's run. */
  private ctxIds = new Int32Array(0);
  /** Parent function index per entry; -1 for a root. */
  private parents = new Int32Array(0);

  /**
   * Breadth-first from each context's roots, at most maxDepth calls deep. `linkedFor`
   * gives, per context, which packages its program links (null: any); a call into a
   * package it does not link is not followed. Contexts must come in ascending id order.
   * A call of a function-typed parameter (`qf(pkg)`, see CallEdge.guard) is followed
   * only once some call the context makes hands that parameter a function: a context
   * whose every call passes `nil` (`ObjectString(obj, nil)`) does not reach the
   * functions other callers pass.
   */
  constructor(
    cg: CallGraph,
    contexts: readonly ReachContext[],
    maxDepth: number,
    linkedFor: (c: ReachContext) => ((p: PackageInfo) => boolean) | null,
  ) {
    // Callee lists as integer arrays, built on first visit (edge order kept: the first
    // caller in breadth-first order is the witness).
    const callees: Array<Int32Array | undefined> = [];
    // Per function: null when no call slot guards or hands on a function-typed parameter.
    const flows: Array<Array<SlotFlow | null> | null> = [];
    // Function-typed parameters, numbered.
    const paramIndex = new Map<VarObj, number>();
    const paramId = (v: VarObj): number => {
      let k = paramIndex.get(v);
      if (k === undefined) { k = paramIndex.size; paramIndex.set(v, k); }
      return k;
    };
    const funcParams = (f: FuncInfo): VarObj[] => f.params.filter((p) => underlying(p.type).kind === 'func');
    let stamp = new Int32Array(1024).fill(-1);
    const calleesOf = (i: number): Int32Array => {
      let hit = callees[i];
      if (!hit) {
        const list: number[] = [];
        let slots: Array<SlotFlow | null> | null = null;
        for (const e of cg.callees(this.funcs[i]!)) {
          for (const t of e.targets) {
            const guard = e.guard ? paramId(e.guard) : -1;
            let flow: SlotFlow | null = null;
            const ps = funcParams(t);
            if (guard >= 0 || ps.length) {
              const src = ps.length ? cg.paramSources(e, t) : null;
              let sources: Int32Array | null = null;
              if (src) {
                sources = new Int32Array(src.length * 2);
                src.forEach(([p, from], k) => {
                  sources![2 * k] = paramId(p);
                  sources![2 * k + 1] = from === null ? -1 : from === 'nil' ? -2 : paramId(from);
                });
              } else if (ps.length) {
                sources = new Int32Array(ps.length * 2);
                ps.forEach((p, k) => { sources![2 * k] = paramId(p); sources![2 * k + 1] = -1; });
              }
              flow = { guard, sources };
              slots ??= new Array<SlotFlow | null>(list.length).fill(null);
            }
            if (slots) slots.push(flow);
            list.push(this.idOf(t));
          }
        }
        flows[i] = slots;
        hit = callees[i] = Int32Array.from(list);
        if (this.funcs.length > stamp.length) {
          const grown = new Int32Array(Math.max(stamp.length * 2, this.funcs.length)).fill(-1);
          grown.set(stamp);
          stamp = grown;
        }
      }
      return hit;
    };
    // (context, function, parent) triples, three ints each, in one growable buffer.
    let triples = new Int32Array(3 << 16);
    let n = 0;
    const record = (cid: number, fn: number, parent: number): void => {
      if (n + 3 > triples.length) {
        const grown = new Int32Array(triples.length * 2);
        grown.set(triples);
        triples = grown;
      }
      triples[n] = cid;
      triples[n + 1] = fn;
      triples[n + 2] = parent;
      n += 3;
    };
    // Per context, whether its program links each package, decided once per package:
    // valid while pkgStamp[p] is the context's id.
    const pkgIndex = new Map<PackageInfo, number>();
    const pkgs: PackageInfo[] = [];
    let pkgOf = new Int32Array(1024);
    let pkgsKnown = 0;
    const pkgOfFunc = (t: number): number => {
      while (pkgsKnown <= t) {
        if (pkgsKnown >= pkgOf.length) { const grown = new Int32Array(pkgOf.length * 2); grown.set(pkgOf); pkgOf = grown; }
        const p = this.funcs[pkgsKnown]!.pkg;
        let pi = pkgIndex.get(p);
        if (pi === undefined) { pi = pkgs.length; pkgs.push(p); pkgIndex.set(p, pi); }
        pkgOf[pkgsKnown++] = pi;
      }
      return pkgOf[t]!;
    };
    let pkgStamp = new Int32Array(64).fill(-1);
    let pkgLinked = new Uint8Array(64);
    // Per context: the function-typed parameters some call hands a function (enabled
    // while paramStamp[k] is the context's id), the guarded calls waiting for one, and
    // the parameters handed on to others (enabling one enables those).
    let paramStamp = new Int32Array(256).fill(-1);
    const waiting = new Map<number, number[]>();
    const handedTo = new Map<number, number[]>();
    let cid = -1;
    let next: number[] = [];
    const enabled = (k: number): boolean => k < paramStamp.length && paramStamp[k] === cid;
    const enable = (k0: number): void => {
      const queue = [k0];
      while (queue.length) {
        const k = queue.pop()!;
        if (k >= paramStamp.length) {
          const grown = new Int32Array(Math.max(paramStamp.length * 2, k + 1)).fill(-1);
          grown.set(paramStamp);
          paramStamp = grown;
        }
        if (paramStamp[k] === cid) continue;
        paramStamp[k] = cid;
        const calls = waiting.get(k);
        if (calls) {
          waiting.delete(k);
          for (let j = 0; j < calls.length; j += 2) {
            const f = calls[j]!;
            const t = calls[j + 1]!;
            if (stamp[t] === cid || (linked && !isLinked(t))) continue;
            stamp[t] = cid;
            record(cid, t, f);
            next.push(t);
          }
        }
        const on = handedTo.get(k);
        if (on) { handedTo.delete(k); queue.push(...on); }
      }
    };
    let linked: ((p: PackageInfo) => boolean) | null = null;
    const isLinked = (t: number): boolean => {
      const pi = pkgOfFunc(t);
      if (pi >= pkgStamp.length) {
        const stamps = new Int32Array(Math.max(pkgStamp.length * 2, pi + 1)).fill(-1);
        stamps.set(pkgStamp);
        pkgStamp = stamps;
        const values = new Uint8Array(stamps.length);
        values.set(pkgLinked);
        pkgLinked = values;
      }
      if (pkgStamp[pi] !== cid) { pkgStamp[pi] = cid; pkgLinked[pi] = linked!(pkgs[pi]!) ? 1 : 0; }
      return pkgLinked[pi] === 1;
    };
    const enableAll = (f: FuncInfo): void => { for (const p of funcParams(f)) enable(paramId(p)); };
    for (const c of contexts) {
      cid = c.id;
      waiting.clear();
      handedTo.clear();
      linked = linkedFor(c);
      next = [];
      let frontier: number[] = [];
      for (const r of c.roots) {
        const i = this.idOf(r);
        if (i >= stamp.length) calleesOf(i);
        if (stamp[i] !== cid) { stamp[i] = cid; record(cid, i, -1); frontier.push(i); }
        // Whoever starts a root may hand its parameters anything.
        enableAll(r);
      }
      for (let depth = 0; depth < maxDepth && frontier.length; depth++) {
        next = [];
        for (const f of frontier) {
          const out = calleesOf(f);
          const slots = flows[f];
          for (let k = 0; k < out.length; k++) {
            const t = out[k]!;
            const flow = slots ? slots[k] : null;
            if (flow) {
              const src = flow.sources;
              if (src) {
                for (let j = 0; j < src.length; j += 2) {
                  const p = src[j]!;
                  const from = src[j + 1]!;
                  if (from === -1) enable(p);
                  else if (from >= 0 && !enabled(p)) {
                    if (enabled(from)) enable(p);
                    else { const l = handedTo.get(from); if (l) l.push(p); else handedTo.set(from, [p]); }
                  }
                }
              }
              if (flow.guard >= 0 && !enabled(flow.guard)) {
                if (stamp[t] !== cid) { const l = waiting.get(flow.guard); if (l) l.push(f, t); else waiting.set(flow.guard, [f, t]); }
                continue;
              }
            }
            if (stamp[t] === cid) continue;
            if (linked && !isLinked(t)) continue;
            stamp[t] = cid;
            record(cid, t, f);
            next.push(t);
          }
        }
        frontier = next;
      }
    }
    this.group(triples, n / 3);
  }

  private idOf(f: FuncInfo): number {
    let i = this.index.get(f);
    if (i === undefined) {
      i = this.funcs.length;
      this.funcs.push(f);
      this.index.set(f, i);
    }
    return i;
  }

  /** Counting sort of the (context, function, parent) triples by function; stable, so
   * each function's context ids stay ascending. */
  private group(triples: Int32Array, count: number): void {
    const n = this.funcs.length;
    const offsets = new Int32Array(n + 1);
    for (let k = 0; k < count; k++) offsets[triples[3 * k + 1]! + 1]!++;
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, n);
    this.ctxIds = new Int32Array(count);
    this.parents = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const at = fill[triples[3 * k + 1]!]!++;
      this.ctxIds[at] = triples[3 * k]!;
      this.parents[at] = triples[3 * k + 2]!;
    }
    this.offsets = offsets;
  }

  /** Position of context cid in fn's run, or -1. */
  private find(fn: FuncInfo, cid: number): number {
    const i = this.index.get(fn);
    if (i === undefined || i + 1 >= this.offsets.length) return -1;
    let lo = this.offsets[i]!;
    let hi = this.offsets[i + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.ctxIds[mid]!;
      if (v === cid) return mid;
      if (v < cid) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  reaches(fn: FuncInfo, cid: number): boolean {
    return this.find(fn, cid) >= 0;
  }

  /** The caller through which context cid first reached fn: null for a root, undefined
   * when cid does not reach fn. */
  parentIn(fn: FuncInfo, cid: number): FuncInfo | null | undefined {
    const at = this.find(fn, cid);
    if (at < 0) return undefined;
    const p = this.parents[at]!;
    return p < 0 ? null : this.funcs[p]!;
  }

  /** Ids of the contexts reaching fn, ascending. */
  contextIdsOf(fn: FuncInfo): Int32Array {
    const i = this.index.get(fn);
    if (i === undefined || i + 1 >= this.offsets.length) return new Int32Array(0);
    return this.ctxIds.subarray(this.offsets[i]!, this.offsets[i + 1]!);
  }

  /** Number of (context, function) pairs. */
  get size(): number {
    return this.ctxIds.length;
  }
}
