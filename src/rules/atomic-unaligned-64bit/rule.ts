/**
 * atomic-unaligned-64bit (field guide §2): on 32-bit targets the 64-bit sync/atomic
 * functions need an 8-aligned address, and only the first word of an allocation is
 * guaranteed to be. We compute the absolute 32-bit offset of the address from the start
 * of its allocation and report offsets that are not multiples of 8.
 */
import { readFileSync } from 'node:fs';
import type { Fix, TextEdit } from '../../core/findings.js';
import type { RuleMeta } from '../../core/rule-meta.js';
import type * as ast from '../../syntax/ast.js';
import { kindSet, walkBody, walkBodyKinds } from '../../syntax/walk.js';
import { callSitesOf, calleeOf, isFuncCall } from '../../model/calls.js';
import { unparen } from '../../model/checker.js';
import { singleDefinition } from '../../model/definitions.js';
import { goVersionAtLeast } from '../../model/goversion.js';
import { ARCH32, fieldPathOffset, type PathStep } from '../../model/layout.js';
import type { FieldSelection, FileInfo, FuncInfo } from '../../model/objects.js';
import type { Program } from '../../model/program.js';
import { typeString, type Type } from '../../model/types.js';
import { is32Bit } from '../../workspace/targets.js';
import { relatedAt, type Rule, type RuleContext } from '../rule.js';

export const meta: RuleMeta = {
  id: 'atomic-unaligned-64bit',
  title: '64-bit atomic operation on a field misaligned on 32-bit platforms',
  severity: 'error',
  defaultConfidence: 'high',
  fixable: true,
  category: '§2 64-bit atomic operations on fields misaligned on 32-bit platforms',
  docs: 'docs/rules/atomic-unaligned-64bit.md',
};

const OPS = ['Add', 'Load', 'Store', 'Swap', 'CompareAndSwap', 'And', 'Or'] as const;
const FUNCS64 = OPS.flatMap((op) => [`${op}Int64`, `${op}Uint64`]);
/** How each function becomes a method of atomic.Int64/Uint64 (args after the address). */
const METHOD_OF: Record<string, string> = { Add: 'Add', Load: 'Load', Store: 'Store', Swap: 'Swap', CompareAndSwap: 'CompareAndSwap', And: 'And', Or: 'Or' };

interface Access {
  root: Type;
  path: PathStep[];
  /** The expression the path starts from (`w` in `&w.count`). */
  base: ast.Expr;
  /** How a method reached the field from a struct that holds its receiver by value
   * (`l.add()` with window embedded in Limiter), for the trace. */
  via: string | null;
  /** The last field selected, for messages and fixes. */
  field: FieldSelection | null;
  fieldExpr: ast.SelectorExpr | null;
  text: string;
}

interface Hit {
  fn: FuncInfo;
  call: ast.CallExpr;
  funcName: string;
  access: Access;
  offset: number;
  targets: string[];
  /** The address argument written directly as `&x.f` in this call. */
  direct: boolean;
  /** Set when a non-constant index decides the offset: which choice is misaligned. */
  note: string | null;
}

const CALLS = kindSet('CallExpr');

