/**
 * Goroutine entry points (field guide §3 "Where concurrency comes from") and the
 * contexts they define: each context is a set of root functions that run on one
 * goroutine (or, when `multi`, on many at once).
 */
import type * as ast from '../syntax/ast.js';
import { kindSet, walkBodyKinds } from '../syntax/walk.js';
import { calleeOf, isFuncCall, isMethodCall, staticTarget } from '../model/calls.js';
import { singleDefinition } from '../model/definitions.js';
import { unparen } from '../model/checker.js';
import type { FuncInfo, PackageInfo } from '../model/objects.js';
import type { Program } from '../model/program.js';
import { underlying } from '../model/typeops.js';
import { qualifiedName, typeString, type Type } from '../model/types.js';
import type { CallGraph } from './callgraph.js';
import { spanContains } from './spans.js';
import { callsTParallel, execStreams, spawnKindOf, type EntryKind } from './spawners.js';
import { exprText, placeOf } from './places.js';

export type ContextKind = EntryKind | 'main' | 'init' | 'test' | 'api';

export interface GoroutineContext {
  id: number;
  kind: ContextKind;
  roots: FuncInfo[];
  /** Runs concurrently with itself. */
  multi: boolean;
  /** Runs many at once because its starter is called in a loop: each copy has the
   * variables of its own call of the starter. */
  copiesByCalls?: boolean;
  /** Starts copies of itself (`func walk(n) { ...; go walk(child) }`): each copy runs
   * alongside the copy that started it (and, when started in a loop, its siblings). */
  recursive?: boolean;
  /** Runs on goroutines of its own, concurrently with the code that started it. */
  spawned: boolean;
  /** The function containing the `go` statement or spawning call, if any. */
  spawner: FuncInfo | null;
  /** The `go` statement or spawning call. */
  spawnNode: ast.GoStmt | ast.CallExpr | null;
  file: string;
  span: ast.Span;
  /** One line for traces: how this goroutine comes to run. */
  describe: string;
  pkg: PackageInfo;
  /** A parallel subtest: the functions that lead to its `t.Run` (its parent test, or
   * subtest, among them). Their contexts run before it: a parallel subtest waits until
   * its parent's function has returned, and t.Run of a subtest group returns after it. */
  subtestOf?: ReadonlySet<FuncInfo>;
  /** A finalizer (or cleanup): it runs once its object is unreachable, so nothing else
   * still uses that object. */
  finalizer?: boolean;
  /** Joined only by the group waits with this key (`exec:<command's key>` for the copying
   * goroutines of a started os/exec command, which its Wait joins). */
  joinKey?: string;
  /** Expressions, outside the spawning statement, whose values the goroutine is handed (the
   * writer put in `cmd.Stdout` for os/exec's copying goroutine). */
  handed?: ast.Expr[];
}

/** The nodes collectContexts looks at. */
const CONTEXT_KINDS = kindSet('ForStmt', 'RangeStmt', 'GoStmt', 'CompositeLit', 'AssignStmt', 'CallExpr');

