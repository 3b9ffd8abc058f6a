/**
 * The module's call graph: direct calls, methods by receiver type (promotion included),
 * interface methods resolved to every module type whose method set satisfies the
 * interface, and function values (literals, function names, method values) followed
 * through variables, parameters, struct fields, results, and the elements of slices, arrays
 * and maps of functions (`handlers[topic] = h`, `[]func(){s.a, s.b}`, `append(hooks, fn)`,
 * ranged over or indexed). Calls that start a goroutine are not edges: they are spawns
 * (see entries.ts).
 */
import type * as ast from '../syntax/ast.js';
import { kindSet, walk, walkBodyKinds, walkKinds } from '../syntax/walk.js';
import { calleeOf, isFuncCall, isMethodCall, staticTarget, type Callee } from '../model/calls.js';
import { unparen } from '../model/checker.js';
import { implementsInterface, interfaceMethods, lookupFieldOrMethod } from '../model/lookup.js';
import type { FuncInfo, MethodInfo, PackageInfo, VarObj } from '../model/objects.js';
import type { Program } from '../model/program.js';
import { underlying } from '../model/typeops.js';
import type { Type, TypeDecl } from '../model/types.js';
import { declKey, placeOf } from './places.js';
import { isLoggerPrint, keptWriters, type KeptWriter } from './writer-sinks.js';
import { callsTParallel, spawnKindOf, subtestArg } from './spawners.js';
import { spanContains } from './spans.js';

/** See CallGraph.targetsOf. */
export const MAX_DYNAMIC_TARGETS = 6;

export interface CallEdge {
  call: ast.CallExpr;
  caller: FuncInfo;
  targets: FuncInfo[];
  deferred: boolean;
  /** A call of a parameter of the caller's own (`qf(pkg)` in `func packagePrefix(pkg,
   * qf Qualifier)`): every target is a value some call passes for it. A context follows
   * the edge only when a call it makes hands the parameter a function (not `nil`). */
  guard?: VarObj;
}

/** What a call hands a function-typed parameter: a function (null), the literal `nil`,
 * or a parameter of the caller's own, passed on. */
export type ParamSource = null | 'nil' | VarObj;

export class CallGraph {
  readonly out = new Map<FuncInfo, CallEdge[]>();
  readonly in = new Map<FuncInfo, CallEdge[]>();
  /** Function values that flow into variables (locals, params, package vars). */
  private readonly varFlows = new Map<VarObj, Set<FuncInfo>>();
  /** Function values stored in struct fields (by field key). */
  private readonly fieldFlows = new Map<string, Set<FuncInfo>>();
  /** Function values stored as elements of a container (slice, array or map of funcs),
   * keyed by the container: `var:<id>` for a variable, the field key for a field. */
  private readonly elemFlows = new Map<string, Set<FuncInfo>>();
  /** Variables that take the elements of a channel of funcs (`for f := range e.tasks`,
   * `f := <-e.tasks`) and channels handed on as a whole (`go worker(e.tasks)`): the keys
   * whose elements they take, read when asked (after every flow is in). */
  private readonly elemAliases = new Map<VarObj | string, Set<string>>();
  /** Functions sent on a channel of funcs (to be run by whichever goroutine receives them). */
  readonly sentOnChannels = new Set<FuncInfo>();
  /** Function literals stored away where they are written: into an element of a container
   * of funcs, or a parameter the callee stores (`reg.Register(name, func() {...})`).
   * They run later, wherever the stored value is called. */
  readonly storedLiterals = new Set<FuncInfo>();
  private readonly implCache = new Map<string, FuncInfo[]>();
  private embedders: Map<TypeDecl, TypeDecl[]> | null = null;
  private readonly returnedCache = new Map<FuncInfo, FuncInfo[]>();
  /** Whether variable and field flows are complete (results found earlier are not kept). */
  private flowsReady = false;
  private readonly importersCache = new Map<string, Set<string>>();
  private readonly testImportersCache = new Map<string, Set<string>>();
  private importedBy: { build: Map<string, Set<string>>; tests: Map<string, Set<string>> } | null = null;
  private readonly methodsByName = new Map<string, Array<{ decl: TypeDecl; m: MethodInfo }>>();
  private readonly asyncCache = new Map<FuncInfo, { params: Map<number, boolean>; joins: boolean }>();
  private readonly storedCache = new Map<FuncInfo, Map<number, boolean>>();
  private readonly fieldStoreCache = new Map<string, Set<TypeDecl> | null>();
  /** Parameters assigned in the body: their values do not only come from the calls. */
  private readonly reassignedParams = new Set<VarObj>();

  constructor(readonly program: Program) {
    for (const [decl, table] of program.methods) {
      for (const m of table.values()) {
        if (!m.info) continue;
        const list = this.methodsByName.get(m.name) ?? [];
        list.push({ decl, m });
        this.methodsByName.set(m.name, list);
      }
    }
    this.collectFlows();
    this.flowsReady = true;
    for (const fn of program.funcs) this.collectCalls(fn);
  }

  callees(fn: FuncInfo): CallEdge[] {
    return this.out.get(fn) ?? [];
  }

  callers(fn: FuncInfo): CallEdge[] {
    return this.in.get(fn) ?? [];
  }

  /** Every module function a callee may run. A dynamic call with more candidates than
   * MAX_DYNAMIC_TARGETS (an io.Writer's Write in a large module) is left unresolved:
   * following all of them would connect unrelated code and invent goroutine paths. */
  targetsOf(c: Callee | null, from?: PackageInfo): FuncInfo[] {
    if (!c) return [];
    const t = staticTarget(c);
    if (t) return [t];
    let dyn: FuncInfo[] = [];
    if (c.kind === 'method' && c.sel.method.iface) {
      dyn = this.implementations(c.sel.method.iface, c.sel.method.name);
      if (from) dyn = dyn.filter((m) => this.canMeet(m.pkg, from));
    }
    else if (c.kind === 'value') dyn = this.funcValues(c.expr);
    return dyn.length <= MAX_DYNAMIC_TARGETS ? dyn : [];
  }

  /**
   * Whether a value of a type declared in `a` can reach an interface call in `b`: some
   * program must link both, i.e. a command or a test binary. Two unrelated packages (two
   * services in one monorepo) never exchange values.
   */
  canMeet(a: PackageInfo, b: PackageInfo): boolean {
    if (a === b) return true;
    const ra = this.testImporters(a);
    const rb = this.testImporters(b);
    const [small, large] = ra.size < rb.size ? [ra, rb] : [rb, ra];
    for (const p of small) if (large.has(p)) return true;
    return false;
  }

  /**
   * Module packages whose build links p, directly or not, and p itself. Only non-test
   * files count: a dependency's tests are not part of the programs that import it.
   */
  importers(p: PackageInfo): Set<string> {
    let hit = this.importersCache.get(p.importPath);
    if (hit) return hit;
    const importedBy = this.importEdges().build;
    hit = new Set([p.importPath]);
    const queue = [p.importPath];
    while (queue.length) {
      for (const q of importedBy.get(queue.pop()!) ?? []) if (!hit.has(q)) { hit.add(q); queue.push(q); }
    }
    this.importersCache.set(p.importPath, hit);
    return hit;
  }

