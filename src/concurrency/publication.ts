/**
 * Publication through an atomic flag (release/acquire). A goroutine writes its data and
 * then sets a flag atomically (`r.store = s; r.synced.Store(true)`); another reads the
 * data only once a load of that flag saw it set (`if r.synced.Load() { use(r.store) }`,
 * `for !r.ready.Load() {}`, `if !waitForSync(r.HasSynced) { t.Fatal() }`). The atomic
 * store synchronises with the load that observes it, so the write happens before the read.
 *
 * Kept simple and on the safe side:
 * - release: every store that can set the flag (a Store, Swap, CompareAndSwap, Add or Or of
 *   anything but a zero value) is in the writer's own function, after the write and outside
 *   any loop around both, and that function runs once (no caller calls it in a loop);
 * - acquire: the read is in its function's code that runs only after a load of the flag
 *   observed it set: the then-branch of `if <flag set>`, after `if <flag not set> { return }`,
 *   after `for <flag not set> {}` or a `for {}` left only by breaks taken when it is set.
 *   Conditions may call module functions that report the flag (`HasSynced() bool { return
 *   r.synced.Load() }`), also through a function value passed as a parameter.
 */
import type * as ast from '../syntax/ast.js';
import { kindSet, walk, walkBodyKinds } from '../syntax/walk.js';
import { calleeOf, neverReturns, staticTarget } from '../model/calls.js';
import { unparen } from '../model/checker.js';
import type { FuncInfo } from '../model/objects.js';
import type { Program } from '../model/program.js';
import type { CallGraph } from './callgraph.js';
import { placeOf } from './places.js';
import { spanContains } from './spans.js';

/** The part of an access publication needs. */
export interface PublishedAccess {
  fn: FuncInfo;
  span: ast.Span;
}

interface ReleaseSite {
  fn: FuncInfo;
  span: ast.Span;
}

/** A statement (or branch) and the flags known set whenever it runs. */
interface Region {
  span: ast.Span;
  keys: Set<string>;
}

const ATOMIC_TYPES = new Set(['Bool', 'Int32', 'Int64', 'Uint32', 'Uint64', 'Uintptr', 'Pointer', 'Value']);
const RELEASE_METHODS = new Set(['Store', 'Swap', 'CompareAndSwap', 'Add', 'Or']);
const RELEASE_FUNC = /^(Store|Swap|CompareAndSwap|Add|Or)(Int32|Int64|Uint32|Uint64|Uintptr|Pointer)$/;
const LOAD_FUNC = /^Load(Int32|Int64|Uint32|Uint64|Uintptr|Pointer)$/;
const CALLS = kindSet('CallExpr');
const BRANCHES = kindSet('BranchStmt');

export class Publication {
  private releases: Map<string, ReleaseSite[]> | null = null;
  private readonly regions = new Map<FuncInfo, Region[]>();
  private readonly predicates = new Map<FuncInfo, string | null>();

  constructor(
    private readonly program: Program,
    private readonly callgraph: CallGraph,
    /** Loops of a function's own body. */
    private readonly loopsOf: (fn: FuncInfo) => readonly ast.Span[],
    /** The function runs at most once per goroutine that runs it (no caller loops over it). */
    private readonly runsOnce: (fn: FuncInfo) => boolean,
  ) {}

  /** Access a happens before access b through a flag a's function sets after a and b's
   * function checks before b. */
  ordered(a: PublishedAccess, b: PublishedAccess): boolean {
    const keys = this.guardsOf(b);
    if (!keys.size) return false;
    const all = this.releaseSites();
    for (const k of keys) {
      const sites = all.get(k);
      if (!sites?.length) continue;
      const loops = this.loopsOf(a.fn);
      const after = sites.every((s) => s.fn === a.fn && before(a.span, s.span) && !loops.some((l) => spanContains(l, a.span) && spanContains(l, s.span)));
      if (after && this.runsOnce(a.fn)) return true;
    }
    return false;
  }

  /** Flags known set wherever b runs in its function. */
  private guardsOf(b: PublishedAccess): Set<string> {
    let best: Region | null = null;
    for (const r of this.regionsOf(b.fn)) {
      if (!spanContains(r.span, b.span)) continue;
      if (!best || spanContains(best.span, r.span)) best = r;
    }
    return best?.keys ?? new Set();
  }