export function collectContexts(program: Program, cg: CallGraph): GoroutineContext[] {
  const out: GoroutineContext[] = [];
  const add = (c: Omit<GoroutineContext, 'id'>): void => {
    if (c.roots.length) out.push({ ...c, id: out.length });
  };
  const handlerRoots = new Set<FuncInfo>();

  for (const fn of program.funcs) {
    if (!fn.body) continue;
    const loops: ast.Span[] = [];
    const ranges: ast.RangeStmt[] = [];
    // Loops are met before what they contain, so those seen so far include every loop around n.
    const inLoop = (n: ast.Node): boolean => loops.some((l) => spanContains(l, n.span));
    walkBodyKinds(fn.body, CONTEXT_KINDS, (n) => {
      if (n.kind === 'ForStmt' || n.kind === 'RangeStmt') loops.push(n.body.span);
      if (n.kind === 'RangeStmt') ranges.push(n);
      if (n.kind === 'GoStmt') {
        const c = calleeOf(program, n.call);
        const roots = cg.targetsOf(c, fn.pkg);
        const looped = inLoop(n);
        // `for _, f := range []func(){s.flush, s.compact} { go f() }`: one goroutine per element.
        const each = looped ? elementRoots(program, cg, n, loops, ranges) : null;
        if (each) {
          for (const r of each) {
            add({
              kind: 'go', roots: [r], multi: false, spawned: true, spawner: fn, spawnNode: n, file: fn.file.ast.path, span: n.span, pkg: fn.pkg,
              describe: `goroutine started by \`go ${callText(n.call)}\` for the element ${r.name} in ${fn.name} at ${fn.file.ast.path}:${n.span[0]}`,
            });
          }
          return;
        }
        add({
          kind: 'go', roots, multi: looped, spawned: true, spawner: fn, spawnNode: n, file: fn.file.ast.path, span: n.span, pkg: fn.pkg,
          describe: `goroutine started by \`go ${callText(n.call)}\` in ${fn.name} at ${fn.file.ast.path}:${n.span[0]}${looped ? ' (inside a loop: one goroutine per iteration)' : ''}`,
        });
        return;
      }
      if (n.kind === 'CompositeLit' || n.kind === 'AssignStmt') {
        for (const [field, value, at] of libCallbackStores(program, n)) {
          const roots = cg.funcValues(value);
          add({
            kind: 'lib-callback', roots, multi: field.multi, spawned: true, spawner: fn, spawnNode: null, file: fn.file.ast.path, span: at.span, pkg: fn.pkg,
            describe: `callback ${field.type}.${field.name} set in ${fn.name} at ${fn.file.ast.path}:${at.span[0]} (${field.how})`,
          });
        }
      }
      if (n.kind === 'CallExpr') {
        const callee = calleeOf(program, n);
        const service = rpcServiceArg(callee, n);
        if (service) {
          // net/rpc serves every request on its own goroutine: each exported method of the
          // registered receiver with an RPC signature is an entry point.
          const t = program.typeOf(unparen(service));
          const named = t.kind === 'pointer' ? t.elem : t;
          if (named.kind === 'named') {
            for (const m of program.methodsOf(named.decl).values()) {
              if (!m.info || !/^[A-Z]/.test(m.name) || m.sig.params.length !== 2 || m.sig.results.length !== 1) continue;
              add({ kind: 'rpc', roots: [m.info], multi: true, spawned: true, spawner: null, spawnNode: null, file: fn.file.ast.path, span: n.span, pkg: fn.pkg,
                describe: `net/rpc method ${m.info.name} of the service registered in ${fn.name} at ${fn.file.ast.path}:${n.span[0]} (one goroutine per request)` });
            }
          }
          return;
        }
        const subtests = cg.parallelSubtests(n, callee);
        if (subtests.length) {
          // Parallel subtests: concurrent with each other (and each with itself when t.Run
          // is in a loop), not with the functions that lead to their t.Run.
          const looped = inLoop(n);
          const subtestOf = callersClosure(cg, fn);
          add({
            kind: 'parallel-test', roots: subtests, multi: looped, spawned: true, spawner: fn, spawnNode: n, file: fn.file.ast.path, span: n.span, pkg: fn.pkg, subtestOf,
            describe: `parallel subtest run by t.Run in ${fn.name} at ${fn.file.ast.path}:${n.span[0]} (calls t.Parallel: runs alongside its sibling subtests${looped ? ', one per iteration' : ''})`,
          });
          return;
        }
        const target = staticTarget(callee);
        const async = target ? cg.asyncParams(target) : null;
        if (target && async && async.size) {
          const looped = inLoop(n);
          for (const [i, multi] of async) {
            const arg = n.args[i];
            if (!arg) continue;
            add({
              kind: 'helper-go', roots: cg.funcValues(arg), multi: multi || looped, spawned: true, spawner: fn, spawnNode: n, file: fn.file.ast.path, span: n.span, pkg: fn.pkg,
              describe: `function run on a goroutine of its own by ${target.name}, called in ${fn.name} at ${fn.file.ast.path}:${n.span[0]}${multi || looped ? ' (many at once)' : ''}`,
            });
          }
          return;
        }
        // A helper that runs the callback on goroutines and waits for them before it
        // returns: copies of the callback run alongside each other, joined by the call.
        const joined = target ? cg.joinedParams(target) : null;
        if (target && joined && joined.size) {
          for (const [i, multi] of joined) {
            const arg = n.args[i];
            if (!arg) continue;
            add({
              kind: 'helper-go', roots: cg.funcValues(arg), multi, spawned: true, spawner: fn, spawnNode: n, file: fn.file.ast.path, span: n.span, pkg: fn.pkg, joinKey: callJoinKey(fn, n),
              describe: `function run on goroutines by ${target.name}, called in ${fn.name} at ${fn.file.ast.path}:${n.span[0]}${multi ? ' (many at once)' : ''}, which waits for them before it returns`,
            });
          }
          return;
        }
        // cmd.Start(): os/exec copies the child's output into the command's writers (its
        // input out of its reader) on goroutines of its own until cmd.Wait returns. cmd.Run
        // does the same and waits before it returns: its copiers still run alongside each
        // other (stdout's and stderr's, when both are writers of the module).
        const fx = unparen(n.fun);
        if (isMethodCall(callee, 'os/exec', 'Cmd', ['Start', 'Run']) && fx.kind === 'SelectorExpr') {
          const key = placeOf(program, fx.x)?.key;
          // Stdout and Stderr set to the same writer: os/exec lets one goroutine at a
          // time call its Write (one copier of the two).
          const seen = new Set<string>();
          for (const s of key ? execStreams(program).get(key) ?? [] : []) {
            const v = unparen(s.value);
            const text = v.kind === 'Ident' || (v.kind === 'UnaryExpr' && v.op === '&' && unparen(v.x).kind === 'Ident') ? exprText(v) : `@${v.span.join(':')}`;
            if (s.method === 'Write' && seen.has(text)) continue;
            if (s.method === 'Write') seen.add(text);
            const t = program.typeOf(unparen(s.value));
            const u = t.kind === 'pointer' ? t.elem : t;
            if (u.kind !== 'named' || (u.decl.pkgPath === 'os' && u.decl.name === 'File')) continue;
            const sel = program.lookup(t, s.method);
            if (sel?.kind !== 'method' || !sel.method.info) continue;
            add({
              kind: 'lib-callback', roots: [sel.method.info], multi: false, spawned: true, spawner: fn, spawnNode: n, file: fn.file.ast.path, span: n.span, pkg: fn.pkg, joinKey: `exec:${key}`, handed: [s.value],
              describe: `${sel.method.info.name}, called by os/exec's copying goroutine once ${exprText(fx.x)}.Start() runs in ${fn.name} at ${fn.file.ast.path}:${n.span[0]} (until its Wait returns)`,
            });
          }
          return;
        }
        const spawn = spawnKindOf(program, callee);
        if (!spawn) return;
        const arg = n.args[spawn.arg];
        if (!arg) return;
        const roots = spawn.handlerValue ? serveHTTPOf(program, cg, arg) : cg.funcValues(arg);
        const looped = inLoop(n);
        if (spawn.kind === 'http-handler') for (const r of roots) handlerRoots.add(r);
        add({
          kind: spawn.kind, roots, multi: spawn.multi || looped, spawned: true, spawner: fn, spawnNode: n, file: fn.file.ast.path, span: n.span, pkg: fn.pkg,
          ...(spawn.what === 'runtime.SetFinalizer' ? { finalizer: true } : {}),
          describe: spawn.kind === 'http-handler'
            ? `HTTP handler registered with ${spawn.what} in ${fn.name} at ${fn.file.ast.path}:${n.span[0]} (net/http runs one goroutine per request)`
            : `function run by ${spawn.what} in ${fn.name} at ${fn.file.ast.path}:${n.span[0]}${spawn.multi || looped ? ' (many at once)' : ''}`,
        });
      }
    });
  }

  // Function literals with a handler's signature (wrapped in http.HandlerFunc, returned
  // as an http.Handler) serve requests too.
  for (const fn of program.funcs) {
    if (fn.node.kind !== 'FuncLit' || !fn.body || handlerRoots.has(fn) || !isHandlerSignature(fn)) continue;
    add({ kind: 'http-handler', roots: [fn], multi: true, spawned: true, spawner: null, spawnNode: null, file: fn.file.ast.path, span: fn.node.span, pkg: fn.pkg,
      describe: `HTTP handler function literal in ${fn.parent?.name ?? 'package scope'} at ${fn.file.ast.path}:${fn.node.span[0]} (net/http runs one goroutine per request)` });
  }

  for (const fn of program.funcs) {
    if (fn.node.kind !== 'FuncDecl' || !fn.body) continue;
    const name = fn.node.name.name;
    const where = `${fn.file.ast.path}:${fn.node.span[0]}`;
    if (isHandlerSignature(fn) && !handlerRoots.has(fn)) {
      add({ kind: 'http-handler', roots: [fn], multi: true, spawned: true, spawner: null, spawnNode: null, file: fn.file.ast.path, span: fn.node.span, pkg: fn.pkg,
        describe: `${fn.name} at ${where} has the signature of an HTTP handler (net/http runs one goroutine per request)` });
    } else if (fn.recvDecl && isRPCService(program, fn) && /^[A-Z]/.test(name)) {
      add({ kind: 'rpc', roots: [fn], multi: true, spawned: true, spawner: null, spawnNode: null, file: fn.file.ast.path, span: fn.node.span, pkg: fn.pkg,
        describe: `${fn.name} at ${where} implements a gRPC service (one goroutine per RPC)` });
    } else if (fn.recvDecl && isConcurrentInterfaceMethod(program, fn)) {
      add({ kind: 'concurrent-iface', roots: [fn], multi: true, spawned: true, spawner: null, spawnNode: null, file: fn.file.ast.path, span: fn.node.span, pkg: fn.pkg,
        describe: `${fn.name} at ${where} implements an interface whose contract is concurrent use` });
    } else if (!fn.recv && (name === 'main' && fn.pkg.name === 'main' || name === 'init')) {
      add({ kind: name === 'init' ? 'init' : 'main', roots: [fn], multi: false, spawned: false, spawner: null, spawnNode: null, file: fn.file.ast.path, span: fn.node.span, pkg: fn.pkg,
        describe: `${name} at ${where} (main goroutine)` });
    } else if (!fn.recv && /^(Test|Benchmark|Fuzz)([A-Z_]|$)/.test(name) && fn.file.ast.path.endsWith('_test.go')) {
      const parallel = callsTParallel(program, fn);
      add({ kind: parallel ? 'parallel-test' : 'test', roots: [fn], multi: false, spawned: parallel, spawner: null, spawnNode: null, file: fn.file.ast.path, span: fn.node.span, pkg: fn.pkg,
        describe: `test ${name} at ${where}${parallel ? ' (calls t.Parallel: runs alongside other parallel tests)' : ''}` });
    }
  }

  // The exported API of a package whose own goroutines run: the caller keeps running
  // concurrently with them.
  // Goroutines started by tests are the tests' own business, not the package's.
  const spawningPkgs = new Set(out.filter((c) => c.spawned && c.spawner && !c.file.endsWith('_test.go')).map((c) => c.pkg));
  for (const pkg of program.packages) {
    if (!spawningPkgs.has(pkg) || pkg.name === 'main' || pkg.importPath.endsWith('_test')) continue;
    // Tests and their helpers are not API: the test binary runs them itself.
    const roots = pkg.funcs.filter((f) => f.node.kind === 'FuncDecl' && f.body && isExportedAPI(f) && !f.file.ast.path.endsWith('_test.go'));
    add({ kind: 'api', roots, multi: false, spawned: false, spawner: null, spawnNode: null, file: roots[0]?.file.ast.path ?? '', span: roots[0]?.node.span ?? [0, 0, 0, 0], pkg,
      describe: `exported API of package ${pkg.importPath}, which starts goroutines of its own` });
  }
  return out;
}