  /**
   * Packages whose test binary links p: those whose build does, and those whose test
   * files (or external test package, `x_test`) import one of them.
   */
  testImporters(p: PackageInfo): Set<string> {
    let hit = this.testImportersCache.get(p.importPath);
    if (hit) return hit;
    const byTests = this.importEdges().tests;
    hit = new Set(this.importers(p));
    for (const q of this.importers(p)) for (const t of byTests.get(q) ?? []) hit.add(t);
    this.testImportersCache.set(p.importPath, hit);
    return hit;
  }

  /** Import edges, reversed: by non-test files, and by test files. */
  private importEdges(): { build: Map<string, Set<string>>; tests: Map<string, Set<string>> } {
    if (!this.importedBy) {
      const build = new Map<string, Set<string>>();
      const tests = new Map<string, Set<string>>();
      for (const q of this.program.packages) {
        for (const f of q.files) {
          const into = f.ast.path.endsWith('_test.go') ? tests : build;
          // Every import links its package, `_` and `.` imports too.
          for (const { path } of f.ast.imports) {
            const list = into.get(path) ?? new Set<string>();
            list.add(q.importPath);
            into.set(path, list);
          }
        }
      }
      this.importedBy = { build, tests };
    }
    return this.importedBy;
  }

  /** Module methods that implement iface.name. */
  implementations(iface: Type, name: string): FuncInfo[] {
    const key = `${ifaceKey(iface)}#${name}`;
    const hit = this.implCache.get(key);
    if (hit) return hit;
    const out: FuncInfo[] = [];
    for (const { decl, m } of this.methodsByName.get(name) ?? []) {
      const t: Type = { kind: 'pointer', elem: { kind: 'named', decl, args: [] } };
      if (implementsInterface(t, iface, this.program.methods)) out.push(m.info!);
      // A method promoted from an embedded type (`type sendOnly struct{ *base }`) is the
      // method of every embedding type that implements the interface, though its own
      // type does not.
      else if (this.embeddersOf(decl).some((e) => {
        const et: Type = { kind: 'pointer', elem: { kind: 'named', decl: e, args: [] } };
        if (!implementsInterface(et, iface, this.program.methods)) return false;
        const sel = lookupFieldOrMethod(et, name, this.program.methods);
        return sel?.kind === 'method' && sel.method.info === m.info;
      })) out.push(m.info!);
    }
    this.implCache.set(key, out);
    return out;
  }

  /** Module types whose pointer implements iface, by the implementations of its first
   * method: the declaring types, or the types that embed a declaring type and get the
   * method promoted. */
  implementingTypes(iface: Type): TypeDecl[] {
    const u = underlying(iface);
    if (u.kind !== 'interface') return [];
    const first = interfaceMethods(u, this.program.methods).keys().next();
    if (first.done) return [];
    const out: TypeDecl[] = [];
    for (const m of this.implementations(iface, first.value)) {
      if (!m.recvDecl) continue;
      const t: Type = { kind: 'pointer', elem: { kind: 'named', decl: m.recvDecl, args: [] } };
      if (implementsInterface(t, iface, this.program.methods)) { if (!out.includes(m.recvDecl)) out.push(m.recvDecl); continue; }
      for (const e of this.embeddersOf(m.recvDecl)) {
        const et: Type = { kind: 'pointer', elem: { kind: 'named', decl: e, args: [] } };
        if (!out.includes(e) && implementsInterface(et, iface, this.program.methods)) out.push(e);
      }
    }
    return out;
  }

  /** Module struct types that embed decl, directly or through other embedded types. */
  private embeddersOf(decl: TypeDecl): TypeDecl[] {
    if (!this.embedders) {
      const direct = new Map<TypeDecl, TypeDecl[]>();
      for (const pkg of this.program.packages) {
        if (!pkg.inModule) continue;
        for (const o of pkg.scope.values()) {
          if (o.kind !== 'type' || o.type.kind !== 'named') continue;
          const u = underlying(o.type);
          if (u.kind !== 'struct') continue;
          for (const f of u.fields) {
            if (!f.embedded) continue;
            const b = f.type.kind === 'pointer' ? f.type.elem : f.type;
            if (b.kind !== 'named') continue;
            const list = direct.get(b.decl) ?? [];
            if (!list.includes(o.type.decl)) list.push(o.type.decl);
            direct.set(b.decl, list);
          }
        }
      }
      this.embedders = direct;
    }
    const out: TypeDecl[] = [];
    const todo = [decl];
    while (todo.length && out.length < 64) {
      for (const e of this.embedders.get(todo.pop()!) ?? []) if (e !== decl && !out.includes(e)) { out.push(e); todo.push(e); }
    }
    return out;
  }

  /** The module functions an expression of function type may denote. */
  funcValues(e: ast.Expr, depth = 0): FuncInfo[] {
    const x = unparen(e);
    if (depth > 4) return [];
    // calleeOf reads `m[k](x)` as the container m (an index looks like an instantiation).
    if (isFuncContainer(this.program.typeOf(x))) return this.elemValues(x, depth);
    switch (x.kind) {
      case 'IndexExpr': {
        if (!isFuncContainer(this.program.typeOf(x.x))) return [];
        return this.elemValues(x.x, depth + 1);
      }
      case 'FuncLit': { const f = this.program.funcOfLit(x); return f ? [f] : []; }
      case 'Ident': {
        const o = this.program.objectOf(x);
        if (o?.kind === 'func') return o.info ? [o.info] : [];
        if (o?.kind === 'var') return this.varValues(o);
        return [];
      }
      // A function received from a channel of funcs (`f := <-e.tasks; f()`).
      case 'UnaryExpr': return x.op === '<-' && isFuncChan(this.program.typeOf(x.x)) ? this.elemValues(x.x, depth + 1) : [];
      case 'SelectorExpr': {
        const s = this.program.selectionOf(x);
        if (!s) return [];
        if (s.kind === 'qualified') {
          if (s.obj.kind === 'func') return s.obj.info ? [s.obj.info] : [];
          if (s.obj.kind === 'var') return this.varValues(s.obj);
          return [];
        }
        if (s.kind === 'method') {
          if (s.method.info) return [s.method.info];
          if (s.method.iface) return this.implementations(s.method.iface, s.method.name);
          return [];
        }
        return [...(this.fieldFlows.get(`field:${declKey(s.owner, '?')}.${s.name}`) ?? [])];
      }
      case 'CallExpr': {
        // A conversion like http.HandlerFunc(f) keeps the function value.
        const c = calleeOf(this.program, x);
        if (x.args.length === 1 && !c) return this.funcValues(x.args[0]!, depth + 1);
        // A function that returns a function value (`fn := makeHandler(cfg)`).
        const t = staticTarget(c);
        return t ? this.returnedFuncs(t, depth + 1) : [];
      }
      default: return [];
    }
  }

