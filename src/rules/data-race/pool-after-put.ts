/**
 * Use after sync.Pool.Put (field guide §5): within one function, a slice, map or pointer
 * taken out of a pooled object (`out := b.Bytes()`, `p := b.buf[:n]`) and used or returned
 * after `pool.Put(b)` (or after a deferred Put, when returned). Once put back, the pool may
 * hand the object to another goroutine, whose writes then race with the use.
 */
import type * as ast from '../../syntax/ast.js';
import { kindSet, walk, walkBodyKinds } from '../../syntax/walk.js';
import { calleeOf, isFuncCall, isMethodCall, isPoolGet, staticTarget } from '../../model/calls.js';
import { placeOf } from '../../concurrency/places.js';
import { spanContains } from '../../concurrency/spans.js';
import { unparen } from '../../model/checker.js';
import type { FuncInfo, VarObj } from '../../model/objects.js';
import type { Program } from '../../model/program.js';
import { underlying } from '../../model/typeops.js';
import type { ConcurrencyFacts } from '../../concurrency/facts.js';
import type { RuleContext } from '../rule.js';
import { relatedAt } from '../rule.js';

interface Put { span: ast.Span; deferred: boolean; obj: VarObj; text: string }

const before = (a: ast.Span, b: ast.Span): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

export function checkPoolAfterPut(ctx: RuleContext, facts: ConcurrencyFacts): void {
  const program = ctx.program;
  for (const fn of program.funcs) {
    if (!fn.body) continue;
    const puts = poolPuts(program, fn);
    if (!puts.length) continue;
    for (const put of puts) {
      handedBeforePut(ctx, facts, fn, put);
      // Aliases of the pooled object defined before the Put: `out := b.Bytes()`.
      const aliases = new Map<VarObj, ast.Span>();
      walk(fn.body, (n) => {
        if (n.kind === 'FuncLit') return false;
        if (n.kind === 'AssignStmt' && n.lhs.length === 1 && n.rhs.length === 1 && n.lhs[0]!.kind === 'Ident' && before(n.span, put.span)) {
          const v = program.objectOf(n.lhs[0]!) ?? program.info.defs.get(n.lhs[0] as ast.Ident);
          if (v?.kind === 'var' && v.scope === 'local' && aliasOf(program, n.rhs[0]!, put.obj)) aliases.set(v, n.span);
        }
        return undefined;
      });
      // Uses after the Put (any use, for a deferred Put only a return).
      let reported = false;
      walk(fn.body, (n) => {
        if (reported || n.kind === 'FuncLit') return false;
        if (n.kind === 'ReturnStmt') {
          if (!put.deferred && !before(put.span, n.span)) return undefined;
          const r = n.results.find((e) => usesAlias(program, e, aliases, put.obj));
          if (!r) return false;
          reported = true;
          report(ctx, facts, fn, put, r, true);
          return false;
        }
        if (put.deferred || n.kind !== 'Ident' || !before(put.span, n.span)) return undefined;
        const v = program.objectOf(n);
        if (v?.kind === 'var' && aliases.has(v as VarObj) && !assignedAt(fn, n)) {
          reported = true;
          report(ctx, facts, fn, put, n, false);
        }
        return undefined;
      });
    }
  }
}

function report(ctx: RuleContext, facts: ConcurrencyFacts, fn: FuncInfo, put: Put, at: ast.Expr, returned: boolean): void {
  const program = ctx.program;
  // Returned: the use is the caller's (`line := Encode(s); crc32.ChecksumIEEE(line)`).
  const uses = returned ? callerUses(program, facts, fn) : [];
  const concurrent = facts.contextsOf(fn).some((c) => c.spawned || c.multi);
  const where = `${put.text}${put.deferred ? ' (deferred)' : ''} at ${fn.file.ast.path}:${put.span[0]}`;
  const tail = 'the pool may hand the object to another goroutine, whose writes then race with this use; copy the data out before Put, or put the object back only when done with it';
  if (uses.length) {
    for (const u of uses) {
      ctx.report({
        file: u.fn.file, span: u.span, confidence: concurrent ? 'high' : 'medium',
        message: `data race: use of the result of ${fn.name}, memory of the pooled object ${put.obj.name} that it returns after ${where}: ${tail}`,
        related: [relatedAt(fn.file, at.span, `returned here, after ${put.text}`), relatedAt(fn.file, put.span, 'put back in the pool here')],
      });
    }
    return;
  }
  ctx.report({
    file: fn.file, span: at.span, confidence: concurrent ? 'high' : 'medium',
    message: `data race: ${returned ? 'returning' : 'use of'} memory of the pooled object ${put.obj.name} after ${where}: ${tail}`,
    related: [relatedAt(fn.file, put.span, 'put back in the pool here')],
  });
}