function check(ctx: RuleContext): void {
  const program = ctx.program;
  const hits: Hit[] = [];
  for (const fn of program.funcs) {
    if (!fn.body || !fn.file.ref?.builds32) continue;
    const targets = [...new Set(fn.file.ref.targets.filter((t) => is32Bit(t.goarch)).map((t) => t.goarch))].sort();
    const goVersion = ctx.goVersion(fn.pkg);
    walkBodyKinds(fn.body, CALLS, (n) => {
      if (n.kind !== 'CallExpr') return;
      const c = calleeOf(program, n);
      if (!isFuncCall(c, 'sync/atomic', FUNCS64)) return;
      const addr = n.args[0];
      if (!addr) return;
      for (const { access, direct } of withHosts(program, fn, accessesOf(program, addr, 0))) {
        let offset = fieldPathOffset(access.root, access.path, ARCH32, { goVersion });
        let note: string | null = null;
        if (offset === null) {
          const some = misalignedIndexChoice(access, goVersion);
          if (some) { offset = some.offset; note = some.note; }
        }
        if (offset === null || offset % 8 === 0) continue;
        if (hits.some((h) => h.call === n && h.offset === offset && h.access.text === access.text)) continue;
        hits.push({ fn, call: n, funcName: c.obj.name, access, offset, targets, direct, note });
      }
    });
  }
  for (const h of hits) {
    const f = h.access.field;
    const fieldName = f ? `${f.owner ? f.owner.name + '.' : ''}${f.name}` : h.access.text;
    const related = [];
    if (f?.span && f.file) related.push(relatedAt(f.file, f.span, `field ${fieldName} is declared here, at offset ${h.offset} of its allocation on 32-bit targets`));
    const fixes = f ? fixesFor(program, h, hits, ctx.goVersion(h.fn.pkg)) : [];
    ctx.report({
      file: h.fn.file, span: h.call.span, confidence: 'high',
      message: `atomic.${h.funcName} on ${h.access.text}, at offset ${h.offset} (${h.offset} mod 8 = ${h.offset % 8})${h.note ? ' for some index values' : ''} from the start of its allocation on 32-bit targets (${h.targets.join(', ')}): panics with "unaligned 64-bit atomic operation"; ${fixAdvice(ctx, h)}`,
      related,
      fixes,
      trace: [
        `layout under the 32-bit size model (pointers, int: 4 bytes; int64 aligned to 4): ${typeString(h.access.root)} -> ${h.access.text} at offset ${h.offset}`,
        'only the first word of an allocated struct, array or slice, or of a global variable, is guaranteed 8-aligned on 386, arm and mips',
        ...(h.access.via ? [h.access.via] : []),
        ...(h.note ? [h.note] : []),
      ],
    });
  }
}

function fixAdvice(ctx: RuleContext, h: Hit): string {
  return goVersionAtLeast(ctx.goVersion(h.fn.pkg), 1, 19)
    ? 'use atomic.Int64/atomic.Uint64 for the field (always 8-aligned), or move it to the start of the struct'
    : 'move the field to the start of the struct (and say why in a comment), or use atomic.Int64 once go.mod allows go 1.19';
}

/**
 * With a non-constant index into elements whose size is not a multiple of 8, the field's
 * alignment alternates between elements: layout gives no single offset. Trying indexes 0
 * and 1 for each such step finds a misaligned element when there is one (elements differ
 * by 4 mod 8, so one of two neighbours is misaligned whenever the other is aligned).
 */
function misalignedIndexChoice(access: Access, goVersion: string | null): { offset: number; note: string } | null {
  const unknown = access.path.flatMap((s, i) => ('index' in s && s.index === null ? [i] : []));
  if (unknown.length === 0 || unknown.length > 3) return null;
  for (let mask = 0; mask < 1 << unknown.length; mask++) {
    const path = access.path.map((s, i) => (unknown.includes(i) ? { index: (mask >> unknown.indexOf(i)) & 1 } : s));
    const offset = fieldPathOffset(access.root, path, ARCH32, { goVersion });
    if (offset === null || offset % 8 === 0) continue;
    const choice = unknown.map((_, k) => (mask >> k) & 1).join(', ');
    return { offset, note: `the index is not constant: with index ${choice} the field sits at offset ${offset}, and the element size (not a multiple of 8 on 32-bit targets) makes every other element misaligned` };
  }
  return null;
}

/**
 * The field paths an address expression denotes: `&x.f`, `&x.a[i].f`, a local variable
 * initialised once with such an address, or a parameter of an unexported function whose
 * callers pass one.
 */
