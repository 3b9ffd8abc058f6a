/**
 * Library calls that run a function on another goroutine (or on many), as opposed to
 * calling it. Each names which argument is the function and whether the function runs
 * concurrently with itself.
 */
import type * as ast from '../syntax/ast.js';
import { kindSet, walkBodyKinds } from '../syntax/walk.js';
import { calleeOf, isFuncCall, isMethodCall, type Callee } from '../model/calls.js';
import type { FuncInfo } from '../model/objects.js';
import type { Program } from '../model/program.js';
import { unparen } from '../model/checker.js';
import { placeOf } from './places.js';

/** `helper-go`: a module function that runs a callback parameter on a goroutine of its
 * own (`func (r *Runner) Go(fn func()) { go func() { ...; fn() }() }`), see
 * CallGraph.asyncParams. */
export type EntryKind = 'go' | 'errgroup' | 'waitgroup-go' | 'afterfunc' | 'http-handler' | 'rpc' | 'concurrent-iface' | 'parallel-test' | 'run-parallel' | 'helper-go' | 'lib-callback';

export interface SpawnKind {
  kind: EntryKind;
  /** Index of the function argument. */
  arg: number;
  /** Runs concurrently with itself (one goroutine per request, per iteration...). */
  multi: boolean;
  /** The argument is an http.Handler value rather than a function. */
  handlerValue?: boolean;
  what: string;
}

export function spawnKindOf(_program: Program, c: Callee | null): SpawnKind | null {
  if (!c) return null;
  if (isMethodCall(c, 'golang.org/x/sync/errgroup', 'Group', ['Go', 'TryGo'])) return { kind: 'errgroup', arg: 0, multi: false, what: 'errgroup.Group.Go' };
  if (isMethodCall(c, 'sync', 'WaitGroup', 'Go')) return { kind: 'waitgroup-go', arg: 0, multi: false, what: 'sync.WaitGroup.Go' };
  if (isFuncCall(c, 'time', 'AfterFunc')) return { kind: 'afterfunc', arg: 1, multi: false, what: 'time.AfterFunc' };
  if (isFuncCall(c, 'context', 'AfterFunc')) return { kind: 'afterfunc', arg: 1, multi: false, what: 'context.AfterFunc' };
  if (isFuncCall(c, 'net/http', 'HandleFunc') || isMethodCall(c, 'net/http', 'ServeMux', 'HandleFunc')) return { kind: 'http-handler', arg: 1, multi: true, what: 'http.HandleFunc' };
  if (isFuncCall(c, 'net/http', 'Handle') || isMethodCall(c, 'net/http', 'ServeMux', 'Handle')) return { kind: 'http-handler', arg: 1, multi: true, handlerValue: true, what: 'http.Handle' };
  if (isFuncCall(c, 'net/http', ['ListenAndServe', 'Serve']) ) return { kind: 'http-handler', arg: 1, multi: true, handlerValue: true, what: 'http.ListenAndServe' };
  if (isFuncCall(c, 'net/http/httptest', ['NewServer', 'NewUnstartedServer'])) return { kind: 'http-handler', arg: 0, multi: true, handlerValue: true, what: 'httptest.NewServer' };
  // Shutdown runs each OnShutdown hook on a goroutine of its own (`go f()` in net/http).
  if (isMethodCall(c, 'net/http', 'Server', 'RegisterOnShutdown')) return { kind: 'lib-callback', arg: 0, multi: false, what: 'http.Server.RegisterOnShutdown' };
  // Finalizers and cleanups run on the runtime's finalizer goroutine, one after another.
  if (isFuncCall(c, 'runtime', ['SetFinalizer', 'AddCleanup'])) return { kind: 'lib-callback', arg: 1, multi: false, what: 'runtime.SetFinalizer' };
  if (isMethodCall(c, 'testing', 'B', 'RunParallel')) return { kind: 'run-parallel', arg: 0, multi: true, what: 'testing.B.RunParallel' };
  return null;
}

/** The index of the subtest function argument of `t.Run(name, f)`, or null. */
export function subtestArg(c: Callee | null): number | null {
  return isMethodCall(c, 'testing', 'T', 'Run') ? 1 : null;
}

const CALLS = kindSet('CallExpr');
const ASSIGNS = kindSet('AssignStmt');

/**
 * Whether fn's own body (not the literals inside it) calls t.Parallel(): as a test it runs
 * alongside the other parallel tests; as a subtest, alongside its parallel siblings once
 * its parent's function has returned.
 */
export function callsTParallel(program: Program, fn: FuncInfo): boolean {
  if (!fn.body) return false;
  let found = false;
  walkBodyKinds(fn.body, CALLS, (n: ast.Node) => {
    if (found) return false;
    if (n.kind === 'CallExpr') {
      const c = calleeOf(program, n);
      if (c?.kind === 'method' && c.sel.method.name === 'Parallel' && c.sel.method.recvDecl?.pkgPath === 'testing') found = true;
    }
    return undefined;
  });
  return found;
}

/**
 * The writers and readers given to os/exec commands (`cmd.Stdout = &s.out`,
 * `c.cmd.Stdin = r`), by the place key of the command (`field:pkg.Step.cmd`, `var:12`).
 * Once the command is started, os/exec copies the child's output into each writer that is
 * not an *os.File (and its input out of such a reader) on goroutines of its own, until
 * Wait returns: the writer's Write (the reader's Read) runs concurrently with the code
 * that started the command. Method is the one those goroutines call.
 */
export interface ExecStream { value: ast.Expr; method: 'Write' | 'Read'; fn: FuncInfo }
const execStreamCache = new WeakMap<Program, Map<string, ExecStream[]>>();
export function execStreams(program: Program): Map<string, ExecStream[]> {
  const hit = execStreamCache.get(program);
  if (hit) return hit;
  const out = new Map<string, ExecStream[]>();
  for (const fn of program.funcs) {
    if (!fn.body) continue;
    walkBodyKinds(fn.body, ASSIGNS, (n: ast.Node) => {
      if (n.kind !== 'AssignStmt' || n.lhs.length !== n.rhs.length) return undefined;
      n.lhs.forEach((l, i) => {
        const lhs = unparen(l);
        if (lhs.kind !== 'SelectorExpr' || !['Stdout', 'Stderr', 'Stdin'].includes(lhs.sel.name)) return;
        const t = program.typeOf(lhs.x);
        const u = t.kind === 'pointer' ? t.elem : t;
        if (u.kind !== 'named' || u.decl.pkgPath !== 'os/exec' || u.decl.name !== 'Cmd') return;
        const key = placeOf(program, lhs.x)?.key;
        if (!key) return;
        out.set(key, [...(out.get(key) ?? []), { value: n.rhs[i]!, method: lhs.sel.name === 'Stdin' ? 'Read' : 'Write', fn }]);
      });
      return undefined;
    });
  }
  execStreamCache.set(program, out);
  return out;
}
