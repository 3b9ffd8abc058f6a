/**
 * Idempotent initialisers guarded by a flag they set:
 *
 *   func Init() {
 *       if initialized { return }
 *       initialized = true
 *       ...writes...
 *   }
 *
 * When every start of a goroutine comes after a completed call of Init (on the same
 * flag: a package variable, or a field of the object the starter passes along), the calls
 * the goroutine makes find the flag set and return at once: what Init does after its
 * guard never runs on that goroutine. The first call's own writes are ordered before the
 * goroutine by its `go` statement.
 *
 * Still reported: a goroutine started before the first call (`go worker(); Init()`), a
 * goroutine that makes the first call itself (check-then-act lazy initialisation), a
 * first call on another object, and a flag that something the goroutine runs resets.
 */
import type * as ast from '../syntax/ast.js';
import { walk } from '../syntax/walk.js';
import { unparen } from '../model/checker.js';
import type { FuncInfo, VarObj } from '../model/objects.js';
import type { Program } from '../model/program.js';
import { before, type Access, type FuncFacts } from './accesses.js';
import type { CallEdge, CallGraph } from './callgraph.js';
import type { GoroutineContext } from './entries.js';
import type { ReachIndex } from './reach.js';
import { placeOf } from './places.js';
import { spanContains } from './spans.js';

interface Guard {
  fn: FuncInfo;
  /** The `if flag { return }` statement: what follows it runs once. */
  check: ast.Span;
  key: string;
  /** For a field flag, the parameter (or receiver) holding the object: -1 for the receiver. */
  holder: number | null;
}

const MAX_UP = 8;
const MAX_SURE = 4;

export class InitGuards {
  private guardList: Guard[] | null = null;
  private readonly byFn = new Map<FuncInfo, Guard>();
  private readonly candidates = new Map<FuncInfo, Guard[]>();
  private readonly beforeStart = new Map<string, boolean>();
  private readonly sure = new Map<string, boolean>();
  private readonly deadCache = new Map<string, boolean>();
  private readonly entered = new Map<string, boolean>();
  private readonly reachedBy = new Map<number, Guard[]>();
  private writersByKey: Map<string, FuncInfo[]> | null = null;

  constructor(
    private readonly program: Program,
    private readonly cg: CallGraph,
    private readonly reach: ReachIndex,
    private readonly facts: ReadonlyMap<FuncInfo, FuncFacts>,
    /** The functions that lead to fn (fn included); null when too many to tell. */
    private readonly callersOf: (fn: FuncInfo) => Set<FuncInfo> | null,
  ) {}

  /** Access a never runs on goroutine c: it is in the part of a guarded initialiser
   * after its check, the initialiser was completed before every start of c, and c
   * reaches a's function only through that initialiser. */
  deadIn(a: Access, c: GoroutineContext): boolean {
    if (!c.spawned || !c.spawner || !c.spawnNode) return false;
    // Cheap test first: c must reach some guarded initialiser at all.
    let reached = this.reachedBy.get(c.id);
    if (!reached) this.reachedBy.set(c.id, (reached = this.guards().filter((g) => this.reach.reaches(g.fn, c.id))));
    if (!reached.length) return false;
    const key = `${c.id}:${a.fn.id}:${a.span.join(',')}`;
    let hit = this.deadCache.get(key);
    if (hit !== undefined) return hit;
    hit = false;
    for (const g of this.candidatesFor(a.fn)) {
      // The check itself (the read of the flag) runs on every call.
      if (g.fn === a.fn && (spanContains(g.check, a.span) || !before(g.check, a.span))) continue;
      if (!reached.includes(g)) continue;
      if (g.fn !== a.fn && this.reachesAvoiding(a.fn, g.fn, c)) continue;
      if (this.flagResetIn(g, c)) continue;
      // The goroutine calls it on objects it got from its starter, not on ones it made.
      if (g.holder !== null && !this.cg.callers(g.fn).every((e) => !this.reach.reaches(e.caller, c.id) || this.passedAlong(g, e))) continue;
      if (!this.doneBeforeStart(g, c)) continue;
      hit = true;
      break;
    }
    this.deadCache.set(key, hit);
    return hit;
  }

  private candidatesFor(fn: FuncInfo): Guard[] {
    let hit = this.candidates.get(fn);
    if (hit) return hit;
    const anc = this.callersOf(fn);
    hit = anc ? this.guards().filter((g) => anc.has(g.fn)) : [];
    this.candidates.set(fn, hit);
    return hit;
  }

  private guards(): Guard[] {
    if (this.guardList) return this.guardList;
    const out: Guard[] = [];
    for (const fn of this.program.funcs) {
      const g = this.guardOf(fn);
      if (g) { out.push(g); this.byFn.set(fn, g); }
    }
    return (this.guardList = out);
  }

