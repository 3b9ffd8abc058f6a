/**
 * Whether a goroutine reaches a method only on an object of its own. Following the
 * context's witness chain back from the method, the receiver is traced through each call:
 * to the caller's receiver, to one of its parameters (then one call further up), or to a
 * local the caller made itself (`var buf bytes.Buffer`, `e := &encodeState{}`,
 * `enc := json.NewEncoder(w)`). When every way in ends at such a local, the goroutine
 * works on a private object, and what it does to that object cannot race with another
 * goroutine's object of the same type.
 */
import type * as ast from '../syntax/ast.js';
import { walk } from '../syntax/walk.js';
import { staticTarget, calleeOf } from '../model/calls.js';
import { unparen } from '../model/checker.js';
import type { FuncInfo, VarObj } from '../model/objects.js';
import type { Program } from '../model/program.js';
import { underlying } from '../model/typeops.js';
import type { Type } from '../model/types.js';
import type { CallGraph } from './callgraph.js';
import { isAllocation } from './places.js';

type Origin = 'private' | 'shared' | { recv: true } | { param: number };

export class PrivateReceivers {
  private readonly localCache = new Map<VarObj, boolean>();
  private readonly returnedCache = new Map<VarObj, boolean>();
  private readonly freshCache = new Map<FuncInfo, boolean>();
  private readonly leakCache = new Map<string, boolean>();

  constructor(
    private readonly program: Program,
    private readonly callgraph: CallGraph,
    private readonly captured: Set<VarObj>,
  ) {}

  /**
   * chain: root-to-fn witness of one context. true when fn's receiver is, on this chain,
   * an object some function of the chain created for itself.
   */
  receiverIsPrivate(chain: FuncInfo[]): boolean {
    let wantRecv = true;
    let wantParams = new Set<number>();
    for (let i = chain.length - 1; i > 0; i--) {
      const callee = chain[i]!;
      const caller = chain[i - 1]!;
      const edges = this.callgraph.callees(caller).filter((e) => e.targets.includes(callee));
      if (!edges.length) return false;
      let nextRecv = false;
      const nextParams = new Set<number>();
      for (const e of edges) {
        const exprs: ast.Expr[] = [];
        if (wantRecv) {
          const f = unparen(e.call.fun);
          if (f.kind !== 'SelectorExpr' || !callee.recv) return false;
          exprs.push(f.x);
        }
        for (const p of wantParams) {
          const a = e.call.args[p];
          if (!a) return false;
          exprs.push(a);
        }
        for (const x of exprs) {
          const o = this.originIn(caller, x);
          if (o === 'shared') return false;
          if (o === 'private') continue;
          if ('recv' in o) nextRecv = true;
          else nextParams.add(o.param);
        }
      }
      if (!nextRecv && nextParams.size === 0) return true;
      wantRecv = nextRecv;
      wantParams = nextParams;
    }
    // Back at the goroutine's own function: the object came with it.
    return false;
  }

  /** Where the object an expression denotes comes from, inside fn. */
  private originIn(fn: FuncInfo, e: ast.Expr): Origin {
    let x = unparen(e);
    for (let guard = 0; guard < 16; guard++) {
      if (x.kind === 'UnaryExpr' && x.op === '&') { x = unparen(x.x); continue; }
      if (x.kind === 'SelectorExpr') {
        const s = this.program.selectionOf(x);
        if (s?.kind !== 'field') return 'shared';
        // A struct held by value belongs to its holder; through a pointer, an interface or
        // a reference type it may be anyone's.
        if (!ownedValue(s.type)) return 'shared';
        x = unparen(x.x);
        continue;
      }
      break;
    }
    if (x.kind === 'CompositeLit') return 'private';
    if (x.kind === 'CallExpr') return this.freshResult(x) ? 'private' : 'shared';
    if (x.kind !== 'Ident') return 'shared';
    const v = this.program.objectOf(x);
    if (v?.kind !== 'var') return 'shared';
    if (v === fn.recv) return { recv: true };
    const pi = fn.params.indexOf(v);
    if (pi >= 0) return { param: pi };
    if (v.scope !== 'local' || v.func !== fn) return 'shared';
    return this.privateLocal(v) ? 'private' : 'shared';
  }

  /**
   * A local made here (allocation, zero value, fresh constructor result) that nothing else
   * can see: see leaks(). A constructor's local may also be returned (`returned`).
   */
  private privateLocal(v: VarObj, returned = false): boolean {
    const cache = returned ? this.returnedCache : this.localCache;
    const hit = cache.get(v);
    if (hit !== undefined) return hit;
    cache.set(v, false); // recursion guard
    let result = false;
    const body = v.func?.body;
    if (body && v.func) {
      let defs = 0;
      let fresh = true;
      walk(body, (n) => {
        if (n.kind === 'FuncLit') return false;
        if (n.kind === 'AssignStmt') {
          n.lhs.forEach((l, i) => {
            if (l.kind !== 'Ident' || this.program.objectOf(l) !== v) return;
            defs++;
            const r = n.lhs.length === n.rhs.length ? n.rhs[i]! : null;
            if (!r || !this.freshExpr(r)) fresh = false;
          });
        } else if (n.kind === 'ValueSpec') {
          n.names.forEach((id, i) => {
            if (this.program.objectOf(id) !== v && this.program.info.defs.get(id) !== v) return;
            defs++;
            const init = n.values[i];
            if (init ? !this.freshExpr(init) : !isValueStruct(v.type)) fresh = false;
          });
        } else if (n.kind === 'RangeStmt') {
          for (const k of [n.key, n.value]) if (k?.kind === 'Ident' && this.program.objectOf(k) === v) fresh = false;
        }
        return undefined;
      });
      result = defs === 1 && fresh && !this.leaks(v.func, v, returned, 0);
    }
    cache.set(v, result);
    return result;
  }