function accessesOf(program: Program, addr: ast.Expr, depth: number): Array<{ access: Access; direct: boolean }> {
  const a = unparen(addr);
  // `(*int64)(&b.cur)` with `cur time.Duration`, `(*uint64)(unsafe.Pointer(&x.n))`: a
  // pointer conversion keeps the address, so the field's offset is what counts.
  const converted = pointerConversionArg(program, a);
  if (converted) return accessesOf(program, converted, depth).map((x) => ({ ...x, direct: false }));
  if (a.kind === 'UnaryExpr' && a.op === '&') {
    const acc = pathOf(program, a.x);
    return acc ? [{ access: acc, direct: depth === 0 }] : [];
  }
  if (a.kind === 'Ident' && depth < 2) {
    const o = program.objectOf(a);
    if (o?.kind !== 'var' || !o.func) return [];
    if (o.scope === 'local') {
      const init = singleDefinition(program, o);
      return init ? accessesOf(program, init, depth + 1).map((x) => ({ ...x, direct: false })) : [];
    }
    if (o.scope === 'param') {
      const fn = o.func;
      const i = fn.params.indexOf(o);
      if (i < 0) return [];
      const out: Array<{ access: Access; direct: boolean }> = [];
      for (const site of callSitesOf(program, fn)) {
        const arg = site.call.args[i];
        if (arg) out.push(...accessesOf(program, arg, depth + 1).map((x) => ({ ...x, direct: false })));
      }
      return out;
    }
  }
  return [];
}

/** The operand of a conversion to a pointer type (or to unsafe.Pointer), else null. */
function pointerConversionArg(program: Program, e: ast.Expr): ast.Expr | null {
  if (e.kind !== 'CallExpr' || e.args.length !== 1 || e.ellipsis) return null;
  const fun = unparen(e.fun);
  const namesType = (x: ast.Expr): boolean => {
    if (x.kind === 'Ident') return program.objectOf(x)?.kind === 'type';
    if (x.kind === 'SelectorExpr') { const s = program.selectionOf(x); return s?.kind === 'qualified' && s.obj.kind === 'type'; }
    return false;
  };
  if (fun.kind === 'StarExpr') return namesType(unparen(fun.x)) ? e.args[0]! : null;
  const t = fun.kind === 'SelectorExpr' ? program.typeOf(fun) : null; // `unsafe.Pointer` names no object
  const unsafePointer = t?.kind === 'basic' && t.name === 'unsafe.Pointer';
  return unsafePointer ? e.args[0]! : null;
}

/** Root type and field path of an addressable expression. */
function pathOf(program: Program, e: ast.Expr): Access | null {
  const steps: PathStep[] = [];
  let field: FieldSelection | null = null;
  let fieldExpr: ast.SelectorExpr | null = null;
  let cur = unparen(e);
  for (let guard = 0; guard < 64; guard++) {
    if (cur.kind === 'SelectorExpr') {
      const s = program.selectionOf(cur);
      if (!s) return null;
      if (s.kind === 'qualified') break; // a package-level variable is its own allocation
      if (s.kind !== 'field') return null;
      if (!field) { field = s; fieldExpr = cur; }
      steps.unshift(...s.path.map((p) => ({ field: p })), { field: s.name });
      cur = unparen(cur.x);
      continue;
    }
    if (cur.kind === 'IndexExpr' && cur.indices.length === 1) {
      const xt = program.typeOf(cur.x);
      if (xt.kind === 'unknown') return null;
      const idx = cur.indices[0]!;
      steps.unshift({ index: constIndex(program, idx) });
      cur = unparen(cur.x);
      continue;
    }
    if (cur.kind === 'StarExpr') { cur = unparen(cur.x); continue; }
    break;
  }
  if (steps.length === 0) return null; // `&v` of a whole variable: first word, aligned
  const root = program.typeOf(cur);
  if (root.kind === 'unknown') return null;
  return { root, path: steps, base: cur, via: null, field, fieldExpr, text: exprText(e) };
}

/** How many method calls up the hosts are followed (`Tick -> reset -> &w.count`). */
const HOST_DEPTH = 2;

/**
 * A pointer receiver or parameter points at the start of an allocation only when the
 * caller passed one: `l.add()`, with `window` embedded by value in `Limiter` after a bool,
 * hands `add` the address &l.window, 4 bytes into l. So each access rooted at a pointer
 * receiver (or pointer parameter) is also tried as seen from each call site whose receiver
 * (or argument) is a field path: the caller's path, then the callee's.
 */