const PUT_STATEMENTS = kindSet('DeferStmt', 'ExprStmt');

/**
 * A pooled object got from the pool here (`bp := bufPool.Get().(*[]byte)`), handed to
 * another goroutine (`l.queue <- bp`, `go flush(bp)`) and put back before that goroutine
 * can be done with it (`bufPool.Put(bp)` right after the send, or deferred, with no
 * receive or Wait in between): the next Get, on any goroutine, hands out the same object
 * and its writes (this function's own, the first reported) race with the receiver's reads.
 */
function handedBeforePut(ctx: RuleContext, facts: ConcurrencyFacts, fn: FuncInfo, put: Put): void {
  const program = ctx.program;
  const v = put.obj;
  if (v.scope !== 'local' || v.func !== fn) return;
  let got: ast.Span | null = null;
  let handed: ast.Node | null = null;
  const isV = (e: ast.Expr): boolean => { const x = unparen(e); return x.kind === 'Ident' && program.objectOf(x) === v; };
  walk(fn.body!, (n) => {
    if (n.kind === 'FuncLit') return false;
    const lhs = n.kind === 'AssignStmt' && n.lhs.length === 1 && n.rhs.length === 1 ? n.lhs[0]! : null;
    if (n.kind === 'AssignStmt' && lhs?.kind === 'Ident' && (program.objectOf(lhs) ?? program.info.defs.get(lhs)) === v) {
      got = isPoolGet(program, n.rhs[0]!) ? n.span : null;
    }
    if (handed || !got || (!put.deferred && !before(n.span, put.span))) return undefined;
    if (n.kind === 'SendStmt' && (isV(n.value) || carries(n.value, isV))) handed = n;
    else if (n.kind === 'GoStmt' && (n.call.args.some(isV) || mentions(program, n.call.fun, v))) handed = n;
    return undefined;
  });
  const from = got as ast.Span | null;
  const h = handed as ast.Node | null;
  if (!from || !h || !before(from, h.span)) return;
  // A receive or a Wait between the hand-off and the Put (or the end, for a deferred one).
  // Not a timer's or a context's receive (`case <-time.After(d):` orders nothing with the
  // holder), nor the receive of another select case than the one the Put is in.
  let waits = false;
  const clauses: ast.CommClause[] = [];
  walk(fn.body!, (n) => {
    if (n.kind === 'FuncLit') return false;
    if (n.kind === 'CommClause') clauses.push(n);
    return undefined;
  });
  walk(fn.body!, (n) => {
    if (waits || n.kind === 'FuncLit') return false;
    if (!before(h.span, n.span) || (!put.deferred && !before(n.span, put.span))) return undefined;
    if (n.kind === 'UnaryExpr' && n.op === '<-' && !timerOrContext(program, n.x)) {
      const cc = clauses.find((c) => c.comm && spanContains(c.comm.span, n.span));
      if (!cc || put.deferred || spanContains(cc.span, put.span)) waits = true;
    }
    if (n.kind === 'CallExpr') { const f = unparen(n.fun); if (f.kind === 'SelectorExpr' && f.sel.name === 'Wait') waits = true; }
    return undefined;
  });
  if (waits) return;
  // The first write into the object after the Get: what the next Get's caller does too.
  // Preferably one to a field other functions use as well (what the holder touches).
  let write: ast.Node | null = null;
  let shared: ast.Node | null = null;
  walk(fn.body!, (n) => {
    if (shared || n.kind === 'FuncLit') return false;
    if (!before(from, n.span) || !before(n.span, h.span)) return undefined;
    let target: ast.Expr | null = null;
    if (n.kind === 'AssignStmt') target = n.lhs.map((l) => unparen(l)).find((x) => x.kind !== 'Ident' && rootIs(program, x, v)) ?? null;
    else if (n.kind === 'CallExpr' && calleeOf(program, n)?.kind === 'builtin' && (n.fun as ast.Ident).name === 'append' && n.args[0] && unparen(n.args[0]).kind !== 'Ident' && rootIs(program, unparen(n.args[0]), v)) target = unparen(n.args[0]);
    // A pooled map or slice emptied or trimmed in place (`clear(params)`, `delete(m, k)`).
    else if (n.kind === 'CallExpr' && calleeOf(program, n)?.kind === 'builtin' && ['clear', 'delete'].includes((n.fun as ast.Ident).name) && n.args[0] && isV(n.args[0])) { write ??= n; return undefined; }
    if (!target) return undefined;
    write ??= n;
    const key = placeOf(program, target)?.key;
    if (key && (facts.accessesByKey.get(key) ?? []).some((a) => a.fn !== fn)) shared = n;
    return undefined;
  });
  write = shared ?? write;
  const at = (write as ast.Node | null) ?? h;
  const concurrent = facts.contextsOf(fn).some((c) => c.spawned || c.multi);
  const how = h.kind === 'SendStmt' ? 'sent to another goroutine' : 'handed to a goroutine';
  ctx.report({
    file: fn.file, span: at.span, confidence: concurrent ? 'high' : 'medium',
    message: `data race: the pooled object ${v.name} is ${how} at ${fn.file.ast.path}:${h.span[0]} and then put back by ${put.text}${put.deferred ? ' (deferred)' : ''} at ${fn.file.ast.path}:${put.span[0]} while that goroutine may still use it; the next Get hands the same object out again, and writes like this one race with the receiver's reads; the race detector reports "WARNING: DATA RACE"; put the object back only where its last user is done with it (after the receiver's write), or send a copy`,
    related: [relatedAt(fn.file, h.span, 'handed off here'), relatedAt(fn.file, put.span, 'put back in the pool here')],
  });
}

