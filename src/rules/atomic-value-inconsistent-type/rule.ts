/**
 * atomic-value-inconsistent-type (field guide §1): atomic.Value fixes its concrete type
 * at the first store; a later Store/Swap/CompareAndSwap of another concrete type, or of
 * nil, panics. Interface-typed arguments (error, any) can carry a different dynamic type
 * on each call.
 */
import type { RuleMeta } from '../../core/rule-meta.js';
import type * as ast from '../../syntax/ast.js';
import { kindSet, walk, walkBody, walkBodyKinds } from '../../syntax/walk.js';
import { callSitesOf, calleeOf, isMethodCall } from '../../model/calls.js';
import { unparen } from '../../model/checker.js';
import type { FileInfo, FuncInfo, MethodSelection, VarObj } from '../../model/objects.js';
import type { Program } from '../../model/program.js';
import { defaultType, identical, isInterface } from '../../model/typeops.js';
import { typeString, type Type, type TypeDecl } from '../../model/types.js';
import { relatedAt, type Rule, type RuleContext } from '../rule.js';

export const meta: RuleMeta = {
  id: 'atomic-value-inconsistent-type',
  title: 'atomic.Value stored with inconsistent concrete types',
  severity: 'error',
  defaultConfidence: 'high',
  fixable: false,
  category: '§1 atomic.Value stored with inconsistent concrete types',
  docs: 'docs/rules/atomic-value-inconsistent-type.md',
};

type Op = 'Store' | 'Swap' | 'CompareAndSwap';

interface StoreSite {
  fn: FuncInfo;
  file: FileInfo;
  call: ast.CallExpr;
  op: Op;
  /** The stored value (`new` of CompareAndSwap). */
  arg: ast.Expr;
  /** CompareAndSwap's `old`. */
  old: ast.Expr | null;
  valueName: string;
  key: string | null;
}

const PANIC: Record<Op, { inconsistent: string; nil: string }> = {
  Store: { inconsistent: 'sync/atomic: store of inconsistently typed value into Value', nil: 'sync/atomic: store of nil value into Value' },
  Swap: { inconsistent: 'sync/atomic: swap of inconsistently typed value into Value', nil: 'sync/atomic: swap of nil value into Value' },
  CompareAndSwap: { inconsistent: 'sync/atomic: compare and swap of inconsistently typed value into Value', nil: 'sync/atomic: compare and swap of nil value into Value' },
};

const ADVICE = 'use atomic.Pointer[T], store a wrapper struct (e.g. errBox{err}), or guard a plain variable with a mutex or sync.Once';

const CALLS = kindSet('CallExpr');

