/**
 * A reused buffer handed off while still in use (field guide §5): a loop reads into one
 * buffer made before it (`n, err := r.Read(buf)`), sends a slice of it to another goroutine
 * (`ch <- buf[:n]`, `go handle(buf[:n])`), and on the next iteration writes the same
 * backing array again (the next Read, a copy into it, an element store, an append into a
 * reslice) while the receiver still reads what it was given. The writes into the buffer
 * race with the receiver's reads of the received slice. Silent when the loop sends a copy
 * (`append([]byte(nil), buf[:n]...)`), makes a fresh buffer per iteration, or waits for the
 * receiver (a receive or a Wait in the loop) before reusing it.
 */
import type * as ast from '../../syntax/ast.js';
import { kindSet, walk, walkBodyKinds } from '../../syntax/walk.js';
import { calleeOf } from '../../model/calls.js';
import { unparen } from '../../model/checker.js';
import type { FuncInfo, VarObj } from '../../model/objects.js';
import type { Program } from '../../model/program.js';
import { underlying } from '../../model/typeops.js';
import type { ConcurrencyFacts } from '../../concurrency/facts.js';
import { spanContains } from '../../concurrency/spans.js';
import { placeOf } from '../../concurrency/places.js';
import type { RuleContext } from '../rule.js';
import { relatedAt } from '../rule.js';

interface Site { fn: FuncInfo; span: ast.Span; text: string }

/** Methods and functions that fill the slice they are given (not the pointer-filling
 * decoders of FILLING_FUNCS in accesses.ts). */
const SLICE_FILLING_METHODS = new Set(['Read', 'ReadAt', 'ReadFull']);
const SLICE_FILLING_FUNCS = new Set(['io.ReadFull', 'io.ReadAtLeast']);
const LOOPS = kindSet('ForStmt', 'RangeStmt');

export function checkBufferReuse(ctx: RuleContext, facts: ConcurrencyFacts): void {
  const program = ctx.program;
  const w = new Walker(program, facts);
  for (const fn of program.funcs) {
    if (!fn.body) continue;
    walkBodyKinds(fn.body, LOOPS, (n) => {
      if (n.kind === 'ForStmt' || n.kind === 'RangeStmt') w.loop(ctx, fn, n);
      return undefined;
    });
  }
}

class Walker {
  private readonly targets = new Map<FuncInfo, Map<ast.CallExpr, FuncInfo[]>>();
  private readonly reported = new Set<string>();
  constructor(private readonly program: Program, private readonly facts: ConcurrencyFacts) {}

  private targetsAt(fn: FuncInfo, call: ast.CallExpr): FuncInfo[] {
    let m = this.targets.get(fn);
    if (!m) {
      m = new Map();
      for (const e of this.facts.callgraph.callees(fn)) m.set(e.call, e.targets);
      this.targets.set(fn, m);
    }
    return m.get(call) ?? [];
  }

  /** The local slice variable e is or reslices (`buf`, `buf[:n]`, `buf[i:j]`). */
  private bufferOf(e: ast.Expr): VarObj | null {
    let x = unparen(e);
    while (x.kind === 'SliceExpr') x = unparen(x.x);
    if (x.kind !== 'Ident') return null;
    const o = this.program.objectOf(x);
    if (o?.kind !== 'var' || o.scope !== 'local' || underlying(o.type).kind !== 'slice') return null;
    return o;
  }

