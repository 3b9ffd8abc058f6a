/** Concurrency facts shared by the race rules (built by src/concurrency/build.ts). */
import type { Confidence } from '../core/findings.js';
import type { FuncInfo } from '../model/objects.js';
import type { Program } from '../model/program.js';
import type { Access, FuncFacts, HeldLock } from './accesses.js';
import type { CallGraph } from './callgraph.js';
import type { GoroutineContext } from './entries.js';

/** Two contexts in which two accesses can run at the same time, unordered. */
export interface ConcurrentPair {
  a: GoroutineContext;
  b: GoroutineContext;
  confidence: Confidence;
  /** Keys of locks both sides hold that do not order them: a mutex declared by the
   * function that started the two goroutines, made anew by each of its calls. */
  perCallLocks?: Array<{ key: string; text: string; declaredIn: string }>;
}

export interface ConcurrencyFacts {
  readonly program: Program;
  readonly callgraph: CallGraph;
  readonly contexts: GoroutineContext[];
  readonly funcFacts: Map<FuncInfo, FuncFacts>;
  /** Accesses grouped by location key (`field:T.f`, `map:...`, `chan:...`, ...). */
  readonly accessesByKey: Map<string, Access[]>;
  contextsOf(fn: FuncInfo): GoroutineContext[];
  witness(ctx: GoroutineContext, fn: FuncInfo, avoid?: ReadonlySet<string>): FuncInfo[];
  /** Locks held at an access, callers' locks included. */
  locksOf(a: Access): HeldLock[];
  /** Locks held at an access on every way the context reaches it. */
  locksIn(a: Access, c: GoroutineContext): HeldLock[];
  /** A lock held at both accesses that keeps them apart (not one of pair's perCallLocks). */
  commonLock(a: Access, b: Access, pair?: ConcurrentPair): HeldLock | null;
  /** Contexts in which a and b can both run with nothing between them. With
   * `anyOrder`, orderings (before a start, after a wait) are not asked for: two closes
   * of one channel panic in whichever order they run. */
  concurrentPair(a: Access, b: Access, opts?: { anyOrder?: boolean }): ConcurrentPair | null;
  describeSide(label: string, a: Access, ctx: GoroutineContext, other?: { access: Access; ctx: GoroutineContext }): string[];
}