function check(ctx: RuleContext): void {
  const program = ctx.program;
  const sites: StoreSite[] = [];
  for (const fn of program.funcs) {
    if (!fn.body) continue;
    walkBodyKinds(fn.body, CALLS, (n) => {
      if (n.kind !== 'CallExpr') return;
      const c = calleeOf(program, n);
      if (!isMethodCall(c, 'sync/atomic', 'Value', ['Store', 'Swap', 'CompareAndSwap'])) return;
      const op = c.sel.method.name as Op;
      const arg = op === 'CompareAndSwap' ? n.args[1] : n.args[0];
      if (!arg) return;
      const recv = (unparen(n.fun) as ast.SelectorExpr).x;
      sites.push({
        fn, file: fn.file, call: n, op, arg, old: op === 'CompareAndSwap' ? n.args[0] ?? null : null,
        valueName: exprText(recv, c.sel), key: valueKey(program, recv, c.sel, fn),
      });
    });
  }

  // 1. nil stores: definite panics.
  for (const s of sites) {
    if (isNil(program, s.arg)) {
      ctx.report({
        file: s.file, span: s.arg.span, confidence: 'high',
        message: `${s.op} of nil into atomic.Value ${s.valueName} panics with "${PANIC[s.op].nil}"; ${ADVICE}`,
        trace: [`${s.valueName}.${s.op}(nil) always panics: atomic.Value cannot hold nil`],
      });
    }
  }

  // 2. CompareAndSwap whose old and new have different concrete types.
  for (const s of sites) {
    if (!s.old || isNil(program, s.old) || isNil(program, s.arg)) continue;
    const ot = concreteType(program, s.old);
    const nt = concreteType(program, s.arg);
    if (ot && nt && !identical(ot, nt)) {
      ctx.report({
        file: s.file, span: s.call.span, confidence: 'high',
        message: `CompareAndSwap on atomic.Value ${s.valueName} with old of type ${typeString(ot)} and new of type ${typeString(nt)} panics with "sync/atomic: compare and swap of inconsistently typed values"; ${ADVICE}`,
      });
    }
  }

  // 3. Different concrete types stored into the same Value.
  const byKey = new Map<string, Array<{ site: StoreSite; type: Type }>>();
  for (const s of sites) {
    if (!s.key || isNil(program, s.arg)) continue;
    const t = concreteType(program, s.arg);
    if (!t) continue;
    const list = byKey.get(s.key) ?? [];
    list.push({ site: s, type: t });
    byKey.set(s.key, list);
  }
  for (const list of byKey.values()) {
    const first = list[0]!;
    for (const other of list.slice(1)) {
      if (identical(first.type, other.type)) continue;
      const s = other.site;
      ctx.report({
        file: s.file, span: s.arg.span, confidence: 'high',
        message: `atomic.Value ${s.valueName} is stored a ${typeString(other.type)} here but a ${typeString(first.type)} at ${first.site.file.ast.path}:${first.site.call.span[0]}; whichever comes second panics with "${PANIC[s.op].inconsistent}"; ${ADVICE}`,
        related: [relatedAt(first.site.file, first.site.arg.span, `${typeString(first.type)} stored into ${first.site.valueName} here`)],
        trace: [
          `${first.site.file.ast.path}:${first.site.call.span[0]}: ${first.site.valueName}.${first.site.op}(<${typeString(first.type)}>)`,
          `${s.file.ast.path}:${s.call.span[0]}: ${s.valueName}.${s.op}(<${typeString(other.type)}>)`,
        ],
      });
    }
  }

  // 4. Interface-typed arguments whose dynamic type can vary.
  for (const s of sites) {
    if (isNil(program, s.arg)) continue;
    const t = program.typeOf(s.arg);
    if (t.kind === 'unknown' || !isInterface(t)) continue;
    if (concreteType(program, s.arg)) continue; // provably one concrete type
    if (s.key && storedOnce(program, s, sites)) continue;
    ctx.report({
      file: s.file, span: s.arg.span, confidence: 'medium',
      message: `${s.op} into atomic.Value ${s.valueName} of a value of interface type ${typeString(t)}: its dynamic type can differ between calls (errors of different origins, for instance), and a ${s.op} with another dynamic type than the first store panics with "${PANIC[s.op].inconsistent}"; ${ADVICE}`,
      trace: [`the static type ${typeString(t)} is an interface: atomic.Value compares the dynamic (concrete) type of every store with the first one`],
    });
  }

  // 5. A type parameter of a generic wrapper (`Latest[T]` storing a T) instantiated with
  //    an interface type somewhere in the module: the same as storing an interface.
  for (const s of sites) {
    const t = program.typeOf(s.arg);
    if (t.kind !== 'typeparam' || !s.fn.recvDecl) continue;
    const method = program.methodsOf(s.fn.recvDecl).get((s.fn.node as ast.FuncDecl).name?.name ?? '');
    const index = (method?.recvTypeParams ?? []).indexOf(t.name);
    if (index < 0) continue;
    const inst = interfaceInstantiation(program, s.fn.recvDecl, index);
    if (!inst) continue;
    ctx.report({
      file: s.file, span: s.arg.span, confidence: 'medium',
      message: `${s.op} into atomic.Value ${s.valueName} of a ${t.name}, and ${s.fn.recvDecl.name} is instantiated with the interface type ${typeString(inst.type)} at ${inst.where}: the dynamic type can differ between calls, and a ${s.op} with another dynamic type than the first store panics with "${PANIC[s.op].inconsistent}"; ${ADVICE}`,
      related: [{ file: inst.file, line: inst.line, column: inst.column, message: `${s.fn.recvDecl.name}[${typeString(inst.type)}] instantiated here` }],
      trace: [`${t.name} is a type parameter; ${s.fn.recvDecl.name}[${typeString(inst.type)}] makes it an interface`],
    });
  }
}