  loop(ctx: RuleContext, fn: FuncInfo, l: ast.ForStmt | ast.RangeStmt): void {
    const body = l.body;
    // Hand-offs in this loop (not in a nested loop's own body: that loop is its own).
    const handoffs: Array<{ buf: VarObj; span: ast.Span; chan: ast.Expr | null; go: ast.CallExpr | null; arg: number }> = [];
    let waits = false;
    const walkLoop = (n: ast.Node, inSelectComm: boolean): void => {
      walk(n, (m) => {
        if (m.kind === 'FuncLit') return false;
        // A block that leaves the loop (`close(ch); <-done; return`): what it waits for
        // does not order the next iteration.
        if (m !== n && m.kind === 'BlockStmt' && leaves(m)) {
          const saved = waits;
          for (const s of m.list) walkLoop(s, false);
          waits = saved;
          return false;
        }
        if (m.kind === 'SendStmt') {
          const b = this.bufferOf(m.value);
          if (b) handoffs.push({ buf: b, span: m.span, chan: m.chan, go: null, arg: -1 });
        } else if (m.kind === 'GoStmt') {
          m.call.args.forEach((a, i) => {
            const b = this.bufferOf(a);
            if (b) handoffs.push({ buf: b, span: m.span, chan: null, go: m.call, arg: i });
          });
        } else if (m.kind === 'SelectStmt') {
          for (const c of m.clauses) {
            if (c.comm) walkLoop(c.comm, true);
            for (const s of c.body) walkLoop(s, false);
          }
          return false;
        } else if (m.kind === 'UnaryExpr' && m.op === '<-' && !inSelectComm) {
          waits = true;
        } else if (m.kind === 'CallExpr') {
          const f = unparen(m.fun);
          if (f.kind === 'SelectorExpr' && f.sel.name === 'Wait') waits = true;
        }
        return undefined;
      });
    };
    walkLoop(body, false);
    if (!handoffs.length || waits) return;
    for (const h of handoffs) {
      const buf = h.buf;
      // Made before the loop, and not made again inside it.
      if (!buf.span || spanContains(l.span, buf.span)) continue;
      const writes = this.reuseWrites(fn, body, buf);
      if (!writes.length || this.remade(body, buf)) continue;
      const reads = h.chan ? this.receiverReads(fn, h.chan) : this.goReads(fn, h.go!, h.arg);
      if (!reads.length) continue;
      for (const wr of writes) {
        const key = `${wr.fn.file.ast.path}:${wr.span[0]}:${wr.span[1]}`;
        if (this.reported.has(key)) continue;
        this.reported.add(key);
        const r = reads[0]!;
        ctx.report({
          file: wr.fn.file, span: wr.span, confidence: 'high',
          message: `data race: write to the buffer ${buf.name} (${wr.text}) on the next iteration, while the goroutine it was handed to at ${fn.file.ast.path}:${h.span[0]} still reads it at ${r.fn.file.ast.path}:${r.span[0]} (${r.text}); the race detector reports "WARNING: DATA RACE" and the receiver sees later data; send a copy (append([]byte(nil), ${buf.name}[:n]...)), make a fresh buffer per iteration, or wait for the receiver before reusing it`,
          related: [relatedAt(fn.file, h.span, 'handed off here'), relatedAt(r.fn.file, r.span, 'read by the receiver here')],
        });
      }
      for (const r of reads) {
        const key = `${r.fn.file.ast.path}:${r.span[0]}:${r.span[1]}`;
        if (this.reported.has(key)) continue;
        this.reported.add(key);
        const wr = writes[0]!;
        ctx.report({
          file: r.fn.file, span: r.span, confidence: 'high',
          message: `data race: read of a slice (${r.text}) received from a loop that reuses its buffer ${buf.name} (handed off at ${fn.file.ast.path}:${h.span[0]}); it races with the write at ${wr.fn.file.ast.path}:${wr.span[0]} (${wr.text}) on the sender's next iteration; the race detector reports "WARNING: DATA RACE"; send a copy, or make a fresh buffer per iteration`,
          related: [relatedAt(fn.file, h.span, 'handed off here'), relatedAt(wr.fn.file, wr.span, 'buffer written again here')],
        });
      }
    }
  }

  /** `buf = make(...)` (or any other plain assignment to buf) inside the loop: a fresh buffer. */
  private remade(body: ast.BlockStmt, buf: VarObj): boolean {
    let found = false;
    walk(body, (n) => {
      if (found || n.kind === 'FuncLit') return false;
      if (n.kind === 'AssignStmt') {
        n.lhs.forEach((x, i) => {
          const l = unparen(x);
          if (l.kind !== 'Ident' || this.program.objectOf(l) !== buf) return;
          const r = n.rhs.length === n.lhs.length ? unparen(n.rhs[i]!) : null;
          // `buf = append(buf[:0], ...)` and `buf = buf[:0]` reuse the array; anything else
          // is a new one.
          if (r?.kind === 'CallExpr' && r.fun.kind === 'Ident' && r.fun.name === 'append' && r.args[0] && this.bufferOf(r.args[0]) === buf) return;
          if (r?.kind === 'SliceExpr' && this.bufferOf(r) === buf) return;
          found = true;
        });
      }
      return undefined;
    });
    return found;
  }

