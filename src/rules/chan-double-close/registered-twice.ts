/**
 * One object registered twice in a collection whose elements are all closed in a loop
 * (`r.Add("a", sub); r.Add("b", sub)`, then `for _, c := range r.closers { c.Close() }`):
 * the loop calls Close on the same object twice, and a Close that closes a channel panics
 * the second time. The second registration may hold the object in a field of another
 * one whose Close closes it too (`m.Add(e); m.Add(&leaseKeeper{elector: e})`, where
 * leaseKeeper.Stop calls `k.elector.Stop()`).
 */
import type * as ast from '../../syntax/ast.js';
import { kindSet, walk, walkBodyKinds, walkKinds } from '../../syntax/walk.js';
import type { Access } from '../../concurrency/accesses.js';
import type { ConcurrencyFacts } from '../../concurrency/facts.js';
import { spanContains } from '../../concurrency/spans.js';
import { placeOf } from '../../concurrency/places.js';
import { calleeOf, staticTarget } from '../../model/calls.js';
import { unparen } from '../../model/checker.js';
import type { FuncInfo, VarObj } from '../../model/objects.js';
import { singleDefinition } from '../../model/definitions.js';
import { underlying } from '../../model/typeops.js';
import type { Type } from '../../model/types.js';
import { holderText } from '../shared/channel-paths.js';
import type { ReceiverChanOps } from '../shared/channel-summaries.js';

export interface DoubleRegistration {
  /** The close that runs twice. */
  close: Access;
  /** The two calls (or appends) that register the same object. */
  first: { fn: FuncInfo; node: ast.Node };
  second: { fn: FuncInfo; node: ast.Node };
  /** The loop's call that closes every element. */
  closing: { fn: FuncInfo; call: ast.CallExpr; method: string };
  object: string;
  /** The registration that holds the object in a field of another one, if any. */
  via?: { type: string; field: string };
}

/** A function that appends one of its parameters to a slice field of its receiver. */
interface Adder {
  paramIndex: number;
  collection: string;
}

export function findDoubleRegistrations(facts: ConcurrencyFacts, ops: Map<FuncInfo, ReceiverChanOps>): DoubleRegistration[] {
  const program = facts.program;
  const adders = new Map<FuncInfo, Adder[]>();
  // Every loop over a collection calling one method on each element (`Start` and `Stop`
  // loops over the same list): any of them may be the one that closes.
  const closingLoops = new Map<string, Array<{ fn: FuncInfo; call: ast.CallExpr; method: string }>>();
  for (const fn of program.funcs) {
    if (!fn.body) continue;
    const found = addersOf(facts, fn);
    if (found.length) adders.set(fn, found);
    for (const l of closingCalls(facts, fn)) {
      const list = closingLoops.get(l.collection) ?? [];
      if (!list.some((x) => x.method === l.method)) list.push({ fn, call: l.call, method: l.method });
      closingLoops.set(l.collection, list);
    }
  }
  if (closingLoops.size === 0) return [];

  const out: DoubleRegistration[] = [];
  for (const fn of program.funcs) {
    if (!fn.body) continue;
    // (collection instance, object variable) -> registrations in source order, each with
    // the field of the registered object that holds it (null: the object itself).
    const regs = new Map<string, { v: VarObj; collection: string; nodes: ast.Node[]; via: Array<Holding | null> }>();
    const note = (collection: string, holder: string, arg: ast.Expr | undefined, node: ast.Node) => {
      // Only collections some loop closes matter.
      if (!arg || !closingLoops.has(collection)) return;
      for (const { v, via } of registeredVars(facts, unparen(arg))) {
        if (v.scope === 'pkg') continue;
        const k = `${collection}@${holder}#${v.id}`;
        const r = regs.get(k) ?? { v, collection, nodes: [], via: [] };
        r.nodes.push(node);
        r.via.push(via);
        regs.set(k, r);
      }
    };
    walkBodyKinds(fn.body, ASSIGNS_AND_CALLS, (n) => {
      if (n.kind === 'AssignStmt') {
        const app = appendTo(facts, n);
        if (app) for (const arg of app.args) note(app.collection, app.holder, arg, n);
        return undefined;
      }
      if (n.kind !== 'CallExpr') return undefined;
      const target = staticTarget(calleeOf(program, n));
      const found = target ? adders.get(target) : undefined;
      const f = unparen(n.fun);
      if (!found || f.kind !== 'SelectorExpr') return undefined;
      const recv = placeOf(program, f.x);
      if (!recv?.root) return undefined;
      for (const adder of found) note(adder.collection, holderText(recv.root, recv.path), n.args[adder.paramIndex], n);
      return undefined;
    });
    for (const r of regs.values()) {
      if (r.nodes.length < 2) continue;
      const loops = closingLoops.get(r.collection);
      if (!loops || !assignedOnce(facts, r.v)) continue;
      // The first two registrations in one statement list whose Closes both close one
      // channel of the object.
      let hit: DoubleRegistration | null = null;
      for (const closing of loops) for (let i = 0; i < r.nodes.length && !hit; i++) {
        for (let j = i + 1; j < r.nodes.length && !hit; j++) {
          if (r.nodes[i] === r.nodes[j] || innermostBlock(fn, r.nodes[i]!) !== innermostBlock(fn, r.nodes[j]!)) continue;
          const first = closeRunBy(facts, ops, r.v, closing.method, r.via[i]!);
          const second = first && closeRunBy(facts, ops, r.v, closing.method, r.via[j]!);
          if (!first || !second || first.key !== second.key || first.place.path.join('.') !== second.place.path.join('.')) continue;
          const via = r.via[i] ?? r.via[j];
          hit = { close: r.via[i] ? second : first, first: { fn, node: r.nodes[i]! }, second: { fn, node: r.nodes[j]! }, closing, object: r.v.name, ...(via ? { via: { type: via.typeName, field: via.field } } : {}) };
        }
      }
      if (hit) out.push(hit);
    }
  }
  return out;
}