  // ------------------------------------------------------------ release sites

  private releaseSites(): Map<string, ReleaseSite[]> {
    if (this.releases) return this.releases;
    const out = new Map<string, ReleaseSite[]>();
    for (const fn of this.program.funcs) {
      if (!fn.body) continue;
      walkBodyKinds(fn.body, CALLS, (n) => {
        if (n.kind !== 'CallExpr') return undefined;
        const r = this.releaseOf(n);
        if (r) {
          const list = out.get(r) ?? [];
          list.push({ fn, span: n.span });
          out.set(r, list);
        }
        return undefined;
      });
    }
    this.releases = out;
    return out;
  }

  /** The flag a call can set (a store of anything but a zero value), or null. */
  private releaseOf(call: ast.CallExpr): string | null {
    const c = calleeOf(this.program, call);
    const fun = unparen(call.fun);
    if (c?.kind === 'method' && fun.kind === 'SelectorExpr' && isAtomicType(c.sel.method.recvDecl) && RELEASE_METHODS.has(c.sel.method.name)) {
      const value = call.args[c.sel.method.name === 'CompareAndSwap' ? 1 : 0];
      if (value && isZero(value)) return null;
      return placeOf(this.program, fun.x)?.key ?? null;
    }
    if (c?.kind === 'func' && c.obj.pkgPath === 'sync/atomic' && RELEASE_FUNC.test(c.obj.name)) {
      const value = call.args[c.obj.name.startsWith('CompareAndSwap') ? 2 : 1];
      if (value && isZero(value)) return null;
      const p = call.args[0] ? unparen(call.args[0]) : null;
      if (p?.kind !== 'UnaryExpr' || p.op !== '&') return null;
      return placeOf(this.program, p.x)?.key ?? null;
    }
    return null;
  }

  // ------------------------------------------------------------ acquire

  /** The flag an expression loads, or null. */
  private loadOf(e: ast.Expr, fn: FuncInfo): string | null {
    const x = unparen(e);
    if (x.kind !== 'CallExpr') return null;
    const c = calleeOf(this.program, x);
    const fun = unparen(x.fun);
    if (c?.kind === 'method' && fun.kind === 'SelectorExpr' && isAtomicType(c.sel.method.recvDecl) && c.sel.method.name === 'Load') {
      return placeOf(this.program, fun.x)?.key ?? null;
    }
    if (c?.kind === 'func' && c.obj.pkgPath === 'sync/atomic' && LOAD_FUNC.test(c.obj.name)) {
      const p = x.args[0] ? unparen(x.args[0]) : null;
      if (p?.kind !== 'UnaryExpr' || p.op !== '&') return null;
      return placeOf(this.program, p.x)?.key ?? null;
    }
    return this.predicateCall(x, fn);
  }

  /** A call of a function that reports a flag set (`r.HasSynced()`, `synced()` for a
   * parameter, `waitForSync(d, r.HasSynced)`): the flag, or `param:i`. */
  private predicateCall(call: ast.CallExpr, fn: FuncInfo): string | null {
    const fun = unparen(call.fun);
    if (fun.kind === 'Ident') {
      const o = this.program.objectOf(fun);
      const i = o?.kind === 'var' ? fn.params.indexOf(o) : -1;
      if (i >= 0) return `param:${i}`;
    }
    const c = calleeOf(this.program, call);
    const targets = this.callgraph.targetsOf(c, fn.pkg);
    if (!targets.length || (!staticTarget(c) && targets.length > 1)) return null;
    let key: string | null = null;
    for (const t of targets) {
      let k = this.predicateOf(t);
      if (!k) return null;
      const m = /^param:(\d+)$/.exec(k);
      if (m) {
        const arg = call.args[Number(m[1])];
        if (!arg) return null;
        const fs = this.callgraph.funcValues(arg);
        if (!fs.length) return null;
        k = null;
        for (const f of fs) {
          const fk = this.predicateOf(f);
          if (!fk || fk.startsWith('param:') || (k && fk !== k)) return null;
          k = fk;
        }
      }
      if (!k || (key && key !== k)) return null;
      key = k;
    }
    return key;
  }