  /**
   * Parameters (by index) of type func that fn only ever runs on goroutines of its own:
   * `go fn()`, `go func() { defer ...; fn() }()`, `g.Go(fn)`, or handing it on to another
   * such parameter; compared with nil at most otherwise; and fn does not wait (a Wait
   * call, a receive) for what it started before it returns. The value is whether several
   * copies may run at once (the start is in a loop, or the spawner runs many). A callback
   * handed to such a parameter is a goroutine of its own at each call site (see
   * entries.ts), not a callee of the caller nor a value of the parameter.
   */
  /** A select of fn with a case that returns without receiving from a channel of fn's
   * own (`case <-ctx.Done(): return err`, or a default that returns). */
  private selectMayLeave(fn: FuncInfo, sel: ast.SelectStmt): boolean {
    const ownChan = (comm: ast.Stmt | null): boolean => {
      let e: ast.Expr | null = null;
      if (comm?.kind === 'ExprStmt') e = comm.x;
      else if (comm?.kind === 'AssignStmt' && comm.rhs.length === 1) e = comm.rhs[0]!;
      else if (comm?.kind === 'SendStmt') return true;
      const x = e ? unparen(e) : null;
      if (x?.kind !== 'UnaryExpr' || x.op !== '<-') return false;
      const ch = unparen(x.x);
      const o = ch.kind === 'Ident' ? this.program.objectOf(ch) : null;
      return o?.kind === 'var' && o.scope === 'local' && o.func === fn;
    };
    const returns = (body: ast.Stmt[]): boolean => {
      let hit = false;
      for (const st of body) walk(st, (n) => { if (hit || n.kind === 'FuncLit') return false; if (n.kind === 'ReturnStmt') hit = true; return undefined; });
      return hit;
    };
    return sel.clauses.some((cl) => !ownChan(cl.comm) && returns(cl.body));
  }

  asyncParams(fn: FuncInfo): ReadonlyMap<number, boolean> {
    return this.spawnedParams(fn).joins ? NO_PARAMS : this.spawnedParams(fn).params;
  }

  /**
   * Parameters (by index) of type func that fn runs only on goroutines of its own, as for
   * asyncParams, when fn waits for what it started before it returns (`parallelize(n,
   * func(i int) {...})` with a WaitGroup, an errgroup helper): each call runs copies of
   * the callback alongside each other (when several may run at once) and joins them before
   * it returns. entries.ts makes each call site a goroutine context joined by the call.
   */
  joinedParams(fn: FuncInfo): ReadonlyMap<number, boolean> {
    return this.spawnedParams(fn).joins ? this.spawnedParams(fn).params : NO_PARAMS;
  }

  private spawnedParams(fn: FuncInfo): { params: Map<number, boolean>; joins: boolean } {
    const hit = this.asyncCache.get(fn);
    if (hit) return hit;
    const out = new Map<number, boolean>();
    const result = { params: out, joins: false };
    this.asyncCache.set(fn, result); // recursion guard
    if (!fn.body || !fn.params.some((p) => underlying(p.type).kind === 'func')) return result;
    const program = this.program;
    const loops: ast.Span[] = [];
    // Literals that run on goroutines of their own, and the uses of a parameter that
    // start it on one; each with whether it runs many at once.
    const regions: Array<{ span: ast.Span; multi: boolean }> = [];
    const starts = new Map<ast.Node, boolean>();
    const nilChecks = new Set<ast.Node>();
    const inLoop = (sp: ast.Span): boolean => loops.some((l) => spanContains(l, sp));
    const spawned = (e: ast.Expr, multi: boolean): void => {
      const x = unparen(e);
      if (x.kind === 'FuncLit') regions.push({ span: x.span, multi });
      else if (x.kind === 'Ident') starts.set(x, multi);
    };
    // A helper that waits for what it started before returning (wg.Wait, a receive) runs
    // the callback within its own call: it stays a parameter flow (parallel map helpers).
    // Not a select that may return through another case first (`case <-ctx.Done(): return`,
    // a default that returns): on that path the helper leaves its goroutine running.
    let joins = false;
    const skipped = new Set<ast.Node>();
    walk(fn.body, (n) => {
      if (n.kind === 'FuncLit') return false;
      if (n.kind === 'SelectStmt' && this.selectMayLeave(fn, n)) { for (const cl of n.clauses) if (cl.comm) skipped.add(cl.comm); return undefined; }
      if (skipped.has(n)) return false;
      if ((n.kind === 'UnaryExpr' && n.op === '<-') || n.kind === 'SelectStmt' || (n.kind === 'RangeStmt' && underlying(program.typeOf(n.x)).kind === 'chan')) joins = true;
      else if (n.kind === 'CallExpr') {
        const c = calleeOf(program, n);
        if (c?.kind === 'method' && c.sel.method.name === 'Wait') joins = true;
      }
      return joins ? false : undefined;
    });
    result.joins = joins;
    walkKinds(fn.body, SPAWN_KINDS, (n) => {
      if (n.kind === 'ForStmt' || n.kind === 'RangeStmt') loops.push(n.body.span);
      if (n.kind === 'GoStmt') spawned(n.call.fun, inLoop(n.span));
      else if (n.kind === 'CallExpr') {
        const c = calleeOf(program, n);
        const spawn = spawnKindOf(program, c);
        if (spawn) {
          const a = n.args[spawn.arg];
          if (a) spawned(a, spawn.multi || inLoop(n.span));
        } else {
          const t = staticTarget(c);
          if (t && t !== fn && !(t.sig.variadic)) {
            for (const [i, multi] of this.asyncParams(t)) if (n.args[i]) spawned(n.args[i]!, multi || inLoop(n.span));
          }
        }
      } else if (n.kind === 'BinaryExpr' && (n.op === '==' || n.op === '!=')) {
        const nil = (e: ast.Expr) => { const x = unparen(e); return x.kind === 'Ident' && x.name === 'nil'; };
        if (nil(n.y)) nilChecks.add(unparen(n.x));
        else if (nil(n.x)) nilChecks.add(unparen(n.y));
      }
      return undefined;
    });
    fn.params.forEach((p, i) => {
      if (underlying(p.type).kind !== 'func' || (fn.sig.variadic && i === fn.params.length - 1)) return;
      let ok = true;
      let started = false;
      let multi = false;
      walkKinds(fn.body!, IDENTS, (n) => {
        if (!ok) return false;
        if (n.kind !== 'Ident' || program.objectOf(n) !== p) return undefined;
        const region = regions.find((r) => spanContains(r.span, n.span));
        if (region) { started = true; multi ||= region.multi; }
        else if (starts.has(n)) { started = true; multi ||= starts.get(n)!; }
        else if (!nilChecks.has(n)) ok = false;
        return undefined;
      });
      if (ok && started) out.set(i, multi);
    });
    return result;
  }