  /** `if flag { return }` first, then `flag = true` among the body's own statements with
   * no return in between; flag is a package variable or a field of a parameter or the
   * receiver. */
  private guardOf(fn: FuncInfo): Guard | null {
    const list = fn.body?.list;
    const first = list?.[0];
    if (!list || !first || first.kind !== 'IfStmt' || first.init || first.else) return null;
    const ret = first.body.list[first.body.list.length - 1];
    if (!ret || ret.kind !== 'ReturnStmt') return null;
    const cond = unparen(first.cond);
    if (cond.kind !== 'Ident' && cond.kind !== 'SelectorExpr') return null;
    const place = placeOf(this.program, cond);
    if (!place?.key || !place.root) return null;
    let holder: number | null = null;
    if (place.root.scope === 'pkg') {
      if (place.path.length) return null;
    } else {
      if (place.path.length !== 1 || cond.kind !== 'SelectorExpr' || unparen(cond.x).kind !== 'Ident') return null;
      if (place.root === fn.recv) holder = -1;
      else {
        const i = fn.params.indexOf(place.root);
        if (i < 0) return null;
        holder = i;
      }
    }
    let set = -1;
    for (let i = 1; i < list.length; i++) {
      const st = list[i]!;
      if (st.kind === 'AssignStmt' && st.lhs.length === 1 && st.rhs.length === 1 && st.tok === '=') {
        const r = unparen(st.rhs[0]!);
        if (r.kind === 'Ident' && r.name === 'true' && placeOf(this.program, st.lhs[0]!)?.key === place.key) { set = i; break; }
      }
      if (hasReturn(st)) return null;
    }
    if (set < 0) return null;
    return { fn, check: first.span, key: place.key, holder };
  }

  /** The call hands the initialiser an object its caller did not make: a parameter, the
   * receiver, a captured or package variable (or a field of one). */
  private passedAlong(g: Guard, e: CallEdge): boolean {
    const v = this.holderVar(g, e.call);
    return !!v && (v.scope !== 'local' || v.func !== e.caller);
  }

  private holderVar(g: Guard, call: ast.CallExpr): VarObj | null {
    let x: ast.Expr | undefined;
    if (g.holder === -1) {
      const f = unparen(call.fun);
      x = f.kind === 'SelectorExpr' ? f.x : undefined;
    } else if (g.holder !== null) x = call.args[g.holder];
    if (!x) return null;
    let r = unparen(x);
    while (r.kind === 'SelectorExpr' || (r.kind === 'UnaryExpr' && r.op === '&') || r.kind === 'StarExpr') r = unparen(r.x);
    if (r.kind !== 'Ident') return null;
    const o = this.program.objectOf(r);
    return o?.kind === 'var' ? o : null;
  }

  /** Goroutine c runs code that writes the flag other than the initialiser's own set. */
  private flagResetIn(g: Guard, c: GoroutineContext): boolean {
    if (!this.writersByKey) {
      const keys = new Set(this.guards().map((x) => x.key));
      this.writersByKey = new Map();
      for (const [fn, ff] of this.facts) {
        for (const acc of ff.accesses) {
          if (acc.kind !== 'write' || !keys.has(acc.key)) continue;
          let l = this.writersByKey.get(acc.key);
          if (!l) this.writersByKey.set(acc.key, (l = []));
          if (!l.includes(fn)) l.push(fn);
        }
      }
    }
    return (this.writersByKey.get(g.key) ?? []).some((f) => f !== g.fn && this.reach.reaches(f, c.id));
  }

  /** c reaches fn through a chain that does not pass through the initialiser. */
  private reachesAvoiding(fn: FuncInfo, init: FuncInfo, c: GoroutineContext): boolean {
    const roots = new Set(c.roots);
    const seen = new Set<FuncInfo>([fn]);
    const stack = [fn];
    while (stack.length) {
      const f = stack.pop()!;
      if (roots.has(f)) return true;
      for (const e of this.cg.callers(f)) {
        const p = e.caller;
        if (p === init || seen.has(p) || !this.reach.reaches(p, c.id)) continue;
        seen.add(p);
        stack.push(p);
      }
      if (seen.size > 20000) return true;
    }
    return false;
  }

  /** Every start of c follows a completed call of the initialiser on the same flag. */
  private doneBeforeStart(g: Guard, c: GoroutineContext): boolean {
    const key = `${g.fn.id}|${c.id}`;
    let hit = this.beforeStart.get(key);
    if (hit === undefined) {
      hit = this.doneBefore(g, c.spawner!, c.spawnNode!.span, c.spawnNode!, 0, new Set());
      this.beforeStart.set(key, hit);
    }
    return hit;
  }