  /** Writes into buf's backing array in the loop body: a Read into it (followed into the
   * implementations), a copy into it, an element store, an append into a reslice. */
  private reuseWrites(fn: FuncInfo, body: ast.BlockStmt, buf: VarObj): Site[] {
    const out: Site[] = [];
    // Cut back to the start of its array in the loop (`batch = batch[:0]`): a later
    // `append(batch, x)` writes over the elements already handed off.
    const cut = this.cutBack(body, buf);
    walk(body, (n) => {
      if (n.kind === 'FuncLit') return false;
      if (n.kind === 'AssignStmt') {
        for (const x of n.lhs) {
          const l = unparen(x);
          if (l.kind === 'IndexExpr' && this.bufferOf(l.x) === buf) out.push({ fn, span: n.span, text: textOf(l) });
        }
      } else if (n.kind === 'CallExpr') {
        const c = calleeOf(this.program, n);
        if (c?.kind === 'builtin') {
          if ((c.name === 'copy' || c.name === 'append') && n.args[0] && this.bufferOf(n.args[0]) === buf && (c.name === 'copy' || cut || unparen(n.args[0]).kind === 'SliceExpr')) out.push({ fn, span: n.span, text: `${c.name}(${textOf(n.args[0])}, ...)` });
          return undefined;
        }
        const i = n.args.findIndex((a) => this.bufferOf(a) === buf);
        if (i < 0) return undefined;
        const f = unparen(n.fun);
        const name = f.kind === 'SelectorExpr' ? f.sel.name : f.kind === 'Ident' ? f.name : '';
        const qual = f.kind === 'SelectorExpr' && f.x.kind === 'Ident' ? `${f.x.name}.${name}` : name;
        if (!SLICE_FILLING_METHODS.has(name) && !SLICE_FILLING_FUNCS.has(qual)) return undefined;
        // Into the implementations that write their parameter; the call itself otherwise.
        const inner: Site[] = [];
        if (c?.kind === 'method') for (const t of this.targetsAt(fn, n)) if (t.params[i]) inner.push(...this.paramWrites(t, t.params[i]!, 0));
        out.push(...(inner.length ? inner : [{ fn, span: n.span, text: textOf(n) }]));
      }
      return undefined;
    });
    return out;
  }

  /** `buf = buf[:k]` in the loop body (not in a literal). */
  private cutBack(body: ast.BlockStmt, buf: VarObj): boolean {
    let found = false;
    walk(body, (n) => {
      if (found || n.kind === 'FuncLit') return false;
      if (n.kind === 'AssignStmt' && n.lhs.length === n.rhs.length) {
        n.lhs.forEach((x, i) => {
          const l = unparen(x);
          const r = unparen(n.rhs[i]!);
          if (l.kind === 'Ident' && this.program.objectOf(l) === buf && r.kind === 'SliceExpr' && this.bufferOf(r) === buf) found = true;
        });
      }
      return undefined;
    });
    return found;
  }

  /** Writes into the slice parameter p of fn: copy into it, element stores, Reads into it. */
  private paramWrites(fn: FuncInfo, p: VarObj, depth: number): Site[] {
    const out: Site[] = [];
    if (!fn.body || depth > 2) return out;
    const isP = (e: ast.Expr): boolean => {
      let x = unparen(e);
      while (x.kind === 'SliceExpr') x = unparen(x.x);
      return x.kind === 'Ident' && this.program.objectOf(x) === p;
    };
    walk(fn.body, (n) => {
      if (n.kind === 'FuncLit') return false;
      if (n.kind === 'AssignStmt') {
        for (const x of n.lhs) {
          const l = unparen(x);
          if (l.kind === 'IndexExpr' && isP(l.x)) out.push({ fn, span: n.span, text: textOf(l) });
        }
      } else if (n.kind === 'CallExpr') {
        const c = calleeOf(this.program, n);
        if (c?.kind === 'builtin') {
          if (c.name === 'copy' && n.args[0] && isP(n.args[0])) out.push({ fn, span: n.span, text: `copy(${textOf(n.args[0])}, ...)` });
          return undefined;
        }
        const i = n.args.findIndex(isP);
        if (i < 0) return undefined;
        for (const t of this.targetsAt(fn, n)) if (t.params[i] && t !== fn) out.push(...this.paramWrites(t, t.params[i]!, depth + 1));
      }
      return undefined;
    });
    return out;
  }