/** `x.F = append(x.F, a, b)` or `s = append(s, a)`: the collection and the appended values. */
/** Node kinds the passes below look at. */
const ASSIGNS = kindSet('AssignStmt');
const ASSIGNS_AND_CALLS = kindSet('AssignStmt', 'CallExpr');
const ASSIGNS_AND_RANGES = kindSet('AssignStmt', 'RangeStmt');
const LOOPS = kindSet('RangeStmt', 'ForStmt');
const STATEMENT_LISTS = kindSet('BlockStmt', 'CaseClause', 'CommClause');

function appendTo(facts: ConcurrencyFacts, n: ast.AssignStmt): { collection: string; holder: string; args: ast.Expr[] } | null {
  if (n.lhs.length !== 1 || n.rhs.length !== 1) return null;
  const r = unparen(n.rhs[0]!);
  if (r.kind !== 'CallExpr' || r.fun.kind !== 'Ident' || r.fun.name !== 'append' || r.ellipsis) return null;
  const lhs = placeOf(facts.program, n.lhs[0]!);
  const first = r.args[0] ? placeOf(facts.program, r.args[0]) : null;
  if (!lhs?.key || !lhs.root || first?.key !== lhs.key || first.root !== lhs.root) return null;
  return { collection: lhs.key, holder: holderText(lhs.root, lhs.path.slice(0, -1)), args: r.args.slice(1) };
}

function addersOf(facts: ConcurrencyFacts, fn: FuncInfo): Adder[] {
  if (!fn.recv || !fn.body) return [];
  const found: Adder[] = [];
  walkBodyKinds(fn.body, ASSIGNS, (n) => {
    if (n.kind !== 'AssignStmt') return undefined;
    const app = appendTo(facts, n);
    const lhs = app ? placeOf(facts.program, n.lhs[0]!) : null;
    if (!app || lhs?.root !== fn.recv || lhs.path.length !== 1) return undefined;
    for (const a of app.args) {
      const x = unparen(a);
      const v = x.kind === 'Ident' ? facts.program.objectOf(x) : null;
      const i = v?.kind === 'var' ? fn.params.indexOf(v) : -1;
      if (i >= 0) found.push({ paramIndex: i, collection: app.collection });
    }
    return undefined;
  });
  return found;
}

/** `for _, c := range X { c.M() }` and `for i := ...; X[i].M()`: method M called on every element of X. */
function closingCalls(facts: ConcurrencyFacts, fn: FuncInfo): Array<{ collection: string; call: ast.CallExpr; method: string }> {
  const program = facts.program;
  const out: Array<{ collection: string; call: ast.CallExpr; method: string }> = [];
  walkBodyKinds(fn.body!, LOOPS, (n) => {
    if (n.kind !== 'RangeStmt' && n.kind !== 'ForStmt') return undefined;
    const rangeColl = n.kind === 'RangeStmt' ? placeOf(program, n.x) : null;
    const value = n.kind === 'RangeStmt' && n.value?.kind === 'Ident' ? program.objectOf(n.value) ?? program.info.defs.get(n.value) : null;
    walk(n.body, (m) => {
      if (m.kind === 'FuncLit') return false;
      if (m.kind !== 'CallExpr' || m.args.length !== 0) return undefined;
      const f = unparen(m.fun);
      if (f.kind !== 'SelectorExpr') return undefined;
      const x = unparen(f.x);
      if (x.kind === 'Ident' && value && program.objectOf(x) === value && rangeColl?.key) {
        out.push({ collection: rangeColl.key, call: m, method: f.sel.name });
      } else if (x.kind === 'IndexExpr') {
        const coll = placeOf(program, x.x);
        if (coll?.key) out.push({ collection: coll.key, call: m, method: f.sel.name });
      }
      return undefined;
    });
    return false;
  });
  return out;
}

/** How a registered value holds the object of a variable: in field `field` of a value of type `type`. */
interface Holding {
  type: Type;
  typeName: string;
  field: string;
}

/**
 * The variables a registered value stands for: the variable itself (`m.Add(e)`), or one
 * held in a field of a struct made there (`&leaseKeeper{elector: e}`), by a local defined
 * once as such a struct, or by a constructor that returns one made from its parameter
 * (`newLeaseKeeper(e)` returning `&leaseKeeper{elector: el}`).
 */
