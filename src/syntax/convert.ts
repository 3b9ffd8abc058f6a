/**
 * Converts tree-sitter-go's concrete syntax tree (grammar 0.25) into goconc's go/ast-shaped
 * GoFile (src/syntax/ast.ts).
 *
 * The tree is first copied into flat arrays with one cursor pass (flat-tree.ts); the
 * conversion below then runs in plain JavaScript. Broken input never stops it: ERROR
 * subtrees become BadExpr/BadStmt, declarations found inside top-level ERROR nodes are
 * still converted, and nesting deeper than MAX_NESTING becomes a BadExpr/BadStmt with a
 * `nesting too deep` error instead of a stack overflow.
 */
import type Parser from 'tree-sitter';
import type {
  BadExpr, BadStmt, BlockStmt, CallExpr, CaseClause, ChanType, CommClause, Comment, Decl, Expr, Field,
  FuncDecl, FuncType, GenDecl, GoFile, Ident, ImportSpec, Span, Stmt, SyntaxError, TypeSpec,
  ValueSpec,
} from './ast.js';
import { flattenTree, type FlatTree, type RawComment } from './flat-tree.js';
import { LineIndex } from './line-index.js';
import { quoteToken, unquoteGoString } from './go-text.js';

/**
 * Nesting bound for expressions and statements. It was set for structured clone (on
 * Node 20's main thread a tree about 1,500 objects deep is silently dropped), when
 * GoFiles were cloned from parse workers; they are now built on the thread that uses
 * them, but the bound still keeps clear of the recursion in later passes and in JSON
 * (parse cache), and changing it would change what deep files report. One nesting
 * level makes at most about 1.5 object levels (BlockStmt -> list -> Stmt).
 */
export const MAX_NESTING = 500;

/** Longest left-associated operator chain kept (see binaryChain). */
export const MAX_CHAIN = 1200;

const DIRECTIVE_PREFIXES = ['//go:', '//goconc:', '//nolint', '// +build'];
const TOP_LEVEL_DECLS = new Set([
  'function_declaration', 'method_declaration', 'import_declaration', 'const_declaration',
  'var_declaration', 'type_declaration',
]);
const MAX_REPORTED_ERRORS = 100;

/**
 * A list built by push keeps the backing store V8 grew it to, at least 17 slots once
 * anything was pushed, and a whole program's trees hold millions of short lists: each
 * one is stored in its node as an exactly sized copy (slice allocates no spare slots).
 */
function exact<T>(a: T[]): T[] {
  return a.length === 0 ? a : a.slice();
}

/**
 * V8 makes a slice of 13 or more characters a view into the string it was cut from: an
 * identifier or literal kept in a tree would keep its whole file's source alive. This
 * copy stands on its own.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Identifier names and short literals, one string per distinct text for all files
 * converted on this thread (`err`, `i`, `0` occur hundreds of thousands of times). */
const interned = new Map<string, string>();
const MAX_INTERNED = 1 << 20;
const MAX_INTERNED_LITERAL = 16;

function intern(s: string): string {
  let v = interned.get(s);
  if (v === undefined) {
    if (interned.size >= MAX_INTERNED) interned.clear();
    v = detached(s);
    interned.set(v, v);
  }
  return v;
}

/** A tree copied out of tree-sitter, with the comments the converter keeps (directives). */
export interface FlatSource {
  flat: FlatTree;
  comments: RawComment[];
}

export function flattenForConversion(tree: Parser.Tree, source: string): FlatSource {
  const comments: RawComment[] = [];
  const flat = flattenTree(tree, source, (c) => {
    for (const p of DIRECTIVE_PREFIXES) {
      if (source.startsWith(p, c.start)) {
        comments.push(c);
        return;
      }
    }
  });
  return { flat, comments };
}

/** Converts a flat copy; needs no tree-sitter, so it can run on another thread. */
export function convertFlat(f: FlatSource, source: string, path: string): GoFile {
  return new Converter(f.flat, source, path, f.comments).file();
}

export function convertTree(tree: Parser.Tree, source: string, path: string): GoFile {
  return convertFlat(flattenForConversion(tree, source), source, path);
}

class Converter {
  private readonly lines: LineIndex;
  private readonly errors: SyntaxError[] = [];
  private depth = 0;
  private tooDeepReported = false;
  // Hot arrays copied to fields for short property paths.
  private readonly typeId: Uint16Array;
  private readonly fieldId: Uint16Array;
  private readonly named: Uint8Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly typeNames: readonly string[];
  private readonly fieldIds = new Map<string, number>();

  constructor(
    private readonly t: FlatTree,
    private readonly src: string,
    private readonly path: string,
    private readonly rawComments: RawComment[],
  ) {
    this.lines = new LineIndex(src);
    this.typeId = t.typeId;
    this.fieldId = t.fieldId;
    this.named = t.named;
    this.start = t.start;
    this.end = t.end;
    this.firstChild = t.firstChild;
    this.nextSibling = t.nextSibling;
    this.typeNames = t.typeNames;
    t.fieldNames.forEach((name, id) => {
      if (name) this.fieldIds.set(name, id);
    });
  }

  // ------------------------------------------------------------ tree access

  private type(n: number): string {
    return this.typeNames[this.typeId[n]];
  }