  /** Reads of what is received from ch (a local channel) in the goroutines fn starts. */
  private receiverReads(fn: FuncInfo, chan: ast.Expr): Site[] {
    const c = unparen(chan);
    const ch = c.kind === 'Ident' ? this.program.objectOf(c) : null;
    if (c.kind === 'SelectorExpr') return this.fieldReceiverReads(c);
    if (ch?.kind !== 'var' || ch.scope !== 'local') return [];
    const out: Site[] = [];
    const isCh = (e: ast.Expr): boolean => { const x = unparen(e); return x.kind === 'Ident' && this.program.objectOf(x) === ch; };
    // Functions started by a go statement in fn that see ch: literals capturing it, or a
    // function given it as an argument.
    walk(fn.body!, (n) => {
      if (n.kind !== 'GoStmt') return undefined;
      const f = unparen(n.call.fun);
      if (f.kind === 'FuncLit') {
        const info = this.program.funcOfLit(f);
        if (info) out.push(...this.receivedReads(info, isCh));
      } else {
        const i = n.call.args.findIndex(isCh);
        if (i < 0) return false;
        for (const t of this.targetsAt(fn, n.call)) {
          const p = t.params[i];
          if (!p) continue;
          out.push(...this.receivedReads(t, (e) => { const x = unparen(e); return x.kind === 'Ident' && this.program.objectOf(x) === p; }));
        }
      }
      return false;
    });
    return out;
  }

  /**
   * Reads of what is received from a channel held in a field (`b.out <- batch`): in the
   * functions that receive from that field, and in those handed it as an argument at
   * every call (`go rw.Consume(b.out, done)` ranging over its parameter).
   */
  private fieldReceiverReads(chan: ast.SelectorExpr): Site[] {
    const key = placeOf(this.program, chan)?.key;
    if (!key || !key.startsWith('field:')) return [];
    const isField = (e: ast.Expr): boolean => { const x = unparen(e); return x.kind === 'SelectorExpr' && placeOf(this.program, x)?.key === key; };
    const out: Site[] = [];
    const seen = new Set<FuncInfo>();
    for (const a of this.facts.accessesByKey.get(`chan:${key}`) ?? []) {
      if (a.kind !== 'recv' || seen.has(a.fn)) continue;
      seen.add(a.fn);
      out.push(...this.receivedReads(a.fn, isField));
    }
    // Parameters every call gives the field.
    const byParam = new Map<VarObj, boolean>();
    for (const [k, list] of this.facts.accessesByKey) {
      if (!k.startsWith('chan:var:')) continue;
      for (const a of list) {
        const p = a.place.root;
        if (a.kind !== 'recv' || p?.scope !== 'param' || !p.func || byParam.has(p)) continue;
        const i = p.func.params.indexOf(p);
        // Calls and go statements (`go rw.Consume(b.out, done)`) of the function.
        const calls: Array<{ call: ast.CallExpr }> = [...this.facts.callgraph.callers(p.func)];
        for (const c of this.facts.contexts) if (c.spawnNode?.kind === 'GoStmt' && c.roots.includes(p.func) && !calls.some((e) => e.call === (c.spawnNode as ast.GoStmt).call)) calls.push({ call: c.spawnNode.call });
        const given = i >= 0 && calls.length > 0 && calls.every((e) => !!e.call.args[i] && isField(e.call.args[i]!));
        byParam.set(p, given);
        if (given) out.push(...this.receivedReads(p.func, (e) => { const x = unparen(e); return x.kind === 'Ident' && this.program.objectOf(x) === p; }));
      }
    }
    return out;
  }

  /** In fn, variables bound to a receive from the channel (`for b := range ch`, `b := <-ch`),
   * and the reads of their elements. */
  private receivedReads(fn: FuncInfo, isCh: (e: ast.Expr) => boolean): Site[] {
    const out: Site[] = [];
    if (!fn.body) return out;
    const bind = (e: ast.Expr | null | undefined): void => {
      const x = e ? unparen(e) : null;
      if (x?.kind !== 'Ident') return;
      const v = this.program.objectOf(x) ?? this.program.info.defs.get(x);
      if (v?.kind === 'var') out.push(...this.sliceReads(fn, v, 0));
    };
    walk(fn.body, (n) => {
      if (n.kind === 'RangeStmt' && isCh(n.x)) bind(n.key);
      else if (n.kind === 'AssignStmt' && n.rhs.length === 1) {
        const r = unparen(n.rhs[0]!);
        if (r.kind === 'UnaryExpr' && r.op === '<-' && isCh(r.x)) bind(n.lhs[0]);
      }
      return undefined;
    });
    return out;
  }

