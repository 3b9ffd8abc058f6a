/**
 * Which goroutine contexts reach each function, with the caller that reached it first
 * (one witness chain per context). On a large tree this is tens of millions of
 * (context, function) pairs: they are kept in typed arrays grouped by function, not in
 * per-function maps, so building them is a breadth-first walk over integer arrays and
 * the garbage collector has almost nothing to trace.
 */
import type { FuncInfo, PackageInfo } from '../model/objects.js';
import type { CallGraph } from './callgraph.js';

/** Growable Int32 buffer. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
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
    const calleesOf = (i: number): Int32Array => {
      let hit = callees[i];
      if (!hit) {
        const list: number[] = [];
        for (const e of cg.callees(this.funcs[i]!)) for (const t of e.targets) list.push(this.idOf(t));
        hit = callees[i] = Int32Array.from(list);
      }
      return hit;
    };
    const triples = { ctx: new IntList(), fn: new IntList(), parent: new IntList() };
    let stamp = new Int32Array(1024).fill(-1);
    const seen = (i: number, cid: number): boolean => {
      if (i >= stamp.length) {
        const grown = new Int32Array(Math.max(stamp.length * 2, i + 1)).fill(-1);
        grown.set(stamp);
        stamp = grown;
      }
      if (stamp[i] === cid) return true;
      stamp[i] = cid;
      return false;
    };
    const record = (cid: number, fn: number, parent: number): void => {
      triples.ctx.push(cid);
      triples.fn.push(fn);
      triples.parent.push(parent);
    };
    for (const c of contexts) {
      let frontier: number[] = [];
      for (const r of c.roots) {
        const i = this.idOf(r);
        if (!seen(i, c.id)) { record(c.id, i, -1); frontier.push(i); }
      }
      const linked = linkedFor(c);
      const linkedCache = new Map<PackageInfo, boolean>();
      const links = (t: number): boolean => {
        if (!linked) return true;
        const p = this.funcs[t]!.pkg;
        let hit = linkedCache.get(p);
        if (hit === undefined) linkedCache.set(p, (hit = linked(p)));
        return hit;
      };
      for (let depth = 0; depth < maxDepth && frontier.length; depth++) {
        const next: number[] = [];
        for (const f of frontier) {
          for (const t of calleesOf(f)) {
            if (!links(t) || seen(t, c.id)) continue;
            record(c.id, t, f);
            next.push(t);
          }
        }
        frontier = next;
      }
    }
    this.group(triples.ctx, triples.fn, triples.parent);
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
  private group(ctx: IntList, fn: IntList, parent: IntList): void {
    const n = this.funcs.length;
    const offsets = new Int32Array(n + 1);
    for (let k = 0; k < fn.length; k++) offsets[fn.data[k]! + 1]!++;
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, n);
    this.ctxIds = new Int32Array(fn.length);
    this.parents = new Int32Array(fn.length);
    for (let k = 0; k < fn.length; k++) {
      const at = fill[fn.data[k]!]!++;
      this.ctxIds[at] = ctx.data[k]!;
      this.parents[at] = parent.data[k]!;
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
