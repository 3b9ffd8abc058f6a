/**
 * Assembles the concurrency facts of a program: call graph, goroutine contexts and the
 * functions each reaches (with one witness chain), per-function accesses with their
 * lock sets, locks flowing from callers into callees, and the orderings that make a
 * pair of accesses safe (before the `go` statement, after a Wait or a receive).
 */
import type * as ast from '../syntax/ast.js';
import { kindSet, walk, walkBodyKinds, walkKinds } from '../syntax/walk.js';
import { calleeOf, isFuncCall, isMethodCall, neverReturns, staticTarget } from '../model/calls.js';
import { singleDefinition } from '../model/definitions.js';
import { unparen } from '../model/checker.js';
import type { FuncInfo, PackageInfo, VarObj } from '../model/objects.js';
import type { Type, TypeDecl } from '../model/types.js';
import { underlying } from '../model/typeops.js';
import { interfaceMethods } from '../model/lookup.js';
import type { Program } from '../model/program.js';
import { collectFuncFacts, before, WRITTEN_KEY, type Access, type AccessEnv, type FuncFacts, type HeldLock, type WaitSite, waitsBefore, checkedClose, ANY_ONCE, MANY_ONCES } from './accesses.js';
import { CallGraph, MAX_DYNAMIC_TARGETS, type CallEdge } from './callgraph.js';
import { ReachIndex } from './reach.js';
import { collectContexts, mayRunConcurrently, type GoroutineContext } from './entries.js';
import { spanContains } from './spans.js';
import type { ConcurrencyFacts, ConcurrentPair } from './facts.js';
import { exprText, isAllocation, placeOf, varKey } from './places.js';
import { goVersionAtLeast } from '../model/goversion.js';
import { ObjectOrigins, mayOverlap, type ContextView, type ObjectLocation, type ObjectOrigin, type MethodValueSite } from './object-origins.js';
import { Publication } from './publication.js';
import { Joins, type JoinChain } from './joins.js';
import { handedOut, rangedPointer, returnedReadOut } from './handed-out.js';
import { SignalOrder } from './signals.js';
import { keptWriters, type KeptWriter } from './writer-sinks.js';
import { NeverTrue } from './never-true.js';
import { InitGuards } from './init-guards.js';
import { broadcastSends, type BroadcastSend } from './broadcasts.js';

/**
 * Contexts that can run next to another goroutine: every goroutine, the exported API of
 * packages with goroutines, and the main goroutine or tests only when they can reach code
 * that starts one (a sequential test that starts nothing races with nothing; init
 * finishes before anything starts). Ids are renumbered.
 */
function relevantContexts(all: GoroutineContext[], cg: CallGraph): GoroutineContext[] {
  const spawning = new Set<FuncInfo>();
  const queue: FuncInfo[] = [];
  for (const c of all) if (c.spawner && !spawning.has(c.spawner)) { spawning.add(c.spawner); queue.push(c.spawner); }
  while (queue.length) {
    const f = queue.pop()!;
    for (const e of cg.callers(f)) if (!spawning.has(e.caller)) { spawning.add(e.caller); queue.push(e.caller); }
  }
  // A package whose init starts a goroutine leaves it running under every test of the
  // package's binary (and the init context gives that goroutine its programs).
  const initStarts = new Set(all.filter((c) => c.kind === 'init' && c.roots.some((r) => spawning.has(r))).map((c) => c.pkg.importPath));
  const kept = all.filter((c) => c.spawned || c.kind === 'api' || ((c.kind === 'main' || c.kind === 'test' || c.kind === 'init') && c.roots.some((r) => spawning.has(r)))
    || (c.kind === 'test' && initStarts.has(c.pkg.importPath.replace(/_test$/, ''))));
  return kept.map((c, i) => Object.assign(c, { id: i }));
}

/** Longest call chain followed from a goroutine's entry point. */
const MAX_CHAIN = 12;
/** How far up lockedOnEveryPath follows the ways into a function, and how many it keeps. */
const PATH_DEPTH = 8;
const MAX_VARIANTS = 24;
const MAX_MAY_LOCKS = 128;
const MANY = 'many' as const;
const EMPTY_KEYS: ReadonlySet<string> = new Set();
/** Node kinds the passes over function bodies look at. */
const BRANCH_KINDS = kindSet('IfStmt', 'CaseClause', 'CommClause', 'ForStmt', 'RangeStmt', 'ReturnStmt');
const GO_STMTS = kindSet('GoStmt');
const FRESH_FIELD_KINDS = kindSet('IfStmt', 'CaseClause', 'CommClause', 'ForStmt', 'RangeStmt', 'FuncLit', 'AssignStmt');
/** A WaitGroup or errgroup held in a field: the same group wherever its owner's methods run. */
const GROUP_FIELD_KEY = /^(wg|eg):field:/;
const IDENTS = kindSet('Ident');
/** The statements that define a local from a receive (`for m := range ch`, `m := <-ch`). */
const RECEIVING_DEFS = kindSet('RangeStmt', 'AssignStmt');
const CALLS = kindSet('CallExpr');
const RETURNS = kindSet('ReturnStmt');
const SENDS = kindSet('SendStmt');
const ASSIGNS = kindSet('AssignStmt');
const STORE_KINDS = kindSet('CompositeLit', 'AssignStmt');

export function buildConcurrencyFacts(program: Program): ConcurrencyFacts {
  return new Facts(program);
}

class Facts implements ConcurrencyFacts {
  readonly callgraph: CallGraph;
  readonly contexts: GoroutineContext[];
  readonly funcFacts = new Map<FuncInfo, FuncFacts>();
  readonly accessesByKey = new Map<string, Access[]>();
  /** Context ids reaching each function, with the caller that reached it first. */
  private readonly reach: ReachIndex;
  private readonly entryLockSets = new Map<FuncInfo, HeldLock[]>();
  private readonly captured: Set<VarObj>;
  private readonly objectOrigins: ObjectOrigins;
  private readonly publication: Publication;
  private readonly originCache = new Map<string, TracedOrigin>();
  private readonly returnSpans = new Map<FuncInfo, ast.Span[]>();
  private readonly signalCache = new Map<string, Access[]>();
  private readonly views = new Map<GoroutineContext, ContextView>();
  private readonly contextLockCache = new Map<string, HeldLock[]>();
  private readonly variantCache = new Map<string, LockVariant[] | null>();
  private mayLocks: Map<FuncInfo, Set<string> | typeof MANY> | null = null;
  /** Functions leading to each function (null: more than EDGE_REACH_LIMIT). */
  private readonly ancestors = new Map<FuncInfo, Set<FuncInfo> | null>();
  private readonly anchors = new Map<Access, Anchor | null>();
  private readonly rangeValues = new Map<FuncInfo, Set<VarObj>>();
  /** objectLabels by context id, then type key (asked for in the innermost loops of the
   * pair search: no key strings are built for it). */
  private readonly labelCache: Array<Map<string, ObjectLabels> | undefined> = [];
  /** contextsSeeing by function id, then type key. By id, not by function: build-tag
   * variants of one function (fd_unix.go and fd_windows.go) share the entry, as they
   * did under the former `${fn.id}|${typeKey}` key, so findings stay as they were. */
  private readonly seeingCache = new Map<string, Map<string, GoroutineContext[]>>();
  private broadcastCache: Map<string, Array<{ key: string; send: BroadcastSend }>> | null = null;
  private readonly broadcastKeys = new Set<string>();
  private bcastRecvSet: Set<Access> | null = null;
  private readonly broadcastLabelCache = new Map<string, { labels: string[]; fanout: boolean }>();
  private readonly receivedBroadcastCache = new Map<VarObj, boolean>();
  private recvByKey: Map<string, Access[]> | null = null;
  private readonly returnedCache = new Map<FuncInfo, Set<VarObj>>();
  private readonly restartedCache = new Map<GoroutineContext, boolean>();
  /** heldTypes by type, or by declaration for a named type without type arguments (or a
   * pointer to one): such types are made afresh for many expressions. */
  private readonly heldCache = new Map<Type | TypeDecl, Set<string>>();
  private readonly runsOnceCache = new Map<FuncInfo, boolean>();
  private readonly behindCache = new Map<Type, Set<string>>();
  private readonly deepHeldCache = new Map<Type | TypeDecl, Set<string>>();
  private readonly mentionedCache = new Map<GoroutineContext, Set<string>>();
  private readonly contextsCache = new Map<FuncInfo, GoroutineContext[]>();
  private readonly startedDuringCache = new Map<string, boolean>();
  private readonly nestedCache = new Map<FuncInfo, FuncInfo[]>();
  private aliasCache: ParamAliases | null = null;
  private writerCache: Map<string, KeptWriter[]> | null = null;
  private readonly waitCache = new Map<FuncInfo, boolean>();
  private programSets: Map<GoroutineContext, Set<string> | null> | null = null;
  private readonly linkedCache = new Map<string, Map<PackageInfo, boolean>>();
  private readonly joins: Joins;
  private readonly signals: SignalOrder;
  private readonly initGuards: InitGuards;

  constructor(readonly program: Program) {
    this.callgraph = new CallGraph(program);
    this.contexts = relevantContexts(collectContexts(program, this.callgraph), this.callgraph);
    // A command or a test binary runs only code it links: a call through an interface or
    // a function value does not lead into packages it does not import.
    this.reach = new ReachIndex(this.callgraph, this.contexts, MAX_CHAIN, (c) => this.linkedBy(c as GoroutineContext));
    // A goroutine that starts copies of itself (its function, or one it calls directly,
    // holds the start) runs alongside them. Longer cycles are left alone: the locks along
    // them are too often lost on the way.
    for (const c of this.contexts) {
      const sp = c.spawner;
      if (c.spawned && sp && c.spawnNode && c.roots.some((r) => r === sp || this.callgraph.callees(r).some((e) => e.targets.includes(sp)))) {
        Object.assign(c, { multi: true, recursive: true, describe: c.multi ? c.describe : `${c.describe} (it starts copies of itself: they run alongside each other)` });
      }
    }
    this.captured = capturedVars(program);
    const spawning = this.spawningFuncs();
    const directSpawners = new Set<FuncInfo>();
    for (const c of this.contexts) if (c.spawner && c.spawnNode) directSpawners.add(c.spawner);
    this.objectOrigins = new ObjectOrigins(program, this.callgraph, this.captured, directSpawners, this.goroutineCaptured());
    this.publication = new Publication(program, this.callgraph, (fn) => this.funcFacts.get(fn)?.loops ?? [], (fn) => this.runsOnce(fn));
    this.joins = new Joins({
      callgraph: this.callgraph,
      funcFacts: this.funcFacts,
      groupJoins: (w, cb) => this.groupJoins(w, cb),
      contextSignals: (cb, key) => this.contextSignals(cb, key),
      bubble: (fn) => this.bubbleBody(fn),
    });
    this.signals = new SignalOrder({
      callgraph: this.callgraph,
      reach: this.reach,
      accessesByKey: this.accessesByKey,
      runsInParent: (lit) => !this.spawnRoots().has(lit),
    });
    this.initGuards = new InitGuards(program, this.callgraph, this.reach, this.funcFacts, (fn) => this.callersOf(fn));
    const env: AccessEnv = {
      program,
      captured: this.captured,
      spawning,
      onceBodies: this.onceBodies(),
      targetsOf: (c, from) => this.callgraph.targetsOf(c, from),
      neverTrue: new NeverTrue(program),
    };
    for (const fn of program.funcs) {
      if (!fn.body) continue;
      const ff = collectFuncFacts(env, fn);
      // The runtime and the sync packages implement synchronisation with mechanisms below
      // the language (stopping the world, runtime semaphores, deliberate plain reads of
      // atomically written words): their own data is not analysed for races.
      if (implementsSynchronisation(fn.pkg)) ff.accesses = [];
      this.funcFacts.set(fn, ff);
      for (const a of ff.accesses) this.passedChannel(a);
      if (ff.accesses.some((a) => a.paramSlice)) ff.accesses = ff.accesses.filter((a) => !a.paramSlice || this.passedSlice(a));
      for (const a of [...ff.accesses, ...ff.accesses.flatMap((x) => this.passedMap(x))]) {
        const list = this.accessesByKey.get(a.key) ?? [];
        list.push(a);
        this.accessesByKey.set(a.key, list);
      }
    }
    this.helperWaits();
    // A joining helper's call is the Wait of the callback copies it runs (see joinedParams).
    for (const c of this.contexts) {
      if (!c.joinKey?.startsWith('call:') || !c.spawner || c.spawnNode?.kind !== 'CallExpr') continue;
      const sp = c.spawnNode.span;
      this.funcFacts.get(c.spawner)?.waits.push({ span: [sp[2], sp[3] + 1, sp[2], sp[3] + 1], chanKey: c.joinKey, group: true });
    }
    this.computeEntryLocks();
    this.calledInLoop();
    this.joinedInLoop();
  }

  /**
   * A call of a helper that receives from a channel before it returns, on every path
   * (`waitDone(done)` where waitDone polls `select { case <-done: return; default: }`
   * and fails the test otherwise), is a receive at the call: a wait site of the caller on
   * the channel the helper receives from, the argument's for a channel parameter. A
   * helper that waits on a WaitGroup field (a hand-written errgroup's Wait) is a group
   * wait at the call.
   */
  private helperWaits(): void {
    const memo = new Map<FuncInfo, Array<number | string>>();
    for (const [fn, ff] of this.funcFacts) {
      if (!fn.body) continue;
      for (const e of this.callgraph.callees(fn)) {
        if (e.deferred || !e.targets.length) continue;
        const each = e.targets.map((t) => this.mustReceive(t, memo, 0));
        for (const r of each[0]!) {
          if (!each.every((list) => list.includes(r))) continue;
          let key: string | null = null;
          if (typeof r === 'string') key = r;
          else {
            const arg = e.call.args[r];
            const p = arg && !e.call.ellipsis ? placeOf(this.program, arg) : null;
            key = p?.key ? `chan:${p.key}` : null;
          }
          if (key && !ff.waits.some((w) => w.chanKey === key && w.span === e.call.span)) ff.waits.push({ span: e.call.span, chanKey: key, group: GROUP_FIELD_KEY.test(key) });
        }
      }
    }
  }

  /** The channels fn receives from (and the group fields it waits on) before every
   * normal return: channel parameters by index, others by key. A receive covers a return when it comes first and every branch
   * or loop around it holds the return too (`case <-done: return`); the end of the body
   * is a return unless its last statement returns or never returns (`t.Fatalf`). */
  private mustReceive(fn: FuncInfo, memo: Map<FuncInfo, Array<number | string>>, depth: number): Array<number | string> {
    let hit = memo.get(fn);
    if (hit) return hit;
    hit = [];
    memo.set(fn, hit);
    const body = fn.body;
    if (!body?.list.length) return hit;
    const ff = this.funcFacts.get(fn);
    if (!ff) return hit;
    const found: Array<{ span: ast.Span; id: number | string }> = [];
    for (const a of ff.accesses) {
      if (a.kind !== 'recv') continue;
      const root = a.place.root;
      const i = root && !a.place.path.length && root.scope === 'param' ? fn.params.indexOf(root) : -1;
      found.push({ span: a.span, id: i >= 0 ? i : a.key });
    }
    // A wrapper's Wait on the WaitGroup (or errgroup) its type holds (`func (g *group)
    // Wait() error { g.wg.Wait(); ... }`) joins what that field's Done calls signal.
    for (const w of ff.waits) {
      if (w.group && w.chanKey && GROUP_FIELD_KEY.test(w.chanKey)) found.push({ span: w.span, id: w.chanKey });
    }
    if (depth < 2) {
      for (const e of this.callgraph.callees(fn)) {
        if (e.deferred || !e.targets.length) continue;
        const each = e.targets.map((t) => (t === fn ? [] : this.mustReceive(t, memo, depth + 1)));
        for (const r of each[0]!) {
          if (!each.every((list) => list.includes(r))) continue;
          if (typeof r === 'string') { found.push({ span: e.call.span, id: r }); continue; }
          const arg = e.call.args[r];
          const v = arg && !e.call.ellipsis && unparen(arg).kind === 'Ident' ? this.program.objectOf(unparen(arg) as ast.Ident) : null;
          const i = v?.kind === 'var' && v.scope === 'param' ? fn.params.indexOf(v) : -1;
          const p = arg && !e.call.ellipsis ? placeOf(this.program, arg) : null;
          if (i >= 0) found.push({ span: e.call.span, id: i });
          else if (p?.key) found.push({ span: e.call.span, id: `chan:${p.key}` });
        }
      }
    }
    // Only functions that receive at all are looked at further.
    if (!found.length) return hit;
    const regions: ast.Span[] = [];
    const exits: ast.Span[] = [];
    walkBodyKinds(body, BRANCH_KINDS, (n) => {
      if (n.kind === 'IfStmt') { regions.push(n.body.span); if (n.else) regions.push(n.else.span); }
      else if (n.kind === 'CaseClause' || n.kind === 'CommClause' || n.kind === 'ForStmt' || n.kind === 'RangeStmt') regions.push(n.span);
      else if (n.kind === 'ReturnStmt') exits.push(n.span);
      return undefined;
    });
    const last = body.list[body.list.length - 1]!;
    const ends = last.kind === 'ReturnStmt' || (last.kind === 'ExprStmt' && unparen(last.x).kind === 'CallExpr' && neverReturns(this.program, unparen(last.x) as ast.CallExpr))
      || (last.kind === 'ForStmt' && !last.cond && !exitsLoop(last));
    if (!ends) exits.push([body.span[2], body.span[3], body.span[2], body.span[3]]);
    if (!exits.length) return hit;
    const covers = (r: ast.Span, x: ast.Span): boolean => before(r, x) && regions.every((g) => !spanContains(g, r) || spanContains(g, x));
    for (const f of found) {
      if (hit.includes(f.id)) continue;
      if (exits.every((x) => found.some((g) => g.id === f.id && covers(g.span, x)))) hit.push(f.id);
    }
    return hit;
  }

  /**
   * A channel parameter every call gives the same local channel variable (`go pump(ctx,
   * events)` in the function that made events): its sends and closes are on that
   * variable's channel, which the caller and its goroutines may close or send on too.
   */
  private goCalls: Map<FuncInfo, ast.CallExpr[]> | null = null;

  /** The `go f(...)` statements by the function they start (not call-graph edges). */
  private goCallsOf(): Map<FuncInfo, ast.CallExpr[]> {
    if (this.goCalls) return this.goCalls;
    const out = new Map<FuncInfo, ast.CallExpr[]>();
    for (const f of this.program.funcs) {
      if (!f.body) continue;
      walkKinds(f.body, GO_STMTS, (n) => {
        if (n.kind !== 'GoStmt') return undefined;
        const t = staticTarget(calleeOf(this.program, n.call));
        if (t) out.set(t, [...(out.get(t) ?? []), n.call]);
        return undefined;
      });
    }
    this.goCalls = out;
    return out;
  }

  private passedChannel(a: Access): void {
    if (a.kind !== 'send' && a.kind !== 'close') return;
    const p = a.place.root;
    if (!p || p.scope !== 'param' || a.place.path.length || a.key !== `chan:${varKey(p)}`) return;
    const fn = a.fn;
    const i = fn.params.indexOf(p);
    if (i < 0) return;
    let from: VarObj | null = null;
    const calls = [...this.callgraph.callers(fn).map((e) => e.call), ...(this.goCallsOf().get(fn) ?? [])];
    if (!calls.length) return;
    for (const call of calls) {
      if (call.args.length !== fn.params.length || call.ellipsis) return;
      const arg = unparen(call.args[i]!);
      const v = arg.kind === 'Ident' ? this.program.objectOf(arg) : null;
      if (v?.kind !== 'var' || v.scope !== 'local' || (from && from !== v)) return;
      from = v;
    }
    a.key = `chan:${varKey(from!)}`;
    a.place = { ...a.place, root: from! };
    passedChannels.add(a);
  }

  /** An element access through a slice parameter (see Access.paramSlice): when every call
   * of the function passes one local slice variable of another function (`hashBlocks(r,
   * buf)` in goroutines that capture buf), it is an access to that variable's elements,
   * shared only by the goroutines the declaring call started (see localDeclaring). False
   * (drop it) otherwise. */
  private passedSlice(a: Access): boolean {
    const p = a.place.root;
    if (!p || p.scope !== 'param' || a.place.path.length || p.func !== a.fn) return false;
    const from = this.passedSliceVar(p, 0) ?? this.sameFromEveryCall(p, (arg) => this.pkgSliceAt(arg), (x, y) => x === y, true);
    if (!from) return false;
    a.key = `${varKey(from)}[]`;
    a.place = { ...a.place, root: from, key: a.key };
    passedChannels.add(a);
    return true;
  }

  /** The captured variable of another function whose slice every call of q's function
   * passes for q: a local, or a parameter the declaring function's goroutines capture
   * (`go func() { files[i].Hash = h }()` in Scan(files)), reached directly or handed on
   * through parameters of other functions (`go report(files)`, report calling
   * `countHashed(files)`). */
  private passedSliceVar(q: VarObj, depth: number): VarObj | null {
    return this.sameFromEveryCall(q, (arg) => {
      const x = unparen(arg);
      const v = x.kind === 'Ident' ? this.program.objectOf(x) : null;
      if (v?.kind !== 'var' || v === q) return null;
      if ((v.scope === 'local' || v.scope === 'param') && this.captured.has(v)) return v;
      return v.scope === 'param' && depth < 2 && v.func && underlying(v.type).kind === 'slice' ? this.passedSliceVar(v, depth + 1) : null;
    }, (x, y) => x === y, true);
  }

  /**
   * The package variable whose slice argument arg may be: the variable itself
   * (`normalize(DefBuckets)`), or a local or parameter of the calling function that some
   * assignment before the call sets to it and no later assignment on every path replaces
   * (`if b == nil { b = DefBuckets }; normalize(b)`, but not after `b = append([]float64(nil),
   * b...)`). Null when it may be none or another.
   */
  private pkgSliceAt(arg: ast.Expr): VarObj | null {
    const pkgVar = (e: ast.Expr): VarObj | null => {
      const x = unparen(e);
      const p = x.kind === 'Ident' || x.kind === 'SelectorExpr' ? placeOf(this.program, x) : null;
      return p?.root?.scope === 'pkg' && !p.path.length && underlying(p.root.type).kind === 'slice' ? p.root : null;
    };
    const x = unparen(arg);
    const direct = pkgVar(x);
    if (direct || x.kind !== 'Ident') return direct;
    const v = this.program.objectOf(x);
    const body = v?.kind === 'var' && (v.scope === 'local' || v.scope === 'param') && !this.captured.has(v) ? v.func?.body : null;
    if (!body || v?.kind !== 'var' || !spanContains(body.span, arg.span)) return null;
    const blocks: ast.Span[] = [];
    const sets: Array<{ span: ast.Span; rhs: ast.Expr }> = [];
    walk(body, (n) => {
      if (n.kind === 'FuncLit') return false;
      if (n.kind === 'BlockStmt' || n.kind === 'CaseClause' || n.kind === 'CommClause') blocks.push(n.span);
      else if (n.kind === 'AssignStmt' && n.lhs.length === n.rhs.length && before(n.span, arg.span)) {
        n.lhs.forEach((l, i) => { const y = unparen(l); if (y.kind === 'Ident' && this.program.objectOf(y) === v) sets.push({ span: n.span, rhs: n.rhs[i]! }); });
      }
      return undefined;
    });
    // In order: an assignment in a block around the call replaces what came before; one
    // in a branch of its own adds a possibility.
    let found: VarObj | null = null;
    for (const a of sets.sort((p, q) => p.span[0] - q.span[0] || p.span[1] - q.span[1])) {
      const inner = blocks.filter((b) => spanContains(b, a.span)).reduce<ast.Span | null>((m, b) => (!m || spanContains(m, b) ? b : m), null);
      const g = pkgVar(a.rhs);
      if (inner && spanContains(inner, arg.span)) found = g;
      else if (g) { if (found && found !== g) return null; found = g; }
    }
    return found;
  }

  /**
   * A map parameter is the map its caller passes (`go r.Send(labels)`, or a goroutine's
   * `r.Send(labels)`, while the caller goes on to set `labels[k] = v`): for every direct
   * call that passes a local map variable of another function, the access is also one to
   * that variable's map (a copy of the access under its key). Only the goroutines that
   * call started share the variable (see localDeclaring).
   */
  private passedMap(a: Access): Access[] {
    const p = a.place.root;
    if (!p || p.scope !== 'param' || a.place.path.length || a.key !== `map:${varKey(p)}`) return [];
    const fn = a.fn;
    const i = fn.params.indexOf(p);
    if (i < 0 || (fn.sig.variadic && i === fn.params.length - 1)) return [];
    const calls = [...this.callgraph.callers(fn).map((e) => e.call), ...(this.goCallsOf().get(fn) ?? [])];
    const vars = new Set<VarObj>();
    for (const call of calls) {
      if (staticTarget(calleeOf(this.program, call)) !== fn || call.args.length !== fn.params.length || call.ellipsis) continue;
      const arg = unparen(call.args[i]!);
      const v = arg.kind === 'Ident' ? this.program.objectOf(arg) : null;
      if (v?.kind === 'var' && v.scope === 'local' && v.func && !inside(v.func, fn) && underlying(v.type).kind === 'map') vars.add(v);
    }
    if (vars.size > MAX_PASSED_MAPS) return [];
    return [...vars].map((v) => {
      const c: Access = { ...a, key: `map:${varKey(v)}`, place: { ...a.place, root: v } };
      passedChannels.add(c);
      return c;
    });
  }

  /**
   * A goroutine started by a function that is called in a loop (`for ... { g.Go(task) }`
   * where Go does `go func() { ... }()`) runs many at once: when the calls work on the
   * same objects (the goroutine uses only the function's receiver and parameters, and the
   * call gives the same ones in every iteration: no variable of the iteration, nothing
   * made in the loop, callbacks aside) and neither the function nor the loop's iteration
   * waits for it.
   */
  private calledInLoop(): void {
    for (const c of this.contexts) {
      if (c.multi || c.kind !== 'go' || !c.spawner || !c.spawnNode || c.spawner.node.kind !== 'FuncDecl') continue;
      if (this.joinOf(c, '') || this.usesOwnLocals(c.spawnNode, c.spawner)) continue;
      const e = this.loopCallOf(c, c.spawner, (call, loop) => this.sameEachIteration(call, loop));
      if (e) Object.assign(c, { multi: true, copiesByCalls: true, describe: `${c.describe} (its starter ${c.spawner.name} is called in a loop in ${e.caller.name} at ${e.caller.file.ast.path}:${e.call.span[0]}: one goroutine per call)` });
    }
  }

  /** A call of c's starter in a loop of another function, passing `same`, whose iteration
   * does not wait for c: the next iteration's call runs while c may still run. */
  private loopCallOf(c: GoroutineContext, starter: FuncInfo, same: (call: ast.CallExpr, loop: ast.Span) => boolean): CallEdge | null {
    for (const e of this.callgraph.callers(starter)) {
      if (e.caller === starter) continue;
      const ff = this.funcFacts.get(e.caller);
      const loop = ff ? innermostLoop(ff.loops, e.call.span) : null;
      if (ff && loop && same(e.call, loop) && !this.iterationJoins(ff, loop, e.call.span, c)) return e;
    }
    return null;
  }

  /** a's object outlives a call of fn: reached from fn's receiver or a package variable. */
  private keptAcrossCalls(a: Access, fn: FuncInfo): boolean {
    const r = a.place.root;
    return !!r && ((r.scope === 'recv' && r.func === fn) || r.scope === 'pkg');
  }

  /**
   * The starter of goroutine c is called in a loop on the same objects every iteration,
   * and neither the starter nor the iteration waits for the goroutine: the next call runs
   * while the last call's goroutine may still run.
   */
  private restartedWhileRunning(c: GoroutineContext): boolean {
    let hit = this.restartedCache.get(c);
    if (hit !== undefined) return hit;
    hit = false;
    if ((c.kind === 'go' || c.kind === 'afterfunc') && c.spawner && c.spawnNode && c.spawner.node.kind === 'FuncDecl' && !this.joinOf(c, '') && !this.guardsRestart(c.spawner, c.spawnNode.span)) {
      hit = !!this.loopCallOf(c, c.spawner, (call, loop) => this.sameReceiverEachIteration(call, loop));
    }
    this.restartedCache.set(c, hit);
    return hit;
  }

  /**
   * fn returns early, before the start, on a check of its receiver's or a package's state
   * (`if c.Process != nil { return errAlreadyStarted }`, `if cpu.profiling { return err }`):
   * a second call finds the first one's state and does not write again.
   */
  private guardsRestart(fn: FuncInfo, start: ast.Span, panics = false): boolean {
    const state = (e: ast.Node): boolean => {
      let hit = false;
      walk(e, (n) => {
        if (hit || n.kind === 'FuncLit') return false;
        if (n.kind === 'Ident') {
          const o = this.program.objectOf(n);
          if (o?.kind === 'var' && ((o.scope === 'recv' && o.func === fn) || o.scope === 'pkg')) hit = true;
        }
        return undefined;
      });
      return hit;
    };
    const leaves = (x: ast.Stmt): boolean => x.kind === 'ReturnStmt' || (panics && x.kind === 'ExprStmt' && unparen(x.x).kind === 'CallExpr' && neverReturns(this.program, unparen(x.x) as ast.CallExpr));
    return (fn.body?.list ?? []).some((st) => st.kind === 'IfStmt' && before(st.span, start) && st.body.list.some(leaves) && state(st.cond));
  }

  /** The goroutine started at node uses variables of the spawner's own call (not its
   * receiver or parameters): each call of the spawner gives its goroutine new ones. */
  private usesOwnLocals(node: ast.Node, spawner: FuncInfo): boolean {
    let found = false;
    walk(node, (n) => {
      if (found) return false;
      if (n.kind === 'Ident') {
        const o = this.program.objectOf(n);
        if (o?.kind === 'var' && o.func === spawner && (o.scope === 'local' || o.scope === 'result')) found = true;
      }
      return undefined;
    });
    return found;
  }

  /** A call in a loop works on the same objects in every iteration: its receiver and its
   * arguments (callbacks aside) use no variable of the iteration and make nothing new. */
  private sameEachIteration(call: ast.CallExpr, loop: ast.Span): boolean {
    return this.sameReceiverEachIteration(call, loop) && !call.args.some((a) => underlying(this.program.typeOf(a)).kind !== 'func' && this.freshInLoop(a, loop));
  }

  /** A call in a loop is made on the same receiver (if any) in every iteration. */
  private sameReceiverEachIteration(call: ast.CallExpr, loop: ast.Span): boolean {
    const fun = unparen(call.fun);
    return !(fun.kind === 'SelectorExpr' && this.freshInLoop(fun.x, loop));
  }

  /** e uses a variable of the loop's iteration or makes something new. */
  private freshInLoop(e: ast.Expr, loop: ast.Span): boolean {
    let found = false;
    walk(e, (n) => {
      if (found || n.kind === 'FuncLit') return false;
      if (n.kind === 'CompositeLit' || n.kind === 'CallExpr') { found = true; return false; }
      if (n.kind === 'Ident') {
        const o = this.program.objectOf(n);
        const sp = o?.kind === 'var' && o.scope === 'local' ? o.span : null;
        if (sp && (spanContains(loop, sp) || (sp[0] === loop[0] && sp[1] < loop[1]))) found = true;
      }
      return undefined;
    });
    return found;
  }

  /**
   * A goroutine started in a loop whose iteration then waits for it (`go f(); <-done`,
   * `wg.Wait()` in the same iteration) never overlaps with its siblings.
   */
  private joinedInLoop(): void {
    for (const c of this.contexts) {
      if (!c.multi || !c.spawner || !c.spawnNode || c.kind !== 'go') continue;
      const ff = this.funcFacts.get(c.spawner);
      if (!ff) continue;
      const spawn = c.spawnNode.span;
      const loop = innermostLoop(ff.loops, spawn);
      if (!loop) continue;
      if (this.iterationJoins(ff, loop, spawn, c)) (c as { multi: boolean }).multi = false;
    }
  }

  /** The loop's iteration waits, after `start`, for goroutine c (a group Wait that joins
   * it, or a receive from a channel it signals), on every path through the iteration. */
  private iterationJoins(ff: FuncFacts, loop: ast.Span, start: ast.Span, c: GoroutineContext): boolean {
    return ff.waits.some((w) => !w.scope && spanContains(loop, w.span) && before(start, w.span) && (w.group ? this.groupJoins(w, c) : (w.chanKey !== null && this.contextSignals(c, w.chanKey))))
      && this.joins.joinsEachTime(ff.fn, start, c);
  }

  // ---------------------------------------------------------------- contexts

  /**
   * For a command or a test, whether its program links a package; null when unknown.
   * A goroutine started by code of a test file, or of a main package, runs in that
   * package's test binary (or command): it reaches no further than the test would.
   */
  private linkedBy(c: GoroutineContext): ((p: PackageInfo) => boolean) | null {
    let pkg: PackageInfo;
    let isTest: boolean;
    if (c.kind === 'main' || c.kind === 'test' || c.kind === 'parallel-test') {
      pkg = c.pkg;
      isTest = c.kind !== 'main';
    } else if (c.spawned && c.spawner && (c.spawner.file.ast.path.endsWith('_test.go') || c.spawner.pkg.name === 'main')) {
      // A main package's test binary links all the command does, and more.
      pkg = c.spawner.pkg;
      isTest = true;
    } else return null;
    const path = pkg.importPath.replace(/_test$/, '');
    const key = `${isTest ? 'test' : 'cmd'}:${pkg.importPath}`;
    let cache = this.linkedCache.get(key);
    if (!cache) { cache = new Map(); this.linkedCache.set(key, cache); }
    const known = cache;
    return (p) => {
      let hit = known.get(p);
      if (hit === undefined) {
        const importers = isTest ? this.callgraph.testImporters(p) : this.callgraph.importers(p);
        hit = p === pkg || importers.has(path) || (isTest && importers.has(`${path}_test`));
        known.set(p, hit);
      }
      return hit;
    };
  }

  /** Named types of the variables a context's root functions use (computed once). */
  /**
   * The variables holding a T whose values are sent (as they are, or as a field or element
   * of a composite literal: `jobs <- chunkJob{u: u}`) on a channel goroutine c receives
   * from in its own code (the channel, or a parameter every call gives it).
   */
  private receivedSentVars(c: GoroutineContext, typeKey: string): VarObj[] {
    const out = new Set<VarObj>();
    for (const k of this.channelsCarrying(typeKey)) {
      const keys = this.aliasKeys(k);
      if (!keys.some((kk) => (this.accessesByKey.get(kk) ?? []).some((a) => a.kind === 'recv' && this.reach.reaches(a.fn, c.id)))) continue;
      for (const a of this.accessesByKey.get(k) ?? []) {
        if (a.kind !== 'send' || !a.fn.body || this.reach.reaches(a.fn, c.id)) continue;
        for (const v of this.sentVars(a)) if (this.heldTypes(v.type).has(typeKey)) out.add(v);
      }
    }
    return [...out];
  }

  private readonly sentVarsCache = new Map<Access, VarObj[]>();

