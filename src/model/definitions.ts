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

interface Definitions {
  count: number;
  found: ast.Expr | null;
}

// Per function body, every variable's definitions, found in one walk: looking them up one
// variable at a time walked a big body once per local.
const caches = new WeakMap<Program, Map<ast.Node, Map<VarObj, Definitions>>>();

export function singleDefinition(program: Program, v: VarObj): ast.Expr | null {
  const body = v.func?.body;
  if (!body) return null;
  let cache = caches.get(program);
  if (!cache) caches.set(program, (cache = new Map()));
  let defs = cache.get(body);
  if (!defs) cache.set(body, (defs = definitionsIn(program, body)));
  const d = defs.get(v);
  return d && d.count === 1 ? d.found : null;
}

function definitionsIn(program: Program, body: ast.Node): Map<VarObj, Definitions> {
  const defs = new Map<VarObj, Definitions>();
  const note = (id: ast.Expr | null, found: ast.Expr | null) => {
    if (id?.kind !== 'Ident') return;
    const v = program.objectOf(id);
    if (v?.kind !== 'var') return;
    const d = defs.get(v);
    if (d) {
      d.count++;
      d.found = found;
    } else defs.set(v, { count: 1, found });
  };
  walk(body, (n) => {
    if (n.kind === 'AssignStmt') {
      n.lhs.forEach((l, i) => note(l, n.lhs.length === n.rhs.length ? n.rhs[i]! : n.rhs[0] ?? null));
    } else if (n.kind === 'RangeStmt') {
      note(n.key, n.x);
      note(n.value, n.x);
    } else if (n.kind === 'ValueSpec') {
      n.names.forEach((id, i) => note(id, n.values[i] ?? null));
    }
    return undefined;
  });
  return defs;
}