/** Two contexts can run at the same time. */
export function mayRunConcurrently(a: GoroutineContext, b: GoroutineContext): boolean {
  // init functions finish before main and every goroutine starts.
  if (a.kind === 'init' || b.kind === 'init') return false;
  // The exported API runs next to the package's own goroutines, not other packages'.
  if ((a.kind === 'api' && b.pkg !== a.pkg) || (b.kind === 'api' && a.pkg !== b.pkg)) return false;
  if (a === b) return a.multi;
  // A parallel subtest runs after the test (or subtest) that started it has finished its body.
  if (a.subtestOf && b.roots.some((r) => a.subtestOf!.has(r))) return false;
  if (b.subtestOf && a.roots.some((r) => b.subtestOf!.has(r))) return false;
  return a.spawned || b.spawned;
}

/** fn and the functions that lead to it (bounded): the parents of a subtest started in fn. */
function callersClosure(cg: CallGraph, fn: FuncInfo): Set<FuncInfo> {
  const out = new Set<FuncInfo>([fn]);
  const queue = [fn];
  while (queue.length && out.size < 200) {
    const f = queue.pop()!;
    // A literal is run by its parent (a subtest group's literal by the test).
    if (f.parent && !out.has(f.parent)) { out.add(f.parent); queue.push(f.parent); }
    for (const e of cg.callers(f)) if (!out.has(e.caller)) { out.add(e.caller); queue.push(e.caller); }
  }
  return out;
}

