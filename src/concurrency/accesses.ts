/**
 * Per-function memory accesses with the locks held at each, from a flow-sensitive walk
 * over the structured statements: Lock/Unlock/RLock/RUnlock/TryLock, `defer`, branches
 * joined by intersection, early returns dropping their path. Also records what later
 * passes need for ordering: where goroutines are started, where the function waits.
 */
import type * as ast from '../syntax/ast.js';
import { kindSet, walk, walkBodyKinds, walkKinds } from '../syntax/walk.js';
import { calleeOf, callSitesOf, isFuncCall, isMethodCall, isPoolGet, neverReturns, staticTarget, type Callee } from '../model/calls.js';
import { unparen } from '../model/checker.js';
import { singleDefinition } from '../model/definitions.js';
import { goVersionAtLeast } from '../model/goversion.js';
import type { FuncInfo, PackageInfo, VarObj } from '../model/objects.js';
import type { Program } from '../model/program.js';
import { underlying } from '../model/typeops.js';
import { chanElementPlace, lockedChanGetter } from './chan-origins.js';
import type { NeverTrue } from './never-true.js';
import { declKey, exprText, isAllocation, placeOf, varKey, type Place } from './places.js';
import { isLoggerPrint } from './writer-sinks.js';
import type { Type } from '../model/types.js';
import { spawnKindOf } from './spawners.js';
import { spanContains } from './spans.js';
import { handedOut } from './handed-out.js';

/** `signal`: a WaitGroup's Done; `add`: its Add (or the add that wg.Go makes before starting). */
export type AccessKind = 'read' | 'write' | 'atomic' | 'map-read' | 'map-write' | 'map-iter' | 'close' | 'send' | 'recv' | 'signal' | 'add';

export interface HeldLock {
  key: string;
  mode: 'w' | 'r';
  /** The variable the mutex is reached from (null: a package-level mutex or unknown). */
  root: VarObj | null;
  /** Path from root to the mutex, without the mutex's own field name. */
  ownerPath: string[];
  global: boolean;
  file: string;
  span: ast.Span;
  text: string;
}

export interface Access {
  fn: FuncInfo;
  kind: AccessKind;
  /** Cross-function identity of the location (`field:T.f`, `pkgvar:p.v`, `var:12`, `map:...`, `chan:...`). */
  key: string;
  place: Place;
  span: ast.Span;
  locks: HeldLock[];
  text: string;
  /** Inside a loop of its own function. */
  loop: ast.Span | null;
  /** The root object was allocated here and not yet handed to another goroutine. */
  confined: boolean;
  /** A send inside a select that has a default case. */
  selectDefault?: boolean;
  /** An element of the slice field a getter hands out as is, used in place by its caller
   * (`for _, m := range p.list.Members()`): the anchor id of the getter's receiver, an
   * object of its type. */
  getterSelf?: string;
  /** A close after an early return on a check (`if p.closed { return }`). */
  checked?: boolean;
  /** Inside a function run by sync.Once.Do. */
  inOnce?: boolean;
  /** A send on a local copy of this channel field, taken under a lock and used after it
   * is released: the field's text. */
  copiedFrom?: string;
  /** Which Once runs it (its place key; `*` unknown, matches any; `+` several, matches none). */
  onceKey?: string;
  /** An atomic access made by a method of a sync type (`sync.Once.Do`). */
  syncCall?: string;
  /** An atomic access that only loads. */
  atomicLoad?: boolean;
  /** A close nested in a condition (if, switch, or a select's default): guarded by a check. */
  guarded?: boolean;
  /** A close of a channel held by an object this call took out of a shared collection
   * (`v, ok := c.pending.LoadAndDelete(id); if ok { close(v.(*call).done) }`, or read and
   * removed under one lock): another closer that claims the same way gets another object. */
  claimed?: boolean;
  /** A close that runs only when stopping a timer or AfterFunc succeeded (`if !l.stop() {
   * return }`, `if t.Stop() { close(ch) }`): the key of the place holding the stopper.
   * The callback that Stop prevented never runs alongside it. */
  stopGuard?: string;
  /** An access to one field of a slice element held by value (`b.eps[i].Weight = 0`, the
   * element's read in `b.eps[i].Addr`): the field's path inside the element. Two such
   * accesses to different fields touch different memory. */
  part?: string;
  /** An element access through a slice parameter: the facts re-key it to the local every
   * call passes, or drop it (see passedSlice in build.ts). */
  paramSlice?: boolean;
  /** Made by a deferred call: where it runs (the end of the function's body). */
  runsAt?: ast.Span;
  /** A write a logger or encoder makes into the writer it keeps (`w.log.Printf(...)`):
   * the key of the place holding the logger (`field:pkg.Worker.log`, `std-log`). */
  sinkHolder?: string;
  /** A call of a method of a stateful library type on the object (see
   * LIBRARY_STATE_METHODS): the type (`bufio.Writer`, `math/rand.Rand`). */
  libState?: string;
}

/**
 * Stateful types of the standard library whose methods are not safe for concurrent use,
 * by their read-only methods: every other method called on such an object changes its
 * internal state (a bufio.Writer's buffer, a rand.Rand's source, a hash's running sum),
 * so two calls from concurrent contexts without a common lock race on it.
 * (bytes.Buffer and strings.Builder are the writers of writerOps. bytes.Reader and
 * strings.Reader are left out: their ReadAt is safe, and code relies on a Read at EOF
 * changing nothing.)
 */
const LIBRARY_STATE_METHODS: Record<string, string[]> = {
  'bufio.Writer': ['Size', 'Buffered', 'Available', 'AvailableBuffer'],
  'bufio.Reader': ['Size', 'Buffered'],
  'bufio.Scanner': ['Text', 'Bytes', 'Err'],
  'math/rand.Rand': [],
  'math/rand/v2.Rand': [],
  'hash.Hash': ['Sum', 'Size', 'BlockSize'],
  'hash.Hash32': ['Sum', 'Sum32', 'Size', 'BlockSize'],
  'hash.Hash64': ['Sum', 'Sum64', 'Size', 'BlockSize'],
  'container/list.List': ['Len', 'Front', 'Back'],
  'text/tabwriter.Writer': [],
  'encoding/csv.Writer': ['Error'],
  'encoding/csv.Reader': ['FieldPos', 'InputOffset'],
};

/** The key of a stateful library object's internal state (see LIBRARY_STATE_METHODS). */
export function libStateKey(type: string): string {
  return `field:${type}.<state>`;
}

/** The key of what is written into a bytes.Buffer or strings.Builder (a test's `logs`). */
export const WRITTEN_KEY = 'field:io.Writer.<written>';

export interface SpawnSite {
  node: ast.GoStmt | ast.CallExpr;
  span: ast.Span;
  loop: ast.Span | null;
}

export interface WaitSite {
  span: ast.Span;
  /** What is waited for: `chan:...` for a receive, `wg:...` for WaitGroup.Wait,
   * `eg:...` for errgroup Wait; null when the object is not a tracked place. */
  chanKey: string | null;
  /** WaitGroup or errgroup Wait (as opposed to a channel receive). */
  group: boolean;
  /** A receive in one case of a select orders only that case's code: another case may
   * fire instead. */
  scope?: ast.Span;
  /** The other cases of its select, when they all leave the function: the wait orders the
   * code after the select, but not theirs (`case <-time.After(d): return p.code`). */
  excluded?: ast.Span[];
}

/** The Once of a body run by `once.Do` whose Once is not a tracked place: matches any. */
export const ANY_ONCE = '*';
/** A body run by two different Onces: matches none. */
export const MANY_ONCES = '+';

/** Both run inside the body of one sync.Once (the same Once, not merely some Once each):
 * only one of them runs. */
export function sameOnce(a: Access, b: Access): boolean {
  if (!a.onceKey || !b.onceKey || a.onceKey === MANY_ONCES || b.onceKey === MANY_ONCES) return false;
  return a.onceKey === b.onceKey || a.onceKey === ANY_ONCE || b.onceKey === ANY_ONCE;
}

/** A close behind a check: inside a condition, or after an early return on one. */
export function checkedClose(a: Access): boolean {
  return !!(a.guarded || a.checked);
}

/** Whether wait w comes before code at span on every path that reaches it. */
export function waitsBefore(w: WaitSite, span: ast.Span): boolean {
  return before(w.span, span) && (!w.scope || spanContains(w.scope, span)) && !w.excluded?.some((x) => spanContains(x, span));
}

export interface FuncFacts {
  fn: FuncInfo;
  accesses: Access[];
  /** Locks held at each call expression (before the call). */
  locksAtCall: Map<ast.CallExpr, HeldLock[]>;
  spawns: SpawnSite[];
  waits: WaitSite[];
  loops: ast.Span[];
}

type State = HeldLock[] | null;

const LOCK_METHODS = ['Lock', 'Unlock', 'RLock', 'RUnlock', 'TryLock', 'TryRLock'];

export interface AccessEnv {
  program: Program;
  /** Local variables captured by some function literal. */
  captured: Set<VarObj>;
  /** Functions that can reach a goroutine start (passing an object to them shares it). */
  spawning: Set<FuncInfo>;
  /** Functions run by sync.Once.Do, with the identity of their Once. */
  onceBodies: Map<FuncInfo, string>;
  targetsOf(c: Callee | null, from?: PackageInfo): FuncInfo[];
  /** Conditions that are false in every run (their branches are dead code). */
  neverTrue?: NeverTrue;
}

/** Node kinds the FuncWalker passes look at. */
const ASSIGNS = kindSet('AssignStmt');
const ESCAPE_KINDS = kindSet('GoStmt', 'SendStmt', 'ReturnStmt', 'AssignStmt', 'CallExpr');
const GO_SENDS_AND_CALLS = kindSet('GoStmt', 'SendStmt', 'CallExpr');
const CALLS = kindSet('CallExpr');

export function collectFuncFacts(env: AccessEnv, fn: FuncInfo): FuncFacts {
  return new FuncWalker(env, fn).run();
}

class FuncWalker {
  private readonly facts: FuncFacts;
  private readonly program: Program;
  private loopStack: ast.Span[] = [];
  /** Local variables allocated here, with the position where they escape (if they do). */
  private readonly allocated = new Map<VarObj, ast.Span | null>();
  /** Every point where an allocated local escapes (see findAllocations). */
  private readonly escapes = new Map<VarObj, ast.Span[]>();
  /** Blocks (and case clauses) of this function's own body that end by leaving it. */
  private exitBlocks: ast.Span[] = [];
  /** Where an allocated local is sent on a channel or handed to a `go` statement. */
  private readonly sentAt = new Map<VarObj, ast.Span[]>();
  /** Where an allocated local is sent on a channel. */
  private readonly sentOnly = new Map<VarObj, ast.Span[]>();
  /** Go statements whose function literal captures an allocated local. */
  private readonly goCaptured = new Map<VarObj, ast.Span[]>();
  /** Struct and array locals whose address goroutines get, with where (see findAddressEscapes). */
  private readonly addressEscapes = new Map<VarObj, ast.Span>();
  /** Every point where such a local's address is handed over (see findAddressEscapes). */
  private readonly addressHandoffs = new Map<VarObj, ast.Span[]>();
  private readonly oldLoopSemantics: boolean;
  /** The next expr() visits the base of a selector, index or slice (or a method call's
   * receiver), not a value taken whole. */
  private asBase = false;
  /** The field of the element the next element() access touches (see Access.part). */
  private elementPart: string | null = null;
  private selectDefault = false;
  /** The select case being read, when its select has other cases. */
  private selectScope: ast.Span | null = null;
  /** Depth of conditional statements around the current statement. */
  private condDepth = 0;
  /** If statements without else whose body leaves the function. */
  private readonly exitChecks: ast.Span[] = [];
  /** Checks of a successful Stop (see Access.stopGuard): the span they cover, the stopper's key. */
  private readonly stopChecks: Array<{ span: ast.Span; key: string; after: boolean }> = [];
  /** Range loops being read whose value variable names a collection's element. */
  private readonly ranges: Array<{ value: VarObj; collection: string }> = [];
  /** Closes of channels reached from such an element, with the collection's key. */
  private readonly rangeCloses: Array<{ close: Access; collection: string }> = [];

  /** append calls whose result is stored back into their own first argument. */
  private appendedBack: Set<ast.CallExpr> | null = null;

  /**
   * The slice field a plain local appended to in place holds: every definition of the
   * local is that field (`tags := in.DefaultTags`, or a getter handing it out as is) or an
   * append onto the local itself (`tags = append(tags, x)`), at least one of each, and the
   * function does not assign the field. A full slice expression (`s.f[:n:n]`) is a copy
   * on append, not the field.
   */
  private grownFieldAlias(e: ast.Expr): Place | null {
    const x = unparen(e);
    if (x.kind !== 'Ident' || !this.fn.body) return null;
    const v = this.program.objectOf(x);
    if (v?.kind !== 'var' || v.scope !== 'local' || v.func !== this.fn || this.env.captured.has(v) || underlying(v.type).kind !== 'slice') return null;
    if (grownAliasCache.has(v)) return grownAliasCache.get(v)!;
    let found: Place | null = null;
    let appended = false;
    let ok = true;
    walk(this.fn.body, (n) => {
      if (!ok) return false;
      if (n.kind === 'RangeStmt' && [n.key, n.value].some((k) => k?.kind === 'Ident' && this.program.objectOf(k) === v)) ok = false;
      if (n.kind === 'UnaryExpr' && n.op === '&' && unparen(n.x).kind === 'Ident' && this.program.objectOf(unparen(n.x) as ast.Ident) === v) ok = false;
      if (n.kind !== 'AssignStmt' && n.kind !== 'ValueSpec') return undefined;
      const lhs = n.kind === 'AssignStmt' ? n.lhs : n.names;
      const rhs = n.kind === 'AssignStmt' ? n.rhs : n.values;
      lhs.forEach((l, i) => {
        if (l.kind !== 'Ident' || this.program.objectOf(l) !== v) return;
        const r = lhs.length === rhs.length ? unparen(rhs[i]!) : null;
        if (!r) { ok = false; return; }
        if (r.kind === 'CallExpr' && r.fun.kind === 'Ident' && r.fun.name === 'append' && this.program.objectOf(r.fun)?.kind !== 'var') {
          const first = r.args[0] ? unparen(r.args[0]) : null;
          if (first?.kind === 'Ident' && this.program.objectOf(first) === v) { appended = true; return; }
          ok = false;
          return;
        }
        const p = sliceFieldPlace(this.program, r);
        if (!p || (found && found.key !== p.key)) { ok = false; return; }
        found = p;
      });
      return undefined;
    });
    const f = found as Place | null;
    const r: Place | null = ok && appended && f && !reassignsField(this.program, this.fn.body, f) ? f : null;
    grownAliasCache.set(v, r);
    return r;
  }

  /** An append onto a slice field (not a local, not a re-slice such as `s.f[:n:n]`)
   * whose result is not assigned back to that same field. */
  private appendsToSharedField(x: ast.CallExpr): boolean {
    const base = unparen(x.args[0]!);
    if (base.kind !== 'SelectorExpr' || this.program.selectionOf(base)?.kind !== 'field') return false;
    if (!this.appendedBack) {
      const back = new Set<ast.CallExpr>();
      if (this.fn.body) walkKinds(this.fn.body, ASSIGNS, (n) => {
        if (n.kind !== 'AssignStmt') return undefined;
        n.rhs.forEach((r, i) => {
          const call = unparen(r);
          const l = n.lhs[i];
          if (call.kind === 'CallExpr' && call.args[0] && l && exprText(unparen(l)) === exprText(unparen(call.args[0]))) back.add(call);
        });
        return undefined;
      });
      this.appendedBack = back;
    }
    return !this.appendedBack.has(x);
  }

  constructor(private readonly env: AccessEnv, private readonly fn: FuncInfo) {
    this.program = env.program;
    this.facts = { fn, accesses: [], locksAtCall: new Map(), spawns: [], waits: [], loops: [] };
    this.oldLoopSemantics = !goVersionAtLeast(fn.pkg.module?.goVersion ?? null, 1, 22);
  }

  run(): FuncFacts {
    if (this.fn.body) {
      this.findAllocations(this.fn.body);
      this.findAddressEscapes(this.fn.body);
      this.block(this.fn.body.list, []);
      this.markCheckedCloses();
    }
    return this.facts;
  }

  /**
   * Closes behind a check of their own. A close after an early return on a check
   * (`if p.closed { return }`) is `checked`. A channel taken from a collection and removed
   * from it after the close (`for id, s := range h.subs { close(s.ch); delete(h.subs, id)
   * }`) is not found by the next closer, like a close behind a closed flag: `guarded`.
   */
  private markCheckedCloses(): void {
    for (const a of this.facts.accesses) {
      if (a.kind === 'close' && !a.guarded && this.exitChecks.some((x) => before(x, a.span) && !spanContains(x, a.span))) a.checked = true;
      if (a.kind === 'close') {
        const g = this.stopChecks.find((x) => (x.after ? before(x.span, a.span) && !spanContains(x.span, a.span) : spanContains(x.span, a.span)));
        if (g) a.stopGuard = g.key;
      }
    }
    for (const a of this.facts.accesses) {
      if (a.kind === 'close' && this.claimedHolder(a)) a.claimed = true;
    }
    for (const { close, collection } of this.rangeCloses) {
      const removed = this.facts.accesses.some((w) => before(close.span, w.span) &&
        ((w.kind === 'map-write' && w.key === `map:${collection}`) || (w.kind === 'write' && w.key === collection)));
      if (removed) close.guarded = true;
    }
  }