  /** For a function returning bool: the flag it reports set (every `true` it returns is
   * a load of the flag, or returned where the flag is known set), or null. */
  private predicateOf(fn: FuncInfo): string | null {
    if (this.predicates.has(fn)) return this.predicates.get(fn)!;
    this.predicates.set(fn, null); // recursion guard
    let key: string | null = null;
    let ok = !!fn.body && fn.sig.results.length === 1 && isBool(fn.sig.results[0]);
    if (ok) {
      const regions = this.regionsOf(fn);
      walk(fn.body!, (n) => {
        if (!ok || n.kind === 'FuncLit') return false;
        if (n.kind !== 'ReturnStmt') return undefined;
        const r = n.results[0];
        if (!r) { ok = false; return false; }
        const x = unparen(r);
        if (x.kind === 'Ident' && x.name === 'false') return false;
        let keys: Set<string>;
        if (x.kind === 'Ident' && x.name === 'true') {
          let best: Region | null = null;
          for (const g of regions) if (spanContains(g.span, n.span) && (!best || spanContains(best.span, g.span))) best = g;
          keys = best?.keys ?? new Set();
        } else keys = this.condKeys(x, fn).pos;
        const k = keys.size === 1 ? [...keys][0]! : null;
        if (!k || (key && key !== k)) { ok = false; return false; }
        key = k;
        return false;
      });
    }
    const out = ok ? key : null;
    this.predicates.set(fn, out);
    return out;
  }

  /** Flags known set when a condition is true (pos) and when it is false (neg). */
  private condKeys(e: ast.Expr, fn: FuncInfo): { pos: Set<string>; neg: Set<string> } {
    const x = unparen(e);
    const none = { pos: new Set<string>(), neg: new Set<string>() };
    if (x.kind === 'UnaryExpr' && x.op === '!') {
      const inner = this.condKeys(x.x, fn);
      return { pos: inner.neg, neg: inner.pos };
    }
    if (x.kind === 'BinaryExpr') {
      if (x.op === '&&') {
        const l = this.condKeys(x.x, fn);
        const r = this.condKeys(x.y, fn);
        return { pos: new Set([...l.pos, ...r.pos]), neg: intersect(l.neg, r.neg) };
      }
      if (x.op === '||') {
        const l = this.condKeys(x.x, fn);
        const r = this.condKeys(x.y, fn);
        return { pos: intersect(l.pos, r.pos), neg: new Set([...l.neg, ...r.neg]) };
      }
      // `flag.Load() == 1`, `atomic.LoadInt32(&s.ready) != 0`, `p.Load() != nil`.
      let load = this.loadOf(x.x, fn);
      let lit: ast.Expr = x.y;
      let op = x.op;
      if (!load) {
        load = this.loadOf(x.y, fn);
        lit = x.x;
        op = op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
      }
      if (!load || !isLiteral(lit)) return none;
      const zero = isZero(lit);
      const set = new Set([load]);
      if ((op === '==' && !zero) || (op === '!=' && zero) || (op === '>' && zero)) return { pos: set, neg: new Set() };
      if ((op === '==' && zero) || (op === '!=' && !zero)) return { pos: new Set(), neg: set };
      return none;
    }
    const load = this.loadOf(x, fn);
    return load ? { pos: new Set([load]), neg: new Set() } : none;
  }