/**
 * `for _, f := range xs { go f() }` over a literal list of distinct functions
 * (`[]func(){s.flush, s.compact}`, directly or through a variable assigned once): each
 * element runs once, on a goroutine of its own. null when the shape is any other.
 */
function elementRoots(program: Program, cg: CallGraph, g: ast.GoStmt, loops: ast.Span[], ranges: ast.RangeStmt[]): FuncInfo[] | null {
  const fun = unparen(g.call.fun);
  if (fun.kind !== 'Ident') return null;
  const v = program.objectOf(fun);
  if (v?.kind !== 'var') return null;
  const around = loops.filter((l) => spanContains(l, g.span));
  if (around.length !== 1) return null;
  const r = ranges.find((x) => x.body.span === around[0]);
  if (!r || r.tok !== ':=' || !r.value || r.value.kind !== 'Ident' || program.objectOf(r.value) !== v) return null;
  let x = unparen(r.x);
  if (x.kind === 'Ident') {
    const o = program.objectOf(x);
    const def = o?.kind === 'var' && o.scope === 'local' ? singleDefinition(program, o) : null;
    if (!def) return null;
    x = unparen(def);
  }
  if (x.kind !== 'CompositeLit') return null;
  const out: FuncInfo[] = [];
  for (const el of x.elts) {
    const fs = cg.funcValues(el.kind === 'KeyValueExpr' ? el.value : el);
    if (fs.length !== 1 || out.includes(fs[0]!)) return null;
    out.push(fs[0]!);
  }
  return out.length ? out : null;
}

