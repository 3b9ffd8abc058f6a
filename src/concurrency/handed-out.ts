/**
 * Getters that hand out what their receiver holds: `func (s *S) Jobs() []*Job { return
 * append([]*Job(nil), s.jobs...) }` copies the slice but not the jobs, so the caller's
 * elements are the receiver's own objects; `func (n *Node) Config() Config { return n.cfg }`
 * copies the struct, but its slices and maps still share the receiver's backing arrays.
 */
import type * as ast from '../syntax/ast.js';
import { walk } from '../syntax/walk.js';
import { calleeOf, isFuncCall } from '../model/calls.js';
import { unparen } from '../model/checker.js';
import { singleDefinition } from '../model/definitions.js';
import type { FuncInfo } from '../model/objects.js';
import type { Program } from '../model/program.js';
import { underlying } from '../model/typeops.js';
import { exprText, isAllocation } from './places.js';

export interface HandedOut {
  /** The receiver expression of the call. */
  recv: ast.Expr;
  /** `pkg.Type` of the method's receiver. */
  typeKey: string;
  /** Path from the receiver to what is returned (fields, `[]` for an element). */
  path: string[];
  /** A shallow copy of a slice: only its elements (when pointers) are the receiver's. */
  copy: boolean;
}

const caches = new WeakMap<Program, Map<FuncInfo, { path: string[]; copy: boolean } | null>>();

/** The call of a module method whose every return hands out one receiver-held place. */
export function handedOut(program: Program, call: ast.CallExpr): HandedOut | null {
  const c = calleeOf(program, call);
  const f = unparen(call.fun);
  const m = c?.kind === 'method' ? c.sel.method.info : null;
  if (!m?.body || !m.recv || !m.recvDecl || f.kind !== 'SelectorExpr') return null;
  let cache = caches.get(program);
  if (!cache) caches.set(program, (cache = new Map()));
  let r = cache.get(m);
  if (r === undefined) {
    r = returnedPlace(program, m);
    cache.set(m, r);
  }
  if (!r) return null;
  return { recv: f.x, typeKey: `${m.recvDecl.pkgPath}.${m.recvDecl.name}`, path: r.path, copy: r.copy };
}

function returnedPlace(program: Program, m: FuncInfo): { path: string[]; copy: boolean } | null {
  let found: { path: string[]; copy: boolean } | null = null;
  let bad = false;
  walk(m.body!, (n) => {
    if (bad) return false;
    if (n.kind === 'FuncLit') return false;
    if (n.kind !== 'ReturnStmt' || n.results.length === 0) return undefined;
    let r = unparen(n.results[0]!);
    if (r.kind === 'Ident' && r.name === 'nil') return undefined;
    let copy = false;
    // `append([]*T(nil), s.f...)`, `append([]*T{}, s.f...)`, `slices.Clone(s.f)`.
    if (r.kind === 'CallExpr') {
      const c = calleeOf(program, r);
      const t = underlying(program.typeOf(r));
      if (t.kind !== 'slice' || t.elem.kind !== 'pointer') { bad = true; return false; }
      if (c?.kind === 'builtin' && c.name === 'append' && r.ellipsis && r.args.length === 2 && emptySlice(unparen(r.args[0]!))) r = unparen(r.args[1]!);
      else if (isFuncCall(c, 'slices', 'Clone') && r.args.length === 1) r = unparen(r.args[0]!);
      else { bad = true; return false; }
      copy = true;
    }
    // `v, ok := s.m[k]; return v, ok`: the local read out of the receiver, handed out as is.
    // `for _, c := range p.conns { ...; return c }`: one of the receiver's pointers.
    const path: string[] = [];
    // `return s.samples[:s.pos]`: a part of the field's slice holds the same elements.
    while (!copy && r.kind === 'SliceExpr' && underlying(program.typeOf(r)).kind === 'slice') r = unparen(r.x);
    if (r.kind === 'Ident') {
      const el = rangedPointer(program, m, r);
      if (el) { path.push('[]'); r = el; } else r = returnedReadOut(program, m, r) ?? lookedUpOrStored(program, m, r) ?? r;
    }
    while (r.kind === 'SelectorExpr' || r.kind === 'IndexExpr') {
      if (r.kind === 'SelectorExpr') {
        const s = program.selectionOf(r);
        if (s?.kind !== 'field') { bad = true; return false; }
        path.unshift(...s.path, s.name);
      } else path.unshift('[]');
      r = unparen(r.x);
    }
    if (path.length === 0 || r.kind !== 'Ident' || program.objectOf(r) !== m.recv) { bad = true; return false; }
    if (found && (found.copy !== copy || found.path.join('.') !== path.join('.'))) { bad = true; return false; }
    found = { path, copy };
    return undefined;
  });
  return bad ? null : found;
}

function emptySlice(e: ast.Expr): boolean {
  // `[]T(nil)`, `[]T{}`, `nil`
  if (e.kind === 'CompositeLit') return e.elts.length === 0;
  if (e.kind === 'CallExpr' && e.args.length === 1) { const a = unparen(e.args[0]!); return a.kind === 'Ident' && a.name === 'nil'; }
  return e.kind === 'Ident' && e.name === 'nil';
}

