/**
 * One object registered twice in a collection whose elements are all closed in a loop
 * (`r.Add("a", sub); r.Add("b", sub)`, then `for _, c := range r.closers { c.Close() }`):
 * the loop calls Close on the same object twice, and a Close that closes a channel panics
 * the second time.
 */
import type * as ast from '../../syntax/ast.js';
import { walk, walkBody } from '../../syntax/walk.js';
import type { Access } from '../../concurrency/accesses.js';
import type { ConcurrencyFacts } from '../../concurrency/facts.js';
import { spanContains } from '../../concurrency/spans.js';
import { placeOf } from '../../concurrency/places.js';
import { calleeOf, staticTarget } from '../../model/calls.js';
import { unparen } from '../../model/checker.js';
import type { FuncInfo, VarObj } from '../../model/objects.js';
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
}

/** A function that appends one of its parameters to a slice field of its receiver. */
interface Adder {
  paramIndex: number;
  collection: string;
}

export function findDoubleRegistrations(facts: ConcurrencyFacts, ops: Map<FuncInfo, ReceiverChanOps>): DoubleRegistration[] {
  const program = facts.program;
  const adders = new Map<FuncInfo, Adder[]>();
  const closingLoops = new Map<string, { fn: FuncInfo; call: ast.CallExpr; method: string }>();
  for (const fn of program.funcs) {
    if (!fn.body) continue;
    const found = addersOf(facts, fn);
    if (found.length) adders.set(fn, found);
    for (const l of closingCalls(facts, fn)) if (!closingLoops.has(l.collection)) closingLoops.set(l.collection, { fn, call: l.call, method: l.method });
  }
  if (closingLoops.size === 0) return [];

  const out: DoubleRegistration[] = [];
  for (const fn of program.funcs) {
    if (!fn.body) continue;
    // (collection instance, object variable) -> registrations in source order.
    const regs = new Map<string, { v: VarObj; collection: string; nodes: ast.Node[] }>();
    const note = (collection: string, holder: string, arg: ast.Expr | undefined, node: ast.Node) => {
      const a = arg ? unparen(arg) : null;
      if (a?.kind !== 'Ident') return;
      const v = program.objectOf(a);
      if (v?.kind !== 'var' || v.scope === 'pkg') return;
      const k = `${collection}@${holder}#${v.id}`;
      const r = regs.get(k) ?? { v, collection, nodes: [] };
      r.nodes.push(node);
      regs.set(k, r);
    };
    walkBody(fn.body, (n) => {
      if (n.kind === 'FuncLit') return false;
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
      const closing = closingLoops.get(r.collection);
      if (!closing || !assignedOnce(facts, r.v) || innermostBlock(fn, r.nodes[0]!) !== innermostBlock(fn, r.nodes[1]!)) continue;
      const close = closeRunBy(facts, ops, r.v, closing.method);
      if (!close) continue;
      out.push({ close, first: { fn, node: r.nodes[0]! }, second: { fn, node: r.nodes[1]! }, closing, object: r.v.name });
    }
  }
  return out;
}

/** `x.F = append(x.F, a, b)` or `s = append(s, a)`: the collection and the appended values. */
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
  walkBody(fn.body, (n) => {
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
  walkBody(fn.body!, (n) => {
    if (n.kind === 'FuncLit') return false;
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

/** The close that method `name` runs on the object in v (its dynamic type is v's static type). */
function closeRunBy(facts: ConcurrencyFacts, ops: Map<FuncInfo, ReceiverChanOps>, v: VarObj, name: string): Access | null {
  const sel = facts.program.lookup(v.type, name);
  if (sel?.kind !== 'method' || !sel.method.info) return null;
  const closes = ops.get(sel.method.info)?.closes;
  if (!closes) return null;
  for (const op of closes.values()) if (op.prefix.length === 0) return op.access;
  return null;
}

/** A local assigned once, or a parameter never assigned: it names one object throughout. */
function assignedOnce(facts: ConcurrencyFacts, v: VarObj): boolean {
  const body = v.func?.body;
  if (!body) return false;
  let writes = 0;
  walk(body, (n) => {
    if (n.kind === 'AssignStmt') for (const l of n.lhs) if (l.kind === 'Ident' && facts.program.objectOf(l) === v) writes++;
    if (n.kind === 'RangeStmt') for (const k of [n.key, n.value]) if (k?.kind === 'Ident' && facts.program.objectOf(k) === v) writes += 2;
    return undefined;
  });
  return v.scope === 'param' ? writes === 0 : writes <= 1;
}

/** The smallest statement list around a node: two registrations in it run one after the other. */
function innermostBlock(fn: FuncInfo, node: ast.Node): ast.Node | null {
  let best: ast.Node | null = null;
  walk(fn.body!, (n) => {
    if ((n.kind === 'BlockStmt' || n.kind === 'CaseClause' || n.kind === 'CommClause') && spanContains(n.span, node.span)) best = n;
    return undefined;
  });
  return best;
}