  /** The statements of fn with the flags known set when they run (see the class comment). */
  private regionsOf(fn: FuncInfo): Region[] {
    let hit = this.regions.get(fn);
    if (hit) return hit;
    hit = [];
    this.regions.set(fn, hit);
    if (!fn.body) return hit;
    let labeledJumps = false;
    walkBodyKinds(fn.body, BRANCHES, (n) => {
      if (n.kind === 'BranchStmt' && (n.label || n.tok === 'goto')) labeledJumps = true;
      return undefined;
    });
    const out = hit;
    // Sets of flags at the breaks of the loops being walked (innermost last); null for a
    // switch or select, whose breaks leave it, not the loop.
    const breaks: Array<Array<Set<string>> | null> = [];
    const block = (list: readonly ast.Stmt[], keys: Set<string>): Set<string> => {
      let cur = keys;
      for (const s of list) cur = stmt(s, cur);
      return cur;
    };
    const stmt = (s: ast.Stmt, keys: Set<string>): Set<string> => {
      if (keys.size) out.push({ span: s.span, keys });
      switch (s.kind) {
        case 'BlockStmt': return block(s.list, keys);
        case 'LabeledStmt': return stmt(s.stmt, keys);
        case 'IfStmt': {
          const k = this.condKeys(s.cond, fn);
          const thenKeys = union(keys, k.pos);
          const elseKeys = union(keys, k.neg);
          if (thenKeys.size) out.push({ span: s.body.span, keys: thenKeys });
          block(s.body.list, thenKeys);
          if (s.else) stmt(s.else, elseKeys);
          const thenEnds = terminates(this.program, s.body.list);
          const elseEnds = !!s.else && terminates(this.program, s.else.kind === 'BlockStmt' ? s.else.list : [s.else]);
          if (thenEnds && !elseEnds) return elseKeys;
          if (elseEnds && !thenEnds) return thenKeys;
          return keys;
        }
        case 'ForStmt': {
          const k = s.cond ? this.condKeys(s.cond, fn) : null;
          const mine: Array<Set<string>> = [];
          breaks.push(mine);
          const bodyKeys = k ? union(keys, k.pos) : keys;
          if (bodyKeys.size) out.push({ span: s.body.span, keys: bodyKeys });
          block(s.body.list, bodyKeys);
          breaks.pop();
          if (labeledJumps) return keys;
          // Left when the condition is false, or at a break.
          const exits = [...mine];
          if (k) exits.push(union(keys, k.neg));
          if (!exits.length) return keys;
          return union(keys, exits.reduce((acc, e) => intersect(acc, e)));
        }
        case 'RangeStmt': {
          breaks.push([]);
          block(s.body.list, keys);
          breaks.pop();
          return keys;
        }
        case 'SwitchStmt':
        case 'TypeSwitchStmt':
        case 'SelectStmt': {
          breaks.push(null);
          for (const c of s.clauses) block(c.body, keys);
          breaks.pop();
          return keys;
        }
        case 'BranchStmt': {
          if (s.tok === 'break' && !s.label) breaks[breaks.length - 1]?.push(keys);
          return keys;
        }
        default: return keys;
      }
    };
    block(fn.body.list, new Set());
    return hit;
  }
}

function isAtomicType(d: { pkgPath: string; name: string } | null | undefined): boolean {
  return !!d && d.pkgPath === 'sync/atomic' && ATOMIC_TYPES.has(d.name);
}

function isBool(t: unknown): boolean {
  const x = t as { kind?: string; name?: string };
  return x?.kind === 'basic' && x.name === 'bool';
}

function isLiteral(e: ast.Expr): boolean {
  const x = unparen(e);
  return x.kind === 'BasicLit' || (x.kind === 'Ident' && (x.name === 'true' || x.name === 'false' || x.name === 'nil'));
}

function isZero(e: ast.Expr): boolean {
  const x = unparen(e);
  if (x.kind === 'Ident') return x.name === 'false' || x.name === 'nil';
  if (x.kind === 'BasicLit') return x.litKind === 'INT' && /^0+$/.test(x.value.replace(/_/g, ''));
  return false;
}

/** The statement list cannot fall through its end. */
function terminates(program: Program, list: readonly ast.Stmt[]): boolean {
  const last = list[list.length - 1];
  if (!last) return false;
  if (last.kind === 'ReturnStmt') return true;
  if (last.kind === 'BranchStmt') return last.tok === 'continue' || last.tok === 'break' || last.tok === 'goto';
  if (last.kind === 'ExprStmt') {
    const x = unparen(last.x);
    return x.kind === 'CallExpr' && neverReturns(program, x);
  }
  if (last.kind === 'BlockStmt') return terminates(program, last.list);
  return false;
}

function union(a: Set<string>, b: Set<string>): Set<string> {
  if (!b.size) return a;
  if (!a.size) return b;
  return new Set([...a, ...b]);
}

function intersect(a: Set<string>, b: Set<string>): Set<string> {
  return new Set([...a].filter((x) => b.has(x)));
}

function before(a: ast.Span, b: ast.Span): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