  /**
   * The object whose channel close a closes was claimed by this call: taken with
   * LoadAndDelete and closed only when that found it, or read from a collection field and
   * removed from it under one lock (`last := p.workers[n-1]; p.workers = p.workers[:n-1]`,
   * `cl := c.pending[id]; delete(c.pending, id)`). Two calls claiming one key cannot both
   * get the object.
   */
  private claimedHolder(a: Access): boolean {
    let v = a.place.root;
    if (!v || v.scope !== 'local' || v.func !== this.fn || this.env.captured.has(v)) return false;
    // The value of a range over a map field whose entries the loop deletes under the lock
    // held at the close (`for id, w := range h.watchers { delete(h.watchers, id);
    // close(w.ch) }` under h.mu): each entry is taken out before its channel is closed.
    const ranged = this.rangeCloses.find((r) => r.close === a);
    if (ranged) {
      const held = (x: Access) => x.locks.some((l) => l.mode === 'w' && a.locks.some((m) => m.key === l.key && m.mode === 'w'));
      return this.facts.accesses.some((w) => w.kind === 'map-write' && w.key === `map:${ranged.collection}` && before(w.span, a.span) && held(w));
    }
    for (let hops = 0; hops < 2; hops++) {
      const def = singleDefinition(this.program, v);
      const d = def ? unparen(def) : null;
      if (!d) return false;
      if (d.kind === 'TypeAssertExpr' && unparen(d.x).kind === 'Ident') {
        const w = this.program.objectOf(unparen(d.x) as ast.Ident);
        if (w?.kind !== 'var' || w.scope !== 'local' || w.func !== this.fn) return false;
        v = w;
        continue;
      }
      if (d.kind === 'CallExpr') {
        const f = unparen(d.fun);
        return f.kind === 'SelectorExpr' && f.sel.name === 'LoadAndDelete' && !!(a.guarded || a.checked);
      }
      if (d.kind !== 'IndexExpr') return false;
      const coll = placeOf(this.program, d.x);
      if (!coll?.key || !coll.path.length) return false;
      const keys = [coll.key, `map:${coll.key}`];
      const read = this.facts.accesses.find((x) => (x.kind === 'read' || x.kind === 'map-read') && spanContains(d.span, x.span) && keys.includes(x.key));
      if (!read?.locks.length) return false;
      return this.facts.accesses.some((w) => (w.kind === 'write' || w.kind === 'map-write') && keys.includes(w.key) &&
        w.locks.some((l) => read.locks.some((r) => r.key === l.key && r.mode === 'w' && l.mode === 'w')));
    }
    return false;
  }

  // ------------------------------------------------------------ ownership

  /** Locals initialised with a fresh allocation, and the first point they are shared. */
  private findAllocations(body: ast.BlockStmt): void {
    walkBodyKinds(body, ASSIGNS, (n) => {
      if (n.kind === 'AssignStmt' && n.tok === ':=' && n.lhs.length === n.rhs.length) {
        n.lhs.forEach((l, i) => {
          if (l.kind !== 'Ident') return;
          const v = this.program.info.defs.get(l);
          // `pool.Get().(*T)`: an object no other goroutine holds (unless it was put back
          // while still in use, which pool-after-put reports).
          if (v && (isAllocation(n.rhs[i]!) || isPoolGet(this.program, n.rhs[i]!))) this.allocated.set(v, null);
        });
      }
      return undefined;
    });
    if (!this.allocated.size) return;
    // Escape points: a goroutine start mentioning the variable, storing it anywhere
    // but a local, sending it, or passing it to code that starts goroutines.
    const mark = (v: VarObj, at: ast.Span) => {
      const cur = this.allocated.get(v);
      if (cur === undefined) return;
      if (cur === null || before(at, cur)) this.allocated.set(v, at);
      const list = this.escapes.get(v) ?? [];
      list.push(at);
      this.escapes.set(v, list);
    };
    // A branch that shares the object and then leaves the function (`if err != nil {
    // c.Close(); return nil, err }`) shares it on no path that goes on below.
    const leaves = (list: readonly ast.Stmt[]): boolean => {
      const last = list[list.length - 1];
      if (!last) return false;
      if (last.kind === 'ReturnStmt') return true;
      const x = last.kind === 'ExprStmt' ? unparen(last.x) : null;
      return x?.kind === 'CallExpr' && neverReturns(this.program, x);
    };
    walk(body, (n) => {
      if (n.kind === 'FuncLit') return false;
      if (n.kind === 'BlockStmt' && n !== body && leaves(n.list)) this.exitBlocks.push(n.span);
      if ((n.kind === 'CaseClause' || n.kind === 'CommClause') && leaves(n.body)) this.exitBlocks.push(n.span);
      return undefined;
    });
    // Formatting arguments (`log.Printf("%p", v)`, a `...any` parameter) are printed, not kept.
    const formatted = (call: ast.CallExpr): number => {
      if (call.ellipsis) return Infinity;
      const t = this.program.typeOf(call.fun);
      if (t.kind !== 'func' || !t.sig.variadic) return Infinity;
      const last = t.sig.params[t.sig.params.length - 1];
      const elem = last?.kind === 'slice' ? last.elem : null;
      return elem?.kind === 'interface' && elem.methods.length === 0 && elem.embeds.length === 0 ? t.sig.params.length - 1 : Infinity;
    };
    const directVar = (e: ast.Expr): VarObj[] => this.directVarOf(e);
    const mentioned = (e: ast.Node): VarObj[] => {
      const out: VarObj[] = [];
      walk(e, (n) => {
        if (n.kind === 'Ident') {
          const o = this.program.objectOf(n);
          if (o?.kind === 'var' && this.allocated.has(o)) out.push(o);
        }
        return undefined;
      });
      return out;
    };
    walkKinds(body, ESCAPE_KINDS, (n) => {
      if (n.kind === 'GoStmt') {
        for (const v of mentioned(n.call)) { mark(v, n.span); this.sentAt.set(v, [...(this.sentAt.get(v) ?? []), n.span]); }
        const lit = unparen(n.call.fun);
        if (lit.kind === 'FuncLit') for (const v of mentioned(lit.body)) this.goCaptured.set(v, [...(this.goCaptured.get(v) ?? []), n.span]);
      }
      else if (n.kind === 'SendStmt') for (const v of directVar(n.value)) { mark(v, n.span); this.sentAt.set(v, [...(this.sentAt.get(v) ?? []), n.span]); this.sentOnly.set(v, [...(this.sentOnly.get(v) ?? []), n.span]); }
      else if (n.kind === 'ReturnStmt') for (const r of n.results) for (const v of mentioned(r)) mark(v, n.span);
      else if (n.kind === 'AssignStmt') {
        n.lhs.forEach((l, i) => {
          if (unparen(l).kind === 'Ident' && n.tok !== '=') return;
          const r = n.rhs[i] ?? n.rhs[0];
          if (!r) return;
          const lp = unparen(l);
          const toLocal = lp.kind === 'Ident' && this.program.objectOf(lp)?.kind === 'var' && (this.program.objectOf(lp) as VarObj).scope === 'local';
          if (!toLocal) for (const v of directVar(r)) mark(v, n.span);
        });
      } else if (n.kind === 'CallExpr') {
        const c = calleeOf(this.program, n);
        const spawn = spawnKindOf(this.program, c);
        const targets = this.env.targetsOf(c, this.fn.pkg);
        const isAppend = c?.kind === 'builtin' && c.name === 'append';
        const shares = !!spawn || targets.some((t) => this.env.spawning.has(t)) || isAppend;
        if (shares) {
          // Handing the variable itself over shares it; using one of its fields does not.
          const handed = (a: ast.Expr) => (spawn ? mentioned(a) : directVar(a));
          const from = spawn || isAppend ? Infinity : formatted(n);
          (isAppend ? n.args.slice(1) : n.args).forEach((a, i) => { if (i < from) for (const v of handed(a)) mark(v, n.span); });
          // A method of one of its fields (`c.bw.Flush()`) is handed that field, not the object.
          if (c?.kind === 'method') {
            const recv = unparen(n.fun);
            if (recv.kind === 'SelectorExpr') for (const v of handed(recv.x)) mark(v, n.span);
          }
        }
      }
      return undefined;
    });
  }

  /**
   * Struct and array locals whose address is handed to a goroutine or to code that
   * starts goroutines (`go scan(sh, &res, &wg)`, `g.Go(f)` on a `var g Group` whose Go
   * has a pointer receiver), or sent on a channel (`ch <- &e`, to whichever goroutine
   * receives it), with the first point that happens: from there on the goroutines share
   * the variable.
   */
  private findAddressEscapes(body: ast.BlockStmt): void {
    const valueLocal = (e: ast.Expr): VarObj | null => {
      const x = unparen(e);
      if (x.kind !== 'Ident') return null;
      const o = this.program.objectOf(x);
      return o?.kind === 'var' && o.scope === 'local' && o.func === this.fn && isValueType(o.type) && !this.env.captured.has(o) ? o : null;
    };
    const addressOf = (e: ast.Expr): VarObj | null => {
      const x = unparen(e);
      return x.kind === 'UnaryExpr' && x.op === '&' ? valueLocal(x.x) : null;
    };
    const mark = (v: VarObj | null, at: ast.Span): void => {
      if (!v) return;
      const cur = this.addressEscapes.get(v);
      if (!cur || before(at, cur)) this.addressEscapes.set(v, at);
      this.addressHandoffs.set(v, [...(this.addressHandoffs.get(v) ?? []), at]);
    };
    const pointerReceiver = (call: ast.CallExpr): VarObj | null => {
      const c = calleeOf(this.program, call);
      const fun = unparen(call.fun);
      return c?.kind === 'method' && c.sel.method.ptrRecv && fun.kind === 'SelectorExpr' ? valueLocal(fun.x) : null;
    };
    walkBodyKinds(body, GO_SENDS_AND_CALLS, (n) => {
      if (n.kind === 'GoStmt') {
        for (const a of n.call.args) mark(addressOf(a), n.span);
        mark(pointerReceiver(n.call), n.span);
      } else if (n.kind === 'SendStmt') {
        mark(addressOf(n.value), n.span);
      } else if (n.kind === 'CallExpr') {
        const c = calleeOf(this.program, n);
        if (!spawnKindOf(this.program, c) && !this.env.targetsOf(c, this.fn.pkg).some((t) => this.env.spawning.has(t))) return undefined;
        for (const a of n.args) mark(addressOf(a), n.span);
        mark(pointerReceiver(n), n.span);
      }
      return undefined;
    });
  }

  private directVarOf(e: ast.Expr): VarObj[] {
    let x = unparen(e);
    if (x.kind === 'UnaryExpr' && x.op === '&') x = unparen(x.x);
    if (x.kind !== 'Ident') return [];
    const o = this.program.objectOf(x);
    return o?.kind === 'var' && this.allocated.has(o) ? [o] : [];
  }

  /** While recording a deferred call: where it runs (the end of the body). */
  private deferredAt: ast.Span | null = null;

  private isConfined(place: Place, at: ast.Span): boolean {
    if (!place.root) return false;
    // A local struct or array value (not reached through a pointer) is a copy of its own,
    // unless a function literal shares the variable itself.
    const r = place.root;
    if (r.scope !== 'pkg' && !place.throughPointer && place.path.length > 0 && isValueType(r.type) && !this.env.captured.has(r)) {
      // Unless its address was handed to goroutines: from there on it is theirs too.
      const esc = this.addressEscapes.get(r);
      if (!esc || !before(at, esc)) return !esc;
      // Handed over in a loop the variable outlives (`var e Entry; for { parse(&e); ch <-
      // &e }`): from the second iteration on, every access comes after the last handoff.
      const rs = r.span;
      const handoffs = this.addressHandoffs.get(r) ?? [];
      return !(rs && this.facts.loops.some((l) => spanContains(l, at) && !spanContains(l, rs) && handoffs.some((h) => spanContains(l, h))));
    }
    if (!this.allocated.has(place.root)) return false;
    const esc = this.allocated.get(place.root)!;
    if (esc === null) return true;
    // Shared in a loop the variable outlives (`r := &rec{}; for { r.seq = i; out <- r }`,
    // or handed to a goroutine there, `go send(labels)`): from the second iteration on,
    // every access comes after the last one shared it.
    const rs = place.root.span;
    const sends = this.sentAt.get(place.root) ?? [];
    // (Handed to a goroutine, only a map counts: its entries are one map, while a slice's
    // element at the iteration's own index, `xs[i] = ...`, stays the iteration's.)
    // A goroutine literal that captures the variable shares the variable itself: its fields
    // (not the elements of a slice in it) are the ones the next iteration writes.
    const element = !!place.indexed || place.path.includes('[]') || !!place.key?.includes('[');
    const shared = place.key?.startsWith('map:') ? sends : [...(this.sentOnly.get(place.root) ?? []), ...(element ? [] : this.goCaptured.get(place.root) ?? [])];
    if (rs && this.facts.loops.some((l) => spanContains(l, at) && !spanContains(l, rs) && shared.some((s) => spanContains(l, s)))) return false;
    if (before(at, esc)) return true;
    // Shared only on branches that leave the function before reaching the access.
    return (this.escapes.get(place.root) ?? []).every((e) => before(at, e) || this.exitBlocks.some((b) => spanContains(b, e) && !spanContains(b, at)));
  }

  // ------------------------------------------------------------ statements

  private block(list: ast.Stmt[], st: State): State {
    for (const s of list) {
      if (st === null) return null;
      st = this.stmt(s, st);
    }
    return st;
  }

