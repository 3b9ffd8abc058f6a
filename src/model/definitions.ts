/**
 * Where a local variable's value comes from, when it is assigned exactly once: the
 * expression of its one definition (`p := &s.n`, `var c = s.conns[id]`), the call of a
 * multi-value definition (`v, ok := m.Get(k)`), or the ranged-over expression for a
 * range variable. Assignments inside function literals count too. null when the variable
 * is assigned more than once, or not at all.
 */
import type * as ast from '../syntax/ast.js';
import { walk } from '../syntax/walk.js';
import type { VarObj } from './objects.js';
import type { Program } from './program.js';

const caches = new WeakMap<Program, Map<VarObj, ast.Expr | null>>();

export function singleDefinition(program: Program, v: VarObj): ast.Expr | null {
  let cache = caches.get(program);
  if (!cache) caches.set(program, (cache = new Map()));
  if (cache.has(v)) return cache.get(v)!;
  let found: ast.Expr | null = null;
  let count = 0;
  const body = v.func?.body;
  if (body) {
    walk(body, (n) => {
      if (n.kind === 'AssignStmt') {
        n.lhs.forEach((l, i) => {
          if (l.kind === 'Ident' && program.objectOf(l) === v) {
            count++;
            found = n.lhs.length === n.rhs.length ? n.rhs[i]! : n.rhs[0] ?? null;
          }
        });
      } else if (n.kind === 'RangeStmt') {
        for (const k of [n.key, n.value]) if (k?.kind === 'Ident' && program.objectOf(k) === v) { count++; found = n.x; }
      } else if (n.kind === 'ValueSpec') {
        n.names.forEach((id, i) => { if (program.objectOf(id) === v) { count++; found = n.values[i] ?? null; } });
      }
      return undefined;
    });
  }
  const r = count === 1 ? found : null;
  cache.set(v, r);
  return r;
}