/**
 * Callback fields of standard-library types that the library calls on goroutines of
 * its own (field guide §3): a function stored in one runs concurrently with the code
 * that set it up and, when `multi`, with itself (one goroutine per connection, request
 * or dial). Fields the library calls on its caller's goroutine (Client.CheckRedirect,
 * Transport.Proxy, Dialer.Control, ListenConfig.Control, client-side tls.Config hooks
 * such as GetClientCertificate / VerifyPeerCertificate / VerifyConnection when used by
 * tls.Dial) are left out: `n := 0; c := &http.Client{CheckRedirect: func(...) error { n++ ...}}; c.Get(u)`
 * is sequential, and a test doing that is common. The tls.Config server hooks are left out
 * too: a handshake runs on the goroutine that drives the connection, and tests read what
 * the hook recorded after the handshake they waited for.
 * A store that copies the field from another value (`DialContext: t.DialContext` in a
 * Clone) sets up no new callback.
 */
interface LibCallbackField { type: string; name: string; multi: boolean; how: string }
const LIB_CALLBACK_FIELDS: ReadonlyMap<string, readonly LibCallbackField[]> = (() => {
  const m = new Map<string, LibCallbackField[]>();
  const add = (type: string, names: string[], multi: boolean, how: string): void => {
    const list = m.get(type) ?? [];
    for (const name of names) list.push({ type, name, multi, how });
    m.set(type, list);
  };
  add('net/http.Server', ['ConnState'], true, 'net/http calls it from each connection\'s goroutine');
  add('net/http.Server', ['ConnContext'], false, 'net/http calls it from the Serve loop, for each new connection');
  add('net/http.Transport', ['DialContext', 'DialTLSContext', 'Dial', 'DialTLS'], true, 'the transport dials on goroutines of its own, one per new connection');
  add('net/http/httputil.ReverseProxy', ['Director', 'Rewrite', 'ModifyResponse', 'ErrorHandler'], true, 'the proxy calls it from each request\'s goroutine');
  return m;
})();

