/**
 * Conditions that are false in every run, so the code they guard never runs: a constant
 * false (`const debugGetPut = false`), or an unexported package-level bool, or a bool
 * field of one, that nothing in its package ever sets (`var alwaysFalse bool` and
 * `if alwaysFalse { sink = x }`, the idiom that makes the compiler keep a value alive).
 * An access in such a branch is a dead store and cannot race.
 */
import { unparen } from '../model/checker.js';
import type { Program } from '../model/program.js';
import type { PackageInfo, VarObj } from '../model/objects.js';
import { underlying } from '../model/typeops.js';
import type * as ast from '../syntax/ast.js';
import { kindSet, walkKinds } from '../syntax/walk.js';
import { placeOf } from './places.js';

/** How deep constant expressions are followed through other constants. */
const MAX_CONST_DEPTH = 8;

/** The nodes that may set a package variable. */
const SETTING_KINDS = kindSet('AssignStmt', 'IncDecStmt', 'RangeStmt', 'UnaryExpr', 'CallExpr', 'ValueSpec');

export class NeverTrue {
  /** Per package: for each package variable, the field paths its code sets or takes the
   * address of (an empty path: the whole variable). */
  private readonly setPaths = new Map<PackageInfo, Map<VarObj, string[][]>>();

  constructor(private readonly program: Program) {}

  /** Whether cond is false whenever it is evaluated. */
  isNeverTrue(cond: ast.Expr): boolean {
    return this.value(cond, 0) === false;
  }

  /** The value cond always has, or null when it may vary. `vars`: also count package
   * variables nothing sets (off while those are being collected). */
  private value(e: ast.Expr, depth: number, vars = true): boolean | null {
    const x = unparen(e);
    if (depth > MAX_CONST_DEPTH) return null;
    if (x.kind === 'UnaryExpr' && x.op === '!') {
      const v = this.value(x.x, depth + 1, vars);
      return v === null ? null : !v;
    }
    if (x.kind === 'BinaryExpr' && (x.op === '&&' || x.op === '||')) {
      const l = this.value(x.x, depth + 1, vars);
      const r = this.value(x.y, depth + 1, vars);
      if (x.op === '&&') return l === false || r === false ? false : l === true && r === true ? true : null;
      return l === true || r === true ? true : l === false && r === false ? false : null;
    }
    if (x.kind === 'Ident') {
      const o = this.program.objectOf(x);
      if (o?.kind === 'const') {
        if (o.pkgPath === '' && (o.name === 'true' || o.name === 'false')) return o.name === 'true';
        const init = this.program.constExpr(o);
        return init ? this.value(init, depth + 1, vars) : null;
      }
    }
    if (vars && (x.kind === 'Ident' || x.kind === 'SelectorExpr')) return this.neverSet(x) ? false : null;
    return null;
  }

  /** An unexported package bool (or a bool field path of one) left at its zero value. */
  private neverSet(e: ast.Expr): boolean {
    const p = placeOf(this.program, e);
    const root = p?.root;
    if (!p || !root || root.scope !== 'pkg' || p.throughPointer || p.indexed) return false;
    if (!/^[a-z_]/.test(root.name)) return false;
    const t = underlying(this.program.typeOf(e));
    if (t.kind !== 'basic' || t.name !== 'bool') return false;
    const pkg = this.program.byPath.get(root.pkgPath);
    if (!pkg) return false;
    const set = this.pathsSetIn(pkg).get(root) ?? [];
    // A write of the variable, of a struct around the field, or of the field itself.
    return !set.some((w) => w.length <= p.path.length && w.every((name, i) => name === p.path[i]));
  }

  private pathsSetIn(pkg: PackageInfo): Map<VarObj, string[][]> {
    let out = this.setPaths.get(pkg);
    if (out) return out;
    const found = new Map<VarObj, string[][]>();
    out = found;
    const note = (e: ast.Expr | null | undefined): void => {
      if (!e) return;
      const p = placeOf(this.program, e);
      if (!p?.root || p.root.scope !== 'pkg') return;
      // Through a pointer the write may land anywhere the pointer leads: the whole value.
      const path = p.throughPointer || p.indexed ? [] : p.path;
      found.set(p.root, [...(found.get(p.root) ?? []), path]);
    };
    // Setting it to a false constant (`alwaysFalse = false`) leaves it false.
    const isFalse = (e: ast.Expr | undefined): boolean => !!e && this.value(e, 0, false) === false;
    for (const f of pkg.files) for (const d of f.ast.decls) {
      walkKinds(d, SETTING_KINDS, (n) => {
        switch (n.kind) {
          case 'AssignStmt':
            n.lhs.forEach((l, i) => { if (!(n.tok === '=' && n.lhs.length === n.rhs.length && isFalse(n.rhs[i]))) note(l); });
            break;
          case 'IncDecStmt': note(n.x); break;
          case 'RangeStmt': if (n.tok === '=') { note(n.key); note(n.value); } break;
          case 'UnaryExpr': if (n.op === '&') note(n.x); break;
          // A method call may set what its receiver holds.
          case 'CallExpr': { const fun = unparen(n.fun); if (fun.kind === 'SelectorExpr') note(fun.x); break; }
          case 'ValueSpec':
            n.names.forEach((name, i) => {
              const o = this.program.info.defs.get(name);
              if (o?.kind === 'var' && o.scope === 'pkg' && n.values.length && !isFalse(n.values[i])) note(name);
            });
            break;
          default: break;
        }
        return undefined;
      });
    }
    this.setPaths.set(pkg, out);
    return out;
  }
}
