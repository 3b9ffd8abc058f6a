/**
 * Places in memory as the concurrency facts name them: a root (a variable, or an
 * anonymous value such as a call result) followed by a path of field selections.
 * A place's *target key* identifies the memory location across functions (the same
 * field of the same struct type, the same package variable, the same captured local);
 * its root and path identify the instance within one function, which lock ownership
 * and confinement need.
 */
import type * as ast from '../syntax/ast.js';
import { unparen } from '../model/checker.js';
import type { FieldSelection, VarObj } from '../model/objects.js';
import type { Program } from '../model/program.js';
import type { TypeDecl } from '../model/types.js';

export interface Place {
  /** The variable the place starts from, or null for a call result or literal. */
  root: VarObj | null;
  /** The expression the path starts at (the root Ident, or the call). */
  rootExpr: ast.Expr;
  /** Field names from the root, embedded fields included. */
  path: string[];
  /** true when a pointer is dereferenced between the root and the last field. */
  throughPointer: boolean;
  /** Cross-function identity of the location; null when not a tracked location. */
  key: string | null;
  /** The last field selected, when the place is a field. */
  field: FieldSelection | null;
  /** Reached through an element with a non-constant index (`results[i].n`): goroutines
   * given different indexes touch different elements. */
  indexed?: boolean;
}

export function declKey(d: TypeDecl | null, fallback: string): string {
  return d ? `${d.pkgPath}.${d.name}` : fallback;
}

/** Resolves an expression denoting a variable or a field chain. */
export function placeOf(program: Program, e: ast.Expr): Place | null {
  const x = unparen(e);
  if (x.kind === 'Ident') {
    const o = program.objectOf(x);
    if (o?.kind !== 'var') return null;
    return { root: o, rootExpr: x, path: [], throughPointer: false, key: varKey(o), field: null };
  }
  if (x.kind === 'SelectorExpr') {
    const s = program.selectionOf(x);
    if (!s) return null;
    if (s.kind === 'qualified') {
      if (s.obj.kind !== 'var') return null;
      return { root: s.obj, rootExpr: x, path: [], throughPointer: false, key: varKey(s.obj), field: null };
    }
    if (s.kind !== 'field') return null;
    const base = placeOf(program, x.x);
    const baseType = program.typeOf(x.x);
    const inner = unparen(x.x);
    const indexed = (base?.indexed ?? false) || (inner.kind === 'IndexExpr' && !(inner.indices.length === 1 && inner.indices[0]!.kind === 'BasicLit'));
    const throughPointer = (base?.throughPointer ?? false) || baseType.kind === 'pointer' || s.indirect;
    const owner = declKey(s.owner, `anon@${s.span ? s.span.join(':') : '?'}`);
    const key = `field:${owner}.${s.name}`;
    if (!base) {
      return { root: null, rootExpr: x.x, path: [...s.path, s.name], throughPointer, key, field: s, indexed };
    }
    return { root: base.root, rootExpr: base.rootExpr, path: [...base.path, ...s.path, s.name], throughPointer, key, field: s, indexed };
  }
  if (x.kind === 'StarExpr') return placeOf(program, x.x);
  return null;
}

export function varKey(v: VarObj): string {
  return v.scope === 'pkg' ? `pkgvar:${v.pkgPath}.${v.name}` : `var:${v.id}`;
}

/** A short source-like rendering of an expression for messages. */
export function exprText(e: ast.Expr): string {
  switch (e.kind) {
    case 'Ident': return e.name;
    case 'BasicLit': return e.value.length > 20 ? e.value.slice(0, 17) + '...' : e.value;
    case 'SelectorExpr': return `${exprText(e.x)}.${e.sel.name}`;
    case 'IndexExpr': return `${exprText(e.x)}[${e.indices.map(exprText).join(', ')}]`;
    case 'StarExpr': return `*${exprText(e.x)}`;
    case 'ParenExpr': return `(${exprText(e.x)})`;
    case 'UnaryExpr': return `${e.op}${exprText(e.x)}`;
    case 'CallExpr': return `${exprText(e.fun)}(${e.args.length ? '...' : ''})`;
    case 'SliceExpr': return `${exprText(e.x)}[${e.low ? exprText(e.low) : ''}:${e.high ? exprText(e.high) : ''}${e.max ? `:${exprText(e.max)}` : ''}]`;
    case 'BinaryExpr': return `${exprText(e.x)} ${e.op} ${exprText(e.y)}`;
    case 'FuncLit': return 'func(){...}';
    case 'CompositeLit': return `${e.type ? exprText(e.type) : ''}{...}`;
    default: return '...';
  }
}

/** `&T{...}`, `T{...}`, `new(T)`, `make(...)`: a fresh object. */
export function isAllocation(e: ast.Expr): boolean {
  const x = unparen(e);
  if (x.kind === 'CompositeLit') return true;
  if (x.kind === 'UnaryExpr' && x.op === '&' && unparen(x.x).kind === 'CompositeLit') return true;
  return x.kind === 'CallExpr' && x.fun.kind === 'Ident' && (x.fun.name === 'new' || x.fun.name === 'make');
}