  /**
   * Parameters (by index) of type func that fn stores away: in a field, a package
   * variable, or a container (`&Watcher{onEvent: onEvent}`, `b.subs = append(b.subs, h)`).
   * A literal handed to one is kept and may run later, on whatever goroutine calls the
   * stored value, so it flows into the parameter like any other function value. The value
   * is whether fn also uses the parameter otherwise (calls it, hands it on): only then
   * does the literal (perhaps) run within the call.
   */
  storedParams(fn: FuncInfo): Map<number, boolean> {
    const hit = this.storedCache.get(fn);
    if (hit) return hit;
    const out = new Map<number, boolean>();
    this.storedCache.set(fn, out);
    if (!fn.body) return out;
    const program = this.program;
    const idx = new Map<VarObj, number>();
    fn.params.forEach((p, i) => {
      if (underlying(p.type).kind === 'func' && !(fn.sig.variadic && i === fn.params.length - 1)) idx.set(p, i);
    });
    if (!idx.size) return out;
    const stored = new Set<number>();
    const other = new Set<number>();
    walkKinds(fn.body, IDENTS, (n, parent) => {
      if (n.kind !== 'Ident') return undefined;
      const o = program.objectOf(n);
      const i = o?.kind === 'var' ? idx.get(o) : undefined;
      if (i === undefined) return undefined;
      if (parent && isStore(program, n, parent)) stored.add(i);
      else other.add(i);
      return undefined;
    });
    for (const i of stored) out.set(i, other.has(i));
    return out;
  }

  /** The functions `t.Run(name, f)` runs as parallel subtests (f calls t.Parallel()). */
  parallelSubtests(call: ast.CallExpr, c: Callee | null = calleeOf(this.program, call)): FuncInfo[] {
    const i = subtestArg(c);
    const a = i === null ? undefined : call.args[i];
    if (!a) return [];
    return this.funcValues(a).filter((f) => callsTParallel(this.program, f));
  }

  /**
   * e names a function-typed parameter of fn itself that fn never assigns: its values are
   * only those fn's callers hand it.
   */
  private passedParam(e: ast.Expr, fn: FuncInfo): VarObj | null {
    const x = unparen(e);
    if (x.kind !== 'Ident') return null;
    const o = this.program.objectOf(x);
    if (o?.kind !== 'var' || o.scope !== 'param' || o.func !== fn || this.reassignedParams.has(o)) return null;
    return underlying(o.type).kind === 'func' && fn.params.includes(o) ? o : null;
  }

  /**
   * For a call edge into t, what the call hands each function-typed parameter of t;
   * null when the edge is not a plain call of t with one argument per parameter (an
   * interface or function-value call, a literal run by the call, a variadic call):
   * then any of them may be given a function.
   */
  paramSources(e: CallEdge, t: FuncInfo): Array<[VarObj, ParamSource]> | null {
    const c = calleeOf(this.program, e.call);
    if (staticTarget(c) !== t || t.sig.variadic || e.call.ellipsis || e.call.args.length !== t.params.length) return null;
    const out: Array<[VarObj, ParamSource]> = [];
    t.params.forEach((p, i) => {
      if (underlying(p.type).kind !== 'func') return;
      const a = unparen(e.call.args[i]!);
      if (a.kind === 'Ident' && a.name === 'nil' && this.program.objectOf(a)?.kind !== 'var') out.push([p, 'nil']);
      else out.push([p, this.passedParam(a, e.caller)]);
    });
    return out;
  }

  /** The module String() string / Error() string methods of the values a fmt call prints
   * (its direct arguments of a module type, or a pointer to one). */
  private fmtMethods(call: ast.CallExpr): FuncInfo[] {
    const out: FuncInfo[] = [];
    for (const a of call.args) {
      const t = this.program.typeOf(a);
      const base = t.kind === 'pointer' ? t.elem : t;
      if (base.kind !== 'named') continue;
      for (const name of ['String', 'Error']) {
        const s = this.program.lookup(t, name);
        const m = s?.kind === 'method' ? s.method.info : null;
        if (!m || m.params.length || m.sig.results.length !== 1) continue;
        const r = m.sig.results[0]!;
        if (r.kind === 'basic' && r.name === 'string') out.push(m);
      }
    }
    return out;
  }

  private keptWriterCache: Map<string, KeptWriter[]> | null = null;

  /**
   * A log.Logger printing (`c.log.Printf(...)`, or the standard logger's `log.Printf`)
   * calls the Write method of the writers it was made with (`log.New(ring, ...)`, see
   * writer-sinks.ts): the module's own ones, when the logger's place has them.
   */
  private loggerWrites(call: ast.CallExpr, c: Callee | null): FuncInfo[] {
    const out: FuncInfo[] = [];
    for (const w of this.loggerWriters(call, c)) {
      const m = this.writeMethodOf(w.expr);
      if (m) out.push(m);
    }
    return out;
  }

  /** The writers a logger call writes into (see loggerWrites). */
  loggerWriters(call: ast.CallExpr, c: Callee | null = calleeOf(this.program, call)): KeptWriter[] {
    let key: string | null | undefined = null;
    if (isLoggerPrint(c)) {
      const f = unparen(call.fun);
      if (f.kind === 'SelectorExpr') key = placeOf(this.program, f.x)?.key;
    }
    // Not the standard logger (`log.Printf`): its output is set once for a whole program
    // (`log.SetOutput(&buf)` in some test), and linking every print in the library to
    // every such writer joins unrelated programs.
    if (!key) return [];
    this.keptWriterCache ??= keptWriters(this.program);
    return this.keptWriterCache.get(key) ?? [];
  }

  /** The module Write method of a writer expression of a concrete (non-interface) type. */
  writeMethodOf(e: ast.Expr): FuncInfo | null {
    const t = this.program.typeOf(unparen(e));
    const base = t.kind === 'pointer' ? t.elem : t;
    if (base.kind !== 'named' || underlying(base).kind === 'interface') return null;
    const s = this.program.lookup(t, 'Write');
    return s?.kind === 'method' ? s.method.info ?? null : null;
  }

  /**
   * The module Write (or WriteString) methods a library call makes on the writer it is
   * handed (`fmt.Fprintf(w, ...)`, `io.Copy(w, r)`, `io.WriteString(w, s)`), when w has a
   * module type (or a pointer to one): its own method, or the implementations of the
   * io.Writer it embeds. A writer of interface type is left alone: any Write could be it.
   */
  private writerMethods(call: ast.CallExpr, c: Callee | null, from: PackageInfo): FuncInfo[] {
    const logged = this.loggerWrites(call, c);
    if (logged.length) return logged;
    let names: string[];
    if (isFuncCall(c, 'fmt', ['Fprint', 'Fprintf', 'Fprintln']) || isFuncCall(c, 'io', ['Copy', 'CopyN', 'CopyBuffer'])) names = ['Write'];
    else if (isFuncCall(c, 'io', 'WriteString')) names = ['WriteString', 'Write'];
    else return [];
    const w = call.args[0];
    return w ? this.handedMethods(w, names, from) : [];
  }