/** The first instantiation of a generic type whose index-th argument is an interface. */
function interfaceInstantiation(program: Program, decl: TypeDecl, index: number): { type: Type; where: string; file: string; line: number; column: number } | null {
  for (const pkg of program.packages) {
    for (const file of pkg.files) {
      let found: { type: Type; where: string; file: string; line: number; column: number } | null = null;
      for (const d of file.ast.decls) {
        walk(d, (n) => {
          if (found || !('span' in n)) return undefined;
          const t0 = program.typeOf(n as ast.Expr);
          const nt = t0.kind === 'pointer' ? t0.elem : t0;
          if (nt.kind !== 'named' || nt.decl !== decl || !nt.args.length) return undefined;
          const arg = nt.args[index];
          if (arg && arg.kind !== 'typeparam' && isInterface(arg)) {
            found = { type: arg, where: `${file.ast.path}:${n.span[0]}`, file: file.ast.path, line: n.span[0], column: n.span[1] };
          }
          return undefined;
        });
        if (found) return found;
      }
    }
  }
  return null;
}

function isNil(program: Program, e: ast.Expr): boolean {
  const x = unparen(e);
  if (x.kind !== 'Ident' || x.name !== 'nil') return false;
  const o = program.objectOf(x);
  return !o || (o.kind === 'const' && o.pkgPath === '');
}

/**
 * The single concrete type an argument provably has, or null. A non-interface static
 * type is its own concrete type; an interface-typed parameter of an unexported function
 * has one when every call site passes the same concrete type.
 */
function concreteType(program: Program, e: ast.Expr, depth = 0): Type | null {
  const t = program.typeOf(e);
  if (t.kind === 'unknown' || t.kind === 'tuple') return null;
  // An untyped constant converted to an interface takes its default type (1 -> int).
  if (!isInterface(t)) return t.kind === 'basic' && t.name === 'untyped nil' ? null : defaultType(t);
  if (depth > 2) return null;
  const x = unparen(e);
  if (x.kind !== 'Ident') return null;
  const o = program.objectOf(x);
  if (o?.kind === 'var' && o.scope === 'local' && o.func?.body) return localConcreteType(program, o, depth);
  if (o?.kind !== 'var' || o.scope !== 'param' || !o.func) return null;
  const fn = o.func;
  if (isExported(fn)) return null;
  const index = fn.params.indexOf(o);
  const sites = callSitesOf(program, fn);
  if (index < 0 || sites.length === 0) return null;
  let found: Type | null = null;
  for (const site of sites) {
    const a = site.call.args[index];
    if (!a) return null;
    const at = concreteType(program, a, depth + 1);
    if (!at) return null;
    if (found && !identical(found, at)) return null;
    found = at;
  }
  return found;
}

/**
 * A local interface variable whose every assignment is one concrete type, or a Load of an
 * atomic.Value (which gives back what was stored): `d := v.Load(); if d == nil {
 * d = make(chan struct{}); v.Store(d) }` stores a chan struct{}.
 */
function localConcreteType(program: Program, v: VarObj, depth: number): Type | null {
  let found: Type | null = null;
  let ok = true;
  walkBody(v.func!.body!, (n) => {
    if (!ok) return false;
    const check = (rhs: ast.Expr | undefined) => {
      if (!rhs) { ok = false; return; }
      const r = unparen(rhs);
      const c = r.kind === 'CallExpr' ? calleeOf(program, r) : null;
      if (isMethodCall(c, 'sync/atomic', 'Value', 'Load')) return;
      const t = concreteType(program, r, depth + 1);
      if (!t || (found && !identical(found, t))) { ok = false; return; }
      found = t;
    };
    if (n.kind === 'AssignStmt') {
      n.lhs.forEach((l, i) => {
        if (l.kind === 'Ident' && program.objectOf(l) === v) check(n.lhs.length === n.rhs.length ? n.rhs[i] : undefined);
      });
    } else if (n.kind === 'ValueSpec') {
      n.names.forEach((id, i) => { if (program.objectOf(id) === v && n.values.length) check(n.values[i]); });
    } else if (n.kind === 'RangeStmt' || n.kind === 'TypeSwitchStmt') {
      for (const k of n.kind === 'RangeStmt' ? [n.key, n.value] : []) if (k?.kind === 'Ident' && program.objectOf(k) === v) ok = false;
    }
    return undefined;
  });
  return ok ? found : null;
}