/** `t.DialContext`: the value of another object's field, copied rather than set up here. */
function copiesField(program: Program, e: ast.Expr): boolean {
  const x = unparen(e);
  return x.kind === 'SelectorExpr' && program.selectionOf(x)?.kind === 'field';
}

/** The callback fields set by a composite literal (`&http.Transport{DialContext: f}`) or an
 * assignment (`srv.ConnState = f`): the field, the stored value and the node storing it. */
function libCallbackStores(program: Program, n: ast.CompositeLit | ast.AssignStmt): [LibCallbackField, ast.Expr, ast.Node][] {
  const out: [LibCallbackField, ast.Expr, ast.Node][] = [];
  const fieldsOf = (e: ast.Expr): readonly LibCallbackField[] | undefined => {
    const q = typeNameOf(program, e, 0);
    return q ? LIB_CALLBACK_FIELDS.get(q) : undefined;
  };
  if (n.kind === 'CompositeLit') {
    const fields = fieldsOf(n);
    if (!fields) return out;
    for (const el of n.elts) {
      if (el.kind !== 'KeyValueExpr' || el.key.kind !== 'Ident') continue;
      const key = el.key.name;
      const f = fields.find((x) => x.name === key);
      if (f && !copiesField(program, el.value)) out.push([f, el.value, el]);
    }
    return out;
  }
  if (n.lhs.length !== n.rhs.length) return out;
  n.lhs.forEach((l, i) => {
    const lhs = unparen(l);
    if (lhs.kind !== 'SelectorExpr') return;
    const fields = fieldsOf(lhs.x);
    const f = fields?.find((x) => x.name === lhs.sel.name);
    if (f && !copiesField(program, n.rhs[i]!)) out.push([f, n.rhs[i]!, n]);
  });
  return out;
}

/** The qualified name of the (pointed-to) named type of e. The standard-library models
 * leave many types out (http.Transport, tls.Config...): their composite literals, and
 * variables defined once by one, are named by their type expression. */
function typeNameOf(program: Program, e: ast.Expr, depth: number): string | null {
  const x = unparen(e);
  const t = program.typeOf(x);
  const u = t.kind === 'pointer' ? t.elem : t;
  const q = qualifiedName(u);
  if (q || u.kind !== 'unknown' || depth > 2) return q;
  if (x.kind === 'UnaryExpr' && x.op === '&') return typeNameOf(program, x.x, depth + 1);
  if (x.kind === 'CompositeLit' && x.type) {
    const ty = unparen(x.type);
    if (ty.kind !== 'SelectorExpr' || ty.x.kind !== 'Ident') return null;
    const o = program.objectOf(ty.x);
    return o?.kind === 'pkgname' ? `${o.path}.${ty.sel.name}` : null;
  }
  if (x.kind === 'Ident') {
    const o = program.objectOf(x);
    const def = o?.kind === 'var' ? singleDefinition(program, o) : null;
    return def ? typeNameOf(program, def, depth + 1) : null;
  }
  return null;
}