function withHosts(program: Program, fn: FuncInfo, found: Array<{ access: Access; direct: boolean }>): Array<{ access: Access; direct: boolean }> {
  const out = [...found];
  let frontier = found.map((x) => ({ ...x, fn }));
  for (let depth = 0; depth < HOST_DEPTH && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const x of frontier) {
      for (const host of hostsOf(program, x.fn, x.access)) next.push({ access: host.access, direct: false, fn: host.caller });
    }
    out.push(...next.map(({ access, direct }) => ({ access, direct })));
    frontier = next;
  }
  return out;
}

function hostsOf(program: Program, fn: FuncInfo, access: Access): Array<{ access: Access; caller: FuncInfo }> {
  const base = unparen(access.base);
  if (base.kind !== 'Ident' || access.root.kind !== 'pointer') return [];
  const o = program.objectOf(base);
  if (o?.kind !== 'var' || o.func !== fn) return [];
  const paramIndex = o.scope === 'param' ? fn.params.indexOf(o) : -1;
  if (!(o.scope === 'recv' && fn.ptrRecv) && paramIndex < 0) return [];
  const out: Array<{ access: Access; caller: FuncInfo }> = [];
  for (const site of callSitesOf(program, fn)) {
    let handed: ast.Expr | null = null;
    let embedded: string[] = [];
    if (o.scope === 'recv') {
      const callee = unparen(site.call.fun);
      if (callee.kind !== 'SelectorExpr') continue;
      const sel = program.selectionOf(callee);
      if (sel?.kind !== 'method') continue;
      handed = callee.x;
      embedded = sel.path;
    } else {
      const arg = site.call.args[paramIndex];
      const a = arg ? unparen(arg) : null;
      if (a?.kind !== 'UnaryExpr' || a.op !== '&') continue;
      handed = a.x;
    }
    // Only a receiver that is itself a field of something (or promoted through an
    // embedded value) can sit inside a larger allocation.
    const outer = pathOf(program, handed);
    const steps: PathStep[] = [...(outer?.path ?? []), ...embedded.map((f) => ({ field: f })), ...access.path];
    if (steps.length === access.path.length) continue;
    const root = outer?.root ?? program.typeOf(unparen(handed));
    if (root.kind === 'unknown') continue;
    const shown = `${exprText(site.call.fun)}() in ${site.caller.name}`;
    out.push({
      caller: site.caller,
      access: { ...access, root, path: steps, base: outer?.base ?? handed, via: `reached through ${shown}: ${typeString(root)} holds the receiver by value, so its address is inside that allocation` },
    });
  }
  return out;
}

/** The value of a constant index expression (literals, named constants, + - *), else null. */
function constIndex(program: Program, e: ast.Expr): number | null {
  const x = unparen(e);
  if (x.kind === 'BasicLit') return x.litKind === 'INT' ? Number(x.value.replace(/_/g, '')) : null;
  if (x.kind === 'Ident') {
    const o = program.objectOf(x);
    return o?.kind === 'const' && typeof o.value === 'number' ? o.value : null;
  }
  if (x.kind === 'BinaryExpr' && (x.op === '+' || x.op === '-' || x.op === '*')) {
    const a = constIndex(program, x.x);
    const b = constIndex(program, x.y);
    if (a === null || b === null) return null;
    return x.op === '+' ? a + b : x.op === '-' ? a - b : a * b;
  }
  return null;
}

// ---------------------------------------------------------------- fixes

function fixesFor(program: Program, h: Hit, all: Hit[], goVersion: string | null): Fix[] {
  const f = h.access.field!;
  if (!f.span || !f.file || !f.owner) return [];
  const fixes: Fix[] = [];
  const declFile = program.packages.flatMap((p) => p.files).find((x) => x.ast.path === f.file);
  if (!declFile) return [];
  if (goVersionAtLeast(goVersion, 1, 19)) {
    const fix = typedAtomicFix(program, h, f, declFile, all);
    if (fix) fixes.push(fix);
  }
  return fixes;
}