  /**
   * The module Read methods a library call makes on the reader it is handed (`io.Copy(w,
   * r)`, `io.ReadAll(r)`), under the same rules as writerMethods.
   */
  private readerMethods(call: ast.CallExpr, c: Callee | null, from: PackageInfo): FuncInfo[] {
    const r = isFuncCall(c, 'io', ['Copy', 'CopyN', 'CopyBuffer']) ? call.args[1] : isFuncCall(c, 'io', ['ReadAll', 'ReadFull', 'ReadAtLeast']) ? call.args[0] : undefined;
    return r ? this.handedMethods(r, ['Read'], from) : [];
  }

  /** The first of the named methods that value w of a module type has (see writerMethods). */
  private handedMethods(w: ast.Expr, names: string[], from: PackageInfo): FuncInfo[] {
    const t = this.program.typeOf(unparen(w));
    const base = t.kind === 'pointer' ? t.elem : t;
    if (base.kind !== 'named' || underlying(base).kind === 'interface') return [];
    for (const name of names) {
      const s = this.program.lookup(t, name);
      if (s?.kind !== 'method') continue;
      if (s.method.info) return [s.method.info];
      if (s.method.iface) {
        // Promoted from an embedded io.Writer: the types ever stored in that field.
        const held = s.path.length === 1 ? this.storedInField(base.decl, s.path[0]!) : null;
        const dyn = this.implementations(s.method.iface, name).filter((m) => this.canMeet(m.pkg, from) && (!held || (!!m.recvDecl && held.has(m.recvDecl))));
        return dyn.length <= MAX_DYNAMIC_TARGETS ? dyn : [];
      }
    }
    return [];
  }

  /**
   * The named types of the values the module stores in field `name` of struct type decl
   * (`&T{W: cw}`, `t.W = cw`); null when some stored value has an interface (or unknown)
   * type, which could hold anything, or when none is stored.
   */
  private storedInField(decl: TypeDecl, name: string): Set<TypeDecl> | null {
    const key = `${decl.pkgPath}.${decl.name}.${name}`;
    if (this.fieldStoreCache.has(key)) return this.fieldStoreCache.get(key)!;
    const u = underlying({ kind: 'named', decl, args: [] });
    const index = u.kind === 'struct' ? u.fields.findIndex((f) => f.name === name) : -1;
    let out: Set<TypeDecl> | null = new Set();
    const add = (v: ast.Expr): void => {
      if (!out) return;
      const t = this.program.typeOf(unparen(v));
      const b = t.kind === 'pointer' ? t.elem : t;
      if (b.kind === 'named' && underlying(b).kind !== 'interface') out.add(b.decl);
      else if (!(b.kind === 'basic' && b.name === 'untyped nil')) out = null;
    };
    for (const fn of this.program.funcs) {
      if (!fn.body || !out) continue;
      walkKinds(fn.body, STORE_KINDS, (n) => {
        if (!out) return false;
        if (n.kind === 'CompositeLit') {
          const t = this.program.typeOf(n);
          const b = t.kind === 'pointer' ? t.elem : t;
          if (b.kind !== 'named' || b.decl !== decl) return undefined;
          n.elts.forEach((el, i) => {
            if (el.kind === 'KeyValueExpr') { if (el.key.kind === 'Ident' && el.key.name === name) add(el.value); }
            else if (i === index) add(el);
          });
        } else if (n.kind === 'AssignStmt' && n.lhs.length === n.rhs.length) {
          n.lhs.forEach((l, i) => {
            const x = unparen(l);
            if (x.kind !== 'SelectorExpr') return;
            const sel = this.program.selectionOf(x);
            if (sel?.kind === 'field' && sel.owner === decl && sel.name === name) add(n.rhs[i]!);
          });
        }
        return undefined;
      });
    }
    // Never stored in the module: set by its users, with anything.
    if (out && !out.size) out = null;
    this.fieldStoreCache.set(key, out);
    return out;
  }

  /** The key under which the elements of a container expression are tracked. */
  private containerKey(e: ast.Expr): string | null {
    const x = unparen(e);
    if (x.kind === 'Ident') {
      const o = this.program.objectOf(x);
      return o?.kind === 'var' ? `var:${o.id}` : null;
    }
    if (x.kind === 'SelectorExpr') {
      const s = this.program.selectionOf(x);
      if (s?.kind === 'field') return `field:${declKey(s.owner, '?')}.${s.name}`;
      if (s?.kind === 'qualified' && s.obj.kind === 'var') return `var:${s.obj.id}`;
    }
    return null;
  }

  /** The module functions the elements of a slice, array or map of funcs may denote. */
  elemValues(e: ast.Expr, depth = 0): FuncInfo[] {
    const x = unparen(e);
    if (depth > 4) return [];
    switch (x.kind) {
      case 'CompositeLit': {
        const out: FuncInfo[] = [];
        for (const el of x.elts) out.push(...this.funcValues(el.kind === 'KeyValueExpr' ? el.value : el, depth + 1));
        return unique(out);
      }
      case 'Ident':
      case 'SelectorExpr': {
        const key = this.containerKey(x);
        return key ? this.elemsOf(key) : [];
      }
      case 'SliceExpr': return this.elemValues(x.x, depth + 1);
      case 'CallExpr': {
        const c = calleeOf(this.program, x);
        if (c?.kind === 'builtin' && c.name === 'append' && x.args.length) {
          const out = this.elemValues(x.args[0]!, depth + 1);
          if (x.ellipsis && x.args.length === 2) out.push(...this.elemValues(x.args[1]!, depth + 1));
          else for (const a of x.args.slice(1)) out.push(...this.funcValues(a, depth + 1));
          return unique(out);
        }
        // A conversion (`Hooks(fns)`) keeps the elements.
        if (!c && x.args.length === 1) return this.elemValues(x.args[0]!, depth + 1);
        return [];
      }
      default: return [];
    }
  }

  /** Function values a function returns as its first result. */
  returnedFuncs(fn: FuncInfo, depth: number): FuncInfo[] {
    const hit = this.returnedCache.get(fn);
    if (hit) return hit;
    const out: FuncInfo[] = [];
    this.returnedCache.set(fn, out); // recursion guard
    const results = fn.sig.results;
    // An interface result keeps the functions converted to it (`return http.HandlerFunc(func(w, r) {...})`).
    const k = results.length ? underlying(results[0]!).kind : null;
    if (!fn.body || (k !== 'func' && k !== 'interface')) return out;
    walkBodyKinds(fn.body, RETURNS, (n) => {
      if (n.kind === 'ReturnStmt' && n.results[0]) for (const f of this.funcValues(n.results[0], depth)) if (!out.includes(f)) out.push(f);
      return undefined;
    });
    if (!this.flowsReady) this.returnedCache.delete(fn);
    return out;
  }

  /** The function values a variable may hold: those assigned, and the elements of the
   * channels it takes its values from. */
  private varValues(o: VarObj): FuncInfo[] {
    const direct = this.varFlows.get(o);
    const keys = this.elemAliases.get(o);
    if (!keys) return [...(direct ?? [])];
    const out = new Set(direct ?? []);
    for (const k of keys) for (const f of this.elemsOf(k)) out.add(f);
    return [...out];
  }