  /** Reads of the goroutine's parameter given buf at argument i (`go handle(buf[:n])`). */
  private goReads(fn: FuncInfo, call: ast.CallExpr, i: number): Site[] {
    const f = unparen(call.fun);
    const targets = f.kind === 'FuncLit' ? [this.program.funcOfLit(f)].filter((x): x is FuncInfo => !!x) : this.targetsAt(fn, call);
    return targets.flatMap((t) => (t.params[i] ? this.sliceReads(t, t.params[i]!, 0) : []));
  }

  /** The functions callers hand fn's function-typed parameter e (`pump(r, func(b []byte) {...})`). */
  private paramFuncs(fn: FuncInfo, e: ast.Expr): FuncInfo[] {
    const x = unparen(e);
    const o = x.kind === 'Ident' ? this.program.objectOf(x) : null;
    // The goroutine is a literal of the function whose parameter it calls.
    let owner: FuncInfo | null = fn;
    while (owner && !(o?.kind === 'var' && o.scope === 'param' && o.func === owner)) owner = owner.parent;
    if (!owner || o?.kind !== 'var') return [];
    const i = owner.params.indexOf(o);
    if (i < 0) return [];
    const out: FuncInfo[] = [];
    for (const edge of this.facts.callgraph.callers(owner)) {
      const a = edge.call.args[i];
      if (a && !edge.call.ellipsis) out.push(...this.facts.callgraph.funcValues(a));
    }
    return out;
  }

  /** Reads of the elements of slice variable v in fn: indexing, ranging, string(v), copy
   * or append from it, and calls given it (followed into functions with a body, the call
   * itself otherwise). */
  private sliceReads(fn: FuncInfo, v: VarObj, depth: number): Site[] {
    const out: Site[] = [];
    if (!fn.body || depth > 3 || underlying(v.type).kind !== 'slice') return out;
    const isV = (e: ast.Expr): boolean => {
      let x = unparen(e);
      while (x.kind === 'SliceExpr') x = unparen(x.x);
      return x.kind === 'Ident' && this.program.objectOf(x) === v;
    };
    walk(fn.body, (n) => {
      if (n.kind === 'IndexExpr' && isV(n.x)) out.push({ fn, span: n.span, text: textOf(n) });
      else if (n.kind === 'RangeStmt' && isV(n.x) && n.value && !(n.value.kind === 'Ident' && n.value.name === '_')) out.push({ fn, span: n.x.span, text: `range ${textOf(n.x)}` });
      else if (n.kind === 'CallExpr') {
        const c = calleeOf(this.program, n);
        if (c?.kind === 'builtin') {
          if (c.name === 'copy' && n.args[1] && isV(n.args[1])) out.push({ fn, span: n.span, text: textOf(n) });
          if (c.name === 'append' && n.ellipsis && n.args[1] && isV(n.args[1])) out.push({ fn, span: n.span, text: textOf(n) });
          return undefined;
        }
        const i = n.args.findIndex(isV);
        if (i < 0) return undefined;
        // A conversion: string(b).
        if (n.args.length === 1 && !c) {
          out.push({ fn, span: n.span, text: textOf(n) });
          return undefined;
        }
        const ts = [...this.targetsAt(fn, n), ...(c?.kind === 'value' ? this.paramFuncs(fn, c.expr) : [])].filter((t) => t.body && t.params[i] && !(t.sig.variadic && i >= t.params.length - 1));
        if (!ts.length) out.push({ fn, span: n.span, text: textOf(n) });
        else for (const t of ts) if (t !== fn) out.push(...this.sliceReads(t, t.params[i]!, depth + 1));
      }
      return undefined;
    });
    return out;
  }
}

/** The block ends by leaving the loop: a return, a break, a panic. */
function leaves(b: ast.BlockStmt): boolean {
  const last = b.list[b.list.length - 1];
  if (!last) return false;
  if (last.kind === 'ReturnStmt') return true;
  if (last.kind === 'BranchStmt') return last.tok === 'break' || last.tok === 'goto';
  if (last.kind === 'ExprStmt') { const x = unparen(last.x); return x.kind === 'CallExpr' && x.fun.kind === 'Ident' && x.fun.name === 'panic'; }
  return false;
}

function textOf(e: ast.Expr): string {
  const x = unparen(e);
  switch (x.kind) {
    case 'Ident': return x.name;
    case 'SelectorExpr': return `${textOf(x.x)}.${x.sel.name}`;
    case 'IndexExpr': return `${textOf(x.x)}[...]`;
    case 'SliceExpr': return `${textOf(x.x)}[...:...]`;
    case 'CallExpr': return `${textOf(x.fun)}(${x.args.map(textOf).join(', ')})`;
    default: return '...';
  }
}
