/**
 * Where the object a goroutine works on comes from. Following the context's witness
 * chain back from the accessing function, the object is traced through each call: to the
 * caller's receiver, to one of its parameters (then one call further up), to a package
 * variable, or to a local the caller made itself (`var buf bytes.Buffer`,
 * `e := &encodeState{}`, `enc := json.NewEncoder(w)`).
 *
 * - private: every way in ends at a local made on this chain that nothing else can see,
 *   or at a copy (a value receiver or parameter): what the goroutine does to it cannot
 *   race with another goroutine's object of the same type.
 * - shared: some way in reaches the goroutine's own function (the object came with it:
 *   captured, passed, its receiver) or a package variable.
 * - unknown: the object was made or fetched part-way down the chain and handed on in
 *   ways not followed here; nothing shows that another goroutine holds the same one.
 */
import type * as ast from '../syntax/ast.js';
import { kindSet, walk, walkBodyKinds } from '../syntax/walk.js';
import { staticTarget, calleeOf, isFuncCall, isMethodCall } from '../model/calls.js';
import { unparen } from '../model/checker.js';
import type { FieldSelection, FuncInfo, VarObj } from '../model/objects.js';
import type { Program } from '../model/program.js';
import { identical, isInterface, underlying } from '../model/typeops.js';
import { lookupFieldOrMethod } from '../model/lookup.js';
import { typeString, type Type, type TypeDecl } from '../model/types.js';
import type { CallGraph } from './callgraph.js';
import { isAllocation } from './places.js';
import { spanContains } from './spans.js';
import { singleDefinition } from '../model/definitions.js';
import { handedOut } from './handed-out.js';
import { spawnKindOf } from './spawners.js';

/** Node kinds the passes below look at. */
const SELECTORS = kindSet('SelectorExpr');
const FIELD_STORE_KINDS = kindSet('SelectorExpr', 'CompositeLit');
const HANDED_KINDS = kindSet('SendStmt', 'CallExpr', 'GoStmt');

export type ObjectOrigin = 'private' | 'shared' | 'unknown';

/** A method value: `recvExpr.method` used as a value in fn. */
export interface MethodValueSite {
  fn: FuncInfo;
  method: FuncInfo;
  recvExpr: ast.Expr;
  /** The variable the receiver is reached from, if any. */
  root: VarObj | null;
  /** A method expression (`T.m`, `(*T).m`): the receiver is the first argument. */
  expression: boolean;
  /** Kept for later rather than called on the spot by the callee it is handed to. */
  kept: boolean;
  /** Kept somewhere other than in an object of the method's receiver type. */
  stored: boolean;
}

/** One goroutine context as the search sees it. */
export interface ContextView {
  /** fn is one of the context's own functions (where its goroutine starts). */
  isRoot(fn: FuncInfo): boolean;
  /** The context calls fn. */
  reaches(fn: FuncInfo): boolean;
  /** The context runs fn, a literal kept where it was written (a callback stored in a
   * registry) that code it does not run made. */
  keptCallback?(fn: FuncInfo): boolean;
  /** The context's own function fn is given, in parameter i, a new object each run (the
   * request of an HTTP handler). */
  madeParam?(fn: FuncInfo, i: number): boolean;
  /** Names the context, for caching. */
  id?: string;
  /** What the context's `go` statement hands its own function fn as its receiver or
   * parameter: the expression and the function it is evaluated in. */
  spawnArg?(fn: FuncInfo, want: { recv: true } | { param: number }): { fn: FuncInfo; expr: ast.Expr } | null;
}

/** States (function, receiver or parameter) visited before the search gives up. */
const SEARCH_BUDGET = 2000;

type Step = ObjectOrigin | { recv: true } | { param: number };

export class ObjectOrigins {
  private readonly localCache = new Map<VarObj, boolean>();
  private readonly returnedCache = new Map<VarObj, boolean>();
  private readonly freshCache = new Map<FuncInfo, FreshCond[] | null>();
  private readonly leakCache = new Map<string, boolean>();
  private readonly handedToGoroutine = new Map<FuncInfo, Set<VarObj>>();
  /** Whether the last originIn went through a pointer, an index or a reference. */
  private lastIndirect = false;
  /** The search already went through a pointer: a copy (value receiver or parameter)
   * still points at its original's objects, so it is followed like the original. */
  private throughCopies = false;

  constructor(
    private readonly program: Program,
    private readonly callgraph: CallGraph,
    private readonly captured: Set<VarObj>,
    /** Functions that start goroutines themselves (a `go` statement, errgroup.Go...). */
    private readonly spawning: Set<FuncInfo>,
    /** Variables captured by function literals that run as goroutines. */
    private readonly goroutineCaptured: Set<VarObj>,
  ) {}

  /** After originOf says 'shared': the variable the object entered the goroutine by (a
   * parameter or receiver of its function, a variable it captures or made), if any. */
  entry: VarObj | null = null;
  private lastEntry: VarObj | null = null;
  /** What the last originIn walk says of the dynamic type of the value it ended at:
   * 'same' when it reached it with no step (the value is the expression's own), a
   * concrete type when the last step was an assertion to it (`b, ok := w.(*Writer)`:
   * the object exists only if w holds a *Writer), null for any other step. */
  private lastAsserted: Type | null | 'same' = 'same';

  /** The context whose calls are being followed. */
  private view: ContextView | null = null;