/** The receiver argument of rpc.Register / RegisterName (function or Server method). */
function rpcServiceArg(c: ReturnType<typeof calleeOf>, call: ast.CallExpr): ast.Expr | null {
  const register = isFuncCall(c, 'net/rpc', ['Register', 'RegisterName']) || isMethodCall(c, 'net/rpc', 'Server', ['Register', 'RegisterName']);
  if (!register) return null;
  const name = c!.kind === 'func' ? c!.obj.name : c!.kind === 'method' ? c!.sel.method.name : '';
  return call.args[name === 'RegisterName' ? 1 : 0] ?? null;
}

function isExportedAPI(f: FuncInfo): boolean {
  const d = f.node as ast.FuncDecl;
  if (!/^[A-Z]/.test(d.name.name)) return false;
  return !f.recvDecl || /^[A-Z]/.test(f.recvDecl.name);
}

function isHandlerSignature(fn: FuncInfo): boolean {
  const p = fn.sig.params;
  return p.length === 2 && fn.sig.results.length === 0 &&
    qualifiedName(p[0]!) === 'net/http.ResponseWriter' &&
    p[1]!.kind === 'pointer' && qualifiedName(p[1]!.elem) === 'net/http.Request';
}

function isRPCService(program: Program, fn: FuncInfo): boolean {
  const u = underlying({ kind: 'named', decl: fn.recvDecl!, args: [] });
  if (u.kind !== 'struct') return false;
  void program;
  return u.fields.some((f) => f.embedded && /^(Unimplemented|Unsafe)\w*Server$/.test(f.name));
}

function isConcurrentInterfaceMethod(program: Program, fn: FuncInfo): boolean {
  const d = fn.node as ast.FuncDecl;
  const name = d.name.name;
  if (name === 'RoundTrip') {
    const p = fn.sig.params[0];
    return fn.sig.params.length === 1 && !!p && p.kind === 'pointer' && qualifiedName(p.elem) === 'net/http.Request';
  }
  if (name === 'Get' || name === 'Put') {
    // tls.ClientSessionCache: Get(string) (*ClientSessionState, bool) / Put(string, *ClientSessionState).
    // Matched by type name, not by package: forks of crypto/tls (QUIC stacks vendor one)
    // declare their own ClientSessionState with the same contract.
    const other = program.methodsOf(fn.recvDecl!).get(name === 'Get' ? 'Put' : 'Get');
    const mentions = (ts: Type[]) => ts.some((t) => typeString(t).includes('ClientSessionState'));
    return !!other && (mentions(fn.sig.params) || mentions(fn.sig.results));
  }
  return false;
}

/** The ServeHTTP methods an http.Handler argument may run. */
function serveHTTPOf(program: Program, cg: CallGraph, arg: ast.Expr): FuncInfo[] {
  const fns = cg.funcValues(arg);
  if (fns.length) return fns;
  const t = program.typeOf(unparen(arg));
  if (t.kind === 'unknown') return [];
  const sel = program.lookup(t, 'ServeHTTP');
  if (sel?.kind === 'method' && sel.method.info) return [sel.method.info];
  return [];
}


function callText(call: ast.CallExpr): string {
  const f = unparen(call.fun);
  const name = f.kind === 'FuncLit' ? 'func(){...}' : f.kind === 'Ident' ? f.name : f.kind === 'SelectorExpr' ? `${f.x.kind === 'Ident' ? f.x.name + '.' : ''}${f.sel.name}` : '...';
  return `${name}(${call.args.length ? '...' : ''})`;
}

/** The join key of the goroutines a joining helper call starts (see CallGraph.joinedParams):
 * the call itself is their Wait. */
export function callJoinKey(fn: FuncInfo, call: ast.CallExpr): string {
  return `call:${fn.file.ast.path}:${call.span.join(':')}`;
}