/** Switch the field to atomic.Int64/Uint64 and rewrite its atomic call sites. */
function typedAtomicFix(program: Program, h: Hit, f: FieldSelection, declFile: FileInfo, all: Hit[]): Fix | null {
  const typeExpr = fieldTypeExpr(declFile, f);
  if (!typeExpr) return null;
  const unsigned = f.type.kind === 'basic' && f.type.name === 'uint64';
  const atomicName = localName(declFile, 'sync/atomic');
  const edits: TextEdit[] = [{ file: f.file!, ...spanEdit(typeExpr.span), newText: `${atomicName ?? 'atomic'}.${unsigned ? 'Uint64' : 'Int64'}` }];
  // Every access to this field in the module: safe only when each is a direct atomic call.
  let allAtomic = true;
  const covered = new Set<ast.SelectorExpr>();
  for (const other of all) {
    if (other.direct && other.access.field && sameField(other.access.field, f) && other.access.fieldExpr) {
      const fileOf = other.fn.file;
      const rewritten = rewriteCall(other, fileOf);
      if (!rewritten) { allAtomic = false; continue; }
      edits.push(rewritten);
      covered.add(other.access.fieldExpr);
    }
  }
  for (const [sel, s] of program.info.selections) {
    if (s.kind === 'field' && sameField(s, f) && !covered.has(sel)) allAtomic = false;
  }
  // `conn{timedOut: 1}` sets the field without a selector, and would not compile either.
  if (literalSetsField(program, f)) allAtomic = false;
  edits.push(...importEdits(program, declFile, dedupeEdits(edits.slice(1))));
  return {
    description: `change ${f.owner!.name}.${f.name} to atomic.${unsigned ? 'Uint64' : 'Int64'} (always 8-aligned) and rewrite its atomic calls as methods`,
    safe: allAtomic,
    edits: dedupeEdits(edits),
  };
}

/**
 * Keeps the imports of sync/atomic right after the rewrite: the declaring file needs it
 * for the new field type, and a file whose only uses were the rewritten calls must drop
 * it (Go rejects an unused import).
 */
function importEdits(program: Program, declFile: FileInfo, callEdits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const pkg of program.packages) {
    for (const file of pkg.files) {
      const path = file.ast.path;
      const rewritten = callEdits.filter((e) => e.file === path).length;
      const needsType = file === declFile;
      if (!rewritten && !needsType) continue;
      const spec = file.ast.imports.find((i) => i.path === 'sync/atomic' && i.name !== '_' && i.name !== '.');
      if (!spec) {
        if (needsType) out.push(addImport(file));
        continue;
      }
      const remaining = atomicUses(program, file, spec.name ?? 'atomic') - rewritten + (needsType ? 1 : 0);
      if (remaining <= 0) out.push(removeImport(file, spec));
    }
  }
  return out;
}

function atomicUses(program: Program, file: FileInfo, name: string): number {
  let n = 0;
  for (const d of file.ast.decls) {
    walkBody(d, (x) => {
      if (x.kind === 'SelectorExpr' && x.x.kind === 'Ident' && x.x.name === name && program.selectionOf(x)?.kind === 'qualified') n++;
    });
  }
  return n;
}

/**
 * A separate `import "sync/atomic"` line: before the first import, or right after the
 * package clause (so a declaration's doc comment stays with its declaration).
 */
function addImport(file: FileInfo): TextEdit {
  const firstImport = file.ast.decls.find((d) => d.kind === 'GenDecl' && d.tok === 'import');
  const at = (line: number, newText: string): TextEdit => ({ file: file.ast.path, startLine: line, startColumn: 1, endLine: line, endColumn: 1, newText });
  if (firstImport) return at(firstImport.span[0], 'import "sync/atomic"\n');
  const pkgLine = packageClauseLine(file);
  if (pkgLine !== null) return at(pkgLine + 1, '\nimport "sync/atomic"\n');
  return at(file.ast.decls[0]?.span[0] ?? file.ast.lineCount + 1, 'import "sync/atomic"\n\n');
}

/** The line of `package x`, read from the file (the syntax tree keeps no span for it). */
function packageClauseLine(file: FileInfo): number | null {
  if (!file.ref) return null;
  let text: string;
  try { text = readFileSync(file.ref.absPath, 'utf8'); } catch { return null; }
  const i = text.split('\n').findIndex((l) => /^package\s+\w/.test(l));
  return i < 0 ? null : i + 1;
}

