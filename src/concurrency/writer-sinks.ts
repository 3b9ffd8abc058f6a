/**
 * Writers kept by loggers and encoders: `log.New(out, ...)`, `log.SetOutput(w)`,
 * `bufio.NewWriter(w)`, `io.MultiWriter(a, b)`, `json.NewEncoder(w)`,
 * `slog.New(slog.NewTextHandler(w, nil))`. Whenever the logger writes (its Print*, Write,
 * Encode, Info... methods), it writes into those writers: an in-memory one (a test's
 * bytes.Buffer) is written then, whatever mutex the logger holds of its own.
 */
import type * as ast from '../syntax/ast.js';
import { walk } from '../syntax/walk.js';
import { calleeOf, isFuncCall, isMethodCall, type Callee } from '../model/calls.js';
import { unparen } from '../model/checker.js';
import type { FuncInfo } from '../model/objects.js';
import type { Program } from '../model/program.js';
import { underlying } from '../model/typeops.js';
import { declKey, placeOf } from './places.js';

export interface KeptWriter {
  /** The writer expression, in fn. */
  expr: ast.Expr;
  fn: FuncInfo;
}

/** A log.Logger method that writes a message into the logger's writer (Print, Printf,
 * Println, Fatal*, Panic*, Output). */
export function isLoggerPrint(c: Callee | null): boolean {
  return c?.kind === 'method' && isMethodCall(c, 'log', 'Logger', c.sel.method.name) && LOGGER_PRINTS.test(c.sel.method.name);
}

const LOGGER_PRINTS = /^(Print|Fatal|Panic)(f|ln)?$|^Output$/;

/** Writers kept, by the key of the place holding the logger (`field:pkg.T.log`, `var:12`,
 * `std-log` for the standard logger). */
export function keptWriters(program: Program): Map<string, KeptWriter[]> {
  const out = new Map<string, KeptWriter[]>();
  const add = (key: string | null | undefined, ws: ast.Expr[], fn: FuncInfo): void => {
    if (!key || !ws.length) return;
    out.set(key, [...(out.get(key) ?? []), ...ws.map((expr) => ({ expr, fn }))]);
  };
  for (const fn of program.funcs) {
    if (!fn.body) continue;
    walk(fn.body, (n) => {
      if (n.kind === 'FuncLit' && n !== fn.node) return false;
      if (n.kind === 'AssignStmt' && n.lhs.length === n.rhs.length) {
        n.lhs.forEach((l, i) => {
          const ws = wrapped(program, n.rhs[i]!);
          if (ws.length) add(placeOf(program, l)?.key ?? identKey(program, l), ws, fn);
        });
      } else if (n.kind === 'ValueSpec' && n.names.length === n.values.length) {
        n.names.forEach((id, i) => {
          const ws = wrapped(program, n.values[i]!);
          if (ws.length) add(identKey(program, id), ws, fn);
        });
      } else if (n.kind === 'CompositeLit') {
        const t = program.typeOf(n);
        const named = t.kind === 'pointer' ? t.elem : t;
        if (named.kind !== 'named' || underlying(named).kind !== 'struct') return undefined;
        for (const el of n.elts) {
          if (el.kind !== 'KeyValueExpr' || el.key.kind !== 'Ident') continue;
          const ws = wrapped(program, el.value);
          if (ws.length) add(`field:${declKey(named.decl, '?')}.${el.key.name}`, ws, fn);
        }
      } else if (n.kind === 'CallExpr') {
        const c = calleeOf(program, n);
        if (isFuncCall(c, 'log', 'SetOutput') && n.args[0]) add('std-log', writersOf(program, n.args[0], 0), fn);
        const f = unparen(n.fun);
        if (isMethodCall(c, 'log', 'Logger', 'SetOutput') && n.args[0] && f.kind === 'SelectorExpr') add(placeOf(program, f.x)?.key, writersOf(program, n.args[0], 0), fn);
      }
      return undefined;
    });
  }
  return out;
}

function identKey(program: Program, e: ast.Expr): string | null {
  if (e.kind !== 'Ident') return null;
  const o = program.info.defs.get(e) ?? program.objectOf(e);
  return o?.kind === 'var' ? (o.scope === 'pkg' ? `pkgvar:${o.pkgPath}.${o.name}` : `var:${o.id}`) : null;
}

/** The writers a logger or encoder made by e keeps; none when e makes none. */
function wrapped(program: Program, e: ast.Expr): ast.Expr[] {
  const x = unparen(e);
  if (x.kind !== 'CallExpr') return [];
  const c = calleeOf(program, x);
  if (isFuncCall(c, 'log', 'New') || isFuncCall(c, 'bufio', ['NewWriter', 'NewWriterSize']) || isFuncCall(c, 'encoding/json', 'NewEncoder') ||
    isFuncCall(c, 'log/slog', ['NewTextHandler', 'NewJSONHandler'])) return x.args[0] ? writersOf(program, x.args[0], 0) : [];
  if (isFuncCall(c, 'log/slog', 'New') && x.args[0]) return wrapped(program, x.args[0]);
  return [];
}

function writersOf(program: Program, e: ast.Expr, depth: number): ast.Expr[] {
  const x = unparen(e);
  if (depth > 3) return [];
  if (x.kind === 'CallExpr') {
    const c = calleeOf(program, x);
    if (isFuncCall(c, 'io', 'MultiWriter')) return x.args.flatMap((a) => writersOf(program, a, depth + 1));
    return wrapped(program, x);
  }
  return [x];
}