  private stmt(s: ast.Stmt, st: HeldLock[]): State {
    switch (s.kind) {
      case 'BlockStmt': return this.block(s.list, st);
      case 'ExprStmt': {
        const after = this.expr(s.x, st, 'read');
        // panic, os.Exit, t.Fatal: nothing after this point runs on this path (the locks
        // it released do not weaken what the other branch holds).
        const x = unparen(s.x);
        return x.kind === 'CallExpr' && neverReturns(this.program, x) ? null : after;
      }
      case 'SendStmt': {
        st = this.expr(s.value, st, 'read');
        this.chanOp(s.chan, 'send', s.span, st);
        return this.expr(s.chan, st, 'read');
      }
      case 'IncDecStmt': return this.expr(s.x, st, 'readwrite');
      case 'AssignStmt': {
        for (const r of s.rhs) st = this.expr(r, st, 'read');
        const mode = s.tok === '=' || s.tok === ':=' ? 'write' : 'readwrite';
        for (const l of s.lhs) {
          if (s.tok === ':=' && l.kind === 'Ident' && this.program.info.defs.has(l)) continue; // a new local
          st = this.expr(l, st, mode);
        }
        return st;
      }
      case 'GoStmt': {
        // Arguments are evaluated here; the call itself runs elsewhere.
        for (const a of s.call.args) st = this.expr(a, st, 'read');
        // The function value (`go s.handle(c)` reads the field s.handle) or the receiver.
        const f = unparen(s.call.fun);
        if (f.kind === 'SelectorExpr') st = this.expr(this.program.selectionOf(f)?.kind === 'field' ? f : f.x, st, 'read');
        this.facts.spawns.push({ node: s, span: s.span, loop: this.loop() });
        return st;
      }
      case 'DeferStmt': {
        // A deferred Unlock runs at return: the lock stays held for the rest of the body.
        if (asLockCall(this.program, calleeOf(this.program, s.call))) return st;
        // Deferred closes and wg.Done still happen (at return); record them. Whether the
        // object is still the function's own is decided where they run: at the end.
        const body = this.fn.body;
        this.deferredAt = body ? [body.span[2], body.span[3], body.span[2], body.span[3]] : null;
        try {
          this.call(s.call, st);
        } finally {
          this.deferredAt = null;
        }
        return st;
      }
      case 'ReturnStmt': {
        for (const r of s.results) st = this.expr(r, st, 'read');
        return null;
      }
      case 'BranchStmt': return s.tok === 'fallthrough' ? st : null;
      case 'LabeledStmt': return this.stmt(s.stmt, st);
      case 'DeclStmt': {
        for (const spec of s.decl.specs) if (spec.kind === 'ValueSpec') for (const v of spec.values) st = this.expr(v, st, 'read');
        return st;
      }
      case 'IfStmt': {
        let cur: State = st;
        if (s.init) cur = this.stmt(s.init, cur);
        if (cur === null) return null;
        cur = this.expr(s.cond, cur, 'read');
        // `if debugGetPut { ... }` with a constant false: the body never runs.
        if (this.env.neverTrue?.isNeverTrue(s.cond)) return s.else ? this.stmt(s.else, cur) : cur;
        const guard = this.guardLocks(s.cond, cur);
        const thenIn = guard.then.length ? [...cur, ...guard.then] : cur;
        const elseIn = guard.otherwise.length ? [...cur, ...guard.otherwise] : cur;
        this.condDepth++;
        const a = this.block(s.body.list, thenIn);
        const b = s.else ? this.stmt(s.else, elseIn) : elseIn;
        this.condDepth--;
        // `if p.closed { return }`: what follows runs only when the check passed.
        if (a === null && !s.else) this.exitChecks.push(s.span);
        // `if !l.stop() { return }` guards what follows; `if t.Stop() { ... }` its body.
        const c = unparen(s.cond);
        const negated = c.kind === 'UnaryExpr' && c.op === '!' ? stopperKey(this.program, c.x) : null;
        if (negated && a === null && !s.else) this.stopChecks.push({ span: s.span, key: negated, after: true });
        const direct = stopperKey(this.program, c);
        if (direct) this.stopChecks.push({ span: s.body.span, key: direct, after: false });
        return join(a, b);
      }
      case 'ForStmt': {
        let cur: State = st;
        if (s.init) cur = this.stmt(s.init, cur);
        if (cur === null) return null;
        if (s.cond) cur = this.expr(s.cond, cur, 'read');
        this.facts.loops.push(s.body.span);
        this.loopStack.push(s.body.span);
        const end = this.block(s.body.list, cur);
        // From Go 1.22 each iteration has its own copy of the loop's variables: the post
        // statement updates the next iteration's copy, not the one a goroutine captured.
        if (s.post && end && !(this.oldLoopSemantics === false && s.init?.kind === 'AssignStmt' && s.init.tok === ':=')) this.stmt(s.post, end);
        this.loopStack.pop();
        // `for { ... }` without a break never falls through to what follows.
        return s.cond || hasBreak(s.body) ? join(cur, end) : null;
      }
      case 'RangeStmt': {
        st = this.rangeOver(s, st);
        const over = placeOf(this.program, s.x);
        const value = s.value && unparen(s.value).kind === 'Ident' ? this.program.objectOf(unparen(s.value) as ast.Ident) ?? this.program.info.defs.get(unparen(s.value) as ast.Ident) : null;
        if (over?.key && value?.kind === 'var') this.ranges.push({ value, collection: over.key });
        this.facts.loops.push(s.body.span);
        this.loopStack.push(s.body.span);
        // The loop statement writes its variables at every iteration, inside the loop.
        if (this.oldLoopSemantics && s.tok === ':=') this.loopVarWrites(s, st);
        const end = this.block(s.body.list, st);
        this.loopStack.pop();
        if (over?.key && value?.kind === 'var') this.ranges.pop();
        return join(st, end);
      }
      case 'SwitchStmt': {
        let cur: State = st;
        if (s.init) cur = this.stmt(s.init, cur);
        if (cur === null) return null;
        if (s.tag) cur = this.expr(s.tag, cur, 'read');
        let out: State = s.clauses.some((c) => c.list.length === 0) ? null : cur;
        this.condDepth++;
        for (const c of s.clauses) {
          let cs: State = cur;
          for (const e of c.list) cs = this.expr(e, cs!, 'read');
          out = join(out, this.block(c.body, cs));
        }
        this.condDepth--;
        return out;
      }
      case 'TypeSwitchStmt': {
        let cur: State = st;
        if (s.init) cur = this.stmt(s.init, cur);
        if (cur === null) return null;
        cur = this.expr(s.x, cur, 'read');
        let out: State = s.clauses.some((c) => c.list.length === 0) ? null : cur;
        for (const c of s.clauses) out = join(out, this.block(c.body, cur));
        return out;
      }
      case 'SelectStmt': {
        const hasDefault = s.clauses.some((c) => c.comm === null);
        const cases = s.clauses.filter((c) => c.comm !== null).length;
        let out: State = null;
        let any = false;
        // Per case: the waits its receive added, and whether its body can fall through.
        const caseWaits: WaitSite[][] = [];
        const fallsThrough: boolean[] = [];
        for (const c of s.clauses) {
          let cs: State = st;
          const firstWait = this.facts.waits.length;
          if (c.comm) {
            const prev = this.selectDefault;
            const prevScope = this.selectScope;
            this.selectDefault = hasDefault;
            this.selectScope = cases > 1 ? c.span : null;
            cs = this.stmt(c.comm, st);
            this.selectDefault = prev;
            this.selectScope = prevScope;
          }
          if (hasDefault && c.comm === null) this.condDepth++;
          const end = this.block(c.body, cs);
          out = join(out, end);
          if (hasDefault && c.comm === null) this.condDepth--;
          caseWaits.push(this.facts.waits.slice(firstWait));
          fallsThrough.push(end !== null || c.body.some(leavesByBranch));
          any = true;
        }
        // When every other case ends the function (`case <-time.After(d): t.Fatal(...)`),
        // code after the select runs only after this case's receive.
        caseWaits.forEach((ws, i) => {
          if (!fallsThrough.every((f, j) => j === i || !f)) return;
          const others = s.clauses.filter((_, j) => j !== i).map((c) => c.span);
          for (const w of ws) { delete w.scope; if (others.length) w.excluded = others; }
        });
        return any ? out : null; // `select {}` blocks forever
      }
      default: return st;
    }
  }

  /** `if mu.TryLock() { ... }`: the lock is held in the then-branch. */
  private tryLockCond(cond: ast.Expr, st: HeldLock[]): HeldLock[] | null {
    const c = unparen(cond);
    if (c.kind !== 'CallExpr') return null;
    const callee = asLockCall(this.program, calleeOf(this.program, c));
    if (!callee || !['TryLock', 'TryRLock'].includes(callee.sel.method.name)) return null;
    const l = this.lockOf(c, callee, callee.sel.method.name === 'TryRLock' ? 'r' : 'w');
    return l && !st.some((h) => h.key === l.key) ? [l] : null;
  }

  private rangeOver(s: ast.RangeStmt, st: HeldLock[]): HeldLock[] {
    const xt = underlying(this.program.typeOf(s.x));
    if (xt.kind === 'map') this.mapOp(s.x, 'map-iter', s.x.span, st);
    if (xt.kind === 'chan') this.recvOp(s.x, s.span);
    const after = this.expr(s.x, st, 'read') ?? st;
    // `for _, p := range n.cfg.Peers`: the loop reads every element of the field.
    const field = unparen(s.x).kind === 'SelectorExpr' && this.program.selectionOf(unparen(s.x) as ast.SelectorExpr)?.kind === 'field';
    // So does ranging over a local that holds a slice field (see sliceFieldAlias).
    const rx = unparen(s.x);
    const rv = rx.kind === 'Ident' && xt.kind === 'slice' ? this.program.objectOf(rx) : null;
    const held = rv?.kind === 'var' && rv.scope !== 'pkg' && !!sliceFieldAlias(this.program, rv, 0);
    // And ranging over a getter's slice in place (`for _, e := range b.Endpoints()`).
    const got = rx.kind === 'CallExpr' && xt.kind === 'slice' && !!sliceFieldPlace(this.program, rx);
    if ((field || held || got) && (xt.kind === 'slice' || xt.kind === 'array') && s.value && !(s.value.kind === 'Ident' && s.value.name === '_')) this.element('read', s.x, s.x.span, after, `${exprText(s.x)}[]`, false);
    if (s.tok === '=') {
      if (s.key) this.expr(s.key, after, 'write');
      if (s.value) this.expr(s.value, after, 'write');
    }
    return after;
  }

  /** Before Go 1.22 a loop's variables are shared by every iteration: the loop writes them. */
  private loopVarWrites(s: ast.RangeStmt, st: HeldLock[]): void {
    for (const id of [s.key, s.value]) {
      if (!id || id.kind !== 'Ident') continue;
      const v = this.program.info.defs.get(id);
      if (!v) continue;
      if (this.env.captured.has(v)) {
        this.record('write', { root: v, rootExpr: id, path: [], throughPointer: false, key: varKey(v), field: null }, id.span, st, id.name);
        continue;
      }
      // A struct loop variable whose address a goroutine started in the loop gets (`go
      // sh.compact()` with a pointer receiver, `go scan(&sh)`): the next iteration assigns
      // every field of the one variable while that goroutine reads them through the pointer.
      const esc = this.addressEscapes.get(v);
      if (esc && spanContains(s.body.span, esc) && underlying(v.type).kind === 'struct') this.structFieldWrites(id, v, st);
    }
  }

  /** Writes of each field of struct variable v (one level, no synchronisation fields), at id. */
  private structFieldWrites(id: ast.Ident, v: VarObj, st: HeldLock[]): void {
    const u = underlying(v.type);
    if (u.kind !== 'struct') return;
    for (const f of u.fields) {
      if (f.type.kind === 'named' && (f.type.decl.pkgPath === 'sync' || f.type.decl.pkgPath === 'sync/atomic')) continue;
      const sel = this.program.lookup(v.type, f.name);
      if (sel?.kind !== 'field' || sel.path.length) continue;
      const key = `field:${declKey(sel.owner, `anon@${sel.span ? sel.span.join(':') : '?'}`)}.${sel.name}`;
      const a = this.record('write', { root: v, rootExpr: id, path: [f.name], throughPointer: false, key, field: sel }, id.span, st, `${id.name}.${f.name}`);
      // Written again by every later iteration, after the goroutine got the address.
      if (a) a.confined = false;
    }
  }

  // ------------------------------------------------------------ expressions

  /** Visits an expression in read, write or read-write position. Returns the state after
   * it (lock calls change it). */
  private expr(e: ast.Expr, st: HeldLock[], mode: 'read' | 'write' | 'readwrite'): HeldLock[] {
    const x = unparen(e);
    const base = this.asBase;
    this.asBase = false;
    // A whole struct read as a value (`return *m.state`, `s := m.cfg`) reads every field.
    if (mode === 'read' && !base && (x.kind === 'StarExpr' || x.kind === 'SelectorExpr')) this.wholeStruct(x, st);
    // So does a captured struct variable read whole (`go func() { pub(s) }()` while the
    // loop that started it sets s.n): its fields are the ones written one by one.
    if (mode === 'read' && !base && x.kind === 'Ident') {
      const o = this.program.objectOf(x);
      if (o?.kind === 'var' && o.scope !== 'pkg' && this.env.captured.has(o) && underlying(o.type).kind === 'struct') this.wholeStruct(x, st);
    }
    switch (x.kind) {
      case 'Ident': {
        const o = this.program.objectOf(x);
        if (o?.kind !== 'var') return st;
        if (o.scope === 'pkg' || this.env.captured.has(o)) this.access(mode, { root: o, rootExpr: x, path: [], throughPointer: false, key: varKey(o), field: null }, x.span, st, x.name);
        return st;
      }
      case 'SelectorExpr': {
        const s = this.program.selectionOf(x);
        if (s?.kind === 'qualified') {
          if (s.obj.kind === 'var') {
            const p = placeOf(this.program, x);
            if (p) this.access(mode, p, x.span, st, exprText(x));
          }
          return st;
        }
        this.asBase = true;
        const el = s?.kind === 'field' ? this.elementField(x) : null;
        this.elementPart = el && unparen(x.x) === el.at ? el.part : null;
        st = this.expr(x.x, st, 'read');
        this.elementPart = null;
        if (s?.kind === 'field') {
          const p = placeOf(this.program, x);
          // `results[i].n`: an element of the copy's own index only (see ownIndex).
          if (p?.indexed && !ownIndexesOnly(this.program, this.fn, x.x)) p.indexed = false;
          if (p) this.access(mode, p, x.span, st, exprText(x));
        }
        // Writing a field of an element held by value (`b.eps[i].Weight = 0`, `eps[i].Weight
        // = 0` on a getter's slice) writes part of the element, which a range or a copy of
        // the element elsewhere reads whole.
        if (el && mode !== 'read') {
          this.elementPart = el.part;
          this.element(mode, el.at.x, x.span, st, exprText(x), ownIndex(this.program, this.fn, el.at.indices[0]!));
          this.elementPart = null;
        }
        return st;
      }
      case 'IndexExpr': {
        const xt = underlying(this.program.typeOf(x.x));
        // The field of this element the selector around it reads (see elementField).
        const part = this.elementPart;
        this.elementPart = null;
        this.asBase = true;
        st = this.expr(x.x, st, 'read');
        for (const i of x.indices) st = this.expr(i, st, 'read');
        if (xt.kind === 'map') {
          this.mapOp(x.x, mode === 'read' ? 'map-read' : 'map-write', x.span, st);
        } else if ((xt.kind === 'slice' || xt.kind === 'array') && x.indices.length === 1 && fixedSlot(this.program, x.indices[0]!)) {
          // Elements are told apart only by constant indexes: results[i] from workers is fine.
          // So is the slot past a collection's length (`out[len(pages)]` next to the
          // `out[i]` of a range over pages).
          const p = placeOf(this.program, x.x);
          if (p?.key) this.access(mode, { ...p, key: `${p.key}[${fixedSlot(this.program, x.indices[0]!)}]` }, x.span, st, exprText(x));
        } else if (x.indices.length === 1) {
          // Some element: copies of one goroutine given different indexes touch different
          // ones (indexed), but a whole-slice access (copy) touches them all, and so may
          // an index computed from data (`counts[classify(line)]++`, `h.buckets[i]++` with
          // i from a range inside the worker).
          this.elementPart = part;
          this.element(mode, x.x, x.span, st, exprText(x), ownIndex(this.program, this.fn, x.indices[0]!));
        }
        return st;
      }
      case 'StarExpr': {
        // `*n += 512` where n points to a field (`n := &c.written`, a parameter every
        // caller gives `&c.written` or `c.counter()`): an access to that field.
        if (!base) for (const p of this.pointedFields(x.x)) this.access(mode, p, x.span, st, exprText(x));
        return this.expr(x.x, st, 'read');
      }
      case 'UnaryExpr': {
        if (x.op === '<-') {
          this.recvOp(x.x, x.span);
          return this.expr(x.x, st, 'read');
        }
        if (x.op === '&') return this.addressOf(x.x, st);
        return this.expr(x.x, st, 'read');
      }
      case 'BinaryExpr': return this.expr(x.y, this.expr(x.x, st, 'read'), 'read');
      case 'CallExpr': return this.call(x, st);
      case 'CompositeLit': {
        for (const el of x.elts) st = this.expr(el.kind === 'KeyValueExpr' ? el.value : el, st, 'read');
        return st;
      }
      case 'KeyValueExpr': return this.expr(x.value, st, 'read');
      case 'SliceExpr': {
        this.asBase = true;
        st = this.expr(x.x, st, 'read');
        for (const p of [x.low, x.high, x.max]) if (p) st = this.expr(p, st, 'read');
        return st;
      }
      case 'TypeAssertExpr': return this.expr(x.x, st, 'read');
      case 'FuncLit': return st; // its body is a function of its own
      default: return st;
    }
  }

  /**
   * A struct copied as a whole out of a tracked place (`*m.state`, `m.cfg` of a struct
   * field): a read of each of its fields (two levels of struct values), except
   * synchronisation fields.
   */
  private wholeStruct(x: ast.StarExpr | ast.SelectorExpr | ast.Ident, st: HeldLock[], deref = false): void {
    if (x.kind === 'SelectorExpr' && this.program.selectionOf(x)?.kind !== 'field') return;
    const p = placeOf(this.program, x);
    if (!p?.key) return;
    const xt = this.program.typeOf(x);
    // deref: the struct x points to (a value-receiver method called on a pointer).
    const t = deref ? (xt.kind === 'pointer' ? xt.elem : null) : xt;
    if (!t || underlying(t).kind !== 'struct') return;
    this.structFields(p, t, p.throughPointer || x.kind === 'StarExpr' || deref, false, x, st, deref);
  }

  /** A value-receiver method promoted through the embedded fields `path` of x copies the
   * struct they lead to: a read of each of its fields, when x or an embedded step is a
   * pointer (the copied struct is shared memory). */
  private embeddedCopy(x: ast.SelectorExpr | ast.Ident, path: string[], st: HeldLock[]): void {
    if (x.kind === 'SelectorExpr' && this.program.selectionOf(x)?.kind !== 'field') return;
    const base = placeOf(this.program, x);
    if (!base?.key) return;
    let t = this.program.typeOf(x);
    let through = base.throughPointer || t.kind === 'pointer';
    let place: Place = base;
    for (const name of path) {
      const sel = this.program.lookup(t, name);
      if (sel?.kind !== 'field' || sel.path.length) return;
      through ||= sel.indirect;
      const owner = declKey(sel.owner, `anon@${sel.span ? sel.span.join(':') : '?'}`);
      place = { ...place, path: [...place.path, name], throughPointer: through, key: `field:${owner}.${name}`, field: sel };
      t = sel.type;
      if (t.kind === 'pointer') { through = true; t = t.elem; }
    }
    if (!through || underlying(t).kind !== 'struct') return;
    this.structFields(place, t, true, false, x, st, true);
  }