/** A receive from a timer or a context (`time.After(d)`, `t.C`, `ctx.Done()`): it says
 * nothing about what another goroutine has finished. */
function timerOrContext(program: Program, e: ast.Expr): boolean {
  const x = unparen(e);
  const c = x.kind === 'CallExpr' ? calleeOf(program, x) : null;
  if (c && (isFuncCall(c, 'time', ['After', 'Tick']) || isMethodCall(c, 'context', 'Context', 'Done'))) return true;
  if (x.kind === 'SelectorExpr' && x.sel.name === 'C') {
    const t = program.typeOf(x.x);
    const n = t.kind === 'pointer' ? t.elem : t;
    return n.kind === 'named' && n.decl.pkgPath === 'time' && (n.decl.name === 'Timer' || n.decl.name === 'Ticker');
  }
  return false;
}

/** x (a selector, index, star or slice chain) starts at variable v. */
function rootIs(program: Program, e: ast.Expr, v: VarObj): boolean {
  let x = unparen(e);
  for (;;) {
    if (x.kind === 'SelectorExpr' || x.kind === 'IndexExpr' || x.kind === 'StarExpr' || x.kind === 'SliceExpr') { x = unparen(x.x); continue; }
    break;
  }
  return x.kind === 'Ident' && program.objectOf(x) === v;
}

/** The expression names v. */
function mentions(program: Program, e: ast.Node, v: VarObj): boolean {
  let hit = false;
  walk(e, (n) => {
    if (hit) return false;
    if (n.kind === 'Ident' && program.objectOf(n) === v) hit = true;
    return undefined;
  });
  return hit;
}

/** `pool.Put(b)` calls (plain or deferred) on a sync.Pool, with b a local or parameter
 * holding a pointer or a map. */
function poolPuts(program: Program, fn: FuncInfo): Put[] {
  const out: Put[] = [];
  walkBodyKinds(fn.body!, PUT_STATEMENTS, (n) => {
    const deferred = n.kind === 'DeferStmt';
    const call = n.kind === 'DeferStmt' ? n.call : n.kind === 'ExprStmt' && unparen(n.x).kind === 'CallExpr' ? unparen(n.x) as ast.CallExpr : null;
    if (!call || call.args.length !== 1) return undefined;
    if (!isMethodCall(calleeOf(program, call), 'sync', 'Pool', 'Put')) return undefined;
    const a = unparen(call.args[0]!);
    const o = a.kind === 'Ident' ? program.objectOf(a) : null;
    // A pointer, or a map (a reference too: the pool hands out the same map).
    if (o?.kind !== 'var' || (o.scope !== 'local' && o.scope !== 'param') || (o.type.kind !== 'pointer' && underlying(o.type).kind !== 'map')) return undefined;
    const f = unparen(call.fun);
    out.push({ span: n.span, deferred, obj: o, text: `${f.kind === 'SelectorExpr' ? textOf(f.x) + '.' : ''}Put(${o.name})` });
    return undefined;
  });
  return out;
}