  /** The elements tracked under a container key, with those of the channels it was
   * handed (transitively). */
  private elemsOf(key: string): FuncInfo[] {
    const out = new Set<FuncInfo>();
    const seen = new Set<string>([key]);
    const queue = [key];
    while (queue.length) {
      const k = queue.pop()!;
      for (const f of this.elemFlows.get(k) ?? []) out.add(f);
      for (const a of this.elemAliases.get(k) ?? []) if (!seen.has(a)) { seen.add(a); queue.push(a); }
    }
    return [...out];
  }

  private addElemAlias(target: VarObj | string | null, key: string | null): void {
    if (!target || !key || target === key) return;
    const s = this.elemAliases.get(target) ?? new Set();
    s.add(key);
    this.elemAliases.set(target, s);
  }

  private addElemFlow(key: string | null, fns: FuncInfo[]): void {
    if (!key || !fns.length) return;
    const s = this.elemFlows.get(key) ?? new Set();
    for (const f of fns) s.add(f);
    this.elemFlows.set(key, s);
  }

  private addFlow(target: VarObj | string, fns: FuncInfo[]): void {
    if (!fns.length) return;
    if (typeof target === 'string') {
      const s = this.fieldFlows.get(target) ?? new Set();
      for (const f of fns) s.add(f);
      this.fieldFlows.set(target, s);
    } else {
      const s = this.varFlows.get(target) ?? new Set();
      for (const f of fns) s.add(f);
      this.varFlows.set(target, s);
    }
  }

  /** Where function values go: assignments, var specs, composite literals, call arguments. */
  private collectFlows(): void {
    const program = this.program;
    const isFuncTyped = (e: ast.Expr): boolean => underlying(program.typeOf(e)).kind === 'func';
    const assignTo = (lhs: ast.Expr, rhs: ast.Expr): void => {
      const l = unparen(lhs);
      const r = unparen(rhs);
      if (l.kind === 'Ident') {
        const o = program.objectOf(l);
        if (o?.kind === 'var' && o.scope === 'param') this.reassignedParams.add(o);
      }
      // A channel of funcs handed on (`ch := e.tasks`), or a value received from one.
      if (isFuncChan(program.typeOf(rhs))) { this.addElemAlias(this.containerKey(l), this.containerKey(r)); return; }
      if (r.kind === 'UnaryExpr' && r.op === '<-' && isFuncChan(program.typeOf(r.x))) {
        const o = l.kind === 'Ident' ? program.objectOf(l) : null;
        if (o?.kind === 'var') { this.addElemAlias(o, this.containerKey(r.x)); return; }
      }
      // A container of funcs copied or built (`loops := []func(){...}`, `s.hooks = append(s.hooks, fn)`).
      if (isFuncContainer(program.typeOf(rhs))) {
        this.addElemFlow(this.containerKey(l), this.elemValues(rhs));
        return;
      }
      if (!isFuncTyped(rhs)) return;
      const fns = this.funcValues(rhs);
      const lit = r.kind === 'FuncLit' ? this.program.funcOfLit(r) : null;
      // An element stored (`handlers[topic] = h`).
      if (l.kind === 'IndexExpr') {
        if (isFuncContainer(program.typeOf(l.x))) { this.addElemFlow(this.containerKey(l.x), fns); if (lit) this.storedLiterals.add(lit); }
        return;
      }
      if (l.kind === 'Ident') {
        const o = program.objectOf(l);
        if (o?.kind === 'var') this.addFlow(o, fns);
      } else if (l.kind === 'SelectorExpr') {
        const s = program.selectionOf(l);
        if (s?.kind === 'field') {
          this.addFlow(`field:${declKey(s.owner, '?')}.${s.name}`, fns);
          // A callback kept in a field (`c.OnEvicted = func(k, v) { m.onEvict(k, v) }`)
          // runs wherever the field is called, not here.
          if (lit) this.storedLiterals.add(lit);
        } else if (s?.kind === 'qualified' && s.obj.kind === 'var') this.addFlow(s.obj, fns);
      }
    };
    // Two rounds so values passed through one variable into another are seen. The first
    // walks every body and keeps the nodes a flow can start at; the second revisits only
    // those, in the same order.
    const flowing: ast.Node[] = [];
    const visit = (n: ast.Node): void => {
      flowing.push(n);
      this.flowNode(n, assignTo);
    };
    for (const pkg of program.packages) {
      for (const file of pkg.files) {
        for (const d of file.ast.decls) walkBodyKinds(d, FLOW_KINDS, visit);
      }
    }
    for (const fn of program.funcs) {
      if (fn.node.kind === 'FuncLit' && fn.body) walkBodyKinds(fn.body, FLOW_KINDS, visit);
    }
    for (const n of flowing) this.flowNode(n, assignTo);
  }