  /**
   * Follows every way context `view` calls fn back to where the object of the access comes
   * from. start: where the object is in fn (its receiver, or an expression of fn's body
   * such as a local's identifier).
   */
  originOf(view: ContextView, fn: FuncInfo, start: { recv: true } | ast.Expr, opts: { viaPointer?: boolean } = {}): ObjectOrigin {
    this.view = view;
    this.lastIndirect = false;
    // The access goes on through a pointer held in the start (`j.rep.n` on a value
    // receiver j): a copy still points at its original's object, so copies are followed.
    this.throughCopies = !!opts.viaPointer;
    this.entry = null;
    this.lastEntry = null;
    this.lastAsserted = 'same';
    const first: Step = 'recv' in start ? { recv: true } : this.originIn(fn, start, view.isRoot(fn));
    const firstAsserted = this.lastAsserted === 'same' ? null : this.lastAsserted;
    if (typeof first === 'string') { if (first === 'shared') this.entry = this.lastEntry; return first; }
    // Once the object was reached through a pointer field, a private holder says nothing
    // about the object itself.
    let indirect = this.lastIndirect || !!opts.viaPointer;
    let unknown = false;
    const seen = new Set<string>();
    const queue: Array<[FuncInfo, Exclude<Step, ObjectOrigin>, Type | null]> = [[fn, first, firstAsserted]];
    let budget = SEARCH_BUDGET;
    while (queue.length) {
      const [callee, want, asserted] = queue.pop()!;
      const key = `${callee.id}|${'recv' in want ? 'r' : want.param}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Back at the goroutine's own function: the object came with it.
      if (view.isRoot(callee)) { this.entry = 'recv' in want ? callee.recv : callee.params[want.param] ?? null; return 'shared'; }
      if (--budget < 0) return 'unknown';
      const edges = this.callgraph.callers(callee).filter((e) => view.reaches(e.caller));
      if (!edges.length) { unknown = true; continue; }
      for (const e of edges) {
        let x: ast.Expr | undefined;
        if ('recv' in want) {
          const f = unparen(e.call.fun);
          const sel = f.kind === 'SelectorExpr' ? this.program.selectionOf(f) : null;
          // A logger calling the Write method of a writer it was made with (`log.New(ring,
          // ...)`): that writer, where the logger was made. Made outside this goroutine's
          // calls, it came with the logger: shared.
          const kept = callee.recv && sel?.kind === 'method' && sel.method.recvDecl?.pkgPath === 'log' ? this.callgraph.loggerWriters(e.call).filter((w) => this.callgraph.writeMethodOf(w.expr) === callee) : [];
          if (kept.length) {
            let found = false;
            for (const w of kept) {
              if (!view.isRoot(w.fn) && !view.reaches(w.fn)) { this.lastEntry = null; found = true; break; }
              this.lastIndirect = false;
              const o = this.originIn(w.fn, w.expr, view.isRoot(w.fn));
              if (this.lastIndirect) indirect = true;
              if (o === 'shared') { found = true; break; }
              if (o === 'private') { if (indirect) unknown = true; continue; }
              if (o === 'unknown') { unknown = true; continue; }
              queue.push([w.fn, o, null]);
            }
            if (found) { this.entry = this.lastEntry; return 'shared'; }
            continue;
          }
          if (f.kind === 'SelectorExpr' && callee.recv && sel?.kind === 'method') x = f.x;
          // fmt calling a printed value's String or Error method: that value.
          // fmt or io calling the Write method of the writer it was handed: that writer (or,
          // when the writer embeds an io.Writer, what that holds: reached through it).
          else if (callee.recv && sel?.kind === 'qualified' && sel.obj.kind === 'func' && (sel.obj.pkgPath === 'fmt' || sel.obj.pkgPath === 'io')) {
            const name = callee.node.kind === 'FuncDecl' ? callee.node.name.name : '';
            x = e.call.args.find((a) => { const s = this.program.lookup(this.program.typeOf(a), name); return s?.kind === 'method' && s.method.info === callee; });
            const w = e.call.args[0];
            if (!x && w && (name === 'Write' || name === 'WriteString')) {
              const s = this.program.lookup(this.program.typeOf(w), name);
              if (s?.kind === 'method' && !s.method.info && s.method.iface) { x = w; indirect = true; }
            }
          } else if (callee.recv) {
            // A call of a function value holding a method value (`h(msg)` where h was
            // `m.onLeader`): the receiver was bound where the method value was made. Made
            // outside this goroutine's calls, it came with the value: shared.
            const all = this.methodValueSites().filter((s) => s.method === callee);
            // A callback handed to a function that calls it on the spot runs in its caller's
            // goroutine: it reaches this one only if this one made it.
            const sites = all.filter((s) => !s.expression && (s.kept || view.isRoot(s.fn) || view.reaches(s.fn)));
            // `c.handshakeFn(ctx)` where `c.handshakeFn = c.serverHandshake`: a method kept
            // in a field of its own receiver's type is, as a rule, bound to that holder.
            if (f.kind === 'SelectorExpr' && sites.every((s) => !s.stored)) x = f.x;
            else if (!sites.length) {
              // A method expression (`(*T).m` stored and called as `f(x, ...)`) takes the
              // receiver first.
              if (all.some((s) => s.expression) && e.call.args[0]) x = e.call.args[0];
              else if (f.kind === 'SelectorExpr') x = f.x;
            } else {
              let found = false;
              for (const s of sites) {
                if (!view.isRoot(s.fn) && !view.reaches(s.fn)) { this.lastEntry = null; found = true; break; }
                this.lastIndirect = false;
                const o = this.originIn(s.fn, s.recvExpr, view.isRoot(s.fn));
                if (this.lastIndirect) indirect = true;
                if (o === 'shared') { found = true; break; }
                if (o === 'private') { if (indirect) unknown = true; continue; }
                if (o === 'unknown') { unknown = true; continue; }
                queue.push([s.fn, o, null]);
              }
              if (found) { this.entry = this.lastEntry; return 'shared'; }
              continue;
            }
          }
        } else {
          x = e.call.args[want.param];
          // The object is what the parameter holds asserted to a concrete type: a caller
          // whose argument cannot hold that type (a *os.File for a *bufio.Writer) hands none.
          if (x && asserted && !e.call.ellipsis && e.call.args.length === callee.params.length && !mayBe(this.program.typeOf(x), asserted)) continue;
        }
        if (!x) { unknown = true; continue; }
        this.lastIndirect = false;
        this.throughCopies = indirect;
        this.lastAsserted = 'same';
        const o = this.originIn(e.caller, x, view.isRoot(e.caller));
        const nextAsserted = this.lastAsserted === 'same' ? ('recv' in want ? null : asserted) : this.lastAsserted;
        if (this.lastIndirect) indirect = true;
        if (o === 'shared') { this.entry = this.lastEntry; return 'shared'; }
        if (o === 'private') { if (indirect) unknown = true; continue; }
        if (o === 'unknown') { unknown = true; continue; }
        queue.push([e.caller, o, nextAsserted]);
      }
    }
    return unknown ? 'unknown' : 'private';
  }

  private readonly madeCache = new Map<string, boolean>();

  /**
   * Whether the object at `start` in fn is, every way context `view` reaches fn, one that
   * the goroutine made itself: an allocation done by its own calls (a composite literal,
   * new, a constructor that returns a new object) held in a variable only such
   * allocations are put in, a variable of struct type (its own storage), or what
   * view.madeParam says each run of the goroutine is given new (the request of an HTTP
   * handler). Unlike 'private' the object may be handed on afterwards: what matters is
   * that two goroutines that each reach an object only so reach two objects, since each
   * made its own. Fields are followed only where held by value (in the object itself).
   * at: where in fn the object is used (a receiver or parameter reassigned to a new
   * object before that point holds the new one).
   */
  madeByGoroutine(view: ContextView, fn: FuncInfo, start: { recv: true } | ast.Expr, at: ast.Span): boolean {
    const first = 'recv' in start ? this.madeStep(fn, fn.recv, at) : this.madeIn(fn, start, at);
    if (typeof first === 'boolean') return first;
    const key = `${view.id ?? ''}|${fn.id}|${'recv' in first ? 'r' : first.param}`;
    if (view.id !== undefined) { const hit = this.madeCache.get(key); if (hit !== undefined) return hit; }
    const r = this.madeAbove(view, fn, first);
    if (view.id !== undefined) this.madeCache.set(key, r);
    return r;
  }

  private madeAbove(view: ContextView, fn: FuncInfo, first: { recv: true } | { param: number }): boolean {
    const seen = new Set<string>();
    const queue: Array<[FuncInfo, { recv: true } | { param: number }]> = [[fn, first]];
    let budget = SEARCH_BUDGET;
    let any = false;
    while (queue.length) {
      const [callee, want] = queue.pop()!;
      const key = `${callee.id}|${'recv' in want ? 'r' : want.param}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (--budget < 0) return false;
      // Back at the goroutine's own function: only what each run of it is given new.
      if (view.isRoot(callee)) {
        if ('recv' in want || !view.madeParam?.(callee, want.param)) return false;
        any = true;
        continue;
      }
      const edges = this.callgraph.callers(callee).filter((e) => view.reaches(e.caller));
      if (!edges.length) return false;
      for (const e of edges) {
        let x: ast.Expr | undefined;
        if ('recv' in want) {
          // Only a method called by name on a value of its own (not an interface) type.
          const f = unparen(e.call.fun);
          const sel = f.kind === 'SelectorExpr' ? this.program.selectionOf(f) : null;
          if (f.kind !== 'SelectorExpr' || sel?.kind !== 'method' || sel.method.info !== callee || isInterface(this.program.typeOf(f.x))) return false;
          x = f.x;
        } else {
          if (e.call.ellipsis || e.call.args.length !== callee.params.length || (callee.sig.variadic && want.param === callee.params.length - 1)) return false;
          x = e.call.args[want.param];
        }
        if (!x) return false;
        const o = this.madeIn(e.caller, x, e.call.span);
        if (o === false) return false;
        if (o === true) { any = true; continue; }
        queue.push([e.caller, o]);
      }
    }
    return any;
  }

  private readonly locationCache = new Map<string, ObjectLocation[] | null>();
  private pointerFieldStores: Map<string, Set<string> | null> | null = null;

  /**
   * Where the object at `start` in fn lies, every way context `view` reaches fn (see
   * ObjectLocation), or null when some way in is not followed at all. `inside`: the
   * struct fields held by value, outermost first, that lead from that object to the one
   * wanted. A top-level object (the base) is one of:
   * - `var:<id>`: a local every assignment sets to a new object (`client := Client(c)`
   *   with a constructor that returns one it allocated), or a struct variable;
   * - `alloc:<site>`: an allocation used as it is (`go f(&T{})`);
   * - `new:<context>`: what each run of the goroutine's own function is given new
   *   (view.madeParam: the request of an HTTP handler);
   * - through a pointer field every store sets to a new object or to such a local
   *   (`sc.framer = fr`, `f.debug = NewFramer()`): the bases it is stored from.
   * An object made once and reached through two names (`a := newX(); b := a`) has one
   * base: b is not set to a new object, so it has none.
   */
  locationsOf(view: ContextView, fn: FuncInfo, start: { recv: true } | ast.Expr, inside: string[] = []): ObjectLocation[] | null {
    const cached = 'recv' in start && !inside.length && view.id !== undefined;
    const key = `${view.id ?? ''}|${fn.id}`;
    if (cached && this.locationCache.has(key)) return this.locationCache.get(key)!;
    const r = this.computeLocations(view, fn, start, inside);
    if (cached) this.locationCache.set(key, r);
    return r;
  }

  private computeLocations(view: ContextView, fn: FuncInfo, start: { recv: true } | ast.Expr, inside: string[]): ObjectLocation[] | null {
    const out = new Map<string, ObjectLocation>();
    const seen = new Set<string>();
    const queue: Array<[FuncInfo, { recv: true } | { param: number }, string[]]> = [];
    const found = (base: string, path: string[]): true => { out.set(`${base}\u0001${path.join('\u0001')}`, { base, inside: path }); return true; };
    // Nothing shown of the object holding this one: only the fields on the way are known.
    const unknown = (path: string[]): boolean => path.length > 0 && found('?', path);
    const resolve = (f: FuncInfo, e: ast.Expr, path: string[]): boolean => {
      let x = unparen(e);
      if (this.newObjectExpr(x, 0)) return found(`alloc:${f.id}:${x.span.join(',')}`, path);
      while (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
      if (x.kind === 'SelectorExpr') {
        const s = this.program.selectionOf(x);
        const id = s?.kind === 'field' ? fieldId(s) : null;
        if (!s || s.kind !== 'field' || !id) return unknown(path);
        if (isValueStruct(s.type)) return resolve(f, x.x, [id, ...path]);
        const from = s.type.kind === 'pointer' ? this.storedFrom(id) : null;
        if (!from) return unknown(path);
        for (const b of from) found(b, path);
        return true;
      }
      const v = x.kind === 'Ident' ? this.program.objectOf(x) : null;
      if (v?.kind !== 'var' || !v.func?.body) return unknown(path);
      if (v.func === f && (v === f.recv || f.params.includes(v))) {
        const step = this.paramStep(f, v);
        if (!step) return unknown(path);
        queue.push([f, step, path]);
        return true;
      }
      return this.freshLocal(f, v) ? found(`var:${v.id}`, path) : unknown(path);
    };
    if ('recv' in start) {
      const step = this.paramStep(fn, fn.recv);
      if (!step) return null;
      queue.push([fn, step, inside]);
    } else if (!resolve(fn, start, inside)) return null;
    let budget = SEARCH_BUDGET;
    while (queue.length) {
      const [callee, want, path] = queue.pop()!;
      const key = `${callee.id}|${'recv' in want ? 'r' : want.param}|${path.join('\u0001')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (--budget < 0) return null;
      const edges = this.callgraph.callers(callee).filter((e) => view.reaches(e.caller));
      // The goroutine's own function: what its `go` statement hands it, or what each run
      // of it is given new (the request of an HTTP handler); and what it calls itself with.
      if (view.isRoot(callee)) {
        const given = view.spawnArg?.(callee, want) ?? null;
        if ('param' in want && !given && view.madeParam?.(callee, want.param)) found(`new:${view.id ?? ''}:${callee.id}:${want.param}`, path);
        else if (!(given ? resolve(given.fn, given.expr, path) : unknown(path))) return null;
      } else if (!edges.length && !unknown(path)) return null;
      for (const e of edges) {
        let x: ast.Expr | undefined;
        if ('recv' in want) {
          // Only a method called by name on a value of its own (not an interface) type, not
          // promoted from an embedded field.
          const f = unparen(e.call.fun);
          const sel = f.kind === 'SelectorExpr' ? this.program.selectionOf(f) : null;
          if (f.kind === 'SelectorExpr' && sel?.kind === 'method' && sel.method.info === callee && !sel.path.length && !isInterface(this.program.typeOf(f.x))) x = f.x;
        } else if (!e.call.ellipsis && e.call.args.length === callee.params.length && !(callee.sig.variadic && want.param === callee.params.length - 1)) {
          x = e.call.args[want.param];
        }
        if (!(x ? resolve(e.caller, x, path) : unknown(path))) return null;
      }
    }
    return out.size ? [...out.values()] : null;
  }

  /** A receiver or parameter of fn never assigned in it: to follow to fn's callers. */
  private paramStep(fn: FuncInfo, v: VarObj | null): { recv: true } | { param: number } | null {
    if (!v || v.func !== fn || !fn.body) return null;
    const assigns = this.assignmentsTo(fn, v);
    if (!assigns || assigns.length) return null;
    if (v === fn.recv) return { recv: true };
    const i = fn.params.indexOf(v);
    return i >= 0 ? { param: i } : null;
  }

  /** v is a local of fn (or of a function around it) holding storage of its own: a struct
   * variable, or one every assignment sets to a new object. */
  private freshLocal(fn: FuncInfo, v: VarObj): boolean {
    if (v.scope !== 'local') return false;
    let g: FuncInfo | null = fn;
    while (g && g !== v.func) g = g.parent;
    if (!g) return false;
    if (isValueStruct(v.type)) return true;
    const assigns = this.assignmentsTo(v.func!, v);
    return !!assigns && assigns.length > 0 && assigns.every((a) => a.value !== null && this.newObjectExpr(a.value, 0));
  }

  /** The locations an unexported pointer field is stored from, when every store (an
   * assignment or a composite literal of its package) gives it a new object or a fresh
   * local (see freshLocal); null otherwise, or when its address is taken. */
  private storedFrom(id: string): Set<string> | null {
    this.pointerFieldStores ??= this.collectFieldStores();
    return this.pointerFieldStores.get(id) ?? null;
  }

  private collectFieldStores(): Map<string, Set<string> | null> {
    const out = new Map<string, Set<string> | null>();
    const store = (s: FieldSelection | null, fn: FuncInfo | null, value: ast.Expr | null): void => {
      const id = s ? fieldId(s) : null;
      if (!id || !s || out.get(id) === null) return;
      if (/^[A-Z]/.test(s.name) || s.type.kind !== 'pointer') { out.set(id, null); return; }
      const v = value ? unparen(value) : null;
      let loc: string | null = null;
      if (v && v.kind === 'Ident' && v.name === 'nil' && this.program.objectOf(v)?.kind !== 'var') return;
      if (v && this.newObjectExpr(v, 0)) loc = `alloc:${fn?.id ?? s.file}:${v.span.join(',')}`;
      else if (v && fn && v.kind === 'Ident') {
        const o = this.program.objectOf(v);
        if (o?.kind === 'var' && o.type.kind === 'pointer' && this.freshLocal(fn, o)) loc = `var:${o.id}`;
      }
      if (!loc) { out.set(id, null); return; }
      const set = out.get(id) ?? new Set<string>();
      set.add(loc);
      out.set(id, set);
    };
    const funcOf = new Map<ast.Node, FuncInfo>();
    for (const fn of this.program.funcs) funcOf.set(fn.node, fn);
    const visit = (root: ast.Node, fn: FuncInfo | null): void => {
      walk(root, (n) => {
        if (n.kind === 'FuncLit' || n.kind === 'FuncDecl') {
          const f = funcOf.get(n);
          if (f?.body) visit(f.body, f);
          return false;
        }
        if (n.kind === 'AssignStmt') {
          n.lhs.forEach((l, i) => {
            const x = unparen(l);
            if (x.kind !== 'SelectorExpr') return;
            const s = this.program.selectionOf(x);
            if (s?.kind !== 'field') return;
            store(s, fn, n.lhs.length === n.rhs.length && (n.tok === '=' || n.tok === ':=') ? n.rhs[i]! : null);
          });
        } else if (n.kind === 'UnaryExpr' && n.op === '&') {
          const x = unparen(n.x);
          const s = x.kind === 'SelectorExpr' ? this.program.selectionOf(x) : null;
          if (s?.kind === 'field') store(s, null, null);
        } else if (n.kind === 'CompositeLit') {
          const t = this.program.typeOf(n);
          const base = t.kind === 'pointer' ? t.elem : t;
          const u = underlying(base);
          if (u.kind !== 'struct') return undefined;
          n.elts.forEach((el, i) => {
            let name: string | null = null;
            let value: ast.Expr = el;
            if (el.kind === 'KeyValueExpr') { name = el.key.kind === 'Ident' ? el.key.name : null; value = el.value; }
            else name = u.fields[i]?.name ?? null;
            if (!name) return;
            const s = this.program.lookup(base, name);
            store(s?.kind === 'field' ? s : null, fn, value);
          });
        }
        return undefined;
      });
    };
    // Every file of the module's packages, package-level initialisers included.
    for (const pkg of this.program.packages) for (const f of pkg.files) for (const d of f.ast.decls) visit(d, null);
    return out;
  }

  /** madeByGoroutine for expression e of fn, used at span at: true, false, or the
   * receiver or parameter of fn it is, to follow to fn's callers. */
  private madeIn(fn: FuncInfo, e: ast.Expr, at: ast.Span): boolean | { recv: true } | { param: number } {
    let x = unparen(e);
    for (let guard = 0; guard < 16; guard++) {
      if (x.kind === 'UnaryExpr' && x.op === '&') { x = unparen(x.x); continue; }
      if (x.kind === 'SelectorExpr') {
        const s = this.program.selectionOf(x);
        // A field held by value lies in the object holding it; one reached through a
        // pointer (embedded or not) is another object.
        if (s?.kind !== 'field' || s.indirect || !isValueStruct(s.type)) return false;
        x = unparen(x.x);
        continue;
      }
      break;
    }
    if (x.kind === 'CompositeLit') return true;
    if (x.kind === 'CallExpr') return this.newObjectExpr(x, 0);
    if (x.kind !== 'Ident') return false;
    const v = this.program.objectOf(x);
    if (v?.kind !== 'var') return false;
    return this.madeStep(fn, v, at);
  }

  private madeStep(fn: FuncInfo, v: VarObj | null, at: ast.Span): boolean | { recv: true } | { param: number } {
    if (!v || v.scope === 'pkg' || v.func !== fn || !fn.body) return false;
    // A struct variable is storage of its own, made by each call (a value receiver or
    // parameter is the callee's copy).
    if (isValueStruct(v.type)) return true;
    const assigns = this.assignmentsTo(fn, v);
    if (!assigns) return false;
    const made = assigns.length > 0 && assigns.every((a) => a.value !== null && this.newObjectExpr(a.value, 0));
    if (v === fn.recv || fn.params.includes(v)) {
      // Reassigned to a new object by a statement of a block that holds the use, before
      // it: from there on the variable holds the call's own object.
      if (made && assigns.some((a) => a.block && spanContains(a.block, at) && (a.span[2] < at[0] || (a.span[2] === at[0] && a.span[3] <= at[1])))) return true;
      if (assigns.length) return false;
      return v === fn.recv ? { recv: true } : { param: fn.params.indexOf(v) };
    }
    return (v.scope === 'local' || v.scope === 'result') && made;
  }

  private readonly assignCache = new Map<VarObj, Array<{ value: ast.Expr | null; block: ast.Span | null; span: ast.Span }> | null>();

  /** Every assignment to v in fn's body (its declaration's initial value included), each
   * with the block it is a statement of; null when a function literal
   * assigns it, its address is taken or it is a range variable (set by other means). */
  private assignmentsTo(fn: FuncInfo, v: VarObj): Array<{ value: ast.Expr | null; block: ast.Span | null; span: ast.Span }> | null {
    if (this.assignCache.has(v)) return this.assignCache.get(v)!;
    const out: Array<{ value: ast.Expr | null; block: ast.Span | null; span: ast.Span }> = [];
    let ok = true;
    const visit = (body: ast.Node, inLit: boolean): void => {
      walk(body, (n, parent) => {
        if (!ok) return false;
        if (n.kind === 'FuncLit') { visit(n.body, true); return false; }
        if (n.kind === 'UnaryExpr' && n.op === '&') { const y = unparen(n.x); if (y.kind === 'Ident' && this.program.objectOf(y) === v) ok = false; }
        if (n.kind === 'RangeStmt') { for (const k of [n.key, n.value]) if (k?.kind === 'Ident' && this.program.objectOf(k) === v) ok = false; }
        if (n.kind === 'AssignStmt') {
          n.lhs.forEach((l, i) => {
            if (l.kind !== 'Ident' || this.program.objectOf(l) !== v) return;
            if (inLit) { ok = false; return; }
            // `c, err := NewConn()`: the first result.
            const value = n.lhs.length === n.rhs.length ? n.rhs[i]! : i === 0 && n.rhs.length === 1 && unparen(n.rhs[0]!).kind === 'CallExpr' ? n.rhs[0]! : null;
            const block = parent?.kind === 'BlockStmt' || parent?.kind === 'CaseClause' || parent?.kind === 'CommClause' ? parent.span : null;
            out.push({ value, block, span: n.span });
          });
        } else if (n.kind === 'ValueSpec') {
          n.names.forEach((id, i) => {
            if (this.program.objectOf(id) !== v && this.program.info.defs.get(id) !== v) return;
            if (inLit) { ok = false; return; }
            const value = n.values.length === n.names.length ? n.values[i]! : i === 0 && n.values.length === 1 ? n.values[0]! : null;
            // `var p *T`: nil until set, no object.
            if (!value && !n.values.length && v.type.kind === 'pointer') return;
            out.push({ value, block: null, span: n.span });
          });
        }
        return undefined;
      });
    };
    visit(fn.body!, false);
    const r = ok ? out : null;
    this.assignCache.set(v, r);
    return r;
  }

  /** Where the object an expression denotes comes from, inside fn (isRoot: fn is the
   * goroutine's own function, whose locals are what it shares with the code it starts). */
  private originIn(fn: FuncInfo, e: ast.Expr, isRoot: boolean, depth = 0): Step {
    let x = unparen(e);
    // Through a pointer, an interface or a reference type the object may be anyone's
    // holder's: it is at best as shared as the holder, never private.
    let viaPointer = false;
    for (let guard = 0; guard < 16; guard++) {
      if (x.kind === 'UnaryExpr' && x.op === '&') { this.lastAsserted = null; x = unparen(x.x); continue; }
      if (x.kind === 'SelectorExpr') {
        const s = this.program.selectionOf(x);
        if (s?.kind === 'qualified') break;
        if (s?.kind !== 'field') return 'unknown';
        this.lastAsserted = null;
        if (!ownedValue(s.type) || s.indirect || this.program.typeOf(x.x).kind === 'pointer') viaPointer = true;
        x = unparen(x.x);
        continue;
      }
      if (x.kind === 'IndexExpr' || x.kind === 'StarExpr') { this.lastAsserted = null; viaPointer = true; x = unparen(x.x); continue; }
      // `ctx.Value(key).(*state)`: what the context holds comes with the context, and is
      // its own when the context was made with a new value (`context.WithValue(ctx, k, &state{})`).
      if (x.kind === 'TypeAssertExpr') {
        const t = this.program.typeOf(x);
        this.lastAsserted = t.kind !== 'unknown' && t.kind !== 'tuple' && t.kind !== 'typeparam' && !isInterface(t) ? t : null;
        if (!this.contextValue(x.x)) viaPointer = true;
        x = unparen(x.x);
        continue;
      }
      const held = this.contextValue(x);
      if (held) { this.lastAsserted = null; x = held; continue; }
      break;
    }
    if (viaPointer) this.lastIndirect = true;
    const step = this.rootStep(fn, x, isRoot, viaPointer, depth);
    return viaPointer && step === 'private' ? 'unknown' : step;
  }

  private readonly passCache = new Map<FuncInfo, number | null>();

  /** The argument of a call whose callee returns, as its first result, a value that a
   * context parameter holds (`md, ok := ctx.Value(k).(MD); return md, ok`), or a context
   * holding a parameter (`return context.WithValue(ctx, k, md)`): what the object of
   * such a value is comes from that argument. */
  private contextValueOfParam(call: ast.CallExpr): ast.Expr | null {
    const t = staticTarget(calleeOf(this.program, call));
    if (!t?.body || call.ellipsis) return null;
    let i = this.passCache.get(t);
    if (i === undefined) {
      i = null;
      let consistent = true;
      walk(t.body, (n) => {
        if (!consistent || n.kind === 'FuncLit') return false;
        if (n.kind !== 'ReturnStmt') return undefined;
        const k = n.results[0] ? this.contextParamOf(t, n.results[0], 0) : -1;
        if (k < 0 && n.results.length === 1) {
          // `return context.WithValue(ctx, mdKey{}, md)`: the value the new context holds.
          const r = unparen(n.results[0]!);
          const v = r.kind === 'CallExpr' && r.args.length === 3 && isFuncCall(calleeOf(this.program, r), 'context', 'WithValue') ? unparen(r.args[2]!) : null;
          const o = v?.kind === 'Ident' ? this.program.objectOf(v) : null;
          const j = o?.kind === 'var' ? t.params.indexOf(o) : -1;
          if (j >= 0) { if (i !== null && i !== j) consistent = false; else i = j; return undefined; }
        }
        if (k < 0 || (i !== null && i !== k)) consistent = false;
        else i = k;
        return undefined;
      });
      if (!consistent) i = null;
      this.passCache.set(t, i);
    }
    return i === null ? null : call.args[i] ?? null;
  }

  /** The index of t's context parameter whose held value e is, or -1. */
  private contextParamOf(t: FuncInfo, e: ast.Expr, depth: number): number {
    let x = unparen(e);
    if (x.kind === 'TypeAssertExpr') x = unparen(x.x);
    const ctx = this.contextValue(x);
    if (ctx) {
      const v = ctx.kind === 'Ident' ? this.program.objectOf(ctx) : null;
      return v?.kind === 'var' ? t.params.indexOf(v) : -1;
    }
    if (x.kind !== 'Ident' || depth > 2) return -1;
    const v = this.program.objectOf(x);
    if (v?.kind !== 'var' || v.scope !== 'local' || v.func !== t) return -1;
    const def = singleDefinition(this.program, v);
    return def ? this.contextParamOf(t, def, depth + 1) : -1;
  }

  /** The context of a `ctx.Value(key)` call, or null. */
  private contextValue(e: ast.Expr): ast.Expr | null {
    const x = unparen(e);
    if (x.kind !== 'CallExpr' || x.args.length !== 1) return null;
    const c = calleeOf(this.program, x);
    const f = unparen(x.fun);
    if (c?.kind !== 'method' || c.sel.method.name !== 'Value' || f.kind !== 'SelectorExpr') return null;
    return isContext(c.sel.method.iface) || c.sel.method.recvDecl?.pkgPath === 'context' ? unparen(f.x) : null;
  }

  private rootStep(fn: FuncInfo, x: ast.Expr, isRoot: boolean, viaPointer: boolean, depth: number): Step {
    if (x.kind === 'CompositeLit') return (viaPointer || this.throughCopies) && depth < 3 ? this.heldByLiteral(fn, x, isRoot, depth) : 'private';
    if (x.kind === 'CallExpr') {
      // A getter handing out what its receiver holds (`s.Jobs()` copying `s.jobs`, a
      // `[]*Job`): the receiver's objects, as shared as the receiver. Only for a receiver
      // named by a variable: one reached through a field (`w.shared.Get()`) may hold
      // objects shared more widely than the holder that leads to it.
      // So is one element of a receiver's collection (`return p.workers[i]`), and the
      // object a pointer field of the receiver points to (`return s.cfg`).
      const h = depth < 3 ? handedOut(this.program, x) : null;
      if (h && (h.copy || h.path[h.path.length - 1] === '[]' || this.program.typeOf(x).kind === 'pointer') && unparen(h.recv).kind === 'Ident') { this.lastIndirect = true; const o = this.originIn(fn, h.recv, isRoot, depth + 1); this.lastAsserted = null; return o === 'private' ? 'unknown' : o; }
      // A helper that hands back what a context argument holds (`FromIncomingContext(ctx)`
      // returning `ctx.Value(mdKey{}).(MD)`): the object comes with that argument.
      const through = depth < 3 ? (isFuncCall(calleeOf(this.program, x), 'context', 'WithValue') && x.args.length === 3 ? x.args[2]! : this.contextValueOfParam(x)) : null;
      if (through) { this.lastIndirect = true; const o = this.originIn(fn, through, isRoot, depth + 1); this.lastAsserted = null; return o; }
      // A chooser handing back one of its arguments (`converterFor(name, md, txt)`
      // returning md or txt): the object is one of theirs.
      const picks = depth < 3 ? this.returnedArgs(x) : null;
      if (picks) {
        let all: Step | null = null;
        for (const a of picks) {
          const o = this.originIn(fn, a, isRoot, depth + 1);
          if (o === 'shared' || typeof o !== 'string') return o;
          all = all === null || all === o ? o : 'unknown';
        }
        if (all) return all;
      }
      return this.freshResult(x) ? 'private' : 'unknown';
    }
    let v: ReturnType<Program['objectOf']> | undefined;
    if (x.kind === 'SelectorExpr') {
      const s = this.program.selectionOf(x);
      if (s?.kind === 'qualified' && s.obj.kind === 'var') { this.lastEntry = null; return 'shared'; }
      return 'unknown';
    }
    if (x.kind === 'Ident') v = this.program.objectOf(x);
    if (v?.kind !== 'var') return 'unknown';
    if (v.scope === 'pkg') { this.lastEntry = null; return 'shared'; }
    // A value receiver or parameter is the callee's own copy.
    const copy = !viaPointer && !this.throughCopies && isValueStruct(v.type);
    if (v === fn.recv) return copy ? 'private' : { recv: true };
    const pi = fn.params.indexOf(v);
    if (pi >= 0) return copy ? 'private' : { param: pi };
    if (!v.func) return 'unknown';
    const home = v.func;
    if (home !== fn) {
      // A variable of an enclosing function: shared when a goroutine captures it or it
      // belongs to the goroutine's own function; otherwise seen from a literal run on the spot.
      if (!this.captured.has(v)) return 'unknown';
      if (this.goroutineCaptured.has(v) || this.view!.isRoot(home)) { this.lastEntry = v; return 'shared'; }
      // A literal made by code this goroutine never runs, and called by it through a stored
      // value (a gauge callback its registry's scraper evaluates): what the literal
      // captured came with it.
      if (fn.parent && this.view!.keptCallback?.(fn) && !this.view!.reaches(home) && !this.view!.reaches(fn.parent)) { this.lastEntry = v; return 'shared'; }
    }
    if (v.scope !== 'local' && v.scope !== 'result') return 'unknown';
    // Seen from a literal: only one that runs during home's call (not one kept in the
    // object for later, which runs when others may hold it).
    const duringCall = home === fn || (fn.parent === home && fn.node.kind === 'FuncLit' && !!this.spotLiterals(home, v, false)?.includes(fn.node));
    // Made here (a named result included: `p = &Package{}`) and seen by nothing else while
    // this call runs. Returning it is no escape: the access happens before the return.
    if (duringCall && this.privateLocal(v, true)) return 'private';
    if (v.scope !== 'local') return 'unknown';
    // The goroutine's own locals, and locals handed to a goroutine (captured by it, started
    // with, passed to code that starts one), are what is shared.
    if ((home === fn && isRoot) || this.view!.isRoot(home) || this.goroutineCaptured.has(v) || this.givenToGoroutine(home).has(v)) { this.lastEntry = v; return 'shared'; }
    // A local collection filled here (`targets := make([]*sub, 0, n); for _, s := range
    // b.subs { targets = append(targets, s) }`): its elements are the objects put in.
    const put = depth < 3 ? this.collectedElements(home, v) : null;
    for (const el of put ?? []) {
      const o = this.originIn(home, el, isRoot && home === fn, depth + 1);
      if (o === 'private' || o === 'unknown') continue;
      this.lastIndirect = true;
      return typeof o === 'string' || home === fn ? o : 'unknown';
    }
    const def = depth < 3 ? singleDefinition(this.program, v) : null;
    if (def && !isAllocation(unparen(def))) {
      const o = this.originIn(home, def, isRoot && home === fn, depth + 1);
      if (o === 'private') return 'unknown';
      // Only a variable of fn itself leads on up the chain through fn's receiver or parameters.
      return typeof o === 'string' || home === fn ? o : 'unknown';
    }
    return 'unknown';
  }

  private readonly returnedArgCache = new Map<FuncInfo, number[] | null>();

  /** The arguments of call whose callee returns, as its first result, one of its
   * parameters on every return (nil aside): null for any other callee. */
  private returnedArgs(call: ast.CallExpr): ast.Expr[] | null {
    const t = staticTarget(calleeOf(this.program, call));
    if (!t?.body || call.ellipsis || call.args.length !== t.params.length) return null;
    let idx = this.returnedArgCache.get(t);
    if (idx === undefined) {
      const found = new Set<number>();
      let ok = true;
      walk(t.body, (n) => {
        if (!ok || n.kind === 'FuncLit') return false;
        if (n.kind !== 'ReturnStmt') return undefined;
        const r = n.results[0] ? unparen(n.results[0]) : null;
        const o = r?.kind === 'Ident' ? this.program.objectOf(r) : null;
        const i = o?.kind === 'var' ? t.params.indexOf(o) : -1;
        if (i >= 0) found.add(i);
        else if (!(r?.kind === 'Ident' && r.name === 'nil' && o?.kind !== 'var')) ok = false;
        return undefined;
      });
      idx = ok && found.size ? [...found] : null;
      // A parameter reassigned in the body is no longer the argument.
      if (idx && idx.some((i) => this.assigned(t, t.params[i]!))) idx = null;
      this.returnedArgCache.set(t, idx);
    }
    return idx ? idx.map((i) => call.args[i]!) : null;
  }

  /**
   * The object reached through a pointer held by a new struct value (`Server{h}.serve()`
   * reading `s.lat`, which is h): the literal itself is new, what its pointer fields were
   * given is not. Which field led here is not tracked: the first given value that is
   * not the literal's own decides.
   */
  private heldByLiteral(fn: FuncInfo, lit: ast.CompositeLit, isRoot: boolean, depth: number): Step {
    for (const el of lit.elts) {
      const v = el.kind === 'KeyValueExpr' ? el.value : el;
      if (v.kind === 'CompositeLit' || ownedValue(this.program.typeOf(v))) continue;
      const o = this.originIn(fn, v, isRoot, depth + 1);
      if (o !== 'private' && o !== 'unknown') { this.lastIndirect = true; return o; }
    }
    return 'private';
  }

  /**
   * The values put into local collection v of fn, when v is only ever set to a new
   * collection (make, a literal, nil) or to itself with more elements appended, and
   * otherwise only filled by index (`v[i] = x`): null when it is anything else.
   */
  private collectedElements(fn: FuncInfo, v: VarObj): ast.Expr[] | null {
    const u = underlying(v.type);
    if ((u.kind !== 'slice' && u.kind !== 'map') || !fn.body) return null;
    const out: ast.Expr[] = [];
    let ok = true;
    const isV = (e: ast.Expr) => { const x = unparen(e); return x.kind === 'Ident' && this.program.objectOf(x) === v; };
    walk(fn.body, (n) => {
      if (!ok) return false;
      if (n.kind === 'RangeStmt' && ((n.key && isV(n.key)) || (n.value && isV(n.value)))) ok = false;
      if (n.kind === 'ValueSpec') n.names.forEach((id, i) => { if (isV(id)) { const init = n.values[i]; if (init && !isAllocation(unparen(init))) ok = false; } });
      if (n.kind !== 'AssignStmt') return undefined;
      n.lhs.forEach((l, i) => {
        const x = unparen(l);
        if (x.kind === 'IndexExpr' && isV(x.x)) { const r = n.rhs.length === n.lhs.length ? n.rhs[i] : undefined; if (r) out.push(r); return; }
        if (!isV(x)) return;
        const r = n.rhs.length === n.lhs.length ? unparen(n.rhs[i]!) : null;
        if (!r) { ok = false; return; }
        if (isAllocation(r) || (r.kind === 'Ident' && r.name === 'nil')) return;
        const c = r.kind === 'CallExpr' ? calleeOf(this.program, r) : null;
        if (r.kind === 'CallExpr' && c?.kind === 'builtin' && c.name === 'append' && r.args.length > 0 && isV(r.args[0]!)) { out.push(...r.args.slice(1)); return; }
        ok = false;
      });
      return undefined;
    });
    return ok && out.length ? out : null;
  }

  private methodValues: MethodValueSite[] | null = null;

  /** Every method value of the module (`m.onLeader` not called on the spot), found once. */
  methodValueSites(): MethodValueSite[] {
    if (this.methodValues) return this.methodValues;
    const out: MethodValueSite[] = [];
    for (const fn of this.program.funcs) {
      if (!fn.body) continue;
      walkBodyKinds(fn.body, SELECTORS, (n, parent) => {
        if (n.kind !== 'SelectorExpr') return undefined;
        if (parent?.kind === 'CallExpr' && unparen(parent.fun) === n) return undefined;
        const sel = this.program.selectionOf(n);
        if (sel?.kind !== 'method' || !sel.method.info || sel.method.iface) return undefined;
        let r = unparen(n.x);
        while (r.kind === 'SelectorExpr' && this.program.selectionOf(r)?.kind === 'field') r = unparen(r.x);
        if (r.kind === 'UnaryExpr' && r.op === '&') r = unparen(r.x);
        const o = r.kind === 'Ident' ? this.program.objectOf(r) : null;
        let t = unparen(n.x);
        while (t.kind === 'StarExpr') t = unparen(t.x);
        const expression = t.kind === 'Ident' && this.program.objectOf(t)?.kind === 'type';
        out.push({ fn, method: sel.method.info, recvExpr: n.x, root: o?.kind === 'var' ? o : null, expression, kept: this.storedAway(n, parent, null), stored: this.storedAway(n, parent, sel.method.info.recvDecl ?? null) });
        return undefined;
      });
    }
    // Literals are functions of their own: walked separately above.
    this.methodValues = out;
    return out;
  }

  /**
   * A method value kept for later: stored in a field, a container or a package variable,
   * put in a composite literal, returned or sent, there or by the module function it is
   * handed to (`b.On("leader", m.onLeader)` where On does `b.handlers[topic] = h`); as
   * opposed to a callback called on the spot by the function it is handed to
   * (`fr.ForeachSetting(sc.processSetting)`), or passed on down a chain of such calls.
   */
  private storedAway(n: ast.Expr, parent: ast.Node | null, owner: TypeDecl | null): boolean {
    if (!parent) return false;
    if (parent.kind !== 'CallExpr') return this.keeps(n, parent, owner);
    const i = parent.args.indexOf(n);
    if (i < 0) return false;
    const t = staticTarget(calleeOf(this.program, parent));
    if (!t?.body || (t.sig.variadic && i >= t.params.length - 1)) return false;
    const p = t.params[i];
    if (!p) return false;
    let kept = false;
    walk(t.body, (m, up) => {
      if (kept) return false;
      if (m.kind === 'Ident' && up && this.program.objectOf(m) === p && this.keeps(m, up, owner)) kept = true;
      return undefined;
    });
    return kept;
  }

  /** Expression e, a direct child of parent, is stored (not called, passed or tested)
   * somewhere other than in an object of the method's own receiver type (`c.handshakeFn =
   * c.clientHandshake` keeps the method with the object it is bound to). */
  private keeps(e: ast.Expr, parent: ast.Node, owner: TypeDecl | null): boolean {
    switch (parent.kind) {
      case 'AssignStmt': {
        const i = parent.rhs.indexOf(e);
        let l = i >= 0 && parent.lhs.length === parent.rhs.length ? unparen(parent.lhs[i]!) : null;
        if (!l) return false;
        if (l.kind === 'Ident') { const o = this.program.objectOf(l); return o?.kind === 'var' && o.scope === 'pkg'; }
        while (l.kind === 'IndexExpr' || l.kind === 'StarExpr') l = unparen(l.x);
        if (l.kind === 'SelectorExpr') {
          const s = this.program.selectionOf(l);
          if (s?.kind === 'field' && owner && s.owner === owner) return false;
        }
        return true; // a field, an element
      }
      case 'KeyValueExpr': return parent.value === e;
      case 'CompositeLit': {
        const t = this.program.typeOf(parent);
        const b = t.kind === 'pointer' ? t.elem : t;
        return !(owner && b.kind === 'named' && b.decl === owner);
      }
      case 'ReturnStmt': return true;
      case 'SendStmt': return parent.value === e;
      case 'CallExpr': {
        const c = calleeOf(this.program, parent);
        return c?.kind === 'builtin' && c.name === 'append' && parent.args[0] !== e;
      }
      default: return false;
    }
  }

  /** Locals of fn used in a `go` statement, or handed to a function that starts goroutines. */
  private givenToGoroutine(fn: FuncInfo): Set<VarObj> {
    let hit = this.handedToGoroutine.get(fn);
    if (hit) return hit;
    const out = new Set<VarObj>();
    hit = out;
    this.handedToGoroutine.set(fn, hit);
    if (!fn.body) return hit;
    const note = (e: ast.Expr): void => {
      let x = unparen(e);
      while (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
      while (x.kind === 'SelectorExpr' && this.program.selectionOf(x)?.kind !== 'qualified') x = unparen(x.x);
      if (x.kind === 'Ident') { const o = this.program.objectOf(x); if (o?.kind === 'var') out.add(o); }
    };
    walkBodyKinds(fn.body, HANDED_KINDS, (n) => {
      // A pointer sent on a channel goes to whichever goroutine receives it.
      if (n.kind === 'SendStmt') { if (this.program.typeOf(n.value).kind === 'pointer') note(n.value); return undefined; }
      if (n.kind !== 'CallExpr' && n.kind !== 'GoStmt') return undefined;
      const call = n.kind === 'GoStmt' ? n.call : n;
      const started = n.kind === 'GoStmt' || this.callgraph.targetsOf(calleeOf(this.program, call), fn.pkg).some((t) => this.spawning.has(t));
      if (!started) return undefined;
      const f = unparen(call.fun);
      if (f.kind === 'SelectorExpr') note(f.x);
      for (const a of call.args) note(a);
      return undefined;
    });
    return hit;
  }

  /** A local of its function set once, to an object made there (an allocation, or the
   * result of a constructor that returns one it allocated): each call of the function has
   * its own. Unlike privateLocal, the object may be handed on (what matters is only that
   * another call makes another one). */
  madePerCall(v: VarObj): boolean {
    return v.scope === 'local' && this.singleNewObject(v, 0);
  }

  private singleNewObject(v: VarObj, depth: number): boolean {
    if (!v.func?.body) return false;
    let defs = 0;
    let fresh = true;
    walk(v.func.body, (n) => {
      if (n.kind === 'AssignStmt') {
        n.lhs.forEach((l, i) => {
          if (l.kind !== 'Ident' || this.program.objectOf(l) !== v) return;
          defs++;
          const r = n.lhs.length === n.rhs.length ? n.rhs[i]! : null;
          if (!r || !this.newObjectExpr(r, depth)) fresh = false;
        });
      } else if (n.kind === 'ValueSpec') {
        n.names.forEach((id, i) => {
          if (this.program.objectOf(id) !== v && this.program.info.defs.get(id) !== v) return;
          defs++;
          const init = n.values[i];
          if (!init || !this.newObjectExpr(init, depth)) fresh = false;
        });
      } else if (n.kind === 'RangeStmt') {
        for (const k of [n.key, n.value]) if (k?.kind === 'Ident' && this.program.objectOf(k) === v) fresh = false;
      }
      return undefined;
    });
    return defs === 1 && fresh;
  }

  /** An allocation, or a call of a function each of whose returns gives one (directly, or
   * through a local set once to one). */
  /** An expression that makes a new object each time it runs (an allocation, or a call
   * of a constructor that returns one it allocated). */
  freshValue(e: ast.Expr): boolean {
    return this.newObjectExpr(e, 0);
  }

  private newObjectExpr(e: ast.Expr, depth: number): boolean {
    const x = unparen(e);
    if (isAllocation(x)) return true;
    if (x.kind !== 'CallExpr' || depth >= 3) return false;
    const t = staticTarget(calleeOf(this.program, x));
    if (!t?.body) return false;
    let returns = 0;
    let ok = true;
    walk(t.body, (n) => {
      if (!ok || n.kind === 'FuncLit') return false;
      if (n.kind !== 'ReturnStmt' || n.results.length === 0) return undefined;
      returns++;
      const r = unparen(n.results[0]!);
      if (r.kind === 'Ident' && r.name === 'nil' && this.program.objectOf(r)?.kind !== 'var') return undefined;
      if (r.kind === 'Ident') {
        const o = this.program.objectOf(r);
        if (!(o?.kind === 'var' && o.func === t && o.scope === 'local' && this.singleNewObject(o, depth + 1))) ok = false;
      } else if (!this.newObjectExpr(r, depth + 1)) ok = false;
      return undefined;
    });
    return ok && returns > 0;
  }

  /**
   * A local made here (allocation, zero value, fresh constructor result) that nothing else
   * can see: see leaks(). A constructor's local may also be returned (`returned`).
   */
  private privateLocal(v: VarObj, returned = false): boolean {
    const cache = returned ? this.returnedCache : this.localCache;
    const hit = cache.get(v);
    if (hit !== undefined) return hit;
    cache.set(v, false); // recursion guard
    let result = false;
    const body = v.func?.body;
    if (body && v.func) {
      let defs = 0;
      let fresh = true;
      walk(body, (n) => {
        if (n.kind === 'FuncLit') return false;
        if (n.kind === 'AssignStmt') {
          n.lhs.forEach((l, i) => {
            if (l.kind !== 'Ident' || this.program.objectOf(l) !== v) return;
            defs++;
            const r = n.lhs.length === n.rhs.length ? n.rhs[i]! : null;
            if (!r || !this.freshExpr(r)) fresh = false;
          });
        } else if (n.kind === 'ValueSpec') {
          n.names.forEach((id, i) => {
            if (this.program.objectOf(id) !== v && this.program.info.defs.get(id) !== v) return;
            defs++;
            const init = n.values[i];
            if (init ? !this.freshExpr(init) : !isValueStruct(v.type)) fresh = false;
          });
        } else if (n.kind === 'RangeStmt') {
          for (const k of [n.key, n.value]) if (k?.kind === 'Ident' && this.program.objectOf(k) === v) fresh = false;
        } else if (n.kind === 'ReturnStmt' && v.scope === 'result' && n.results.length) {
          // `return q, err` sets a named result too: only itself, nil or a new object.
          const i = v.func!.results.indexOf(v);
          const r = n.results.length === v.func!.results.length && i >= 0 ? unparen(n.results[i]!) : null;
          const same = r?.kind === 'Ident' && (this.program.objectOf(r) === v || r.name === 'nil');
          if (!r || !(same || isAllocation(r))) fresh = false;
        }
        return undefined;
      });
      result = defs === 1 && fresh && !this.leaks(v.func, v, returned, 0);
    }
    cache.set(v, result);
    return result;
  }

  /**
   * Whether the object in variable v of fn can become visible outside fn's call: stored,
   * captured, sent, started with, returned (unless allowed), or handed to a call (or a
   * method) that lets its parameter (or receiver) leak in turn. Field reads and writes,
   * and calls into code outside the module, keep it private.
   */
  private leaks(fn: FuncInfo, v: VarObj, allowReturn: boolean, depth: number, concrete: Type | null = null): boolean {
    if (!fn.body) return true;
    // The type of the object in v: its own, or for an interface parameter the concrete
    // type the caller hands it (`fmt.Fprintf(w, ...)` with a *bufio.Writer), whose methods
    // are then the ones its calls run.
    const dyn = isInterface(v.type) ? concrete : v.type;
    const key = `${fn.id}|${v.id}|${allowReturn}${dyn && dyn !== v.type ? `|${typeString(dyn)}` : ''}`;
    const hit = this.leakCache.get(key);
    if (hit !== undefined) return hit;
    if (depth > 4) return true;
    this.leakCache.set(key, true); // recursion guard: a cycle is taken as a leak
    // Captured by function literals: only by ones that run on the spot, in this call (see
    // spotLiterals); their uses of v are walked below like fn's own.
    const literalReturns = new Set<ast.Node>();
    if (this.captured.has(v)) {
      const lits = v.func === fn ? this.spotLiterals(fn, v) : null;
      if (!lits) return true;
      for (const lit of lits) walk(lit.body, (n) => { if (n.kind === 'ReturnStmt') literalReturns.add(n); return undefined; });
    }
    const handled = new Set<ast.Node>();
    let leak = false;
    const isV = (e: ast.Expr | undefined): ast.Ident | null => {
      if (!e) return null;
      let x = unparen(e);
      if (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
      return x.kind === 'Ident' && this.program.objectOf(x) === v ? x : null;
    };
    const goCalls = new Set<ast.Node>();
    // Arguments evaluated by a `go` statement and handed to the goroutine: the address of
    // a field of v (`go pump(&v.n)`), or a pointer a method of v returns (`go
    // pump(v.counter())`), lets the goroutine write into v.
    const goArgs: ast.Span[] = [];
    const inGoArgs = (sp: ast.Span): boolean => goArgs.some((g) => spanContains(g, sp));
    const fieldOfV = (e: ast.Expr): boolean => {
      let x = unparen(e);
      if (x.kind !== 'SelectorExpr') return false;
      while (x.kind === 'SelectorExpr' && this.program.selectionOf(x)?.kind === 'field') x = unparen(x.x);
      return !!isV(x);
    };
    walk(fn.body, (n, parent) => {
      if (leak) return false;
      if (n.kind === 'GoStmt') for (const a of n.call.args) goArgs.push(a.span);
      if (n.kind === 'UnaryExpr' && n.op === '&' && inGoArgs(n.span) && fieldOfV(n.x)) { leak = true; return false; }
      if (n.kind === 'GoStmt' || n.kind === 'DeferStmt') goCalls.add(n.call);
      if (n.kind === 'CallExpr') {
        const c = calleeOf(this.program, n);
        const f = unparen(n.fun);
        // v.M(...): the method's receiver must not leak.
        if (f.kind === 'SelectorExpr') {
          const id = isV(f.x);
          const sel = id ? this.program.selectionOf(f) : null;
          if (id && sel?.kind === 'method') {
            handled.add(id);
            // A context's own methods (Value, Done, Err) keep what it holds where it is.
            if (isContext(sel.method.iface) || sel.method.recvDecl?.pkgPath === 'context') return undefined;
            if (goCalls.has(n)) { leak = true; return false; }
            if (inGoArgs(n.span) && sel.method.sig.results[0]?.kind === 'pointer') { leak = true; return false; }
            const t = staticTarget(c);
            if (t) { if (t.recv && this.leaks(t, t.recv, true, depth + 1)) leak = true; }
            else if (sel.method.iface && dyn && !isInterface(dyn)) {
              const m = lookupFieldOrMethod(dyn, sel.method.name, this.program.methods);
              const mt = m?.kind === 'method' && !m.path.length ? m.method.info : null;
              if (!mt?.recv || this.leaks(mt, mt.recv, true, depth + 1)) leak = true;
            } else if (sel.method.info || sel.method.iface) leak = true; // dynamic: unknown
          }
        }
        n.args.forEach((a, i) => {
          const id = isV(a);
          if (!id) return;
          handled.add(id);
          if (goCalls.has(n)) { leak = true; return; }
          // Handed to a library call that serves it on goroutines of its own
          // (`httptest.NewServer(s)`, `http.Handle(p, s)`): every request sees it.
          const sk = spawnKindOf(this.program, c);
          if (sk && sk.arg === i) { leak = true; return; }
          if (c?.kind === 'builtin') { if (c.name === 'append') leak = true; return; }
          // Put into a context (`context.WithValue(ctx, mdKey{}, md)`): it goes wherever the
          // context goes, to the goroutines it is handed to.
          if (i === 2 && isFuncCall(c, 'context', 'WithValue')) { leak = true; return; }
          // The writer of a logger (`log.New(ring, ...)`, `l.SetOutput(w)`): whoever prints
          // with the logger writes into it.
          if (i === 0 && (isFuncCall(c, 'log', ['New', 'SetOutput']) || isMethodCall(c, 'log', 'Logger', 'SetOutput') || isFuncCall(c, 'log/slog', ['NewTextHandler', 'NewJSONHandler']))) { leak = true; return; }
          const t = staticTarget(c);
          if (!t) { if (c?.kind !== 'func' && c?.kind !== 'method') leak = true; return; } // a function value: unknown
          const param = t.params[Math.min(i, t.params.length - 1)];
          if (!param || (t.sig.variadic && i >= t.params.length - 1) || this.leaks(t, param, true, depth + 1, unparen(a).kind === 'Ident' ? dyn : null)) leak = true;
        });
        return undefined;
      }
      if (n.kind === 'SelectorExpr') {
        const id = isV(n.x);
        if (id) {
          handled.add(id);
          // A method value (`v.flush` not called here) carries v wherever it goes.
          if (this.program.selectionOf(n)?.kind === 'method' && !(parent?.kind === 'CallExpr' && unparen(parent.fun) === n)) { leak = true; return false; }
        }
      }
      if (n.kind === 'ReturnStmt' && allowReturn && !literalReturns.has(n)) for (const r of n.results) { const id = isV(r); if (id) handled.add(id); }
      if (n.kind === 'AssignStmt') for (const l of n.lhs) if (l.kind === 'Ident' && this.program.objectOf(l) === v) handled.add(l);
      if (n.kind === 'ValueSpec') for (const id of n.names) handled.add(id);
      if (n.kind === 'Ident' && this.program.objectOf(n) === v && !handled.has(n)) { leak = true; return false; }
      return undefined;
    });
    this.leakCache.set(key, leak);
    return leak;
  }

  /**
   * The function literals of fn that mention v, when each runs on the spot in fn's own
   * goroutine and is kept nowhere: called where it is written (`func() {...}()`, deferred
   * included) or held in a local that is only ever called (`bad := func(...) {...}; bad(x)`).
   * null when some literal may outlive the call or run elsewhere (started, stored, passed).
   */
  private spotLiterals(fn: FuncInfo, v: VarObj, allowKept = true): ast.FuncLit[] | null {
    const lits: ast.FuncLit[] = [];
    const holders = new Set<VarObj>();
    let ok = true;
    const mentions = (lit: ast.FuncLit): boolean => {
      let hit = false;
      walk(lit.body, (n) => {
        if (hit) return false;
        if (n.kind === 'Ident' && this.program.objectOf(n) === v) hit = true;
        return undefined;
      });
      return hit;
    };
    const goCalls = new Set<ast.Node>();
    walk(fn.body!, (n, parent) => {
      if (!ok) return false;
      if (n.kind === 'GoStmt') goCalls.add(n.call);
      if (n.kind !== 'FuncLit' || !mentions(n)) return undefined;
      lits.push(n);
      if (parent?.kind === 'CallExpr' && unparen(parent.fun) === n && !goCalls.has(parent)) return undefined;
      // Kept in a field of the object itself (`fr.getReadBuf = func(...) { ... fr.readBuf ... }`):
      // it goes wherever the object goes, which the rest of leaks() follows.
      if (allowKept && parent?.kind === 'AssignStmt' && parent.tok === '=' && parent.lhs.length === parent.rhs.length) {
        let l = unparen(parent.lhs[parent.rhs.indexOf(n)]!);
        let viaField = false;
        while (l.kind === 'SelectorExpr' && this.program.selectionOf(l)?.kind === 'field') { l = unparen(l.x); viaField = true; }
        if (viaField && l.kind === 'Ident' && this.program.objectOf(l) === v) return undefined;
      }
      if (parent?.kind === 'AssignStmt' && parent.tok === ':=' && parent.lhs.length === parent.rhs.length) {
        const l = parent.lhs[parent.rhs.indexOf(n)];
        const o = l?.kind === 'Ident' ? this.program.info.defs.get(l) : undefined;
        if (o?.kind === 'var' && !this.captured.has(o)) { holders.add(o); return undefined; }
      }
      ok = false;
      return false;
    });
    if (!ok) return null;
    if (holders.size) {
      // Every use of a holder is a call of it (not `go bad()`, not passed or stored).
      walk(fn.body!, (n, parent) => {
        if (!ok) return false;
        if (n.kind === 'GoStmt') goCalls.add(n.call);
        if (n.kind !== 'Ident') return undefined;
        const o = this.program.objectOf(n);
        if (o?.kind !== 'var' || !holders.has(o) || this.program.info.defs.get(n) === o) return undefined;
        if (!(parent?.kind === 'CallExpr' && unparen(parent.fun) === n && !goCalls.has(parent))) ok = false;
        return undefined;
      });
    }
    return ok ? lits : null;
  }

  private readonly ownedCache = new Map<string, boolean>();
  private fieldStores: Map<string, Array<{ fn: FuncInfo; value: ast.Expr | null }>> | null = null;

  /**
   * Every object of type `typeKey` that a `holder` holds is its own: each field of holder
   * that can hold one is a T or a *T (not a collection or an interface), and every value
   * ever stored in it is made for it (an allocation, a fresh constructor's result, or a
   * local holding one that goes nowhere else: `fr := NewFramer(); ...; sc.framer = fr`),
   * its address never taken. Two holders of different types then never share a T.
   */
  ownsFresh(holder: TypeDecl, typeKey: string, heldIn: (t: Type) => boolean): boolean {
    const key = `${holder.pkgPath}.${holder.name}|${typeKey}`;
    let hit = this.ownedCache.get(key);
    if (hit !== undefined) return hit;
    this.ownedCache.set(key, false);
    hit = this.computeOwns(holder, typeKey, heldIn);
    this.ownedCache.set(key, hit);
    return hit;
  }

  private computeOwns(holder: TypeDecl, typeKey: string, heldIn: (t: Type) => boolean): boolean {
    const u = underlying({ kind: 'named', decl: holder, args: [] } as Type);
    if (u.kind !== 'struct') return false;
    const isKey = (t: Type): boolean => t.kind === 'named' && `${t.decl.pkgPath}.${t.decl.name}` === typeKey;
    const fields: string[] = [];
    for (const f of u.fields) {
      const t = f.type.kind === 'pointer' ? f.type.elem : f.type;
      if (isKey(t)) { fields.push(f.name); continue; }
      // Held some other way (in a collection, behind an interface T implements): not shown owned.
      if (heldIn(f.type)) return false;
      let e: Type = f.type;
      while (e.kind === 'map' || e.kind === 'slice' || e.kind === 'array' || e.kind === 'pointer' || e.kind === 'chan') e = e.kind === 'map' ? e.value : e.elem;
      if (isKey(e)) return false;
    }
    if (!fields.length) return false;
    const stores = this.allFieldStores();
    for (const name of fields) {
      for (const st of stores.get(`${holder.pkgPath}.${holder.name}.${name}`) ?? []) {
        if (!st.value || !this.freshStore(st.fn, st.value)) return false;
      }
    }
    return true;
  }

  /** A value stored in a field that is made for it alone. */
  private freshStore(fn: FuncInfo, e: ast.Expr): boolean {
    let x = unparen(e);
    if (x.kind === 'Ident' && x.name === 'nil') return true;
    if (this.freshExpr(x)) return true;
    if (x.kind !== 'Ident') return false;
    const v = this.program.objectOf(x);
    if (v?.kind !== 'var' || v.scope !== 'local' || v.func !== fn || this.captured.has(v)) return false;
    const def = singleDefinition(this.program, v);
    if (!def || !this.freshExpr(def)) return false;
    // The store is its only way out of fn.
    let uses = 0;
    let escapes = 0;
    walk(fn.body!, (n, parent) => {
      if (n.kind === 'FuncLit') return false;
      if (n.kind !== 'Ident' || this.program.objectOf(n) !== v || this.program.info.defs.get(n) === v) return undefined;
      uses++;
      if (n === x) return undefined;
      // v.f = ..., v.f reads, v.m(...) calls on a module method that keeps its receiver.
      if (parent?.kind === 'SelectorExpr' && parent.x === n) {
        const sel = this.program.selectionOf(parent);
        if (sel?.kind === 'field') return undefined;
        if (sel?.kind === 'method' && sel.method.info && sel.method.info.recv && !this.leaks(sel.method.info, sel.method.info.recv, true, 1)) return undefined;
      }
      escapes++;
      return undefined;
    });
    return uses > 0 && escapes === 0;
  }

  /** Every store into a named struct's field: `x.f = v` and keyed literals `T{f: v}`
   * (value null when it cannot be told: a positional literal, an address taken). */
  private allFieldStores(): Map<string, Array<{ fn: FuncInfo; value: ast.Expr | null }>> {
    if (this.fieldStores) return this.fieldStores;
    const out = new Map<string, Array<{ fn: FuncInfo; value: ast.Expr | null }>>();
    const add = (k: string, fn: FuncInfo, value: ast.Expr | null): void => {
      let l = out.get(k);
      if (!l) { l = []; out.set(k, l); }
      l.push({ fn, value });
    };
    for (const fn of this.program.funcs) {
      if (!fn.body) continue;
      walkBodyKinds(fn.body, FIELD_STORE_KINDS, (n, parent) => {
        if (n.kind === 'SelectorExpr') {
          const sel = this.program.selectionOf(n);
          if (sel?.kind !== 'field' || !sel.owner) return undefined;
          const k = `${sel.owner.pkgPath}.${sel.owner.name}.${sel.name}`;
          if (parent?.kind === 'UnaryExpr' && parent.op === '&') add(k, fn, null);
          else if (parent?.kind === 'AssignStmt' && parent.lhs.includes(n)) {
            const i = parent.lhs.indexOf(n);
            add(k, fn, parent.tok === '=' && parent.lhs.length === parent.rhs.length ? parent.rhs[i]! : null);
          }
          return undefined;
        }
        if (n.kind === 'CompositeLit') {
          let t = this.program.typeOf(n);
          if (t.kind === 'pointer') t = t.elem;
          if (t.kind !== 'named') return undefined;
          const u = underlying(t);
          if (u.kind !== 'struct') return undefined;
          n.elts.forEach((el, i) => {
            if (el.kind === 'KeyValueExpr' && el.key.kind === 'Ident') add(`${t.decl.pkgPath}.${t.decl.name}.${el.key.name}`, fn, el.value);
            else if (el.kind !== 'KeyValueExpr' && u.fields[i]) add(`${t.decl.pkgPath}.${t.decl.name}.${u.fields[i]!.name}`, fn, null);
          });
        }
        return undefined;
      });
    }
    // Literals are functions of their own: walked above as program.funcs.
    this.fieldStores = out;
    return out;
  }

  private freshExpr(e: ast.Expr): boolean {
    const x = unparen(e);
    if (isAllocation(x)) return true;
    // A context carrying a value made here (`context.WithValue(ctx, key, &state{})`): what
    // ctx.Value gives back is that new value.
    if (x.kind === 'CallExpr' && x.args.length === 3 && isFuncCall(calleeOf(this.program, x), 'context', 'WithValue')) return isAllocation(x.args[2]!);
    return x.kind === 'CallExpr' && this.freshResult(x);
  }

  /**
   * A call of a module function that returns an object it allocated (`NewEncoder`). A
   * constructor that may instead hand back its argument when that is already of the type
   * it makes (`if b, ok := w.(*Writer); ok { return b }` in bufio.NewWriterSize) makes a
   * new object at a call whose argument cannot be of that type (`NewWriter(os.Stdout)`:
   * a *os.File is never a *bufio.Writer); an interface argument may be.
   */
  private freshResult(call: ast.CallExpr): boolean {
    const t = staticTarget(calleeOf(this.program, call));
    if (!t?.body) return false;
    const conds = this.freshSummary(t);
    return conds !== null && this.argsExclude(call, t, conds) !== null;
  }

  /** The conditions of t's summary left at call once its arguments' static types are
   * known: conditions on t's own parameter `outer` when an argument is one; null when
   * some argument may be of the asserted type. */
  private argsExclude(call: ast.CallExpr, t: FuncInfo, conds: FreshCond[], outer?: FuncInfo): FreshCond[] | null {
    const left: FreshCond[] = [];
    if (!conds.length) return left;
    if (call.ellipsis || call.args.length !== t.params.length) return null;
    for (const c of conds) {
      const arg = unparen(call.args[c.param]!);
      if (!mayBe(this.program.typeOf(arg), c.type)) continue;
      const v = outer && arg.kind === 'Ident' ? this.program.objectOf(arg) : null;
      const i = v?.kind === 'var' && outer ? outer.params.indexOf(v) : -1;
      if (i < 0 || this.assigned(outer!, v as VarObj)) return null;
      left.push({ param: i, type: c.type });
    }
    return left;
  }

  /**
   * Whether t returns a new object on every path: null when not; otherwise the conditions
   * under which it may instead return an argument (parameter `param` asserted to `type`).
   */
  private freshSummary(t: FuncInfo): FreshCond[] | null {
    const hit = this.freshCache.get(t);
    if (hit !== undefined) return hit;
    this.freshCache.set(t, null); // recursion guard
    let returns = 0;
    let fresh = 0;
    const conds: FreshCond[] = [];
    walk(t.body!, (n) => {
      if (n.kind === 'FuncLit') return false;
      if (n.kind !== 'ReturnStmt' || n.results.length === 0) return undefined;
      returns++;
      const r = unparen(n.results[0]!);
      if (this.freshExpr(r) && r.kind !== 'CallExpr') { fresh++; return undefined; }
      if (r.kind === 'CallExpr' && r.args.length === 3 && isFuncCall(calleeOf(this.program, r), 'context', 'WithValue') && isAllocation(r.args[2]!)) { fresh++; return undefined; }
      if (r.kind === 'CallExpr') {
        // Another constructor that may hand back its argument (`return NewWriterSize(w, n)`).
        const inner = staticTarget(calleeOf(this.program, r));
        const ic = inner?.body ? this.freshSummary(inner) : null;
        const left = inner && ic?.length ? this.argsExclude(r, inner, ic, t) : null;
        if (left) { fresh++; conds.push(...left); }
        return undefined;
      }
      if (r.kind === 'Ident') {
        const v = this.program.objectOf(r);
        if (v?.kind === 'var' && v.scope === 'local' && v.func === t && this.privateLocal(v, true)) { fresh++; return undefined; }
        const c = v?.kind === 'var' && v.scope === 'local' && v.func === t ? this.assertedParam(t, v) : null;
        if (c) { fresh++; conds.push(c); }
      }
      return undefined;
    });
    const result = returns > 0 && fresh === returns ? conds : null;
    this.freshCache.set(t, result);
    return result;
  }

  /** Local v of t set only once, by a type assertion of a parameter t never assigns
   * (`b, ok := w.(*Writer)`): that parameter, and the concrete type asserted. */
  private assertedParam(t: FuncInfo, v: VarObj): FreshCond | null {
    let found: FreshCond | null = null;
    let defs = 0;
    walk(t.body!, (n) => {
      if (n.kind === 'FuncLit') { if (this.captures(n, v)) defs += 2; return false; }
      if (n.kind === 'AssignStmt') {
        n.lhs.forEach((l, i) => {
          if (l.kind !== 'Ident' || this.program.objectOf(l) !== v) return;
          defs++;
          if (i !== 0 || n.rhs.length !== 1) return;
          const r = unparen(n.rhs[0]!);
          if (r.kind !== 'TypeAssertExpr' || !r.type) return;
          const x = unparen(r.x);
          const p = x.kind === 'Ident' ? this.program.objectOf(x) : null;
          const i2 = p?.kind === 'var' ? t.params.indexOf(p) : -1;
          const ty = this.program.typeOf(r);
          if (i2 >= 0 && !this.assigned(t, p as VarObj) && ty.kind !== 'unknown' && ty.kind !== 'tuple' && !isInterface(ty)) found = { param: i2, type: ty };
        });
      } else if (n.kind === 'ValueSpec' || n.kind === 'RangeStmt') {
        const ids = n.kind === 'ValueSpec' ? n.names : [n.key, n.value];
        for (const id of ids) if (id?.kind === 'Ident' && (this.program.objectOf(id) === v || this.program.info.defs.get(id) === v)) defs += 2;
      } else if (n.kind === 'UnaryExpr' && n.op === '&' && unparen(n.x).kind === 'Ident' && this.program.objectOf(unparen(n.x) as ast.Ident) === v) defs += 2;
      return undefined;
    });
    return defs === 1 ? found : null;
  }

  /** Whether fn assigns to (or takes the address of, or captures) variable v. */
  private assigned(fn: FuncInfo, v: VarObj): boolean {
    let hit = false;
    walk(fn.body!, (n) => {
      if (hit) return false;
      if (n.kind === 'FuncLit') { if (this.captures(n, v)) hit = true; return false; }
      if (n.kind === 'AssignStmt') { for (const l of n.lhs) if (l.kind === 'Ident' && this.program.objectOf(l) === v) hit = true; }
      if (n.kind === 'IncDecStmt' && n.x.kind === 'Ident' && this.program.objectOf(n.x) === v) hit = true;
      if (n.kind === 'RangeStmt') for (const k of [n.key, n.value]) if (k?.kind === 'Ident' && this.program.objectOf(k) === v) hit = true;
      if (n.kind === 'UnaryExpr' && n.op === '&' && unparen(n.x).kind === 'Ident' && this.program.objectOf(unparen(n.x) as ast.Ident) === v) hit = true;
      return undefined;
    });
    return hit;
  }

  private captures(lit: ast.Node, v: VarObj): boolean {
    let hit = false;
    walk(lit, (n) => {
      if (n.kind === 'Ident' && this.program.objectOf(n) === v) hit = true;
      return hit ? false : undefined;
    });
    return hit;
  }
}

/** A constructor's result may be its parameter `param` when that holds a `type`. */
interface FreshCond { param: number; type: Type }

/** Whether a value of static type `arg` may hold dynamic type `t` (a concrete type). */
function mayBe(arg: Type, t: Type): boolean {
  if (arg.kind === 'unknown' || arg.kind === 'typeparam' || isInterface(arg)) return true;
  return identical(arg, t);
}

function isContext(t: Type | null | undefined): boolean {
  return t?.kind === 'named' && t.decl.pkgPath === 'context' && t.decl.name === 'Context';
}

function ownedValue(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'struct' || u.kind === 'array' || (u.kind === 'basic' && t.kind !== 'unknown');
}

/**
 * Where an object lies: inside the top-level object `base` (an allocation or a variable's
 * own storage; '?' when not known), through the struct fields held by value in `inside`
 * (field ids, outermost first). See ObjectOrigins.locationsOf.
 */
export interface ObjectLocation { base: string; inside: string[] }

/** Two locations may be the same memory: the same base and fields, or, where a base is
 * not known, fields that end alike (a top-level object is inside nothing). */
export function mayOverlap(p: ObjectLocation, q: ObjectLocation): boolean {
  if (p.base !== '?' && q.base !== '?') return p.base === q.base && p.inside.length === q.inside.length && p.inside.every((f, i) => f === q.inside[i]);
  const [s, l] = p.inside.length <= q.inside.length ? [p, q] : [q, p];
  if (s.base !== '?' && s.inside.length < l.inside.length) return false;
  const off = l.inside.length - s.inside.length;
  return s.inside.every((f, i) => f === l.inside[off + i]);
}

/** A declared struct field, named by where it is declared. */
function fieldId(s: FieldSelection): string | null {
  return s.file && s.span ? `${s.file}:${s.span.join(',')}` : null;
}

function isValueStruct(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'struct' || u.kind === 'array';
}