/**
 * The Value is written once: this is its only store, and it is made only after checking
 * that the Value is still empty (`if v.Load() != nil { return }`), the way a first-error
 * or a lazily made channel is kept. A later store of another type cannot happen.
 */
function storedOnce(program: Program, s: StoreSite, all: StoreSite[]): boolean {
  if (all.some((o) => o !== s && o.key === s.key && !isNil(program, o.arg) && o.op !== 'CompareAndSwap')) return false;
  const fn = s.fn;
  if (!fn.body) return false;
  let guarded = false;
  walkBody(fn.body, (n) => {
    if (guarded || n.kind !== 'IfStmt') return;
    if (n.span[0] > s.call.span[0]) return;
    const loads = (e: ast.Expr): boolean => {
      const x = unparen(e);
      if (x.kind === 'BinaryExpr' && (x.op === '!=' || x.op === '==')) return loads(x.x) || loads(x.y);
      if (x.kind !== 'CallExpr') return false;
      const c = calleeOf(program, x);
      if (!isMethodCall(c, 'sync/atomic', 'Value', 'Load')) return false;
      const recv = (unparen(x.fun) as ast.SelectorExpr).x;
      return valueKey(program, recv, c.sel, fn) === s.key;
    };
    const returns = n.body.list.some((st) => st.kind === 'ReturnStmt');
    const wraps = n.body.span[0] <= s.call.span[0] && s.call.span[0] <= n.body.span[2];
    if (loads(n.cond) && (returns || wraps)) guarded = true;
  });
  return guarded;
}

function isExported(fn: FuncInfo): boolean {
  if (fn.node.kind !== 'FuncDecl') return false;
  return /^[A-Z]/.test(fn.node.name.name);
}

/**
 * Identity of the Value a call stores into: the same variable, or the same field of the
 * same struct type (through embedding). null when it cannot be told.
 */
function valueKey(program: Program, recv: ast.Expr, sel: MethodSelection, fn: FuncInfo): string | null {
  const x = unparen(recv);
  const embedded = sel.path.length ? `.${sel.path.join('.')}` : '';
  if (x.kind === 'Ident') {
    const o = program.objectOf(x);
    if (o?.kind !== 'var') return null;
    const t = o.type;
    // A named struct type embedding the Value: every instance's Value is "the same" field.
    if (embedded) {
      const base = t.kind === 'pointer' ? t.elem : t;
      if (base.kind === 'named') return `field:${base.decl.pkgPath}.${base.decl.name}${embedded}`;
    }
    return `var:${o.id}${embedded}`;
  }
  if (x.kind === 'SelectorExpr') {
    const s = program.selectionOf(x);
    if (s?.kind === 'field') {
      const owner = s.owner ? `${s.owner.pkgPath}.${s.owner.name}` : `anon@${fn.id}`;
      return `field:${owner}.${[...s.path, s.name].join('.')}${embedded}`;
    }
    if (s?.kind === 'qualified' && s.obj.kind === 'var') return `pkgvar:${s.obj.pkgPath}.${s.obj.name}${embedded}`;
  }
  return null;
}

function exprText(e: ast.Expr, sel: MethodSelection): string {
  const base = (() => {
    const x = unparen(e);
    if (x.kind === 'Ident') return x.name;
    if (x.kind === 'SelectorExpr') {
      const parts: string[] = [];
      let cur: ast.Expr = x;
      while (cur.kind === 'SelectorExpr') { parts.unshift(cur.sel.name); cur = unparen(cur.x); }
      if (cur.kind === 'Ident') parts.unshift(cur.name);
      return parts.join('.');
    }
    return 'value';
  })();
  return sel.path.length ? `${base}.${sel.path.join('.')}` : base;
}

export const atomicValueInconsistentType: Rule = { meta, check };