  private text(n: number): string {
    return this.src.slice(this.start[n], this.end[n]);
  }

  /** Text of an identifier, shared with every equal name (see intern). */
  private name(n: number): string {
    return intern(this.text(n));
  }

  /** Text of a literal kept in the tree: short ones shared, long ones copied out of the source. */
  private literal(n: number): string {
    const t = this.text(n);
    return t.length <= MAX_INTERNED_LITERAL ? intern(t) : detached(t);
  }

  /** First child in field `name`, or -1. */
  private field(n: number, name: string): number {
    const f = this.fieldIds.get(name);
    if (f === undefined) return -1;
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) if (this.fieldId[c] === f) return c;
    return -1;
  }

  /** Named children in field `name`. */
  private fieldAll(n: number, name: string): number[] {
    const out: number[] = [];
    const f = this.fieldIds.get(name);
    if (f === undefined) return out;
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) if (this.fieldId[c] === f && this.named[c]) out.push(c);
    return out;
  }

  private namedKids(n: number): number[] {
    const out: number[] = [];
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) if (this.named[c]) out.push(c);
    return out;
  }

  private firstNamed(n: number): number {
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) if (this.named[c]) return c;
    return -1;
  }

  /** First named child that has no field (the unlabelled operand of e.g. go_statement). */
  private firstUnfielded(n: number): number {
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) if (this.named[c] && this.fieldId[c] === 0) return c;
    return -1;
  }

  /** First anonymous token child of a given text, or -1. */
  private token(n: number, text: string): number {
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) if (!this.named[c] && this.type(c) === text) return c;
    return -1;
  }

  private firstToken(n: number): string | null {
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) if (!this.named[c]) return this.type(c);
    return null;
  }

  // ------------------------------------------------------------ positions

  private spanOf(startOff: number, endOff: number): Span {
    const l1 = this.lines.lineOf(startOff);
    const c1 = startOff - this.lines.lineStart(l1) + 1;
    const l2 = this.lines.lineOf(endOff);
    const c2 = endOff - this.lines.lineStart(l2) + 1;
    return [l1 + 1, c1, l2 + 1, c2];
  }

  private span(n: number): Span {
    return this.spanOf(this.start[n], this.end[n]);
  }

  private spanFrom(a: number, b: number): Span {
    return this.spanOf(this.start[a], this.end[b]);
  }

  private error(offset: number, message: string): void {
    const line = this.lines.lineOf(offset);
    this.errors.push({ line: line + 1, col: offset - this.lines.lineStart(line) + 1, message });
  }

  // ------------------------------------------------------------ file

  file(): GoFile {
    const root = 0;
    let packageName = '';
    let packageStart = -1;
    const decls: Decl[] = [];
    const imports: ImportSpec[] = [];
    for (let c = this.firstChild[root]; c !== -1; c = this.nextSibling[c]) {
      if (!this.named[c]) continue;
      const ty = this.type(c);
      if (ty === 'package_clause') {
        if (packageStart === -1) {
          const id = this.firstNamed(c);
          packageName = id === -1 ? '' : this.name(id);
          packageStart = this.start[c];
        }
      } else if (ty === 'ERROR') {
        this.declsInError(c, decls);
      } else if (TOP_LEVEL_DECLS.has(ty)) {
        this.topLevel(c, decls);
      } else {
        this.error(this.start[c], 'syntax error: non-declaration statement outside function body');
      }
    }
    for (const d of decls) {
      if (d.kind === 'GenDecl' && d.tok === 'import') for (const s of d.specs) imports.push(s as ImportSpec);
    }
    this.reportTreeErrors();
    const directives: Comment[] = [];
    let buildConstraint: string | null = null;
    for (const rc of this.rawComments) {
      let text = this.src.slice(rc.start, rc.end);
      if (text.endsWith('\r')) text = text.slice(0, -1);
      text = detached(text);
      const line = this.lines.lineOf(rc.start);
      directives.push({ line: line + 1, col: rc.start - this.lines.lineStart(line) + 1, text });
      const header = packageStart === -1 || rc.start < packageStart;
      if (buildConstraint === null && header && text.startsWith('//go:build ')) {
        buildConstraint = text.slice('//go:build '.length).trim();
      }
    }
    this.errors.sort((a, b) => a.line - b.line || a.col - b.col);
    const syntaxErrors = this.errors.filter(
      (e, i, all) => i === 0 || e.line !== all[i - 1].line || e.col !== all[i - 1].col || e.message !== all[i - 1].message,
    );
    return {
      path: this.path,
      packageName,
      imports: exact(imports),
      decls: exact(decls),
      directives: exact(directives),
      buildConstraint,
      syntaxErrors,
      lineCount: this.lines.lineCount,
    };
  }

  private topLevel(n: number, out: Decl[]): void {
    const ty = this.type(n);
    if (ty === 'function_declaration' || ty === 'method_declaration') out.push(this.funcDecl(n));
    else out.push(this.genDecl(n));
  }

  /** Declarations that tree-sitter kept intact inside a top-level ERROR node. */
  private declsInError(n: number, out: Decl[]): void {
    const stack = [n];
    const found: number[] = [];
    while (stack.length > 0) {
      const e = stack.pop()!;
      for (let c = this.firstChild[e]; c !== -1; c = this.nextSibling[c]) {
        const ty = this.type(c);
        if (TOP_LEVEL_DECLS.has(ty)) found.push(c);
        else if (ty === 'ERROR') stack.push(c);
      }
    }
    found.sort((a, b) => this.start[a] - this.start[b]);
    for (const d of found) this.topLevel(d, out);
  }

  /** Syntax errors for ERROR and MISSING nodes, at the first offending token. */
  private reportTreeErrors(): void {
    let reported = 0;
    for (const e of this.t.errors) {
      if (reported++ >= MAX_REPORTED_ERRORS) break;
      let leaf = e;
      while (this.firstChild[leaf] !== -1) leaf = this.firstChild[leaf];
      const tok = leaf === e ? this.text(e).trimStart().split(/\s/, 1)[0] : this.text(leaf);
      const at = leaf === e ? this.start[e] + (this.text(e).length - this.text(e).trimStart().length) : this.start[leaf];
      this.error(at, tok === '' ? 'syntax error: unexpected end of file' : `syntax error: unexpected ${quoteToken(tok)}`);
    }
    for (const m of this.t.missingNodes) {
      if (reported++ >= MAX_REPORTED_ERRORS) break;
      const ty = this.type(m);
      this.error(this.start[m], `syntax error: missing ${this.named[m] ? ty.replace(/_/g, ' ') : quoteToken(ty)}`);
    }
  }

  // ------------------------------------------------------------ declarations

  private genDecl(n: number): GenDecl {
    const ty = this.type(n);
    const specs: Array<ImportSpec | ValueSpec | TypeSpec> = [];
    let tok: GenDecl['tok'];
    if (ty === 'import_declaration') {
      tok = 'import';
      for (const c of this.namedKids(n)) {
        if (this.type(c) === 'import_spec') specs.push(this.importSpec(c));
        else if (this.type(c) === 'import_spec_list') {
          for (const s of this.namedKids(c)) if (this.type(s) === 'import_spec') specs.push(this.importSpec(s));
        }
      }
    } else if (ty === 'type_declaration') {
      tok = 'type';
      for (const c of this.namedKids(n)) {
        const ct = this.type(c);
        if (ct === 'type_spec' || ct === 'type_alias') specs.push(this.typeSpec(c, ct === 'type_alias'));
      }
    } else {
      tok = ty === 'const_declaration' ? 'const' : 'var';
      const specType = tok === 'const' ? 'const_spec' : 'var_spec';
      let iota = 0;
      for (const c of this.namedKids(n)) {
        if (this.type(c) === specType) specs.push(this.valueSpec(c, iota++));
        else if (this.type(c) === 'var_spec_list') {
          for (const s of this.namedKids(c)) if (this.type(s) === 'var_spec') specs.push(this.valueSpec(s, iota++));
        }
      }
    }
    return { kind: 'GenDecl', span: this.span(n), tok, specs: exact(specs) };
  }

  private importSpec(n: number): ImportSpec {
    const nameNode = this.field(n, 'name');
    const pathNode = this.field(n, 'path');
    return {
      kind: 'ImportSpec',
      span: this.span(n),
      name: nameNode === -1 ? null : this.name(nameNode),
      path: pathNode === -1 ? '' : intern(unquoteGoString(this.text(pathNode))),
    };
  }

  private valueSpec(n: number, iota: number): ValueSpec {
    const typeNode = this.field(n, 'type');
    const valueNode = this.field(n, 'value');
    return {
      kind: 'ValueSpec',
      span: this.span(n),
      names: this.fieldAll(n, 'name').map((c) => this.ident(c)),
      type: typeNode === -1 ? null : this.expr(typeNode),
      values: valueNode === -1 ? [] : this.exprList(valueNode),
      iota,
    };
  }

  private typeSpec(n: number, alias: boolean): TypeSpec {
    const tp = this.field(n, 'type_parameters');
    return {
      kind: 'TypeSpec',
      span: this.span(n),
      name: this.identOrBad(this.field(n, 'name'), n),
      typeParams: tp === -1 ? [] : this.typeParams(tp),
      alias,
      type: this.exprOrBad(this.field(n, 'type'), n),
    };
  }

  private funcDecl(n: number): FuncDecl {
    const recvList = this.field(n, 'receiver');
    let recv: Field | null = null;
    if (recvList !== -1) {
      const fields = this.params(recvList);
      recv = fields[0] ?? { kind: 'Field', span: this.span(recvList), names: [], type: this.bad(recvList), tag: null };
    }
    const body = this.field(n, 'body');
    return {
      kind: 'FuncDecl',
      span: this.span(n),
      recv,
      name: this.identOrBad(this.field(n, 'name'), n),
      type: this.funcType(n, this.start[n]),
      body: body === -1 ? null : this.block(body),
    };
  }

  /** The signature of a function_declaration, method_declaration, func_literal,
   * function_type or method_elem; the span runs from `startOff` to its last part. */
  private funcType(n: number, startOff: number): FuncType {
    const tp = this.field(n, 'type_parameters');
    const ps = this.field(n, 'parameters');
    const res = this.field(n, 'result');
    let endOff = this.end[n];
    if (res !== -1) endOff = this.end[res];
    else if (ps !== -1) endOff = this.end[ps];
    let results: Field[] = [];
    if (res !== -1) {
      results = this.type(res) === 'parameter_list'
        ? this.params(res)
        : [{ kind: 'Field', span: this.span(res), names: [], type: this.expr(res), tag: null }];
    }
    return {
      kind: 'FuncType',
      span: this.spanOf(startOff, endOff),
      typeParams: tp === -1 ? [] : this.typeParams(tp),
      params: ps === -1 ? [] : this.params(ps),
      results,
    };
  }

  private params(list: number): Field[] {
    const out: Field[] = [];
    for (const p of this.namedKids(list)) {
      const ty = this.type(p);
      if (ty === 'parameter_declaration') {
        out.push({
          kind: 'Field',
          span: this.span(p),
          names: this.fieldAll(p, 'name').map((c) => this.ident(c)),
          type: this.exprOrBad(this.field(p, 'type'), p),
          tag: null,
        });
      } else if (ty === 'variadic_parameter_declaration') {
        const dots = this.token(p, '...');
        const typeNode = this.field(p, 'type');
        const elt = this.exprOrBad(typeNode, p);
        const ellipsisStart = dots !== -1 ? this.start[dots] : this.start[p];
        out.push({
          kind: 'Field',
          span: this.span(p),
          names: this.fieldAll(p, 'name').map((c) => this.ident(c)),
          type: { kind: 'Ellipsis', span: this.spanOf(ellipsisStart, typeNode !== -1 ? this.end[typeNode] : this.end[p]), elt },
          tag: null,
        });
      } else if (ty === 'ERROR') {
        out.push({ kind: 'Field', span: this.span(p), names: [], type: this.bad(p), tag: null });
      }
    }
    return exact(out);
  }

  private typeParams(list: number): Field[] {
    const out: Field[] = [];
    for (const p of this.namedKids(list)) {
      if (this.type(p) !== 'type_parameter_declaration') continue;
      out.push({
        kind: 'Field',
        span: this.span(p),
        names: this.fieldAll(p, 'name').map((c) => this.ident(c)),
        type: this.exprOrBad(this.field(p, 'type'), p),
        tag: null,
      });
    }
    return exact(out);
  }

  // ------------------------------------------------------------ statements

  private block(n: number): BlockStmt {
    const list: Stmt[] = [];
    if (++this.depth > MAX_NESTING) {
      this.depth--;
      this.tooDeep(n);
      return { kind: 'BlockStmt', span: this.span(n), list: [{ kind: 'BadStmt', span: this.span(n) }] };
    }
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) {
      if (!this.named[c]) continue;
      if (this.type(c) === 'statement_list') this.stmtList(c, list);
      else list.push(this.stmt(c)); // an ERROR next to the statement list
    }
    this.depth--;
    return { kind: 'BlockStmt', span: this.span(n), list: exact(list) };
  }

  private stmtList(n: number, out: Stmt[]): void {
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) if (this.named[c]) out.push(this.stmt(c));
  }

  /** The statements of a case clause (its statement_list child, if any). */
  private clauseBody(n: number): Stmt[] {
    const out: Stmt[] = [];
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) {
      if (!this.named[c] || this.fieldId[c] !== 0) continue;
      if (this.type(c) === 'statement_list') this.stmtList(c, out);
      else if (this.type(c) === 'ERROR') out.push(this.badStmt(c));
    }
    return exact(out);
  }

  private stmt(n: number): Stmt {
    if (++this.depth > MAX_NESTING) {
      this.depth--;
      this.tooDeep(n);
      return this.badStmt(n);
    }
    const s = this.stmtInner(n);
    this.depth--;
    return s;
  }

  private optStmt(n: number): Stmt | null {
    return n === -1 ? null : this.stmt(n);
  }

  private stmtInner(n: number): Stmt {
    const span = this.span(n);
    switch (this.type(n)) {
      case 'expression_statement':
        return { kind: 'ExprStmt', span, x: this.exprOrBad(this.firstNamed(n), n) };
      case 'send_statement':
        return {
          kind: 'SendStmt', span,
          chan: this.exprOrBad(this.field(n, 'channel'), n),
          value: this.exprOrBad(this.field(n, 'value'), n),
        };
      case 'inc_statement':
        return { kind: 'IncDecStmt', span, x: this.exprOrBad(this.firstNamed(n), n), tok: '++' };
      case 'dec_statement':
        return { kind: 'IncDecStmt', span, x: this.exprOrBad(this.firstNamed(n), n), tok: '--' };
      case 'assignment_statement':
      case 'short_var_declaration': {
        const left = this.field(n, 'left');
        const right = this.field(n, 'right');
        const tok = this.type(n) === 'short_var_declaration' ? ':=' : this.assignOp(n);
        return {
          kind: 'AssignStmt', span, tok,
          lhs: left === -1 ? [] : this.exprList(left),
          rhs: right === -1 ? [] : this.exprList(right),
        };
      }
      case 'go_statement':
      case 'defer_statement': {
        const call = this.callOf(n);
        if (call === null) return this.badStmt(n);
        return this.type(n) === 'go_statement' ? { kind: 'GoStmt', span, call } : { kind: 'DeferStmt', span, call };
      }
      case 'return_statement': {
        const list = this.firstNamed(n);
        return { kind: 'ReturnStmt', span, results: list === -1 ? [] : this.exprList(list) };
      }
      case 'break_statement':
      case 'continue_statement':
      case 'goto_statement': {
        const label = this.firstNamed(n);
        const tok = this.type(n) === 'break_statement' ? 'break' : this.type(n) === 'continue_statement' ? 'continue' : 'goto';
        return { kind: 'BranchStmt', span, tok, label: label === -1 || this.type(label) !== 'label_name' ? null : this.ident(label) };
      }
      case 'fallthrough_statement':
        return { kind: 'BranchStmt', span, tok: 'fallthrough', label: null };
      case 'labeled_statement': {
        const label = this.field(n, 'label');
        const inner = this.firstUnfielded(n);
        return {
          kind: 'LabeledStmt', span,
          label: this.identOrBad(label, n),
          stmt: inner === -1 ? { kind: 'EmptyStmt', span: this.spanOf(this.end[n], this.end[n]) } : this.stmt(inner),
        };
      }
      case 'empty_statement':
        return { kind: 'EmptyStmt', span };
      case 'block':
        return this.block(n);
      case 'if_statement': {
        const alt = this.field(n, 'alternative');
        const body = this.field(n, 'consequence');
        return {
          kind: 'IfStmt', span,
          init: this.optStmt(this.field(n, 'initializer')),
          cond: this.exprOrBad(this.field(n, 'condition'), n),
          body: body === -1 ? this.emptyBlock(n) : this.block(body),
          else: alt === -1 ? null : this.stmt(alt),
        };
      }
      case 'expression_switch_statement': {
        const tag = this.field(n, 'value');
        return {
          kind: 'SwitchStmt', span,
          init: this.optStmt(this.field(n, 'initializer')),
          tag: tag === -1 ? null : this.expr(tag),
          clauses: this.caseClauses(n),
        };
      }
      case 'type_switch_statement': {
        const alias = this.field(n, 'alias');
        const bindingNode = alias === -1 ? -1 : this.firstNamed(alias);
        return {
          kind: 'TypeSwitchStmt', span,
          init: this.optStmt(this.field(n, 'initializer')),
          binding: bindingNode === -1 ? null : this.ident(bindingNode),
          x: this.exprOrBad(this.field(n, 'value'), n),
          clauses: this.caseClauses(n),
        };
      }
      case 'select_statement': {
        const clauses: CommClause[] = [];
        for (const c of this.namedKids(n)) {
          const ct = this.type(c);
          if (ct === 'communication_case') {
            const comm = this.field(c, 'communication');
            clauses.push({ kind: 'CommClause', span: this.span(c), comm: comm === -1 ? this.badStmt(c) : this.commStmt(comm), body: this.clauseBody(c) });
          } else if (ct === 'default_case') {
            clauses.push({ kind: 'CommClause', span: this.span(c), comm: null, body: this.clauseBody(c) });
          }
        }
        return { kind: 'SelectStmt', span, clauses: exact(clauses) };
      }
      case 'for_statement': {
        const bodyNode = this.field(n, 'body');
        const body = bodyNode === -1 ? this.emptyBlock(n) : this.block(bodyNode);
        const head = this.firstUnfielded(n);
        const ht = head === -1 ? '' : this.type(head);
        if (ht === 'range_clause') {
          const left = this.field(head, 'left');
          const lhs = left === -1 ? [] : this.exprList(left);
          const tok = left === -1 ? null : this.token(head, ':=') !== -1 ? ':=' : '=';
          return {
            kind: 'RangeStmt', span,
            key: lhs[0] ?? null, value: lhs[1] ?? null, tok,
            x: this.exprOrBad(this.field(head, 'right'), head), body,
          };
        }
        if (ht === 'for_clause') {
          const cond = this.field(head, 'condition');
          return {
            kind: 'ForStmt', span,
            init: this.optStmt(this.field(head, 'initializer')),
            cond: cond === -1 ? null : this.expr(cond),
            post: this.optStmt(this.field(head, 'update')),
            body,
          };
        }
        return { kind: 'ForStmt', span, init: null, cond: head === -1 ? null : this.expr(head), post: null, body };
      }
      case 'const_declaration':
      case 'var_declaration':
      case 'type_declaration':
        return { kind: 'DeclStmt', span, decl: this.genDecl(n) };
      default:
        return this.badStmt(n);
    }
  }

  private assignOp(n: number): string {
    const op = this.field(n, 'operator');
    if (op !== -1) return this.type(op);
    // On the fast path anonymous tokens carry no field: the operator is the only one.
    return this.firstToken(n) ?? '=';
  }

  /** The call of a go/defer statement (parentheses around it are dropped). */
  private callOf(n: number): CallExpr | null {
    let c = this.firstNamed(n);
    while (c !== -1 && this.type(c) === 'parenthesized_expression') c = this.firstNamed(c);
    if (c === -1) return null;
    const ct = this.type(c);
    if (ct !== 'call_expression' && ct !== 'type_conversion_expression') {
      if (ct !== 'ERROR') this.error(this.start[c], `syntax error: expression in ${this.type(n) === 'go_statement' ? 'go' : 'defer'} must be function call`);
      return null;
    }
    const e = this.expr(c);
    return e.kind === 'CallExpr' ? e : null;
  }

  private commStmt(n: number): Stmt {
    if (this.type(n) === 'send_statement') return this.stmt(n);
    if (this.type(n) !== 'receive_statement') return this.badStmt(n);
    const span = this.span(n);
    const right = this.exprOrBad(this.field(n, 'right'), n);
    const left = this.field(n, 'left');
    if (left === -1) return { kind: 'ExprStmt', span, x: right };
    return { kind: 'AssignStmt', span, lhs: this.exprList(left), tok: this.token(n, ':=') !== -1 ? ':=' : '=', rhs: [right] };
  }

  private caseClauses(n: number): CaseClause[] {
    const out: CaseClause[] = [];
    for (const c of this.namedKids(n)) {
      const ct = this.type(c);
      if (ct === 'expression_case') {
        const v = this.field(c, 'value');
        out.push({ kind: 'CaseClause', span: this.span(c), list: v === -1 ? [] : this.exprList(v), body: this.clauseBody(c) });
      } else if (ct === 'type_case') {
        out.push({ kind: 'CaseClause', span: this.span(c), list: this.fieldAll(c, 'type').map((t) => this.expr(t)), body: this.clauseBody(c) });
      } else if (ct === 'default_case') {
        out.push({ kind: 'CaseClause', span: this.span(c), list: [], body: this.clauseBody(c) });
      }
    }
    return exact(out);
  }

  private emptyBlock(n: number): BlockStmt {
    return { kind: 'BlockStmt', span: this.spanOf(this.end[n], this.end[n]), list: [] };
  }

  private badStmt(n: number): BadStmt {
    return { kind: 'BadStmt', span: this.span(n) };
  }

  // ------------------------------------------------------------ expressions and types

  private exprList(n: number): Expr[] {
    if (this.type(n) !== 'expression_list') return [this.expr(n)];
    const out: Expr[] = [];
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) if (this.named[c]) out.push(this.expr(c));
    return exact(out);
  }

  private exprOrBad(n: number, parent: number): Expr {
    return n === -1 ? { kind: 'BadExpr', span: this.spanOf(this.end[parent], this.end[parent]) } : this.expr(n);
  }

  private ident(n: number): Ident {
    return { kind: 'Ident', span: this.span(n), name: this.name(n) };
  }

  private identOrBad(n: number, parent: number): Ident {
    return n === -1 ? { kind: 'Ident', span: this.spanOf(this.end[parent], this.end[parent]), name: '' } : this.ident(n);
  }

  private bad(n: number): BadExpr {
    return { kind: 'BadExpr', span: this.span(n) };
  }

  private tooDeep(n: number): void {
    if (this.tooDeepReported) return;
    this.tooDeepReported = true;
    this.error(this.start[n], 'nesting too deep');
  }

  private expr(n: number): Expr {
    if (++this.depth > MAX_NESTING) {
      this.depth--;
      this.tooDeep(n);
      return this.bad(n);
    }
    const e = this.exprInner(n);
    this.depth--;
    return e;
  }

  private exprInner(n: number): Expr {
    const span = this.span(n);
    switch (this.type(n)) {
      case 'identifier':
      case 'field_identifier':
      case 'type_identifier':
      case 'package_identifier':
      case 'blank_identifier':
      case 'true':
      case 'false':
      case 'nil':
      case 'iota':
        return { kind: 'Ident', span, name: this.name(n) };
      case 'int_literal':
        return { kind: 'BasicLit', span, litKind: 'INT', value: this.literal(n) };
      case 'float_literal':
        return { kind: 'BasicLit', span, litKind: 'FLOAT', value: this.literal(n) };
      case 'imaginary_literal':
        return { kind: 'BasicLit', span, litKind: 'IMAG', value: this.literal(n) };
      case 'rune_literal':
        return { kind: 'BasicLit', span, litKind: 'CHAR', value: this.literal(n) };
      case 'interpreted_string_literal':
      case 'raw_string_literal':
        return { kind: 'BasicLit', span, litKind: 'STRING', value: this.literal(n) };
      case 'parenthesized_expression':
      case 'parenthesized_type':
        return { kind: 'ParenExpr', span, x: this.exprOrBad(this.firstNamed(n), n) };
      case 'selector_expression':
        return {
          kind: 'SelectorExpr', span,
          x: this.exprOrBad(this.field(n, 'operand'), n),
          sel: this.identOrBad(this.field(n, 'field'), n),
        };
      case 'qualified_type':
        return {
          kind: 'SelectorExpr', span,
          x: this.identOrBad(this.field(n, 'package'), n),
          sel: this.identOrBad(this.field(n, 'name'), n),
        };
      case 'call_expression':
        return this.call(n, span);
      case 'type_conversion_expression':
        return {
          kind: 'CallExpr', span,
          fun: this.exprOrBad(this.field(n, 'type'), n),
          args: [this.exprOrBad(this.field(n, 'operand'), n)],
          ellipsis: false,
        };
      case 'index_expression':
        return {
          kind: 'IndexExpr', span,
          x: this.exprOrBad(this.field(n, 'operand'), n),
          indices: [this.exprOrBad(this.field(n, 'index'), n)],
        };
      case 'type_instantiation_expression': {
        const indices: Expr[] = [];
        for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) {
          if (this.named[c] && this.fieldId[c] === 0) indices.push(this.expr(c));
        }
        return { kind: 'IndexExpr', span, x: this.exprOrBad(this.field(n, 'type'), n), indices: exact(indices) };
      }
      case 'generic_type': {
        const args = this.field(n, 'type_arguments');
        return {
          kind: 'IndexExpr', span,
          x: this.exprOrBad(this.field(n, 'type'), n),
          indices: args === -1 ? [] : this.namedKids(args).map((c) => this.expr(c)),
        };
      }
      case 'slice_expression': {
        const lo = this.field(n, 'start');
        const hi = this.field(n, 'end');
        const max = this.field(n, 'capacity');
        return {
          kind: 'SliceExpr', span,
          x: this.exprOrBad(this.field(n, 'operand'), n),
          low: lo === -1 ? null : this.expr(lo),
          high: hi === -1 ? null : this.expr(hi),
          max: max === -1 ? null : this.expr(max),
        };
      }
      case 'type_assertion_expression':
        return {
          kind: 'TypeAssertExpr', span,
          x: this.exprOrBad(this.field(n, 'operand'), n),
          type: this.exprOrBad(this.field(n, 'type'), n),
        };
      case 'unary_expression': {
        const op = this.firstToken(n) ?? '';
        const x = this.exprOrBad(this.field(n, 'operand'), n);
        return op === '*' ? { kind: 'StarExpr', span, x } : { kind: 'UnaryExpr', span, op, x };
      }
      case 'binary_expression':
        return this.binaryChain(n);
      case 'composite_literal': {
        const ty = this.field(n, 'type');
        const body = this.field(n, 'body');
        return { kind: 'CompositeLit', span, type: ty === -1 ? null : this.expr(ty), elts: body === -1 ? [] : this.elements(body) };
      }
      case 'literal_value':
        return { kind: 'CompositeLit', span, type: null, elts: this.elements(n) };
      case 'literal_element':
        return this.exprOrBad(this.firstNamed(n), n);
      case 'keyed_element':
        return {
          kind: 'KeyValueExpr', span,
          key: this.exprOrBad(this.field(n, 'key'), n),
          value: this.exprOrBad(this.field(n, 'value'), n),
        };
      case 'func_literal': {
        const body = this.field(n, 'body');
        return { kind: 'FuncLit', span, type: this.funcType(n, this.start[n]), body: body === -1 ? this.emptyBlock(n) : this.block(body) };
      }
      case 'pointer_type':
        return { kind: 'StarExpr', span, x: this.exprOrBad(this.firstNamed(n), n) };
      case 'array_type':
        return {
          kind: 'ArrayType', span,
          len: this.exprOrBad(this.field(n, 'length'), n),
          elt: this.exprOrBad(this.field(n, 'element'), n),
        };
      case 'implicit_length_array_type': {
        const dots = this.token(n, '...');
        const len = dots === -1
          ? { kind: 'Ellipsis' as const, span, elt: null }
          : { kind: 'Ellipsis' as const, span: this.span(dots), elt: null };
        return { kind: 'ArrayType', span, len, elt: this.exprOrBad(this.field(n, 'element'), n) };
      }
      case 'slice_type':
        return { kind: 'ArrayType', span, len: null, elt: this.exprOrBad(this.field(n, 'element'), n) };
      case 'map_type':
        return {
          kind: 'MapType', span,
          key: this.exprOrBad(this.field(n, 'key'), n),
          value: this.exprOrBad(this.field(n, 'value'), n),
        };
      case 'channel_type':
        return this.chanType(n, false);
      case 'function_type':
        return this.funcType(n, this.start[n]);
      case 'struct_type':
        return { kind: 'StructType', span, fields: this.structFields(n) };
      case 'interface_type':
        return { kind: 'InterfaceType', span, methods: this.interfaceElems(n) };
      case 'negated_type':
        return { kind: 'UnaryExpr', span, op: '~', x: this.exprOrBad(this.firstNamed(n), n) };
      case 'type_elem':
      case 'type_constraint':
        return this.union(n);
      default:
        return { kind: 'BadExpr', span };
    }
  }

  /**
   * A left-associated operator chain (`"a" + "b" + ...`, a thousand terms in generated
   * Unicode tables) is converted along its left spine with a loop, so its length does
   * not count as nesting. Chains longer than MAX_CHAIN are cut to a BadExpr: the result
   * must stay within the nesting later passes can take (see MAX_NESTING).
   */
  private binaryChain(n: number): Expr {
    const spine: number[] = [];
    let left = n;
    while (left !== -1 && this.type(left) === 'binary_expression') {
      spine.push(left);
      left = this.field(left, 'left');
    }
    if (spine.length > MAX_CHAIN) {
      this.tooDeep(n);
      return this.bad(n);
    }
    let acc: Expr = this.exprOrBad(left, spine[spine.length - 1]);
    for (let i = spine.length - 1; i >= 0; i--) {
      const b = spine[i];
      acc = { kind: 'BinaryExpr', span: this.span(b), op: this.firstToken(b) ?? '', x: acc, y: this.exprOrBad(this.field(b, 'right'), b) };
    }
    return acc;
  }

  private call(n: number, span: Span): CallExpr {
    const fnNode = this.field(n, 'function');
    let fun = this.exprOrBad(fnNode, n);
    const targs = this.field(n, 'type_arguments');
    if (targs !== -1) {
      fun = {
        kind: 'IndexExpr',
        span: fnNode === -1 ? this.span(targs) : this.spanFrom(fnNode, targs),
        x: fun,
        indices: this.namedKids(targs).map((c) => this.expr(c)),
      };
    }
    const args: Expr[] = [];
    let ellipsis = false;
    const list = this.field(n, 'arguments');
    if (list !== -1) {
      for (let c = this.firstChild[list]; c !== -1; c = this.nextSibling[c]) {
        if (!this.named[c]) continue;
        if (this.type(c) === 'variadic_argument') {
          ellipsis = true;
          args.push(this.exprOrBad(this.firstNamed(c), c));
        } else args.push(this.expr(c));
      }
    }
    return { kind: 'CallExpr', span, fun, args: exact(args), ellipsis };
  }

  /** `A | ~B | C` as left-associated BinaryExprs, as go/parser builds type sets. */
  private union(n: number): Expr {
    let acc: Expr | null = null;
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) {
      if (!this.named[c]) continue;
      const e = this.expr(c);
      acc = acc === null ? e : { kind: 'BinaryExpr', span: [acc.span[0], acc.span[1], e.span[2], e.span[3]], op: '|', x: acc, y: e };
    }
    return acc ?? this.bad(n);
  }

  /**
   * tree-sitter-go reads `chan<- chan int` as `chan (<-chan int)`, but Go binds the arrow
   * to the leftmost chan: it is `chan<- (chan int)`. An unparenthesised `<-chan` directly
   * inside a bidirectional chan is therefore re-associated here. `asBoth` converts a
   * `<-chan V` node whose arrow was taken by the enclosing chan, as plain `chan V`.
   */
  private chanType(n: number, asBoth: boolean): ChanType {
    const startOff = asBoth ? Math.max(this.start[n], this.src.indexOf('chan', this.start[n])) : this.start[n];
    const span = this.spanOf(startOff, this.end[n]);
    const dir = asBoth ? 'both' : this.chanDir(n);
    const v = this.field(n, 'value');
    if (dir === 'both' && v !== -1 && this.type(v) === 'channel_type' && this.firstToken(v) === '<-') {
      if (++this.depth > MAX_NESTING) {
        this.depth--;
        this.tooDeep(v);
        return { kind: 'ChanType', span, dir: 'send', value: this.bad(v) };
      }
      const value = this.chanType(v, true);
      this.depth--;
      return { kind: 'ChanType', span, dir: 'send', value };
    }
    return { kind: 'ChanType', span, dir, value: this.exprOrBad(v, n) };
  }

  private chanDir(n: number): 'both' | 'send' | 'recv' {
    const first = this.firstToken(n);
    if (first === '<-') return 'recv';
    // `chan<- T`: an arrow after the chan keyword, before the element type.
    let sawChan = false;
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) {
      if (this.named[c]) break;
      const t = this.type(c);
      if (t === 'chan') sawChan = true;
      else if (t === '<-' && sawChan) return 'send';
    }
    return 'both';
  }

  private elements(n: number): Expr[] {
    const out: Expr[] = [];
    for (let c = this.firstChild[n]; c !== -1; c = this.nextSibling[c]) if (this.named[c]) out.push(this.expr(c));
    return exact(out);
  }

  private structFields(n: number): Field[] {
    const out: Field[] = [];
    const list = this.firstNamed(n);
    if (list === -1) return out;
    for (const f of this.namedKids(list)) {
      if (this.type(f) !== 'field_declaration') continue;
      const names = this.fieldAll(f, 'name').map((c) => this.ident(c));
      const typeNode = this.field(f, 'type');
      let type = this.exprOrBad(typeNode, f);
      // An embedded `*T` keeps its star as an anonymous token of the field.
      if (names.length === 0 && this.token(f, '*') !== -1) {
        type = { kind: 'StarExpr', span: this.spanOf(this.start[f], typeNode === -1 ? this.end[f] : this.end[typeNode]), x: type };
      }
      const tag = this.field(f, 'tag');
      out.push({ kind: 'Field', span: this.span(f), names, type, tag: tag === -1 ? null : this.literal(tag) });
    }
    return exact(out);
  }

  private interfaceElems(n: number): Field[] {
    const out: Field[] = [];
    for (const m of this.namedKids(n)) {
      const ty = this.type(m);
      if (ty === 'method_elem') {
        const name = this.field(m, 'name');
        const ps = this.field(m, 'parameters');
        out.push({
          kind: 'Field',
          span: this.span(m),
          names: [this.identOrBad(name, m)],
          type: this.funcType(m, ps === -1 ? this.start[m] : this.start[ps]),
          tag: null,
        });
      } else if (ty === 'type_elem') {
        out.push({ kind: 'Field', span: this.span(m), names: [], type: this.union(m), tag: null });
      }
    }
    return exact(out);
  }
}
