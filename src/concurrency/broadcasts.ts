/**
 * Broadcast sends: one pointer sent more than once, so that several receivers get the
 * same object (a pub-sub broker, an event bus, a watcher list):
 *
 *   for _, s := range b.subs { s.ch <- m }   // m does not change per iteration
 *   a <- m; b <- m                          // one variable on two channels
 *
 * A value sent once is handed off to its receiver; a broadcast one is shared by all its
 * receivers, and what their handlers do to it races. Not broadcasts: an object made
 * fresh in each iteration (`m := &Msg{}; ch <- m`), a per-receiver copy (`c := *m;
 * s.ch <- &c`), a send retried until it succeeds (`for { select { case ch <- m: return
 * ... } }`), or sends on exclusive branches (`select { case a <- m: case b <- m: }`).
 */
import type * as ast from '../syntax/ast.js';
import { walk } from '../syntax/walk.js';
import { unparen } from '../model/checker.js';
import type { FuncInfo, VarObj } from '../model/objects.js';
import type { Program } from '../model/program.js';
import { underlying } from '../model/typeops.js';
import { spanContains } from './spans.js';

export interface BroadcastSend {
  /** The variable whose object is sent more than once. */
  v: VarObj;
  /** `pkg.Type` of the struct it points to. */
  typeKey: string;
  /** Sent in a loop on a channel that differs per iteration (one per subscriber): its
   * receivers are the many copies of one goroutine, each its own receiver. */
  fanout: boolean;
}

/**
 * The broadcast sends of fn. spanKey maps a send statement to the key of the channel it
 * sends on (`chan:...`), or null when the channel is not tracked.
 */
export function broadcastSends(program: Program, fn: FuncInfo, keyOf: (s: ast.SendStmt) => string | null): Array<{ key: string; send: BroadcastSend }> {
  const out: Array<{ key: string; send: BroadcastSend }> = [];
  if (!fn.body) return out;
  const sends: ast.SendStmt[] = [];
  const loops: Array<ast.ForStmt | ast.RangeStmt> = [];
  walk(fn.body, (n) => {
    if (n.kind === 'FuncLit') return false;
    if (n.kind === 'SendStmt') sends.push(n);
    else if (n.kind === 'ForStmt' || n.kind === 'RangeStmt') loops.push(n);
    return undefined;
  });
  const byVar = new Map<VarObj, ast.SendStmt[]>();
  for (const s of sends) {
    const x = unparen(s.value);
    if (x.kind !== 'Ident') continue;
    const v = program.objectOf(x);
    if (v?.kind !== 'var' || v.type.kind !== 'pointer') continue;
    const t = v.type.elem;
    if (t.kind !== 'named' || underlying(t).kind !== 'struct') continue;
    byVar.set(v, [...(byVar.get(v) ?? []), s]);
  }
  for (const [v, list] of byVar) {
    const t = (v.type as Extract<typeof v.type, { kind: 'pointer' }>).elem as Extract<typeof v.type, { kind: 'named' }>;
    const typeKey = `${t.decl.pkgPath}.${t.decl.name}`;
    const add = (s: ast.SendStmt, fanout: boolean): void => {
      const key = keyOf(s);
      if (key && !out.some((o) => o.key === key && o.send.v === v && o.send.fanout === fanout)) out.push({ key, send: { v, typeKey, fanout } });
    };
    // The same object in every iteration of a loop that runs its body a number of times.
    for (const s of list) {
      let loop: ast.ForStmt | ast.RangeStmt | null = null;
      for (const l of loops) if (spanContains(l.body.span, s.span) && (!loop || spanContains(loop.body.span, l.span))) loop = l;
      if (!loop || !counted(program, loop) || !invariantIn(program, v, loop) || leavesAfter(fn.body!, s)) continue;
      add(s, mentionsInside(program, s.chan, loop));
    }
    // One variable sent by two sends that both run: not on exclusive branches, and the
    // first not followed by leaving (`ch <- m; return` ... `ch <- m`).
    if (list.length >= 2 && !reassigned(program, v, fn)) {
      for (const s of list) {
        const both = (o: ast.SendStmt): boolean => {
          if (o === s || exclusive(fn.body!, s, o)) return false;
          const first = o.span[0] < s.span[0] || (o.span[0] === s.span[0] && o.span[1] < s.span[1]) ? o : s;
          return !leavesAfter(fn.body!, first);
        };
        if (list.some(both)) add(s, false);
      }
    }
  }
  return out;
}