  private flowNode(n: ast.Node, assignTo: (l: ast.Expr, r: ast.Expr) => void): void {
    const program = this.program;
    if (n.kind === 'AssignStmt' && n.lhs.length === n.rhs.length) {
      n.lhs.forEach((l, i) => assignTo(l, n.rhs[i]!));
    } else if (n.kind === 'AssignStmt' && n.lhs.length === 2 && n.rhs.length === 1 && (unparen(n.rhs[0]!).kind === 'IndexExpr' || unparen(n.rhs[0]!).kind === 'UnaryExpr')) {
      assignTo(n.lhs[0]!, n.rhs[0]!); // `h, ok := handlers[topic]`, `f, ok := <-tasks`
    } else if (n.kind === 'SendStmt') {
      // A function sent on a channel of funcs (`e.tasks <- f`): an element of it.
      if (isFuncChan(program.typeOf(n.chan))) {
        const fns = this.funcValues(n.value);
        for (const f of fns) this.sentOnChannels.add(f);
        this.addElemFlow(this.containerKey(n.chan), fns);
      }
    } else if (n.kind === 'RangeStmt') {
      // `for f := range e.tasks`: the variable takes each function sent.
      if (n.key && isFuncChan(program.typeOf(n.x))) {
        const k = unparen(n.key);
        const o = k.kind === 'Ident' ? program.objectOf(k) : null;
        if (o?.kind === 'var') this.addElemAlias(o, this.containerKey(n.x));
      }
      // `for _, f := range loops`: the value variable takes each element.
      if (n.value && isFuncContainer(program.typeOf(n.x))) {
        const v = unparen(n.value);
        const o = v.kind === 'Ident' ? program.objectOf(v) : null;
        if (o?.kind === 'var') this.addFlow(o, this.elemValues(n.x));
      }
    } else if (n.kind === 'ValueSpec') {
      n.names.forEach((id, i) => { if (n.values[i]) assignTo(id, n.values[i]!); });
    } else if (n.kind === 'CompositeLit') {
      const t = program.typeOf(n);
      const base = t.kind === 'pointer' ? t.elem : t;
      const u = underlying(base);
      if (u.kind !== 'struct') return;
      const owner = base.kind === 'named' ? base.decl : null;
      n.elts.forEach((el, i) => {
        const name = el.kind === 'KeyValueExpr' && el.key.kind === 'Ident' ? el.key.name : el.kind !== 'KeyValueExpr' ? u.fields[i]?.name : undefined;
        const value = el.kind === 'KeyValueExpr' ? el.value : el;
        if (name && underlying(program.typeOf(value)).kind === 'func') {
          this.addFlow(`field:${declKey(owner, '?')}.${name}`, this.funcValues(value));
          // A callback in a struct of handlers (`Handlers{OnAdd: func(o any) { ... }}`)
          // runs wherever the field is called.
          const lit = unparen(value).kind === 'FuncLit' ? this.program.funcOfLit(unparen(value) as ast.FuncLit) : null;
          if (lit) this.storedLiterals.add(lit);
        } else if (name && isFuncContainer(program.typeOf(value))) {
          this.addElemFlow(`field:${declKey(owner, '?')}.${name}`, this.elemValues(value));
        }
      });
    } else if (n.kind === 'CallExpr') {
      const c = calleeOf(program, n);
      const target = staticTarget(c);
      if (!target) return;
      if (spawnKindOf(program, c)) return;
      n.args.forEach((a, i) => {
        const p0 = target.params[Math.min(i, target.params.length - 1)];
        if (p0 && isFuncContainer(program.typeOf(a))) { this.addElemFlow(`var:${p0.id}`, this.elemValues(a)); return; }
        if (p0 && isFuncChan(program.typeOf(a))) { this.addElemAlias(`var:${p0.id}`, this.containerKey(a)); return; }
        if (underlying(program.typeOf(a)).kind !== 'func') return;
        const p = target.params[Math.min(i, target.params.length - 1)];
        if (!p) return;
        // A function literal handed to a call is run by that call, in the caller's
        // goroutine and under the caller's locks: it becomes a callee of the caller at
        // this call (see collectCalls), not a value every caller of the parameter reaches.
        // Unless the call stores it away (a constructor's or a registration's callback):
        // then it runs wherever the stored value is called.
        if (unparen(a).kind === 'FuncLit') {
          if (this.storedParams(target).has(i)) {
            const fns = this.funcValues(a);
            this.addFlow(p, fns);
            // Stored and never called by the callee itself: kept for later.
            if (!this.storedParams(target).get(i)) for (const f of fns) this.storedLiterals.add(f);
          }
          return;
        }
        // A callback the function runs on a goroutine of its own starts one at this call.
        if (this.asyncParams(target).has(i) || this.joinedParams(target).has(i)) return;
        // One of the arguments of a variadic `...func()` parameter: an element of it.
        if (target.sig.variadic && i >= target.params.length - 1 && !n.ellipsis && isFuncContainer(p.type)) this.addElemFlow(`var:${p.id}`, this.funcValues(a));
        else this.addFlow(p, this.funcValues(a));
      });
    } else if (n.kind === 'GoStmt') {
      // A function literal handed to a function started on a goroutine (`go forward(in,
      // out, func() { once.Do(stop) })`) is not run by the go statement: the goroutine
      // calls it through its parameter.
      const target = staticTarget(calleeOf(program, n.call));
      if (!target) return;
      n.call.args.forEach((a, i) => {
        const p = target.params[Math.min(i, target.params.length - 1)];
        if (!p || unparen(a).kind !== 'FuncLit' || (target.sig.variadic && i >= target.params.length - 1)) return;
        this.addFlow(p, this.funcValues(a));
      });
    } else if (n.kind === 'ReturnStmt') {
      // Results of func type flow to the function's named results; enough for
      // `func handler() http.HandlerFunc { return func(...) {...} }` via call sites below.
    }
  }

  private templateFuncCache: Map<PackageInfo, FuncInfo[]> | null = null;

  /** The functions a package puts in text/template or html/template FuncMaps
   * (`template.FuncMap{"partial": partialFunc(cache)}`): a template's Execute calls them. */
  private templateFuncs(pkg: PackageInfo): FuncInfo[] {
    if (!this.templateFuncCache) {
      const out = new Map<PackageInfo, FuncInfo[]>();
      for (const f of this.program.funcs) {
        if (!f.body || f.node.kind === 'FuncLit') continue;
        walkKinds(f.body, COMPOSITE_KINDS, (n) => {
          if (n.kind !== 'CompositeLit' || !this.isFuncMapType(f, n)) return undefined;
          const list = out.get(f.pkg) ?? [];
          for (const el of n.elts) if (el.kind === 'KeyValueExpr') for (const g of this.funcValues(el.value)) if (!list.includes(g)) list.push(g);
          out.set(f.pkg, list);
          return undefined;
        });
      }
      this.templateFuncCache = out;
    }
    return this.templateFuncCache.get(pkg) ?? [];
  }

  /** `template.FuncMap{...}` of text/template or html/template. */
  private isFuncMapType(fn: FuncInfo, n: ast.CompositeLit): boolean {
    const t = this.program.typeOf(n);
    if (t.kind === 'named') return t.decl.name === 'FuncMap' && TEMPLATE_PKGS.includes(t.decl.pkgPath);
    const ty = n.type ? unparen(n.type) : null;
    if (ty?.kind !== 'SelectorExpr' || ty.sel.name !== 'FuncMap' || ty.x.kind !== 'Ident') return false;
    const name = ty.x.name;
    return fn.file.ast.imports.some((i) => TEMPLATE_PKGS.includes(i.path) && (i.name ?? 'template') === name);
  }

  /** `t.Execute(w, data)` / `t.ExecuteTemplate(w, name, data)` on a *template.Template
   * (known by its type, or, the template packages being unmodelled, by a file that
   * imports one of them and a receiver of unknown type). */
  private executesTemplate(fn: FuncInfo, n: ast.CallExpr, c: Callee | null): boolean {
    const f = unparen(n.fun);
    if (f.kind !== 'SelectorExpr' || (f.sel.name !== 'Execute' && f.sel.name !== 'ExecuteTemplate')) return false;
    if (c?.kind === 'method') return !!c.sel.method.recvDecl && c.sel.method.recvDecl.name === 'Template' && TEMPLATE_PKGS.includes(c.sel.method.recvDecl.pkgPath);
    if (c) return false;
    const rt = this.program.typeOf(f.x);
    const base = rt.kind === 'pointer' ? rt.elem : rt;
    return base.kind === 'unknown' && fn.file.ast.imports.some((i) => TEMPLATE_PKGS.includes(i.path));
  }