  /** The variables a send puts on its channel: the value itself, or the fields and
   * elements of a composite literal (or its address). */
  private sentVars(a: Access): VarObj[] {
    const hit = this.sentVarsCache.get(a);
    if (hit) return hit;
    const out: VarObj[] = [];
    this.sentVarsCache.set(a, out);
    walkKinds(a.fn.body!, SENDS, (n) => {
      if (n.kind !== 'SendStmt' || !spanContains(n.span, a.span)) return undefined;
      let x = unparen(n.value);
      if (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
      const vals = x.kind === 'CompositeLit' ? x.elts.map((el) => unparen(el.kind === 'KeyValueExpr' ? el.value : el)) : [x];
      for (const e of vals) {
        const o = e.kind === 'Ident' ? this.program.objectOf(e) : null;
        if (o?.kind === 'var') out.push(o);
      }
      return false;
    });
    return out;
  }

  private pkgVarHolderIndex: Map<string, Array<{ fn: FuncInfo; v: VarObj }>> | null = null;

  /**
   * The package variables that are a T (`var rootCmd = &Command{...}`) of c's own package,
   * on which functions goroutine c runs call a method of T (`rootCmd.Execute(args)` in
   * Main): every copy of c meets that one T. Only for a T with no synchronization of its
   * own (see below).
   */
  private pkgVarsReached(c: GoroutineContext, typeKey: string): VarObj[] {
    if (!this.pkgVarHolderIndex) {
      const index = new Map<string, Array<{ fn: FuncInfo; v: VarObj }>>();
      for (const fn of this.program.funcs) {
        if (!fn.body || fn.node.kind !== 'FuncDecl') continue;
        const seen = new Set<VarObj>();
        walkKinds(fn.body, CALLS, (call) => {
          if (call.kind !== 'CallExpr') return undefined;
          const f = unparen(call.fun);
          if (f.kind !== 'SelectorExpr' || this.program.selectionOf(f)?.kind !== 'method') return undefined;
          const m = unparen(f.x);
          const o = m.kind === 'Ident' ? this.program.objectOf(m) : null;
          if (o?.kind !== 'var' || o.scope !== 'pkg' || seen.has(o)) return undefined;
          seen.add(o);
          const t = o.type.kind === 'pointer' ? o.type.elem : o.type;
          const u = t.kind === 'named' ? underlying(t) : null;
          if (t.kind !== 'named' || u?.kind !== 'struct') return undefined;
          // An object built for concurrent use (a mutex, a Once, a channel semaphore among
          // its fields) is left to the lock analysis; this is about plain objects reused
          // by every call (a command tree, a renderer).
          if (u.fields.some((fl) => { const ft = fl.type.kind === 'pointer' ? fl.type.elem : fl.type; return ft.kind === 'chan' || (ft.kind === 'named' && (ft.decl.pkgPath === 'sync' || ft.decl.pkgPath === 'sync/atomic')); })) return undefined;
          const k = `${t.decl.pkgPath}.${t.decl.name}`;
          const list = index.get(k);
          if (list) list.push({ fn, v: o });
          else index.set(k, [{ fn, v: o }]);
          return undefined;
        });
      }
      this.pkgVarHolderIndex = index;
    }
    const out = new Set<VarObj>();
    const own = c.pkg.importPath.replace(/_test$/, '');
    for (const { fn, v } of this.pkgVarHolderIndex.get(typeKey) ?? []) if (!out.has(v) && v.pkgPath === own && this.reach.reaches(fn, c.id)) out.add(v);
    return [...out];
  }

  private typesMentioned(c: GoroutineContext): Set<string> {
    let hit = this.mentionedCache.get(c);
    if (hit) return hit;
    const out = new Set<string>();
    for (const r of c.roots) {
      if (!r.body) continue;
      walkKinds(r.body, IDENTS, (m) => {
        if (m.kind !== 'Ident') return undefined;
        const o = this.program.objectOf(m);
        if (o?.kind !== 'var') return undefined;
        for (const k of this.heldTypes(o.type)) out.add(k);
        return undefined;
      });
    }
    hit = out;
    this.mentionedCache.set(c, hit);
    return hit;
  }

  /**
   * Named types whose objects a value of type t can lead to: its own (behind a pointer),
   * the implementations of an interface when the call graph resolves it to few, and,
   * one level down (two when deep), the types of its fields and of the elements of
   * collections in them (`p.holder`, an embedded `stateHolder`, `conns map[int]*Conn`;
   * deep: `p.base.st`).
   */
  private heldTypes(t: Type, deep = false): Set<string> {
    const cache = deep ? this.deepHeldCache : this.heldCache;
    // *N holds what N does (add below looks through the pointer the same way).
    const named = t.kind === 'pointer' && t.elem.kind === 'named' ? t.elem : t;
    const cacheKey = named.kind === 'named' && named.args.length === 0 ? named.decl : t;
    let hit = cache.get(cacheKey);
    if (hit) return hit;
    const levels = deep ? 2 : 1;
    const out = new Set<string>();
    // The second level is reached only through a struct held by value (a named or embedded
    // field), not through a pointer, a collection or an interface, and ends there: its
    // interfaces are not resolved.
    const add = (t: Type, depth: number, viaOne: boolean): void => {
      if (depth > 0 && (t.kind === 'map' || t.kind === 'slice' || t.kind === 'array')) {
        // A set of objects keyed by pointer (`subs map[*Subscription]struct{}`) holds its keys.
        // Only pointers to structs: a key that points at an interface value (`map[*net.Listener]`)
        // says nothing of which implementation is held.
        if (t.kind === 'map' && t.key.kind === 'pointer' && underlying(t.key.elem).kind === 'struct') add(t.key, depth, false);
        return add(t.kind === 'map' ? t.value : t.elem, depth, false);
      }
      // A channel of pointers hands their objects to whoever receives (`chan *record`).
      if (t.kind === 'chan' && t.elem.kind === 'pointer') return add(t.elem, depth, false);
      const b = t.kind === 'pointer' ? t.elem : t;
      if (b.kind !== 'named') return;
      out.add(`${b.decl.pkgPath}.${b.decl.name}`);
      const u = underlying(b);
      // A context holds the values put into it (`context.WithValue(ctx, key, &state{})`).
      if (b.decl.pkgPath === 'context' && b.decl.name === 'Context') { for (const k of this.contextValueTypes()) out.add(k); return; }
      if (u.kind === 'interface') { if (depth < 2) for (const k of this.implementers(b)) out.add(k); return; }
      if (depth < levels && u.kind === 'struct' && viaOne) {
        for (const f of u.fields) {
          add(f.type, depth + 1, f.type.kind !== 'pointer' || (deep && f.type.elem.kind === 'named' && underlying(f.type.elem).kind === 'struct'));
          // A logger field holds the writers its own package made it with (`log:
          // log.New(ring, ...)`): what it prints goes into them. Not writers other packages
          // put there (`srv.ErrorLog = log.New(&buf, ...)` in a test of a library's users):
          // each program sets its own.
          this.writerCache ??= keptWriters(this.program);
          for (const w of this.writerCache.get(`field:${b.decl.pkgPath}.${b.decl.name}.${f.name}`) ?? []) {
            if (w.fn.pkg.importPath === b.decl.pkgPath && /^[a-z_]/.test(f.name)) add(this.program.typeOf(w.expr), depth + 1, false);
          }
        }
      }
    };
    add(t, 0, true);
    hit = out;
    cache.set(cacheKey, hit);
    return hit;
  }

  /**
   * Named types a value of type t leads to through at least one pointer, interface or
   * collection below its own value (two struct levels down, like heldTypes): a copy of
   * the value, or another holder given the same pointer, reaches the same objects.
   */
  private heldBehindPointer(t: Type): Set<string> {
    let hit = this.behindCache.get(t);
    if (hit) return hit;
    const out = new Set<string>();
    const add = (t: Type, depth: number, behind: boolean): void => {
      if (depth > 0 && (t.kind === 'map' || t.kind === 'slice')) return add(t.kind === 'map' ? t.value : t.elem, depth, true);
      if (depth > 0 && t.kind === 'array') return add(t.elem, depth, behind);
      const ptr = depth > 0 && t.kind === 'pointer';
      const b = t.kind === 'pointer' ? t.elem : t;
      if (b.kind !== 'named') return;
      const u = underlying(b);
      if (behind || ptr) out.add(`${b.decl.pkgPath}.${b.decl.name}`);
      if (u.kind === 'interface') { if (depth > 0) for (const k of this.implementers(b)) out.add(k); return; }
      if (depth < 2 && u.kind === 'struct') for (const f of u.fields) add(f.type, depth + 1, behind || ptr);
    };
    add(t, 0, false);
    hit = out;
    this.behindCache.set(t, hit);
    return hit;
  }

  /**
   * Variables a local holder of a T got that T from, when it holds it through a pointer:
   * the values of a literal's fields (`&getHandler{metrics: shared}`, nested literals
   * too) or the object a copy was read out of (`w := p.base`).
   */
  private heldSources(v: VarObj, typeKey: string): VarObj[] {
    if (v.scope !== 'local') return [];
    const own = v.type.kind === 'pointer' ? v.type.elem : v.type;
    if (own.kind === 'named' && `${own.decl.pkgPath}.${own.decl.name}` === typeKey) return [];
    const listed = this.listedTwice(v, typeKey);
    if (listed.length) return listed;
    const put = this.rangedFieldSources(v, typeKey);
    if (put.length) return put;
    if (!this.heldBehindPointer(v.type).has(typeKey)) return [];
    const e = singleDefinition(this.program, v);
    if (!e) return [];
    const out: VarObj[] = [];
    const lit = (x: ast.Expr, depth: number): void => {
      x = unparen(x);
      if (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
      if (x.kind !== 'CompositeLit' || depth > 2) return;
      for (const el of x.elts) {
        const val = unparen(el.kind === 'KeyValueExpr' ? el.value : el);
        if (val.kind === 'Ident') {
          const o = this.program.objectOf(val);
          if (o?.kind === 'var' && this.heldTypes(o.type, true).has(typeKey)) out.push(o);
        } else lit(val, depth + 1);
      }
    };
    const x0 = unparen(e);
    if (isAllocation(x0)) { lit(x0, 0); return out; }
    let x = x0;
    let steps = 0;
    for (;;) {
      // An element (`w := workers[i]`) is one of many: only a field is the one object.
      if (x.kind === 'SelectorExpr' || x.kind === 'StarExpr') { x = unparen(x.x); steps++; continue; }
      if (x.kind === 'UnaryExpr' && x.op === '&') { x = unparen(x.x); continue; }
      break;
    }
    if (steps > 0 && x.kind === 'Ident' && !this.rangeValue(v)) {
      const o = this.program.objectOf(x);
      if (o?.kind === 'var' && o !== v) out.push(o);
    }
    return out;
  }

  /**
   * A range value over a collection field (`for _, c := range r.collectors`), when every
   * element put there comes from a variable (`r.collectors = append(r.collectors, cs...)`
   * in MustRegister, called as `reg.MustRegister(rc)`): those variables, one level of
   * parameters followed to the callers' arguments. The goroutine given the element holds
   * what they hold.
   */
  private readonly goReceivers = new Map<FuncInfo, Set<VarObj>>();
  private readonly receiverVarCache = new Map<FuncInfo, string[]>();

  /** `var:` labels of the local variables method fn is called on (`st.Start()`), at most 8. */
  private receiverVarLabels(fn: FuncInfo): string[] {
    let hit = this.receiverVarCache.get(fn);
    if (!hit) {
      const out = new Set<string>();
      for (const e of this.callgraph.callers(fn)) {
        const f = unparen(e.call.fun);
        const x = f.kind === 'SelectorExpr' ? unparen(f.x) : null;
        const o = x?.kind === 'Ident' ? this.program.objectOf(x) : null;
        if (o?.kind === 'var' && o.scope === 'local') out.add(`var:${o.id}`);
      }
      hit = out.size <= 8 ? [...out] : [];
      this.receiverVarCache.set(fn, hit);
    }
    return hit;
  }

  /** v, a local of a named struct type, is the receiver of a `go v.m()` whose method has a
   * pointer receiver: the goroutine gets &v. */
  private goReceiverLocal(v: VarObj): boolean {
    const fn = v.func;
    if (!fn?.body || v.type.kind !== 'named' || underlying(v.type).kind !== 'struct') return false;
    let set = this.goReceivers.get(fn);
    if (!set) {
      const found = new Set<VarObj>();
      walk(fn.body, (n) => {
        if (n.kind !== 'GoStmt') return undefined;
        const f = unparen(n.call.fun);
        if (f.kind !== 'SelectorExpr') return undefined;
        const sel = this.program.selectionOf(f);
        const x = unparen(f.x);
        const o = x.kind === 'Ident' ? this.program.objectOf(x) : null;
        if (sel?.kind === 'method' && sel.method.ptrRecv && !sel.path.length && o?.kind === 'var' && o.scope === 'local') found.add(o);
        return undefined;
      });
      set = found;
      this.goReceivers.set(fn, set);
    }
    return set.has(v);
  }

  private rangedFieldSources(v: VarObj, typeKey: string): VarObj[] {
    if (!this.rangeValue(v)) return [];
    const def = singleDefinition(this.program, v);
    const x = def ? unparen(def) : null;
    const sel = x?.kind === 'SelectorExpr' ? this.program.selectionOf(x) : null;
    if (sel?.kind !== 'field' || !sel.owner) return [];
    const stores = this.collectionStores().get(`${sel.owner.pkgPath}.${sel.owner.name}.${sel.name}`);
    if (!stores) return [];
    const out = new Set<VarObj>();
    for (const e of stores) {
      const id = unparen(e.value);
      const o = id.kind === 'Ident' ? this.program.objectOf(id) : null;
      if (o?.kind !== 'var') return [];
      const i = o.scope === 'param' && o.func ? o.func.params.indexOf(o) : -1;
      if (i < 0) { if (this.heldTypes(o.type, true).has(typeKey)) out.add(o); continue; }
      const fn = o.func!;
      const variadic = fn.sig.variadic && i === fn.params.length - 1;
      if (e.spread !== variadic) return [];
      for (const c of this.callgraph.callers(fn)) {
        if (c.call.ellipsis) return [];
        for (const a of variadic ? c.call.args.slice(i) : [c.call.args[i]]) {
          const ai = a ? unparen(a) : null;
          const w = ai?.kind === 'Ident' ? this.program.objectOf(ai) : null;
          if (w?.kind === 'var' && this.heldTypes(w.type, true).has(typeKey)) out.add(w);
        }
      }
    }
    return out.size <= 8 ? [...out] : [];
  }

  private collectionStoreCache: Map<string, Array<{ value: ast.Expr; spread: boolean }>> | null = null;

  /** The values appended to or stored in collection fields (`x.f = append(x.f, v)`,
   * `x.f = append(x.f, vs...)`, `x.f[k] = v`), by field. */
  private collectionStores(): Map<string, Array<{ value: ast.Expr; spread: boolean }>> {
    if (this.collectionStoreCache) return this.collectionStoreCache;
    const out = new Map<string, Array<{ value: ast.Expr; spread: boolean }>>();
    const fieldKey = (e: ast.Expr): string | null => {
      const l = unparen(e);
      const sel = l.kind === 'SelectorExpr' ? this.program.selectionOf(l) : null;
      return sel?.kind === 'field' && sel.owner ? `${sel.owner.pkgPath}.${sel.owner.name}.${sel.name}` : null;
    };
    const add = (k: string, value: ast.Expr, spread: boolean): void => { const l = out.get(k) ?? []; l.push({ value, spread }); out.set(k, l); };
    for (const fn of this.program.funcs) {
      if (!fn.body) continue;
      walk(fn.body, (n) => {
        if (n.kind === 'FuncLit') return false;
        if (n.kind !== 'AssignStmt' || n.lhs.length !== n.rhs.length) return undefined;
        n.lhs.forEach((l, i) => {
          const r = unparen(n.rhs[i]!);
          const li = unparen(l);
          if (li.kind === 'IndexExpr') { const k = fieldKey(li.x); if (k) add(k, r, false); return; }
          const k = fieldKey(li);
          if (!k || r.kind !== 'CallExpr' || r.fun.kind !== 'Ident' || r.fun.name !== 'append') return;
          r.args.slice(1).forEach((a, j) => add(k, a, !!r.ellipsis && j === r.args.length - 2));
        });
        return undefined;
      });
    }
    return (this.collectionStoreCache = out);
  }

  /**
   * A range value over a local collection written as a literal that lists one variable
   * more than once (`evs := []event{click{}, shared, shared}`): the iterations given that
   * variable hold one object.
   */
  private listedTwice(v: VarObj, typeKey: string): VarObj[] {
    if (!this.rangeValue(v)) return [];
    const coll = singleDefinition(this.program, v);
    const c = coll ? unparen(coll) : null;
    const o = c?.kind === 'Ident' ? this.program.objectOf(c) : null;
    const lit = o?.kind === 'var' && o.scope === 'local' ? singleDefinition(this.program, o) : null;
    const l = lit ? unparen(lit) : null;
    if (l?.kind !== 'CompositeLit') return [];
    const seen = new Map<VarObj, number>();
    for (const el of l.elts) {
      const val = unparen(el.kind === 'KeyValueExpr' ? el.value : el);
      const w = val.kind === 'Ident' ? this.program.objectOf(val) : null;
      if (w?.kind === 'var' && this.heldTypes(w.type, true).has(typeKey)) seen.set(w, (seen.get(w) ?? 0) + 1);
    }
    return [...seen].filter(([, n]) => n > 1).map(([w]) => w);
  }

  private contextValues: Set<string> | null = null;

  /** Named types whose pointers the module stores in contexts with context.WithValue. */
  private contextValueTypes(): Set<string> {
    if (this.contextValues) return this.contextValues;
    const out = new Set<string>();
    for (const fn of this.program.funcs) {
      if (!fn.body || fn.node.kind === 'FuncLit') continue;
      walkKinds(fn.body, CALLS, (n) => {
        if (n.kind !== 'CallExpr' || n.args.length !== 3 || !isFuncCall(calleeOf(this.program, n), 'context', 'WithValue')) return undefined;
        const t = this.program.typeOf(n.args[2]!);
        if (t.kind === 'pointer' && t.elem.kind === 'named') out.add(`${t.elem.decl.pkgPath}.${t.elem.decl.name}`);
        // A map of a named type is a reference too (`context.WithValue(ctx, mdKey{}, md)`).
        if (t.kind === 'named' && underlying(t).kind === 'map') out.add(`${t.decl.pkgPath}.${t.decl.name}`);
        return undefined;
      });
    }
    return (this.contextValues = out);
  }

  /** Module types implementing an interface, when there are at most MAX_DYNAMIC_TARGETS. */
  private implementers(iface: Type): string[] {
    const u = underlying(iface);
    if (u.kind !== 'interface') return [];
    const first = interfaceMethods(u, this.program.methods).keys().next();
    if (first.done) return [];
    const impls = this.callgraph.implementations(iface, first.value);
    if (impls.length > MAX_DYNAMIC_TARGETS) return [];
    const out = impls.flatMap((m) => (m.recvDecl ? [`${m.recvDecl.pkgPath}.${m.recvDecl.name}`] : []));
    // An implementation that gets its methods by embedding (`type sendOnly struct{ *base }`)
    // hands the interface's callers the embedded object too: the promoted methods run on it.
    for (const d of this.callgraph.implementingTypes(iface)) {
      const k = `${d.pkgPath}.${d.name}`;
      if (!out.includes(k)) out.push(k);
      const su = underlying({ kind: 'named', decl: d, args: [] });
      if (su.kind !== 'struct') continue;
      for (const f of su.fields) {
        const b = f.embedded ? (f.type.kind === 'pointer' ? f.type.elem : f.type) : null;
        if (b?.kind === 'named' && underlying(b).kind === 'struct' && !out.includes(`${b.decl.pkgPath}.${b.decl.name}`)) out.push(`${b.decl.pkgPath}.${b.decl.name}`);
      }
    }
    return out;
  }

  /** Variables a function returns as they are (`return s`, `return &v`). */
  private returnedVars(fn: FuncInfo): Set<VarObj> {
    let hit = this.returnedCache.get(fn);
    if (hit) return hit;
    hit = new Set();
    const out = hit;
    if (fn.body) {
      walkBodyKinds(fn.body, RETURNS, (m) => {
        if (m.kind === 'ReturnStmt') {
          for (const r of m.results) {
            const x = unparen(r);
            const id = x.kind === 'UnaryExpr' && x.op === '&' ? unparen(x.x) : x;
            if (id.kind === 'Ident') { const o = this.program.objectOf(id); if (o?.kind === 'var') out.add(o); }
          }
        }
        return undefined;
      });
      // Objects put into a returned slice (`rs = append(rs, r)`, `rs[i] = r`) are handed to
      // the caller as well: its elements.
      const slices = [...out].filter((v) => underlying(v.type).kind === 'slice');
      if (slices.length) {
        walkBodyKinds(fn.body, ASSIGNS, (m) => {
          if (m.kind !== 'AssignStmt' || m.lhs.length !== m.rhs.length) return undefined;
          m.lhs.forEach((l, i) => {
            let lx = unparen(l);
            const indexed = lx.kind === 'IndexExpr';
            if (indexed) lx = unparen((lx as ast.IndexExpr).x);
            const lo = lx.kind === 'Ident' ? this.program.objectOf(lx) : null;
            if (lo?.kind !== 'var' || !slices.includes(lo)) return;
            const r = unparen(m.rhs[i]!);
            const elems = indexed ? [r] : r.kind === 'CallExpr' && unparen(r.fun).kind === 'Ident' && (unparen(r.fun) as ast.Ident).name === 'append' && !r.ellipsis ? r.args.slice(1) : [];
            for (const e of elems) {
              const x = unparen(e);
              const o = x.kind === 'Ident' ? this.program.objectOf(x) : null;
              if (o?.kind === 'var' && o.scope === 'local' && o.type.kind === 'pointer') { out.add(o); this.returnedElems.add(o); }
            }
          });
          return undefined;
        });
      }
    }
    this.returnedCache.set(fn, hit);
    return hit;
  }

  /**
   * The pointer local v holds when its only definition is a call of a function that
   * returns one pointer local of its own, made there (`u := &Upload{}`) and handed there
   * to a goroutine it starts as an argument (`go c.run(ctx, u)`): the caller holds the
   * object that goroutine works on.
   */
  private returnedAllocation(v: VarObj): VarObj | null {
    if (v.type.kind !== 'pointer') return null;
    const e = singleDefinition(this.program, v);
    const call = e ? unparen(e) : null;
    if (call?.kind !== 'CallExpr') return null;
    const g = staticTarget(calleeOf(this.program, call));
    if (!g?.body) return null;
    const made = [...this.returnedVars(g)].filter((w) => w.scope === 'local' && w.func === g && w.type.kind === 'pointer' && !this.returnedElems.has(w) && sameNamedType(w.type, v.type));
    if (made.length !== 1) return null;
    const w = made[0]!;
    const def = singleDefinition(this.program, w);
    if (!def || !isAllocation(def)) return null;
    const handed = (this.funcFacts.get(g)?.spawns ?? []).length > 0 && this.handedToGoroutine(g, w);
    return handed ? w : null;
  }

  /** w is an argument of a go statement of g (`go c.run(ctx, w)`). */
  private handedToGoroutine(g: FuncInfo, w: VarObj): boolean {
    let hit = false;
    walkBodyKinds(g.body!, GO_STMTS, (n) => {
      if (hit || n.kind !== 'GoStmt') return undefined;
      if (n.call.args.some((a) => { const x = unparen(a); return x.kind === 'Ident' && this.program.objectOf(x) === w; })) hit = true;
      return undefined;
    });
    return hit;
  }

  /** Pointer locals a function hands its caller as elements of a returned slice (see
   * returnedVars). */
  private readonly returnedElems = new Set<VarObj>();

  /** The element of the slice a call returns, when its function fills that slice with
   * one local pointer (`r := &Result{}; rs = append(rs, r); return rs`). */
  private returnedElement(call: ast.Expr): VarObj | null {
    const x = unparen(call);
    if (x.kind !== 'CallExpr') return null;
    const g = staticTarget(calleeOf(this.program, x));
    if (!g?.body) return null;
    const elems = [...this.returnedVars(g)].filter((v) => this.returnedElems.has(v));
    return elems.length === 1 ? elems[0]! : null;
  }

  /** The element of the slice a parameter holds, when every call passes the result of a
   * call whose function returns its own objects in that slice (see returnedElement). */
  private paramElement(q: VarObj): VarObj | null {
    if (underlying(q.type).kind !== 'slice') return null;
    return this.sameFromEveryCall(q, (arg) => this.returnedElement(arg), (x, y) => x === y);
  }

  /**
   * The arguments every call of q's function passes for (non-variadic) parameter q, each
   * direct (not through a function value or an interface); null when there is no call or
   * one is not direct.
   */
  private argsForParam(q: VarObj, withGoCalls = false): ast.Expr[] | null {
    const fn = q.func;
    const i = fn ? fn.params.indexOf(q) : -1;
    if (!fn || i < 0 || (fn.sig.variadic && i === fn.params.length - 1)) return null;
    const calls = [...this.callgraph.callers(fn).map((e) => e.call), ...(withGoCalls ? this.goCallsOf().get(fn) ?? [] : [])];
    if (!calls.length) return null;
    const out: ast.Expr[] = [];
    for (const call of calls) {
      if (staticTarget(calleeOf(this.program, call)) !== fn || !call.args[i]) return null;
      out.push(call.args[i]!);
    }
    return out;
  }

  /** What every call's argument for parameter q gives (`of`), when they all agree; with
   * withGoCalls, the go statements starting q's function count as calls too. */
  private sameFromEveryCall<T>(q: VarObj, of: (arg: ast.Expr) => T | null, same: (a: T, b: T) => boolean, withGoCalls = false): T | null {
    const args = this.argsForParam(q, withGoCalls);
    let out: T | null = null;
    for (const arg of args ?? []) {
      const v = of(arg);
      if (v === null || (out !== null && !same(out, v))) return null;
      out = v;
    }
    return out;
  }

  /** The one variable every call (direct or through an interface) passes as the
   * elements of variadic parameter q (`sink.ProcessEvents(ev)`). */
  private variadicElement(q: VarObj): VarObj | null {
    const fn = q.func;
    if (!fn || !fn.sig.variadic || fn.params[fn.params.length - 1] !== q) return null;
    const i = fn.params.length - 1;
    let out: VarObj | null = null;
    for (const c of this.callgraph.callers(fn)) {
      if (c.call.ellipsis || c.call.args.length <= i) return null;
      for (const arg of c.call.args.slice(i)) {
        const x = unparen(arg);
        const v = x.kind === 'Ident' ? this.program.objectOf(x) : null;
        if (v?.kind !== 'var' || v.scope === 'pkg' || (out && out !== v)) return null;
        out = v;
      }
    }
    return out;
  }

  /** Every call of q's function passes a value received from a channel for parameter q. */
  private paramReceived(q: VarObj): boolean {
    const args = this.argsForParam(q);
    return !!args && args.every((arg) => {
      const x = unparen(arg);
      return x.kind === 'UnaryExpr' && x.op === '<-';
    });
  }

  /** The variable and field path of `&v.f.g`, when every call of q's function passes
   * that same expression for pointer parameter q. */
  private paramFieldAddress(q: VarObj): { root: VarObj; path: string[] } | null {
    if (q.type.kind !== 'pointer') return null;
    return this.sameFromEveryCall(q, (arg) => {
      const x = unparen(arg);
      if (x.kind !== 'UnaryExpr' || x.op !== '&') return null;
      const p = placeOf(this.program, x.x);
      return p?.root && p.path.length && !p.indexed ? { root: p.root, path: p.path } : null;
    }, (a, b) => a.root === b.root && a.path.join('.') === b.path.join('.'));
  }

  /**
   * A test (or main) runs alongside the goroutines it starts itself, directly or through
   * what it calls: not alongside goroutines another, sequential test started.
   */
  private startedWithin(x: GoroutineContext, y: GoroutineContext): boolean {
    if (x.kind !== 'test') return true;
    if (!y.spawner) return false;
    // Started by an init function: running before the first test begins.
    return this.reach.reaches(y.spawner, x.id) || this.startedByInit(y);
  }

  /** Goroutine y is started by code that a package's init runs. */
  private startedByInit(y: GoroutineContext): boolean {
    return !!y.spawner && this.contextsOf(y.spawner).some((c) => c.kind === 'init');
  }

  /**
   * The programs a context runs in: a main package's command, a package's test binary;
   * null for any (the exported API, and what it starts); empty for a goroutine no traced
   * code starts.
   * A goroutine runs in the programs of the contexts that reach its spawner.
   */
  private programsOf(c: GoroutineContext): Set<string> | null {
    if (!this.programSets) this.programSets = this.computePrograms();
    return this.programSets.get(c) ?? null;
  }

  /** Program sets of every context: fixed labels first, then goroutines take the union of
   * their starters' sets until nothing changes (null, any program, absorbs). */
  private computePrograms(): Map<GoroutineContext, Set<string> | null> {
    const out = new Map<GoroutineContext, Set<string> | null>();
    const pending: Array<[GoroutineContext, GoroutineContext[]]> = [];
    for (const c of this.contexts) {
      if (c.kind === 'main') out.set(c, new Set([`cmd:${c.pkg.importPath}`]));
      else if (c.kind === 'test' || c.kind === 'parallel-test') out.set(c, new Set([`test:${c.pkg.importPath.replace(/_test$/, '')}`]));
      // The exported API and init functions run in any program that imports the package.
      else if (c.kind === 'api' || c.kind === 'init') out.set(c, new Set([`pkg:${c.pkg.importPath}`]));
      // A handler or service started by a library (net/http, gRPC) was registered by code
      // of its package: it runs in programs that import that package.
      else if (c.spawned && !c.spawner) out.set(c, new Set([`pkg:${c.pkg.importPath}`]));
      else if (!c.spawned || !c.spawner) out.set(c, null);
      else {
        // Nothing traced that starts it (its start is behind calls the call graph cannot
        // follow) leaves it empty: no program is shown to run it.
        out.set(c, new Set());
        pending.push([c, this.contextsOf(c.spawner).filter((s) => s !== c)]);
      }
    }
    for (let round = 0; round < 50; round++) {
      let changed = false;
      for (const [c, starters] of pending) {
        let cur: Set<string> | null = out.get(c)!;
        if (cur === null) continue;
        for (const s of starters) {
          const p = out.get(s);
          if (p === undefined) continue;
          if (p === null) { cur = null; break; }
          for (const x of p) if (!cur.has(x)) { cur.add(x); changed = true; }
        }
        if (cur === null) { out.set(c, null); changed = true; }
      }
      if (!changed) break;
    }
    return out;
  }

  /** Two contexts can run at the same time only inside one program. */
  private shareProgram(x: GoroutineContext, y: GoroutineContext): boolean {
    const px = this.programsOf(x);
    const py = this.programsOf(y);
    if (!px || !py) return true;
    // The exported API stands for other programs calling the package: in the package's
    // own test binary its callers are the tests, which are contexts of their own.
    const own = (c: GoroutineContext, q: string) => c.kind === 'api' && q === `test:${c.pkg.importPath}`;
    for (const p of px) for (const q of py) if (this.sameProgram(p, q) && !own(x, q) && !own(y, p)) return true;
    return false;
  }

  /** Two program labels can be one program: the same command or test binary, or a
   * program that imports the package of an API label. */
  private sameProgram(p: string, q: string): boolean {
    if (p === q) return true;
    const pp = p.startsWith('pkg:') ? this.packageByPath(p.slice(4)) : null;
    const qp = q.startsWith('pkg:') ? this.packageByPath(q.slice(4)) : null;
    if (pp && qp) return this.callgraph.canMeet(pp, qp);
    const [api, prog] = pp ? [pp, q] : qp ? [qp, p] : [null, null];
    if (!api || !prog) return false;
    const path = prog.slice(prog.indexOf(':') + 1);
    if (prog.startsWith('cmd:')) return this.callgraph.importers(api).has(path);
    const importers = this.callgraph.testImporters(api);
    return importers.has(path) || importers.has(`${path}_test`);
  }

  private packagesByPath: Map<string, PackageInfo> | null = null;
  private packageByPath(path: string): PackageInfo | null {
    if (!this.packagesByPath) this.packagesByPath = new Map(this.program.packages.map((p) => [p.importPath, p]));
    return this.packagesByPath.get(path) ?? null;
  }

  /** The contexts reaching fn that can hold an object of the type at all (see objectLabels),
   * as limitContexts would cut them: the same list, but a context is asked only until the
   * cut is known (goroutines first once there are more than MAX_CONTEXTS). */
  private contextsSeeing(fn: FuncInfo, typeKey: string): GoroutineContext[] {
    let byType = this.seeingCache.get(fn.id);
    if (!byType) {
      byType = new Map();
      this.seeingCache.set(fn.id, byType);
    }
    let hit = byType.get(typeKey);
    if (!hit) {
      // A closure that uses a T captured from the function around it (`t.Cleanup(func()
      // { ... f.got ... })`) holds that T in whatever context runs it.
      // So does a function that gets its T from a channel (`r := <-out`, `sum.add(<-out)`):
      // the object a goroutine sent.
      const closes = this.closesOver(fn, typeKey).length > 0 || this.receivesHeld(fn, typeKey);
      const sees = (c: GoroutineContext): boolean => { if (closes && !c.spawned) return true; const l = this.objectLabels(c, typeKey); return l.any || l.all.size > 0; };
      const all = this.contextsOf(fn);
      // Goroutines seeing T, in order, until one more than the cut.
      const spawned: GoroutineContext[] = [];
      for (const c of all) if (c.spawned && sees(c) && spawned.push(c) > MAX_CONTEXTS) break;
      if (spawned.length > MAX_CONTEXTS) hit = spawned.slice(0, MAX_CONTEXTS);
      else {
        const rest: GoroutineContext[] = [];
        for (const c of all) if (!c.spawned && sees(c) && spawned.length + rest.push(c) > MAX_CONTEXTS) break;
        // At most the cut: all of them in their own order, as limitContexts leaves them.
        hit = spawned.length + rest.length > MAX_CONTEXTS ? [...spawned, ...rest].slice(0, MAX_CONTEXTS) : all.filter((c) => spawned.includes(c) || rest.includes(c));
      }
      byType.set(typeKey, hit);
    }
    return hit;
  }

  /** fn has a parameter of a type holding a T that every call passes a receive for, or a
   * local defined by a receive of one. */
  private receivesHeld(fn: FuncInfo, typeKey: string): boolean {
    if (fn.params.some((q) => this.heldTypes(q.type).has(typeKey) && this.paramReceived(q))) return true;
    for (const v of fn.body ? this.varsMentioned(fn.body) : []) {
      if (v.scope !== 'local' || v.func !== fn || !this.heldTypes(v.type).has(typeKey)) continue;
      const d = singleDefinition(this.program, v);
      const x = d ? unparen(d) : null;
      if (x?.kind === 'UnaryExpr' && x.op === '<-') return true;
    }
    return false;
  }

  private readonly chanCarryCache = new Map<string, string[]>();

  /** Keys of the channels whose elements hold a T. */
  private channelsCarrying(typeKey: string): string[] {
    let hit = this.chanCarryCache.get(typeKey);
    if (hit) return hit;
    hit = [];
    for (const [k, list] of this.accessesByKey) {
      if (!k.startsWith('chan:')) continue;
      const a = list.find((x) => x.kind === 'send');
      const t = a ? (a.place.path.length ? a.place.field?.type : a.place.root?.type) : undefined;
      const u = t ? underlying(t) : null;
      if (u?.kind === 'chan' && this.heldTypes(u.elem).has(typeKey)) hit.push(k);
    }
    this.chanCarryCache.set(typeKey, hit);
    return hit;
  }

  /** Goroutine x sends Ts on a channel that context y receives from: the objects sent are
   * the ones y gets (`out <- res` in a step's goroutine, `sum.add(<-out)` in the caller). */
  private channelShares(x: GoroutineContext, y: GoroutineContext, typeKey: string): boolean {
    // (A caller's own sends count too when a goroutine receives them: `ch <- &e` to workers.)
    if (!x.spawned && !y.spawned) return false;
    return this.channelsCarrying(typeKey).some((k) => {
      const list = this.accessesByKey.get(k) ?? [];
      return list.some((a) => a.kind === 'send' && this.reach.reaches(a.fn, x.id)) && list.some((a) => a.kind === 'recv' && this.reach.reaches(a.fn, y.id));
    });
  }

  /** For a function literal, the enclosing functions whose variables holding a T it uses. */
  private closesOver(fn: FuncInfo, typeKey: string): FuncInfo[] {
    if (fn.node.kind !== 'FuncLit' || !fn.body) return [];
    const out = new Set<FuncInfo>();
    walkKinds(fn.body, IDENTS, (m) => {
      if (m.kind !== 'Ident') return undefined;
      const o = this.program.objectOf(m);
      if (o?.kind === 'var' && (o.scope === 'local' || o.scope === 'param' || o.scope === 'recv') && o.func && !inside(o.func, fn) && this.heldTypes(o.type).has(typeKey)) out.add(o.func);
      return undefined;
    });
    return [...out];
  }

  /** Access a is made, in the function that declares the variable, on a variable whose
   * object goroutine y was started with (`go sh.compact()` taking &sh): both hold it. */
  private spawnerVarShares(a: Access, an: Anchor | null, y: GoroutineContext, typeKey: string): boolean {
    const v = an?.alsoVar;
    return !!v && a.fn === v.func && y.spawner === v.func && this.objectLabels(y, typeKey).all.has(`var:${v.id}`);
  }

  /** Access a runs in single context x inside a closure over a T from a function whose
   * call started goroutine y: both hold that call's T (`f := &sink{}; go loop(f);
   * t.Cleanup(func() { ... f.got ... })`). */
  private closureShares(a: Access, x: GoroutineContext, y: GoroutineContext, typeKey: string): boolean {
    return !x.spawned && y.spawned && this.closesOver(a.fn, typeKey).some((d) => this.startedDuring(y, d));
  }

  contextsOf(fn: FuncInfo): GoroutineContext[] {
    let hit = this.contextsCache.get(fn);
    if (!hit) {
      hit = Array.from(this.reach.contextIdsOf(fn), (id) => this.contexts[id]!);
      this.contextsCache.set(fn, hit);
    }
    return hit;
  }

  /**
   * Root-to-fn call chain within a context. Where fn is called from several places, the
   * chain follows the callers holding the fewest locks at the call: the way the access
   * is least protected is the one a finding is about.
   */
  witness(ctx: GoroutineContext, fn: FuncInfo, avoid?: ReadonlySet<string>): FuncInfo[] {
    const free = this.lockFreeChain(ctx, fn) ?? (avoid?.size ? this.lockFreeChain(ctx, fn, avoid) : null);
    if (free) return free;
    const chain: FuncInfo[] = [fn];
    const onChain = new Set<FuncInfo>(chain);
    for (let cur = fn, i = 0; i < 32 && !ctx.roots.includes(cur); i++) {
      const next = this.leastLockedCaller(ctx, cur, onChain);
      if (!next) break;
      chain.unshift(next);
      onChain.add(next);
      cur = next;
    }
    return ctx.roots.includes(chain[0]!) ? chain : this.firstChain(ctx, fn);
  }

  /**
   * The shortest root-to-fn chain in ctx on which no call is made with a lock held (with
   * `avoid`: none of those locks), or null. Picking the least-locked caller step by step
   * can walk into a locked way further up (`idToType` reached through `gobType` from a
   * caller holding `typeLock`) while an unguarded way exists through another caller (the
   * decoder's, under its own `dec.mutex`): the chain shown must be the way the access is
   * reported as unprotected.
   */
  private lockFreeChain(ctx: GoroutineContext, fn: FuncInfo, avoid?: ReadonlySet<string>): FuncInfo[] | null {
    const blocks = (locks: readonly HeldLock[] | undefined): boolean => !!locks?.length && (!avoid || locks.some((l) => avoid.has(l.key)));
    if (ctx.roots.includes(fn)) return [fn];
    const next = new Map<FuncInfo, FuncInfo>([[fn, fn]]);
    let frontier = [fn];
    for (let depth = 0; depth < 32 && frontier.length && next.size < 4096; depth++) {
      const upper: FuncInfo[] = [];
      for (const cur of frontier) {
        for (const e of this.callgraph.callers(cur)) {
          if (next.has(e.caller) || !this.reach.reaches(e.caller, ctx.id)) continue;
          if (blocks(this.funcFacts.get(e.caller)?.locksAtCall.get(e.call)) || blocks(this.handOffLocks(e, cur))) continue;
          next.set(e.caller, cur);
          if (ctx.roots.includes(e.caller)) {
            const chain = [e.caller];
            for (let f = e.caller; f !== fn; ) chain.push((f = next.get(f)!));
            return chain;
          }
          upper.push(e.caller);
        }
      }
      frontier = upper;
    }
    return null;
  }

  /** The chain along which the context first reached fn. */
  private firstChain(ctx: GoroutineContext, fn: FuncInfo): FuncInfo[] {
    const chain: FuncInfo[] = [fn];
    let cur: FuncInfo | null | undefined = fn;
    for (let i = 0; i < 32; i++) {
      cur = this.reach.parentIn(cur!, ctx.id);
      if (!cur) break;
      chain.unshift(cur);
    }
    return chain;
  }

  /** The caller of fn in ctx holding the fewest locks at the call; the first-found caller
   * on ties. */
  private leastLockedCaller(ctx: GoroutineContext, fn: FuncInfo, onChain: Set<FuncInfo>): FuncInfo | null {
    const first = this.reach.parentIn(fn, ctx.id) ?? null;
    const held = (e: CallEdge): number => this.locksAlong(e, this.contextEntryLocks(ctx, e.caller) ?? [], fn).length;
    let best: FuncInfo | null = first && !onChain.has(first) ? first : null;
    let bestLocks = Infinity;
    if (best) for (const e of this.callgraph.callers(fn)) if (e.caller === best) bestLocks = Math.min(bestLocks, held(e));
    if (bestLocks === 0) return best;
    for (const e of this.callgraph.callers(fn)) {
      if (e.caller === best || onChain.has(e.caller) || !this.reach.reaches(e.caller, ctx.id)) continue;
      const n = held(e);
      if (n < bestLocks) { best = e.caller; bestLocks = n; }
      if (bestLocks === 0) break;
    }
    return best;
  }

  // ---------------------------------------------------------------- locks

  /** Locks held when a function starts: those held at every call site (callers' own
   * entry locks included), mapped onto the callee's receiver or parameters. */
  private computeEntryLocks(): void {
    const roots = new Set<FuncInfo>();
    for (const c of this.contexts) for (const r of c.roots) roots.add(r);
    const order = this.program.funcs;
    const TOP = null;
    const state = new Map<FuncInfo, HeldLock[] | null>();
    for (const f of order) state.set(f, roots.has(f) || this.callgraph.callers(f).length === 0 ? [] : TOP);
    for (let round = 0; round < 6; round++) {
      let changed = false;
      for (const f of order) {
        if (roots.has(f)) continue;
        const edges = this.callgraph.callers(f);
        if (!edges.length) continue;
        let acc: HeldLock[] | null = TOP;
        for (const e of edges) {
          const callerEntry = state.get(e.caller);
          if (callerEntry === undefined || callerEntry === TOP) continue;
          const held = this.locksAlong(e, callerEntry, f);
          acc = acc === TOP ? held : intersectLocks(acc, held);
        }
        const prev = state.get(f);
        if (acc !== TOP && (prev === TOP || prev === undefined || prev.length !== acc.length)) {
          state.set(f, acc);
          changed = true;
        }
      }
      if (!changed) break;
    }
    for (const [f, s] of state) this.entryLockSets.set(f, s ?? []);
  }

  /**
   * A literal handed to a module function (`withLock(&p.mu, func() {...})`) runs inside
   * it, under the locks it holds where it calls that parameter: those locks, named as the
   * caller's arguments name them (`p.mu`), are held on the edge into the literal.
   */
  private handOffLocks(e: CallEdge, f: FuncInfo): HeldLock[] {
    if (f.node.kind !== 'FuncLit' || e.caller !== f.parent) return [];
    const i = e.call.args.findIndex((x) => unparen(x) === f.node);
    if (i < 0) return [];
    const t = staticTarget(calleeOf(this.program, e.call));
    const param = t?.params[i];
    const tf = t ? this.funcFacts.get(t) : undefined;
    if (!t || !param || !tf) return [];
    let held: HeldLock[] | null = null;
    for (const [call, locks] of tf.locksAtCall) {
      const fun = unparen(call.fun);
      if (fun.kind !== 'Ident' || this.program.objectOf(fun) !== param) continue;
      held = held === null ? locks : held.filter((h) => locks.some((l) => l.key === h.key && l.mode === h.mode));
    }
    if (!held) return [];
    const out: HeldLock[] = [];
    for (const h of held) {
      const pi = h.root ? t.params.indexOf(h.root) : -1;
      if (h.global) { out.push(h); continue; }
      if (pi < 0 || h.ownerPath.length || !e.call.args[pi]) continue;
      const l = this.lockerArg(e.call.args[pi]!);
      if (l) out.push({ ...h, ...l, mode: l.mode === 'r' ? 'r' : h.mode });
    }
    return out;
  }

  /**
   * The mutex a sync.Locker argument locks, named as a Lock call on it would name it:
   * `&p.mu`, `rs.closemu.RLocker()` (its read lock), a struct embedding the mutex (`dc`).
   */
  private lockerArg(e: ast.Expr): Pick<HeldLock, 'key' | 'root' | 'ownerPath' | 'global' | 'text'> & { mode?: 'r' } | null {
    let arg = unparen(e);
    let mode: 'r' | undefined;
    if (arg.kind === 'CallExpr' && !arg.args.length && isMethodCall(calleeOf(this.program, arg), 'sync', 'RWMutex', 'RLocker')) {
      const f = unparen(arg.fun);
      if (f.kind !== 'SelectorExpr') return null;
      arg = unparen(f.x);
      mode = 'r';
    }
    if (arg.kind === 'UnaryExpr' && arg.op === '&') arg = unparen(arg.x);
    const p = placeOf(this.program, arg);
    if (!p?.key) return null;
    const global = p.root?.scope === 'pkg';
    // A struct that embeds its mutex: `dc.Lock()` names the promoted field.
    const t = this.program.typeOf(arg);
    const named = t.kind === 'pointer' ? t.elem : t;
    const sel = named.kind === 'named' && underlying(named).kind === 'struct' ? this.program.lookup(t, 'Lock') : null;
    if (sel?.kind === 'method' && sel.path.length && named.kind === 'named') {
      return { key: `field:${named.decl.pkgPath}.${named.decl.name}.${sel.path.join('.')}`, root: p.root, ownerPath: p.path, global, text: [exprText(arg), ...sel.path].join('.'), mode };
    }
    return { key: p.key, root: p.root, ownerPath: p.path.slice(0, -1), global, text: exprText(arg), mode };
  }

  locksOf(a: Access): HeldLock[] {
    const entry = this.entryLockSets.get(a.fn) ?? [];
    return entry.length ? [...entry.filter((e) => !a.locks.some((l) => l.key === e.key)), ...a.locks] : a.locks;
  }

  /**
   * Locks held on entry to fn on every way context c calls it: the locks its callers in c
   * hold at the call (and on their own entry), moved into fn's frame. Unlike the entry
   * locks over all callers, a helper called under its owner's lock by this goroutine counts
   * as locked here even when other callers call it bare.
   */
  private contextEntryLocks(c: GoroutineContext, fn: FuncInfo, visiting = new Set<FuncInfo>(), depth = 0): HeldLock[] | null {
    const key = `${c.id}|${fn.id}`;
    const hit = this.contextLockCache.get(key);
    if (hit) return hit;
    if (c.roots.includes(fn)) return [];
    if (visiting.has(fn)) return null; // a cycle: decided by the other ways in
    if (depth > MAX_CHAIN) return this.entryLockSets.get(fn) ?? [];
    visiting.add(fn);
    let acc: HeldLock[] | null = null;
    for (const e of this.callgraph.callers(fn)) {
      if (!this.reach.reaches(e.caller, c.id)) continue;
      const callerEntry = this.contextEntryLocks(c, e.caller, visiting, depth + 1);
      if (callerEntry === null) continue;
      const held = this.locksAlong(e, callerEntry, fn);
      acc = acc === null ? held : intersectLocks(acc, held);
      if (!acc.length) break;
    }
    visiting.delete(fn);
    const out = acc ?? this.entryLockSets.get(fn) ?? [];
    if (visiting.size === 0 || acc !== null) this.contextLockCache.set(key, out);
    return out;
  }

  /** Locks held on entry to callee through call edge e: the caller's entry locks and those
   * it holds at the call (or that a helper holds around a literal it was handed), moved
   * into the callee's frame. */
  private locksAlong(e: CallEdge, callerEntry: HeldLock[], callee: FuncInfo): HeldLock[] {
    const here = [...(this.funcFacts.get(e.caller)?.locksAtCall.get(e.call) ?? []), ...this.handOffLocks(e, callee)];
    return mapIntoCallee([...callerEntry, ...here.filter((h) => !callerEntry.some((x) => x.key === h.key))], e.call, callee, this.program);
  }

  /**
   * The lock sets above intersect every way a context calls a function: a helper that one
   * caller runs under `t.connsPerHostMu` and another under `t.idleMu` counts as holding
   * neither. Here each way in is kept apart, with where the object the access touches
   * comes from on it (`t.connsPerHostWait[key]`, `t.idleLRU`): every pair of ways that may
   * meet on one object must hold a common lock. Bounded; false when too many ways.
   */
  private lockedOnEveryPath(a: Access, x: GoroutineContext, b: Access, y: GoroutineContext): boolean {
    // Cheap first: some lock must be held on some way into both.
    const ka = this.mayHold(a);
    const kb = this.mayHold(b);
    if (ka !== MANY && kb !== MANY && ![...ka].some((k) => kb.has(k))) return false;
    const va = this.accessVariants(a, x);
    const vb = va && this.accessVariants(b, y);
    if (!va || !vb) return false;
    for (const p of va) {
      for (const q of vb) {
        // Two struct values held in different places are two objects; pointers held in
        // different places may still point to one.
        if (p.origin?.startsWith('v:') && q.origin?.startsWith('v:') && p.origin !== q.origin) continue;
        if (!this.commonOf(a, mergeLocks(this.locksOf(a), p.locks), b, mergeLocks(this.locksOf(b), q.locks))) return false;
      }
    }
    return true;
  }

  /**
   * A mutex declared in a function D (`var mu sync.Mutex` in Pull, locked by the
   * goroutines Pull starts) is a new mutex on each call of D: it orders the goroutines
   * of one call, not those of two calls running at once on the same object (two Pulls of
   * one Folder, each with its own mu around f.stats). Returns D when both
   * goroutines are started by D's code and D can run twice at once holding the same object.
   */
  private perCallLock(l: HeldLock, x: GoroutineContext, y: GoroutineContext, selfType: string | null): FuncInfo | null {
    if (l.global || l.ownerPath.length || !l.key.startsWith('var:') || !x.spawner || !y.spawner) return null;
    // A lock a caller holds comes into its callees without its variable: find the
    // variable among those the starting function names.
    const d = l.root ?? this.varsMentioned(x.spawner.node).find((v) => v.scope !== 'pkg' && varKey(v) === l.key);
    if (!d || d.scope !== 'local' || !d.func || varKey(d) !== l.key) return null;
    const decl = d.func;
    if (!inside(x.spawner, decl) || !inside(y.spawner, decl)) return null;
    const outer = limitContexts(this.contextsOf(decl));
    for (let i = 0; i < outer.length; i++) {
      for (let j = i; j < outer.length; j++) {
        const c1 = outer[i]!;
        const c2 = outer[j]!;
        if (c1 === c2 ? !c1.multi : !mayRunConcurrently(c1, c2) || !this.shareProgram(c1, c2)) continue;
        if (!selfType || this.sharesObject(c1, c2, selfType)) return decl;
      }
    }
    return null;
  }

  /**
   * Both accesses take the very same mutex: one named by their own receiver or parameter
   * that, on every way goroutine c calls them, is its spawner's own receiver or parameter
   * captured by the goroutine (`go func() { d.dwUnitPortion(...) }()` in a method of d):
   * one object for all of c's goroutines, whatever the lock guards.
   */
  private oneLockInstance(a: Access, b: Access, c: GoroutineContext): boolean {
    const singleton = (acc: Access, l: HeldLock): string | null => {
      const r = l.root;
      if (!r || l.global) return null;
      if (r.func !== acc.fn) return isParamOrRecv(r) && r.func && isAncestor(r.func, acc.fn) ? `captured:${r.id}|${l.key}` : null;
      if (!isParamOrRecv(r)) return null;
      const vs = this.pathVariants(c, acc.fn, r, 0, new Set())?.variants;
      if (!vs?.length) return null;
      const o = vs[0]!.origin;
      return o?.startsWith('captured:') && vs.every((v) => v.origin === o) ? `${o}|${l.key}` : null;
    };
    for (const l of a.locks) {
      const m = b.locks.find((h) => h.key === l.key && !(h.mode === 'r' && l.mode === 'r' && (a.kind !== 'read' || b.kind !== 'read')));
      if (!m) continue;
      const s = singleton(a, l);
      if (s && s === singleton(b, m)) return true;
    }
    return false;
  }

  /** The keys of the locks that may be held at a on some way into its function (MANY:
   * too many to list). */
  private mayHold(a: Access): ReadonlySet<string> | typeof MANY {
    if (!this.mayLocks) this.mayLocks = this.computeMayLocks();
    const m = this.mayLocks.get(a.fn);
    if (m === MANY) return MANY;
    if (!a.locks.length) return m ?? EMPTY_KEYS;
    return new Set([...(m ?? []), ...a.locks.map((l) => l.key)]);
  }

  /** For each function, the union of the locks its callers may hold when they call it
   * (their own entry included), over every caller. */
  private computeMayLocks(): Map<FuncInfo, Set<string> | typeof MANY> {
    const out = new Map<FuncInfo, Set<string> | typeof MANY>();
    const queue: FuncInfo[] = [];
    const add = (f: FuncInfo, keys: Iterable<string> | typeof MANY): void => {
      let cur = out.get(f);
      if (cur === MANY) return;
      let grew = false;
      if (keys === MANY) { out.set(f, MANY); queue.push(f); return; }
      for (const k of keys) {
        if (!cur) { cur = new Set(); out.set(f, cur); }
        if (cur.has(k)) continue;
        cur.add(k);
        grew = true;
      }
      if (cur && cur.size > MAX_MAY_LOCKS) out.set(f, MANY);
      if (grew) queue.push(f);
    };
    // Seeds: calls made while holding a lock, and literals run under a helper's lock.
    for (const [caller, ff] of this.funcFacts) {
      for (const e of this.callgraph.out.get(caller) ?? []) {
        const here = ff.locksAtCall.get(e.call);
        for (const t of e.targets) {
          if (here?.length) add(t, here.map((h) => h.key));
          if (t.node.kind === 'FuncLit' && t.parent === caller) {
            const h = this.handOffLocks(e, t);
            if (h.length) add(t, h.map((x) => x.key));
          }
        }
      }
    }
    while (queue.length) {
      const f = queue.pop()!;
      const keys = out.get(f)!;
      for (const e of this.callgraph.out.get(f) ?? []) for (const t of e.targets) add(t, keys);
    }
    return out;
  }

  private accessVariants(a: Access, c: GoroutineContext): LockVariant[] | null {
    const r = a.place.root;
    const tracked = r && isParamOrRecv(r) && r.func === a.fn ? r : null;
    const out = this.pathVariants(c, a.fn, tracked, 0, new Set())?.variants ?? null;
    if (!out || tracked) return out;
    const origin = r?.scope === 'pkg' ? varKey(r) : null;
    return out.map((v) => ({ ...v, origin }));
  }

  /**
   * The ways context c enters fn, each with the locks held on entry (in fn's frame) and,
   * when obj (a receiver or parameter of fn) is given, where the object in it comes from
   * on that way (null: unknown). `cut`: a caller was skipped as a cycle (not cached).
   */
  private pathVariants(c: GoroutineContext, fn: FuncInfo, obj: VarObj | null, depth: number, visiting: Set<FuncInfo>): { variants: LockVariant[]; cut: boolean } | null {
    const key = `${c.id}|${fn.id}|${obj?.id ?? '-'}`;
    const hit = this.variantCache.get(key);
    if (hit !== undefined) return hit && { variants: hit, cut: false };
    if (c.roots.includes(fn)) return { variants: [{ locks: [], origin: null }], cut: false };
    if (depth >= PATH_DEPTH) return { variants: [{ locks: this.contextEntryLocks(c, fn) ?? [], origin: null }], cut: false };
    visiting.add(fn);
    const out: LockVariant[] = [];
    const seen = new Set<string>();
    let cut = false;
    let failed = false;
    for (const e of this.callgraph.callers(fn)) {
      if (!this.reach.reaches(e.caller, c.id)) continue;
      if (visiting.has(e.caller)) { cut = true; continue; }
      const site = obj ? this.siteOrigin(e, fn, obj) : { next: null, origin: null };
      const above = this.pathVariants(c, e.caller, site.next, depth + 1, visiting);
      if (!above) { failed = true; break; }
      cut ||= above.cut;
      const here = [...(this.funcFacts.get(e.caller)?.locksAtCall.get(e.call) ?? []), ...this.handOffLocks(e, fn)];
      for (const v of above.variants) {
        const locks = mapIntoCallee(mergeLocks(v.locks, here), e.call, fn, this.program);
        const origin = obj && site.next ? v.origin : site.origin;
        const sig = `${origin ?? ''}|${locks.map((l) => l.key + l.mode).sort().join(',')}`;
        if (seen.has(sig)) continue;
        seen.add(sig);
        out.push({ locks, origin });
      }
      if (out.length > MAX_VARIANTS) { failed = true; break; }
    }
    visiting.delete(fn);
    if (failed) {
      this.variantCache.set(key, null);
      return null;
    }
    if (!out.length) out.push({ locks: this.contextEntryLocks(c, fn) ?? [], origin: null });
    if (!cut) this.variantCache.set(key, out);
    return { variants: out, cut };
  }

  /** Where the object that call edge e hands callee as obj comes from in the caller: the
   * caller's own receiver or parameter to follow further up (next), or the field, package
   * variable or map the caller took it from (origin; null when unknown). */
  private siteOrigin(e: CallEdge, callee: FuncInfo, obj: VarObj): { next: VarObj | null; origin: string | null } {
    let arg: ast.Expr | undefined;
    const fun = unparen(e.call.fun);
    if (obj === callee.recv) arg = fun.kind === 'SelectorExpr' ? fun.x : undefined;
    else {
      const i = callee.params.indexOf(obj);
      arg = i >= 0 && !(callee.sig.variadic && i === callee.params.length - 1) ? e.call.args[i] : undefined;
    }
    if (!arg) return { next: null, origin: null };
    const at = stripAddress(arg);
    const p = placeOf(this.program, at);
    if (!p?.root) return { next: null, origin: null };
    // `v:` marks a struct held by value there (see lockedOnEveryPath).
    const kind = isStructValue(this.program.typeOf(at)) ? 'v:' : 'p:';
    if (p.path.length || p.root.scope === 'pkg') return { next: null, origin: kind + p.key };
    if (isParamOrRecv(p.root) && p.root.func === e.caller) return { next: p.root, origin: null };
    // The receiver or a parameter of a function around a literal: one variable for every
    // goroutine that literal starts.
    if (isParamOrRecv(p.root) && p.root.func && isAncestor(p.root.func, e.caller)) return { next: null, origin: `captured:${p.root.id}` };
    if (p.root.scope !== 'local') return { next: null, origin: null };
    // A local: the field or variable its one value comes from (`q := t.connsPerHostWait[key]`).
    const d = singleDefinition(this.program, p.root);
    if (!d) return { next: null, origin: null };
    let x = stripAddress(d);
    while (x.kind === 'IndexExpr' || x.kind === 'StarExpr') x = unparen(x.x);
    const q = placeOf(this.program, x);
    if (q?.key && q.root && (q.path.length || q.root.scope === 'pkg')) return { next: null, origin: kind + q.key };
    if (isAllocation(d)) return { next: null, origin: `alloc:${p.root.id}` };
    return { next: null, origin: null };
  }

  /** Locks held at an access when context c runs it. */
  locksIn(a: Access, c: GoroutineContext): HeldLock[] {
    const entry = this.contextEntryLocks(c, a.fn) ?? [];
    return mergeLocks(this.locksOf(a), entry);
  }

  /** A lock both accesses hold that excludes them from each other, or null. */
  commonLock(a: Access, b: Access, pair?: ConcurrentPair): HeldLock | null {
    const skip = pair?.perCallLocks;
    return this.commonOf(a, this.locksOf(a), b, this.locksOf(b), skip ? (l) => skip.some((p) => p.key === l.key) : undefined);
  }

  private commonOf(a: Access, la: HeldLock[], b: Access, lb: HeldLock[], skip?: (l: HeldLock) => boolean): HeldLock | null {
    for (const x of la) {
      const y = lb.find((l) => l.key === x.key);
      if (!y || skip?.(x)) continue;
      if (x.mode === 'r' && y.mode === 'r' && (a.kind === 'write' || b.kind === 'write' || a.kind === 'map-write' || b.kind === 'map-write' || a.kind === 'close' || b.kind === 'close')) continue;
      if (this.protects(x, a) && this.protects(y, b)) return x;
    }
    return null;
  }

  /**
   * Whether a held lock guards the object an access touches. A package-level mutex
   * guards everything; a mutex reached from a variable guards what is reached from that
   * same variable, or from data read out of it. A receiver's mutex does not guard an
   * object obtained by calling out (a shared cache, a registry): every receiver would
   * have its own lock around the same shared state.
   */
  private protects(l: HeldLock, a: Access): boolean {
    // A mutex variable (not a field of some object) is one instance: it guards whatever
    // is done under it.
    if (l.global || !l.root || !l.key.startsWith('field:')) return true;
    const root = a.place.root;
    if (!root) return false;
    if (root === l.root) return true;
    if (root.scope === 'pkg') return false;
    if (this.derivedFrom(root, l.root, 0)) return true;
    // A receiver's mutex protects that receiver's fields: holding `a.mu` does not guard
    // `b.f` for another parameter b of the same type (`a.transferTo(b)` locks only a;
    // b's own methods lock b).
    if (!l.ownerPath.length && l.root.func === root.func && isParamOrRecv(l.root) && isParamOrRecv(root) && sameNamedType(l.root.type, root.type)) return false;
    // Nor does an element's own mutex guard its holder: `c.Lock(); d.byName[c.Name] = c`
    // where d's type holds Cs and a C holds no d. Each element locks its own mutex.
    if (!l.ownerPath.length && l.root.func === root.func && isParamOrRecv(l.root) && isParamOrRecv(root) && this.elementOf(l.root.type, root.type)) return false;
    // An object fetched by calling out (a shared cache, a pool, a registry) is not the lock
    // owner's: every owner would lock its own mutex around the same object.
    const origin = root.scope === 'local' ? singleDefinition(this.program, root) : null;
    // Unless it is the lock owner's own method handing out what it holds (`for _, s :=
    // range st.snapshot()` with st.mu held): the owner's objects, under the owner's lock.
    if (origin && isCallResult(origin)) return this.ownGetterCall(origin, l.root);
    return true;
  }

  /** e is a call of a method of the module on owner itself (`st.snapshot()`), whose
   * every return hands out what the receiver holds (see handedOut). */
  private ownGetterCall(e: ast.Expr, owner: VarObj): boolean {
    const x = unparen(e);
    if (x.kind !== 'CallExpr') return false;
    const f = unparen(x.fun);
    if (f.kind !== 'SelectorExpr' || unparen(f.x).kind !== 'Ident' || this.program.objectOf(unparen(f.x) as ast.Ident) !== owner) return false;
    if (handedOut(this.program, x)) return true;
    // `out := make(...); for _, s := range st.sessions { out = append(out, s) }; return out`.
    const c = calleeOf(this.program, x);
    const m = c?.kind === 'method' ? c.sel.method.info : null;
    if (!m?.body || !m.recv) return false;
    let ok = true;
    let any = false;
    walkKinds(m.body, RETURNS, (n) => {
      if (n.kind !== 'ReturnStmt' || !ok) return false;
      const r = n.results[0] ? unparen(n.results[0]) : null;
      const v = r?.kind === 'Ident' ? this.program.objectOf(r) : null;
      if (v?.kind !== 'var' || this.snapshotOf(v)?.root !== m.recv) ok = false;
      else any = true;
      return undefined;
    });
    return ok && any;
  }

  /** A value of type el is one of the objects a value of type holder holds (in a field or
   * a collection), and el holds no holder: el is an element, not the owner. */
  private elementOf(el: Type, holder: Type): boolean {
    const e = el.kind === 'pointer' ? el.elem : el;
    const h = holder.kind === 'pointer' ? holder.elem : holder;
    if (e.kind !== 'named' || h.kind !== 'named' || e.decl === h.decl) return false;
    const ek = `${e.decl.pkgPath}.${e.decl.name}`;
    const hk = `${h.decl.pkgPath}.${h.decl.name}`;
    return this.heldTypes(holder).has(ek) && !this.heldTypes(el, true).has(hk);
  }

  private derivedFrom(v: VarObj, from: VarObj, depth: number): boolean {
    if (depth > 4) return false;
    const e = singleDefinition(this.program, v);
    if (!e) return false;
    let x = unparen(e);
    for (;;) {
      if (x.kind === 'SelectorExpr' || x.kind === 'IndexExpr' || x.kind === 'StarExpr') { x = unparen(x.x); continue; }
      if (x.kind === 'UnaryExpr' && x.op === '&') { x = unparen(x.x); continue; }
      if (x.kind === 'TypeAssertExpr') { x = unparen(x.x); continue; }
      break;
    }
    if (x.kind !== 'Ident') return false; // a call: not data held by the lock's owner
    const o = this.program.objectOf(x);
    if (o?.kind !== 'var') return false;
    if (o === from) return true;
    return this.derivedFrom(o, from, depth + 1);
  }

  // ---------------------------------------------------------------- ordering

  /**
   * Pairs of contexts in which the two accesses may run at the same time with no
   * ordering between them; the first such pair, or null.
   */
  concurrentPair(a: Access, b: Access, opts: { anyOrder?: boolean } = {}): ConcurrentPair | null {
    if (a.confined || b.confined) return null;
    // Files that never build for the same platform never run in one program.
    if (!shareTarget(a.fn, b.fn)) return null;
    const objectKey = isObjectKey(a.key);
    const anchorA = objectKey ? this.anchorOf(a) : null;
    const anchorB = objectKey ? this.anchorOf(b) : null;
    if (objectKey && (!anchorA || !anchorB || !sameAnchor(anchorA, anchorB) || (anchorA.published && anchorB.published))) return null;
    const declaring = localDeclaring(a);
    if (declaring && ((!inside(a.fn, declaring) && !passedChannels.has(a)) || (!inside(b.fn, declaring) && !passedChannels.has(b)))) return null;
    // A captured pointer's object met by a method of its type: the object is seen as a T.
    const selfType = anchorA?.selfType ?? anchorB?.selfType ?? null;
    const ca = limitContexts(selfType ? this.contextsSeeing(a.fn, selfType) : this.contextsOf(a.fn));
    const cb = limitContexts(selfType ? this.contextsSeeing(b.fn, selfType) : this.contextsOf(b.fn));
    // Two accesses run at the same time only if one of them runs on a goroutine of its
    // own (or in a context that runs many at once).
    if (!ca.some((c) => c.spawned || c.multi) && !cb.some((c) => c.spawned || c.multi)) return null;
    // Written, then published by setting an atomic flag the other side checks first.
    if (!opts.anyOrder && (this.publication.ordered(a, b) || this.publication.ordered(b, a))) return null;
    let best: ConcurrentPair | null = null;
    const ctxValue = a.key.startsWith('map:ctxvalue:');
    // Code a parallel test runs before its t.Parallel() call runs in its parent's turn.
    const ra = this.runnersOf(a.fn, a.span, ca, selfType);
    const rb = this.runnersOf(b.fn, b.span, cb, selfType);
    for (const rx of ra) {
      const { c: x, seq: xs } = rx;
      for (const ry of rb) {
        const { c: y, seq: ys } = ry;
        if ((xs || ys) && !this.meetsSequentialPart(xs ? x : y, xs ? y : x, xs && ys)) continue;
        // The copies of one goroutine, one per subscriber, each get the object a loop
        // broadcasts to every subscriber's channel. Each copy may run another handler
        // (`s.h(m)`): one function meets itself only when every copy runs it (the root).
        const fanout = x === y && !!selfType && x.spawned && (a.fn !== b.fn || x.roots.includes(a.fn)) && this.broadcastLabels(x, selfType).fanout;
        // Copies of a goroutine restarted by calls in a loop, running one closure their
        // shared object holds (see heldClosureShared).
        const heldRestart = x === y && !x.multi && !!declaring && this.heldClosureShared(a.fn, b.fn, declaring, x, y);
        if (!mayRunConcurrently(x, y) && !fanout && !heldRestart) continue;
        // A map kept in a context value is one map only for goroutines a function starts
        // with its context (`go func() { search(ctx, sh) }()`): each request of a handler,
        // or each caller of the API, has a context (and map) of its own.
        if (ctxValue && (!this.startedWithContext(x) || !this.startedWithContext(y))) continue;
        if (!this.shareProgram(x, y)) continue;
        if (!this.startedWithin(x, y) || !this.startedWithin(y, x)) continue;
        // Each call of a function has its own locals: two goroutines share a captured
        // variable only when one of them was started by the call that declared it.
        // Except the requests of one handler closure (`return http.HandlerFunc(func(w, r)
        // { seq++ })`): made once by that call, it serves them all with its variables.
        // Nor a closure made by one call and kept (`next := newTicketer()`): the goroutines
        // started by the call that keeps it share it, and its variables.
        if (declaring && !this.startedDuring(x, declaring) && !this.startedDuring(y, declaring) && !(x === y && (oneClosureServes(x, declaring, this.callgraph) || this.loopStartedDuring(x, declaring))) && !this.keptClosureShared(a.fn, declaring, x, y) && !this.handedClosureShared(a.fn, x, b.fn, b.span, y, declaring) && !this.handedClosureShared(b.fn, y, a.fn, a.span, x, declaring) && !this.storedCallbackShared(a.fn, b.fn, declaring, x, y) && !this.heldClosureShared(a.fn, b.fn, declaring, x, y)) continue;
        const owner = anchorA?.declaring ?? anchorB?.declaring ?? null;
        if (owner && !this.startedDuring(x, owner) && !this.startedDuring(y, owner) && !(x === y && this.loopStartedDuring(x, owner)) && !(this.closureStoredBy(owner).length && this.keptClosureShared(a.fn, owner, x, y) && this.keptClosureShared(b.fn, owner, x, y))) continue;
        // An object reached from a receiver is shared only when both goroutines can hold
        // the same one: see sharesObject.
        // A closure run by a single goroutine holds the T it captured (see contextsSeeing).
        const closure = !!selfType && (this.closureShares(a, x, y, selfType) || this.closureShares(b, y, x, selfType) || this.spawnerVarShares(a, anchorA, y, selfType) || this.spawnerVarShares(b, anchorB, x, selfType));
        if (selfType && !closure && !this.sharesObject(x, y, selfType)) continue;
        // A finalizer runs once its object is unreachable: no other goroutine still holds
        // the objects it reaches through that object.
        if (selfType && (x.finalizer || y.finalizer) && x !== y) continue;
        // Library goroutines handed a writer each (os/exec's copiers of `cmd.Stdout =
        // &w1{...}` and `cmd.Stderr = &w2{...}`): what lies in each writer itself is its own.
        if (x !== y && this.inHandedAllocation(x, a) && this.inHandedAllocation(y, b) && this.handedObject(x) !== this.handedObject(y)) continue;
        // A goroutine that reaches the object only as one it made itself does not share
        // it; one that got it part-way down its chain shares it only perhaps.
        let unshown = false;
        // Each goroutine reaches its object only as one it made itself (or was given new,
        // as a handler its request): two goroutines, two objects.
        if (selfType && this.madeBy(x, a) && this.madeBy(y, b)) continue;
        // Each reaches its object from a place of its own that only new objects are put in
        // (`client := Client(c); server := Server(s)`, a field set only to a new object):
        // two objects.
        if (selfType && this.distinctObjects(x, a, y, b)) continue;
        if (selfType) {
          const oa = anchorA?.held ? 'shared' : this.originIn(x, a);
          const ob = oa === 'private' || anchorB?.held ? oa : this.originIn(y, b);
          if (oa === 'private' || ob === 'private') continue;
          unshown = oa === 'unknown' || ob === 'unknown';
          // A captured pointer's object met by a method called on another local pointer
          // (`go func() { x.n++ }(); y.add()`): two variables, two objects.
          // Not when the other side reached it as an element of the collection the
          // variable's object was put into (alsoElem).
          const viaElement = anchorA!.alsoElem === anchorB!.id || anchorB!.alsoElem === anchorA!.id;
          if (anchorA!.id !== anchorB!.id && !viaElement && this.otherLocalEntry(anchorA!, x, a, anchorB!, y, b)) continue;
        }
        if (x === y && !this.sameContextConcurrent(a, b, x, fanout || heldRestart)) continue;
        // Code after the check of an initialiser that every start of the goroutine follows
        // a completed call of: it never runs there (see init-guards.ts).
        if (this.initGuards.deadIn(a, x) || this.initGuards.deadIn(b, y)) continue;
        const ao = this.atRunner(a, rx);
        const bo = this.atRunner(b, ry);
        if (!opts.anyOrder && (this.ordered(ao, x, bo, y) || this.ordered(bo, y, ao, x))) continue;
        if (opts.anyOrder && (this.returnsBeforeStart(a, y) || this.returnsBeforeStart(b, x))) continue;
        // A close that runs only when Stop kept the callback from running never meets it.
        if ((a.stopGuard && this.stoppedBy(y, a.stopGuard)) || (b.stopGuard && this.stoppedBy(x, b.stopGuard))) continue;
        // Both goroutines reach the accesses only under one lock. (Two closes under one
        // lock still both run, unless each first checks that the other has not.)
        const lockMatters = !opts.anyOrder || (checkedClose(a) && checkedClose(b));
        // A common lock that is a new mutex on each call of the function starting both
        // goroutines does not order copies started by two calls (see perCallLock).
        const perCallLocks: NonNullable<ConcurrentPair['perCallLocks']> = [];
        if (lockMatters) {
          const la = this.locksIn(a, x);
          const lb = this.locksIn(b, y);
          if (this.commonOf(a, la, b, lb, (l) => { const d = this.perCallLock(l, x, y, selfType); if (d) perCallLocks.push({ key: l.key, text: l.text, declaredIn: d.name }); return !!d; })) continue;
        }
        if (lockMatters && !perCallLocks.length && (this.lockedOnEveryPath(a, x, b, y) || (x === y && this.oneLockInstance(a, b, x)))) continue;
        const pair: ConcurrentPair = { a: x, b: y, confidence: unshown ? 'low' : this.shownConfidence(x, y), ...(perCallLocks.length ? { perCallLocks } : {}) };
        if (!best || rank(pair.confidence) > rank(best.confidence)) best = pair;
        if (best.confidence === 'high') return best;
      }
    }
    return best;
  }

  /** c is a goroutine its go statement hands a context.Context (as an argument, or
   * captured by the function literal it runs). */
  private startedWithContext(c: GoroutineContext): boolean {
    if (c.kind !== 'go' || !c.spawnNode) return false;
    return this.varsMentioned(c.spawnNode).some((v) => v.type.kind === 'named' && v.type.decl.pkgPath === 'context' && v.type.decl.name === 'Context');
  }

  /** c is the callback of a time.AfterFunc or context.AfterFunc whose timer or stop
   * function is kept in the place with this key (`l.unwatch = context.AfterFunc(ctx, f)`). */
  private stoppedBy(c: GoroutineContext, key: string): boolean {
    const call = c.spawnNode;
    if (c.kind !== 'afterfunc' || !call || call.kind !== 'CallExpr' || !c.spawner?.body) return false;
    let hit = false;
    walk(c.spawner.body, (n) => {
      if (hit) return false;
      if (n.kind === 'AssignStmt' && n.lhs.length === n.rhs.length) {
        n.rhs.forEach((r, i) => { if (unparen(r) === call && placeOf(this.program, n.lhs[i]!)?.key === key) hit = true; });
      }
      return undefined;
    });
    return hit;
  }

  /** a runs in the function that starts goroutine cb, on a path that returns before the
   * start (`if err != nil { close(errc); return }; go ...`): the two never both run. */
  private returnsBeforeStart(a: Access, cb: GoroutineContext): boolean {
    if (!cb.spawner || !cb.spawnNode) return false;
    const site = this.siteOf(a, cb.spawner);
    if (site.fn !== cb.spawner || !cb.spawner.body || !before(site.span, cb.spawnNode.span)) return false;
    // The innermost block around a that leaves the function after it, without the start.
    let block: ast.BlockStmt | null = null;
    walk(cb.spawner.body, (n) => {
      if (n.kind === 'FuncLit') return false;
      if (!spanContains(n.span, site.span)) return false;
      if (n.kind === 'BlockStmt') block = n;
      return undefined;
    });
    const inner = block as ast.BlockStmt | null;
    if (!inner || spanContains(inner.span, cb.spawnNode.span)) return false;
    const last = inner.list[inner.list.length - 1];
    return !!last && last.kind === 'ReturnStmt' && before(site.span, last.span);
  }

  /** fn runs at most once on each goroutine that runs it: no caller calls it in a loop,
   * and no goroutine starts it in a loop. */
  private runsOnce(fn: FuncInfo): boolean {
    let hit = this.runsOnceCache.get(fn);
    if (hit === undefined) {
      hit = this.contexts.every((c) => !c.roots.includes(fn) || (!c.multi && !(c.spawner && c.spawnNode && this.loopAround(c.spawner, c.spawnNode.span))))
        && this.callgraph.callers(fn).every((e) => !this.loopAround(e.caller, e.call.span));
      this.runsOnceCache.set(fn, hit);
    }
    return hit;
  }

  /** The innermost loop of fn around span, if any. */
  private loopAround(fn: FuncInfo, span: ast.Span): ast.Span | null {
    return innermostLoop(this.funcFacts.get(fn)?.loops ?? [], span);
  }

  // ---------------------------------------------------------------- parallel tests

  /**
   * The contexts that run code at (fn, span), from those reaching fn: a parallel test or
   * subtest runs the code before its t.Parallel() call synchronously, in its parent's turn
   * (the parent waits until the subtest calls t.Parallel). Such code of a subtest belongs to
   * the contexts running its t.Run call; that of a top-level test to the test binary's
   * sequential run (`seq`).
   */
  private runnersOf(fn: FuncInfo, span: ast.Span, cs: GoroutineContext[], selfType: string | null, depth = 0): Runner[] {
    const out: Runner[] = [];
    const push = (r: Runner): void => { if (!out.some((o) => o.c === r.c && o.seq === r.seq && o.at?.span === r.at?.span)) out.push(r); };
    for (const c of cs) {
      if (!this.beforeParallel(fn, span, c)) { push({ c, seq: false, at: depth ? { fn, span } : null }); continue; }
      if (!c.spawner || !c.spawnNode) { push({ c, seq: true, at: depth ? { fn, span } : null }); continue; }
      if (depth >= 3) { push({ c, seq: false, at: depth ? { fn, span } : null }); continue; }
      let hosts = this.contextsOf(c.spawner).filter((h) => h !== c);
      if (selfType) hosts = hosts.filter((h) => { const l = this.objectLabels(h, selfType); return l.any || l.all.size > 0; });
      for (const r of this.runnersOf(c.spawner, c.spawnNode.span, limitContexts(hosts), selfType, depth + 1)) push(r);
    }
    return out;
  }

  /** For ordering, an access a subtest makes before t.Parallel() happens at its t.Run call. */
  private atRunner(a: Access, r: Runner): Access {
    if (!r.at) return a;
    const loops = this.funcFacts.get(r.at.fn)?.loops ?? [];
    return { ...a, fn: r.at.fn, span: r.at.span, loop: innermostLoop(loops, r.at.span) };
  }

  /**
   * Top-level test s runs the code in question before its t.Parallel() call, one test after
   * another: alongside no test (parallel tests resume only after every sequential part has
   * run), only alongside goroutines it started itself.
   */
  private meetsSequentialPart(s: GoroutineContext, o: GoroutineContext, bothSequential: boolean): boolean {
    if (bothSequential || o.kind === 'parallel-test' || o.kind === 'test' || o.kind === 'main') return false;
    if (!o.spawned || !o.spawner) return false;
    return this.reach.reaches(o.spawner, s.id);
  }

  private readonly parallelSplits = new Map<FuncInfo, ParallelSplit | null>();

  /**
   * Where a parallel test's (or subtest's) own body calls t.Parallel(), and the functions
   * it calls after that call or deferred (within MAX_CHAIN calls); null when the call is in
   * a loop or there is none, or the functions are too many to list.
   */
  private parallelSplit(root: FuncInfo): ParallelSplit | null {
    if (this.parallelSplits.has(root)) return this.parallelSplits.get(root)!;
    let split: ParallelSplit | null = null;
    let at: ast.Span | null = null;
    if (root.body) {
      walk(root.body, (n) => {
        if (n.kind === 'FuncLit') return false;
        if (n.kind !== 'CallExpr') return undefined;
        const c = calleeOf(this.program, n);
        if (c?.kind === 'method' && c.sel.method.name === 'Parallel' && c.sel.method.recvDecl?.pkgPath === 'testing' && (!at || before(n.span, at))) at = n.span;
        return undefined;
      });
    }
    const loops = this.funcFacts.get(root)?.loops ?? [];
    if (at && !loops.some((l) => spanContains(l, at!))) {
      const post = new Set<FuncInfo>();
      let frontier: FuncInfo[] = [];
      for (const e of this.callgraph.callees(root)) {
        if (!e.deferred && !before(at, e.call.span)) continue;
        for (const t of e.targets) if (!post.has(t)) { post.add(t); frontier.push(t); }
      }
      for (let depth = 0; depth < MAX_CHAIN && frontier.length && post.size <= EDGE_REACH_LIMIT; depth++) {
        const next: FuncInfo[] = [];
        for (const f of frontier) for (const e of this.callgraph.callees(f)) for (const t of e.targets) if (!post.has(t)) { post.add(t); next.push(t); }
        frontier = next;
      }
      if (post.size <= EDGE_REACH_LIMIT) split = { at, post };
    }
    this.parallelSplits.set(root, split);
    return split;
  }

  /** Context c is a parallel test or subtest that runs (fn, span) only before its
   * t.Parallel() call (the call itself included). */
  private beforeParallel(fn: FuncInfo, span: ast.Span, c: GoroutineContext): boolean {
    if (c.kind !== 'parallel-test' || !c.roots.length) return false;
    for (const r of c.roots) {
      const split = this.parallelSplit(r);
      if (!split) return false;
      if (inside(fn, r)) {
        // In the body itself, or in a literal it runs on the spot (not deferred).
        let g = fn;
        let s = span;
        while (g !== r) {
          if (g.node.kind !== 'FuncLit' || !g.parent) return false;
          const callers = this.callgraph.callers(g);
          if (!callers.length || callers.some((e) => e.caller !== g.parent || e.deferred)) return false;
          s = g.node.span;
          g = g.parent;
        }
        if (!before(s, split.at) && !spanContains(split.at, s)) return false;
      } else if (split.post.has(fn)) return false;
    }
    return true;
  }

  /**
   * Goroutine c was started by a call of decl: by a `go` statement (or spawning call) in
   * decl or a literal in it, or by a function decl calls (directly or one call further)
   * that returns without waiting for it (a constructor that starts a goroutine running the callback
   * decl handed it, `NewWatcher(src, func(e Event) { seen = append(seen, e) })`). A
   * goroutine that calls decl itself works on that call's variables, not these.
   */
  private startedDuring(c: GoroutineContext, decl: FuncInfo): boolean {
    if (!c.spawned || !c.spawner) return false;
    if (inside(c.spawner, decl)) return true;
    if (!c.spawnNode) return false;
    const key = `${c.id}|${decl.id}`;
    let hit = this.startedDuringCache.get(key);
    if (hit === undefined) {
      hit = this.callsWithin(this.nestedIn(decl), c.spawner, 2) && !this.reach.reaches(decl, c.id) && !this.joinOf(c, '') && !this.mayWait(c.spawner, 2);
      this.startedDuringCache.set(key, hit);
    }
    return hit;
  }

  /**
   * fn is (in) a closure that decl returns, and a variable keeps the closure one call of
   * decl made (`next := newTicketer("job")`, or a package variable): goroutine x or y was
   * started by the call that declared that variable (and so may call the same closure as
   * the code around it), or the variable is a package one.
   */
  /**
   * c is started in a loop by a helper that decl's call invokes (directly or one call
   * down) and that waits for them (`r.OnDone(func(j string) { results[j] = s }); r.Run(jobs)`
   * where Run starts a goroutine per job and waits): unlike startedDuring, the wait does
   * not matter here, since the copies one call of the helper starts run at the same time,
   * all within that one call of decl, and so share its variables with each other.
   */
  private loopStartedDuring(c: GoroutineContext, decl: FuncInfo): boolean {
    if (c.kind !== 'go' || !c.spawned || !c.multi || c.copiesByCalls || c.recursive || !c.spawner || !c.spawnNode) return false;
    if (inside(c.spawner, decl)) return false;
    const key = `${c.id}|${decl.id}`;
    let hit = this.loopStartedCache.get(key);
    if (hit === undefined) {
      hit = this.callsWithin(this.nestedIn(decl), c.spawner, 2) && !this.reach.reaches(decl, c.id);
      this.loopStartedCache.set(key, hit);
    }
    return hit;
  }
  private readonly loopStartedCache = new Map<string, boolean>();
  private keptClosureShared(fn: FuncInfo, decl: FuncInfo, x: GoroutineContext, y: GoroutineContext): boolean {
    const lit = literalOf(fn, decl);
    if (!lit || !this.callgraph.returnedFuncs(decl, 0).includes(lit)) return false;
    for (const v of this.closureHolders(decl)) {
      if (v.scope === 'pkg' || !v.func) return true;
      if (this.startedDuring(x, v.func) || this.startedDuring(y, v.func)) return true;
    }
    // Kept in a structure (`template.FuncMap{"partial": partialFunc(cache)}`, `&T{hook:
    // newHook()}`) by a function neither goroutine runs: whoever calls it through the
    // structure calls the one closure that call made.
    return this.closureStoredBy(decl).some((f) => !this.reach.reaches(f, x.id) && !this.reach.reaches(f, y.id));
  }

  /**
   * fn and other are (in) one callback literal that decl makes and stores away (`u.OnProgress
   * = func(n int64) { sent += n }`, see fieldKeptLiterals), run by the copies of one
   * goroutine x that never calls decl and that decl's call starts (a worker pool's loop in
   * a helper it calls): the copies call the one stored closure, and share the variables
   * of the call of decl that made it.
   */
  private storedCallbackShared(fn: FuncInfo, other: FuncInfo, decl: FuncInfo, x: GoroutineContext, y: GoroutineContext): boolean {
    // Goroutines the call of decl started itself (through a helper it calls): its copies
    // share that call's variables. (Handlers serve any caller's requests.)
    if (x !== y || !startsCopies(x) || x.kind === 'http-handler' || !x.spawner || !this.callsWithin(this.nestedIn(decl), x.spawner, 2)) return false;
    const litOf = (f: FuncInfo): FuncInfo | null => {
      const lit = literalOf(f, decl);
      return lit && this.fieldKeptLiterals().has(lit) && !x.roots.includes(lit) ? lit : null;
    };
    const lit = litOf(fn);
    return !!lit && litOf(other) === lit && !this.reach.reaches(decl, x.id);
  }

  /**
   * fn and other are in one literal that decl stores in a field of the object it returns
   * (`allocs := 0; c.pool.New = func() any { allocs++; ... }; return c`), run by the
   * copies of goroutine x, which never calls decl: the copies run the one closure of the
   * object they share, and its variables with it.
   */
  private heldClosureShared(fn: FuncInfo, other: FuncInfo, decl: FuncInfo, x: GoroutineContext, y: GoroutineContext): boolean {
    // Copies started by separate calls of their starter count too: the starter's own
    // variables differ between them, not the closure they reach through a shared object.
    // So do copies of a goroutine whose starter is called in a loop on one receiver.
    if (x !== y || !x.spawned || !(x.multi || this.restartedWhileRunning(x)) || x.recursive || !(x.kind === 'go' || x.kind === 'errgroup' || x.kind === 'waitgroup-go') || !decl.body || this.reach.reaches(decl, x.id)) return false;
    const litOf = (f: FuncInfo): FuncInfo | null => {
      const lit = literalOf(f, decl);
      return lit && !x.roots.includes(lit) ? lit : null;
    };
    const lit = litOf(fn);
    if (!lit || litOf(other) !== lit) return false;
    const known = this.heldClosureCache.get(lit);
    if (known !== undefined) return known;
    const returned = this.returnedVars(decl);
    let held = false;
    walkBodyKinds(decl.body, STORE_KINDS, (n) => {
      if (held || n.kind !== 'AssignStmt' || n.lhs.length !== n.rhs.length) return undefined;
      n.lhs.forEach((l, i) => {
        const p = unparen(l).kind === 'SelectorExpr' ? placeOf(this.program, l) : null;
        if (unparen(n.rhs[i]!) === lit.node && p?.root && p.path.length && !p.indexed && returned.has(p.root)) held = true;
      });
      return undefined;
    });
    this.heldClosureCache.set(lit, held);
    return held;
  }

  private readonly heldClosureCache = new Map<FuncInfo, boolean>();
  private readonly storedClosureCache = new Map<FuncInfo, FuncInfo[]>();
  /** Functions that store the closure a call of decl returns as the value of a composite
   * literal's element (`FuncMap{"k": decl(...)}`, `T{f: decl(...)}`). */
  private closureStoredBy(decl: FuncInfo): FuncInfo[] {
    let hit = this.storedClosureCache.get(decl);
    if (hit) return hit;
    hit = [];
    for (const e of this.callgraph.callers(decl)) {
      const body = e.caller.body;
      if (!body || hit.includes(e.caller)) continue;
      let stored = false;
      walk(body, (n) => {
        if (stored || n.kind === 'FuncLit') return false;
        if (n.kind === 'KeyValueExpr' && unparen(n.value) === e.call) stored = true;
        return undefined;
      });
      if (stored) hit.push(e.caller);
    }
    this.storedClosureCache.set(decl, hit);
    return hit;
  }

  /**
   * fn is (in) a closure that decl makes, run by goroutine x, which never calls decl: the
   * closure was handed to x (sent on a channel of funcs to a worker, stored for it) by a
   * call of decl, and y runs decl itself (other is in decl's own body): y's call made the
   * closure and shares its variables with it (`for k, v := range m { p.Submit(func() {
   * use(k, v) }) }` before Go 1.22). x was started elsewhere (not by decl's call) and does
   * not run the closure as its own function; decl's access follows the closure's making
   * (or repeats in a loop around it).
   */
  private handedClosureShared(fn: FuncInfo, x: GoroutineContext, other: FuncInfo, otherSpan: ast.Span, y: GoroutineContext, decl: FuncInfo): boolean {
    if (!x.spawned || fn === decl || other !== decl || !decl.body) return false;
    const lit = literalOf(fn, decl);
    // x calls the closure from code of its own (a worker receiving funcs), not as its root
    // (a handler or goroutine started with it, see startedDuring).
    if (!lit || x.roots.includes(lit)) return false;
    if (this.reach.reaches(decl, x.id) || !this.reach.reaches(decl, y.id)) return false;
    // A goroutine decl's call starts itself is startedDuring's case (and its joins): here
    // only one started elsewhere, before (a pool's worker).
    if (x.spawner && this.callsWithin(this.nestedIn(decl), x.spawner, 2)) return false;
    // Handed over on the spot: an argument of a call (`p.Submit(func() {...})`) or a value
    // sent on a channel. Not a hook kept in a variable (`testHookDial = func...`), which
    // whoever calls it may well call on decl's own goroutine.
    let handed = false;
    walk(decl.body, (n) => {
      if (handed) return false;
      if (n.kind === 'CallExpr' && n.args.some((a) => unparen(a) === lit!.node)) handed = true;
      else if (n.kind === 'SendStmt' && unparen(n.value) === lit!.node) handed = true;
      return undefined;
    });
    if (!handed) return false;
    // decl's access comes after the closure is made (or again, in a loop around both):
    // what decl did before making it happens before the closure runs.
    const litSpan = lit.node.span;
    const after = otherSpan[0] > litSpan[2] || (otherSpan[0] === litSpan[2] && otherSpan[1] > litSpan[3]);
    if (after) return true;
    let looped = false;
    walk(decl.body, (n) => {
      if (looped || (n.kind === 'FuncLit')) return false;
      if ((n.kind === 'ForStmt' || n.kind === 'RangeStmt') && spanContains(n.span, litSpan) && spanContains(n.span, otherSpan)) looped = true;
      return undefined;
    });
    return looped;
  }

  private readonly holderCache = new Map<FuncInfo, VarObj[]>();
  /** Variables defined by a call of decl (`next := newTicketer()`, `var next = newTicketer()`). */
  private closureHolders(decl: FuncInfo): VarObj[] {
    let hit = this.holderCache.get(decl);
    if (hit) return hit;
    const out: VarObj[] = [];
    const calls = new Set<ast.Node>(this.callgraph.callers(decl).map((e) => e.call));
    const callers = new Set(this.callgraph.callers(decl).map((e) => e.caller));
    const visit = (n: ast.Node): boolean | undefined => {
      const pairs: Array<[ast.Expr, ast.Expr | undefined]> =
        n.kind === 'AssignStmt' && n.lhs.length === n.rhs.length ? n.lhs.map((l, i) => [l, n.rhs[i]])
          : n.kind === 'ValueSpec' ? n.names.map((id, i) => [id, n.values[i]]) : [];
      for (const [l, r] of pairs) {
        if (!r || !calls.has(unparen(r))) continue;
        const lv = unparen(l);
        const o = lv.kind === 'Ident' ? this.program.objectOf(lv) : null;
        if (o?.kind === 'var' && !out.includes(o)) out.push(o);
      }
      return undefined;
    };
    for (const f of callers) if (f.body) walk(f.body, (n) => (n.kind === 'FuncLit' ? false : visit(n)));
    // A package variable initialised by a call (`var urlize = Memoize(slugify)`): the call
    // runs once, at package initialisation, outside any function.
    for (const o of this.pkgInitCalls().get(decl) ?? []) if (!out.includes(o)) out.push(o);
    hit = out;
    this.holderCache.set(decl, hit);
    return hit;
  }

  private pkgInitIndex: Map<FuncInfo, VarObj[]> | null = null;

  /** Package variables initialised by a call of a module function, by that function. */
  private pkgInitCalls(): Map<FuncInfo, VarObj[]> {
    if (this.pkgInitIndex) return this.pkgInitIndex;
    const out = new Map<FuncInfo, VarObj[]>();
    for (const pkg of this.program.packages) {
      for (const file of pkg.files) {
        for (const d of file.ast.decls) {
          if (d.kind === 'FuncDecl') continue;
          walk(d, (n) => {
            if (n.kind === 'FuncLit') return false;
            if (n.kind !== 'ValueSpec') return undefined;
            n.names.forEach((id, i) => {
              const r = n.values[i] ? unparen(n.values[i]!) : null;
              const t = r?.kind === 'CallExpr' ? staticTarget(calleeOf(this.program, r)) : null;
              const o = t ? this.program.objectOf(id) ?? this.program.info.defs.get(id) : null;
              if (t && o?.kind === 'var') out.set(t, [...(out.get(t) ?? []), o]);
            });
            return false;
          });
        }
      }
    }
    this.pkgInitIndex = out;
    return out;
  }

  /** One of fns calls target within depth calls (the helper decl hands its callback to,
   * or one level further down). */
  private callsWithin(fns: FuncInfo[], target: FuncInfo, depth: number): boolean {
    let frontier = fns;
    const seen = new Set<FuncInfo>(fns);
    for (let d = 0; d < depth && frontier.length; d++) {
      const next: FuncInfo[] = [];
      for (const f of frontier) {
        for (const e of this.callgraph.callees(f)) {
          for (const t of e.targets) {
            if (t === target) return true;
            if (!seen.has(t)) { seen.add(t); next.push(t); }
          }
        }
      }
      frontier = next;
    }
    return false;
  }

  /**
   * fn, or what it calls within depth calls, may block waiting for something (a Wait
   * call of any kind, sync.Cond's included; a receive; a select; a range over a channel):
   * a helper that does may wait for the goroutines it starts before it returns.
   */
  private mayWait(fn: FuncInfo, depth: number): boolean {
    let hit = this.waitCache.get(fn);
    if (hit === undefined) {
      hit = false;
      if (fn.body) {
        walk(fn.body, (n) => {
          if (hit || n.kind === 'FuncLit') return false;
          if ((n.kind === 'UnaryExpr' && n.op === '<-') || n.kind === 'SelectStmt' || (n.kind === 'RangeStmt' && underlying(this.program.typeOf(n.x)).kind === 'chan')) hit = true;
          else if (n.kind === 'CallExpr') {
            const c = calleeOf(this.program, n);
            if (c?.kind === 'method' && c.sel.method.name === 'Wait') hit = true;
          }
          return hit ? false : undefined;
        });
      }
      this.waitCache.set(fn, hit);
    }
    if (hit || depth <= 0) return hit;
    return this.callgraph.callees(fn).some((e) => e.targets.some((t) => t !== fn && this.mayWait(t, depth - 1)));
  }

  /** decl and the function literals nested in it. */
  private nestedIn(decl: FuncInfo): FuncInfo[] {
    let hit = this.nestedCache.get(decl);
    if (!hit) {
      const out: FuncInfo[] = [decl];
      if (decl.body) {
        walk(decl.body, (n) => {
          if (n.kind === 'FuncLit') { const f = this.program.funcOfLit(n); if (f) out.push(f); }
          return undefined;
        });
      }
      hit = out;
      this.nestedCache.set(decl, hit);
    }
    return hit;
  }

  /** Where the object of access a comes from, as context c reaches it (see object-origins.ts). */
  private originIn(c: GoroutineContext, a: Access): ObjectOrigin {
    const root = a.place.root;
    if (!root) return 'unknown';
    const traced = this.tracedOrigin(c, a);
    if (!traced) return 'shared';
    // Through a pointer field the object is the holder's only if nobody else points at it.
    if (traced.origin === 'private' && !this.heldByValue(root.type, a.place.path)) return this.copiedPointerOrigin(c, a);
    return traced.origin;
  }

  /**
   * Access a reaches its object through a pointer field of a value struct its goroutine
   * holds a copy of (`func (j Job) upload() { j.rep.n++ }` on `go func(w Job) {...}(j)`):
   * every copy points at the original's object. 'shared' when following the copies back
   * reaches what the goroutine came with; otherwise 'unknown', as before.
   */
  private copiedPointerOrigin(c: GoroutineContext, a: Access): ObjectOrigin {
    const root = a.place.root!;
    const onRecv = root === a.fn.recv;
    const u = underlying(root.type);
    if ((u.kind !== 'struct' && u.kind !== 'array') || (!onRecv && !a.fn.params.includes(root))) return 'unknown';
    const key = `${c.id}|${a.fn.id}|${onRecv ? 'recv' : root.id}|copied`;
    let hit = this.originCache.get(key);
    if (!hit) {
      const origin = this.objectOrigins.originOf(this.viewOf(c), a.fn, onRecv ? { recv: true } : a.place.rootExpr, { viaPointer: true });
      hit = { origin, entry: null };
      this.originCache.set(key, hit);
    }
    return hit.origin === 'shared' ? 'shared' : 'unknown';
  }

  /** The object of access a is, as context c reaches it, one c made itself (see
   * ObjectOrigins.madeByGoroutine): a field of it held by value, on a receiver, parameter
   * or local of a's function. */
  private madeBy(c: GoroutineContext, a: Access): boolean {
    const root = a.place.root;
    if (!root || root.func !== a.fn || a.place.indexed || !a.key?.startsWith('field:') || !this.heldByValue(root.type, a.place.path)) return false;
    return this.objectOrigins.madeByGoroutine(this.viewOf(c), a.fn, root === a.fn.recv ? { recv: true } : a.place.rootExpr, a.span);
  }

  /** Accesses a (in context x) and b (in y) touch two objects: no location of one (see
   * ObjectOrigins.locationsOf) may be one of the other's. */
  private distinctObjects(x: GoroutineContext, a: Access, y: GoroutineContext, b: Access): boolean {
    const la = this.locationsIn(x, a);
    if (!la) return false;
    const lb = this.locationsIn(y, b);
    if (!lb) return false;
    return !la.some((p) => lb.some((q) => mayOverlap(p, q)));
  }

  /** The locations of the object whose field access a touches, as context c reaches it. */
  private locationsIn(c: GoroutineContext, a: Access): ObjectLocation[] | null {
    const root = a.place.root;
    const path = a.place.path;
    if (!root || a.place.indexed || !a.key?.startsWith('field:') || !path.length || !this.heldByValue(root.type, path)) return null;
    // Fields of structs held by value on the way (`c.in.seq`): the object is inside root's.
    const inside: string[] = [];
    let t: Type = root.type;
    for (const f of path.slice(0, -1)) {
      const s = this.program.lookup(t, f);
      if (s?.kind !== 'field' || !s.file || !s.span) return null;
      inside.push(`${s.file}:${s.span.join(',')}`);
      t = s.type;
    }
    return this.objectOrigins.locationsOf(this.viewOf(c), a.fn, root === a.fn.recv ? { recv: true } : a.place.rootExpr, inside);
  }

  /** The traced origin of an access on a receiver or a local of its function, with the
   * variable it entered the goroutine by; null for other roots (package variables,
   * captured variables), which are shared as they are. */
  private tracedOrigin(c: GoroutineContext, a: Access): TracedOrigin | null {
    const root = a.place.root;
    if (!root) return null;
    const onRecv = root === a.fn.recv;
    // A named result of the function, or a local or result of a function it is a literal
    // of (`p = &Package{}` used in `bad := func() { p.Invalid = ... }`): only shown
    // private by the search, else shared as before.
    const other = !onRecv && !!root.func && (root.scope === 'local' || root.scope === 'result') && (root.scope === 'result' || root.func !== a.fn) && inside(a.fn, root.func);
    if (!onRecv && !other && (root.scope !== 'local' || root.func !== a.fn)) return null;
    const key = `${c.id}|${a.fn.id}|${onRecv ? 'recv' : root.id}`;
    let hit = this.originCache.get(key);
    if (!hit) {
      const origin = this.objectOrigins.originOf(this.viewOf(c), a.fn, onRecv ? { recv: true } : a.place.rootExpr);
      hit = { origin, entry: origin === 'shared' ? this.objectOrigins.entry : null };
      this.originCache.set(key, hit);
    }
    return other && hit.origin !== 'private' ? null : hit;
  }

  private viewOf(c: GoroutineContext): ContextView {
    let v = this.views.get(c);
    if (!v) {
      const roots = new Set(c.roots);
      // net/http makes a new *Request for every request it hands a handler, on that
      // request's goroutine.
      const madeParam = c.kind === 'http-handler' ? (f: FuncInfo, i: number) => roots.has(f) && isHTTPRequest(f.params[i]?.type) : undefined;
      const spawnArg = (f: FuncInfo, want: { recv: true } | { param: number }): { fn: FuncInfo; expr: ast.Expr } | null => {
        const s = c.spawnNode;
        if (!c.spawner || s?.kind !== 'GoStmt' || c.roots.length !== 1 || c.roots[0] !== f) return null;
        const fun = unparen(s.call.fun);
        if ('recv' in want) {
          const sel = fun.kind === 'SelectorExpr' ? this.program.selectionOf(fun) : null;
          return fun.kind === 'SelectorExpr' && sel?.kind === 'method' && sel.method.info === f && !sel.path.length ? { fn: c.spawner, expr: fun.x } : null;
        }
        if (s.call.ellipsis || s.call.args.length !== f.params.length || (f.sig.variadic && want.param === f.params.length - 1)) return null;
        return { fn: c.spawner, expr: s.call.args[want.param]! };
      };
      v = { isRoot: (f) => roots.has(f), reaches: (f) => this.reach.reaches(f, c.id), keptCallback: (lit) => this.runsKeptCallback(c, lit), madeParam, spawnArg, id: String(c.id) };
      this.views.set(c, v);
    }
    return v;
  }

  /**
   * In a goroutine started in a loop, the object of access a is each copy's own: it
   * entered by a variable made fresh in each iteration (declared in the loop body, or a
   * parameter given such a variable or a new value at the `go` statement).
   */
  private perIteration(c: GoroutineContext, a: Access): boolean {
    // Parallel subtests started in a loop (`t.Run(name, func(t *testing.T) {...})`) too:
    // each gets a *testing.T of its own and the loop body's variables of its iteration.
    const subtest = c.kind === 'parallel-test' && c.spawnNode?.kind === 'CallExpr';
    if (!c.multi || !c.spawner || c.roots.length !== 1 || !((c.kind === 'go' && c.spawnNode?.kind === 'GoStmt') || subtest)) return false;
    if (this.originIn(c, a) !== 'shared') return false;
    // The object of a package variable (`opts := defaultOpts; opts.Timeout = d`) is one
    // for every copy, whatever local it is reached through.
    if (this.anchorOf(a)?.id.startsWith('global:')) return false;
    const root = a.place.root;
    let v = this.tracedOrigin(c, a)?.entry ?? null;
    // A variable of the spawner the goroutine uses directly.
    if (!v && root && root !== a.fn.recv && root.func !== a.fn && this.captured.has(root) && inside(a.fn, c.roots[0]!)) v = root;
    // Or in a literal handed to the goroutine at the `go` statement (`go ws.recvLoop(func(e
    // Event) { got++ })`): a variable of the spawner all the same.
    const spawnCall = c.spawnNode?.kind === 'GoStmt' ? c.spawnNode.call : null;
    if (!v && root && root.func === c.spawner && this.captured.has(root) && spawnCall?.args.some((x) => { const lit = unparen(x); return lit.kind === 'FuncLit' && spanContains(lit.span, a.fn.node.span); })) v = root;
    // A pointer parameter of the goroutine's function, given `&r` or `p` at the `go` statement.
    if (!v && root && root.scope === 'param' && c.roots[0]!.params.includes(root)) v = root;
    // A parameter of a function the goroutine calls, handed such a variable by every call
    // the goroutine makes of it (`go func() { s.render(p) }()`).
    if (!v && root && root.scope === 'param' && root.func === a.fn && a.fn !== c.roots[0]) v = this.paramHandedFromRoot(c, a.fn, root, 0);
    if (!v) return false;
    let copied = false;
    const spawn = c.spawnNode;
    const fnRoot = c.roots[0]!;
    let given: ast.Expr | null = null;
    const pi = fnRoot.params.indexOf(v);
    if (spawn?.kind !== 'GoStmt') { if (pi >= 0) return true; } // the subtest's own *testing.T
    else if (pi >= 0) given = spawn.call.args[pi] ?? null;
    else if (v === fnRoot.recv) { const f = unparen(spawn.call.fun); given = f.kind === 'SelectorExpr' ? f.x : null; }
    if (given) {
      let x = unparen(given);
      if (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
      if (isAllocation(x)) return true;
      const o = x.kind === 'Ident' ? this.program.objectOf(x) : null;
      if (o?.kind !== 'var') return false;
      v = o;
      copied = true;
    } else if (pi >= 0 || v === fnRoot.recv) return false;
    const span = v.span;
    if (!span) return false;
    // The loop's own variables (`for _, w := range ws {`) are one per iteration when the
    // `go` statement copies them, or from Go 1.22 on.
    const perIterationClause = copied || goVersionAtLeast(c.spawner.pkg.module?.goVersion ?? null, 1, 22);
    const loops = this.funcFacts.get(c.spawner)?.loops ?? [];
    const l = innermostLoop(loops, spawn!.span);
    const fresh = !!l && (spanContains(l, span) || (perIterationClause && span[0] === l[0] && span[1] < l[1]));
    // A copy made in the iteration (`w := p.base`) still points at what its original
    // points at: an object behind a pointer in it is not the copy's own.
    const t = this.anchorOf(a)?.selfType;
    if (fresh && t && this.heldSources(v, t).some((src) => !(src.span && spanContains(l!, src.span)))) return false;
    return fresh;
  }

  /** The variable of goroutine c's root that every call c makes of fn hands its parameter
   * p (followed through the parameters of the functions in between), or null. */
  private paramHandedFromRoot(c: GoroutineContext, fn: FuncInfo, p: VarObj, depth: number): VarObj | null {
    if (depth > 3) return null;
    const pi = fn.params.indexOf(p);
    if (pi < 0 || fn.sig.variadic && pi === fn.params.length - 1) return null;
    const root = c.roots[0]!;
    let found: VarObj | null = null;
    for (const e of this.callgraph.callers(fn)) {
      if (e.caller !== root && !inside(e.caller, root) && !this.reach.reaches(e.caller, c.id)) continue;
      if (e.call.ellipsis || e.call.args.length !== fn.params.length) return null;
      const x = unparen(e.call.args[pi]!);
      const o = x.kind === 'Ident' ? this.program.objectOf(x) : null;
      if (o?.kind !== 'var') return null;
      let v: VarObj | null = o;
      if (v.scope === 'param' && v.func === e.caller && e.caller !== root) v = this.paramHandedFromRoot(c, e.caller, v, depth + 1);
      // Else a variable the root uses: its own parameter, or one of the spawner it captures.
      else if (!(v.func === root && v.scope === 'param') && !(v.func === c.spawner && this.captured.has(v) && inside(e.caller, root))) return null;
      if (!v || (found && found !== v)) return null;
      found = v;
    }
    return found;
  }

  /** Of two accesses matched as a captured pointer's object (var side) and an object of
   * its type (self side): the self side's object came into its goroutine by another local
   * variable than the var side's. */
  private otherLocalEntry(an: Anchor, cx: GoroutineContext, ax: Access, bn: Anchor, cy: GoroutineContext, bx: Access): boolean {
    const [v, c, acc] = an.alsoVar ? [an.alsoVar, cy, bx] : [bn.alsoVar, cx, ax];
    if (!v) return false;
    const entry = this.tracedOrigin(c, acc)?.entry ?? null;
    if (!entry || entry === v || entry.scope !== 'local' || entry.type.kind !== 'pointer') return false;
    // Not when the other reached it by receiving from a channel v's address is sent on
    // (`ch <- &e` to workers ranging over ch): the one object.
    const from = this.receivedFrom(entry);
    return !(from && this.addressSentOn(v).includes(from));
  }

  /** Every field on the path but the last is a struct held by value. */
  private heldByValue(t: Type, path: string[]): boolean {
    for (const f of path.slice(0, -1)) {
      const sel = this.program.lookup(t, f);
      if (sel?.kind !== 'field') return false;
      if (underlying(sel.type).kind !== 'struct') return false;
      t = sel.type;
    }
    return true;
  }

  /**
   * Which object an access touches, as far as can be told across functions: the object a
   * package variable, a captured variable or a receiver leads to (through the same field
   * path). Accesses through parameters or call results have no anchor: without knowing
   * that two of them see the same object, a pair of them is never reported.
   */
  private anchorOf(a: Access): Anchor | null {
    if (this.anchors.has(a)) return this.anchors.get(a)!;
    if (this.freshMapField(a)) {
      this.anchors.set(a, null);
      return null;
    }
    if (a.key === WRITTEN_KEY || a.libState) {
      const r = a.libState ? (a.place.root ? this.bufferAnchor(a.place.root, a.place.path.slice(0, -1)) : null) : this.writtenAnchor(a);
      this.anchors.set(a, r);
      return r;
    }
    const root = a.place.root;
    const prefix = a.place.path.slice(0, -1);
    // A struct parameter is the callee's own copy, but a map, a channel or a pointer in it
    // is its original's (`func newExporter(o options) { o.labels[k] = v }`): reached
    // through one, the object is the one every call's argument holds.
    const copied = root?.scope === 'param' && isStructValue(root.type) && (a.place.throughPointer || /^(map|chan):/.test(a.key));
    const alias = copied ? this.paramAliases().values.get(root) : undefined;
    // Once its function has put the object into a shared collection, what it still does
    // to it is done to that collection's element, whatever the caller passed.
    let r = this.heldChannelAnchor(a) ?? this.backPointerAnchor(a) ?? this.publishedAnchor(a) ?? (alias ? this.computeAnchor(alias, prefix, 1) : this.computeAnchor(root, prefix, 0));
    // A channel of an object its maker put into a collection before handing it to a
    // goroutine (`h.clients[id] = c; go h.readLoop(c)`) is also that collection's element's
    // channel, the one a range over the collection sends on.
    if (r?.alsoVar && a.key.startsWith('chan:')) {
      const el = this.publishedElement(r.alsoVar, prefix);
      if (el) r = { ...r, alsoElem: el.id };
    }
    if (r && a.getterSelf && !r.alsoSelf && r.id !== a.getterSelf) r = { ...r, alsoSelf: a.getterSelf };
    this.anchors.set(a, r);
    return r;
  }

  /**
   * A map reached through a field of a struct the function holds by value (a local copy or
   * a struct parameter), after the function set that field to a new map on every path to
   * the access (`meta := t.Meta; meta.Labels = maps.Clone(meta.Labels); meta.Labels[k] =
   * v`): the copy's own map, not the original's.
   */
  private freshMapField(a: Access): boolean {
    const root = a.place.root;
    const body = a.fn.body;
    if (!root || !body || !a.key.startsWith('map:') || (root.scope !== 'local' && root.scope !== 'param' && root.scope !== 'recv') || root.func !== a.fn || !isStructValue(root.type) || !a.place.path.length) return false;
    const path = a.place.path.join('.');
    const regions: ast.Span[] = [];
    const sets: ast.Span[] = [];
    walkBodyKinds(body, FRESH_FIELD_KINDS, (n) => {
      if (n.kind === 'IfStmt') { regions.push(n.body.span); if (n.else) regions.push(n.else.span); }
      else if (n.kind === 'CaseClause' || n.kind === 'CommClause' || n.kind === 'ForStmt' || n.kind === 'RangeStmt' || n.kind === 'FuncLit') regions.push(n.span);
      else if (n.kind === 'AssignStmt' && n.lhs.length === n.rhs.length && before(n.span, a.span)) {
        n.lhs.forEach((l, i) => {
          const p = placeOf(this.program, l);
          if (p?.root === root && p.path.join('.') === path && this.newMap(n.rhs[i]!)) sets.push(n.span);
        });
      }
      return undefined;
    });
    return sets.some((x) => regions.every((g) => !spanContains(g, x) || spanContains(g, a.span)));
  }

  /** A new map: `make`, a literal, or `maps.Clone` of another. */
  private newMap(e: ast.Expr): boolean {
    const x = unparen(e);
    return isAllocation(x) || (x.kind === 'CallExpr' && isFuncCall(calleeOf(this.program, x), 'maps', 'Clone'));
  }

  /** What a bytes.Buffer or strings.Builder holds (see writerOps): the buffer's object, or
   * for a logger's write, the one buffer every writer it was given resolves to. */
  private writtenAnchor(a: Access): Anchor | null {
    if (!a.sinkHolder) return a.place.root ? this.bufferAnchor(a.place.root, a.place.path.slice(0, -1)) : null;
    this.writerCache ??= keptWriters(this.program);
    let out: Anchor | null = null;
    for (const w of this.writerCache.get(a.sinkHolder) ?? []) {
      const r = this.writerAnchor(w.expr, w.fn, 0);
      if (!r || (out && out.id !== r.id)) return null;
      out = r;
    }
    return out;
  }

  /** The buffer a writer expression denotes (`&logs`, `s.buf`, a parameter every caller
   * gives the same buffer). */
  private writerAnchor(e: ast.Expr, fn: FuncInfo, depth: number): Anchor | null {
    let x = unparen(e);
    if (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
    const o = x.kind === 'Ident' ? this.program.objectOf(x) : null;
    if (o?.kind === 'var' && o.scope === 'param' && depth < 3) {
      const i = fn.params.indexOf(o);
      if (i < 0 || (fn.sig.variadic && i === fn.params.length - 1)) return null;
      let out: Anchor | null = null;
      for (const c of this.callgraph.callers(fn)) {
        if (staticTarget(calleeOf(this.program, c.call)) !== fn || !c.call.args[i]) return null;
        const r = this.writerAnchor(c.call.args[i]!, c.caller, depth + 1);
        if (!r || (out && out.id !== r.id)) return null;
        out = r;
      }
      return out;
    }
    const t = this.program.typeOf(x);
    const u = t.kind === 'pointer' ? t.elem : t;
    if (u.kind !== 'named' || !((u.decl.pkgPath === 'bytes' && u.decl.name === 'Buffer') || (u.decl.pkgPath === 'strings' && u.decl.name === 'Builder'))) return null;
    const p = placeOf(this.program, x);
    return p?.root ? this.bufferAnchor(p.root, p.path) : null;
  }

  private bufferAnchor(root: VarObj, path: string[]): Anchor | null {
    const p = path.join('.');
    if (root.scope === 'local') return { id: `var:${root.id}/${p}`, selfType: null, declaring: root.func };
    // Inside the buffer's own type (a wrapper's methods): not a buffer handed out.
    if ((root.scope === 'recv' || root.scope === 'param') && !path.length) return null;
    return this.computeAnchor(root, path, 0);
  }

  /** A pointer local made once by an allocation (`s := &T{}`) on which its function
   * calls a method. */
  private allocatedReceiver(v: VarObj): boolean {
    if (v.type.kind !== 'pointer' || !v.func?.body) return false;
    const e = singleDefinition(this.program, v);
    if (!e || !isAllocation(e)) return false;
    return this.callgraph.callees(v.func).some((c) => {
      const f = unparen(c.call.fun);
      return f.kind === 'SelectorExpr' && f.x.kind === 'Ident' && this.program.objectOf(f.x) === v && c.targets.some((t) => t.recv);
    });
  }

  /**
   * A channel in an object that a receiver's field points to (`close(r.sc.lines)` where
   * r.sc is a *scanner) is the channel of that object, the one the object's own methods
   * close (`close(s.lines)`): anchored on the pointed-to type, as for its methods.
   */
  private heldChannelAnchor(a: Access): Anchor | null {
    const root = a.place.root;
    if (!a.key.startsWith('chan:field:') || root?.scope !== 'recv' || a.place.path.length < 2 || a.place.indexed) return null;
    let t: Type = root.type.kind === 'pointer' ? root.type.elem : root.type;
    const prefix = a.place.path.slice(0, -1);
    for (const f of prefix) {
      const sel = this.program.lookup(t, f);
      if (sel?.kind !== 'field') return null;
      t = sel.type;
    }
    if (t.kind !== 'pointer' || t.elem.kind !== 'named' || underlying(t.elem).kind !== 'struct') return null;
    const k = `${t.elem.decl.pkgPath}.${t.elem.decl.name}`;
    return { id: `self:${k}/`, selfType: k, declaring: null, held: true };
  }

  /**
   * A field or map reached from a receiver through a back pointer to the object that made
   * it (`pc.p.stats[k]++` where `PooledConn.p` is only ever set to the receiver of a
   * *Pool method: `return &PooledConn{c: c, p: p}`): the object is the owner itself, the
   * one its own methods touch (and lock), anchored on the owner's type.
   */
  private backPointerAnchor(a: Access): Anchor | null {
    const root = a.place.root;
    if (root?.scope !== 'recv' || a.place.path.length < 2 || a.place.indexed || !/^(map:)?field:/.test(a.key)) return null;
    const rt = root.type.kind === 'pointer' ? root.type.elem : root.type;
    if (rt.kind !== 'named') return null;
    const f = a.place.path[0]!;
    const sel = this.program.lookup(rt, f);
    if (sel?.kind !== 'field' || sel.path.length) return null;
    const t = sel.type;
    if (t.kind !== 'pointer' || t.elem.kind !== 'named' || underlying(t.elem).kind !== 'struct') return null;
    const owner = t.elem;
    const k = `${owner.decl.pkgPath}.${owner.decl.name}`;
    if (k === `${rt.decl.pkgPath}.${rt.decl.name}` || !this.backPointer(rt.decl, f, owner.decl)) return null;
    // Only for what the owner's own methods guard with a lock of their receiver: the
    // holder skips the owner's locking discipline.
    const depth = a.place.path.length - 1;
    const guarded = (this.accessesByKey.get(a.key) ?? []).some((b) => b.place.root?.scope === 'recv' && b.fn.recvDecl === owner.decl && b.place.path.length === depth && b.locks.some((l) => l.root === b.place.root));
    if (!guarded) return null;
    return { id: `self:${k}/${a.place.path.slice(1, -1).join('.')}`, selfType: k, declaring: null, held: true };
  }

  /** For each holder type and field (`pkg.T.f`), what every store into it stores: the type
   * of the method receiver stored, or null for anything else. Holder types built by a
   * positional literal are listed under `pkg.T.*`. Built in one walk of the program. */
  private backPointerStores: Map<string, Array<TypeDecl | null>> | null = null;

  /** Field f of holder type h is only ever set, in the program, to the receiver of a
   * method of owner type o (`&h{f: p}` or `x.f = p` inside `func (p *o) ...`), at least once. */
  private backPointer(h: TypeDecl, f: string, o: TypeDecl): boolean {
    const stores = this.backPointerStores ??= this.collectBackPointerStores();
    const holder = `${h.pkgPath}.${h.name}`;
    if (stores.has(`${holder}.*`)) return false;
    const list = stores.get(`${holder}.${f}`);
    return !!list && list.length > 0 && list.every((d) => d === o);
  }

  private collectBackPointerStores(): Map<string, Array<TypeDecl | null>> {
    const out = new Map<string, Array<TypeDecl | null>>();
    const holderOf = (t: Type): string | null => {
      const b = t.kind === 'pointer' ? t.elem : t;
      return b.kind === 'named' ? `${b.decl.pkgPath}.${b.decl.name}` : null;
    };
    const add = (key: string, d: TypeDecl | null): void => {
      const list = out.get(key) ?? [];
      list.push(d);
      out.set(key, list);
    };
    for (const fn of this.program.funcs) {
      if (!fn.body || fn.parent) continue;
      // fn is a method declaration: its literals name the same receiver.
      const stored = (e: ast.Expr | null): TypeDecl | null => {
        const x = e ? unparen(e) : null;
        return x?.kind === 'Ident' && fn.recv && this.program.objectOf(x) === fn.recv ? fn.recvDecl ?? null : null;
      };
      walkKinds(fn.body, STORE_KINDS, (n) => {
        if (n.kind === 'CompositeLit') {
          const h = holderOf(this.program.typeOf(n));
          if (!h) return undefined;
          for (const el of n.elts) {
            if (el.kind === 'KeyValueExpr' && el.key.kind === 'Ident') add(`${h}.${el.key.name}`, stored(el.value));
            else if (el.kind !== 'KeyValueExpr') add(`${h}.*`, null);
          }
        } else if (n.kind === 'AssignStmt') {
          n.lhs.forEach((l, i) => {
            const x = unparen(l);
            if (x.kind !== 'SelectorExpr') return;
            const h = holderOf(this.program.typeOf(x.x));
            if (!h || this.program.selectionOf(x)?.kind !== 'field') return;
            add(`${h}.${x.sel.name}`, n.lhs.length === n.rhs.length ? stored(n.rhs[i] ?? null) : null);
          });
        }
        return undefined;
      });
    }
    return out;
  }

  /**
   * An object its function has already put into a collection held by another object
   * (`p.idle = append(p.idle, c)`, `s.conns[id] = c`) is, from there on, an element of
   * that collection: whoever takes it out (`for _, c := range p.idle`) reaches the same
   * object, so what the function still writes to it afterwards is shared.
   */
  private publishedAnchor(a: Access): Anchor | null {
    const root = a.place.root;
    if (!root || root.func !== a.fn || (root.scope !== 'local' && root.scope !== 'param') || root.type.kind !== 'pointer' || a.place.path.length === 0 || !a.fn.body) return null;
    const into = this.publishSites(a.fn).find((site) => before(site.span, a.span) && site.values.includes(root))?.into;
    if (!into) return null;
    const p = placeOf(this.program, into);
    if (!p?.root || p.root === root || p.path.length === 0 || p.root.scope === 'local') return null;
    const r = this.computeAnchor(p.root, [...p.path, '[]', ...a.place.path.slice(0, -1)], 1);
    return r && { ...r, published: true };
  }

  /** The element anchor of a collection held by another object that v's function puts
   * v into (`s.conns[id] = c`, `p.idle = append(p.idle, c)`), at field path prefix. */
  private publishedElement(v: VarObj, prefix: string[]): Anchor | null {
    if (v.scope !== 'local' || v.type.kind !== 'pointer' || !v.func?.body) return null;
    const into = this.publishSites(v.func).find((site) => site.values.includes(v))?.into;
    if (!into) return null;
    const p = placeOf(this.program, into);
    if (!p?.root || p.root === v || p.path.length === 0 || p.root.scope === 'local') return null;
    return this.computeAnchor(p.root, [...p.path, '[]', ...prefix], 1);
  }

  private readonly publishCache = new Map<FuncInfo, PublishSite[]>();

  /** fn's own statements that put a variable into a collection (`m[k] = c`, `xs =
   * append(xs, c)`), in source order: computed once per function, not per access. */
  private publishSites(fn: FuncInfo): PublishSite[] {
    const hit = this.publishCache.get(fn);
    if (hit) return hit;
    const out: PublishSite[] = [];
    const varOf = (e: ast.Expr): VarObj | null => { const x = unparen(e); const o = x.kind === 'Ident' ? this.program.objectOf(x) : null; return o?.kind === 'var' ? o : null; };
    if (fn.body) walkBodyKinds(fn.body, ASSIGNS, (n) => {
      if (n.kind !== 'AssignStmt' || n.lhs.length !== 1 || n.rhs.length !== 1) return undefined;
      const lhs = unparen(n.lhs[0]!);
      const rhs = unparen(n.rhs[0]!);
      const v = lhs.kind === 'IndexExpr' ? varOf(rhs) : null;
      if (lhs.kind === 'IndexExpr' && v) out.push({ span: n.span, into: lhs.x, values: [v] });
      else if (rhs.kind === 'CallExpr' && rhs.fun.kind === 'Ident' && rhs.fun.name === 'append' && this.program.objectOf(rhs.fun)?.kind !== 'var' && !rhs.ellipsis) {
        const values = rhs.args.slice(1).map(varOf).filter((v): v is VarObj => !!v);
        if (values.length) out.push({ span: n.span, into: lhs, values });
      }
      return undefined;
    });
    this.publishCache.set(fn, out);
    return out;
  }

  /**
   * A field reached through an embedded struct (`s.applied` promoted from `*applyState`,
   * `c.Stats` held by value) is the one the embedded type's own methods touch on their
   * receiver (`a.applied`): anchored on the embedded type when it has methods of its own.
   */
  private embeddedSelf(t: Type, prefix: string[]): { k: string; prefix: string[] } | null {
    if (t.kind !== 'named') return null;
    let cur: Type = t;
    let i = 0;
    for (; i < prefix.length && i < 4; i++) {
      const u = underlying(cur);
      if (u.kind !== 'struct') break;
      const f = u.fields.find((x) => x.name === prefix[i]);
      if (!f?.embedded) break;
      const ft = f.type.kind === 'pointer' ? f.type.elem : f.type;
      if (ft.kind !== 'named' || underlying(ft).kind !== 'struct' || !this.program.methodsOf(ft.decl).size) break;
      cur = ft;
    }
    if (i === 0 || cur.kind !== 'named') return null;
    return { k: `${cur.decl.pkgPath}.${cur.decl.name}`, prefix: prefix.slice(i) };
  }

  private selfAnchor(t: Type, prefix: string[], declaring: FuncInfo | null): Anchor | null {
    if (t.kind !== 'named') return null;
    const e = this.embeddedSelf(t, prefix);
    const k = e ? e.k : `${t.decl.pkgPath}.${t.decl.name}`;
    return { id: `self:${k}/${(e ? e.prefix : prefix).join('.')}`, selfType: k, declaring };
  }

  private computeAnchor(root: VarObj | null, prefix: string[], depth: number): Anchor | null {
    if (!root) return null;
    const p = prefix.join('.');
    if (root.scope === 'pkg') return { id: `global:${root.pkgPath}.${root.name}/${p}`, selfType: null, declaring: null };
    if (root.scope === 'recv') {
      const t = root.type.kind === 'pointer' ? root.type.elem : root.type;
      return this.selfAnchor(t, prefix, null);
    }
    if (this.captured.has(root)) {
      // A constructor's object, captured by the goroutine it starts and returned to the
      // caller, is the same object the type's methods see.
      const t = root.type.kind === 'pointer' ? root.type.elem : root.type;
      // One of the objects a function makes, hands to its goroutines and returns in a
      // slice (`r := &Result{}; rs = append(rs, r); go func() { r.Err = ... }()`): the
      // caller ranging over that slice meets those objects, and nothing else does.
      if (root.func && this.returnedVars(root.func).has(root) && this.returnedElems.has(root)) {
        return { id: `elem:${root.id}/${p}`, selfType: null, declaring: null };
      }
      if (t.kind === 'named' && root.func && this.returnedVars(root.func).has(root)) {
        return typeAnchor(t, p, null);
      }
      // So is an object made here and captured by pointer, whose methods its function
      // also calls (`s := &T{}; go func() { close(s.ch) }(); s.run()`): the literal and
      // the methods reach one object. Not returned, it stays the object of the call that
      // made it, shared only with goroutines that call starts.
      if (t.kind === 'named' && root.func && this.allocatedReceiver(root)) {
        return typeAnchor(t, p, root.func);
      }
      // A pointer read out of a shared object under its lock (`st, ok := m.ops[op]`, or
      // made and put there when missing), captured by a closure that runs after the lock
      // is gone: the closure changes the collection's element, whichever call made it.
      const out = depth < 3 && root.type.kind === 'pointer' ? this.capturedReadOut(root) : null;
      if (out) {
        const r = this.computeAnchor(out.root, [...out.path, ...prefix], depth + 1);
        if (r && !r.declaring) return r;
      }
      // The object a captured pointer points at is also the one a method of its type
      // sees when called on it (`y := &account{}; go func() { y.balance++ }(); y.deposit(5)`).
      return { id: `var:${root.id}/${p}`, selfType: null, declaring: root.func, alsoSelf: selfOfPointer(root, p), alsoVar: root };
    }
    // A local whose address goroutines or callees get as a parameter (`go scanShard(sh,
    // &res, &wg)`) is one variable for them and for its function, like a captured one.
    // One whose address its function also sends on a channel (`parse(&e); ch <- &e`) is
    // the object the receivers get as a pointer of its type.
    if (root.scope === 'local' && this.paramAliases().locals.has(root)) {
      const sent = this.sentLocalSelf(root, p);
      return { id: `var:${root.id}/${p}`, selfType: null, declaring: root.func, ...(sent ? { alsoSelf: sent, alsoVar: root } : {}) };
    }
    // A struct local whose address a `go v.m()` hands to the goroutine as its pointer
    // receiver: the object that method's goroutine sees as its T.
    if (root.scope === 'local' && this.goReceiverLocal(root)) {
      const t = root.type as Extract<Type, { kind: 'named' }>;
      return { id: `var:${root.id}/${p}`, selfType: null, declaring: root.func, alsoSelf: typeAnchor(t, p, null).id, alsoVar: root };
    }
    // A pointer parameter that every call gives the address of one variable (or one
    // pointer variable) is that variable. A local pointer is followed no further: what
    // it points to may be made anew by each call of its function (`c := &Certificate{}`),
    // so the parameter shares it only with goroutines that call started.
    if (root.scope === 'param' && depth < 3) {
      // A pointer every call passes on from a receive of a broadcast (`s.h(m)` for each m
      // of `range s.ch`): the object sent to every receiver.
      if (root.type.kind === 'pointer' && this.receivedBroadcast(root, 0)) return pointeeAnchor(root, p);
      const alias = this.paramAliases().params.get(root);
      // A slice of objects the caller got from a function that made them (`summary(runAll(
      // jobs))`): an element is one of those objects.
      if (!alias && prefix[0] === '[]') {
        const elem = this.paramElement(root) ?? this.variadicElement(root);
        return elem ? this.computeAnchor(elem, prefix.slice(1), depth + 1) : null;
      }
      // A pointer every call gives the address of one field of one variable
      // (`podFromTemplate(&rs.Template, ...)`): that variable's field.
      // A pointer every call receives from a channel as it passes it (`sum.add(<-out)`):
      // the object a sender sent, an object of its type.
      if (!alias && root.type.kind === 'pointer' && this.paramReceived(root)) return pointeeAnchor(root, p);
      if (!alias) {
        const field = this.paramFieldAddress(root);
        return field ? this.computeAnchor(field.root, [...field.path, ...prefix], depth + 1) : null;
      }
      // A local read out of a shared object (`e := c.items[k]; c.touch(e)`) is that
      // object's element or field, in the callee as in its own function.
      if (alias.scope === 'local' && !this.paramAliases().locals.has(alias) && this.readOut(alias)) return this.computeAnchor(alias, prefix, depth + 1);
      // A local the caller got from a function that made the object and handed it to a
      // goroutine before returning it (`u := c.StartUpload(...)` where StartUpload does `u :=
      // &Upload{}; go c.run(ctx, u); return u`): that function's object.
      const made = alias.scope === 'local' ? this.returnedAllocation(alias) : null;
      if (made) return { id: `var:${made.id}/${p}`, selfType: null, declaring: made.func, alsoSelf: selfOfPointer(made, p), alsoVar: made };
      if (alias.scope === 'local' || alias.scope === 'result') return { id: `var:${alias.id}/${p}`, selfType: null, declaring: alias.func, alsoSelf: selfOfPointer(alias, p) ?? this.sentLocalSelf(alias, p), alsoVar: alias };
      return this.computeAnchor(alias, prefix, depth + 1);
    }
    // A local read out of another anchored object (`c := s.conns[id]`) shares its anchor;
    // a local made here (`s := &Server{}`) is an object of its type once it is shared.
    if (depth < 3 && root.scope === 'local') {
      if (this.chanRangeValue(root)) return pointeeAnchor(root, p);
      const e = singleDefinition(this.program, root) ?? this.fetchedDefinition(root);
      if (!e) {
        // A snapshot (`cs = append(cs, c)` for every c of `range h.clients`): its elements
        // are the collection's.
        const snap = prefix[0] === '[]' ? this.snapshotOf(root) : null;
        if (snap) return this.computeAnchor(snap.root, [...snap.path, ...prefix], depth + 1);
        // `var g Group`: a zero value made here, like `g := Group{}`.
        const t = root.type;
        if (t.kind !== 'named' || underlying(t).kind !== 'struct' || !this.zeroDeclared(root)) return null;
        return typeAnchor(t, p, null);
      }
      const fetched = this.fetchedFrom(e);
      if (fetched) {
        // A struct copied out by a getter (`c := n.Config()`, `return n.cfg`): its slices
        // and maps are the receiver's own, as its methods see them.
        // So are the fields of a pointer handed out as one of the receiver's elements
        // (`c := p.Acquire()` returning one of p.conns), or as a pointer field of the
        // receiver (`c := s.Config()` returning s.cfg): the object the receiver's methods
        // reach through that field.
        const hp = root.type.kind === 'pointer' ? handedOut(this.program, unparen(e) as ast.CallExpr) : null;
        const h = isStructValue(root.type) ? handedOut(this.program, unparen(e) as ast.CallExpr) : hp && !hp.copy ? hp : null;
        const alsoSelf = h && !h.copy ? `self:${h.typeKey}/${[...h.path, ...prefix].join('.')}` : undefined;
        return { id: `fetched:${fetched}/${p}`, selfType: null, declaring: null, ...(alsoSelf ? { alsoSelf } : {}) };
      }
      // A pointer received from a channel (`r := <-in`) is the object its sender sent:
      // an object of its type, shared with the sender.
      const recvd = unparen(e);
      if (recvd.kind === 'UnaryExpr' && recvd.op === '<-') return pointeeAnchor(root, p);
      if (isAllocation(e)) {
        const t = root.type.kind === 'pointer' ? root.type.elem : root.type;
        if (t.kind !== 'named') return null;
        return typeAnchor(t, p, null);
      }
      // A range variable (`for _, t := range q.tasks`) holds an element, like `q.tasks[i]`.
      const chain: string[] = this.rangeValue(root) ? ['[]'] : [];
      let x = unparen(e);
      let asserted: Type | null = null;
      for (;;) {
        // `s, ok := e.(*scroll)`, `ctx.Value(k).(*state)`: the object the interface holds.
        if (x.kind === 'TypeAssertExpr' && chain.length === 0) { asserted = this.program.typeOf(x); x = unparen(x.x); continue; }
        if (x.kind === 'SelectorExpr') {
          const sel = this.program.selectionOf(x);
          if (sel?.kind !== 'field') break;
          chain.unshift(...sel.path, sel.name);
          x = unparen(x.x);
        } else if (x.kind === 'IndexExpr' || x.kind === 'StarExpr') { chain.unshift('[]'); x = unparen(x.x); }
        else if (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
        else if (x.kind === 'CallExpr' && !asserted && chain[0] === '[]' && this.returnedElement(x)) {
          // `for _, r := range runAll(jobs)`: one of the objects the called function made.
          return this.computeAnchor(this.returnedElement(x)!, [...chain.slice(1), ...prefix], depth + 1);
        } else if (x.kind === 'CallExpr' && !asserted) {
          // `for _, j := range s.Jobs()` where Jobs returns `append([]*Job(nil), s.jobs...)`:
          // the elements are the receiver's own objects, as its methods see them.
          const h = handedOut(this.program, x);
          if (!h || (h.copy && chain[0] !== '[]')) break;
          return { id: `self:${h.typeKey}/${[...h.path, ...chain, ...prefix].join('.')}`, selfType: h.typeKey, declaring: null };
        } else break;
      }
      // Asserted straight out of an interface value: an object of the asserted type, shared
      // as far as the goroutines holding it show (see objectLabels).
      if (asserted && chain.length === 0) {
        // A value fetched from a sync.Map (`v, _ := c.m.LoadOrStore(k, &stats{})`, or a
        // Range callback's value): every goroutine using that map gets the same object.
        const held = x.kind === 'Ident' ? this.program.objectOf(x) : null;
        const store = held?.kind === 'var' ? this.syncMapValue(held) : null;
        if (store) return { id: `fetched:${store}/${p}`, selfType: null, declaring: null };
        const t = asserted.kind === 'pointer' ? asserted.elem : asserted;
        if (asserted.kind !== 'pointer' || t.kind !== 'named') return null;
        return typeAnchor(t, p, null);
      }
      if (x.kind !== 'Ident') return null;
      const o = this.program.objectOf(x);
      if (o?.kind !== 'var') return null;
      // A copy of a package variable's pointer (`opts := defaultOpts`) points at the
      // package variable's object: writing through it writes the shared object.
      if (chain.length === 0) return o.scope === 'pkg' && root.type.kind === 'pointer' && o.type.kind === 'pointer' && !asserted ? this.computeAnchor(o, prefix, depth + 1) : null;
      const r = this.computeAnchor(o, [...chain, ...prefix], depth + 1);
      // A pointer element of a collection (`for _, c := range d.containers`, `c :=
      // s.conns[id]`) points at an object of its type: the one its methods see as their
      // receiver (`c.State.Pid = pid` in a method of Container).
      const self = r && !r.declaring && !r.alsoSelf && chain[chain.length - 1] === '[]' ? selfOfPointer(root, p) : undefined;
      if (self && self !== r!.id) return { ...r!, alsoSelf: self };
      // So does a pointer loaded from a field of one (`t := l.target` for every l of
      // `range sp.loops`): the object it points at is the one T's methods see (`t.health`
      // read here is what `(*Target).report` writes under the target's own lock).
      const pointee = r && !r.declaring && chain.length > 0 && chain[chain.length - 1] !== '[]' && /[/.]\[\]/.test(r.id) ? selfOfPointer(root, p) : undefined;
      return pointee && pointee !== r!.id && pointee !== r!.alsoSelf ? { ...r!, alsoPointee: pointee } : r;
    }
    return null;
  }

  /** For a struct local whose function sends its address on a channel (`ch <- &e`): the
   * anchor id of its type's objects at path p, as the receivers name them. */
  private sentLocalSelf(v: VarObj, p: string): string | undefined {
    return v.type.kind === 'named' && this.addressSent(v) ? typeAnchor(v.type, p, null).id : undefined;
  }

  /** A struct local whose function sends its address on a channel (`ch <- &e`). */
  private addressSent(v: VarObj): boolean {
    return this.addressSentOn(v).length > 0;
  }

  /** The keys of the channels v's function sends v's address on (`ch <- &e`), for a struct local v. */
  private addressSentOn(v: VarObj): string[] {
    const body = v.func?.body;
    if (!body || v.scope !== 'local' || underlying(v.type).kind !== 'struct') return [];
    let hit = this.addressSentCache.get(v);
    if (hit) return hit;
    const keys: string[] = [];
    walkBodyKinds(body, SENDS, (n) => {
      if (n.kind !== 'SendStmt') return undefined;
      const x = unparen(n.value);
      const t = x.kind === 'UnaryExpr' && x.op === '&' ? unparen(x.x) : null;
      const k = t?.kind === 'Ident' && this.program.objectOf(t) === v ? placeOf(this.program, n.chan)?.key : null;
      if (k && !keys.includes(k)) keys.push(k);
      return undefined;
    });
    this.addressSentCache.set(v, (hit = keys));
    return hit;
  }
  private readonly addressSentCache = new Map<VarObj, string[]>();

  /** The key of the channel a pointer local takes its value from: the value of `for x :=
   * range ch`, or defined once by `x := <-ch` (`x, ok := <-ch`). */
  private receivedFrom(v: VarObj): string | null {
    const fn = v.func;
    if (!fn?.body || v.scope !== 'local' || v.type.kind !== 'pointer') return null;
    let out: string | null = null;
    walk(fn.body, (n) => {
      if (out) return false;
      if (n.kind === 'RangeStmt' && n.key?.kind === 'Ident' && underlying(this.program.typeOf(n.x)).kind === 'chan' && (this.program.info.defs.get(n.key) ?? this.program.objectOf(n.key)) === v) out = placeOf(this.program, n.x)?.key ?? null;
      return undefined;
    });
    if (out) return out;
    const d = singleDefinition(this.program, v);
    const x = d ? unparen(d) : null;
    return x?.kind === 'UnaryExpr' && x.op === '<-' ? placeOf(this.program, x.x)?.key ?? null : null;
  }

  /**
   * A local slice filled only with elements of one collection held by another object:
   * every assignment to it is an empty start (`make`, nil, `{}`) or `xs = append(xs, v)`
   * with v the value of a range over that collection. Returns the collection's place.
   */
  private snapshotOf(local: VarObj): { root: VarObj; path: string[] } | null {
    const body = local.func?.body;
    if (!body) return null;
    let origin: { root: VarObj; path: string[]; key: string } | null = null;
    let ok = true;
    walk(body, (n) => {
      if (!ok) return false;
      if (n.kind === 'RangeStmt' && [n.key, n.value].some((k) => k?.kind === 'Ident' && this.program.objectOf(k) === local)) ok = false;
      if (n.kind !== 'AssignStmt') return undefined;
      n.lhs.forEach((l, i) => {
        if (!ok || l.kind !== 'Ident' || this.program.objectOf(l) !== local) return;
        const r = n.lhs.length === n.rhs.length ? unparen(n.rhs[i]!) : null;
        if (!r) { ok = false; return; }
        if (r.kind === 'CallExpr' && r.fun.kind === 'Ident' && r.fun.name === 'append' && !r.ellipsis) {
          const first = r.args[0] ? unparen(r.args[0]) : null;
          if (first?.kind !== 'Ident' || this.program.objectOf(first) !== local) { ok = false; return; }
          for (const a of r.args.slice(1)) {
            const x = unparen(a);
            const v = x.kind === 'Ident' ? this.program.objectOf(x) : null;
            const def = v?.kind === 'var' && v.scope === 'local' && this.rangeValue(v) ? singleDefinition(this.program, v) : null;
            const p = def ? placeOf(this.program, def) : null;
            if (!p?.root || !p.key || p.root.scope === 'local' || p.path.length === 0 || p.indexed || (origin && origin.key !== p.key)) { ok = false; return; }
            origin = { root: p.root, path: p.path, key: p.key };
          }
          return;
        }
        if (!(r.kind === 'CallExpr' && r.fun.kind === 'Ident' && r.fun.name === 'make') && !(r.kind === 'CompositeLit' && r.elts.length === 0) && !(r.kind === 'Ident' && r.name === 'nil')) ok = false;
      });
      return undefined;
    });
    const o = origin as { root: VarObj; path: string[]; key: string } | null;
    return ok && o ? { root: o.root, path: o.path } : null;
  }

  /** A local defined once by reading out of a field, an element or a shared store
   * (`e, ok := c.items[k]`, `x := s.cur`, `v := cache.Get(k)`), not made here. */
  private readOut(v: VarObj): boolean {
    const e = singleDefinition(this.program, v);
    if (!e) return false;
    if (this.fetchedFrom(e)) return true;
    let x = unparen(e);
    let steps = this.rangeValue(v) ? 1 : 0;
    for (;;) {
      if (x.kind === 'SelectorExpr') { if (this.program.selectionOf(x)?.kind !== 'field') return false; steps++; x = unparen(x.x); }
      else if (x.kind === 'IndexExpr' || x.kind === 'StarExpr') { steps++; x = unparen(x.x); }
      else if (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
      else break;
    }
    return steps > 0 && x.kind === 'Ident';
  }

  /**
   * A variable holding a value fetched from a sync.Map held in a field or a variable:
   * defined once by its Load, LoadOrStore, LoadAndDelete or Swap (the value result), or the
   * value parameter of a function literal handed to its Range. Returns `sync.Map@key`.
   */
  private syncMapValue(v: VarObj): string | null {
    const ops = ['Load', 'LoadOrStore', 'LoadAndDelete', 'Swap'];
    const holder = (call: ast.CallExpr, names: readonly string[]): string | null => {
      const c = calleeOf(this.program, call);
      const f = unparen(call.fun);
      if (!isMethodCall(c, 'sync', 'Map', names) || f.kind !== 'SelectorExpr') return null;
      const pl = placeOf(this.program, f.x);
      return pl?.key ? `sync.Map@${pl.key}` : null;
    };
    if (v.scope === 'param') {
      const lit = v.func;
      if (!lit || lit.node.kind !== 'FuncLit' || lit.params.indexOf(v) !== 1 || !lit.parent?.body) return null;
      let found: string | null = null;
      walk(lit.parent.body, (n) => {
        if (found) return false;
        if (n.kind === 'CallExpr' && n.args.length === 1 && unparen(n.args[0]!) === lit.node) found = holder(n, ['Range']);
        return undefined;
      });
      return found;
    }
    if (v.scope !== 'local') return null;
    const e = singleDefinition(this.program, v);
    const x = e ? unparen(e) : null;
    if (x?.kind !== 'CallExpr') return null;
    // The value is the first result; `ok`, `loaded` are the second.
    const body = v.func?.body;
    let first = false;
    if (body) walk(body, (n) => {
      if (n.kind === 'AssignStmt' && n.rhs.length === 1 && unparen(n.rhs[0]!) === x) first = n.lhs[0]?.kind === 'Ident' && this.program.objectOf(n.lhs[0]) === v;
      else if (n.kind === 'ValueSpec' && n.values.length === 1 && unparen(n.values[0]!) === x) first = this.program.objectOf(n.names[0]!) === v || this.program.info.defs.get(n.names[0]!) === v;
      return undefined;
    });
    return first ? holder(x, ops) : null;
  }

  /** The variable is declared with no value (`var g Group`) and never assigned. */
  private zeroDeclared(v: VarObj): boolean {
    const body = v.func?.body;
    if (!body) return false;
    let declared = false;
    let assigned = false;
    walk(body, (n) => {
      if (n.kind === 'ValueSpec' && n.values.length === 0 && n.names.some((id) => this.program.objectOf(id) === v)) declared = true;
      else if (n.kind === 'AssignStmt' && n.lhs.some((l) => l.kind === 'Ident' && this.program.objectOf(l) === v)) assigned = true;
      else if (n.kind === 'RangeStmt' && [n.key, n.value].some((k) => k?.kind === 'Ident' && this.program.objectOf(k) === v)) assigned = true;
      return undefined;
    });
    return declared && !assigned;
  }

  /**
   * Pointer parameters that every visible call (and `go` statement) gives the address of
   * one local variable (`&res`) or one pointer variable, and channel parameters every
   * call gives one channel variable, with those variables; `locals` holds the locals whose
   * address is given that way. A parameter of a function also
   * called in ways whose arguments are not seen (through interfaces or function values)
   * has no alias.
   */
  private paramAliases(): ParamAliases {
    if (this.aliasCache) return this.aliasCache;
    const sites = new Map<FuncInfo, Array<ast.Expr[] | null>>();
    const add = (fn: FuncInfo, args: ast.Expr[] | null): void => {
      const list = sites.get(fn) ?? [];
      list.push(args);
      sites.set(fn, list);
    };
    const aliasable = (q: VarObj): boolean => q.type.kind === 'pointer' || underlying(q.type).kind === 'chan';
    const hasPointerParam = (fn: FuncInfo): boolean => fn.params.some((q) => aliasable(q) || isStructValue(q.type));
    for (const fn of this.program.funcs) {
      if (!hasPointerParam(fn)) continue;
      for (const e of this.callgraph.callers(fn)) {
        const direct = staticTarget(calleeOf(this.program, e.call)) === fn || unparen(e.call.fun) === fn.node;
        add(fn, direct ? e.call.args : null);
      }
    }
    for (const c of this.contexts) {
      // The exported API's callers outside the module are not seen: what the module's
      // own calls pass is what its goroutines share (the API context keeps medium
      // confidence).
      if (c.kind === 'api') continue;
      for (const r of c.roots) {
        if (!hasPointerParam(r)) continue;
        const call = c.spawnNode?.kind === 'GoStmt' ? c.spawnNode.call : null;
        const direct = !!call && (staticTarget(calleeOf(this.program, call)) === r || unparen(call.fun) === r.node);
        add(r, direct ? call!.args : null);
      }
    }
    const params = new Map<VarObj, VarObj>();
    const values = new Map<VarObj, VarObj>();
    const locals = new Set<VarObj>();
    const byVarId = new Map<number, VarObj[]>();
    for (const [fn, list] of sites) {
      if (list.some((x) => x === null)) continue;
      fn.params.forEach((q, i) => {
        if (fn.sig.variadic && i === fn.params.length - 1) return;
        if (isStructValue(q.type)) {
          // A struct passed by value: the variable every call copies.
          let from: VarObj | null = null;
          for (const args of list) {
            const x = args![i] ? unparen(args![i]!) : null;
            const o = x?.kind === 'Ident' ? this.program.objectOf(x) : null;
            if (o?.kind !== 'var' || (from && o !== from) || o.type !== q.type && !sameNamedType(o.type, q.type) || o.type.kind === 'pointer') { from = null; break; }
            from = o;
          }
          if (from && from !== q) values.set(q, from);
          return;
        }
        if (!aliasable(q)) return;
        let alias: VarObj | null = null;
        let addressed = false;
        for (const args of list) {
          let x = args![i] ? unparen(args![i]!) : null;
          const amp = x?.kind === 'UnaryExpr' && x.op === '&';
          if (x && amp) x = unparen((x as ast.UnaryExpr).x);
          const o = x?.kind === 'Ident' ? this.program.objectOf(x) : null;
          // A recursive call handing the parameter on (`go func() { r.visit(d, wg) }()`)
          // passes whatever the outer call got.
          if (o === q && !amp) continue;
          if (o?.kind !== 'var' || (amp && o.scope !== 'local') || (alias && (o !== alias || amp !== addressed))) { alias = null; break; }
          alias = o;
          addressed = amp;
        }
        if (!alias || alias === q || (!addressed && underlying(alias.type).kind !== underlying(q.type).kind)) return;
        params.set(q, alias);
        if (addressed) locals.add(alias);
        byVarId.set(alias.id, [...(byVarId.get(alias.id) ?? []), q]);
      });
    }
    this.aliasCache = { params, values, locals, byVarId };
    return this.aliasCache;
  }

  /** The variable is the key of a range statement over a channel (`for r := range in`). */
  private chanRangeValue(v: VarObj): boolean {
    const fn = v.func;
    if (!fn?.body || v.type.kind !== 'pointer') return false;
    let found = false;
    walk(fn.body, (n) => {
      if (found) return false;
      if (n.kind === 'RangeStmt' && n.key?.kind === 'Ident' && underlying(this.program.typeOf(n.x)).kind === 'chan' && (this.program.info.defs.get(n.key) ?? this.program.objectOf(n.key)) === v) found = true;
      return undefined;
    });
    return found;
  }

  /** The variable is the value of a range statement over a slice, array or map. */
  private rangeValue(v: VarObj): boolean {
    const fn = v.func;
    if (!fn?.body) return false;
    let vars = this.rangeValues.get(fn);
    if (!vars) {
      const found = new Set<VarObj>();
      walk(fn.body, (n) => {
        if (n.kind !== 'RangeStmt' || n.value?.kind !== 'Ident') return undefined;
        const t = underlying(this.program.typeOf(n.x));
        const u = t.kind === 'pointer' ? underlying(t.elem) : t;
        const o = this.program.objectOf(n.value);
        if (o?.kind === 'var' && (u.kind === 'slice' || u.kind === 'array' || u.kind === 'map')) found.add(o);
        return undefined;
      });
      vars = found;
      this.rangeValues.set(fn, vars);
    }
    return vars.has(v);
  }

  /**
   * `x := cache.Get(k)` where Get hands out data its receiver holds (`return c.m[k]`):
   * every caller gets the same shared object. Returns `Type.Method`, or null.
   */
  /**
   * Every value v is given in its function (`v := e`, `v = e`, `var v = e`), in source
   * order; null when a range assigns it or a definition's value cannot be told apart
   * (`a, v = f()` gives the call).
   */
  private definitionsOf(v: VarObj): Array<{ value: ast.Expr | null; declared: boolean }> | null {
    const body = v.func?.body;
    if (!body) return null;
    const defs: Array<{ value: ast.Expr | null; declared: boolean }> = [];
    let ok = true;
    walk(body, (n) => {
      if (!ok) return false;
      if (n.kind === 'RangeStmt' && [n.key, n.value].some((k) => k?.kind === 'Ident' && this.program.objectOf(k) === v)) ok = false;
      else if (n.kind === 'AssignStmt') {
        n.lhs.forEach((l, i) => {
          if (l.kind !== 'Ident' || this.program.objectOf(l) !== v) return;
          const r = n.lhs.length === n.rhs.length ? n.rhs[i] : n.rhs[0];
          if (!r) ok = false;
          else defs.push({ value: r, declared: false });
        });
      } else if (n.kind === 'ValueSpec') {
        n.names.forEach((id, i) => {
          if (this.program.objectOf(id) !== v) return;
          // `var v T` gives no value; it still counts as a declaration.
          defs.push({ value: n.values[i] ?? n.values[0] ?? null, declared: true });
        });
      }
      return undefined;
    });
    return ok ? defs : null;
  }

  /**
   * Of a local given several values, the one fetched from a shared store (`resp, ok :=
   * h.cache.Get(k); if !ok { resp = h.fetch(k); h.cache.Put(k, resp) }`): on that path the
   * local is the store's object. Not when another value is made from the local itself
   * (`resp = resp.clone()`): the copy is what the code goes on to change.
   */
  private fetchedDefinition(v: VarObj): ast.Expr | null {
    const defs = this.definitionsOf(v)?.flatMap((d) => (d.value ? [d.value] : []));
    if (!defs) return null;
    if (defs.length < 2) return null;
    const fetched = defs.filter((d) => this.fetchedFrom(d));
    if (fetched.length !== 1) return null;
    const mentions = (d: ast.Expr): boolean => { let m = false; walk(d, (n) => { if (m) return false; if (n.kind === 'Ident' && this.program.objectOf(n) === v) m = true; return undefined; }); return m; };
    return defs.some(mentions) ? null : fetched[0]!;
  }

  /**
   * A captured local pointer defined by reading an element or field out of a receiver
   * or package variable (`st, ok := m.ops[op]`), and otherwise only by new objects
   * (`st = &opStats{}`, which the code then stores there): the place it was read from.
   */
  private capturedReadOut(v: VarObj): { root: VarObj; path: string[] } | null {
    if (v.scope !== 'local') return null;
    const defs = this.definitionsOf(v);
    if (!defs || defs.some((d) => d.declared)) return null;
    const reads = defs.flatMap((d) => (d.value && !isAllocation(d.value) ? [d.value] : []));
    if (reads.length !== 1) return null;
    const read = reads[0]!;
    let x = unparen(read);
    const path: string[] = [];
    for (;;) {
      if (x.kind === 'SelectorExpr') {
        const sel = this.program.selectionOf(x);
        if (sel?.kind !== 'field') return null;
        path.unshift(...sel.path, sel.name);
        x = unparen(x.x);
      } else if (x.kind === 'IndexExpr') { path.unshift('[]'); x = unparen(x.x); }
      else break;
    }
    const o = x.kind === 'Ident' ? this.program.objectOf(x) : null;
    if (o?.kind !== 'var' || !path.length || (o.scope !== 'recv' && o.scope !== 'pkg')) return null;
    return { root: o, path };
  }

  private fetchedFrom(e: ast.Expr): string | null {
    const x = unparen(e);
    if (x.kind !== 'CallExpr') return null;
    const c = calleeOf(this.program, x);
    // A pointer handed out by a store the object delegates to through an interface
    // (`c.inner.Get(key)`, the application's shared cache): shared by every caller.
    if (c?.kind === 'method' && c.sel.method.iface && !c.sel.method.info) {
      const res = c.sel.method.sig.results[0];
      const fun = unparen(x.fun);
      const holder = fun.kind === 'SelectorExpr' ? placeOf(this.program, fun.x) : null;
      if (res?.kind === 'pointer' && res.elem.kind === 'named' && holder?.root?.scope === 'recv' && holder.path.length > 0) {
        const it = c.sel.method.iface;
        return `${it.kind === 'named' ? `${it.decl.pkgPath}.${it.decl.name}` : 'interface'}.${c.sel.method.name}`;
      }
      return null;
    }
    const m = c?.kind === 'method' ? c.sel.method.info : null;
    if (!m?.body || !m.recv || !m.recvDecl) return null;
    let returns = 0;
    let fromReceiver = 0;
    walk(m.body, (n) => {
      if (n.kind === 'FuncLit') return false;
      if (n.kind === 'ReturnStmt' && n.results.length) {
        returns++;
        let r = unparen(n.results[0]!);
        if (r.kind === 'Ident') r = rangedPointer(this.program, m, r) ?? returnedReadOut(this.program, m, r) ?? r;
        let steps = 0;
        while (r.kind === 'SelectorExpr' || r.kind === 'IndexExpr') { r = unparen(r.x); steps++; }
        if (steps > 0 && r.kind === 'Ident' && this.program.objectOf(r) === m.recv) fromReceiver++;
        else if (r.kind === 'Ident' && r.name === 'nil') returns--;
      }
      return undefined;
    });
    return returns > 0 && fromReceiver === returns ? `${m.recvDecl.pkgPath}.${m.recvDecl.name}.${m.recv ? (m.node as ast.FuncDecl).name.name : ''}` : null;
  }

  /**
   * Whether two contexts can touch the same object of type T (by its receiver methods).
   * A goroutine knows a T as `self` when it runs T's own methods or was started by one,
   * or as a variable handed to it (captured, passed, or the receiver of `go v.m()`);
   * a variable made fresh in the loop that starts it is one object per goroutine.
   * The main goroutine, tests and the exported API see any T they mention.
   */
  private sharesObject(x: GoroutineContext, y: GoroutineContext, typeKey: string): boolean {
    const lx = this.objectLabels(x, typeKey);
    const ly = this.objectLabels(y, typeKey);
    if (x === y) return lx.any || lx.shared.size > 0;
    // The exported API reaches the object that started the goroutine, not objects the
    // package made for it.
    // Objects a goroutine sends on a channel are the receiver's.
    if (this.channelShares(x, y, typeKey) || this.channelShares(y, x, typeKey)) return true;
    if (x.kind === 'api') return hasSelf(ly.all);
    if (y.kind === 'api') return hasSelf(lx.all);
    if (lx.any) return ly.any || ly.all.size > 0;
    if (ly.any) return lx.all.size > 0;
    for (const l of lx.all) if (ly.all.has(l)) return true;
    // A goroutine a T's method starts (`time.AfterFunc(ttl, func() { delete(c.tokens, k)
    // })` in `c.set`) runs on the T that method was called on: for a goroutine that calls
    // the method, one of the Ts it holds.
    if (this.startsOnHeld(x, lx, y, ly) || this.startsOnHeld(y, ly, x, lx)) return true;
    // An owned T (see ownedLabel) may still be the one a T's own goroutine runs on.
    if ((lx.all.has('self') && hasOwned(ly.all)) || (ly.all.has('self') && hasOwned(lx.all))) return true;
    return false;
  }

  /** Goroutine x was started by a method of the type on its own receiver ('self'), and
   * goroutine y calls that method while holding Ts of its own. */
  private startsOnHeld(x: GoroutineContext, lx: ObjectLabels, y: GoroutineContext, ly: ObjectLabels): boolean {
    // Only timer callbacks: a goroutine the method starts with `go` is most often joined
    // or handed over in ways (a wait inside a select loop, locks taken through wrapper
    // methods) that this pairing would miss.
    return x.kind === 'afterfunc' && !!x.spawner && lx.all.has('self') && !!x.spawner.recv && ly.all.size > 0 && this.reach.reaches(x.spawner, y.id);
  }

  /** `owned:H` when v's type H is not T itself but holds only Ts made for it. */
  private ownedLabel(t: Type, typeKey: string): string | null {
    const b = t.kind === 'pointer' ? t.elem : t;
    if (b.kind !== 'named' || `${b.decl.pkgPath}.${b.decl.name}` === typeKey) return null;
    return this.objectOrigins.ownsFresh(b.decl, typeKey, (f) => this.heldTypes(f).has(typeKey)) ? `owned:${b.decl.pkgPath}.${b.decl.name}` : null;
  }

  private readonly mentionCache = new Map<ast.Node, VarObj[]>();

  /** The variables a node names, each once, in source order: objectLabels asks for every
   * type of object a goroutine may hold, so the walk is done once per node. */
  private varsMentioned(n: ast.Node): VarObj[] {
    const hit = this.mentionCache.get(n);
    if (hit) return hit;
    const seen = new Set<VarObj>();
    walk(n, (m) => {
      if (m.kind === 'Ident') {
        const o = this.program.objectOf(m);
        if (o?.kind === 'var') seen.add(o);
      }
      return undefined;
    });
    const out = [...seen];
    this.mentionCache.set(n, out);
    return out;
  }

  private readonly holdingCache = new Map<ast.Node, Map<string, VarObj[]>>();
  /** heldTypes(v.type, true) by variable: a variable is mentioned by many goroutines, and
   * a type that is not a plain named one is cached by its (per-declaration) object. */
  private readonly deepHeldOfVar = new Map<VarObj, Set<string>>();

  /** The variables a node names whose type holds a T two levels down (heldTypes deep),
   * in source order: varsMentioned indexed by type, built once per node, since
   * objectLabels asks for every type a goroutine may hold. */
  private varsHolding(n: ast.Node, typeKey: string): readonly VarObj[] {
    let byType = this.holdingCache.get(n);
    if (!byType) {
      byType = new Map();
      for (const v of this.varsMentioned(n)) {
        let held = this.deepHeldOfVar.get(v);
        if (!held) { held = this.heldTypes(v.type, true); this.deepHeldOfVar.set(v, held); }
        for (const k of held) addToList(byType, k, v);
      }
      this.holdingCache.set(n, byType);
    }
    return byType.get(typeKey) ?? [];
  }

  private storedMethodValueCache: Map<string, MethodValueSite[]> | null = null;

  /** Method values stored away (not called where written), by their method's receiver type. */
  private storedMethodValues(): Map<string, MethodValueSite[]> {
    if (this.storedMethodValueCache) return this.storedMethodValueCache;
    const out = new Map<string, MethodValueSite[]>();
    for (const site of this.objectOrigins.methodValueSites()) {
      const m = site.method;
      if (site.expression || !site.stored || !m.recvDecl) continue;
      addToList(out, `${m.recvDecl.pkgPath}.${m.recvDecl.name}`, site);
    }
    return (this.storedMethodValueCache = out);
  }

  private deliveredByType: Map<string, Array<[FuncInfo, VarObj[]]>> | null = null;

  /** deliveredClosures that capture a variable whose type holds a T (heldTypes, one level). */
  private deliveredClosuresHolding(typeKey: string): Array<[FuncInfo, VarObj[]]> {
    if (!this.deliveredByType) {
      this.deliveredByType = new Map();
      for (const entry of this.deliveredClosures()) {
        const keys = new Set<string>();
        for (const v of entry[1]) for (const k of this.heldTypes(v.type)) keys.add(k);
        for (const k of keys) addToList(this.deliveredByType, k, entry);
      }
    }
    return this.deliveredByType.get(typeKey) ?? [];
  }

  private objectLabels(c: GoroutineContext, typeKey: string): ObjectLabels {
    let byType = this.labelCache[c.id];
    if (!byType) {
      byType = new Map();
      this.labelCache[c.id] = byType;
    }
    const hit = byType.get(typeKey);
    if (hit) return hit;
    const out: ObjectLabels = { any: false, all: new Set(), shared: new Set() };
    const ofType = (f: FuncInfo | null): boolean => {
      for (let g = f; g; g = g.parent) if (g.recvDecl && `${g.recvDecl.pkgPath}.${g.recvDecl.name}` === typeKey) return true;
      return false;
    };
    // A goroutine handed an object that holds a T (`go l.Run()` where l.Watcher is a
    // *Watcher, or a Store interface that only *memStore implements) can reach that T too.
    // A variable the goroutine is handed may hold it two levels down (`p.base.st`).
    const isT = (t: Type): boolean => this.heldTypes(t).has(typeKey);
    const isDeepT = (t: Type): boolean => this.heldTypes(t, true).has(typeKey);
    // A receiver (or a constructor's object) that is not itself a T, named by its type: the
    // goroutines that got their T from such an object, or that hold it, may share that T.
    const holderLabel = (v: VarObj): string | null => {
      const t = v.type.kind === 'pointer' ? v.type.elem : v.type;
      if (t.kind !== 'named') return null;
      const k = `${t.decl.pkgPath}.${t.decl.name}`;
      return k === typeKey ? 'self' : `holder:${k}`;
    };
    const mentions = (n: ast.Node, visit: (v: VarObj) => void) => { for (const o of this.varsHolding(n, typeKey)) visit(o); };
    if (!c.spawned) {
      out.any = c.roots.some(ofType) || this.typesMentioned(c).has(typeKey);
    } else {
      // `go s.loop()` inside T's own method, or T's handler methods: the object is T's self.
      // `go c.serve()` elsewhere: the object is whatever c is (see below).
      // A handler or service object (registered once, serving every request) and what it
      // holds are shared by all its goroutines.
      const holds = (f: FuncInfo): boolean => !!f.recvDecl && isT({ kind: 'named', decl: f.recvDecl, args: [] });
      if (ofType(c.spawner) || (!c.spawnNode && c.roots.some((r) => ofType(r) || holds(r)))) { out.all.add('self'); out.shared.add('self'); }
      // That self is the object a caller called the starting method on (`st := &Stats{};
      // st.Start(d, stop)`): the goroutines that caller's variable is handed to hold it too.
      if (c.spawner?.recv && ofType(c.spawner)) for (const l of this.receiverVarLabels(c.spawner)) out.all.add(l);
      const nodes: ast.Node[] = c.spawnNode ? [c.spawnNode, ...(c.handed ?? [])] : [];
      for (const r of c.roots) if (r.node.kind === 'FuncLit') nodes.push(r.node);
      const loops = c.spawner ? this.funcFacts.get(c.spawner)?.loops ?? [] : [];
      const spawnSpan = c.spawnNode?.span ?? null;
      // A constructor that starts a goroutine on the object it returns hands its callers
      // the goroutine's object: to them it is `self` too.
      const returned = c.spawner ? this.returnedVars(c.spawner) : new Set<VarObj>();
      const rootLits = c.roots.filter((r) => r.node.kind === 'FuncLit');
      for (const n of nodes) {
        mentions(n, (v) => {
          // A variable declared inside the goroutine's own function is that goroutine's.
          if (v.func && rootLits.some((r) => inside(v.func!, r))) return;
          if (v.scope === 'recv' || returned.has(v)) {
            // Held two levels down, the T is not the object's own: named by the holder.
            // A holder of another type that owns its T (made for it, kept nowhere else: a
            // connection's framer) shares it with the T's own goroutines, not with holders
            // of other types.
            if (isT(v.type)) { const l = this.ownedLabel(v.type, typeKey) ?? 'self'; out.all.add(l); out.shared.add(l); }
            const h = holderLabel(v);
            if (h) { out.all.add(h); out.shared.add(h); }
            return;
          }
          const label = `var:${v.id}`;
          out.all.add(label);
          // Also put into a collection of the starter's receiver (`sp.loops[u] = l; go
          // l.run()`): the goroutine's object is one of the receiver's elements, which the
          // receiver's other methods reach as well.
          if (c.spawner?.recv && v.func === c.spawner && this.publishSites(c.spawner).some((site) => site.values.includes(v) && placeOf(this.program, site.into)?.root === c.spawner!.recv)) { out.all.add('self'); out.shared.add('self'); }
          // Made fresh in the innermost loop that starts the goroutines: goroutines of an
          // inner loop all share what the outer loop made.
          const loop = spawnSpan ? innermostLoop(loops, spawnSpan) : null;
          const perIteration = !!loop && !!v.span && spanContains(loop, v.span);
          if (!perIteration) out.shared.add(label);
          // A holder that got its T through a pointer from elsewhere (`&getHandler{metrics:
          // shared}`, `w := p.base` with `base.st *stats`) shares that T with every other
          // holder given the same pointer: label the T by where the pointer came from.
          for (const src of this.heldSources(v, typeKey)) {
            const l = src.scope === 'recv' || (src.func && this.returnedVars(src.func).has(src)) ? holderLabel(src) ?? 'self' : `var:${src.id}`;
            out.all.add(l);
            if (!(loop && src.span && spanContains(loop, src.span))) out.shared.add(l);
          }
        });
      }
      // A logger the goroutine is handed writes into the writers it was made with
      // (`logger := log.New(s, ...)`; `go func() { logger.Printf(...) }()`): the goroutine
      // holds those writers' objects.
      this.writerCache ??= keptWriters(this.program);
      for (const n of nodes) {
        for (const v of this.varsMentioned(n)) {
          if (v.scope === 'pkg') continue;
          for (const w of this.writerCache.get(`var:${v.id}`) ?? []) {
            const x = unparen(w.expr);
            const u = x.kind === 'Ident' ? this.program.objectOf(x) : x.kind === 'UnaryExpr' && x.op === '&' && unparen(x.x).kind === 'Ident' ? this.program.objectOf(unparen(x.x) as ast.Ident) : null;
            if (u?.kind !== 'var' || !isDeepT(u.type)) continue;
            const label = u.scope === 'recv' || (u.func && this.returnedVars(u.func).has(u)) ? 'self' : `var:${u.id}`;
            out.all.add(label);
            out.shared.add(label);
          }
        }
      }
      // An object made by a call in the spawning statement itself and handed over there
      // (`httptest.NewServer(NewSite(pages))`, `go run(newState())`, or allocated right
      // there: `httptest.NewServer(&Admin{Table: t})`): no variable names it,
      // but the goroutine holds it, and every copy started by that one statement (each
      // request of a handler) holds the same one, unless a loop makes it anew each time.
      if (c.spawnNode) {
        const call = c.spawnNode.kind === 'GoStmt' ? c.spawnNode.call : c.spawnNode.kind === 'CallExpr' ? c.spawnNode : null;
        const args = call ? [...call.args, ...(unparen(call.fun).kind === 'SelectorExpr' ? [(unparen(call.fun) as ast.SelectorExpr).x] : [])] : [];
        for (const a of args) {
          const x = unparen(a);
          if ((x.kind !== 'CallExpr' && !isAllocation(x)) || !isDeepT(this.program.typeOf(x))) continue;
          // A look-up in package state (`go run(Lookup(name))` with `return registry[name]`)
          // hands every iteration one of the same objects: labelled by that state.
          const state = x.kind === 'CallExpr' ? this.packageStateReturned(x) : null;
          const kept = state && this.packageStateHolds(state).has(typeKey) ? state : null;
          const label = kept ? `pkgstate:${kept}` : `made:${c.file}:${x.span[0]}:${x.span[1]}`;
          out.all.add(label);
          const loop = spawnSpan ? innermostLoop(loops, spawnSpan) : null;
          if (!loop || kept) out.shared.add(label);
        }
      }
      // A method value (`b.On("leader", m.onLeader)`) that the goroutine calls through a
      // function value (a handler map, a callback field) carries its bound receiver: the
      // goroutine holds that object.
      for (const site of this.storedMethodValues().get(typeKey) ?? []) {
        const m = site.method;
        if (!this.reach.reaches(m, c.id)) continue;
        // Made by the goroutine's own code: bound to what it already holds.
        if (this.reach.reaches(site.fn, c.id) || c.roots.some((r) => inside(site.fn, r))) continue;
        // Only where the goroutine runs the method through function values alone: a call
        // by name (`x.m()`) means it holds the object by other means, labelled above.
        const ways = this.callgraph.callers(m).filter((e) => this.reach.reaches(e.caller, c.id));
        // Or the goroutine is started on the function value itself (`go e.CB.OnStarted(ctx)`
        // for a callback field holding `c.startLeading`): the method is its root.
        const spawnCall = c.spawnNode?.kind === 'GoStmt' ? c.spawnNode.call : null;
        const started = !!spawnCall && c.roots.includes(m) && !isMethodSelectorCall(this.program, spawnCall);
        if ((!ways.length && !started) || ways.some((e) => isMethodSelectorCall(this.program, e.call))) continue;
        const v = site.root;
        const label = !v || v.scope === 'recv' || v.scope === 'pkg' || (v.func && this.returnedVars(v.func).has(v)) ? 'self' : `var:${v.id}`;
        out.all.add(label);
        out.shared.add(label);
      }
      // A closure made elsewhere and sent to the goroutine on a channel (to an executor,
      // `e.Submit(func() { m.holder = name })`) carries what it captured: the goroutine
      // holds those objects.
      for (const [lit, vars] of this.deliveredClosuresHolding(typeKey)) {
        if (!lit.parent || c.roots.some((r) => inside(lit, r)) || !this.reach.reaches(lit, c.id) || this.reach.reaches(lit.parent, c.id)) continue;
        if (!this.callgraph.sentOnChannels.has(lit) && !this.runsKeptCallback(c, lit) && !this.copiesRunKeptCallback(c, lit)) continue;
        for (const v of vars) {
          if (!isT(v.type)) continue;
          const label = v.scope === 'recv' || (v.func && this.returnedVars(v.func).has(v)) ? 'self' : `var:${v.id}`;
          out.all.add(label);
          out.shared.add(label);
        }
      }
      // An object sent to several receivers (see broadcasts.ts) is shared by the
      // goroutines that receive it.
      for (const l of this.broadcastLabels(c, typeKey).labels) { out.all.add(l); out.shared.add(l); }
      // Objects the goroutine receives from a channel (`for j := range jobs { j.u.write() }`)
      // are the ones the senders put in it (`jobs <- chunkJob{u: u}`): labelled by the
      // variables sent, as if the goroutine had been handed them. Not shared among its own
      // copies: each (one per connection) may receive from a channel of its own.
      for (const v of this.receivedSentVars(c, typeKey)) {
        out.all.add(v.scope === 'recv' || (v.func && this.returnedVars(v.func).has(v)) ? holderLabel(v) ?? 'self' : `var:${v.id}`);
      }
      // Copies of one goroutine (parallel subtests in a loop) that call code using a
      // package variable that is a T share that T.
      if (c.multi && c.kind === 'parallel-test') for (const v of this.pkgVarsReached(c, typeKey)) { out.all.add(`var:${v.id}`); out.shared.add(`var:${v.id}`); }
    }
    byType.set(typeKey, out);
    return out;
  }

  /** The package variable a call's function hands out on every return: the variable
   * itself, an element of it, or a field of it (`return registry[name]`). */
  private packageStateReturned(call: ast.CallExpr): string | null {
    const fn = staticTarget(calleeOf(this.program, call));
    if (!fn?.body || fn.node.kind !== 'FuncDecl') return null;
    const hit = this.stateReturnedCache.get(fn);
    if (hit !== undefined) return hit;
    let found: string | null = null;
    let ok = true;
    walkBodyKinds(fn.body, RETURNS, (n) => {
      if (n.kind !== 'ReturnStmt' || !ok) return undefined;
      let r = n.results[0] ? unparen(n.results[0]) : null;
      while (r && (r.kind === 'IndexExpr' || r.kind === 'SelectorExpr')) {
        if (r.kind === 'SelectorExpr' && this.program.selectionOf(r)?.kind === 'qualified') break;
        r = unparen(r.x);
      }
      const v = r?.kind === 'Ident' || r?.kind === 'SelectorExpr' ? placeOf(this.program, r)?.root : null;
      if (v?.scope !== 'pkg' || (found && found !== varKey(v))) ok = false;
      else found = varKey(v);
      return undefined;
    });
    const out = ok ? found : null;
    this.stateReturnedCache.set(fn, out);
    return out;
  }

  private readonly stateReturnedCache = new Map<FuncInfo, string | null>();

  private stateHoldsCache: Map<string, Set<string>> | null = null;

  /** The types of the objects put into a package variable (by its key): the values of its
   * initialiser (the elements of a composite literal) and of every assignment to it or
   * to one of its elements, each with what it holds (heldTypes). */
  private packageStateHolds(key: string): ReadonlySet<string> {
    if (!this.stateHoldsCache) {
      const out = new Map<string, Set<string>>();
      const put = (target: ast.Expr, value: ast.Expr): void => {
        let t = unparen(target);
        while (t.kind === 'IndexExpr') t = unparen(t.x);
        const v = t.kind === 'Ident' || t.kind === 'SelectorExpr' ? placeOf(this.program, t) : null;
        if (v?.root?.scope !== 'pkg' || v.path.length) return;
        const k = varKey(v.root);
        let set = out.get(k);
        if (!set) out.set(k, (set = new Set()));
        const x = unparen(value);
        const parts = x.kind === 'CompositeLit' && underlying(this.program.typeOf(x)).kind !== 'struct' ? x.elts.map((e) => (e.kind === 'KeyValueExpr' ? e.value : e)) : [x];
        for (const e of parts) for (const h of this.heldTypes(this.program.typeOf(e))) set.add(h);
      };
      for (const pkg of this.program.packages) {
        for (const file of pkg.files) {
          for (const d of file.ast.decls) {
            if (d.kind !== 'GenDecl' || d.tok !== 'var') continue;
            for (const sp of d.specs) if (sp.kind === 'ValueSpec') sp.names.forEach((id, i) => { if (sp.values[i]) put(id, sp.values[i]!); });
          }
        }
      }
      for (const fn of this.program.funcs) {
        if (!fn.body) continue;
        walkBodyKinds(fn.body, ASSIGNS, (n) => {
          if (n.kind === 'AssignStmt' && n.lhs.length === n.rhs.length) n.lhs.forEach((l, i) => put(l, n.rhs[i]!));
          return undefined;
        });
      }
      this.stateHoldsCache = out;
    }
    return this.stateHoldsCache.get(key) ?? EMPTY_KEYS;
  }

  /** Goroutine c evaluates lit, a literal stored away where it was written (a gauge
   * callback, a hook): taken as such when c is one goroutine of its own (a scraper, a
   * notifier loop) that calls it a few calls down. Copies of a goroutine, or one that
   * reaches it only far down its calls (an exit hook run by a fatal-error helper), are not
   * counted. */
  private runsKeptCallback(c: GoroutineContext, lit: FuncInfo): boolean {
    return c.spawned && !c.multi && this.callgraph.storedLiterals.has(lit) && this.firstChain(c, lit).length <= 4;
  }

  /** The copies one start of goroutine c spawns (a worker pool's loop, the requests of
   * one handler) evaluate lit, a literal stored away where it was written, a few calls
   * down: they all call the one stored closure and hold what it captured. */
  private copiesRunKeptCallback(c: GoroutineContext, lit: FuncInfo): boolean {
    if (!startsCopies(c) || !lit.parent || !this.fieldKeptLiterals().has(lit)) return false;
    // Made once, by code no goroutine runs (a constructor called in setup), and the only
    // function its field ever holds: the copies call this very closure.
    if (this.contextsOf(lit.parent).some((x) => x.spawned)) return false;
    const chain = this.firstChain(c, lit);
    const caller = chain.length >= 2 && chain.length <= 4 ? chain[chain.length - 2]! : null;
    const edges = caller ? this.callgraph.callees(caller).filter((e) => e.targets.includes(lit)) : [];
    return edges.length > 0 && edges.every((e) => e.targets.length === 1);
  }

  private fieldKeptCache: Set<FuncInfo> | null = null;
  /** Function literals kept in a field of a struct type of the module (`u.OnProgress =
   * func(...) {...}`, `Hooks{Changed: func(...) {...}}`): called again on every use of
   * the field, unlike a literal handed to an executor, which runs once. */
  private fieldKeptLiterals(): Set<FuncInfo> {
    if (this.fieldKeptCache) return this.fieldKeptCache;
    const out = new Set<FuncInfo>();
    const add = (v: ast.Expr): void => {
      const x = unparen(v);
      const f = x.kind === 'FuncLit' ? this.program.funcOfLit(x) : null;
      if (f && this.callgraph.storedLiterals.has(f)) out.add(f);
    };
    for (const fn of this.program.funcs) {
      if (!fn.body) continue;
      walkBodyKinds(fn.body, STORE_KINDS, (n) => {
        if (n.kind === 'AssignStmt' && n.lhs.length === n.rhs.length) {
          n.lhs.forEach((l, i) => {
            const x = unparen(l);
            const sel = x.kind === 'SelectorExpr' ? this.program.selectionOf(x) : null;
            if (sel?.kind === 'field' && sel.owner?.file) add(n.rhs[i]!);
          });
        } else if (n.kind === 'CompositeLit') {
          const t = this.program.typeOf(n);
          const b = t.kind === 'pointer' ? t.elem : t;
          if (b.kind === 'named' && b.decl.file && underlying(b).kind === 'struct') for (const el of n.elts) add(el.kind === 'KeyValueExpr' ? el.value : el);
        }
        return undefined;
      });
    }
    return (this.fieldKeptCache = out);
  }

  private deliveredCache: Array<[FuncInfo, VarObj[]]> | null = null;

  /** Function literals sent on a channel of funcs (run by the goroutine that receives
   * them, not where they are written), or stored away and called through the stored value
   * by another function (a gauge callback a registry's scraper calls: `reg.Register(name,
   * func() float64 { return float64(q.Len()) })`), with the variables of enclosing
   * functions they mention. */
  private deliveredClosures(): Array<[FuncInfo, VarObj[]]> {
    if (this.deliveredCache) return this.deliveredCache;
    const out: Array<[FuncInfo, VarObj[]]> = [];
    for (const f of this.program.funcs) {
      if (f.node.kind !== 'FuncLit' || !f.body || !f.parent) continue;
      if (!this.callgraph.sentOnChannels.has(f) && !this.callgraph.storedLiterals.has(f)) continue;
      const vars = new Set<VarObj>();
      walk(f.node, (m) => {
        if (m.kind !== 'Ident') return undefined;
        const o = this.program.objectOf(m);
        if (o?.kind === 'var' && o.scope !== 'pkg' && o.func && !inside(o.func, f)) vars.add(o);
        return undefined;
      });
      if (vars.size) out.push([f, [...vars]]);
    }
    return (this.deliveredCache = out);
  }

  /** The broadcast sends of the program (see broadcasts.ts), by channel key. */
  private broadcasts(): Map<string, Array<{ key: string; send: BroadcastSend }>> {
    if (this.broadcastCache) return this.broadcastCache;
    const byFn = new Map<FuncInfo, Access[]>();
    for (const [key, list] of this.accessesByKey) {
      if (!key.startsWith('chan:')) continue;
      for (const a of list) if (a.kind === 'send') byFn.set(a.fn, [...(byFn.get(a.fn) ?? []), a]);
    }
    const out = new Map<string, Array<{ key: string; send: BroadcastSend }>>();
    for (const [fn, sends] of byFn) {
      const found = broadcastSends(this.program, fn, (s) => sends.find((a) => a.span[0] === s.span[0] && a.span[1] === s.span[1])?.key ?? null);
      for (const b of found) { out.set(b.send.typeKey, [...(out.get(b.send.typeKey) ?? []), b]); this.broadcastKeys.add(b.key); }
    }
    this.broadcastCache = out;
    return out;
  }

  /** Receives by the key of their channel: a channel parameter (`func worker(in chan
   * *Msg)`) is the local every call passes (`go worker(a)`), as passedChannel does for sends. */
  private broadcastRecvs(): Map<string, Access[]> {
    if (this.recvByKey) return this.recvByKey;
    const out = new Map<string, Access[]>();
    const add = (k: string, a: Access): void => { out.set(k, [...(out.get(k) ?? []), a]); };
    for (const [key, list] of this.accessesByKey) {
      if (!key.startsWith('chan:')) continue;
      for (const a of list) {
        if (a.kind !== 'recv') continue;
        add(key, a);
        const p = a.place.root;
        if (!p || p.scope !== 'param' || a.place.path.length || key !== `chan:${varKey(p)}`) continue;
        const i = a.fn.params.indexOf(p);
        const calls = [...this.callgraph.callers(a.fn).map((e) => e.call), ...(this.goCallsOf().get(a.fn) ?? [])];
        let from: VarObj | null = null;
        for (const call of calls) {
          const arg = call.args.length === a.fn.params.length && !call.ellipsis && i >= 0 ? unparen(call.args[i]!) : null;
          const v = arg?.kind === 'Ident' ? this.program.objectOf(arg) : null;
          if (v?.kind !== 'var' || v.scope !== 'local' || (from && from !== v)) { from = null; break; }
          from = v;
        }
        if (from) add(`chan:${varKey(from)}`, a);
      }
    }
    this.recvByKey = out;
    return out;
  }

  /** Labels (`bcast:<var>`) of the broadcast objects of type typeKey that goroutine c
   * receives, and whether c is one of many copies each given the same object (fanout). */
  private broadcastLabels(c: GoroutineContext, typeKey: string): { labels: string[]; fanout: boolean } {
    const k = `${c.id}|${typeKey}`;
    let hit = this.broadcastLabelCache.get(k);
    if (hit) return hit;
    hit = { labels: [], fanout: false };
    if (c.spawned) {
      for (const { key, send } of this.broadcasts().get(typeKey) ?? []) {
        if (!(this.broadcastRecvs().get(key) ?? []).some((a) => this.reach.reaches(a.fn, c.id))) continue;
        const l = `bcast:${send.v.id}`;
        if (!hit.labels.includes(l)) hit.labels.push(l);
        if (send.fanout) hit.fanout = true;
      }
    }
    this.broadcastLabelCache.set(k, hit);
    return hit;
  }

  /** A pointer parameter that every call of its function passes a value received from a
   * broadcast channel (`for m := range s.ch { s.h(m) }`), directly or through callers'
   * parameters (middleware: `next(m)`). */
  private receivedBroadcast(v: VarObj, depth: number): boolean {
    let hit = this.receivedBroadcastCache.get(v);
    if (hit !== undefined) return hit;
    this.receivedBroadcastCache.set(v, false);
    hit = false;
    const fn = v.func;
    // Only parameters of the type some broadcast sends.
    const t = v.type.kind === 'pointer' ? v.type.elem : null;
    if (t?.kind !== 'named' || !this.broadcasts().has(`${t.decl.pkgPath}.${t.decl.name}`)) return false;
    const i = fn ? fn.params.indexOf(v) : -1;
    const recvs = this.broadcastRecvSet();
    if (fn && i >= 0 && depth < 4 && !(fn.sig.variadic && i === fn.params.length - 1)) {
      const edges = this.callgraph.callers(fn);
      hit = edges.length > 0 && edges.every((e) => {
        const arg = e.call.args[i];
        const x = arg ? unparen(arg) : null;
        const o = x?.kind === 'Ident' ? this.program.objectOf(x) : null;
        if (o?.kind !== 'var' || o.func !== e.caller) return false;
        if (o.scope === 'param') return this.receivedBroadcast(o, depth + 1);
        const r = o.scope === 'local' ? this.receivedAt(o) : null;
        return !!r && recvs.has(r);
      });
    }
    this.receivedBroadcastCache.set(v, hit);
    return hit;
  }

  /** The receives of broadcast channels. */
  private broadcastRecvSet(): Set<Access> {
    if (this.bcastRecvSet) return this.bcastRecvSet;
    const out = new Set<Access>();
    this.broadcasts();
    for (const k of this.broadcastKeys) for (const a of this.broadcastRecvs().get(k) ?? []) out.add(a);
    return (this.bcastRecvSet = out);
  }

  /** The receive a local is defined by (`for m := range ch`, `m := <-ch`). */
  private receivedAt(v: VarObj): Access | null {
    const fn = v.func;
    if (!fn?.body) return null;
    let at: ast.Span | null = null;
    walkKinds(fn.body, RECEIVING_DEFS, (n) => {
      if (at) return false;
      if (n.kind === 'RangeStmt' && n.tok === ':=') {
        for (const e of [n.key, n.value]) if (e?.kind === 'Ident' && this.program.info.defs.get(e) === v && underlying(this.program.typeOf(n.x)).kind === 'chan') at = n.span;
      } else if (n.kind === 'AssignStmt' && n.tok === ':=' && n.rhs.length === 1) {
        const r = unparen(n.rhs[0]!);
        const l = n.lhs[0];
        if (r.kind === 'UnaryExpr' && r.op === '<-' && l?.kind === 'Ident' && this.program.info.defs.get(l) === v) at = r.span;
      }
      return undefined;
    });
    const s = at as ast.Span | null;
    if (!s) return null;
    return this.funcFacts.get(fn)?.accesses.find((x) => x.kind === 'recv' && x.span[0] === s[0] && x.span[1] === s[1]) ?? null;
  }

  /** Access a is to the object goroutine c was handed as a new allocation (its root
   * method's receiver, `cmd.Stdout = &prefixWriter{...}`), not through a pointer it holds. */
  private inHandedAllocation(c: GoroutineContext, a: Access): boolean {
    return !!this.handedObject(c) && c.roots.includes(a.fn) && !!a.fn.recv && a.place.root === a.fn.recv && this.heldByValue(a.fn.recv.type, a.place.path);
  }

  /** The one new object goroutine c is handed: an allocation written there, or a local
   * set once to one (`out := &tap{}; cmd.Stdout = out`). */
  private handedObject(c: GoroutineContext): ast.Node | VarObj | null {
    const h = c.handed;
    if (!h || h.length !== 1) return null;
    const x = unparen(h[0]!);
    if (isAllocation(x)) return x;
    const o = x.kind === 'Ident' ? this.program.objectOf(x) : null;
    return o?.kind === 'var' && this.allocatedLocal(o) ? o : null;
  }

  /** A local whose one value is a new allocation (`p := &T{}`). */
  private allocatedLocal(v: VarObj): boolean {
    if (v.scope !== 'local') return false;
    const d = singleDefinition(this.program, v);
    return !!d && isAllocation(unparen(d));
  }

  /** The local an access reaches its object through, when that local's one value is a
   * new allocation (`p := &T{}`) and the access is to what it points at. */
  private frameAllocated(a: Access): VarObj | null {
    const r = a.place.root;
    return r?.func && a.place.path.length && !a.place.indexed && this.allocatedLocal(r) ? r : null;
  }

  /** In a context that runs many at once, two accesses still race (each copy runs both). */
  private sameContextConcurrent(a: Access, b: Access, c: GoroutineContext, fanout = false): boolean {
    // The requests of one connection are served one after the other.
    if (this.oneConnServe(c)) return false;
    // Copies of one goroutine working on `xs[i]` are given different elements (also
    // through accessors that take the copy's index: `l.align[i]` set in one, read in another).
    if (a.place.indexed && b.place.indexed && (a.fn === b.fn || a.key.endsWith('[]'))) return false;
    // Copies given an object each, fresh in every iteration, do not share it.
    if (c.multi && this.perIteration(c, a) && this.perIteration(c, b)) return false;
    // Copies started by separate calls of their starter each have that call's variables
    // (`f` in `func (q *Queue) Add(f func()) { go func() { ... f = next }() }`).
    const declaring = localDeclaring(a);
    if (c.copiesByCalls && c.spawner && declaring && inside(declaring, c.spawner)) return false;
    // Cleanups the copies register on one test (`go func() { t.Cleanup(func() { n |= 1 })
    // }()` with t from outside the goroutine): testing runs them one after another once
    // the test is over.
    if (c.multi && this.sharedTestCleanup(a.fn, c) && this.sharedTestCleanup(b.fn, c)) return false;
    // Each copy runs its own frame of a function called inside the goroutine: an object
    // allocated into a local of that frame (`p := &Package{}` in the Import each copy
    // calls) is that copy's, also where a closure of the frame writes it.
    const own = this.frameAllocated(a);
    if (own && own === this.frameAllocated(b) && own.func && c.spawner && !inside(c.spawner, own.func) && this.reach.reaches(own.func, c.id)) return false;
    return c.multi || fanout;
  }

  /** fn is (inside) a literal handed to t.Cleanup in c's root, on a testing.T, B or F
   * held by a variable declared outside that root. */
  private sharedTestCleanup(fn: FuncInfo, c: GoroutineContext): boolean {
    for (let f: FuncInfo | null = fn; f && f.node.kind === 'FuncLit'; f = f.parent) {
      const parent = f.parent;
      if (!parent || !c.roots.includes(parent) || !parent.body) continue;
      const lit = f.node;
      let hit = false;
      walk(parent.body, (n) => {
        if (hit || (n.kind === 'FuncLit' && n !== parent.node && n !== lit && !spanContains(n.span, lit.span))) return false;
        if (n.kind !== 'CallExpr' || n.args.length !== 1 || unparen(n.args[0]!) !== lit) return undefined;
        const callee = calleeOf(this.program, n);
        const fun = unparen(n.fun);
        if (callee?.kind !== 'method' || callee.sel.method.name !== 'Cleanup' || callee.sel.method.recvDecl?.pkgPath !== 'testing' || fun.kind !== 'SelectorExpr') return undefined;
        const x = unparen(fun.x);
        const v = x.kind === 'Ident' ? this.program.objectOf(x) : null;
        if (v?.kind === 'var' && v.func && !inside(v.func, parent)) hit = true;
        return undefined;
      });
      return hit;
    }
    return false;
  }

  /**
   * pairConfidence, except that a goroutine started only by code the exported API runs
   * (no main, test or goroutine of the module reaches its `go` statement) is not shown to
   * run next to main or a test: when main reaches that API through a call the call graph
   * leaves unresolved (a command table's `cmd.Run(...)`), nothing says whether main's
   * access comes before or after the start.
   */
  private shownConfidence(x: GoroutineContext, y: GoroutineContext): 'high' | 'medium' | 'low' {
    const c = pairConfidence(x, y);
    if (c !== 'high') return c;
    const unstartedBy = (g: GoroutineContext, other: GoroutineContext) => !other.spawned && this.startedOnlyByApi(g);
    return unstartedBy(x, y) || unstartedBy(y, x) ? 'medium' : c;
  }

  private readonly apiStartCache = new Map<GoroutineContext, boolean>();

  /** Every context that reaches g's start is the exported API, or a goroutine itself
   * started only by it. */
  private startedOnlyByApi(g: GoroutineContext, depth = 0): boolean {
    if (!g.spawned || !g.spawner) return false;
    let hit = this.apiStartCache.get(g);
    if (hit !== undefined) return hit;
    const starters = this.contextsOf(g.spawner).filter((c) => c !== g);
    hit = starters.length > 0 && depth < 4 && starters.every((c) => c.kind === 'api' || (c.spawned && this.startedOnlyByApi(c, depth + 1)));
    if (depth === 0) this.apiStartCache.set(g, hit);
    return hit;
  }

  /** Access a (in context ca) happens before every access of context cb. */
  private ordered(a: Access, ca: GoroutineContext, b: Access, cb: GoroutineContext): boolean {
    if (!cb.spawned) return false;
    // Waiting for a signal from another copy of one's own goroutine orders nothing known.
    // A wait for cb orders only what cb does before it signals (an explicit wg.Done or
    // close(ready) that comes before b leaves b running next to the waiter).
    const released = (key: string | null) => !this.signalledOn(b, cb, key);
    if (ca !== cb && this.waitedFor(a, cb, b.key, released)) return true;
    if (ca !== cb && this.receivedAfter(a, b, cb)) return true;
    if (ca !== cb && this.joinedBeforeStart(a, ca, b, cb)) return true;
    if (ca !== cb && this.joinedApart(a, ca, b, cb)) return true;
    if (ca !== cb && this.serialisedHandOff(ca, cb)) return true;
    if (ca !== cb && this.connClosedAfter(a, cb)) return true;
    if (!cb.spawner || !cb.spawnNode) return false;
    const site = this.siteOf(a, cb.spawner);
    if (site.fn !== cb.spawner) {
      return this.setupBeforeStart(a, ca, cb) || this.doneBeforeStartCall(a, ca, cb) || this.beforeClosureMade(site, cb) || this.outsideJoin(a, ca, b, cb, released) || this.calledBeforeStart(a, site.fn, ca, cb) || this.beforeStarted(a, ca, cb);
    }
    const spawnSpan = cb.spawnNode.span;
    const ff = this.funcFacts.get(site.fn);
    // A deferred call's access (`defer close(events)` above `go produce(events)`) runs at
    // the end of the body, after the start and after the waits before the end.
    const at: ast.Span = site.fn === a.fn && a.runsAt ? a.runsAt : site.span;
    // A variable declared in the loop body is a new one in every iteration: the next
    // iteration's accesses do not touch the one the last goroutine was given.
    const rootSpan = a.place.root?.func === site.fn ? a.place.root.span : undefined;
    const inCommonLoop = (ff?.loops ?? []).some((l) => spanContains(l, spawnSpan) && (spanContains(l, at) || a.loop === l) && !(rootSpan && spanContains(l, rootSpan)));
    // A goroutine that starts copies of itself in a loop: what one copy does before its
    // `go` statements comes before the copies it starts, not before their siblings, which
    // other copies started.
    const siblings = ca === cb && !!cb.recursive && !!innermostLoop(ff?.loops ?? [], spawnSpan);
    // Done before the goroutine starts (the go statement's own arguments included), unless
    // the access is on an object the starter keeps across calls and a caller calls it
    // again while the goroutine of the last call still runs (`for ... { m.Update(c) }`
    // where Update writes m.cfg and then starts `go m.notify()`).
    if ((before(at, spawnSpan) || spanContains(spawnSpan, at)) && !inCommonLoop && !siblings && !(this.keptAcrossCalls(a, site.fn) && this.restartedWhileRunning(cb))) return true;
    // testing.B.RunParallel returns only once every goroutine it started has finished.
    if (cb.kind === 'run-parallel' && before(spawnSpan, at) && !inCommonLoop && !siblings) return true;
    // In the loop that starts it, before the start, when each iteration waits for its
    // goroutine (`m[k] = i; go f(m); <-done`): after the last one's end, before this one's start.
    if (before(at, spawnSpan) && inCommonLoop && !siblings && ff) {
      const l = innermostLoop(ff.loops.filter((x) => spanContains(x, at)), spawnSpan);
      if (l && this.iterationJoins(ff, l, spawnSpan, cb)) return true;
    }
    // After the spawner waits for it (WaitGroup/errgroup Wait, or a receive from a
    // channel the goroutine sends on or closes).
    for (const w of ff?.waits ?? []) {
      if (!before(spawnSpan, w.span) || !waitsBefore(w, at) || !released(w.chanKey)) continue;
      if (w.group ? this.groupJoins(w, cb) : w.chanKey === null) return true;
      if (!w.group && w.chanKey !== null && w.chanKey !== b.key && this.contextSignals(cb, w.chanKey)) return true;
    }
    return false;
  }

  /**
   * An HTTP handler served on one connection by `http.Serve(ln, handler)` in a's
   * function, which then waits for a signal that only a connection's Close method sends
   * or closes (`<-conn.closec`): net/http closes a connection after the handler of its
   * last request returned, so the handler's accesses come before the wait.
   */
  private connClosedAfter(a: Access, cb: GoroutineContext): boolean {
    const serve = this.oneConnServe(cb);
    if (!serve) return false;
    // The handler's own code, which the function that hands it to Serve seems to run
    // where it passes it: one more request of the connection, served in turn.
    if (cb.roots.some((r) => r.node.kind === 'FuncLit' && inside(a.fn, r))) return true;
    const site = this.siteLevels(a).find((x) => x.fn === cb.spawner);
    if (!site) return false;
    return (this.funcFacts.get(site.fn)?.waits ?? []).some((w) => {
      if (w.group || !w.chanKey || !waitsBefore(w, site.span) || !before(serve, w.span)) return false;
      const signals = this.sendsAndCloses(w.chanKey);
      return signals.length > 0 && signals.every((x) => x.fn.recv && x.fn.node.kind === 'FuncDecl' && x.fn.node.name.name === 'Close');
    });
  }

  /**
   * The call `http.Serve(ln, h)` that registered handler context c, when ln hands out one
   * connection (its Accept clears the field it returns: `c = l.conn; ...; l.conn = nil`):
   * net/http serves the requests of one connection one after the other, on the
   * connection's goroutine.
   */
  private oneConnServe(c: GoroutineContext): ast.Span | null {
    const n = c.spawnNode;
    if (c.kind !== 'http-handler' || n?.kind !== 'CallExpr' || n.args.length !== 2 || !isFuncCall(calleeOf(this.program, n), 'net/http', 'Serve')) return null;
    let hit = this.oneConnCache.get(c);
    if (hit === undefined) { hit = this.acceptsOnce(n.args[0]!); this.oneConnCache.set(c, hit); }
    return hit ? n.span : null;
  }

  private readonly oneConnCache = new Map<GoroutineContext, boolean>();

  /** A listener of a type whose Accept method clears a field of its receiver. */
  private acceptsOnce(ln: ast.Expr): boolean {
    let t = this.program.typeOf(ln);
    if (t.kind === 'pointer') t = t.elem;
    if (t.kind !== 'named') return false;
    const decl = t.decl;
    const m = this.program.funcs.find((f) => f.node.kind === 'FuncDecl' && f.node.name.name === 'Accept' && f.recvDecl === decl);
    if (!m?.body || !m.recv) return false;
    let clears = false;
    walk(m.body, (n) => {
      if (clears || n.kind === 'FuncLit') return false;
      if (n.kind === 'AssignStmt' && n.lhs.length === 1 && n.rhs.length === 1) {
        const l = unparen(n.lhs[0]!);
        const rv = unparen(n.rhs[0]!);
        if (l.kind === 'SelectorExpr' && unparen(l.x).kind === 'Ident' && this.program.objectOf(unparen(l.x) as ast.Ident) === m.recv && rv.kind === 'Ident' && rv.name === 'nil') clears = true;
      }
      return undefined;
    });
    return clears;
  }

  private readonly handOffCache = new Map<string, boolean>();

  /**
   * Two starts of one goroutine function in the two branches of one if (or two cases of
   * a switch) in a starter that refuses to run while one is in flight (`if sc.writing {
   * panic(...) }`, a check of its receiver's state before both starts), where the
   * goroutine's last act is a send on (or close of) a channel that the goroutine running
   * the starter receives from: the h2 server's `writeFrameAsync`, one frame at a time,
   * the next started only after the serve loop heard back from the last. A call runs one
   * branch; a start of the other branch is another call, which the guard serialises
   * exactly as it does two starts of one branch (neither of which runs many at once).
   */
  private serialisedHandOff(x: GoroutineContext, y: GoroutineContext): boolean {
    if (x.kind !== 'go' || y.kind !== 'go' || x.multi || y.multi || x.recursive || y.recursive) return false;
    const fn = x.spawner;
    if (!fn?.body || fn !== y.spawner || !x.spawnNode || !y.spawnNode) return false;
    if (x.roots.length !== 1 || y.roots.length !== 1 || x.roots[0] !== y.roots[0]) return false;
    const id = x.id < y.id ? `${x.id}|${y.id}` : `${y.id}|${x.id}`;
    let hit = this.handOffCache.get(id);
    if (hit !== undefined) return hit;
    const sx = x.spawnNode.span;
    const sy = y.spawnNode.span;
    hit = exclusiveBranches(fn.body, sx, sy) && this.guardsRestart(fn, before(sx, sy) ? sx : sy, true);
    if (hit) {
      const key = this.lastSignalOf(x.roots[0]!);
      // Received by the code that runs the starter (not by the goroutine itself).
      hit = !!key && (this.accessesByKey.get(key) ?? []).some((r) => r.kind === 'recv' && !this.reach.reaches(r.fn, x.id)
        && this.contextsOf(fn).some((c) => c !== x && c !== y && this.reach.reaches(r.fn, c.id)));
    }
    this.handOffCache.set(id, hit);
    return hit;
  }

  /** The channel a function sends on or closes as its last act: its last statement, or a
   * top-level `defer close(ch)`, with no return anywhere before the end. */
  private lastSignalOf(fn: FuncInfo): string | null {
    const body = fn.body;
    if (!body?.list.length) return null;
    let returns = false;
    walk(body, (n) => {
      if (returns || n.kind === 'FuncLit') return false;
      if (n.kind === 'ReturnStmt') returns = true;
      return undefined;
    });
    if (returns) return null;
    const last = body.list[body.list.length - 1]!;
    const stmts = [last, ...body.list.filter((st) => st.kind === 'DeferStmt')];
    const signals = (this.funcFacts.get(fn)?.accesses ?? []).filter((a) => (a.kind === 'send' || a.kind === 'close') && stmts.some((st) => spanContains(st.span, a.span)));
    const inLast = signals.find((a) => spanContains(last.span, a.span) && (last.kind === 'SendStmt' || last.kind === 'ExprStmt'));
    return (inLast ?? signals.find((a) => a.kind === 'close'))?.key ?? null;
  }

  /** a runs in goroutine ca, which the function that starts both waits for before it
   * starts cb (see Joins.joinedBefore); the join's own channel is not ordered by it. */
  private joinedBeforeStart(a: Access, ca: GoroutineContext, b: Access, cb: GoroutineContext): boolean {
    const key = this.joins.joinedBefore(ca, cb, (fn) => this.runsOnce(fn));
    // The join covers only what x did before it signalled (see signals.ts).
    return key !== null && key !== a.key && key !== b.key && !this.signalledOn(a, ca, key || null);
  }

  /**
   * Goroutines ca and cb are each joined by a function above their start (the top of
   * their join chains, see joins.ts): ca lives only inside a call of its joiner, cb only
   * inside a call of its own. Those calls never overlap when every pair of contexts that
   * make them either cannot run at once (two sequential tests) or is one goroutine that
   * makes them one after the other (`b.run1()` then `b.doBench()`, each starting a
   * goroutine and waiting for it), neither call leading to the other inside its window.
   * A joiner run by a goroutine that is itself joined is looked at through that
   * goroutine's own joiner (a test's t.Run waits for its subtest's goroutine).
   */
  private joinedApart(a: Access, ca: GoroutineContext, b: Access, cb: GoroutineContext): boolean {
    if (!ca.spawned || !cb.spawned || ca.recursive || cb.recursive || !ca.spawner || !cb.spawner) return false;
    const cx = this.filteredChain(a, ca);
    const cy = cx ? this.filteredChain(b, cb) : null;
    if (!cx || !cy || cx.keys.has(a.key) || cx.keys.has(b.key) || cy.keys.has(a.key) || cy.keys.has(b.key)) return false;
    const hx = this.hostsOf(ca, cx);
    const hy = hx ? this.hostsOf(cb, cy) : null;
    if (!hx || !hy) return false;
    const jx = cx.levels[cx.levels.length - 1]!.fn;
    const jy = cy.levels[cy.levels.length - 1]!.fn;
    // cb itself makes the call that starts ca: b must lie outside that call's window, and
    // so must cb's own joiner (copies cb starts of itself).
    for (const ex of hx) if (ex.ctx === cb && (this.windowsReach(ex.chains, b.fn, this.siteOf(b), ca) || this.windowsReach(ex.chains, jy, { fn: jy, span: jy.node.span }, ca))) return false;
    for (const ey of hy) if (ey.ctx === ca && (this.windowsReach(ey.chains, a.fn, this.siteOf(a), cb) || this.windowsReach(ey.chains, jx, { fn: jx, span: jx.node.span }, cb))) return false;
    let byY = this.hostPairs.get(cx);
    if (!byY) { byY = new Map(); this.hostPairs.set(cx, byY); }
    let hit = byY.get(cy);
    if (hit === undefined) { hit = this.hostsApart(hx, hy, ca, cb); byY.set(cy, hit); }
    return hit;
  }

  private readonly hostPairs = new Map<JoinChain, Map<JoinChain, boolean>>();
  private readonly hostCache = new Map<JoinChain, Map<GoroutineContext, Array<{ ctx: GoroutineContext; chains: JoinChain[] }> | null>>();

  private hostsOf(c: GoroutineContext, chain: JoinChain): Array<{ ctx: GoroutineContext; chains: JoinChain[] }> | null {
    let byC = this.hostCache.get(chain);
    if (!byC) { byC = new Map(); this.hostCache.set(chain, byC); }
    let hit = byC.get(c);
    if (hit === undefined) { hit = this.chainHosts(c, chain, 0); byC.set(c, hit); }
    return hit;
  }

  /** Every pair of hosts (but those that are ca or cb themselves, see joinedApart) cannot
   * run at once, or is one goroutine making the two joining calls one after the other. */
  private hostsApart(hx: Array<{ ctx: GoroutineContext; chains: JoinChain[] }>, hy: Array<{ ctx: GoroutineContext; chains: JoinChain[] }>, ca: GoroutineContext, cb: GoroutineContext): boolean {
    // Two distinct hosts neither of which runs on a goroutine of its own (tests, main,
    // the exported API) never overlap: only pairs with a spawned one need a look, and
    // pairs of one context; the same two chain lists give the same answer.
    const byCtx = new Map<GoroutineContext, Array<{ ctx: GoroutineContext; chains: JoinChain[] }>>();
    for (const ey of hy) if (ey.ctx !== ca) { const l = byCtx.get(ey.ctx); if (l) l.push(ey); else byCtx.set(ey.ctx, [ey]); }
    const apart = new Map<string, boolean>();
    const spawnedY = hy.filter((ey) => ey.ctx !== ca && (ey.ctx.spawned || ey.ctx.multi));
    const concurrent = (x: GoroutineContext, y: GoroutineContext) => mayRunConcurrently(x, y) && this.shareProgram(x, y) && this.startedWithin(x, y) && this.startedWithin(y, x);
    for (const ex of hx) {
      if (ex.ctx === cb) continue;
      for (const ey of byCtx.get(ex.ctx) ?? []) {
        if (ex.ctx.multi || ex.ctx.recursive) return false;
        const key = `${this.chainIds(ex.chains)}/${this.chainIds(ey.chains)}`;
        let hit = apart.get(key);
        if (hit === undefined) { hit = this.callsApart(ex.chains, ey.chains, ca, cb); apart.set(key, hit); }
        if (!hit) return false;
      }
      const others = ex.ctx.spawned || ex.ctx.multi ? hy : spawnedY;
      for (const ey of others) if (ey.ctx !== ca && ey.ctx !== ex.ctx && concurrent(ex.ctx, ey.ctx)) return false;
    }
    return true;
  }

  private readonly chainNumbers = new Map<JoinChain, number>();
  private chainIds(chains: JoinChain[]): string {
    return chains.map((c) => {
      let n = this.chainNumbers.get(c);
      if (n === undefined) { n = this.chainNumbers.size; this.chainNumbers.set(c, n); }
      return n;
    }).join(',');
  }

  /** c's join chain, joined only by waits that come after access x in c (see signals.ts). */
  private filteredChain(x: Access, c: GoroutineContext): JoinChain | null {
    const early = this.signals.signalledBefore(x, c);
    const only = early.size ? { usable: (w: WaitSite) => !this.signalledOn(x, c, w.chanKey), tag: [...early].sort().join(',') } : null;
    const own = this.joins.chainOf(c, only);
    if (own || !c.spawner) return own;
    // Started by a goroutine whose starter waits for it (see Joins.chainThrough).
    const carriers = this.contextsOf(c.spawner);
    const g = carriers.length === 1 ? carriers[0]! : null;
    return g && g.kind === 'go' && g.roots.length === 1 && g.roots[0] === c.spawner ? this.joins.chainThrough(c, g, only) : null;
  }

  /** The contexts that run the joiner of c (the top of chain), with the chains whose
   * windows hold c; a joiner's context that is itself a joined goroutine is replaced by
   * the contexts of its own joiner. Null when c runs its own joiner or there are too many. */
  private chainHosts(c: GoroutineContext, chain: JoinChain, depth: number): Array<{ ctx: GoroutineContext; chains: JoinChain[] }> | null {
    const top = chain.levels[chain.levels.length - 1]!.fn;
    const out: Array<{ ctx: GoroutineContext; chains: JoinChain[] }> = [];
    let spawnedHosts = 0;
    for (const d of this.contextsOf(top)) {
      // c starting copies of itself through its joiner: each lives inside the call of
      // the copy that started it, so inside the outermost copy's host.
      if (d === c) continue;
      const dc = d.spawned && !d.recursive && depth < 2 ? this.joins.chainOf(d) : null;
      const lifted = dc ? this.chainHosts(d, dc, depth + 1) : null;
      const added = lifted && !lifted.some((h) => h.ctx === c) ? lifted.map((h) => ({ ctx: h.ctx, chains: [chain, ...h.chains] })) : [{ ctx: d, chains: [chain] }];
      // Hosts on goroutines of their own are compared with every other host; the rest
      // (tests, main) only with those and with themselves.
      for (const h of added) { out.push(h); if (h.ctx.spawned || h.ctx.multi) spawnedHosts++; }
      if (spawnedHosts > MAX_HOSTS || out.length > MAX_ALL_HOSTS) return null;
    }
    return out.length ? out : null;
  }

  /** Within the windows of the chains (from each start to its join), the goroutine that
   * runs them may reach fn (or runs site there). */
  private windowsReach(chains: JoinChain[], fn: FuncInfo, site: { fn: FuncInfo; span: ast.Span }, c: GoroutineContext): boolean {
    for (const chain of chains) {
      for (const [i, l] of chain.levels.entries()) {
        if (site.fn === l.fn && (i < chain.levels.length - 1 || !(before(site.span, l.from) || (l.to && before(l.to, site.span))))) return true;
        for (const e of this.callgraph.callees(l.fn)) {
          if (l.to && e.call.span[0] === l.to[0] && e.call.span[1] === l.to[1] && e.call.span[2] === l.to[2] && e.call.span[3] === l.to[3]) {
            const pre = this.joins.beforeJoin(e, c);
            if (pre.until.some((u) => site.fn === u.fn && before(site.span, u.span))) return true;
            if (pre.edges.some((x) => x.targets.includes(fn) || this.edgeReaches(x, fn) !== false)) return true;
            continue;
          }
          if (!e.deferred && (!before(l.from, e.call.span) || (l.to && !before(e.call.span, l.to)))) continue;
          if (e.targets.includes(fn) || this.edgeReaches(e, fn) !== false) return true;
        }
      }
    }
    return false;
  }

  /** One goroutine makes the two outermost joining calls one after the other: neither
   * window leads to the other's joiner; one joiner for both only with the two windows
   * apart in one run of it (and in no loop that holds one start and the other's join). */
  private callsApart(xs: JoinChain[], ys: JoinChain[], cx: GoroutineContext, cy: GoroutineContext): boolean {
    const ox = xs[xs.length - 1]!;
    const oy = ys[ys.length - 1]!;
    const tx = ox.levels[ox.levels.length - 1]!;
    const ty = oy.levels[oy.levels.length - 1]!;
    if (tx.fn === ty.fn) {
      if (!tx.to || !ty.to) return false;
      const [first, second] = before(tx.to, ty.from) ? [tx, ty] : before(ty.to, tx.from) ? [ty, tx] : [null, null];
      if (!first || !second) return false;
      const loops = this.funcFacts.get(tx.fn)?.loops ?? [];
      if (loops.some((l) => spanContains(l, second.from) && spanContains(l, first.from) && !(spanContains(l, first.to!) && spanContains(l, second.to!)))) return false;
      return !this.windowsReach(xs, ty.fn, { fn: ty.fn, span: ty.from }, cx) && !this.windowsReach(ys, tx.fn, { fn: tx.fn, span: tx.from }, cy);
    }
    return !this.windowsReach(xs, ty.fn, { fn: ty.fn, span: ty.fn.node.span }, cx) && !this.windowsReach(ys, tx.fn, { fn: tx.fn, span: tx.fn.node.span }, cy);
  }

  /**
   * The access's function is a method that cb's starter calls, before its `go` statement,
   * on an object each call of the starter has to itself (`cmd := exec.Command(...); p, _ :=
   * cmd.StderrPipe(); go func() { cmd.Output() }()`; `c.childStdout(); ...; go
   * c.watchCtx()` on a command its caller made): within each call it is done before the
   * goroutine starts, as an access in the starter itself would be, and other calls work
   * on other objects. Nothing else the starter calls may lead to the method.
   */
  private calledBeforeStart(a: Access, fn: FuncInfo, ca: GoroutineContext, cb: GoroutineContext): boolean {
    const starter = cb.spawner;
    const spawn = cb.spawnNode;
    // The object is the method's receiver, and the context does not run the method by
    // itself (an exported method its user may call at any time).
    if (!starter || !spawn || fn === starter || cb.recursive || !fn.recv || a.fn !== fn || a.place.root !== fn.recv || ca.roots.includes(fn)) return false;
    if (!this.reach.reaches(starter, ca.id)) return false;
    const loops = this.funcFacts.get(starter)?.loops ?? [];
    // Not the code of goroutines the starter starts (this one's, or others': those run in
    // contexts of their own).
    const goStmts = (this.funcFacts.get(starter)?.spawns ?? []).filter((sp) => sp.node.kind === 'GoStmt').map((sp) => sp.span);
    const edges = this.callgraph.callees(starter).filter((e) => !spanContains(spawn.span, e.call.span) && !goStmts.some((g) => spanContains(g, e.call.span)));
    const approved = new Set<CallEdge>();
    const vars = new Set<VarObj>();
    for (const e of edges) {
      if (!e.targets.includes(fn) || e.deferred || !before(e.call.span, spawn.span) || loops.some((l) => spanContains(l, e.call.span) && spanContains(l, spawn.span))) continue;
      const v = this.ownObjectOfCall(e.call, starter, ca);
      if (!v) continue;
      approved.add(e);
      vars.add(v);
    }
    if (!approved.size) return false;
    // Only calls given the object (or literals that capture it) can reach it again.
    const mentions = (n: ast.Node): boolean => {
      let hit = false;
      walk(n, (m) => {
        if (hit) return false;
        if (m.kind === 'Ident') { const o = this.program.objectOf(m); if (o?.kind === 'var' && vars.has(o)) hit = true; }
        return undefined;
      });
      return hit;
    };
    for (const e of edges) {
      if (approved.has(e)) continue;
      if (!mentions(e.call) && !e.targets.some((t) => t.node.kind === 'FuncLit' && t.parent === starter && mentions(t.node))) continue;
      if (e.targets.includes(fn) || this.edgeReaches(e, fn) !== false) return false;
    }
    return true;
  }

  /**
   * a is made by a method M on its receiver (`c.Stdin = pr` in StdinPipe), and goroutine
   * cb is started by a method S of the same type on its own receiver (`go c.watchCtx()` in
   * Start). Every call of M is made on an object S has not yet run on: a new one (`cmd :=
   * exec.Command(...); cmd.StdinPipe(); cmd.Start()`), not handed anywhere that leads to S
   * before the call; or S's own receiver before its `go` statement; or the receiver of a
   * method of the type that is itself called only that way. So on each object a comes
   * before S starts the goroutine; and a goroutine S started on another object does not
   * touch this one.
   */
  private beforeStarted(a: Access, ca: GoroutineContext, cb: GoroutineContext): boolean {
    const S = cb.spawner;
    const M = a.fn;
    if (!S?.recv || !M.recv || M === S || cb.kind !== 'go' || cb.recursive || !cb.spawnNode || a.place.root !== M.recv) return false;
    if (!S.recvDecl || S.recvDecl !== M.recvDecl || ca.roots.includes(M)) return false;
    if (!this.mentionsVar(cb.spawnNode, S.recv)) return false;
    const key = `${M.id}|${S.id}|${cb.spawnNode.span.join(',')}`;
    let hit = this.beforeStartedCache.get(key);
    if (hit === undefined) { hit = this.unstartedCalls(M, S, cb.spawnNode.span, 0); this.beforeStartedCache.set(key, hit); }
    return hit;
  }

  private readonly beforeStartedCache = new Map<string, boolean>();
  private readonly leadsCache = new Map<string, boolean>();

  private mentionsVar(n: ast.Node, v: VarObj): boolean {
    let hit = false;
    walk(n, (m) => {
      if (hit) return false;
      if (m.kind === 'Ident' && this.program.objectOf(m) === v) hit = true;
      return undefined;
    });
    return hit;
  }

  /** Every call of M is made on an object S has not run on yet (see beforeStarted). */
  private unstartedCalls(M: FuncInfo, S: FuncInfo, spawn: ast.Span, depth: number): boolean {
    const calls = this.callgraph.callers(M);
    if (!calls.length || depth > 3 || this.spawnRoots().has(M)) return false;
    for (const e of calls) {
      if (e.deferred) return false;
      const f = unparen(e.call.fun);
      if (f.kind !== 'SelectorExpr') return false;
      const x = unparen(f.x);
      const F = e.caller;
      const loops = this.funcFacts.get(F)?.loops ?? [];
      if (x.kind === 'CallExpr') {
        // A constructor's new object (`exec.Command(...).Run()`), unless it starts S itself.
        if (!this.objectOrigins.freshValue(x) || this.callgraph.targetsOf(calleeOf(this.program, x), F.pkg).some((t) => this.leadsTo(t, S))) return false;
        continue;
      }
      const v = x.kind === 'Ident' ? this.program.objectOf(x) : null;
      if (v?.kind !== 'var') return false;
      if (loops.some((l) => spanContains(l, e.call.span) && !(v.span && spanContains(l, v.span)))) return false;
      if (F === S && v === S.recv) {
        // In S itself, before its `go` statement; S in turn runs once per object.
        if (!before(e.call.span, spawn) || loops.some((l) => spanContains(l, e.call.span) && spanContains(l, spawn))) return false;
        if (!this.guardsRestart(S, spawn) && !this.unstartedCalls(S, S, spawn, depth + 1)) return false;
        continue;
      }
      if (!this.untouchedBefore(F, v, e.call, S)) return false;
      if (v.scope === 'local' && v.func === F && this.objectOrigins.madePerCall(v)) continue;
      if (F.recv && v === F.recv && F.recvDecl === M.recvDecl && F !== S && this.unstartedCalls(F, S, spawn, depth + 1)) continue;
      return false;
    }
    return true;
  }

  /** In F, before the call, nothing that leads to S is given v, and v is not stored or sent. */
  private untouchedBefore(F: FuncInfo, v: VarObj, call: ast.CallExpr, S: FuncInfo): boolean {
    if (!F.body) return false;
    const loops = this.funcFacts.get(F)?.loops ?? [];
    const earlier = (sp: ast.Span) => before(sp, call.span) || loops.some((l) => spanContains(l, sp) && spanContains(l, call.span));
    let ok = true;
    walk(F.body, (n) => {
      if (!ok) return false;
      if (n === call) return false;
      if (!earlier(n.span)) return undefined;
      if (n.kind === 'GoStmt' && this.mentionsVar(n, v)) ok = false;
      else if (n.kind === 'SendStmt' && this.mentionsVar(n.value, v)) ok = false;
      else if (n.kind === 'AssignStmt') {
        n.lhs.forEach((l, i) => {
          const r = n.rhs[i] ?? n.rhs[0];
          const lp = unparen(l);
          const toLocal = lp.kind === 'Ident' && (this.program.objectOf(lp) as VarObj | null)?.scope === 'local';
          if (r && !toLocal && unparen(r).kind === 'Ident' && this.program.objectOf(unparen(r) as ast.Ident) === v) ok = false;
        });
      } else if (n.kind === 'CallExpr' && this.mentionsVar(n, v)) {
        const targets = this.callgraph.targetsOf(calleeOf(this.program, n), F.pkg);
        if (!targets.length || targets.some((t) => this.leadsTo(t, S))) ok = false;
      }
      return undefined;
    });
    return ok;
  }

  /** fn calls S within a few calls; true when the search grows too large to tell. */
  private leadsTo(fn: FuncInfo, S: FuncInfo): boolean {
    const key = `${fn.id}|${S.id}`;
    let hit = this.leadsCache.get(key);
    if (hit !== undefined) return hit;
    hit = false;
    const seen = new Set<FuncInfo>([fn]);
    let frontier = [fn];
    for (let d = 0; d < 6 && frontier.length && !hit; d++) {
      const next: FuncInfo[] = [];
      for (const f of frontier) {
        if (f === S) { hit = true; break; }
        for (const e of this.callgraph.callees(f)) for (const t of e.targets) if (!seen.has(t)) { seen.add(t); next.push(t); }
      }
      if (seen.size > 3000) { hit = true; break; }
      frontier = next;
    }
    if (!hit && frontier.length) hit = frontier.includes(S);
    this.leadsCache.set(key, hit);
    return hit;
  }

  /**
   * The receiver of a method call in fn is an object each call of fn has to itself: a
   * local made there (`cmd := exec.Command(...)`), or fn's own receiver when every caller
   * in context c calls fn on such a local (`c := exec.Command(...); c.Start()`), or fn is
   * an exported method the API context calls directly. Another call of fn, and the
   * goroutine it starts, works on another object.
   */
  private ownObjectOfCall(call: ast.CallExpr, fn: FuncInfo, c: GoroutineContext, depth = 0): VarObj | null {
    const f = unparen(call.fun);
    if (f.kind !== 'SelectorExpr') return null;
    const x = unparen(f.x);
    const v = x.kind === 'Ident' ? this.program.objectOf(x) : null;
    if (v?.kind !== 'var') return null;
    return this.ownObject(v, call, fn, c, depth) ? v : null;
  }

  private ownObject(v: VarObj, call: ast.CallExpr, fn: FuncInfo, c: GoroutineContext, depth: number): boolean {
    // A call in a loop that the variable outlives works on one object every time.
    const loops = this.funcFacts.get(fn)?.loops ?? [];
    if (loops.some((l) => spanContains(l, call.span) && !(v.span && spanContains(l, v.span)))) return false;
    if (v.func === fn && v.scope === 'local') return this.objectOrigins.madePerCall(v);
    if (!fn.recv || v !== fn.recv) return false;
    // A method of the package's API, called by its user: each call is one use of the
    // object it is called on, as for accesses in the starter itself.
    const calls = this.callgraph.callers(fn).filter((e) => this.reach.reaches(e.caller, c.id));
    if (!calls.length) return c.kind === 'api' && c.roots.includes(fn);
    return depth < 2 && calls.every((e) => !e.deferred && this.ownObjectOfCall(e.call, e.caller, c, depth + 1));
  }

  /**
   * The goroutine is started by a function literal (`return func() { go ... }`) that
   * site's function makes after the access: the literal cannot run before it exists.
   */
  private beforeClosureMade(site: { fn: FuncInfo; span: ast.Span }, cb: GoroutineContext): boolean {
    const loops = this.funcFacts.get(site.fn)?.loops ?? [];
    for (let g: FuncInfo | null = cb.spawner; g && g.node.kind === 'FuncLit'; g = g.parent) {
      if (g.parent !== site.fn) continue;
      const lit = g.node.span;
      return before(site.span, lit) && !spanContains(lit, site.span) && !loops.some((l) => spanContains(l, site.span) && spanContains(l, lit));
    }
    return false;
  }

  /**
   * The spawner, or a function above it, waits for the goroutine before it returns
   * (`go f(); <-done`, `wg.Wait()`, a helper that starts workers and waits for them): the
   * goroutine lives only while that function runs (see joins.ts). A single goroutine
   * (main, a test) can overlap with it only through what the functions of the join
   * chain themselves do, or call, between the start and the join; and any other context
   * that runs them must be one that cannot run next to a's.
   */
  private outsideJoin(a: Access, ca: GoroutineContext, b: Access, cb: GoroutineContext, released: (key: string | null) => boolean): boolean {
    if (ca.spawned || ca.multi || !cb.spawner || !cb.spawnNode) return false;
    const early = this.signals.signalledBefore(b, cb);
    const chain = this.joins.chainOf(cb, early.size ? { usable: (w) => released(w.chanKey), tag: [...early].sort().join(',') } : null);
    if (!chain || chain.keys.has(b.key)) return false;
    // The exported API is one client calling the package in turn: the window is its own
    // only when the functions that hold it are the package's, called by that client.
    if (ca.kind === 'api' && !chain.levels.every((l) => this.reach.reaches(l.fn, ca.id))) return false;
    const site = this.siteOf(a);
    for (const [i, l] of chain.levels.entries()) {
      for (const c of this.contextsOf(l.fn)) {
        if (c === cb || c === ca) continue;
        if (mayRunConcurrently(ca, c) && this.shareProgram(ca, c) && this.startedWithin(ca, c) && this.startedWithin(c, ca)) return false;
      }
      // a in the joining function itself: before the start or after the join.
      if (site.fn === l.fn && (i < chain.levels.length - 1 || !(before(site.span, l.from) || (l.to && before(l.to, site.span))))) return false;
      for (const e of this.callgraph.callees(l.fn)) {
        // The joining call itself runs code of its own before its wait (`svc.Close()`
        // stopping another component first, then waiting for this goroutine).
        if (l.to && e.call.span[0] === l.to[0] && e.call.span[1] === l.to[1] && e.call.span[2] === l.to[2] && e.call.span[3] === l.to[3]) {
          const pre = this.joins.beforeJoin(e, cb);
          if (pre.until.some((u) => site.fn === u.fn && before(site.span, u.span))) return false;
          if (pre.edges.some((x) => x.targets.includes(a.fn) || this.edgeReaches(x, a.fn) !== false)) return false;
          continue;
        }
        if (!e.deferred && (!before(l.from, e.call.span) || (l.to && !before(e.call.span, l.to)))) continue;
        // A deferred call runs after the join, unless the function can leave between
        // the start and the join (a return or a panic; a test's t.Fatal has already
        // failed the test).
        if (e.deferred && l.to && !this.leavesBetween(l.fn, l.from, l.to)) continue;
        if (this.edgeReaches(e, a.fn) !== false) return false;
      }
    }
    return true;
  }

  /** A return statement or a panic call in fn's own body between from and to. */
  private leavesBetween(fn: FuncInfo, from: ast.Span, to: ast.Span): boolean {
    if (!fn.body) return true;
    let hit = false;
    walk(fn.body, (n) => {
      if (hit || (n.kind === 'FuncLit' && n !== fn.node)) return false;
      if (!before(from, n.span) || !before(n.span, to)) return undefined;
      if (n.kind === 'ReturnStmt') hit = true;
      if (n.kind === 'CallExpr') { const c = calleeOf(this.program, n); if (c?.kind === 'builtin' && c.name === 'panic') hit = true; }
      return undefined;
    });
    return hit;
  }

  /**
   * fn is the function literal run by synctest.Test or synctest.Run (testing/synctest,
   * internal/synctest): the call returns only after every goroutine of the bubble has
   * exited, so whatever fn starts lives only while the call runs.
   */
  private bubbleBody(fn: FuncInfo): boolean {
    const lit = fn.node;
    if (lit.kind !== 'FuncLit' || !fn.parent?.body) return false;
    let hit = false;
    walk(fn.parent.body, (n) => {
      if (hit) return false;
      if (n.kind !== 'CallExpr' || !n.args.some((a) => unparen(a) === lit)) return undefined;
      const c = calleeOf(this.program, n);
      const f = unparen(n.args[n.args.length - 1]!) === lit;
      if (f && (isFuncCall(c, 'testing/synctest', ['Test', 'Run']) || isFuncCall(c, 'internal/synctest', ['Run', 'Test']))) hit = true;
      return undefined;
    });
    return hit;
  }

  /** Where the spawner waits for goroutine cb, when every start is followed by that wait
   * with no return in between; null otherwise. */
  private joinOf(cb: GoroutineContext, racingKey: string): ast.Span | null {
    const spawner = cb.spawner!;
    const spawn = cb.spawnNode!.span;
    const ff = this.funcFacts.get(spawner);
    if (!ff) return null;
    const spawnLoop = innermostLoop(ff.loops, spawn);
    const wait = ff.waits.find((w) => {
      if (w.scope || !before(spawn, w.span)) return false;
      if (w.group) return this.groupJoins(w, cb);
      // One receive joins one goroutine, not those of every iteration.
      return !spawnLoop && w.chanKey !== null && w.chanKey !== racingKey && this.contextSignals(cb, w.chanKey);
    });
    if (!wait) return null;
    if (this.returnsBetween(spawner, spawn, wait.span)) return null;
    return wait.span;
  }

  private returnsBetween(fn: FuncInfo, from: ast.Span, to: ast.Span): boolean {
    if (!fn.body) return true;
    return this.returnsOf(fn).some((r) => before(from, r) && before(r, to));
  }

  /** Where fn returns (its own return statements, not those of literals), found once. */
  private returnsOf(fn: FuncInfo): ast.Span[] {
    let hit = this.returnSpans.get(fn);
    if (!hit) {
      const out: ast.Span[] = [];
      walk(fn.body!, (n) => {
        if (n.kind === 'FuncLit') return false;
        if (n.kind === 'ReturnStmt') out.push(n.span);
        return undefined;
      });
      hit = out;
      this.returnSpans.set(fn, hit);
    }
    return hit;
  }

  /** Where an access happens in terms of the enclosing named function: an access in a
   * function literal that its parent runs on the spot (a callback to sort.Slice, a
   * deferred func) happens at the literal's place in the parent. */
  private siteOf(a: { fn: FuncInfo; span: ast.Span }, stopAt: FuncInfo | null = null): { fn: FuncInfo; span: ast.Span } {
    let fn = a.fn;
    let span = a.span;
    // Stop at the spawner when the access is in it (a subtest literal that starts goroutines).
    while (fn !== stopAt && fn.node.kind === 'FuncLit' && fn.parent && !this.spawnRoots().has(fn)) {
      span = fn.node.span;
      fn = fn.parent;
    }
    return { fn, span };
  }

  /** Like siteOf, every level from a's own function up. */
  private siteLevels(a: Access): Array<{ fn: FuncInfo; span: ast.Span }> {
    const out = [{ fn: a.fn, span: a.span }];
    let fn = a.fn;
    while (fn.node.kind === 'FuncLit' && fn.parent && !this.spawnRoots().has(fn)) {
      out.push({ fn: fn.parent, span: fn.node.span });
      fn = fn.parent;
    }
    return out;
  }

  private spawnRootSet: Set<FuncInfo> | null = null;
  private spawnRoots(): Set<FuncInfo> {
    if (!this.spawnRootSet) {
      this.spawnRootSet = new Set();
      for (const c of this.contexts) if (c.spawned) for (const r of c.roots) this.spawnRootSet.add(r);
      // Literals stored away (in fields, variables) run later, elsewhere.
      for (const f of this.program.funcs) if (f.node.kind === 'FuncLit' && !this.callgraph.callers(f).some((e) => e.caller === f.parent)) this.spawnRootSet.add(f);
    }
    return this.spawnRootSet;
  }

  /** a's function calls the spawner of cb after a (setup, then start). */
  private setupBeforeStart(a: Access, ca: GoroutineContext, cb: GoroutineContext): boolean {
    if (!cb.spawner) return false;
    // Copies of a's goroutine running at once call a's function on an object kept across
    // calls (its receiver, a package variable): one copy's access runs after another
    // copy's start (`Token` reads c.tokens, then calls `c.set`, which arms an AfterFunc
    // that deletes from it).
    if (ca.multi && this.keptAcrossCalls(a, a.fn)) return false;
    const ff = this.funcFacts.get(a.fn);
    // Every start of the goroutine must come from a's function, after a.
    const calls = this.callgraph.callers(cb.spawner);
    if (!calls.length) return false;
    for (const e of calls) {
      if (e.caller !== a.fn || !before(a.span, e.call.span)) return false;
      if ((ff?.loops ?? []).some((l) => spanContains(l, e.call.span) && spanContains(l, a.span))) return false;
    }
    return true;
  }

  /**
   * In a single goroutine (main, a test, init), access a is done by a call that returns
   * before the call that (further down) starts goroutine cb: `xinit(); ...; bootstrap()`
   * where only bootstrap leads to the `go` statement. Every call of the root function
   * that leads to a's function must come before every call that leads to cb's spawner,
   * outside any loop around both.
   */
  private doneBeforeStartCall(a: Access, ca: GoroutineContext, cb: GoroutineContext, nested = 0): boolean {
    if (ca.multi || ca.spawned || ca.roots.length !== 1 || !cb.spawner || !cb.spawnNode) return false;
    const root = ca.roots[0]!;
    if (!root.body || cb.spawner === root) return false;
    // Reached from a only through goroutines it starts after a (`asmb: go func() {
    // writeBlocks() }`): then every start of cb is after a too.
    const direct = this.reach.reaches(cb.spawner, ca.id);
    let viaLater = false;
    // Nobody else may start cb earlier (other tests run in their own time, on their own
    // objects; cb starting more of itself does so after its own start). Nor does another
    // command's main (`main` of cmd/link next to the test binary's TestMain that calls
    // it): another program. In main, or a TestMain before it runs the tests, the
    // exported API's caller is that one thread itself; an ordinary test may follow
    // others whose goroutines still run. Goroutines started in init outlive it. A
    // goroutine that starts cb is fine when it is itself started after a (`Main ->
    // asmb: go ... writeBlocks: go ...`).
    const first = ca.kind === 'main' || (ca.kind === 'test' && root.name === 'TestMain');
    const others = this.contextsOf(cb.spawner).filter((c) => c !== ca && c !== cb && c.kind !== 'test');
    for (const c of others) {
      if (c.kind === 'main' && (ca.kind === 'api' || !this.shareProgram(ca, c))) continue;
      if (c.kind === 'api' && first) continue;
      if (c.spawned && nested < 3 && this.reach.reaches(cb.spawner, c.id) && this.doneBeforeStartCall(a, ca, c, nested + 1)) { viaLater = true; continue; }
      return false;
    }
    if (!direct) return viaLater;
    // Where a call leads to both (main -> linker.Main -> phases, then the parallel
    // writer), the question moves into that call: `Main` runs its phases in order.
    let f = root;
    for (let depth = 0; depth < MAX_CHAIN; depth++) {
      const loops = this.funcFacts.get(f)?.loops ?? [];
      let lastA: ast.Span | null = a.fn === f ? a.span : null;
      let firstB: ast.Span | null = cb.spawner === f ? cb.spawnNode.span : null;
      const both: CallEdge[] = [];
      for (const e of this.callgraph.callees(f)) {
        const toA = a.fn !== f && this.edgeReaches(e, a.fn);
        const toB = cb.spawner !== f && this.edgeReaches(e, cb.spawner);
        if (toA === null || toB === null) return false; // too far to tell
        if (toA && toB) { both.push(e); continue; }
        if (toA && (!lastA || before(lastA, e.call.span))) lastA = e.call.span;
        if (toB && (!firstB || before(e.call.span, firstB))) firstB = e.call.span;
      }
      if (both.length === 0) {
        if (!lastA || !firstB || !before(lastA, firstB) || spanContains(lastA, firstB) || spanContains(firstB, lastA)) return false;
        return !loops.some((l) => spanContains(l, lastA!) && spanContains(l, firstB!));
      }
      // One call that leads to both, made once: what comes before it in f (accesses, or
      // starts) must not be a start; what comes after it must not be an access.
      // Several calls of one function, each but the last followed by the end of the
      // program or the function (`if x { main(); os.Exit(0) }; ...; main()`): whichever
      // runs, runs the phases in order, and none runs after another.
      both.sort((x, y) => (before(x.call.span, y.call.span) ? -1 : 1));
      const e = both[both.length - 1]!;
      if (e.targets.length !== 1) return false;
      for (const x of both) {
        if (x.targets.length !== 1 || x.targets[0] !== e.targets[0] || loops.some((l) => spanContains(l, x.call.span))) return false;
        if (x !== e && !this.endsAfterCall(f, x.call.span)) return false;
        if (firstB && before(firstB, x.call.span)) return false;
        if (lastA && before(x.call.span, lastA) && x === e) return false;
      }
      f = e.targets[0]!;
      if (!f.body) return false;
    }
    return false;
  }

  /** The statement holding the call is followed, in its block, by one that leaves:
   * a return, or a call that never returns (os.Exit, panic, log.Fatal). */
  private endsAfterCall(fn: FuncInfo, call: ast.Span): boolean {
    if (!fn.body) return false;
    let found = false;
    walk(fn.body, (n) => {
      if (found || n.kind === 'FuncLit') return false;
      const list: readonly ast.Stmt[] | undefined = n.kind === 'BlockStmt' ? n.list : n.kind === 'CaseClause' || n.kind === 'CommClause' ? (n as { body: readonly ast.Stmt[] }).body : undefined;
      if (!list) return undefined;
      const i = list.findIndex((st) => st.kind === 'ExprStmt' && spanContains(st.span, call));
      if (i < 0) return undefined;
      found = list.slice(i + 1).some((st) => st.kind === 'ReturnStmt' || (st.kind === 'ExprStmt' && unparen(st.x).kind === 'CallExpr' && neverReturns(this.program, unparen(st.x) as ast.CallExpr)));
      return false;
    });
    return found;
  }

  /** Whether a call edge leads to fn within MAX_CHAIN calls; null when the search is too large to tell. */
  private edgeReaches(e: CallEdge, fn: FuncInfo): boolean | null {
    const callers = this.callersOf(fn);
    if (callers === null) return null;
    return e.targets.some((t) => callers.has(t));
  }

  /** The functions that lead to fn within MAX_CHAIN calls (fn included), searched backwards
   * once per function; null when there are more than EDGE_REACH_LIMIT. */
  private callersOf(fn: FuncInfo): Set<FuncInfo> | null {
    let set = this.ancestors.get(fn);
    if (set !== undefined) return set;
    set = new Set<FuncInfo>([fn]);
    let frontier = [fn];
    for (let depth = 0; depth < MAX_CHAIN && frontier.length && set; depth++) {
      const next: FuncInfo[] = [];
      for (const f of frontier) {
        for (const ce of this.callgraph.callers(f)) if (!set.has(ce.caller)) { set.add(ce.caller); next.push(ce.caller); }
      }
      if (set.size > EDGE_REACH_LIMIT) { set = null; break; }
      frontier = next;
    }
    this.ancestors.set(fn, set);
    return set;
  }

  /** Access a comes after its function waited for something context cb signals
   * (a receive from a channel cb sends on or closes, a Wait on a WaitGroup cb calls Done on,
   * an errgroup Wait for the group that runs cb). */
  private waitedFor(a: Access, cb: GoroutineContext, racingKey: string, released: (key: string | null) => boolean): boolean {
    // The waits of a's function before it, and, for a literal run on the spot (a cleanup
    // or deferred func), those of the functions around it before the literal.
    for (const site of this.siteLevels(a)) {
      if (this.waitedAt(site, cb, racingKey, released)) return true;
    }
    return false;
  }

  private waitedAt(site: { fn: FuncInfo; span: ast.Span }, cb: GoroutineContext, racingKey: string, released: (key: string | null) => boolean): boolean {
    const ff = this.funcFacts.get(site.fn);
    if (!ff) return false;
    for (const w of ff.waits) {
      // Receiving some of the values a goroutine sends on a channel does not order that
      // goroutine's later sends (or a close) on the same channel.
      if (!w.chanKey || w.chanKey === racingKey || !waitsBefore(w, site.span) || !released(w.chanKey)) continue;
      if (w.chanKey.startsWith('eg:')) {
        if (cb.kind === 'errgroup' && cb.spawnNode?.kind === 'CallExpr') {
          const f = unparen(cb.spawnNode.fun);
          const p = f.kind === 'SelectorExpr' ? placeOf(this.program, f.x) : null;
          if (p?.key && `eg:${p.key}` === w.chanKey) return true;
        }
        continue;
      }
      if (this.contextSignals(cb, w.chanKey) && (!w.group || this.groupJoins(w, cb))) return true;
      if (!w.group && this.relayedJoin(w.chanKey, cb)) return true;
    }
    return false;
  }

  private readonly relayCache = new Map<string, boolean>();

  /**
   * Every send on (or close of) channel key comes after a Wait that joins goroutine cb
   * (`go func() { g.wg.Wait(); close(g.done) }()`): a receive from it comes after all
   * that cb did.
   */
  private relayedJoin(key: string, cb: GoroutineContext): boolean {
    const id = `${key}|${cb.id}`;
    let hit = this.relayCache.get(id);
    if (hit !== undefined) return hit;
    const signals = this.sendsAndCloses(key);
    hit = signals.length > 0 && signals.every((x) => {
      const s = this.siteOf(x);
      return (this.funcFacts.get(s.fn)?.waits ?? []).some((v) => v.group && v.chanKey !== key && waitsBefore(v, s.span) && this.groupJoins(v, cb));
    });
    this.relayCache.set(id, hit);
    return hit;
  }

  /**
   * Whether a WaitGroup Wait (or errgroup Wait, synctest.Wait) waits for goroutine cb.
   * A goroutine that adds to the WaitGroup itself (`go func() { wg.Add(1); defer
   * wg.Done(); ... }()`) may not have started when Wait sees the counter at zero: Wait
   * joins it only if its starter adds before the `go` statement, or starts it with wg.Go.
   */
  private groupJoins(w: WaitSite, cb: GoroutineContext): boolean {
    if (!w.group) return false;
    if (w.chanKey?.startsWith('exec:') || cb.joinKey) return w.chanKey === cb.joinKey;
    if (!w.chanKey?.startsWith('wg:')) return true;
    const adds = (this.accessesByKey.get(w.chanKey) ?? []).filter((x) => x.kind === 'add');
    const spawn = cb.spawnNode;
    // wg.Go(f) adds at the start call itself, and marks f done when it returns.
    if (cb.spawner && spawn && adds.some((x) => x.fn === cb.spawner && spanContains(spawn.span, x.span))) return true;
    // A goroutine whose whole code is its own (not run by a helper that may call Done
    // around it) and that never calls Done on the group is not waited for by its Wait (an
    // HTTP handler calling into a pool whose Shutdown waits for the pool's own workers).
    if (OWN_CODE_KINDS.has(cb.kind) && !this.contextSignals(cb, w.chanKey)) return false;
    // Added somewhere cb does not reach (its starter, or the starter's caller). Not a
    // WaitGroup cb never calls Done on while it does call Done on another one: that other
    // one is what waits for it.
    if (!adds.some((x) => this.reach.reaches(x.fn, cb.id))) return this.contextSignals(cb, w.chanKey) || !this.signalsGroup(cb);
    if (!cb.spawner || !spawn) return false;
    return adds.some((x) => x.fn === cb.spawner && before(x.span, spawn.span));
  }

  /**
   * Access b runs in goroutine cb's own function after a receive from a channel on which
   * only a's function sends (or which only it closes), after a and outside any loop
   * around both: a happens before the send, the send before the receive completes.
   */
  private receivedAfter(a: Access, b: Access, cb: GoroutineContext): boolean {
    if (!cb.spawned) return false;
    const bs = this.siteOf(b);
    if (!cb.roots.includes(bs.fn)) return false;
    const as = this.siteOf(a);
    const loops = this.funcFacts.get(as.fn)?.loops ?? [];
    for (const w of this.funcFacts.get(bs.fn)?.waits ?? []) {
      if (w.group || !w.chanKey || !waitsBefore(w, bs.span)) continue;
      const signals = this.sendsAndCloses(w.chanKey);
      if (!signals.length) continue;
      // A loop around both is harmless when each iteration makes its own channel and its
      // own variable: the goroutine of this iteration waits for this iteration's send.
      const fresh = (l: ast.Span, x: Access): boolean => [x.place.root, a.place.root, b.place.root].every((v) => !!v?.span && v.scope === 'local' && spanContains(l, v.span));
      const afterA = signals.every((x) => {
        const s = this.siteOf(x);
        if (s.fn !== as.fn) return this.calledOnlyBefore(as.fn, s.fn, s.span, 2);
        return before(as.span, s.span) && !loops.some((l) => spanContains(l, as.span) && spanContains(l, s.span) && !fresh(l, x));
      });
      if (afterA) return true;
    }
    return false;
  }

  /**
   * fn runs only inside calls that `from` makes before `span`, outside any loop around
   * both (`p.fill(); close(sent)`: what fill does is done before the signal), through at
   * most `depth` further callers.
   */
  private calledOnlyBefore(fn: FuncInfo, from: FuncInfo, span: ast.Span, depth: number): boolean {
    const calls = this.callgraph.callers(fn);
    if (!calls.length || this.spawnRoots().has(fn)) return false;
    const loops = this.funcFacts.get(from)?.loops ?? [];
    return calls.every((e) => {
      if (e.deferred) return false;
      if (e.caller === from) return before(e.call.span, span) && !loops.some((l) => spanContains(l, e.call.span) && spanContains(l, span));
      if (depth <= 0 || e.caller === fn) return false;
      const site = this.siteOf({ fn: e.caller, span: e.call.span });
      if (site.fn === from) return before(site.span, span) && !loops.some((l) => spanContains(l, site.span) && spanContains(l, span));
      return this.calledOnlyBefore(site.fn, from, span, depth - 1);
    });
  }

  /** The sends on and closes of a channel, listed once per channel. */
  private sendsAndCloses(key: string): Access[] {
    let hit = this.signalCache.get(key);
    if (!hit) {
      hit = (this.accessesByKey.get(key) ?? []).filter((x) => x.kind === 'send' || x.kind === 'close');
      this.signalCache.set(key, hit);
    }
    return hit;
  }

  /** Goroutine cb may signal on the channel or WaitGroup a wait on key waits for before
   * it runs access b. */
  private signalledOn(b: Access, cb: GoroutineContext, key: string | null): boolean {
    if (!key || !cb.spawned) return false;
    const early = this.signals.signalledBefore(b, cb);
    if (!early.size) return false;
    if (this.aliasKeys(key).some((k) => early.has(k))) return true;
    // Through a helper given the channel (`notify(done); x = 1`).
    return (this.passedSignals().get(key) ?? []).some((h) => early.has(h.param) && this.reach.reaches(h.caller, cb.id));
  }

  private readonly groupSignalCache = new Map<GoroutineContext, boolean>();

  /** Goroutine c calls Done on some WaitGroup. */
  private signalsGroup(c: GoroutineContext): boolean {
    let hit = this.groupSignalCache.get(c);
    if (hit !== undefined) return hit;
    hit = false;
    for (const [k, list] of this.accessesByKey) {
      if (!k.startsWith('wg:')) continue;
      if (list.some((a) => a.kind === 'signal' && this.reach.reaches(a.fn, c.id))) { hit = true; break; }
    }
    this.groupSignalCache.set(c, hit);
    return hit;
  }

  private contextSignals(c: GoroutineContext, key: string): boolean {
    for (const k of this.aliasKeys(key)) {
      for (const a of this.accessesByKey.get(k) ?? []) {
        if ((a.kind === 'send' || a.kind === 'close' || a.kind === 'signal') && this.reach.reaches(a.fn, c.id)) return true;
      }
    }
    // A helper the goroutine hands the channel to (`packetTransponder(c, tpch)`, which
    // ends with `defer close(ch)`) signals on it as its parameter.
    for (const h of this.passedSignals().get(key) ?? []) {
      if (this.reach.reaches(h.caller, c.id) && this.reach.reaches(h.fn, c.id)) return true;
    }
    return false;
  }

  private passedSignalIndex: Map<string, Array<{ caller: FuncInfo; fn: FuncInfo; param: string }>> | null = null;

  /** Channel variables passed to a parameter that the callee sends on or closes: by the
   * variable's channel key, the calling function and the callee. */
  private passedSignals(): Map<string, Array<{ caller: FuncInfo; fn: FuncInfo; param: string }>> {
    if (this.passedSignalIndex) return this.passedSignalIndex;
    const out = new Map<string, Array<{ caller: FuncInfo; fn: FuncInfo; param: string }>>();
    const signalled = new Map<FuncInfo, Set<number>>();
    const paramsSignalled = (t: FuncInfo): Set<number> => {
      let hit = signalled.get(t);
      if (hit) return hit;
      hit = new Set();
      for (const a of this.funcFacts.get(t)?.accesses ?? []) {
        if (a.kind !== 'send' && a.kind !== 'close') continue;
        const r = a.place.root;
        const i = r && r.scope === 'param' && !a.place.path.length ? t.params.indexOf(r) : -1;
        if (i >= 0) hit.add(i);
      }
      signalled.set(t, hit);
      return hit;
    };
    for (const fn of this.program.funcs) {
      for (const e of this.callgraph.callees(fn)) {
        if (e.call.ellipsis) continue;
        e.call.args.forEach((arg, i) => {
          const x = unparen(arg);
          const v = x.kind === 'Ident' ? this.program.objectOf(x) : null;
          if (v?.kind !== 'var' || v.scope === 'pkg' || underlying(v.type).kind !== 'chan') return;
          for (const t of e.targets) {
            if (!paramsSignalled(t).has(i)) continue;
            const k = `chan:${varKey(v)}`;
            out.set(k, [...(out.get(k) ?? []), { caller: fn, fn: t, param: `chan:${varKey(t.params[i]!)}` }]);
          }
        });
      }
    }
    this.passedSignalIndex = out;
    return out;
  }

  /** A channel or WaitGroup variable's key, and the keys of the parameters every call
   * gives it to (`go measure(name, &p, done)` closes `done` as its own parameter). */
  private aliasKeys(key: string): string[] {
    const m = /^(chan|wg):var:(\d+)$/.exec(key);
    if (!m) return [key];
    const params = this.paramAliases().byVarId.get(Number(m[2]));
    return params ? [key, ...params.map((q) => `${m[1]}:var:${q.id}`)] : [key];
  }

  // ---------------------------------------------------------------- helpers for finding construction

  /** Trace lines for one side of a finding. */
  describeSide(label: string, a: Access, ctx: GoroutineContext, other?: { access: Access; ctx: GoroutineContext }): string[] {
    // The chain shown avoids the locks the other side holds: those are the ones that
    // would keep the two apart, so a chain through them would not be the racing way.
    const avoid = other ? new Set(this.locksIn(other.access, other.ctx).map((l) => l.key)) : undefined;
    const chain = this.witness(ctx, a.fn, avoid).map((f) => f.name);
    const locks = this.locksIn(a, ctx);
    return [
      `${label}: ${a.text} at ${a.fn.file.ast.path}:${a.span[0]}:${a.span[1]} in ${a.fn.name}`,
      `  reached from ${ctx.describe}`,
      `  call chain: ${chain.join(' -> ')}`,
      `  locks held: ${locks.length ? locks.map((l) => `${l.text}${l.mode === 'r' ? ' (read)' : ''}`).join(', ') : 'none'}`,
    ];
  }

  private spawningFuncs(): Set<FuncInfo> {
    const direct = new Set<FuncInfo>();
    for (const c of this.contexts) if (c.spawner && c.spawnNode) direct.add(c.spawner);
    // Callers of spawning functions spawn too.
    const out = new Set<FuncInfo>(direct);
    const queue = [...direct];
    while (queue.length) {
      const f = queue.pop()!;
      for (const e of this.callgraph.callers(f)) if (!out.has(e.caller)) { out.add(e.caller); queue.push(e.caller); }
    }
    return out;
  }

  /** Variables of enclosing functions used by function literals that run as goroutines. */
  private goroutineCaptured(): Set<VarObj> {
    const out = new Set<VarObj>();
    for (const c of this.contexts) {
      if (!c.spawned) continue;
      for (const r of c.roots) {
        if (r.node.kind !== 'FuncLit' || !r.body) continue;
        walk(r.body, (n) => {
          if (n.kind !== 'Ident') return undefined;
          const o = this.program.objectOf(n);
          if (o?.kind === 'var' && this.captured.has(o) && o.func && !inside(o.func, r)) out.add(o);
          return undefined;
        });
      }
    }
    return out;
  }

  /** `once.Do(f)` on a sync.Once local to the calling function and not shared with its
   * literals: every call of that function has a fresh Once, so f runs once per call. */
  private localOnce(call: ast.CallExpr, fn: FuncInfo): boolean {
    const f = unparen(call.fun);
    if (f.kind !== 'SelectorExpr') return false;
    const p = placeOf(this.program, f.x);
    if (!p?.root || p.throughPointer || p.indexed) return false;
    // A Once in a value receiver or value parameter of the function itself (`func (s
    // stopper) Stop() { s.once.Do(...) }`) is the caller's struct copied for this call:
    // each call has a fresh Once that never remembers an earlier call ran its body.
    if ((p.root.scope === 'recv' || p.root.scope === 'param') && p.root.func === fn && underlying(p.root.type).kind !== 'pointer' && underlying(this.program.typeOf(f.x)).kind !== 'pointer') return true;
    // A local Once the function's literals share (goroutines it starts) is still one Once.
    return p.root.scope === 'local' && p.path.length === 0 && !this.captured.has(p.root);
  }

  /** Functions run by sync.Once.Do, each with the identity of its Once (the Once's place
   * key, like a lock's): closes under one Once run once, closes under two Onces can both
   * run (see sameOnce). */
  private onceBodies(): Map<FuncInfo, string> {
    const out = new Map<FuncInfo, string>();
    const add = (f: FuncInfo, k: string) => {
      const had = out.get(f);
      out.set(f, had === undefined || had === k ? k : MANY_ONCES);
    };
    for (const fn of this.program.funcs) {
      if (!fn.body) continue;
      walkBodyKinds(fn.body, CALLS, (n) => {
        if (n.kind === 'CallExpr' && isMethodCall(calleeOf(this.program, n), 'sync', 'Once', 'Do') && n.args[0] && !this.localOnce(n, fn)) {
          const f = unparen(n.fun);
          const k = (f.kind === 'SelectorExpr' ? placeOf(this.program, f.x)?.key : null) ?? ANY_ONCE;
          for (const b of this.callgraph.funcValues(n.args[0])) add(b, k);
        }
        return undefined;
      });
    }
    // A function called only from once bodies (`once.Do(func() { err = setup() })`) runs
    // once too, under the Onces of its callers.
    let frontier = [...out.keys()];
    while (frontier.length) {
      const next: FuncInfo[] = [];
      for (const f of frontier) {
        for (const e of this.callgraph.callees(f)) {
          for (const t of e.targets) {
            if (out.has(t) || !t.body) continue;
            const callers = this.callgraph.callers(t);
            if (callers.length && callers.every((c) => out.has(c.caller))) {
              for (const c of callers) add(t, out.get(c.caller)!);
              next.push(t);
            }
          }
        }
      }
      frontier = next;
    }
    return out;
  }
}

/** Contexts that run the joiners of two goroutines, looked at by joinedApart. */
const MAX_HOSTS = 256;
const MAX_ALL_HOSTS = 8192;

/** A function reached by thousands of goroutine contexts (a logging helper) is checked
 * against the first MAX_CONTEXTS of them, goroutines first: enough to find a witness,
 * bounded in cost. */
const MAX_CONTEXTS = 48;
/** Beyond this many functions, whether a call leads somewhere is not worth finding out. */
const EDGE_REACH_LIMIT = 20000;

// internal/poll guards each file descriptor's state with fdMutex, a lock built on runtime
// semaphores (readLock, writeLock, incref): below the language, like the runtime's own.
const SYNC_IMPLEMENTATION = /^(runtime|sync|sync\/atomic|internal\/sync|internal\/poll|internal\/runtime\/.+|runtime\/internal\/.+)$/;

/** A package of the Go distribution (module std) that implements goroutines and locks. */
function implementsSynchronisation(pkg: PackageInfo): boolean {
  return pkg.module?.path === 'std' && SYNC_IMPLEMENTATION.test(pkg.importPath);
}

/** The call names a method through a selector (`x.m(...)`, statically or through an
 * interface), as opposed to calling a function value that holds one. */
function isMethodSelectorCall(program: Program, call: ast.CallExpr): boolean {
  const f = unparen(call.fun);
  return f.kind === 'SelectorExpr' && program.selectionOf(f)?.kind === 'method';
}

/** Appends v to the list kept under k. */
function addToList<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function limitContexts(cs: GoroutineContext[]): GoroutineContext[] {
  if (cs.length <= MAX_CONTEXTS) return cs;
  const spawned = cs.filter((c) => c.spawned);
  const rest = cs.filter((c) => !c.spawned);
  return [...spawned, ...rest].slice(0, MAX_CONTEXTS);
}

function shareTarget(f: FuncInfo, g: FuncInfo): boolean {
  const a = f.file.ref?.targets;
  const b = g.file.ref?.targets;
  if (!a || !b || f.file === g.file) return true;
  return a.some((x) => b.some((y) => x.goos === y.goos && x.goarch === y.goarch));
}

/** f is decl or a function literal nested in it. */
function inside(f: FuncInfo, decl: FuncInfo): boolean {
  for (let g: FuncInfo | null = f; g; g = g.parent) if (g === decl) return true;
  return false;
}

/** For a location rooted at a local variable (the variable itself, a map or channel it
 * holds): the function whose call owns it. */
function hasOwned(labels: Set<string>): boolean {
  for (const l of labels) if (l.startsWith('owned:')) return true;
  return false;
}

function hasSelf(labels: Set<string>): boolean {
  return labels.has('self') || hasOwned(labels);
}

/** Goroutines that run only the code their context's roots reach: no helper of theirs
 * (`spawn(&wg, f)`, errgroup, wg.Go) wraps that code with a Done. */
const OWN_CODE_KINDS: ReadonlySet<string> = new Set(['go', 'http-handler', 'rpc', 'lib-callback', 'afterfunc']);

/** Sends and closes on a channel parameter taken as the caller's variable (passedChannel). */
const passedChannels = new WeakSet<Access>();

/** Map parameters given more local maps than this are not followed (see passedMap). */
const MAX_PASSED_MAPS = 8;

function localDeclaring(a: Access): FuncInfo | null {
  const r = a.place.root;
  if (!r || r.scope === 'pkg' || !r.func) return null;
  return /^(var|map:var|chan:var):/.test(a.key) ? r.func : null;
}



/** A struct held by value (not a pointer to one). */
function isStructValue(t: Type): boolean {
  return t.kind !== 'pointer' && underlying(t).kind === 'struct';
}

function isParamOrRecv(v: VarObj): boolean {
  return v.scope === 'param' || v.scope === 'recv';
}

/** Both types are the same named type, or pointers to it. */
function sameNamedType(a: Type, b: Type): boolean {
  const x = a.kind === 'pointer' ? a.elem : a;
  const y = b.kind === 'pointer' ? b.elem : b;
  return x.kind === 'named' && y.kind === 'named' && x.decl === y.decl;
}

function isCallResult(e: ast.Expr): boolean {
  let x = unparen(e);
  for (;;) {
    if (x.kind === 'CallExpr') return true;
    if (x.kind === 'SelectorExpr' || x.kind === 'IndexExpr' || x.kind === 'StarExpr' || x.kind === 'TypeAssertExpr') { x = unparen(x.x); continue; }
    if (x.kind === 'UnaryExpr') { x = unparen(x.x); continue; }
    return false;
  }
}

/** A context running an access: `seq` for a top-level parallel test's part before
 * t.Parallel(); `at`, where the access is taken to happen in that context when it runs it
 * as a subtest's part before t.Parallel() (the t.Run call). */
interface Runner {
  c: GoroutineContext;
  seq: boolean;
  at: { fn: FuncInfo; span: ast.Span } | null;
}

interface ParallelSplit {
  /** The t.Parallel() call. */
  at: ast.Span;
  /** Functions called after it (or deferred), and what they call. */
  post: Set<FuncInfo>;
}

interface ObjectLabels {
  /** Sees any T it mentions (main goroutine, tests, the exported API). */
  any: boolean;
  all: Set<string>;
  /** Labels shared by every goroutine of a context that runs many at once. */
  shared: Set<string>;
}

interface TracedOrigin {
  origin: ObjectOrigin;
  /** For a shared object: the variable it entered the goroutine by, if known. */
  entry: VarObj | null;
}

interface ParamAliases {
  /** Parameter to the variable every call gives it (its address, or its value). */
  params: Map<VarObj, VarObj>;
  /** Struct parameter (passed by value) to the variable every call copies into it. */
  values: Map<VarObj, VarObj>;
  /** Locals whose address is given to a parameter that way. */
  locals: Set<VarObj>;
  /** Variable id to the parameters it is given to. */
  byVarId: Map<number, VarObj[]>;
}

/** A statement that puts variables into a collection (see publishSites). */
interface PublishSite {
  span: ast.Span;
  into: ast.Expr;
  values: VarObj[];
}

interface Anchor {
  id: string;
  /** For objects held by a captured local: the function whose call owns the variable. */
  declaring: FuncInfo | null;
  /** For objects reached from a receiver: the receiver's type. */
  selfType: string | null;
  /** An object a field of the receiver points to (heldChannelAnchor): where the receiver
   * came from says nothing about where that object did. */
  held?: boolean;
  /** An object its function put into the collection itself (publishedAnchor). */
  published?: boolean;
  /** For an object a captured pointer points at: the id of its type's objects (see sameAnchor). */
  alsoSelf?: string;
  /** For a pointer loaded from a field of a collection's element: the id of the pointed
   * object's type's objects (see sameAnchor). */
  alsoPointee?: string;
  /** The variable of a var anchor with alsoSelf. */
  alsoVar?: VarObj;
  /** For a channel of such a variable's object that its function put into a collection:
   * the anchor id of that collection's elements (see publishedElement). */
  alsoElem?: string;
}

/** The anchor of the object a pointer variable points at, as an object of its named type. */
function pointeeAnchor(v: VarObj, p: string): Anchor | null {
  const t = v.type.kind === 'pointer' ? v.type.elem : null;
  return t?.kind === 'named' ? typeAnchor(t, p, null) : null;
}

/** The object of named type t at field path p, as a receiver of t names it. */
function typeAnchor(t: Extract<Type, { kind: 'named' }>, p: string, declaring: FuncInfo | null): Anchor {
  const k = `${t.decl.pkgPath}.${t.decl.name}`;
  return { id: `self:${k}/${p}`, selfType: k, declaring };
}

/** For a pointer variable to a named struct type: the anchor id of that type's objects. */
function selfOfPointer(v: VarObj, p: string): string | undefined {
  const t = v.type.kind === 'pointer' ? v.type.elem : null;
  return t?.kind === 'named' && underlying(t).kind === 'struct' ? typeAnchor(t, p, null).id : undefined;
}

/** Two anchors name the same object: the same id, or a captured pointer's object and an
 * object of its type reached from a receiver (or made and shared), which it may be. Two
 * captured pointers are two objects unless they are one variable. */
function sameAnchor(a: Anchor, b: Anchor): boolean {
  if (a.id === b.id) return true;
  if ((!!a.alsoElem && a.alsoElem === b.id) || (!!b.alsoElem && b.alsoElem === a.id)) return true;
  if ((!!a.alsoPointee && a.alsoPointee === b.id && !b.declaring) || (!!b.alsoPointee && b.alsoPointee === a.id && !a.declaring)) return true;
  return (!!a.alsoSelf && a.alsoSelf === b.id && !b.declaring) || (!!b.alsoSelf && b.alsoSelf === a.id && !a.declaring);
}

/** *net/http.Request. */
function isHTTPRequest(t: Type | undefined): boolean {
  return t?.kind === 'pointer' && t.elem.kind === 'named' && t.elem.decl.pkgPath === 'net/http' && t.elem.decl.name === 'Request';
}

/** Keys of locations inside objects (fields, maps and channels held in fields). */
function isObjectKey(key: string): boolean {
  return key.startsWith('field:') || key.startsWith('map:field:') || key.startsWith('chan:field:');
}

/** Local variables referenced from a function literal other than the one declaring them. */
/** c runs one HTTP handler closure that decl makes and returns (a middleware's
 * `return http.HandlerFunc(func(w, r) {...})`), many requests at once; or one that a
 * closure decl returns makes (a middleware factory's `return func(next http.Handler)
 * http.Handler { return http.HandlerFunc(...) }`): every handler it wraps shares decl's
 * variables, and each serves many requests. */
function oneClosureServes(c: GoroutineContext, decl: FuncInfo, cg: CallGraph): boolean {
  if (c.kind !== 'http-handler' || !c.multi || !c.roots.length) return false;
  const returned = cg.returnedFuncs(decl, 0);
  const served = (r: FuncInfo): boolean => returned.includes(r) || returned.some((f) => f.node.kind === 'FuncLit' && r.parent === f && cg.returnedFuncs(f, 1).includes(r));
  return c.roots.every((r) => r.node.kind === 'FuncLit' && served(r));
}

/** c runs many copies from one start: goroutines started in a loop, a group's tasks, the
 * requests of one handler. Not copies made by separate calls of their starter, nor the
 * callers of an interface whose contract only allows concurrent use. */
function startsCopies(c: GoroutineContext): boolean {
  return c.spawned && c.multi && !c.copiesByCalls && !c.recursive && (c.kind === 'go' || c.kind === 'errgroup' || c.kind === 'waitgroup-go' || c.kind === 'http-handler');
}

function capturedVars(program: Program): Set<VarObj> {
  const out = new Set<VarObj>();
  for (const fn of program.funcs) {
    if (fn.node.kind !== 'FuncLit' || !fn.body) continue;
    walkKinds(fn.body, IDENTS, (n) => {
      if (n.kind === 'Ident') {
        const o = program.objectOf(n);
        if (o?.kind === 'var' && o.scope !== 'pkg' && o.func && o.func !== fn && isAncestor(o.func, fn)) out.add(o);
      }
      return undefined;
    });
  }
  return out;
}

function isAncestor(a: FuncInfo, f: FuncInfo): boolean {
  for (let p = f.parent; p; p = p.parent) if (p === a) return true;
  return false;
}

/** Moves caller-held locks into the callee's frame: a lock reached from the receiver or
 * an argument of the call is reached from the callee's receiver or parameter. */
function mapIntoCallee(held: HeldLock[], call: ast.CallExpr, callee: FuncInfo, program: Program): HeldLock[] {
  if (!held.length) return held;
  const bindings: Array<{ from: VarObj; to: VarObj | null }> = [];
  const fun = unparen(call.fun);
  if (fun.kind === 'SelectorExpr' && callee.recv) {
    const p = placeOf(program, fun.x);
    if (p?.root && p.path.length === 0) bindings.push({ from: p.root, to: callee.recv });
  }
  call.args.forEach((arg, i) => {
    const p = placeOf(program, arg);
    const param = callee.params[i];
    if (p?.root && p.path.length === 0 && param) bindings.push({ from: p.root, to: param });
  });
  return held.map((h) => {
    if (h.global || !h.root) return h;
    const b = bindings.find((x) => x.from === h.root);
    if (b) return { ...h, root: b.to };
    // A caller's local lock the callee cannot name: still held, owner unknown.
    return { ...h, root: callee.parent && isAncestor(h.root.func ?? callee, callee) ? h.root : null };
  });
}

/** The locks held on both ways in: a lock held for writing on one and for reading on
 * the other is held at least for reading. */
function intersectLocks(a: HeldLock[], b: HeldLock[]): HeldLock[] {
  const out: HeldLock[] = [];
  for (const h of a) {
    const x = b.find((l) => l.key === h.key);
    if (x) out.push(h.mode === x.mode || h.mode === 'r' ? h : x);
  }
  return out;
}

/** Locks held on one way in by two accounts: a's, then those of b it does not name; a
 * lock one holds for reading and the other for writing is held for writing. */
function mergeLocks(a: HeldLock[], b: HeldLock[]): HeldLock[] {
  if (!b.length) return a;
  const out = a.map((h) => (h.mode === 'r' ? b.find((x) => x.key === h.key && x.mode === 'w') ?? h : h));
  for (const h of b) if (!a.some((x) => x.key === h.key)) out.push(h);
  return out;
}

function stripAddress(e: ast.Expr): ast.Expr {
  const x = unparen(e);
  return x.kind === 'UnaryExpr' && x.op === '&' ? unparen(x.x) : x;
}

/** One way a context enters a function (see lockedOnEveryPath). */
interface LockVariant {
  locks: HeldLock[];
  origin: string | null;
}

/** The function literal written directly in decl's body that fn is (or is inside). */
function literalOf(fn: FuncInfo, decl: FuncInfo): FuncInfo | null {
  let lit: FuncInfo | null = fn;
  while (lit && lit.parent !== decl) lit = lit.parent;
  return lit && lit.node.kind === 'FuncLit' ? lit : null;
}

function pairConfidence(a: GoroutineContext, b: GoroutineContext): 'high' | 'medium' | 'low' {
  const strong = (c: GoroutineContext) => c.spawned || c.kind === 'main' || c.kind === 'test';
  if (a.kind === 'api' || b.kind === 'api') return (a.spawned || b.spawned) ? 'medium' : 'low';
  return strong(a) && strong(b) ? 'high' : 'low';
}

function rank(c: 'high' | 'medium' | 'low'): number {
  return c === 'high' ? 2 : c === 'medium' ? 1 : 0;
}

/** The innermost of the loops around a span. */
function innermostLoop(loops: readonly ast.Span[], span: ast.Span): ast.Span | null {
  let best: ast.Span | null = null;
  for (const l of loops) if (spanContains(l, span) && (!best || l[0] > best[0] || (l[0] === best[0] && l[1] < best[1]))) best = l;
  return best;
}

/** Spans x and y lie in different branches of one if/else chain or one switch: a run of
 * the body takes at most one of them. */
function exclusiveBranches(body: ast.BlockStmt, x: ast.Span, y: ast.Span): boolean {
  let hit = false;
  walk(body, (n) => {
    if (hit || n.kind === 'FuncLit') return false;
    if (n.kind === 'IfStmt' && n.else) {
      const t = n.body.span;
      const e = n.else.span;
      if ((spanContains(t, x) && spanContains(e, y)) || (spanContains(t, y) && spanContains(e, x))) hit = true;
    } else if (n.kind === 'SwitchStmt' || n.kind === 'TypeSwitchStmt') {
      const cx = n.clauses.find((c) => spanContains(c.span, x));
      const cy = n.clauses.find((c) => spanContains(c.span, y));
      if (cx && cy && cx !== cy) hit = true;
    }
    return hit ? false : undefined;
  });
  return hit;
}

/** A `for {}` loop can be left by a break of its own (or a labelled one, or a goto). */
function exitsLoop(loop: ast.ForStmt): boolean {
  let hit = false;
  walk(loop.body, (n) => {
    if (hit || n.kind === 'FuncLit') return false;
    if (n.kind === 'BranchStmt' && (n.tok === 'goto' || (n.tok === 'break' && n.label))) hit = true;
    // An unlabelled break inside a nested loop, switch or select leaves that statement.
    if (n.kind === 'ForStmt' || n.kind === 'RangeStmt' || n.kind === 'SwitchStmt' || n.kind === 'TypeSwitchStmt' || n.kind === 'SelectStmt') {
      walk(n, (m) => {
        if (m.kind === 'BranchStmt' && (m.tok === 'goto' || (m.tok === 'break' && m.label))) hit = true;
        return hit ? false : undefined;
      });
      return false;
    }
    if (n.kind === 'BranchStmt' && n.tok === 'break') hit = true;
    return hit ? false : undefined;
  });
  return hit;
}