/** A range over a collection or a number, or a for loop with a condition: not `for {}`
 * (a retry or serve loop) nor a range over a channel. */
function counted(program: Program, loop: ast.ForStmt | ast.RangeStmt): boolean {
  if (loop.kind === 'ForStmt') return loop.cond !== null;
  return underlying(program.typeOf(loop.x)).kind !== 'chan';
}

/** v holds the same object all through the loop: declared outside it, never set in it. */
function invariantIn(program: Program, v: VarObj, loop: ast.ForStmt | ast.RangeStmt): boolean {
  if (!v.span || spanContains(loop.span, v.span)) return false;
  let set = false;
  walk(loop, (n) => {
    if (set) return false;
    if (n.kind === 'AssignStmt') {
      for (const l of n.lhs) { const x = unparen(l); if (x.kind === 'Ident' && program.objectOf(x) === v) set = true; }
    } else if (n.kind === 'UnaryExpr' && n.op === '&') {
      const x = unparen(n.x);
      if (x.kind === 'Ident' && program.objectOf(x) === v) set = true;
    }
    return undefined;
  });
  return !set;
}

/** The expression names a variable declared inside the loop (a range variable). */
function mentionsInside(program: Program, e: ast.Expr, loop: ast.ForStmt | ast.RangeStmt): boolean {
  let hit = false;
  walk(e, (n) => {
    if (hit) return false;
    if (n.kind === 'Ident') {
      const o = program.objectOf(n);
      if (o?.kind === 'var' && o.span && spanContains(loop.span, o.span)) hit = true;
    }
    return undefined;
  });
  return hit;
}

/** v is set anywhere in fn but where it is declared. */
function reassigned(program: Program, v: VarObj, fn: FuncInfo): boolean {
  let n = 0;
  walk(fn.node, (m) => {
    if (m.kind === 'AssignStmt') {
      for (const l of m.lhs) {
        const x = unparen(l);
        if (x.kind === 'Ident' && program.objectOf(x) === v && program.info.defs.get(x) !== v) n++;
      }
    } else if (m.kind === 'UnaryExpr' && m.op === '&') {
      const x = unparen(m.x);
      if (x.kind === 'Ident' && program.objectOf(x) === v) n++;
    }
    return undefined;
  });
  return n > 0;
}

/** The innermost statement around both sends takes one branch only (if/else, switch,
 * select cases). */
function exclusive(body: ast.BlockStmt, a: ast.SendStmt, b: ast.SendStmt): boolean {
  let lca: ast.Node | null = null;
  walk(body, (n) => {
    if (n === a || n === b) return false;
    if (!spanContains(n.span, a.span) || !spanContains(n.span, b.span)) return false;
    lca = n;
    return undefined;
  });
  const k = (lca as ast.Node | null)?.kind;
  return k === 'IfStmt' || k === 'SelectStmt' || k === 'SwitchStmt' || k === 'TypeSwitchStmt';
}

/** The send is followed at once by leaving the loop or the function (`case ch <- m:
 * return`, `ch <- m; break`): it is done once. */
function leavesAfter(body: ast.BlockStmt, s: ast.SendStmt): boolean {
  let hit = false;
  const leaves = (x: ast.Stmt | undefined): boolean => !!x && (x.kind === 'ReturnStmt' || (x.kind === 'BranchStmt' && (x.tok === 'break' || x.tok === 'goto')));
  walk(body, (n) => {
    if (hit) return false;
    if (n.kind === 'CommClause' && n.comm === s) { if (n.body.some(leaves)) hit = true; return false; }
    const list = n.kind === 'BlockStmt' ? n.list : n.kind === 'CaseClause' || n.kind === 'CommClause' ? n.body : null;
    if (list) {
      const i = list.indexOf(s);
      if (i >= 0 && leaves(list[i + 1])) hit = true;
    }
    return undefined;
  });
  return hit;
}