  /** Every way to site in fn (a call, or the `go` statement) comes after a completed
   * call of the initialiser: one in fn that runs whenever site does, or one before every
   * call of fn. A result found without meeting a cycle or the depth limit is exact and
   * kept (per function, for the "every call of fn" part). */
  private doneBefore(g: Guard, fn: FuncInfo, site: ast.Span, siteNode: ast.Node, depth: number, visiting: Set<FuncInfo>, walk: { inexact: boolean } = { inexact: false }): boolean {
    // Back on a function the walk is already in: that way around a cycle of calls adds
    // nothing, the ways into the cycle decide.
    if (visiting.has(fn)) { walk.inexact = true; return true; }
    if (!fn.body) return false;
    const goSpans = goStmtSpans(fn.body);
    for (const e of this.cg.callees(fn)) {
      if (e.deferred || !e.targets.length || !before(e.call.span, site) || spanContains(e.call.span, site)) continue;
      if (goSpans.some((s) => spanContains(s, e.call.span))) continue;
      if (!dominates(fn.body, e.call.span, site)) continue;
      if (!e.targets.every((t) => this.surelyCalls(t, g.fn, 0))) continue;
      if (g.holder !== null && !this.sameHolder(g, e, siteNode)) continue;
      return true;
    }
    // For a field flag the object each caller passes matters: not kept per function.
    const key = g.holder === null ? `${g.fn.id}|${fn.id}` : null;
    const known = key ? this.entered.get(key) : undefined;
    if (known !== undefined) return known;
    if (depth >= MAX_UP) { walk.inexact = true; return false; }
    const callers = this.cg.callers(fn);
    if (!callers.length) { if (key) this.entered.set(key, false); return false; }
    visiting.add(fn);
    const sub = { inexact: false };
    const ok = callers.every((e) => this.doneBefore(g, e.caller, e.call.span, e.call, depth + 1, visiting, sub));
    visiting.delete(fn);
    if (sub.inexact) walk.inexact = true;
    else if (key) this.entered.set(key, ok);
    return ok;
  }

  /** The first call is given the object the site passes on: it calls the initialiser
   * on a variable the site also uses. */
  private sameHolder(g: Guard, e: CallEdge, siteNode: ast.Node): boolean {
    const vars = e.targets.includes(g.fn) ? [this.holderVar(g, e.call)].filter((v): v is VarObj => !!v) : [...varsIn(this.program, e.call)];
    if (!vars.length) return false;
    const at = varsIn(this.program, siteNode);
    return vars.some((v) => at.has(v));
  }

  /** Every normal return of f has called init: f is init, or calls (unconditionally, before
   * any return of its own) a function that does. */
  private surelyCalls(f: FuncInfo, init: FuncInfo, depth: number): boolean {
    if (f === init) return true;
    if (!f.body || depth >= MAX_SURE) return false;
    const key = `${f.id}|${init.id}`;
    const hit = this.sure.get(key);
    if (hit !== undefined) return hit;
    this.sure.set(key, false);
    const body = f.body;
    // Every way out (each return, and the end of the body) comes after a call that runs
    // whenever that way out is taken and that itself surely calls init.
    const exits: ast.Span[] = [];
    walk(body, (n) => {
      if (n.kind === 'FuncLit') return false;
      if (n.kind === 'ReturnStmt') exits.push(n.span);
      return undefined;
    });
    const last = body.list[body.list.length - 1];
    if (!last || last.kind !== 'ReturnStmt') exits.push([body.span[2], body.span[3], body.span[2], body.span[3]]);
    const goSpans = goStmtSpans(body);
    const calls = this.cg.callees(f).filter((e) => !e.deferred && e.targets.length && !goSpans.some((s) => spanContains(s, e.call.span)));
    const good = calls.filter((e) => e.targets.every((t) => this.surelyCalls(t, init, depth + 1)));
    const ok = good.length > 0 && exits.every((x) => good.some((e) => before(e.call.span, x) && !spanContains(e.call.span, x) && dominates(body, e.call.span, x)));
    this.sure.set(key, ok);
    return ok;
  }
}

function hasReturn(st: ast.Node): boolean {
  let hit = false;
  walk(st, (n) => {
    if (hit || n.kind === 'FuncLit') return false;
    if (n.kind === 'ReturnStmt') hit = true;
    return undefined;
  });
  return hit;
}

function goStmtSpans(body: ast.BlockStmt): ast.Span[] {
  const out: ast.Span[] = [];
  walk(body, (n) => {
    if (n.kind === 'FuncLit') return false;
    if (n.kind === 'GoStmt') out.push(n.span);
    return undefined;
  });
  return out;
}

/** The call runs whenever site does: the innermost block (or branch) around the call,
 * outside function literals, also holds site. */
function dominates(body: ast.BlockStmt, call: ast.Span, site: ast.Span): boolean {
  let region: ast.Span = body.span;
  let lit = false;
  walk(body, (n) => {
    if (lit || !spanContains(n.span, call)) return false;
    if (n.kind === 'FuncLit') { lit = true; return false; }
    if (n.kind === 'BlockStmt' || n.kind === 'CaseClause' || n.kind === 'CommClause') region = n.span;
    if (n.kind === 'IfStmt' && n.else && spanContains(n.else.span, call)) region = n.else.span;
    if (n.kind === 'ForStmt' && n.post && spanContains(n.post.span, call)) region = n.post.span;
    if (n.kind === 'BinaryExpr' && (n.op === '&&' || n.op === '||') && spanContains(n.y.span, call)) region = n.y.span;
    return undefined;
  });
  return !lit && spanContains(region, site);
}

function varsIn(program: Program, n: ast.Node): Set<VarObj> {
  const out = new Set<VarObj>();
  walk(n, (m) => {
    if (m.kind === 'Ident') {
      const o = program.objectOf(m);
      if (o?.kind === 'var' && o.scope !== 'pkg') out.add(o);
    }
    return undefined;
  });
  return out;
}