  /** A read of each field of the struct of type t at place p (two levels of struct
   * values), except synchronisation fields; only exported ones for an encoder. With
   * deref (a value-receiver call's copy), a struct of another package is read whole. */
  private structFields(p: Place, t: Type, through: boolean, exportedOnly: boolean, x: ast.Expr, st: HeldLock[], deref = false): void {
    const visit = (t: Type, path: string[], depth: number): void => {
      const u = underlying(t);
      if (u.kind !== 'struct') return;
      for (const f of u.fields) {
        const ft = f.type.kind === 'pointer' ? null : f.type;
        if (f.type.kind === 'named' && (f.type.decl.pkgPath === 'sync' || f.type.decl.pkgPath === 'sync/atomic')) continue;
        if (exportedOnly && !/^[A-Z]/.test(f.name)) continue;
        const sel = this.program.lookup(t, f.name);
        if (sel?.kind !== 'field' || sel.path.length) continue;
        const key = `field:${declKey(sel.owner, `anon@${sel.span ? sel.span.join(':') : '?'}`)}.${sel.name}`;
        // A struct of another package (a time.Time) is written whole: read it as the field.
        const opaque = ft?.kind === 'named' && ft.decl.pkgPath !== this.fn.pkg.importPath && deref;
        const place: Place = { ...p, path: [...path, f.name], throughPointer: through, key, field: sel };
        if (ft && underlying(ft).kind === 'struct' && !opaque) {
          // The inner struct is read as a whole too: it races with a write of the field as
          // a whole (`p.Status = st` while another goroutine copies `*p`).
          this.record('read', place, x.span, st, exprText(x));
          if (depth < 1) visit(ft, [...path, f.name], depth + 1);
          continue;
        }
        this.record('read', place, x.span, st, exprText(x));
      }
    };
    visit(t, p.path, 0);
  }

  /** An encoder handed a pointer to a struct (`json.NewEncoder(pw).Encode(obj)`) reads the
   * exported fields of the struct it points to. */
  private encodedPointee(a: ast.Expr, st: HeldLock[]): void {
    const t = this.program.typeOf(a);
    if (t?.kind !== 'pointer' || underlying(t.elem).kind !== 'struct') return;
    const x = unparen(a);
    if (x.kind !== 'Ident' && !(x.kind === 'SelectorExpr' && this.program.selectionOf(x)?.kind === 'field')) return;
    const p = placeOf(this.program, x);
    if (!p?.key) return;
    this.structFields(p, t.elem, true, true, x, st);
  }

  /** A decoder fills the value its pointer argument points to (`json.Unmarshal(raw,
   * &d.cfg)`): a write of that field or variable. */
  private filled(arg: ast.Expr, span: ast.Span, st: HeldLock[]): void {
    const a = unparen(arg);
    if (a.kind === 'UnaryExpr' && a.op === '&') {
      const t = unparen(a.x);
      const o = t.kind === 'Ident' ? this.program.objectOf(t) : null;
      // A plain local is the function's own (unless captured or shared by address).
      if (t.kind === 'Ident' && !(o?.kind === 'var' && (o.scope === 'pkg' || this.env.captured.has(o)))) return;
      const p = placeOf(this.program, t);
      if (p?.key) this.access('write', p, span, st, exprText(t));
      return;
    }
    for (const p of this.pointedFields(a)) this.access('write', p, span, st, exprText(a));
  }

  /** The fields a pointer expression points to, as places in the function that took
   * their address (see fieldPointerTargets). */
  private pointedFields(e: ast.Expr): Place[] {
    const x = unparen(e);
    if (x.kind !== 'Ident') return [];
    const o = this.program.objectOf(x);
    if (o?.kind !== 'var' || o.type.kind !== 'pointer' || o.scope === 'pkg') return [];
    return fieldPointerTargets(this.program, o);
  }

  /** Fields a pointer handed to an atomic call points to: a pointer variable's (see
   * pointedFields) or a pointer field's, when every store into it is such an address. */
  private atomicPointerTargets(a: ast.Expr): Place[] {
    if (a.kind === 'Ident') return this.pointedFields(a);
    if (a.kind !== 'SelectorExpr') return [];
    const sel = this.program.selectionOf(a);
    if (sel?.kind !== 'field' || !sel.owner || sel.type.kind !== 'pointer') return [];
    return pointerFieldTargets(this.program, `${sel.owner.pkgPath}.${sel.owner.name}.${sel.name}`);
  }

  /** `&x.f` outside an atomic call: the address escapes; treat as a read of the path. */
  private addressOf(e: ast.Expr, st: HeldLock[]): HeldLock[] {
    const x = unparen(e);
    this.asBase = x.kind === 'SelectorExpr' || x.kind === 'IndexExpr';
    if (x.kind === 'SelectorExpr') return this.expr(x.x, st, 'read');
    if (x.kind === 'IndexExpr') return this.expr(x.x, st, 'read');
    return st;
  }

  private call(x: ast.CallExpr, st: HeldLock[]): HeldLock[] {
    const after = this.callInner(x, st);
    // A helper that takes a package-level lock and returns holding it (`lockProfiles()`),
    // or releases one its caller holds, changes the caller's locks.
    const t = staticTarget(calleeOf(this.program, x));
    if (!t?.body || t === this.fn) return after;
    const effect = this.globalLockEffect(t);
    const fun = unparen(x.fun);
    // So does a method that locks (or unlocks) its receiver's mutex and returns
    // (`func (cr *connReader) lock() { cr.mu.Lock() }`): on the object it is called on.
    const own = t.recv && fun.kind === 'SelectorExpr' ? this.recvLockEffect(t, fun.x, x.span) : null;
    const acquire = [...effect.acquire, ...(own?.acquire ?? [])];
    const release = own ? new Set([...effect.release, ...own.release]) : effect.release;
    if (!acquire.length && !release.size) return after;
    const kept = after.filter((h) => !release.has(h.key) && !acquire.some((l) => l.key === h.key));
    return [...kept, ...acquire];
  }

  /** The receiver locks of method t, taken or released by a statement of its body's top
   * level and not undone in it, as locks of the object recv names in this function. */
  private recvLockEffect(t: FuncInfo, recv: ast.Expr, span: ast.Span): { acquire: HeldLock[]; release: Set<string> } | null {
    let effect = recvLockEffects.get(t);
    if (effect === undefined) {
      const locked = new Map<string, HeldLock>();
      const unlocked = new Set<string>();
      const all = new Map<string, number>();
      for (const st of t.body!.list) {
        const e = st.kind === 'ExprStmt' ? unparen(st.x) : null;
        if (e?.kind !== 'CallExpr') continue;
        const lc = asLockCall(this.program, calleeOf(this.program, e));
        if (!lc) continue;
        const name = lc.sel.method.name;
        const l = this.lockOf(e, lc, name.startsWith('R') ? 'r' : 'w');
        if (!l || l.root !== t.recv) continue;
        all.set(l.key, (all.get(l.key) ?? 0) + 1);
        if (name === 'Lock' || name === 'RLock') locked.set(l.key, l);
        else if (name === 'Unlock' || name === 'RUnlock') unlocked.add(l.key);
      }
      // Any other lock call of the same mutex in the body (nested, deferred): leave it.
      walkBodyKinds(t.body!, CALLS, (n) => {
        if (n.kind !== 'CallExpr') return undefined;
        const lc = asLockCall(this.program, calleeOf(this.program, n));
        const l = lc ? this.lockOf(n, lc, 'w') : null;
        if (l && l.root === t.recv) all.set(l.key, (all.get(l.key) ?? 0) - 1);
        return undefined;
      });
      const clean = (k: string) => all.get(k) === 0;
      effect = {
        acquire: [...locked.values()].filter((l) => !unlocked.has(l.key) && clean(l.key)),
        release: new Set([...unlocked].filter((k) => !locked.has(k) && clean(k))),
      };
      recvLockEffects.set(t, effect);
    }
    if (!effect.acquire.length && !effect.release.size) return effect;
    const base = placeOf(this.program, recv);
    if (!base) return { acquire: [], release: effect.release };
    return {
      acquire: effect.acquire.map((l) => ({ ...l, root: base.root, ownerPath: [...base.path, ...l.ownerPath], global: base.root?.scope === 'pkg', file: this.fn.file.ast.path, span, text: [exprText(recv), ...l.text.split('.').slice(1)].join('.') })),
      release: effect.release,
    };
  }

  /** Package-level locks a function leaves held (locked, never unlocked in its body) or
   * releases without taking (unlocked, never locked). */
  private globalLockEffect(t: FuncInfo): { acquire: HeldLock[]; release: Set<string> } {
    const hit = lockEffects.get(t);
    if (hit) return hit;
    const locked = new Map<string, HeldLock>();
    const unlocked = new Set<string>();
    walkBodyKinds(t.body!, CALLS, (n) => {
      if (n.kind !== 'CallExpr') return undefined;
      const lc = asLockCall(this.program, calleeOf(this.program, n));
      if (!lc) return undefined;
      const name = lc.sel.method.name;
      const l = this.lockOf(n, lc, name.startsWith('R') ? 'r' : 'w');
      if (!l?.global) return undefined;
      if (name === 'Lock' || name === 'RLock') locked.set(l.key, { ...l, file: t.file.ast.path });
      else if (name === 'Unlock' || name === 'RUnlock') unlocked.add(l.key);
      return undefined;
    });
    const effect = {
      acquire: [...locked.values()].filter((l) => !unlocked.has(l.key)),
      release: new Set([...unlocked].filter((k) => !locked.has(k))),
    };
    lockEffects.set(t, effect);
    return effect;
  }

  private callInner(x: ast.CallExpr, st: HeldLock[]): HeldLock[] {
    const c = calleeOf(this.program, x);
    // Lock operations change the state; they are not accesses.
    const lf = this.lockFuncOf(x, c);
    if (lf) return lf.acquire ? [...st.filter((h) => h.key !== lf.lock.key), lf.lock] : st.filter((h) => h.key !== lf.lock.key);
    const lc = asLockCall(this.program, c);
    if (lc) {
      const name = lc.sel.method.name;
      if (name === 'Lock' || name === 'RLock') {
        const l = this.lockOf(x, lc, name === 'RLock' ? 'r' : 'w');
        return l ? [...st.filter((h) => h.key !== l.key), l] : st;
      }
      if (name === 'Unlock' || name === 'RUnlock') {
        const l = this.lockOf(x, lc, name === 'RUnlock' ? 'r' : 'w');
        return l ? st.filter((h) => h.key !== l.key) : st;
      }
      return st; // TryLock outside a condition: unknown outcome, no change
    }
    const fun = unparen(x.fun);
    // Receiver expression of a method call is read (but synchronisation objects are not data).
    if (fun.kind === 'SelectorExpr' && c?.kind === 'method') {
      if (!isSyncType(c)) {
        this.asBase = true;
        st = this.expr(fun.x, st, 'read');
        // A method of the module with a value receiver, called on a pointer (`s.Expired(now)`
        // with s a *Session), copies the struct at the call: it reads every field.
        const m = c.sel.method;
        const rx = unparen(fun.x);
        if (m.info && !m.ptrRecv && !c.sel.path.length && this.program.typeOf(rx).kind === 'pointer' && (rx.kind === 'Ident' || rx.kind === 'SelectorExpr')) this.wholeStruct(rx, st, true);
        // Promoted from an embedded struct (`u.String()` with String on the Stats that
        // *Upstream embeds): the call copies that embedded struct.
        else if (m.info && !m.ptrRecv && c.sel.path.length && (rx.kind === 'Ident' || rx.kind === 'SelectorExpr')) this.embeddedCopy(rx, c.sel.path, st);
      }
      // `c.once.Do(f)` reads and sets the Once's state with atomics: a plain write to the
      // Once (`c.once = sync.Once{}`, to run f again) races with it.
      else if (isMethodCall(c, 'sync', 'Once', 'Do')) {
        const p = placeOf(this.program, fun.x);
        const a = p?.field ? this.record('atomic', p, x.span, st, exprText(fun.x)) : null;
        if (a) a.syncCall = 'sync.Once.Do';
      }
    } else if (fun.kind !== 'Ident' && fun.kind !== 'FuncLit') {
      st = this.expr(fun, st, 'read');
    } else if (fun.kind === 'Ident' && this.program.objectOf(fun)?.kind === 'var') {
      // Calling a function held in a variable reads it (`logf(...)` while a test swaps logf).
      st = this.expr(fun, st, 'read');
    }
    if (isFuncCall(c, 'sync/atomic', ATOMIC_FUNCS)) {
      const a = x.args[0] ? unparen(x.args[0]) : null;
      if (a?.kind === 'UnaryExpr' && a.op === '&') {
        const p = placeOf(this.program, a.x);
        const rec = p ? this.record('atomic', p, x.span, st, exprText(a.x)) : null;
        if (rec && c.obj.name.startsWith('Load')) rec.atomicLoad = true;
        st = this.addressOf(a.x, st);
      } else if (a) {
        // `atomic.AddUint64(c.n, k)` where every value the pointer gets is `&st.f` (a local
        // set to `&st.rx` or `&st.tx`, a pointer field filled with one): that field.
        for (const p of this.atomicPointerTargets(a)) {
          const rec = this.record('atomic', p, x.span, st, exprText(a));
          if (rec && c.obj.name.startsWith('Load')) rec.atomicLoad = true;
        }
      }
      for (const arg of x.args.slice(1)) st = this.expr(arg, st, 'read');
      this.facts.locksAtCall.set(x, st);
      return st;
    }
    if (c?.kind === 'builtin') {
      if (c.name === 'close' && x.args[0]) this.chanOp(x.args[0], 'close', x.span, st);
      if ((c.name === 'delete' || c.name === 'clear') && x.args[0] && underlying(this.program.typeOf(x.args[0])).kind === 'map') this.mapOp(x.args[0], 'map-write', x.span, st);
      if (c.name === 'len' && x.args[0] && underlying(this.program.typeOf(x.args[0])).kind === 'map') this.mapOp(x.args[0], 'map-read', x.span, st);
      // copy(dst, src) writes every element of dst and reads every element of src;
      // append(dst, src...) reads every element of src.
      if (c.name === 'copy' && x.args.length === 2) {
        this.element('write', x.args[0]!, x.span, st, exprText(x.args[0]!), false);
        this.element('read', x.args[1]!, x.span, st, exprText(x.args[1]!), false);
      }
      if (c.name === 'append' && x.ellipsis && x.args.length === 2) this.element('read', x.args[1]!, x.span, st, exprText(x.args[1]!), false);
      // `x := append(s.base, extra...)` not assigned back to s.base: with spare capacity
      // it writes the elements past s.base's length in the shared backing array.
      if (c.name === 'append' && x.args.length >= 2 && this.appendsToSharedField(x)) this.element('write', x.args[0]!, x.span, st, `append(${exprText(x.args[0]!)}, ...)`, false);
      // So does `tags := in.DefaultTags; tags = append(tags, extra)`: the local starts as
      // the field's slice, and appending to it fills the field's spare capacity.
      const grown = c.name === 'append' && x.args.length >= 2 ? this.grownFieldAlias(x.args[0]!) : null;
      if (grown) this.access('write', { ...grown, key: `${grown.key}[]`, throughPointer: true }, x.span, st, `append(${exprText(x.args[0]!)}, ...)`);
    }
    // Library calls that fill a byte slice they are given (`hex.Encode(u.scratch[:], sum)`,
    // `binary.BigEndian.PutUint32(b.hdr[:4], n)`, `io.ReadFull(r, s.buf)`) write its
    // elements, and read those of a source slice.
    for (const [i, mode] of byteSliceArgs(c, x.args.length)) this.element(mode, x.args[i]!, x.span, st, exprText(x.args[i]!), false);
    // A conversion of a byte or rune slice to a string (`string(u.scratch[:n])`) reads
    // every element.
    if (!c && isConversion(this.program, x) && underlying(this.program.typeOf(x)).kind === 'basic' && underlying(this.program.typeOf(x.args[0]!)).kind === 'slice') {
      this.element('read', x.args[0]!, x.span, st, exprText(x.args[0]!), false);
    }
    // Methods of the library's map types (`resp.Header.Set(k, v)`, `q.Del(k)`) write or
    // read the map their receiver holds.
    // (Within the package that declares the type, its methods are code like any other.)
    const mapMethod = c?.kind === 'method' && fun.kind === 'SelectorExpr' && c.sel.method.recvDecl?.pkgPath !== this.fn.pkg.importPath ? libraryMapMethod(c) : null;
    if (mapMethod && fun.kind === 'SelectorExpr' && underlying(this.program.typeOf(fun.x)).kind === 'map') this.mapOp(fun.x, mapMethod, x.span, st);
    // Sorting in place (`sort.Strings(s.pages)`, `slices.Sort(xs)`) reads and writes every
    // element, under whatever lock is held (often only a read lock).
    if ((isFuncCall(c, 'sort', SORT_FUNCS) || isFuncCall(c, 'slices', SLICES_SORT_FUNCS)) && x.args[0]) {
      this.element('readwrite', x.args[0], x.span, st, exprText(x.args[0]), false);
    }
    const wg = isMethodCall(c, 'sync', 'WaitGroup', ['Wait', 'Done', 'Add', 'Go']) ? 'wg' : isMethodCall(c, 'golang.org/x/sync/errgroup', 'Group', 'Wait') ? 'eg' : null;
    if (wg && fun.kind === 'SelectorExpr') {
      const p = placeOf(this.program, fun.x);
      const key = p?.key ? `${wg}:${p.key}` : null;
      const name = (c as MethodCallee).sel.method.name;
      if (name === 'Done' || name === 'Add' || name === 'Go') {
        if (p && key) this.record(name === 'Done' ? 'signal' : 'add', { ...p, key }, x.span, st, exprText(fun.x));
      } else this.facts.waits.push({ span: x.span, chanKey: key, group: true });
    }
    // A function parameter every call hands a WaitGroup's Done (`go forward(in, out,
    // wg.Done)` with `defer finished()` inside): calling it is that Done.
    const done = c?.kind === 'value' ? this.doneParam(fun) : null;
    if (done) this.record('signal', done.place, x.span, st, done.text);
    // cmd.Wait() (and cmd.Run(), which starts them too) returns once os/exec's copying
    // goroutines of the command are done (see execStreams).
    if (isMethodCall(c, 'os/exec', 'Cmd', ['Wait', 'Run']) && fun.kind === 'SelectorExpr') {
      const key = placeOf(this.program, fun.x)?.key;
      // Run starts the copiers too: its wait is at its end, after the start.
      const at: ast.Span = c.sel.method.name === 'Run' ? [x.span[2], x.span[3] + 1, x.span[2], x.span[3] + 1] : x.span;
      if (key) this.facts.waits.push({ span: at, chanKey: `exec:${key}`, group: true });
    }
    // synctest.Wait returns once every other goroutine of the bubble is durably blocked:
    // what they did before blocking happens before it, like a WaitGroup's Wait.
    if (isFuncCall(c, 'testing/synctest', 'Wait') || isFuncCall(c, 'internal/synctest', 'Wait')) this.facts.waits.push({ span: x.span, chanKey: null, group: true });
    // A log.Logger writes into its writer under a mutex of its own: what the writer's
    // Write does through one logger is serialised.
    const stBefore = st;
    const inside = this.loggerLock(x, c, st);
    this.writerOps(x, c, inside);
    for (const i of filledArgs(c, x.args.length)) this.filled(x.args[i]!, x.span, st);
    // An encoder or printer handed a map reads every entry (`json.NewEncoder(w).Encode(m.seen)`).
    for (const i of readArgs(c, x.args.length)) {
      const a = x.args[i]!;
      if (underlying(this.program.typeOf(a)).kind === 'map') this.mapOp(a, 'map-iter', a.span, st);
      else if (encoder(c)) this.encodedPointee(a, st);
    }
    for (const a of x.args) st = this.expr(a, st, 'read');
    const spawn = spawnKindOf(this.program, c);
    if (spawn && !spawn.handlerValue) this.facts.spawns.push({ node: x, span: x.span, loop: this.loop() });
    const loggerHeld = inside.length > stBefore.length ? inside[inside.length - 1]! : null;
    this.facts.locksAtCall.set(x, loggerHeld ? [...st, loggerHeld] : st);
    return st;
  }