function registeredVars(facts: ConcurrencyFacts, arg: ast.Expr, depth = 0): Array<{ v: VarObj; via: Holding | null }> {
  const program = facts.program;
  const out: Array<{ v: VarObj; via: Holding | null }> = [];
  if (arg.kind === 'Ident') {
    const v = program.objectOf(arg);
    if (v?.kind !== 'var') return out;
    out.push({ v, via: null });
    const def = v.scope === 'local' && depth === 0 ? singleDefinition(program, v) : null;
    if (def) for (const h of heldInLiteral(facts, unparen(def), null)) out.push(h);
    return out;
  }
  if (depth === 0) for (const h of heldInLiteral(facts, arg, null)) out.push(h);
  // A constructor call: fields of the struct it returns, made from its parameters.
  if (arg.kind === 'CallExpr' && depth === 0) {
    const target = staticTarget(calleeOf(program, arg));
    const lit = target ? returnedLiteral(target) : null;
    if (target && lit) {
      for (const h of heldInLiteral(facts, lit, target)) {
        const i = target.params.indexOf(h.v);
        const a = i >= 0 && !(target.sig.variadic && i === target.params.length - 1) ? arg.args[i] : undefined;
        const x = a ? unparen(a) : null;
        const v = x?.kind === 'Ident' ? program.objectOf(x) : null;
        if (v?.kind === 'var') out.push({ v, via: h.via });
      }
    }
  }
  return out;
}

/** `&T{f: v}` or `T{f: v}` with keyed fields: each variable (of `fn`'s parameters when
 * given, else any) held by pointer in a field. */
function heldInLiteral(facts: ConcurrencyFacts, e: ast.Expr, fn: FuncInfo | null): Array<{ v: VarObj; via: Holding }> {
  const program = facts.program;
  let x = unparen(e);
  if (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
  if (x.kind !== 'CompositeLit') return [];
  const t = program.typeOf(x);
  if (t.kind !== 'named' || underlying(t).kind !== 'struct') return [];
  const out: Array<{ v: VarObj; via: Holding }> = [];
  for (const el of x.elts) {
    if (el.kind !== 'KeyValueExpr' || el.key.kind !== 'Ident') continue;
    const val = unparen(el.value);
    const v = val.kind === 'Ident' ? program.objectOf(val) : null;
    if (v?.kind !== 'var' || v.type.kind !== 'pointer' || (fn && !fn.params.includes(v))) continue;
    // Its methods are looked up on a pointer to it: the method set of either.
    out.push({ v, via: { type: { kind: 'pointer', elem: t }, typeName: t.decl.name, field: el.key.name } });
  }
  return out;
}

/** The struct literal a function returns, when its body is a single return of one. */
function returnedLiteral(fn: FuncInfo): ast.Expr | null {
  const body = fn.body;
  if (!body || body.list.length !== 1) return null;
  const st = body.list[0]!;
  return st.kind === 'ReturnStmt' && st.results.length === 1 ? st.results[0]! : null;
}

/**
 * The close that method `name` runs on the object in v (its dynamic type is v's static
 * type), or, when the registered value holds v in a field, the one its own method runs
 * on that field's object (`k.elector.Stop()` closing the elector's channel).
 */
function closeRunBy(facts: ConcurrencyFacts, ops: Map<FuncInfo, ReceiverChanOps>, v: VarObj, name: string, via: Holding | null): Access | null {
  const sel = facts.program.lookup(via ? via.type : v.type, name);
  if (sel?.kind !== 'method' || !sel.method.info) return null;
  const closes = ops.get(sel.method.info)?.closes;
  if (!closes) return null;
  const prefix = via ? via.field : '';
  for (const op of closes.values()) if (op.prefix.join('.') === prefix) return op.access;
  return null;
}

/** A local assigned once, or a parameter never assigned: it names one object throughout. */
function assignedOnce(facts: ConcurrencyFacts, v: VarObj): boolean {
  const body = v.func?.body;
  if (!body) return false;
  let writes = 0;
  walkKinds(body, ASSIGNS_AND_RANGES, (n) => {
    if (n.kind === 'AssignStmt') for (const l of n.lhs) if (l.kind === 'Ident' && facts.program.objectOf(l) === v) writes++;
    if (n.kind === 'RangeStmt') for (const k of [n.key, n.value]) if (k?.kind === 'Ident' && facts.program.objectOf(k) === v) writes += 2;
    return undefined;
  });
  return v.scope === 'param' ? writes === 0 : writes <= 1;
}

/** The smallest statement list around a node: two registrations in it run one after the other. */
function innermostBlock(fn: FuncInfo, node: ast.Node): ast.Node | null {
  let best: ast.Node | null = null;
  walkKinds(fn.body!, STATEMENT_LISTS, (n) => {
    if ((n.kind === 'BlockStmt' || n.kind === 'CaseClause' || n.kind === 'CommClause') && spanContains(n.span, node.span)) best = n;
    return undefined;
  });
  return best;
}
