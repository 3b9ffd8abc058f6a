/**
 * Library calls that run a function on another goroutine (or on many), as opposed to
 * calling it. Each names which argument is the function and whether the function runs
 * concurrently with itself.
 */
import { isFuncCall, isMethodCall, type Callee } from '../model/calls.js';
import type { Program } from '../model/program.js';

export type EntryKind = 'go' | 'errgroup' | 'waitgroup-go' | 'afterfunc' | 'http-handler' | 'rpc' | 'concurrent-iface' | 'parallel-test' | 'run-parallel';

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
  if (isMethodCall(c, 'testing', 'B', 'RunParallel')) return { kind: 'run-parallel', arg: 0, multi: true, what: 'testing.B.RunParallel' };
  return null;
}