  /**
   * Whether the object in variable v of fn can become visible outside fn's call: stored,
   * captured, sent, started with, returned (unless allowed), or handed to a call (or a
   * method) that lets its parameter (or receiver) leak in turn. Field reads and writes,
   * and calls into code outside the module, keep it private.
   */
  private leaks(fn: FuncInfo, v: VarObj, allowReturn: boolean, depth: number): boolean {
    if (this.captured.has(v) || !fn.body) return true;
    const key = `${fn.id}|${v.id}|${allowReturn}`;
    const hit = this.leakCache.get(key);
    if (hit !== undefined) return hit;
    if (depth > 4) return true;
    this.leakCache.set(key, true); // recursion guard: a cycle is taken as a leak
    const handled = new Set<ast.Node>();
    let leak = false;
    const isV = (e: ast.Expr | undefined): ast.Ident | null => {
      if (!e) return null;
      let x = unparen(e);
      if (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
      return x.kind === 'Ident' && this.program.objectOf(x) === v ? x : null;
    };
    const goCalls = new Set<ast.Node>();
    walk(fn.body, (n) => {
      if (leak) return false;
      if (n.kind === 'GoStmt' || n.kind === 'DeferStmt') goCalls.add(n.call);
      if (n.kind === 'CallExpr') {
        const c = calleeOf(this.program, n);
        const f = unparen(n.fun);
        // v.M(...): the method's receiver must not leak.
        if (f.kind === 'SelectorExpr') {
          const id = isV(f.x);
          const sel = id ? this.program.selectionOf(f) : null;
          if (id && sel?.kind === 'method') {
            handled.add(id);
            if (goCalls.has(n)) { leak = true; return false; }
            const t = staticTarget(c);
            if (t) { if (t.recv && this.leaks(t, t.recv, true, depth + 1)) leak = true; }
            else if (sel.method.info || sel.method.iface) leak = true; // dynamic: unknown
          }
        }
        n.args.forEach((a, i) => {
          const id = isV(a);
          if (!id) return;
          handled.add(id);
          if (goCalls.has(n)) { leak = true; return; }
          if (c?.kind === 'builtin') { if (c.name === 'append') leak = true; return; }
          const t = staticTarget(c);
          if (!t) { if (c?.kind !== 'func' && c?.kind !== 'method') leak = true; return; } // a function value: unknown
          const param = t.params[Math.min(i, t.params.length - 1)];
          if (!param || (t.sig.variadic && i >= t.params.length - 1) || this.leaks(t, param, true, depth + 1)) leak = true;
        });
        return undefined;
      }
      if (n.kind === 'SelectorExpr') { const id = isV(n.x); if (id) handled.add(id); }
      if (n.kind === 'ReturnStmt' && allowReturn) for (const r of n.results) { const id = isV(r); if (id) handled.add(id); }
      if (n.kind === 'AssignStmt') for (const l of n.lhs) if (l.kind === 'Ident' && this.program.objectOf(l) === v) handled.add(l);
      if (n.kind === 'ValueSpec') for (const id of n.names) handled.add(id);
      if (n.kind === 'Ident' && this.program.objectOf(n) === v && !handled.has(n)) { leak = true; return false; }
      return undefined;
    });
    this.leakCache.set(key, leak);
    return leak;
  }

  private freshExpr(e: ast.Expr): boolean {
    const x = unparen(e);
    if (isAllocation(x)) return true;
    return x.kind === 'CallExpr' && this.freshResult(x);
  }

  /** A call of a module function that returns an object it allocated (`NewEncoder`). */
  private freshResult(call: ast.CallExpr): boolean {
    const t = staticTarget(calleeOf(this.program, call));
    if (!t?.body) return false;
    const hit = this.freshCache.get(t);
    if (hit !== undefined) return hit;
    this.freshCache.set(t, false); // recursion guard
    let returns = 0;
    let fresh = 0;
    walk(t.body, (n) => {
      if (n.kind === 'FuncLit') return false;
      if (n.kind !== 'ReturnStmt' || n.results.length === 0) return undefined;
      returns++;
      const r = unparen(n.results[0]!);
      if (isAllocation(r)) { fresh++; return undefined; }
      if (r.kind === 'Ident') {
        const v = this.program.objectOf(r);
        if (v?.kind === 'var' && v.scope === 'local' && v.func === t && this.privateLocal(v, true)) fresh++;
      }
      return undefined;
    });
    const result = returns > 0 && fresh === returns;
    this.freshCache.set(t, result);
    return result;
  }
}

function ownedValue(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'struct' || u.kind === 'array' || (u.kind === 'basic' && t.kind !== 'unknown');
}

function isValueStruct(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'struct' || u.kind === 'array';
}