  /** The locks held inside a log.Logger print call: the caller's, plus the logger's own
   * mutex (named by the logger's place). */
  private loggerLock(x: ast.CallExpr, c: Callee | null, st: HeldLock[]): HeldLock[] {
    const fun = unparen(x.fun);
    if (fun.kind !== 'SelectorExpr' || !isLoggerPrint(c)) return st;
    const p = placeOf(this.program, fun.x);
    if (!p?.key) return st;
    return [...st, { key: `logger:${p.key}`, mode: 'w', root: p.root, ownerPath: p.path, global: p.root?.scope === 'pkg', file: this.fn.file.ast.path, span: x.span, text: `${exprText(fun.x)}'s internal mutex` }];
  }

  /**
   * `lock(&sched.lock)` / `unlock(&sched.lock)`: a lock taken by a function of the module
   * named lock or unlock whose one parameter is a pointer to a named type (the runtime's
   * own mutex, lock wrappers of low-level code).
   */
  private lockFuncOf(x: ast.CallExpr, c: Callee | null): { lock: HeldLock; acquire: boolean } | null {
    if (c?.kind !== 'func' || !c.obj.info || x.args.length !== 1) return null;
    const name = c.obj.name;
    if (name !== 'lock' && name !== 'unlock') return null;
    const param = c.obj.sig.params[0];
    if (c.obj.sig.params.length !== 1 || param?.kind !== 'pointer' || param.elem.kind !== 'named') return null;
    const a = unparen(x.args[0]!);
    const target = a.kind === 'UnaryExpr' && a.op === '&' ? a.x : a;
    const lock = this.lockAtPlace(target, 'w', x.span);
    return lock ? { lock, acquire: name === 'lock' } : null;
  }

  /** A lock identified by the place of the lock object itself (`&s.mu`, `s.mu`). */
  private lockAtPlace(e: ast.Expr, mode: 'w' | 'r', span: ast.Span): HeldLock | null {
    const base = placeOf(this.program, e);
    if (!base?.key) return null;
    const global = !!base.root && base.root.scope === 'pkg';
    return { key: base.key, mode, root: base.root, ownerPath: base.path.slice(0, -1), global, file: this.fn.file.ast.path, span, text: exprText(e) };
  }

  /**
   * A successful compare-and-swap on a flag (`if !x.done.CompareAndSwap(false, true) {
   * return }`): only one caller ever wins it, so what runs after winning is exclusive, as
   * if under a lock that is never released. Returns that pseudo-lock.
   */
  private casGuardOf(e: ast.Expr): HeldLock | null {
    const x = unparen(e);
    if (x.kind !== 'CallExpr') return null;
    const c = calleeOf(this.program, x);
    if (isFuncCall(c, 'sync/atomic', ['CompareAndSwapInt32', 'CompareAndSwapInt64', 'CompareAndSwapUint32', 'CompareAndSwapUint64'])) {
      const a = x.args[0] ? unparen(x.args[0]) : null;
      if (a?.kind !== 'UnaryExpr' || a.op !== '&') return null;
      const l = this.lockAtPlace(a.x, 'w', x.span);
      return l ? { ...l, key: `${l.key}#cas` } : null;
    }
    if (c?.kind === 'method' && c.sel.method.name === 'CompareAndSwap' && c.sel.method.recvDecl?.pkgPath === 'sync/atomic' && c.sel.method.recvDecl.name !== 'Value' && c.sel.method.recvDecl.name !== 'Pointer') {
      const f = unparen(x.fun);
      if (f.kind !== 'SelectorExpr') return null;
      const l = this.lockAtPlace(f.x, 'w', x.span);
      return l ? { ...l, key: `${l.key}#cas` } : null;
    }
    return null;
  }

  /**
   * Locks a condition establishes: `then` for its true branch, `otherwise` for the path
   * where it is false (`if !mu.TryLock() { return }` holds mu after the if).
   */
  private guardLocks(cond: ast.Expr, st: HeldLock[]): { then: HeldLock[]; otherwise: HeldLock[] } {
    const c = unparen(cond);
    const fresh = (l: HeldLock | null): HeldLock[] => (l && !st.some((h) => h.key === l.key) ? [l] : []);
    if (c.kind === 'UnaryExpr' && c.op === '!') {
      const inner = this.guardLocks(c.x, st);
      return { then: inner.otherwise, otherwise: inner.then };
    }
    const tried = this.tryLockCond(c, st);
    if (tried) return { then: tried, otherwise: [] };
    return { then: fresh(this.casGuardOf(c)), otherwise: [] };
  }

  /** fun names a parameter of this function to which every call passes the Done method
   * value of one WaitGroup: the group's place, keyed as a Done call on it would be. */
  private doneParam(fun: ast.Expr): { place: Place; text: string } | null {
    if (fun.kind !== 'Ident') return null;
    const v = this.program.objectOf(fun);
    if (v?.kind !== 'var' || v.scope !== 'param' || v.func !== this.fn) return null;
    const i = this.fn.params.indexOf(v);
    const sites = callSitesOf(this.program, this.fn);
    if (i < 0 || !sites.length || this.fn.sig.variadic && i === this.fn.params.length - 1) return null;
    let found: { place: Place; text: string } | null = null;
    for (const { call } of sites) {
      const a = call.args.length === this.fn.params.length && !call.ellipsis ? unparen(call.args[i]!) : null;
      if (a?.kind !== 'SelectorExpr' || a.sel.name !== 'Done') return null;
      const sel = this.program.selectionOf(a);
      const recv = sel?.kind === 'method' ? sel.method.recvDecl : null;
      if (recv?.pkgPath !== 'sync' || recv.name !== 'WaitGroup') return null;
      const p = placeOf(this.program, a.x);
      if (!p?.key || (found && found.place.key !== `wg:${p.key}`)) return null;
      found = { place: { ...p, key: `wg:${p.key}` }, text: exprText(a.x) };
    }
    return found;
  }

  private lockOf(x: ast.CallExpr, c: MethodCallee, mode: 'w' | 'r'): HeldLock | null {
    const fun = unparen(x.fun) as ast.SelectorExpr;
    const recv = unparen(fun.x);
    const embedded = c.sel.path;
    const base = placeOf(this.program, recv);
    let key: string | null;
    let ownerPath: string[];
    // A mutex in a value receiver or parameter is the call's own copy (what go vet's
    // copylocks warns about): locking it keeps out no other call.
    if (base && this.copiedMutex(base, recv, embedded)) return null;
    if (base) {
      if (embedded.length) {
        const t = this.program.typeOf(recv);
        const named = t.kind === 'pointer' ? t.elem : t;
        // A mutex embedded in a struct of an unnamed type (`var cache struct { sync.Mutex;
        // m map[string]int }`) is named by the variable or field that holds the struct.
        key = named.kind === 'named' ? `field:${named.decl.pkgPath}.${named.decl.name}.${embedded.join('.')}` : base.key ? `${base.key}.${embedded.join('.')}` : null;
        ownerPath = base.path;
      } else {
        key = base.key;
        ownerPath = base.path.slice(0, -1);
      }
    } else {
      key = null;
      ownerPath = [];
    }
    if (!key) return null;
    const global = !!base?.root && base.root.scope === 'pkg';
    return { key, mode, root: base?.root ?? null, ownerPath, global, file: this.fn.file.ast.path, span: x.span, text: [exprText(recv), ...embedded].join(".") };
  }

  /** The mutex lives in this function's own copy of a struct: its value receiver or a
   * value parameter, reached without a pointer. */
  private copiedMutex(base: Place, recv: ast.Expr, embedded: string[]): boolean {
    const root = base.root;
    if (!root || base.throughPointer || !isValueType(root.type)) return false;
    if (root !== this.fn.recv && !this.fn.params.includes(root)) return false;
    let t = this.program.typeOf(recv);
    if (t.kind === 'pointer') return false;
    for (const name of embedded) {
      const sel = this.program.lookup(t, name);
      if (sel?.kind !== 'field' || sel.type.kind === 'pointer') return false;
      t = sel.type;
    }
    return true;
  }

  private mapOp(m: ast.Expr, kind: AccessKind, span: ast.Span, st: HeldLock[]): void {
    const el = this.mapElement(m, 0);
    if (el) {
      this.record(kind, { ...el, key: `map:${el.key}[]`, throughPointer: true }, span, st, exprText(m));
      return;
    }
    // A map stored in a context value (`m, ok := ctx.Value(tagsKey{}).(map[string]string)`):
    // the one map every holder of that context (or one derived from it) gets under the key.
    const cv = this.contextValueMap(m);
    if (cv) {
      this.record(kind, { root: null, rootExpr: m, path: [], throughPointer: true, key: `map:ctxvalue:${cv}`, field: null }, span, st, exprText(m));
      return;
    }
    // So is a getter's result used in place (`for k, v := range n.Labels()` with `return
    // n.labels`): the field's map, after whatever lock the getter took is released.
    const alias = this.mapFieldAlias(m) ?? (unparen(m).kind === 'CallExpr' ? this.fieldMapPlace(m) : null);
    if (alias) {
      this.record(kind, { ...alias, key: `map:${alias.key}`, throughPointer: true }, span, st, exprText(m));
      return;
    }
    const p = placeOf(this.program, m);
    if (!p?.key) return;
    // The receiver of a method of a named map type (`func (md MD) Set(k, v string) {
    // md[k] = v }`) is the caller's map, an object of that type: keyed like a field of it.
    const self = p.root === this.fn.recv && p.root && !p.path.length ? mapTypeKey(p.root.type) : null;
    if (self) {
      this.record(kind, { ...p, key: `map:field:${self}.<entries>`, throughPointer: true }, span, st, exprText(m));
      return;
    }
    // A map is a reference: copies of the struct holding it share its entries.
    this.record(kind, { ...p, key: `map:${p.key}`, throughPointer: true }, span, st, exprText(m));
  }

  /** For a local map of this function whose one definition asserts a context value
   * (`ctx.Value(k).(map[K]V)`): the key's named type (or string constant). */
  private contextValueMap(m: ast.Expr): string | null {
    const x = unparen(m);
    const v = x.kind === 'Ident' ? this.program.objectOf(x) : null;
    if (v?.kind !== 'var' || v.scope !== 'local' || v.func !== this.fn || underlying(v.type).kind !== 'map') return null;
    const d = singleDefinition(this.program, v);
    const a = d ? unparen(d) : null;
    if (a?.kind !== 'TypeAssertExpr') return null;
    const call = unparen(a.x);
    if (call.kind !== 'CallExpr' || call.args.length !== 1) return null;
    const f = unparen(call.fun);
    if (f.kind !== 'SelectorExpr' || f.sel.name !== 'Value') return null;
    const ct = this.program.typeOf(f.x);
    if (ct?.kind !== 'named' || ct.decl.pkgPath !== 'context' || ct.decl.name !== 'Context') return null;
    const k = unparen(call.args[0]!);
    if (k.kind === 'BasicLit') return `lit:${k.value}`;
    const kt = this.program.typeOf(k);
    const n = kt?.kind === 'pointer' ? kt.elem : kt;
    return n?.kind === 'named' ? `${n.decl.pkgPath}.${n.decl.name}` : null;
  }

  /**
   * A map that is an element of a collection field (`byNode map[string]map[string]struct{}`):
   * the collection's place, when m is `i.byNode[k]`, a getter returning it
   * (`i.ByIndex(node)` with `return i.byNode[node]`), or a local of this function every
   * definition of which is one of those or a new map (`set := i.byNode[n]; if set == nil {
   * set = make(...); i.byNode[n] = set }`). Whoever holds the element holds the collection's
   * map, whichever lock it was fetched under.
   */
  private mapElement(m: ast.Expr, depth: number): Place | null {
    const x = unparen(m);
    if (x.kind === 'IndexExpr' && x.indices.length === 1) {
      const p = placeOf(this.program, x.x);
      const t = underlying(this.program.typeOf(x.x));
      if (!p?.key || !p.path.length || (t.kind !== 'map' && t.kind !== 'slice')) return null;
      return p;
    }
    if (x.kind === 'CallExpr' && depth < 2) {
      const h = handedOut(this.program, x);
      // One field of the receiver's own type (`return i.byNode[node]`).
      if (!h || h.copy || h.path.length !== 2 || h.path[1] !== '[]') return null;
      const base = placeOf(this.program, h.recv);
      if (!base?.root) return null;
      return { ...base, path: [...base.path, h.path[0]!], throughPointer: true, key: `field:${h.typeKey}.${h.path[0]}`, field: null };
    }
    if (x.kind !== 'Ident' || depth >= 2) return null;
    const v = this.program.objectOf(x);
    if (v?.kind !== 'var' || v.scope !== 'local' || v.func !== this.fn || !this.fn.body || this.env.captured.has(v)) return null;
    if (mapElementCache.has(v)) return mapElementCache.get(v)!;
    mapElementCache.set(v, null); // recursion guard
    let found: Place | null = null;
    let ok = true;
    walk(this.fn.body, (n) => {
      if (!ok) return false;
      if (n.kind === 'RangeStmt' && [n.key, n.value].some((k) => k?.kind === 'Ident' && this.program.objectOf(k) === v)) ok = false;
      if (n.kind !== 'AssignStmt' && n.kind !== 'ValueSpec') return undefined;
      const lhs = n.kind === 'AssignStmt' ? n.lhs : n.names;
      const rhs = n.kind === 'AssignStmt' ? n.rhs : n.values;
      lhs.forEach((l, i) => {
        if (l.kind !== 'Ident' || this.program.objectOf(l) !== v) return;
        const r = lhs.length === rhs.length ? rhs[i] : rhs.length === 1 && i === 0 ? rhs[0] : undefined;
        if (!r) { if (n.kind !== 'ValueSpec') ok = false; return; }
        if (isAllocation(r)) return;
        const el = this.mapElement(r, depth + 1);
        if (!el || (found && found.key !== el.key)) { ok = false; return; }
        found = el;
      });
      return undefined;
    });
    const r: Place | null = ok ? found : null;
    mapElementCache.set(v, r);
    return r;
  }

  /**
   * A local map every definition of which is a map field (`h := c.headers`) or a getter
   * handing out one field of its receiver as is (`h := c.Headers()` with `return
   * c.headers`): writing it writes the field's map, whichever lock the getter took.
   */
  private mapFieldAlias(m: ast.Expr): Place | null {
    const x = unparen(m);
    if (x.kind !== 'Ident') return null;
    const v = this.program.objectOf(x);
    if (v?.kind !== 'var' || v.scope !== 'local' || v.func !== this.fn || !this.fn.body || this.env.captured.has(v)) return null;
    if (mapAliasCache.has(v)) return mapAliasCache.get(v)!;
    let found: Place | null = null;
    let ok = true;
    walk(this.fn.body, (n) => {
      if (!ok) return false;
      if (n.kind === 'RangeStmt' && [n.key, n.value].some((k) => k?.kind === 'Ident' && this.program.objectOf(k) === v)) ok = false;
      if (n.kind !== 'AssignStmt' && n.kind !== 'ValueSpec') return undefined;
      const lhs = n.kind === 'AssignStmt' ? n.lhs : n.names;
      const rhs = n.kind === 'AssignStmt' ? n.rhs : n.values;
      lhs.forEach((l, i) => {
        if (l.kind !== 'Ident' || this.program.objectOf(l) !== v) return;
        const r = lhs.length === rhs.length ? rhs[i] : undefined;
        const p = r ? this.fieldMapPlace(r) : null;
        if (!p || (found && found.key !== p.key)) { ok = false; return; }
        found = p;
      });
      return undefined;
    });
    // Taken over, not shared: the field is given a new value in the same function (`m :=
    // t.idleConn; t.idleConn = nil`), so the local is the old map no one else reaches.
    const r: Place | null = ok && found && !reassignsField(this.program, this.fn.body, found) ? found : null;
    mapAliasCache.set(v, r);
    return r;
  }