function textOf(e: ast.Expr): string {
  const x = unparen(e);
  return x.kind === 'Ident' ? x.name : x.kind === 'SelectorExpr' ? `${textOf(x.x)}.${x.sel.name}` : '...';
}

/** A composite literal (or its address) that holds a value isV accepts as one of its
 * fields or elements (`rt.log <- entry{params: params}`): sending it hands that value over. */
function carries(e: ast.Expr, isV: (e: ast.Expr) => boolean): boolean {
  let x = unparen(e);
  if (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
  if (x.kind !== 'CompositeLit') return false;
  return x.elts.some((el) => isV(el.kind === 'KeyValueExpr' ? el.value : el));
}

/** e is memory of the pooled object b, not a copy: `b.Bytes()`, `b.buf`, `b.buf[:n]`. */
function aliasOf(program: Program, e: ast.Expr, b: VarObj): boolean {
  let x = unparen(e);
  while (x.kind === 'SliceExpr') x = unparen(x.x);
  const t = underlying(program.typeOf(x));
  if (t.kind !== 'slice' && t.kind !== 'map' && t.kind !== 'pointer') return false;
  if (x.kind === 'CallExpr') {
    // bytes.Buffer's Bytes and AvailableBuffer hand out its own array.
    const c = calleeOf(program, x);
    const f = unparen(x.fun);
    if (!isMethodCall(c, 'bytes', 'Buffer', ['Bytes', 'AvailableBuffer']) || f.kind !== 'SelectorExpr') return false;
    x = unparen(f.x);
    return x.kind === 'Ident' && program.objectOf(x) === b;
  }
  if (x.kind !== 'SelectorExpr' || program.selectionOf(x)?.kind !== 'field') return false;
  const r = unparen(x.x);
  return r.kind === 'Ident' && program.objectOf(r) === b;
}

function usesAlias(program: Program, e: ast.Expr, aliases: Map<VarObj, ast.Span>, b: VarObj): boolean {
  const x = unparen(e);
  if (aliasOf(program, x, b)) return true;
  const inner = x.kind === 'SliceExpr' ? unparen(x.x) : x;
  if (inner.kind !== 'Ident') return false;
  const o = program.objectOf(inner);
  return o?.kind === 'var' && aliases.has(o as VarObj);
}

/** The identifier is the left side of an assignment (redefined, not used). */
function assignedAt(fn: FuncInfo, id: ast.Ident): boolean {
  let found = false;
  walk(fn.body!, (n) => {
    if (found) return false;
    if (n.kind === 'AssignStmt' && n.lhs.some((l) => l === id)) found = true;
    return undefined;
  });
  return found;
}

/** Where callers use the result of fn: the first use of `v := fn(...)` after the call. */
function callerUses(program: Program, facts: ConcurrencyFacts, fn: FuncInfo): Array<{ fn: FuncInfo; span: ast.Span }> {
  const out: Array<{ fn: FuncInfo; span: ast.Span }> = [];
  for (const e of facts.callgraph.callers(fn)) {
    if (staticTarget(calleeOf(program, e.call)) !== fn || !e.caller.body) continue;
    let v: VarObj | null = null;
    walk(e.caller.body, (n) => {
      if (v) return false;
      if (n.kind === 'AssignStmt' && n.rhs.length === 1 && unparen(n.rhs[0]!) === e.call && n.lhs.length === 1 && n.lhs[0]!.kind === 'Ident') {
        const o = program.objectOf(n.lhs[0]!) ?? program.info.defs.get(n.lhs[0] as ast.Ident);
        if (o?.kind === 'var' && o.scope === 'local') v = o as VarObj;
      }
      return undefined;
    });
    if (!v) continue;
    let first: ast.Span | null = null;
    walk(e.caller.body, (n) => {
      if (first) return false;
      if (n.kind === 'Ident' && program.objectOf(n) === v && before(e.call.span, n.span) && !assignedAt(e.caller, n)) first = n.span;
      return undefined;
    });
    if (first) out.push({ fn: e.caller, span: first });
  }
  return out;
}