/**
 * A local of m returned as is (`v, ok := s.items[k]; return v, ok`): the expression it
 * was read out of, when it is defined once by a field or element chain and used nowhere
 * else but in returns (no `v.f = clone(v.f)` in between: then the caller gets a copy).
 */
export function returnedReadOut(program: Program, m: FuncInfo, id: ast.Ident): ast.Expr | null {
  const v = program.objectOf(id);
  if (v?.kind !== 'var' || v.scope !== 'local' || v.func !== m || !m.body) return null;
  const def = singleDefinition(program, v);
  const d = def ? unparen(def) : null;
  if (!d || (d.kind !== 'SelectorExpr' && d.kind !== 'IndexExpr')) return null;
  const inReturn = new Set<ast.Node>();
  let defining: ast.Node | null = null;
  walk(m.body, (n) => {
    if (n.kind === 'ReturnStmt') for (const x of n.results) if (x.kind === 'Ident') inReturn.add(x);
    if (n.kind === 'AssignStmt' && n.rhs.length === 1 && n.rhs[0] === def) defining = n;
    return undefined;
  });
  let other = false;
  walk(m.body, (n) => {
    if (other) return false;
    if (n === defining) return false;
    if (n.kind === 'Ident' && !inReturn.has(n) && program.objectOf(n) === v) other = true;
    return undefined;
  });
  return other ? null : d;
}

/**
 * A map or pointer local of m returned after a look-up-or-create (`b, ok := t.byTenant[k];
 * if !ok { b = map[string]int64{}; t.byTenant[k] = b }; return b`): every definition is
 * the one element read out of the receiver or a new object that m stores in that same
 * element, so the caller always gets the element the receiver holds.
 */
function lookedUpOrStored(program: Program, m: FuncInfo, id: ast.Ident): ast.Expr | null {
  const v = program.objectOf(id);
  if (v?.kind !== 'var' || v.scope !== 'local' || v.func !== m || !m.body) return null;
  const k = underlying(v.type).kind;
  if (k !== 'map' && k !== 'pointer') return null;
  let read: ast.Expr | null = null;
  let made = false;
  let ok = true;
  const stored: string[] = [];
  walk(m.body, (n) => {
    if (!ok) return false;
    if (n.kind === 'FuncLit') return false;
    if (n.kind === 'RangeStmt' && [n.key, n.value].some((x) => x?.kind === 'Ident' && program.objectOf(x) === v)) ok = false;
    if (n.kind !== 'AssignStmt' && n.kind !== 'ValueSpec') return undefined;
    const lhs = n.kind === 'AssignStmt' ? n.lhs : n.names;
    const rhs = n.kind === 'AssignStmt' ? n.rhs : n.values;
    lhs.forEach((l, i) => {
      const r = lhs.length === rhs.length ? rhs[i] : rhs.length === 1 && i === 0 ? rhs[0] : undefined;
      // `t.byTenant[k] = b`: the new object stored where it was looked up.
      if (r && unparen(r).kind === 'Ident' && program.objectOf(unparen(r) as ast.Ident) === v && lhs.length === rhs.length) stored.push(exprText(l));
      if (l.kind !== 'Ident' || program.objectOf(l) !== v) return;
      if (!r) { if (n.kind !== 'ValueSpec') ok = false; return; }
      if (isAllocation(r)) { made = true; return; }
      const x = unparen(r);
      if ((x.kind !== 'IndexExpr' && x.kind !== 'SelectorExpr') || (read && exprText(read) !== exprText(x))) { ok = false; return; }
      read = x;
    });
    return undefined;
  });
  const d = read as ast.Expr | null;
  if (!ok || !d || !made || !stored.includes(exprText(d))) return null;
  return d;
}

/**
 * A pointer range value of m returned as is (`for _, c := range p.conns { if ... { return
 * c } }`): the collection it ranges over, whose element the caller gets (the pointer, not
 * a copy: what m does to it first is done to that element too).
 */
export function rangedPointer(program: Program, m: FuncInfo, id: ast.Ident): ast.Expr | null {
  const v = program.objectOf(id);
  if (v?.kind !== 'var' || v.scope !== 'local' || v.func !== m || !m.body || v.type.kind !== 'pointer') return null;
  let byVar = rangedCache.get(m);
  if (!byVar) {
    // Every pointer range value of m over a slice or array, found in one walk.
    const found = new Map<unknown, ast.Expr>();
    walk(m.body, (n) => {
      if (n.kind === 'RangeStmt' && n.value?.kind === 'Ident' && n.tok === ':=') {
        const t = underlying(program.typeOf(n.x));
        if (t.kind === 'slice' || t.kind === 'array') found.set(program.objectOf(n.value), unparen(n.x));
      }
      return undefined;
    });
    rangedCache.set(m, (byVar = found));
  }
  return byVar.get(v) ?? null;
}
const rangedCache = new WeakMap<FuncInfo, Map<unknown, ast.Expr>>();