  /** `c.headers` (a map field), or `c.Headers()` returning that field of c as is. */
  private fieldMapPlace(e: ast.Expr): Place | null {
    const x = unparen(e);
    if (underlying(this.program.typeOf(x)).kind !== 'map') return null;
    if (x.kind === 'SelectorExpr') {
      const p = placeOf(this.program, x);
      return p?.key && p.field && p.path.length ? p : null;
    }
    return x.kind === 'CallExpr' ? this.getterFieldPlace(x) : null;
  }

  /** The receiver's field a getter hands out (`b.finished()` returning `b.done`). */
  private getterFieldPlace(x: ast.CallExpr): Place | null {
    const h = handedOut(this.program, x);
    if (!h || h.copy || h.path.length !== 1 || h.path[0] === '[]') return null;
    const base = placeOf(this.program, h.recv);
    const sel = this.program.lookup(this.program.typeOf(h.recv), h.path[0]!);
    if (!base?.root || sel?.kind !== 'field' || !sel.owner) return null;
    return { ...base, path: [...base.path, h.path[0]!], throughPointer: true, key: `field:${sel.owner.pkgPath}.${sel.owner.name}.${h.path[0]}`, field: sel };
  }

  /** A channel's place: its variable or field, or the collection element it was taken from. */
  private chanPlace(ch: ast.Expr): Place | null {
    const p = placeOf(this.program, ch);
    if (p && !((p.root?.scope === 'local' || p.root?.scope === 'param') && p.path.length === 0)) return p;
    const x = unparen(ch);
    return chanElementPlace(this.program, ch) ?? p ?? (x.kind === 'CallExpr' ? this.getterFieldPlace(x) : null);
  }

  /**
   * A local channel copied from a field under a lock and sent on after that lock is
   * released (`f.mu.Lock(); ch := f.ch; f.mu.Unlock(); ch <- u`, or `ch := f.current()`
   * with a getter that returns the field under the lock): the send is on the field's
   * channel, unprotected. A Reset that closes the field under the lock and puts a new
   * channel in it does not reach the copy, which may hold the channel just closed.
   */
  private lockedCopyPlace(ch: ast.Expr, st: HeldLock[]): (Place & { copiedFrom: string }) | null {
    const x = unparen(ch);
    if (x.kind !== 'Ident') return null;
    const v = this.program.objectOf(x);
    if (v?.kind !== 'var' || v.scope !== 'local' || v.func !== this.fn || this.env.captured.has(v)) return null;
    const def = singleDefinition(this.program, v);
    const d = def ? unparen(def) : null;
    if (!d || !before(d.span, x.span) || underlying(this.program.typeOf(d)).kind !== 'chan') return null;
    if (d.kind === 'SelectorExpr') {
      const p = placeOf(this.program, d);
      if (!p?.key || !p.root || p.root === v || !p.path.length || p.indexed) return null;
      // Read under a lock this send no longer holds.
      const read = this.facts.accesses.find((a) => a.kind === 'read' && a.key === p.key && a.span[0] === d.span[0] && a.span[1] === d.span[1]);
      if (!read?.locks.length || read.locks.every((l) => st.some((h) => h.key === l.key))) return null;
      return { ...p, throughPointer: true, copiedFrom: exprText(d) };
    }
    if (d.kind !== 'CallExpr') return null;
    const f = unparen(d.fun);
    if (f.kind !== 'SelectorExpr') return null;
    const targets = this.env.targetsOf(calleeOf(this.program, d), this.fn.pkg);
    if (targets.length !== 1) return null;
    const g = lockedChanGetter(this.program, targets[0]!);
    const base = g ? placeOf(this.program, f.x) : null;
    if (!g || !base?.root || base.indexed) return null;
    return { ...g, root: base.root, rootExpr: base.rootExpr, path: [...base.path, ...g.path], throughPointer: true, copiedFrom: exprText(d) };
  }

  private chanOp(ch: ast.Expr, kind: 'send' | 'close', span: ast.Span, st: HeldLock[]): void {
    const copy = kind === 'send' ? this.lockedCopyPlace(ch, st) : null;
    const p = copy ?? this.chanPlace(ch);
    if (!p?.key) return;
    const a = this.record(kind, { ...p, key: `chan:${p.key}` }, span, st, exprText(ch));
    if (a && copy) a.copiedFrom = copy.copiedFrom;
    if (a && kind === 'send' && this.selectDefault) a.selectDefault = true;
    if (a && kind === 'close' && this.condDepth > 0) a.guarded = true;
    const from = a && kind === 'close' ? this.ranges.find((r) => r.value === p.root) : undefined;
    if (a && from) this.rangeCloses.push({ close: a, collection: from.collection });
  }

  private recvOp(ch: ast.Expr, span: ast.Span): void {
    const p = this.chanPlace(ch);
    // A receive in a select with a default case may not happen: it orders nothing. Nor
    // does a timer's channel (`<-time.After(d)`): no goroutine of the program sends on it.
    if (!this.selectDefault && !isTimerChannel(this.program, ch)) {
      this.facts.waits.push({ span, chanKey: p?.key ? `chan:${p.key}` : null, group: false, ...(this.selectScope ? { scope: this.selectScope } : {}) });
    }
    if (p?.key) this.record('recv', { ...p, key: `chan:${p.key}` }, span, [], exprText(ch));
  }

  /**
   * An element of a slice or array held in a tracked place (a field, a package variable,
   * a captured local), keyed `<place>[]`; `indexed` for one element picked by a variable
   * index, as opposed to all of them.
   */
  private element(mode: 'read' | 'write' | 'readwrite', s: ast.Expr, span: ast.Span, st: HeldLock[], text: string, indexed: boolean): void {
    const part = this.elementPart;
    this.elementPart = null;
    const from = this.facts.accesses.length;
    this.elementAccess(mode, s, span, st, text, indexed);
    if (part) for (let i = from; i < this.facts.accesses.length; i++) this.facts.accesses[i]!.part = part;
  }

  /** For a field selected from a slice or array element held by value through struct
   * values only (`b.eps[i].Weight`, `xs[i].Stats.N`): the index expression and the field
   * path inside the element. Not for a constant index (told apart by key). */
  private elementField(x: ast.SelectorExpr): { at: ast.IndexExpr; part: string } | null {
    const names: string[] = [];
    let cur: ast.Expr = x;
    while (cur.kind === 'SelectorExpr') {
      const sel = this.program.selectionOf(cur);
      if (sel?.kind !== 'field' || sel.indirect || this.program.typeOf(cur.x).kind === 'pointer') return null;
      names.unshift(...sel.path, sel.name);
      cur = unparen(cur.x);
    }
    if (cur.kind !== 'IndexExpr' || cur.indices.length !== 1 || unparen(cur.indices[0]!).kind === 'BasicLit') return null;
    const t = underlying(this.program.typeOf(cur.x));
    return t.kind === 'slice' || t.kind === 'array' ? { at: cur, part: names.join('.') } : null;
  }

  private elementAccess(mode: 'read' | 'write' | 'readwrite', s: ast.Expr, span: ast.Span, st: HeldLock[], text: string, indexed: boolean): void {
    // A part of it (`copy(dst, r.buf[r.head:])`, `append(out, r.buf[:n]...)`) holds the
    // same elements.
    for (let x = unparen(s); x.kind === 'SliceExpr'; x = unparen(x.x)) s = x.x;
    const t = underlying(this.program.typeOf(s));
    if (t.kind !== 'slice' && t.kind !== 'array') return;
    // A getter's slice used in place (`sort.Strings(s.Names())` with `return s.names`):
    // the field's elements, after whatever lock the getter took is released.
    if (unparen(s).kind === 'CallExpr') {
      const h = sliceFieldPlace(this.program, s);
      const from = this.facts.accesses.length;
      if (h) this.access(mode, { ...h, key: `${h.key}[]`, throughPointer: true, indexed }, span, st, text);
      // The getter's receiver is an object of its type whatever the call reached it by
      // (`p.list.Members()`): the slice is the one that type's methods change.
      const got = h ? handedOut(this.program, unparen(s) as ast.CallExpr) : null;
      if (got) for (let i = from; i < this.facts.accesses.length; i++) this.facts.accesses[i]!.getterSelf = `self:${got.typeKey}/`;
      return;
    }
    const p = placeOf(this.program, s);
    if (!p?.key) return;
    // A plain local or parameter slice that is a slice field itself, read out or handed
    // out by a getter as is (`rs := t.Routes()` with `return t.routes`): sorting or
    // writing it in place writes the field's elements, after whatever lock the getter
    // took is released.
    const alias = p.path.length === 0 && p.root && p.root.scope !== 'pkg' ? sliceFieldAlias(this.program, p.root, 0) : null;
    if (alias) {
      this.access(mode, { ...alias, key: `${alias.key}[]`, throughPointer: true, indexed: indexed || !!alias.indexed }, span, st, text);
      return;
    }
    // A slice parameter: the elements of the local every call passes (`hashBlocks(r, buf)`
    // from goroutines that all capture buf), decided once every function is known.
    if (p.path.length === 0 && p.root && p.root.scope === 'param' && p.root.func === this.fn && !this.env.captured.has(p.root)) {
      const from = this.facts.accesses.length;
      this.access(mode, { ...p, key: `${p.key}[]`, indexed: indexed || !!p.indexed }, span, st, text);
      for (let i = from; i < this.facts.accesses.length; i++) this.facts.accesses[i]!.paramSlice = true;
      return;
    }
    // A plain local slice: what it holds is tracked through the place it came from.
    if (p.path.length === 0 && p.root && p.root.scope !== 'pkg' && !this.env.captured.has(p.root)) return;
    // A slice in a struct copied from elsewhere (`c := n.Config(); c.Peers[i] = x`): the
    // copy shares its original's backing array, so the elements are not the copy's own.
    const shared = t.kind === 'slice' && !p.throughPointer && p.path.length > 0 && !!p.root && p.root.scope === 'local' && this.copiedStruct(p.root);
    this.access(mode, { ...p, key: `${p.key}[]`, indexed: indexed || !!p.indexed, ...(shared ? { throughPointer: true } : {}) }, span, st, text);
  }

  /**
   * Writes and reads of an in-memory writer (a bytes.Buffer or strings.Builder: a test's
   * `logs.String()`, `fmt.Fprintf(&buf, ...)`), and the writes a logger or encoder makes
   * into the writer it keeps (`w.log.Printf(...)`, `enc.Encode(v)`, `log.Printf(...)` after
   * log.SetOutput): the logger's own mutex does not cover the buffer's other users.
   */
  private writerOps(x: ast.CallExpr, c: Callee | null, st: HeldLock[]): void {
    const fun = unparen(x.fun);
    const buffer = (e: ast.Expr, mode: 'read' | 'write'): void => {
      let b = unparen(e);
      if (b.kind === 'UnaryExpr' && b.op === '&') b = unparen(b.x);
      const t = this.program.typeOf(b);
      const u = t.kind === 'pointer' ? t.elem : t;
      if (u.kind !== 'named' || !((u.decl.pkgPath === 'bytes' && u.decl.name === 'Buffer') || (u.decl.pkgPath === 'strings' && u.decl.name === 'Builder'))) return;
      const p = placeOf(this.program, b);
      if (!p?.root) return;
      this.record(mode, { root: p.root, rootExpr: p.rootExpr, path: [...p.path, '<written>'], throughPointer: true, key: WRITTEN_KEY, field: null }, x.span, st, exprText(b));
    };
    if (c?.kind === 'method' && fun.kind === 'SelectorExpr') {
      const d = c.sel.method.recvDecl;
      const name = c.sel.method.name;
      if (d && ((d.pkgPath === 'bytes' && d.name === 'Buffer') || (d.pkgPath === 'strings' && d.name === 'Builder'))) {
        buffer(fun.x, /^(String|Bytes|Len|Cap|Available|AvailableBuffer|WriteTo)$/.test(name) ? 'read' : 'write');
        return;
      }
      this.libraryState(x, c, fun, st);
      const writes = isLoggerPrint(c) ||
        (d?.pkgPath === 'bufio' && d.name === 'Writer' && /^(Write|Flush|ReadFrom)/.test(name)) ||
        (d?.pkgPath === 'encoding/json' && d.name === 'Encoder' && name === 'Encode') ||
        (d?.pkgPath === 'log/slog' && d.name === 'Logger' && /^(Debug|Info|Warn|Error|Log)/.test(name));
      if (writes) {
        const p = placeOf(this.program, fun.x);
        if (p?.key) this.record('write', { ...p, path: [...p.path, '<written>'], throughPointer: true, key: WRITTEN_KEY, field: null }, x.span, st, exprText(x));
        const a = this.facts.accesses[this.facts.accesses.length - 1];
        if (p?.key && a?.span === x.span && a.key === WRITTEN_KEY) a.sinkHolder = p.key;
      }
      return;
    }
    if (isFuncCall(c, 'fmt', ['Fprint', 'Fprintf', 'Fprintln']) || isFuncCall(c, 'io', 'WriteString')) {
      if (x.args[0]) buffer(x.args[0], 'write');
      return;
    }
    // The standard logger, once log.SetOutput gave it a writer.
    if (isFuncCall(c, 'log', ['Print', 'Printf', 'Println', 'Fatal', 'Fatalf', 'Fatalln', 'Panic', 'Panicf', 'Panicln', 'Output'])) {
      const a = this.record('write', { root: null, rootExpr: x, path: ['<written>'], throughPointer: true, key: WRITTEN_KEY, field: null }, x.span, st, exprText(x));
      if (a) a.sinkHolder = 'std-log';
    }
  }

  /**
   * A method of a stateful library type (see LIBRARY_STATE_METHODS) called on a shared
   * object: `d.w.Flush()`, `b.rnd.Int63n(n)`, `s.h.Write(p)` write the object's internal
   * state (its buffer, its source's seed), `d.w.Buffered()` reads it. Recorded on the
   * object's own pseudo-field `<state>`, anchored like a bytes.Buffer.
   */
  private libraryState(x: ast.CallExpr, c: MethodCallee, fun: ast.SelectorExpr, st: HeldLock[]): void {
    const owner = c.sel.method.recvDecl ?? (c.sel.method.iface?.kind === 'named' ? c.sel.method.iface.decl : null);
    if (!owner || owner.pkgPath === this.fn.pkg.importPath) return;
    const type = `${owner.pkgPath}.${owner.name}`;
    const reads = LIBRARY_STATE_METHODS[type];
    if (!reads) return;
    const name = c.sel.method.name;
    let b = unparen(fun.x);
    if (b.kind === 'UnaryExpr' && b.op === '&') b = unparen(b.x);
    const p = placeOf(this.program, b);
    if (!p?.root) return;
    const a = this.record(reads.includes(name) ? 'read' : 'write', { root: p.root, rootExpr: p.rootExpr, path: [...p.path, '<state>'], throughPointer: true, key: libStateKey(type), field: null }, x.span, st, exprText(b));
    if (a) a.libState = type;
  }

  /** A local struct value defined once by copying one made elsewhere: a call's result or
   * a field read (`c := n.Config()`, `c := n.cfg`), not a literal. */
  private copiedStruct(v: VarObj): boolean {
    if (!isValueType(v.type) || underlying(v.type).kind !== 'struct') return false;
    const d = singleDefinition(this.program, v);
    if (!d || isAllocation(d)) return false;
    const x = unparen(d);
    return x.kind === 'CallExpr' || x.kind === 'SelectorExpr' || x.kind === 'StarExpr';
  }

  private access(mode: 'read' | 'write' | 'readwrite', p: Place, span: ast.Span, st: HeldLock[], text: string): void {
    if (!p.key) return;
    if (mode === 'readwrite') {
      this.record('read', p, span, st, text);
      this.record('write', p, span, st, text);
    } else this.record(mode, p, span, st, text);
  }

  private record(kind: AccessKind, p: Place, span: ast.Span, st: HeldLock[], text: string): Access | null {
    if (!p.key) return null;
    const a: Access = {
      fn: this.fn, kind, key: p.key, place: p, span, locks: st, text, loop: this.loop(),
      confined: this.isConfined(p, this.deferredAt ?? span),
      ...(this.deferredAt ? { runsAt: this.deferredAt } : {}),
    };
    const once = this.env.onceBodies.get(this.fn);
    if (once !== undefined) { a.inOnce = true; a.onceKey = once; }
    this.facts.accesses.push(a);
    return a;
  }

