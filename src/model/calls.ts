/**
 * What a call expression calls, as far as the static types say, and the reverse index
 * from a function to its call sites.
 */
import type * as ast from '../syntax/ast.js';
import { kindSet, walkBodyKinds } from '../syntax/walk.js';
import { unparen } from './checker.js';
import type { FuncInfo, FuncObj, MethodSelection } from './objects.js';
import type { Program } from './program.js';

export type Callee =
  | { kind: 'func'; obj: FuncObj }
  | { kind: 'method'; sel: MethodSelection }
  | { kind: 'builtin'; name: string }
  | { kind: 'literal'; info: FuncInfo }
  /** A function value: a variable, field or result of type func. */
  | { kind: 'value'; expr: ast.Expr };

export function calleeOf(program: Program, call: ast.CallExpr): Callee | null {
  const fun = unparen(call.fun);
  const base = fun.kind === 'IndexExpr' ? unparen(fun.x) : fun; // generic instantiation
  if (base.kind === 'Ident') {
    const o = program.objectOf(base);
    if (o?.kind === 'func') return { kind: 'func', obj: o };
    if (o?.kind === 'builtin') return { kind: 'builtin', name: o.name };
    if (o?.kind === 'var') return { kind: 'value', expr: base };
    return null;
  }
  if (base.kind === 'SelectorExpr') {
    const sel = program.selectionOf(base);
    if (!sel) return null;
    if (sel.kind === 'method') return { kind: 'method', sel };
    if (sel.kind === 'qualified') {
      if (sel.obj.kind === 'func') return { kind: 'func', obj: sel.obj };
      if (sel.obj.kind === 'var') return { kind: 'value', expr: base };
      return null;
    }
    return { kind: 'value', expr: base };
  }
  if (base.kind === 'FuncLit') {
    const info = program.funcOfLit(base);
    return info ? { kind: 'literal', info } : null;
  }
  return null;
}

/** Is this a call of the package-level function pkgPath.name? */
export function isFuncCall(c: Callee | null, pkgPath: string, names: string | readonly string[]): c is { kind: 'func'; obj: FuncObj } {
  return c?.kind === 'func' && c.obj.pkgPath === pkgPath && (typeof names === 'string' ? c.obj.name === names : names.includes(c.obj.name));
}

/** Is this a call of method name on the named type pkgPath.typeName (or promoted from it)? */
export function isMethodCall(c: Callee | null, pkgPath: string, typeName: string, names: string | readonly string[]): c is { kind: 'method'; sel: MethodSelection } {
  if (c?.kind !== 'method') return false;
  const d = c.sel.method.recvDecl;
  return !!d && d.pkgPath === pkgPath && d.name === typeName && (typeof names === 'string' ? c.sel.method.name === names : names.includes(c.sel.method.name));
}

/** The function in the module a call statically reaches (function, method, literal). */
export function staticTarget(c: Callee | null): FuncInfo | null {
  if (!c) return null;
  if (c.kind === 'func') return c.obj.info;
  if (c.kind === 'method') return c.sel.method.info;
  if (c.kind === 'literal') return c.info;
  return null;
}

export interface CallSite {
  call: ast.CallExpr;
  caller: FuncInfo;
}

const indexes = new WeakMap<Program, Map<FuncInfo, CallSite[]>>();
const CALLS = kindSet('CallExpr');

/** Every static call site of fn in the module. */
export function callSitesOf(program: Program, fn: FuncInfo): CallSite[] {
  let idx = indexes.get(program);
  if (!idx) {
    idx = new Map();
    for (const caller of program.funcs) {
      if (!caller.body) continue;
      walkBodyKinds(caller.body, CALLS, (n) => {
        if (n.kind !== 'CallExpr') return;
        const t = staticTarget(calleeOf(program, n));
        if (!t) return;
        const list = idx!.get(t) ?? [];
        list.push({ call: n, caller });
        idx!.set(t, list);
      });
    }
    indexes.set(program, idx);
  }
  return idx.get(fn) ?? [];
}

const EXITING_FUNCS: Record<string, readonly string[]> = {
  os: ['Exit'],
  log: ['Fatal', 'Fatalf', 'Fatalln', 'Panic', 'Panicf', 'Panicln'],
  runtime: ['Goexit'],
};
const EXITING_METHODS: Record<string, readonly string[]> = {
  'log.Logger': ['Fatal', 'Fatalf', 'Fatalln', 'Panic', 'Panicf', 'Panicln'],
  'testing.T': ['Fatal', 'Fatalf', 'FailNow', 'Skip', 'Skipf', 'SkipNow'],
  'testing.B': ['Fatal', 'Fatalf', 'FailNow', 'Skip', 'Skipf', 'SkipNow'],
  'testing.F': ['Fatal', 'Fatalf', 'FailNow', 'Skip', 'Skipf', 'SkipNow'],
  'testing.TB': ['Fatal', 'Fatalf', 'FailNow', 'Skip', 'Skipf', 'SkipNow'],
  'testing.common': ['Fatal', 'Fatalf', 'FailNow', 'Skip', 'Skipf', 'SkipNow'],
};

/**
 * Calls after which the statement's path does not go on: panic, os.Exit, log.Fatal and
 * log.Panic, runtime.Goexit, and a test's Fatal/FailNow/Skip (which end its goroutine).
 */
export function neverReturns(program: Program, call: ast.CallExpr): boolean {
  const c = calleeOf(program, call);
  if (!c) return false;
  if (c.kind === 'builtin') return c.name === 'panic';
  if (c.kind === 'func') return EXITING_FUNCS[c.obj.pkgPath]?.includes(c.obj.name) ?? false;
  if (c.kind === 'method') {
    const m = c.sel.method;
    const owner = m.recvDecl ?? (m.iface?.kind === 'named' ? m.iface.decl : null);
    return !!owner && (EXITING_METHODS[`${owner.pkgPath}.${owner.name}`]?.includes(m.name) ?? false);
  }
  return false;
}

/** `pool.Get()` on a sync.Pool, possibly asserted (`pool.Get().(*T)`). */
export function isPoolGet(program: Program, e: ast.Expr): boolean {
  let x = unparen(e);
  if (x.kind === 'TypeAssertExpr') x = unparen(x.x);
  return x.kind === 'CallExpr' && isMethodCall(calleeOf(program, x), 'sync', 'Pool', 'Get');
}