/** Deletes the import's line, or the whole `import "sync/atomic"` declaration. */
function removeImport(file: FileInfo, spec: ast.ImportSpec): TextEdit {
  const decl = file.ast.decls.find((d) => d.kind === 'GenDecl' && d.tok === 'import' && d.specs.includes(spec));
  const span = decl && decl.kind === 'GenDecl' && decl.specs.length === 1 ? decl.span : spec.span;
  return { file: file.ast.path, startLine: span[0], startColumn: 1, endLine: span[2] + 1, endColumn: 1, newText: '' };
}

/** Whether a composite literal of the field's struct type sets the field (by key or by position). */
function literalSetsField(program: Program, f: FieldSelection): boolean {
  let found = false;
  for (const pkg of program.packages) {
    for (const file of pkg.files) {
      for (const d of file.ast.decls) {
        walkBody(d, (n) => {
          if (found || n.kind !== 'CompositeLit' || n.elts.length === 0) return;
          const t = program.typeOf(n);
          const named = t.kind === 'pointer' ? t.elem : t;
          if (named.kind !== 'named' || named.decl !== f.owner) return;
          found = n.elts.some((e) => e.kind !== 'KeyValueExpr' || (e.key.kind === 'Ident' && e.key.name === f.name));
        });
      }
    }
  }
  return found;
}

function rewriteCall(h: Hit, file: FileInfo): TextEdit | null {
  const addr = unparen(h.call.args[0]!);
  if (addr.kind !== 'UnaryExpr') return null;
  const op = h.funcName.replace(/(Int64|Uint64)$/, '');
  const method = METHOD_OF[op];
  if (!method) return null;
  const target = exprText(addr.x);
  const rest = h.call.args.slice(1).map(exprText);
  if (rest.some((r) => r === '?')) return null;
  return { file: file.ast.path, ...spanEdit(h.call.span), newText: `${target}.${method}(${rest.join(', ')})` };
}

function sameField(a: FieldSelection, b: FieldSelection): boolean {
  return a.owner === b.owner && a.name === b.name && a.span?.[0] === b.span?.[0] && a.span?.[1] === b.span?.[1];
}

function fieldTypeExpr(file: FileInfo, f: FieldSelection): ast.Expr | null {
  let found: ast.Expr | null = null;
  for (const d of file.ast.decls) {
    walkBody(d, (n) => {
      if (found || n.kind !== 'Field') return;
      if (n.names.some((id) => id.span[0] === f.span![0] && id.span[1] === f.span![1])) {
        // Only a field declared alone (`n int64`), so the type edit touches this field only.
        if (n.names.length === 1) found = n.type;
      }
    });
  }
  return found;
}

function localName(file: FileInfo, path: string): string | null {
  for (const [name, p] of file.imports) if (p === path) return name;
  return null;
}

function spanEdit(s: ast.Span) {
  return { startLine: s[0], startColumn: s[1], endLine: s[2], endColumn: s[3] };
}

function dedupeEdits(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const k = `${e.file}:${e.startLine}:${e.startColumn}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Source-like text of simple expressions (selectors, identifiers, literals, indexes). */
function exprText(e: ast.Expr): string {
  switch (e.kind) {
    case 'Ident': return e.name;
    case 'BasicLit': return e.value;
    case 'SelectorExpr': return `${exprText(e.x)}.${e.sel.name}`;
    case 'IndexExpr': return `${exprText(e.x)}[${e.indices.map(exprText).join(', ')}]`;
    case 'StarExpr': return `*${exprText(e.x)}`;
    case 'ParenExpr': return `(${exprText(e.x)})`;
    case 'UnaryExpr': return `${e.op}${exprText(e.x)}`;
    case 'BinaryExpr': return `${exprText(e.x)} ${e.op} ${exprText(e.y)}`;
    case 'CallExpr': return `${exprText(e.fun)}(${e.args.map(exprText).join(', ')})`;
    default: return '?';
  }
}

export const atomicUnaligned64bit: Rule = { meta, check };