  private loop(): ast.Span | null {
    return this.loopStack.length ? this.loopStack[this.loopStack.length - 1]! : null;
  }
}

const SORT_FUNCS = ['Strings', 'Ints', 'Float64s', 'Slice', 'SliceStable'];
const SLICES_SORT_FUNCS = ['Sort', 'SortFunc', 'SortStableFunc', 'Reverse'];

const ATOMIC_FUNCS = ['Add', 'Load', 'Store', 'Swap', 'CompareAndSwap', 'And', 'Or'].flatMap((op) =>
  ['Int32', 'Int64', 'Uint32', 'Uint64', 'Uintptr', 'Pointer'].map((t) => `${op}${t}`));

type MethodCallee = Extract<Callee, { kind: 'method' }>;

/** The call as a lock operation on a sync.Mutex or sync.RWMutex, or null. */
const lockEffects = new WeakMap<FuncInfo, { acquire: HeldLock[]; release: Set<string> }>();
const recvLockEffects = new WeakMap<FuncInfo, { acquire: HeldLock[]; release: Set<string> }>();

function asLockCall(program: Program, c: Callee | null): MethodCallee | null {
  if (c?.kind !== 'method' || !LOCK_METHODS.includes(c.sel.method.name)) return null;
  const m = c.sel.method;
  const d = m.recvDecl;
  if (d?.pkgPath === 'sync' && (d.name === 'Mutex' || d.name === 'RWMutex')) return c;
  // A sync.Locker (often embedded: `type stmt struct { sync.Locker; ... }`).
  const it = m.iface;
  if (it?.kind === 'named' && it.decl.pkgPath === 'sync' && it.decl.name === 'Locker') return c;
  // A type of the module that is a lock itself: it has Lock and Unlock (or RLock and RUnlock).
  if (d && m.info && m.sig.params.length === 0) {
    const ms = program.methodsOf(d);
    const pair = m.name.startsWith('R') ? ['RLock', 'RUnlock'] : ['Lock', 'Unlock'];
    if (pair.every((n) => ms.has(n))) return c;
  }
  return null;
}

/** Methods of sync and sync/atomic types synchronise by themselves. */
function isSyncType(c: MethodCallee): boolean {
  const d = c.sel.method.recvDecl;
  return !!d && (d.pkgPath === 'sync' || d.pkgPath === 'sync/atomic');
}

function isValueType(t: import('../model/types.js').Type): boolean {
  const u = underlying(t);
  return u.kind === 'struct' || u.kind === 'array';
}


/** Locks held on every path: the intersection (a lock held in read mode on one path and
 * write mode on another counts as read). */
function join(a: State, b: State): State {
  if (a === null) return b;
  if (b === null) return a;
  const out: HeldLock[] = [];
  for (const h of a) {
    const o = b.find((x) => x.key === h.key);
    if (o) out.push(h.mode === 'r' || o.mode === 'r' ? { ...h, mode: 'r' } : h);
  }
  return out;
}

/** Whether a loop body can leave the loop by `break` (labelled breaks and gotos from
 * nested statements count; an unlabelled break inside a nested switch/select does not). */
function hasBreak(body: ast.BlockStmt): boolean {
  let found = false;
  const visit = (n: ast.Node, nested: boolean): void => {
    if (found) return;
    walk(n, (m) => {
      if (found || m.kind === 'FuncLit') return false;
      if (m !== n && (m.kind === 'ForStmt' || m.kind === 'RangeStmt' || m.kind === 'SwitchStmt' || m.kind === 'SelectStmt' || m.kind === 'TypeSwitchStmt')) {
        visit(m, true);
        return false;
      }
      if (m.kind === 'BranchStmt' && (m.tok === 'goto' || (m.tok === 'break' && (m.label !== null || !nested)))) found = true;
      return undefined;
    });
  };
  visit(body, false);
  return found;
}

/**
 * Library calls that fill the value behind a pointer argument, by the indexes of those
 * arguments (-1: every argument from the next one on). Kept to the decoders and scanners
 * of the standard library: json, xml, gob, asn1, binary and fmt's Sscan family.
 */
/** Standard-library calls that write into a byte slice argument ('w') and read another ('r'), by argument index. */
const BYTE_FUNCS: Record<string, Record<string, Array<[number, 'read' | 'write']>>> = {
  'encoding/hex': { Encode: [[0, 'write'], [1, 'read']], Decode: [[0, 'write'], [1, 'read']] },
  io: { ReadFull: [[1, 'write']], ReadAtLeast: [[1, 'write']] },
  'crypto/rand': { Read: [[0, 'write']] },
};
const BYTE_METHODS: Record<string, Record<string, Array<[number, 'read' | 'write']>>> = {
  'encoding/base64.Encoding': { Encode: [[0, 'write'], [1, 'read']], Decode: [[0, 'write'], [1, 'read']] },
  'encoding/base32.Encoding': { Encode: [[0, 'write'], [1, 'read']], Decode: [[0, 'write'], [1, 'read']] },
  'encoding/binary.bigEndian': { PutUint16: [[0, 'write']], PutUint32: [[0, 'write']], PutUint64: [[0, 'write']] },
  'encoding/binary.littleEndian': { PutUint16: [[0, 'write']], PutUint32: [[0, 'write']], PutUint64: [[0, 'write']] },
};

/** The byte-slice arguments c writes or reads (see BYTE_FUNCS). */
function byteSliceArgs(c: Callee | null, n: number): Array<[number, 'read' | 'write']> {
  let list: Array<[number, 'read' | 'write']> | undefined;
  if (c?.kind === 'func') list = BYTE_FUNCS[c.obj.pkgPath]?.[c.obj.name];
  else if (c?.kind === 'method') {
    const d = c.sel.method.recvDecl;
    list = d ? BYTE_METHODS[`${d.pkgPath}.${d.name}`]?.[c.sel.method.name] : undefined;
  }
  return (list ?? []).filter(([i]) => i < n);
}

const FILLING_FUNCS: Record<string, Record<string, number>> = {
  'encoding/json': { Unmarshal: 1 },
  'encoding/xml': { Unmarshal: 1 },
  'encoding/asn1': { Unmarshal: 1 },
  'encoding/binary': { Read: 2 },
  fmt: { Sscan: -2, Sscanln: -2, Sscanf: -3, Fscan: -2, Fscanln: -2, Fscanf: -3, Scan: -1, Scanln: -1, Scanf: -2 },
};
const FILLING_METHODS: Record<string, Record<string, number>> = {
  'encoding/json.Decoder': { Decode: 0 },
  'encoding/xml.Decoder': { Decode: 0, DecodeElement: 0 },
  'encoding/gob.Decoder': { Decode: 0, DecodeValue: 0 },
};

/**
 * Library calls that read every entry of a map argument (encoders, printers, map
 * helpers), by the indexes of those arguments as in FILLING_FUNCS.
 */
const READING_FUNCS: Record<string, Record<string, number>> = {
  'encoding/json': { Marshal: 0, MarshalIndent: 0 },
  'encoding/xml': { Marshal: 0, MarshalIndent: 0 },
  fmt: { Print: -1, Println: -1, Printf: -2, Sprint: -1, Sprintln: -1, Sprintf: -2, Fprint: -2, Fprintln: -2, Fprintf: -3, Errorf: -2, Append: -2, Appendln: -2, Appendf: -3 },
  log: { Print: -1, Println: -1, Printf: -2, Fatal: -1, Fatalln: -1, Fatalf: -2, Panic: -1, Panicln: -1, Panicf: -2 },
  maps: { Clone: 0, Keys: 0, Values: 0, All: 0, Copy: 1, Equal: -1, EqualFunc: 0 },
  reflect: { DeepEqual: -1 },
};
const READING_METHODS: Record<string, Record<string, number>> = {
  'encoding/json.Encoder': { Encode: 0 },
  'encoding/xml.Encoder': { Encode: 0 },
  'encoding/gob.Encoder': { Encode: 0 },
  'log.Logger': { Print: -1, Println: -1, Printf: -2, Fatal: -1, Fatalln: -1, Fatalf: -2, Panic: -1, Panicln: -1, Panicf: -2 },
};

/** Methods of the library's named map types, by what they do to the receiver's map. */
const MAP_METHODS: Record<string, Record<string, AccessKind>> = {
  'net/http.Header': { Set: 'map-write', Add: 'map-write', Del: 'map-write', Get: 'map-read', Values: 'map-read', Clone: 'map-iter', Write: 'map-iter', WriteSubset: 'map-iter' },
  'net/textproto.MIMEHeader': { Set: 'map-write', Add: 'map-write', Del: 'map-write', Get: 'map-read', Values: 'map-read' },
  'net/url.Values': { Set: 'map-write', Add: 'map-write', Del: 'map-write', Get: 'map-read', Has: 'map-read', Encode: 'map-iter' },
};

/** The collection a local map was fetched from (see FuncWalker.mapElement), by local. */
/**
 * The slice field a plain local or parameter slice of fn always holds: every definition
 * of the local is that field (`rs := t.routes`) or a getter handing it out as is (`rs :=
 * t.Routes()` with `return t.routes`, no copy), or, for a parameter of an unexported
 * function only ever called by name, every call passes such a slice (`byWeight(rs)`). The
 * place is rooted in the function that reads the field.
 */
function sliceFieldAlias(program: Program, v: VarObj, depth: number): Place | null {
  const fn = v.func;
  if (!fn || depth > 2 || underlying(v.type).kind !== 'slice') return null;
  let cache = sliceAliasCache.get(program);
  if (!cache) sliceAliasCache.set(program, (cache = new Map()));
  if (cache.has(v)) return cache.get(v)!;
  cache.set(v, null); // recursion guard
  let found: Place | null = null;
  const same = (p: Place | null): boolean => {
    if (!p || (found && found.key !== p.key)) return false;
    found = p;
    return true;
  };
  let ok = true;
  if (v.scope === 'local' && fn.body) {
    const defs = localDefinitions(program, fn.body).get(v);
    for (const r of defs ?? []) {
      if (!r || !same(sliceFieldPlace(program, r))) { ok = false; break; }
    }
    if (ok && found && reassignsField(program, fn.body, found)) ok = false;
  } else if (v.scope === 'param' && fn.node.kind === 'FuncDecl' && !fn.recv && !/^[A-Z]/.test(fn.node.name.name) && !fn.sig.variadic) {
    const i = fn.params.indexOf(v);
    const sites = callSitesOf(program, fn);
    ok = i >= 0 && sites.length > 0 && sites.length === namedUses(program, fn);
    for (const c of sites) {
      if (!ok) break;
      const a = c.call.args[i] ? unparen(c.call.args[i]!) : null;
      const av = a?.kind === 'Ident' ? program.objectOf(a) : null;
      if (!a || !same(av?.kind === 'var' && av.scope !== 'pkg' ? sliceFieldAlias(program, av, depth + 1) : sliceFieldPlace(program, a))) ok = false;
    }
  } else ok = false;
  const r: Place | null = ok ? found : null;
  cache.set(v, r);
  return r;
}
const sliceAliasCache = new WeakMap<Program, Map<VarObj, Place | null>>();

/** In body (function literals included), for each variable: the expression each
 * assignment or declaration gives it, in source order; null where none can be told (an
 * assignment from a multi-value call, a range key or value). One walk per body, since
 * sliceFieldAlias asks for each slice local of a function. */
function localDefinitions(program: Program, body: ast.Node): Map<VarObj, Array<ast.Expr | null>> {
  let hit = localDefCache.get(body);
  if (hit) return hit;
  hit = new Map();
  const out = hit;
  const add = (l: ast.Node | null | undefined, r: ast.Expr | null): void => {
    if (l?.kind !== 'Ident') return;
    const o = program.objectOf(l);
    if (o?.kind !== 'var') return;
    const list = out.get(o);
    if (list) list.push(r);
    else out.set(o, [r]);
  };
  walk(body, (n) => {
    if (n.kind === 'RangeStmt') { add(n.key, null); add(n.value, null); }
    if (n.kind !== 'AssignStmt' && n.kind !== 'ValueSpec') return undefined;
    const lhs = n.kind === 'AssignStmt' ? n.lhs : n.names;
    const rhs = n.kind === 'AssignStmt' ? n.rhs : n.values;
    lhs.forEach((l, i) => add(l, lhs.length === rhs.length ? rhs[i] ?? null : null));
    return undefined;
  });
  localDefCache.set(body, out);
  return out;
}
const localDefCache = new WeakMap<ast.Node, Map<VarObj, Array<ast.Expr | null>>>();

/** body assigns the field at p itself (`t.idleConn = nil`, `t.routes = append(...)`). */
function reassignsField(program: Program, body: ast.Node, p: Place): boolean {
  let hit = false;
  walkKinds(body, ASSIGNS, (n) => {
    if (hit || n.kind !== 'AssignStmt') return undefined;
    for (const l of n.lhs) {
      const x = unparen(l);
      if (x.kind !== 'SelectorExpr') continue;
      const q = placeOf(program, x);
      if (q?.key === p.key && q.root === p.root && q.path.join('.') === p.path.join('.')) hit = true;
    }
    return undefined;
  });
  return hit;
}

/** `t.routes` (a slice field), or `t.Routes()` returning that field of t as is. */
function sliceFieldPlace(program: Program, e: ast.Expr): Place | null {
  const x = unparen(e);
  if (underlying(program.typeOf(x)).kind !== 'slice') return null;
  if (x.kind === 'SelectorExpr') {
    const p = placeOf(program, x);
    return p?.key && p.field && p.root && p.path.length && !p.indexed ? p : null;
  }
  if (x.kind !== 'CallExpr') return null;
  const h = handedOut(program, x);
  if (!h || h.copy || h.path.length !== 1 || h.path[0] === '[]') return null;
  const base = placeOf(program, h.recv);
  const sel = program.lookup(program.typeOf(h.recv), h.path[0]!);
  if (!base?.root || base.indexed || sel?.kind !== 'field' || !sel.owner) return null;
  return { ...base, path: [...base.path, h.path[0]!], throughPointer: true, key: `field:${sel.owner.pkgPath}.${sel.owner.name}.${h.path[0]}`, field: sel };
}

/** How many times fn's name is mentioned in its package's function bodies (calls and
 * any other use). Counted for every function of the package in one walk. */
function namedUses(program: Program, fn: FuncInfo): number {
  if (fn.node.kind !== 'FuncDecl') return -1;
  let counts = namedUseCache.get(fn.pkg);
  if (!counts) {
    const found = new Map<FuncInfo, number>();
    for (const f of fn.pkg.funcs) {
      if (!f.body || f.parent) continue;
      walkKinds(f.body, IDENT_KINDS, (x) => {
        if (x.kind !== 'Ident') return undefined;
        const o = program.objectOf(x);
        if (o?.kind === 'func' && o.info && o.info.pkg === fn.pkg && o.info.node.kind === 'FuncDecl' && x !== o.info.node.name) found.set(o.info, (found.get(o.info) ?? 0) + 1);
        return undefined;
      });
    }
    namedUseCache.set(fn.pkg, (counts = found));
  }
  return counts.get(fn) ?? 0;
}
const namedUseCache = new WeakMap<PackageInfo, Map<FuncInfo, number>>();
const IDENT_KINDS = kindSet('Ident');

const mapAliasCache = new WeakMap<VarObj, Place | null>();
const grownAliasCache = new WeakMap<VarObj, Place | null>();
const mapElementCache = new WeakMap<VarObj, Place | null>();

/** `pkg.T` for a named type whose underlying type is a map (a value, not a pointer). */
function mapTypeKey(t: Type): string | null {
  return t.kind === 'named' && underlying(t).kind === 'map' ? `${t.decl.pkgPath}.${t.decl.name}` : null;
}

function libraryMapMethod(c: Callee): AccessKind | null {
  if (c.kind !== 'method') return null;
  const d = c.sel.method.recvDecl;
  return d ? MAP_METHODS[`${d.pkgPath}.${d.name}`]?.[c.sel.method.name] ?? null : null;
}

/** An encoder of encoding/json, xml or gob (Marshal, Encoder.Encode). */
function encoder(c: Callee | null): boolean {
  const pkg = c?.kind === 'func' ? c.obj.pkgPath : c?.kind === 'method' ? c.sel.method.recvDecl?.pkgPath : undefined;
  return pkg === 'encoding/json' || pkg === 'encoding/xml' || pkg === 'encoding/gob';
}

/** Indexes of the map arguments c reads in full (see READING_FUNCS). */
function readArgs(c: Callee | null, n: number): number[] {
  return argIndexes(c, n, READING_FUNCS, READING_METHODS);
}

/** Indexes of the arguments c fills (see FILLING_FUNCS). */
function filledArgs(c: Callee | null, n: number): number[] {
  return argIndexes(c, n, FILLING_FUNCS, FILLING_METHODS);
}

function argIndexes(c: Callee | null, n: number, funcs: Record<string, Record<string, number>>, methods: Record<string, Record<string, number>>): number[] {
  let i: number | undefined;
  if (c?.kind === 'func') i = funcs[c.obj.pkgPath]?.[c.obj.name];
  else if (c?.kind === 'method') {
    const d = c.sel.method.recvDecl;
    if (d) i = methods[`${d.pkgPath}.${d.name}`]?.[c.sel.method.name];
  }
  if (i === undefined) return [];
  if (i >= 0) return i < n ? [i] : [];
  const out: number[] = [];
  for (let k = -i - 1; k < n; k++) out.push(k);
  return out;
}