  private collectCalls(fn: FuncInfo): void {
    if (!fn.body) return;
    const program = this.program;
    const edges: CallEdge[] = [];
    const goCalls = new Set<ast.CallExpr>();
    const deferCalls = new Set<ast.CallExpr>();
    walkBodyKinds(fn.body, CALL_KINDS, (n) => {
      if (n.kind === 'GoStmt') goCalls.add(n.call);
      if (n.kind === 'DeferStmt') deferCalls.add(n.call);
      if (n.kind !== 'CallExpr') return;
      const c = calleeOf(program, n);
      if (goCalls.has(n)) return; // a spawn, not a call
      const spawn = spawnKindOf(program, c);
      const targets = spawn ? [] : this.targetsOf(c, fn.pkg);
      // A function a call returns, called on the spot (`defer m.Track("get")()`).
      if (!c && unparen(n.fun).kind === 'CallExpr') {
        const dyn = this.funcValues(unparen(n.fun));
        if (dyn.length <= MAX_DYNAMIC_TARGETS) targets.push(...dyn);
      }
      // Function values handed to code outside the module (sort.Slice, once.Do, t.Run, ...)
      // are assumed to be called synchronously by it; literals handed to any call are
      // called by it.
      // Builtins (append, copy, delete...) store function values, never call them.
      if (!spawn && c?.kind !== 'builtin') {
        const st = staticTarget(c);
        // Callbacks run on goroutines of their own: parallel subtests, callbacks a module
        // helper starts with `go` (entries.ts makes them contexts of their own).
        const parallel = this.parallelSubtests(n, c);
        const async = st ? this.asyncParams(st) : null;
        const joined = st ? this.joinedParams(st) : null;
        n.args.forEach((a, i) => {
          if (underlying(program.typeOf(a)).kind !== 'func') return;
          if (!st) targets.push(...this.funcValues(a).filter((f) => !parallel.includes(f)));
          else if (unparen(a).kind === 'FuncLit' && !async!.has(i) && !joined!.has(i) && this.storedParams(st).get(i) !== false) targets.push(...this.funcValues(a).filter((f) => !parallel.includes(f)));
        });
      }
      // text/template and html/template call the functions of their FuncMap while executing.
      if (this.executesTemplate(fn, n, c)) targets.push(...this.templateFuncs(fn.pkg));
      // fmt calls the String and Error methods of the values it prints.
      if (isFuncCall(c, 'fmt', FMT_PRINTERS)) targets.push(...this.fmtMethods(n));
      // fmt.Fprintf(w, ...), io.Copy(w, r)...: the library calls the Write method of w.
      targets.push(...this.writerMethods(n, c, fn.pkg));
      // io.Copy(w, r), io.ReadAll(r)...: and the Read method of r.
      targets.push(...this.readerMethods(n, c, fn.pkg));
      // A client request runs the transport's Proxy and the client's CheckRedirect on the
      // calling goroutine (`&http.Transport{Proxy: e.pick}`).
      if (isMethodCall(c, 'net/http', 'Client', CLIENT_REQUESTS) || isMethodCall(c, 'net/http', 'Transport', 'RoundTrip')) {
        for (const k of ['field:net/http.Transport.Proxy', 'field:net/http.Client.CheckRedirect']) targets.push(...(this.fieldFlows.get(k) ?? []));
      }
      // sync.Pool.Get runs the pool's New function on the calling goroutine when the pool
      // is empty (`p.New = func() any { allocs++; ... }`).
      if (isMethodCall(c, 'sync', 'Pool', 'Get')) targets.push(...(this.fieldFlows.get('field:sync.Pool.New') ?? []));
      if (targets.length) {
        const edge: CallEdge = { call: n, caller: fn, targets: unique(targets), deferred: deferCalls.has(n) };
        const guard = c?.kind === 'value' ? this.passedParam(c.expr, fn) : null;
        if (guard) {
          const values = this.varValues(guard);
          if (edge.targets.every((t) => values.includes(t))) edge.guard = guard;
        }
        edges.push(edge);
      }
    });
    // A function literal that is called on the spot (`func(){...}()`) is handled above as a
    // literal callee. Literals passed to module functions flow through parameters.
    this.out.set(fn, edges);
    for (const e of edges) {
      for (const t of e.targets) {
        const list = this.in.get(t) ?? [];
        list.push(e);
        this.in.set(t, list);
      }
    }
  }
}


/** Identifier id (a function value) is stored by its parent node: the value of a field or
 * element in a composite literal, the right-hand side of an assignment to a field, an
 * element or a package variable, or an element appended. */
function isStore(program: Program, id: ast.Ident, parent: ast.Node): boolean {
  if (parent.kind === 'KeyValueExpr') return parent.value === id;
  if (parent.kind === 'SendStmt') return parent.value === id && isFuncChan(program.typeOf(parent.chan));
  if (parent.kind === 'CompositeLit') return true;
  if (parent.kind === 'AssignStmt') {
    const i = parent.rhs.indexOf(id);
    if (i < 0 || parent.lhs.length !== parent.rhs.length) return false;
    const l = unparen(parent.lhs[i]!);
    if (l.kind === 'SelectorExpr' || l.kind === 'IndexExpr') return true;
    const o = l.kind === 'Ident' ? program.objectOf(l) : null;
    return o?.kind === 'var' && o.scope === 'pkg';
  }
  if (parent.kind === 'CallExpr' && parent.args.indexOf(id) > 0) {
    const c = calleeOf(program, parent);
    return c?.kind === 'builtin' && c.name === 'append';
  }
  return false;
}

const TEMPLATE_PKGS = ['text/template', 'html/template'];
const NO_PARAMS: ReadonlyMap<number, boolean> = new Map();

/** A channel whose elements are functions (`chan func()`). */
function isFuncChan(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'chan' && underlying(u.elem).kind === 'func';
}

/** A slice, array or map whose elements are functions. */
export function isFuncContainer(t: Type): boolean {
  const u = underlying(t);
  if (u.kind === 'slice' || u.kind === 'array') return underlying(u.elem).kind === 'func';
  if (u.kind === 'map') return underlying(u.value).kind === 'func';
  return false;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function ifaceKey(t: Type): string {
  if (t.kind === 'named') return `${t.decl.pkgPath}.${t.decl.name}`;
  const u = underlying(t);
  return u.kind === 'interface' ? u.methods.map((m) => m.name).sort().join(',') : '?';
}

/** fmt functions that format their arguments (and so call String and Error on them). */
const FMT_PRINTERS = ['Sprintf', 'Printf', 'Fprintf', 'Sprint', 'Print', 'Fprint', 'Sprintln', 'Println', 'Fprintln', 'Errorf', 'Appendf', 'Append', 'Appendln'];

/** The nodes templateFuncs looks at (FuncMap literals). */
const COMPOSITE_KINDS = kindSet('CompositeLit');
/** The nodes function values flow through (see CallGraph.flowNode). */
/** http.Client methods that send a request. */
const CLIENT_REQUESTS = ['Do', 'Get', 'Head', 'Post', 'PostForm'];
const FLOW_KINDS = kindSet('AssignStmt', 'SendStmt', 'RangeStmt', 'ValueSpec', 'CompositeLit', 'CallExpr', 'ReturnStmt', 'GoStmt');
/** The nodes collectCalls looks at. */
const CALL_KINDS = kindSet('GoStmt', 'DeferStmt', 'CallExpr');
const SPAWN_KINDS = kindSet('ForStmt', 'RangeStmt', 'GoStmt', 'CallExpr', 'BinaryExpr');
const IDENTS = kindSet('Ident');
const STORE_KINDS = kindSet('CompositeLit', 'AssignStmt');
const RETURNS = kindSet('ReturnStmt');