const fieldPointerCache = new WeakMap<Program, Map<VarObj, Place[]>>();
const pointerFieldStoreCache = new WeakMap<Program, Map<string, Array<{ fn: FuncInfo; value: ast.Expr | null }>>>();
const POINTER_FIELD_STORE_KINDS = kindSet('AssignStmt', 'CompositeLit', 'UnaryExpr');

/**
 * The fields a pointer-typed struct field points to (`countingReader.n`), when every
 * store into it (`x.n = v`, `T{n: v}`) is the address of a field (see addressTargets);
 * empty when any store cannot be told, or when the field's address is taken.
 */
function pointerFieldTargets(program: Program, fieldKey: string): Place[] {
  let stores = pointerFieldStoreCache.get(program);
  if (!stores) {
    const out = new Map<string, Array<{ fn: FuncInfo; value: ast.Expr | null }>>();
    const add = (k: string, fn: FuncInfo, value: ast.Expr | null): void => {
      let l = out.get(k);
      if (!l) out.set(k, (l = []));
      l.push({ fn, value });
    };
    const keyOf = (e: ast.Expr): string | null => {
      const x = unparen(e);
      if (x.kind !== 'SelectorExpr') return null;
      const sel = program.selectionOf(x);
      return sel?.kind === 'field' && sel.owner && sel.type.kind === 'pointer' ? `${sel.owner.pkgPath}.${sel.owner.name}.${sel.name}` : null;
    };
    for (const fn of program.funcs) {
      if (!fn.body) continue;
      walkBodyKinds(fn.body, POINTER_FIELD_STORE_KINDS, (n) => {
        if (n.kind === 'AssignStmt') {
          n.lhs.forEach((l, i) => {
            const k = keyOf(l);
            if (k) add(k, fn, n.tok === '=' && n.lhs.length === n.rhs.length ? n.rhs[i]! : null);
          });
        } else if (n.kind === 'UnaryExpr' && n.op === '&') {
          const k = keyOf(n.x);
          if (k) add(k, fn, null);
        } else if (n.kind === 'CompositeLit') {
          let t = program.typeOf(n);
          if (t.kind === 'pointer') t = t.elem;
          if (t.kind !== 'named') return undefined;
          const u = underlying(t);
          if (u.kind !== 'struct') return undefined;
          n.elts.forEach((el, i) => {
            const name = el.kind === 'KeyValueExpr' ? (el.key.kind === 'Ident' ? el.key.name : null) : u.fields[i]?.name ?? null;
            const f = name ? u.fields.find((x) => x.name === name) : undefined;
            if (f?.type.kind === 'pointer') add(`${t.decl.pkgPath}.${t.decl.name}.${name}`, fn, el.kind === 'KeyValueExpr' ? el.value : el);
          });
        }
        return undefined;
      });
    }
    pointerFieldStoreCache.set(program, (stores = out));
  }
  const list = stores.get(fieldKey);
  if (!list?.length || list.length > 8) return [];
  const out: Place[] = [];
  for (const { fn, value } of list) {
    const ps = value ? addressTargets(program, value, fn, 1) : null;
    if (!ps?.length) return [];
    for (const p of ps) if (!out.some((q) => q.root === p.root && q.key === p.key && q.path.join('.') === p.path.join('.'))) out.push(p);
  }
  return out;
}

/**
 * The fields a pointer variable points to, when every value it gets is the address of a
 * field: `n := &c.written`, `n := c.counter()` where counter returns `&c.written`, or a
 * parameter every static call gives such a value (`go pump(c.counter())`, `pump(&c.written)`).
 * One place per distinct holder, rooted where the address was taken, so that writes
 * through the pointer are accesses to the field of that object. Empty when some value
 * is anything else (a local variable, a new object, an unknown pointer).
 */
export function fieldPointerTargets(program: Program, v: VarObj, depth = 0): Place[] {
  let cache = fieldPointerCache.get(program);
  if (!cache) fieldPointerCache.set(program, (cache = new Map()));
  const hit = cache.get(v);
  if (hit) return hit;
  cache.set(v, []); // cycles prove nothing
  const out: Place[] = [];
  let ok = true;
  const add = (e: ast.Expr | undefined, at: FuncInfo): void => {
    if (!ok) return;
    const ps = e && depth < 3 ? addressTargets(program, e, at, depth) : null;
    if (!ps?.length) { ok = false; return; }
    for (const p of ps) if (!out.some((q) => q.root === p.root && q.key === p.key && q.path.join('.') === p.path.join('.'))) out.push(p);
  };
  const fn = v.func;
  if (v.scope === 'param' && fn) {
    const i = fn.params.indexOf(v);
    const sites = callSitesOf(program, fn);
    if (i < 0 || !sites.length || (fn.sig.variadic && i === fn.params.length - 1)) ok = false;
    for (const site of sites) add(site.call.args[i], site.caller);
  } else if (v.scope === 'local' && fn?.body) {
    let defs = 0;
    walk(fn.body, (n) => {
      if (n.kind === 'AssignStmt') {
        n.lhs.forEach((l, i) => {
          if (l.kind !== 'Ident' || program.objectOf(l) !== v) return;
          defs++;
          add(n.lhs.length === n.rhs.length && (n.tok === '=' || n.tok === ':=') ? n.rhs[i] : undefined, fn);
        });
      } else if (n.kind === 'ValueSpec') {
        n.names.forEach((id, i) => { if (program.objectOf(id) === v) { defs++; add(n.values.length === n.names.length ? n.values[i] : undefined, fn); } });
      } else if (n.kind === 'RangeStmt') {
        for (const k of [n.key, n.value]) if (k?.kind === 'Ident' && program.objectOf(k) === v) { defs++; ok = false; }
      }
      return undefined;
    });
    if (!defs) ok = false;
  } else ok = false;
  const r = ok ? out : [];
  cache.set(v, r);
  return r;
}

/** Fields the pointer value e (in function fn) points to: `&x.f`, a pointer variable
 * holding such an address, or a call of a method that returns `&recv.f`. */
function addressTargets(program: Program, e: ast.Expr, fn: FuncInfo, depth: number): Place[] | null {
  const x = unparen(e);
  if (x.kind === 'UnaryExpr' && x.op === '&') {
    const t = unparen(x.x);
    if (t.kind !== 'SelectorExpr' || program.selectionOf(t)?.kind !== 'field') return null;
    const p = placeOf(program, t);
    return p?.key ? [{ ...p, throughPointer: true }] : null;
  }
  if (x.kind === 'Ident') {
    const o = program.objectOf(x);
    if (o?.kind !== 'var' || o.type.kind !== 'pointer' || o.scope === 'pkg') return null;
    const ps = fieldPointerTargets(program, o, depth + 1);
    return ps.length ? ps : null;
  }
  if (x.kind === 'CallExpr') {
    const c = calleeOf(program, x);
    const m = c?.kind === 'method' ? c.sel.method.info : null;
    const fun = unparen(x.fun);
    if (!m?.body || !m.recv || fun.kind !== 'SelectorExpr') return null;
    const holder = placeOf(program, fun.x);
    if (!holder) return null;
    // Every return of the method is `&recv.path`.
    let ret: Place | null = null;
    let ok = true;
    walk(m.body, (n) => {
      if (!ok || n.kind === 'FuncLit') return false;
      if (n.kind !== 'ReturnStmt') return undefined;
      const r = n.results.length === 1 ? unparen(n.results[0]!) : null;
      const t = r?.kind === 'UnaryExpr' && r.op === '&' ? unparen(r.x) : null;
      const p = t?.kind === 'SelectorExpr' && program.selectionOf(t)?.kind === 'field' ? placeOf(program, t) : null;
      if (!p?.key || p.root !== m.recv || (ret && (ret.key !== p.key || ret.path.join('.') !== p.path.join('.')))) ok = false;
      else ret = p;
      return undefined;
    });
    if (!ok || !ret) return null;
    const r: Place = ret;
    return [{ root: holder.root, rootExpr: holder.rootExpr, path: [...holder.path, ...r.path], throughPointer: true, key: r.key, field: r.field }];
  }
  return null;
}

const ownVarCache = new WeakMap<FuncInfo, Map<VarObj, boolean>>();

/**
 * An index that copies of one goroutine are each given a value of their own for, so
 * `results[i]` from workers touch different elements: built from a parameter, a variable
 * of an enclosing function (the spawning loop's own `i`), a value received from a channel
 * (a job) or taken from an atomic counter, with `+ - * <<`, fields and conversions. An
 * index computed from data inside the worker may repeat across copies: a call
 * (`counts[classify(line)]`), `%` or a mask (`i % n`), a constant, a range over a
 * collection in the worker itself (`for i := range h.bounds { h.buckets[i]++ }`).
 */
export function ownIndex(program: Program, fn: FuncInfo, e: ast.Expr, depth = 0): boolean {
  const x = unparen(e);
  switch (x.kind) {
    case 'Ident': {
      const o = program.objectOf(x);
      return o?.kind === 'var' && ownVar(program, fn, o, depth);
    }
    case 'SelectorExpr': return program.selectionOf(x)?.kind === 'field' && ownIndex(program, fn, x.x, depth);
    case 'StarExpr': return ownIndex(program, fn, x.x, depth);
    case 'UnaryExpr': return x.op === '<-' || ((x.op === '-' || x.op === '+') && ownIndex(program, fn, x.x, depth));
    case 'BinaryExpr': {
      if (!['+', '-', '*', '<<'].includes(x.op)) return false;
      const ox = ownIndex(program, fn, x.x, depth);
      const oy = ownIndex(program, fn, x.y, depth);
      return (ox && (oy || plainOperand(program, x.y))) || (oy && plainOperand(program, x.x));
    }
    case 'CallExpr': {
      return atomicAdd(program, x) || (isConversion(program, x) && ownIndex(program, fn, x.args[0]!, depth));
    }
    default: return false;
  }
}

/** Every slice or array index on the way to a place (`rs[i].stats[j]`) is the copy's own
 * (see ownIndex); map keys are not considered. */
function ownIndexesOnly(program: Program, fn: FuncInfo, e: ast.Expr): boolean {
  let x = unparen(e);
  for (;;) {
    if (x.kind === 'IndexExpr') {
      const t = underlying(program.typeOf(x.x));
      const idx = x.indices[0];
      if ((t.kind === 'slice' || t.kind === 'array' || t.kind === 'pointer') && idx && idx.kind !== 'BasicLit' && !ownIndex(program, fn, idx)) return false;
      x = unparen(x.x);
    } else if (x.kind === 'SelectorExpr' || x.kind === 'StarExpr') x = unparen(x.x);
    else return true;
  }
}

/** A constant index (its text), or `len(x)` plus a constant (`len(x)`, `len(x)+1`): one
 * slot every evaluation picks alike. null for any other index. */
function fixedSlot(program: Program, e: ast.Expr): string | null {
  const x = unparen(e);
  if (x.kind === 'BasicLit') return x.value;
  const lenCall = (y: ast.Expr): boolean => {
    const z = unparen(y);
    const c = z.kind === 'CallExpr' ? calleeOf(program, z) : null;
    return z.kind === 'CallExpr' && c?.kind === 'builtin' && c.name === 'len' && z.args.length === 1;
  };
  if (lenCall(x)) return exprText(x);
  if (x.kind === 'BinaryExpr' && x.op === '+' && lenCall(x.x) && unparen(x.y).kind === 'BasicLit') return exprText(x);
  return null;
}

/** `atomic.AddInt64(&next, 1)`, `next.Add(1)`: a ticket no other caller gets. */
function atomicAdd(program: Program, x: ast.CallExpr): boolean {
  const c = calleeOf(program, x);
  if (isFuncCall(c, 'sync/atomic', ['AddInt32', 'AddInt64', 'AddUint32', 'AddUint64'])) return true;
  return c?.kind === 'method' && c.sel.method.name === 'Add' && c.sel.method.recvDecl?.pkgPath === 'sync/atomic';
}

function isConversion(program: Program, x: ast.CallExpr): boolean {
  if (x.args.length !== 1) return false;
  const f = unparen(x.fun);
  if (f.kind === 'Ident') return program.objectOf(f)?.kind === 'type';
  if (f.kind === 'SelectorExpr') { const s = program.selectionOf(f); return s?.kind === 'qualified' && s.obj.kind === 'type'; }
  return false;
}

/** An operand an index may combine with its own part: a constant, variable or field. */
function plainOperand(program: Program, e: ast.Expr): boolean {
  const x = unparen(e);
  if (x.kind === 'BasicLit' || x.kind === 'Ident') return true;
  if (x.kind === 'SelectorExpr') return plainOperand(program, x.x);
  if (x.kind === 'BinaryExpr') return plainOperand(program, x.x) && plainOperand(program, x.y);
  if (x.kind === 'CallExpr') return isConversion(program, x) || (calleeOf(program, x)?.kind === 'builtin' && (x.fun as ast.Ident).name === 'len');
  return false;
}

/** A variable of the spawning function set from data (`k := classify(x)`): goroutines
 * of separate iterations may be given equal values. Its loop counters and copies of them
 * (`i := 0`, `i := i`) differ per iteration. */
function computed(program: Program, e: ast.Expr): boolean {
  const x = unparen(e);
  if (x.kind === 'CallExpr') return !atomicAdd(program, x) && !isConversion(program, x);
  if (x.kind === 'IndexExpr') return true;
  return x.kind === 'BinaryExpr' && (x.op === '%' || x.op === '&');
}

function ownVar(program: Program, fn: FuncInfo, v: VarObj, depth: number): boolean {
  if (v.scope === 'pkg') return false;
  if (v.scope === 'param' || v.scope === 'recv') return true;
  let cache = ownVarCache.get(fn);
  if (!cache) ownVarCache.set(fn, (cache = new Map()));
  const hit = cache.get(v);
  if (hit !== undefined) return hit;
  cache.set(v, false); // cycles (`i = i + 1`) prove nothing
  const captured = v.func !== fn;
  let defs = 0;
  let own = true;
  const body = v.func?.body;
  if (body && depth < 4) {
    walk(body, (n) => {
      if (!own) return false;
      if (n.kind === 'RangeStmt') {
        for (const k of [n.key, n.value]) {
          if (k?.kind !== 'Ident' || program.objectOf(k) !== v) continue;
          defs++;
          // Values received from a channel are each received once. The spawning loop's own
          // variables (captured) differ per goroutine; a worker's own loop repeats them.
          if (!captured && underlying(program.typeOf(n.x)).kind !== 'chan') own = false;
        }
      } else if (n.kind === 'AssignStmt' && (n.tok === '=' || n.tok === ':=')) {
        n.lhs.forEach((l, i) => {
          if (l.kind !== 'Ident' || program.objectOf(l) !== v) return;
          defs++;
          const r = n.lhs.length === n.rhs.length ? n.rhs[i]! : n.rhs[0];
          if (!r || (captured ? computed(program, r) : !ownIndex(program, v.func!, r, depth + 1))) own = false;
        });
      } else if (n.kind === 'ValueSpec') {
        n.names.forEach((id, i) => {
          if (program.objectOf(id) !== v || !n.values.length) return;
          defs++;
          const r = n.values[i] ?? n.values[0];
          if (!r || (captured ? computed(program, r) : !ownIndex(program, v.func!, r, depth + 1))) own = false;
        });
      }
      return undefined;
    });
  }
  const r = defs > 0 && own;
  cache.set(v, r);
  return r;
}

/** a starts before b. */
export function before(a: ast.Span, b: ast.Span): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/** `time.After(d)`, `time.Tick(d)`: channels only the runtime's timers send on. */
function isTimerChannel(program: Program, ch: ast.Expr): boolean {
  const x = unparen(ch);
  return x.kind === 'CallExpr' && isFuncCall(calleeOf(program, x), 'time', ['After', 'Tick']);
}

/** A break, continue or goto in a statement (not in a literal): the walk ends the path
 * there, yet control goes on after the enclosing select or loop. */
function leavesByBranch(st: ast.Stmt): boolean {
  let found = false;
  walk(st, (n) => {
    if (found || n.kind === 'FuncLit') return false;
    if (n.kind === 'BranchStmt' && n.tok !== 'fallthrough') found = true;
    return undefined;
  });
  return found;
}

/**
 * The place holding a timer or an AfterFunc stop function, when e calls it to stop:
 * `l.unwatch()` (a func field or variable holding context.AfterFunc's result) or
 * `t.Stop()` on a *time.Timer. null for any other expression.
 */
export function stopperKey(program: Program, e: ast.Expr): string | null {
  const x = unparen(e);
  if (x.kind !== 'CallExpr' || x.args.length) return null;
  const f = unparen(x.fun);
  if (f.kind === 'SelectorExpr' && f.sel.name === 'Stop') {
    const t = program.typeOf(f.x);
    const named = t.kind === 'pointer' ? t.elem : t;
    if (named.kind === 'named' && named.decl.pkgPath === 'time' && named.decl.name === 'Timer') return placeOf(program, f.x)?.key ?? null;
    return null;
  }
  const t = underlying(program.typeOf(f));
  if (t.kind !== 'func') return null;
  return placeOf(program, f)?.key ?? null;
}
