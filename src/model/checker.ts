/**
 * A light Go type checker over goconc's syntax tree: resolves identifiers to objects,
 * selectors to fields and methods, and gives every expression a static type. It is not
 * a compiler: where Go's rules would need more than the model knows, the type is
 * `unknown` and later stages stay silent about it.
 */
import type * as ast from '../syntax/ast.js';
import { lookupFieldOrMethod, type MethodTable } from './lookup.js';
import type { FileInfo, FuncInfo, Obj, PackageInfo, Selection, VarObj } from './objects.js';
import { Scope } from './scope.js';
import { defaultType, substitute, underlying } from './typeops.js';
import { basic, UNKNOWN, type Signature, type StructField, type Type } from './types.js';
import { EMPTY_INTERFACE } from './universe.js';

/** Everything the checker records; owned by the Program. */
export interface TypeInfo {
  types: Map<ast.Expr, Type>;
  uses: Map<ast.Ident, Obj>;
  selections: Map<ast.SelectorExpr, Selection>;
  lits: Map<ast.FuncLit, FuncInfo>;
  /** The object an Ident declares (`x := ...`, parameters, range variables). */
  defs: Map<ast.Ident, VarObj>;
}

export interface CheckerHost {
  info: TypeInfo;
  methods: MethodTable;
  nextVarId(): number;
  /** Registers a function literal's FuncInfo. */
  addFunc(f: FuncInfo): void;
  /** Package-level object's type, resolving it lazily. */
  constValue(pkg: PackageInfo, e: ast.Expr, scope: Scope): number | null;
}

export class Checker {
  /** Set while checking a function body. */
  private func: FuncInfo | null = null;
  private litCount = new Map<FuncInfo, number>();

  constructor(private readonly host: CheckerHost, readonly pkg: PackageInfo, readonly file: FileInfo) {}

  // ------------------------------------------------------------------ type expressions

  resolveType(e: ast.Expr | null, scope: Scope): Type {
    if (!e) return UNKNOWN;
    const t = this.resolveTypeInner(e, scope);
    this.host.info.types.set(e, t);
    return t;
  }

  private resolveTypeInner(e: ast.Expr, scope: Scope): Type {
    switch (e.kind) {
      case 'Ident': {
        const o = scope.lookup(e.name);
        if (o) this.host.info.uses.set(e, o);
        return o?.kind === 'type' ? o.type : UNKNOWN;
      }
      case 'SelectorExpr': {
        if (e.x.kind === 'Ident') {
          const o = scope.lookup(e.x.name);
          if (o?.kind === 'pkgname') {
            this.host.info.uses.set(e.x, o);
            if (o.path === 'unsafe' && e.sel.name === 'Pointer') return basic('unsafe.Pointer');
            const m = o.pkg?.scope.get(e.sel.name);
            if (m) {
              this.host.info.uses.set(e.sel, m);
              this.host.info.selections.set(e, { kind: 'qualified', obj: m });
            }
            return m?.kind === 'type' ? m.type : UNKNOWN;
          }
        }
        return UNKNOWN;
      }
      case 'ParenExpr': return this.resolveType(e.x, scope);
      case 'StarExpr': return { kind: 'pointer', elem: this.resolveType(e.x, scope) };
      case 'ArrayType': {
        const elem = this.resolveType(e.elt, scope);
        if (!e.len) return { kind: 'slice', elem };
        if (e.len.kind === 'Ellipsis') return { kind: 'array', len: null, elem };
        return { kind: 'array', len: this.host.constValue(this.pkg, e.len, scope), elem };
      }
      case 'MapType': return { kind: 'map', key: this.resolveType(e.key, scope), value: this.resolveType(e.value, scope) };
      case 'ChanType': return { kind: 'chan', dir: e.dir, elem: this.resolveType(e.value, scope) };
      case 'FuncType': return { kind: 'func', sig: this.signature(e, scope).sig };
      case 'StructType': {
        const fields: StructField[] = [];
        for (const f of e.fields) {
          const ft = this.resolveType(f.type, scope);
          if (f.names.length === 0) {
            fields.push({ name: embeddedName(f.type), type: ft, embedded: true, span: f.span });
          } else {
            for (const n of f.names) fields.push({ name: n.name, type: ft, embedded: false, span: n.span });
          }
        }
        return { kind: 'struct', fields };
      }
      case 'InterfaceType': {
        const methods = [];
        const embeds: Type[] = [];
        for (const m of e.methods) {
          if (m.names.length && m.type.kind === 'FuncType') methods.push({ name: m.names[0]!.name, sig: this.signature(m.type, scope).sig });
          else embeds.push(this.resolveType(m.type, scope));
        }
        return { kind: 'interface', methods, embeds };
      }
      case 'IndexExpr': {
        const base = this.resolveType(e.x, scope);
        if (base.kind === 'named') return { kind: 'named', decl: base.decl, args: e.indices.map((i) => this.resolveType(i, scope)) };
        return UNKNOWN;
      }
      case 'Ellipsis': return { kind: 'slice', elem: this.resolveType(e.elt, scope) };
      case 'UnaryExpr': // ~T in constraints
      case 'BinaryExpr': // A | B in constraints
        return UNKNOWN;
      default: return UNKNOWN;
    }
  }

  /** Resolves a function type; declares nothing. */
  signature(ft: ast.FuncType, scope: Scope): { sig: Signature; paramTypes: Type[][]; resultTypes: Type[][] } {
    const paramTypes: Type[][] = [];
    const params: Type[] = [];
    let variadic = false;
    for (const f of ft.params) {
      let t: Type;
      if (f.type.kind === 'Ellipsis') {
        variadic = true;
        t = { kind: 'slice', elem: this.resolveType(f.type.elt, scope) };
        this.host.info.types.set(f.type, t);
      } else t = this.resolveType(f.type, scope);
      const n = Math.max(1, f.names.length);
      paramTypes.push(Array(n).fill(t));
      for (let i = 0; i < n; i++) params.push(t);
    }
    const resultTypes: Type[][] = [];
    const results: Type[] = [];
    for (const f of ft.results) {
      const t = this.resolveType(f.type, scope);
      const n = Math.max(1, f.names.length);
      resultTypes.push(Array(n).fill(t));
      for (let i = 0; i < n; i++) results.push(t);
    }
    return { sig: { params, results, variadic }, paramTypes, resultTypes };
  }

  /** Declares type parameters in scope. */
  declareTypeParams(tps: ast.Field[], scope: Scope): string[] {
    const names: string[] = [];
    for (const f of tps) {
      for (const n of f.names) {
        names.push(n.name);
        scope.typeParams.set(n.name, { kind: 'typeparam', name: n.name, constraint: UNKNOWN });
      }
    }
    for (const f of tps) {
      const c = this.resolveType(f.type, scope);
      for (const n of f.names) scope.typeParams.set(n.name, { kind: 'typeparam', name: n.name, constraint: c });
    }
    return names;
  }

  // ------------------------------------------------------------------ function bodies

  newVar(name: string, type: Type, scopeKind: VarObj['scope'], ident: ast.Ident | null): VarObj {
    const v: VarObj = {
      kind: 'var', name, type, id: this.host.nextVarId(), scope: scopeKind, pkgPath: this.pkg.importPath,
      file: this.file.ast.path, span: ident?.span ?? null, func: this.func,
    };
    if (ident) {
      this.host.info.defs.set(ident, v);
      this.host.info.uses.set(ident, v);
    }
    return v;
  }

  /** Checks a function's body with parameters declared. */
  checkFunc(fn: FuncInfo, outer: Scope, recvTypeParams: string[] = []): void {
    const prev = this.func;
    this.func = fn;
    const scope = new Scope(outer);
    const node = fn.node;
    const ft = node.type;
    if (node.kind === 'FuncDecl') {
      if (node.recv) {
        // Receiver type parameters: func (c *Cache[K, V]) ...
        const rt = node.recv.type.kind === 'StarExpr' ? node.recv.type.x : node.recv.type;
        if (rt.kind === 'IndexExpr') {
          for (const ix of rt.indices) if (ix.kind === 'Ident') scope.typeParams.set(ix.name, { kind: 'typeparam', name: ix.name, constraint: UNKNOWN });
        }
        for (const n of recvTypeParams) if (!scope.typeParams.has(n)) scope.typeParams.set(n, { kind: 'typeparam', name: n, constraint: UNKNOWN });
        const t = this.resolveType(node.recv.type, scope);
        const name = node.recv.names[0];
        const v = this.newVar(name?.name ?? '_', t, 'recv', name ?? null);
        fn.recv = v;
        if (name) scope.define(name.name, v);
      }
      this.declareTypeParams(ft.typeParams, scope);
    }
    const sig = this.signature(ft, scope);
    fn.sig = sig.sig;
    ft.params.forEach((f, i) => {
      f.names.forEach((n, j) => {
        const v = this.newVar(n.name, sig.paramTypes[i]![j]!, 'param', n);
        fn.params.push(v);
        scope.define(n.name, v);
      });
    });
    ft.results.forEach((f, i) => {
      f.names.forEach((n, j) => {
        const v = this.newVar(n.name, sig.resultTypes[i]![j]!, 'result', n);
        fn.results.push(v);
        scope.define(n.name, v);
      });
    });
    if (fn.body) this.block(fn.body.list, scope);
    this.func = prev;
  }

  private block(list: ast.Stmt[], scope: Scope): void {
    for (const s of list) this.stmt(s, scope);
  }

  private stmt(s: ast.Stmt, scope: Scope): void {
    switch (s.kind) {
      case 'BlockStmt': this.block(s.list, new Scope(scope)); return;
      case 'ExprStmt': this.expr(s.x, scope); return;
      case 'SendStmt': this.expr(s.chan, scope); this.expr(s.value, scope); return;
      case 'IncDecStmt': this.expr(s.x, scope); return;
      case 'GoStmt': case 'DeferStmt': this.expr(s.call, scope); return;
      case 'ReturnStmt': for (const r of s.results) this.expr(r, scope); return;
      case 'LabeledStmt': this.stmt(s.stmt, scope); return;
      case 'DeclStmt': this.genDecl(s.decl, scope); return;
      case 'AssignStmt': this.assign(s, scope); return;
      case 'IfStmt': {
        const sc = new Scope(scope);
        if (s.init) this.stmt(s.init, sc);
        this.expr(s.cond, sc);
        this.block(s.body.list, new Scope(sc));
        if (s.else) this.stmt(s.else, sc);
        return;
      }
      case 'ForStmt': {
        const sc = new Scope(scope);
        if (s.init) this.stmt(s.init, sc);
        if (s.cond) this.expr(s.cond, sc);
        if (s.post) this.stmt(s.post, sc);
        this.block(s.body.list, new Scope(sc));
        return;
      }
      case 'RangeStmt': {
        const sc = new Scope(scope);
        const xt = this.expr(s.x, scope);
        const [kt, vt] = rangeTypes(xt);
        if (s.tok === ':=') {
          if (s.key?.kind === 'Ident') sc.define(s.key.name, this.newVar(s.key.name, kt, 'local', s.key));
          if (s.value?.kind === 'Ident') sc.define(s.value.name, this.newVar(s.value.name, vt, 'local', s.value));
        } else {
          if (s.key) this.expr(s.key, scope);
          if (s.value) this.expr(s.value, scope);
        }
        this.block(s.body.list, new Scope(sc));
        return;
      }
      case 'SwitchStmt': {
        const sc = new Scope(scope);
        if (s.init) this.stmt(s.init, sc);
        if (s.tag) this.expr(s.tag, sc);
        for (const c of s.clauses) {
          for (const e of c.list) this.expr(e, sc);
          this.block(c.body, new Scope(sc));
        }
        return;
      }
      case 'TypeSwitchStmt': {
        const sc = new Scope(scope);
        if (s.init) this.stmt(s.init, sc);
        const xt = this.expr(s.x, sc);
        for (const c of s.clauses) {
          const cs = new Scope(sc);
          const types = c.list.map((e) => (e.kind === 'Ident' && e.name === 'nil' ? basic('untyped nil') : this.resolveType(e, sc)));
          if (s.binding) {
            const bt = types.length === 1 && types[0]!.kind !== 'basic' ? types[0]! : types.length === 1 && types[0]!.kind === 'basic' && types[0]!.name !== 'untyped nil' ? types[0]! : xt;
            cs.define(s.binding.name, this.newVar(s.binding.name, bt, 'local', null));
          }
          this.block(c.body, cs);
        }
        return;
      }
      case 'SelectStmt': {
        for (const c of s.clauses) {
          const cs = new Scope(scope);
          if (c.comm) this.stmt(c.comm, cs);
          this.block(c.body, cs);
        }
        return;
      }
      case 'CaseClause': case 'CommClause':
      case 'BranchStmt': case 'EmptyStmt': case 'BadStmt':
        return;
    }
  }

  genDecl(d: ast.GenDecl, scope: Scope): void {
    for (const spec of d.specs) {
      if (spec.kind === 'ValueSpec') {
        const declared = spec.type ? this.resolveType(spec.type, scope) : null;
        const vals = this.exprList(spec.values, scope, spec.names.length);
        spec.names.forEach((n, i) => {
          const t = declared ?? defaultType(vals[i] ?? UNKNOWN);
          if (d.tok === 'const') {
            scope.define(n.name, { kind: 'const', name: n.name, type: t, pkgPath: this.pkg.importPath, value: null });
          } else {
            scope.define(n.name, this.newVar(n.name, t, 'local', n));
          }
        });
      } else if (spec.kind === 'TypeSpec') {
        // Local type declarations: resolved in place (no methods can be declared on them).
        const decl = { pkgPath: this.pkg.importPath, name: spec.name.name, underlying: UNKNOWN as Type, typeParams: [] as string[], file: this.file.ast.path, span: spec.span };
        const t: Type = spec.alias ? UNKNOWN : { kind: 'named', decl, args: [] };
        if (!spec.alias) scope.define(spec.name.name, { kind: 'type', type: t });
        const inner = new Scope(scope);
        decl.typeParams = this.declareTypeParams(spec.typeParams, inner);
        const u = this.resolveType(spec.type, inner);
        if (spec.alias) scope.define(spec.name.name, { kind: 'type', type: u });
        else decl.underlying = underlying(u).kind === 'unknown' && u.kind !== 'named' ? u : underlying(u);
      }
    }
  }

  private assign(s: ast.AssignStmt, scope: Scope): void {
    if (s.tok === ':=') {
      const vals = this.exprList(s.rhs, scope, s.lhs.length);
      s.lhs.forEach((l, i) => {
        if (l.kind !== 'Ident') { this.expr(l, scope); return; }
        const existing = scope.lookupLocal(l.name);
        if (existing && existing.kind === 'var') {
          this.host.info.uses.set(l, existing);
          this.host.info.types.set(l, existing.type);
        } else if (l.name !== '_') {
          const v = this.newVar(l.name, defaultType(vals[i] ?? UNKNOWN), 'local', l);
          scope.define(l.name, v);
          this.host.info.types.set(l, v.type);
        }
      });
      return;
    }
    for (const l of s.lhs) this.expr(l, scope);
    this.exprList(s.rhs, scope, s.lhs.length);
  }

  /** Types of the values an expression list yields, splitting a multi-value call or a
   * comma-ok form when the list has one expression and n targets. */
  private exprList(list: ast.Expr[], scope: Scope, n: number): Type[] {
    if (list.length === 1 && n > 1) {
      const e = list[0]!;
      const t = this.expr(e, scope);
      if (t.kind === 'tuple') return t.types;
      const inner = unparen(e);
      if (inner.kind === 'IndexExpr') { const u = underlying(this.typeOf(inner.x)); if (u.kind === 'map') return [u.value, basic('bool')]; }
      if (inner.kind === 'TypeAssertExpr' || (inner.kind === 'UnaryExpr' && inner.op === '<-')) return [t, basic('bool')];
      return [t];
    }
    return list.map((e) => this.expr(e, scope));
  }

  typeOf(e: ast.Expr): Type {
    return this.host.info.types.get(e) ?? UNKNOWN;
  }

  // ------------------------------------------------------------------ expressions

  expr(e: ast.Expr, scope: Scope): Type {
    const t = this.exprInner(e, scope);
    this.host.info.types.set(e, t);
    return t;
  }

  private exprInner(e: ast.Expr, scope: Scope): Type {
    switch (e.kind) {
      case 'Ident': {
        if (e.name === '_') return UNKNOWN;
        const o = scope.lookup(e.name);
        if (!o) return UNKNOWN;
        this.host.info.uses.set(e, o);
        switch (o.kind) {
          case 'var': case 'const': return o.type;
          case 'func': return { kind: 'func', sig: o.sig };
          case 'type': return o.type; // conversion target or type argument
          default: return UNKNOWN;
        }
      }
      case 'BasicLit':
        return basic(e.litKind === 'STRING' ? 'untyped string' : e.litKind === 'INT' ? 'untyped int' : e.litKind === 'CHAR' ? 'untyped rune' : 'untyped float');
      case 'ParenExpr': return this.expr(e.x, scope);
      case 'FuncLit': return this.funcLit(e, scope);
      case 'CompositeLit': {
        const t = e.type ? this.resolveType(e.type, scope) : UNKNOWN;
        this.compositeElts(e, t, scope);
        return t;
      }
      case 'KeyValueExpr': this.expr(e.key, scope); return this.expr(e.value, scope);
      case 'SelectorExpr': return this.selector(e, scope);
      case 'IndexExpr': {
        const xt = this.expr(e.x, scope);
        for (const i of e.indices) this.expr(i, scope);
        if (xt.kind === 'func') return xt; // generic instantiation F[T]
        if (e.x.kind === 'Ident' || e.x.kind === 'SelectorExpr') {
          const o = e.x.kind === 'Ident' ? this.host.info.uses.get(e.x) : null;
          if (o?.kind === 'type') return this.resolveType(e, scope);
        }
        const u = underlying(xt);
        switch (u.kind) {
          case 'slice': return u.elem;
          case 'array': return u.elem;
          case 'map': return u.value;
          case 'basic': return u.name === 'string' || u.name === 'untyped string' ? basic('uint8') : UNKNOWN;
          case 'pointer': { const a = underlying(u.elem); return a.kind === 'array' ? a.elem : UNKNOWN; }
          default: return UNKNOWN;
        }
      }
      case 'SliceExpr': {
        const xt = this.expr(e.x, scope);
        for (const p of [e.low, e.high, e.max]) if (p) this.expr(p, scope);
        const u = underlying(xt);
        if (u.kind === 'array') return { kind: 'slice', elem: u.elem };
        if (u.kind === 'pointer') { const a = underlying(u.elem); if (a.kind === 'array') return { kind: 'slice', elem: a.elem }; }
        if (u.kind === 'basic' && u.name === 'untyped string') return basic('string');
        return xt;
      }
      case 'TypeAssertExpr': {
        this.expr(e.x, scope);
        return e.type ? this.resolveType(e.type, scope) : UNKNOWN;
      }
      case 'CallExpr': return this.call(e, scope);
      case 'StarExpr': {
        const xt = this.expr(e.x, scope);
        if (xt.kind === 'pointer') return xt.elem;
        const o = e.x.kind === 'Ident' ? this.host.info.uses.get(e.x) : null;
        if (o?.kind === 'type') return { kind: 'pointer', elem: xt }; // pointer type in expression position
        return UNKNOWN;
      }
      case 'UnaryExpr': {
        const xt = this.expr(e.x, scope);
        if (e.op === '&') return { kind: 'pointer', elem: xt };
        if (e.op === '<-') { const u = underlying(xt); return u.kind === 'chan' ? u.elem : UNKNOWN; }
        if (e.op === '!') return basic('bool');
        return xt;
      }
      case 'BinaryExpr': {
        const xt = this.expr(e.x, scope);
        const yt = this.expr(e.y, scope);
        if (['==', '!=', '<', '<=', '>', '>=', '&&', '||'].includes(e.op)) return basic('bool');
        if (e.op === '<<' || e.op === '>>') return xt;
        return isUntyped(xt) ? yt : xt;
      }
      case 'ArrayType': case 'MapType': case 'ChanType': case 'FuncType': case 'StructType': case 'InterfaceType':
        return this.resolveType(e, scope);
      default:
        return UNKNOWN;
    }
  }

  private compositeElts(e: ast.CompositeLit, t: Type, scope: Scope): void {
    const u = underlying(t.kind === 'pointer' ? t.elem : t);
    for (const el of e.elts) {
      let valueType: Type = UNKNOWN;
      let value: ast.Expr = el;
      if (el.kind === 'KeyValueExpr') {
        value = el.value;
        if (u.kind === 'struct' && el.key.kind === 'Ident') {
          const f = u.fields.find((x) => x.name === (el.key as ast.Ident).name);
          valueType = f?.type ?? UNKNOWN;
        } else if (u.kind === 'map') {
          if (el.key.kind === 'CompositeLit' && !el.key.type) this.compositeElided(el.key, u.key, scope);
          else this.expr(el.key, scope);
          valueType = u.value;
        } else {
          this.expr(el.key, scope);
          valueType = u.kind === 'slice' || u.kind === 'array' ? u.elem : UNKNOWN;
        }
      } else if (u.kind === 'slice' || u.kind === 'array') valueType = u.elem;
      else if (u.kind === 'struct') valueType = u.fields[e.elts.indexOf(el)]?.type ?? UNKNOWN;
      if (value.kind === 'CompositeLit' && !value.type) this.compositeElided(value, valueType, scope);
      else if (value.kind === 'UnaryExpr' && value.op === '&' && value.x.kind === 'CompositeLit' && !value.x.type) {
        this.compositeElided(value.x, valueType.kind === 'pointer' ? valueType.elem : UNKNOWN, scope);
        this.host.info.types.set(value, valueType);
      } else this.expr(value, scope);
    }
  }

  /** `{...}` with its type elided inside an outer composite literal. */
  private compositeElided(e: ast.CompositeLit, t: Type, scope: Scope): void {
    const et = t.kind === 'pointer' ? t.elem : t;
    this.host.info.types.set(e, et);
    this.compositeElts(e, et, scope);
  }

  private funcLit(e: ast.FuncLit, scope: Scope): Type {
    const parent = this.func;
    const n = (this.litCount.get(parent!) ?? 0) + 1;
    if (parent) this.litCount.set(parent, n);
    const fn: FuncInfo = {
      id: parent ? `${parent.id}$${n}` : `${this.pkg.importPath}.init$lit${e.span[0]}`,
      name: parent ? `${parent.name}.func${n}` : `func literal`,
      pkg: this.pkg, file: this.file, node: e, sig: { params: [], results: [], variadic: false },
      body: e.body, recv: null, recvDecl: null, ptrRecv: false, params: [], results: [], parent, literals: [],
    };
    parent?.literals.push(fn);
    this.host.info.lits.set(e, fn);
    this.host.addFunc(fn);
    this.checkFunc(fn, scope);
    return { kind: 'func', sig: fn.sig };
  }

  private selector(e: ast.SelectorExpr, scope: Scope): Type {
    if (e.x.kind === 'Ident') {
      const o = scope.lookup(e.x.name);
      if (o?.kind === 'pkgname') {
        this.host.info.uses.set(e.x, o);
        if (o.path === 'unsafe') return e.sel.name === 'Pointer' ? basic('unsafe.Pointer') : UNKNOWN;
        const m = o.pkg?.scope.get(e.sel.name);
        if (!m) return UNKNOWN;
        this.host.info.uses.set(e.sel, m);
        this.host.info.selections.set(e, { kind: 'qualified', obj: m });
        switch (m.kind) {
          case 'var': case 'const': return m.type;
          case 'func': return { kind: 'func', sig: m.sig };
          case 'type': return m.type;
          default: return UNKNOWN;
        }
      }
      if (o?.kind === 'type') {
        // Method expression T.M or (*T).M: a function taking the receiver first.
        const sel = lookupFieldOrMethod(o.type, e.sel.name, this.host.methods);
        this.host.info.uses.set(e.x, o);
        if (sel?.kind === 'method') {
          this.host.info.selections.set(e, sel);
          return { kind: 'func', sig: { ...sel.method.sig, params: [o.type, ...sel.method.sig.params] } };
        }
        return UNKNOWN;
      }
    }
    const xt = this.expr(e.x, scope);
    if (xt.kind === 'unknown') return UNKNOWN;
    const sel = lookupFieldOrMethod(xt, e.sel.name, this.host.methods);
    if (!sel) return UNKNOWN;
    this.host.info.selections.set(e, sel);
    return sel.kind === 'field' ? sel.type : { kind: 'func', sig: sel.method.sig };
  }

  private call(e: ast.CallExpr, scope: Scope): Type {
    const fun = unparen(e.fun);
    // Builtins and conversions first: their "function" is not a value.
    if (fun.kind === 'Ident') {
      const o = scope.lookup(fun.name);
      if (o?.kind === 'builtin') {
        this.host.info.uses.set(fun, o);
        return this.builtin(o.name, e, scope);
      }
    }
    const ft = this.expr(e.fun, scope);
    const conv = this.conversionTarget(fun);
    if (conv) {
      for (const a of e.args) this.expr(a, scope);
      return conv;
    }
    const argTypes = e.args.map((a) => this.expr(a, scope));
    const f = underlying(ft);
    if (f.kind !== 'func') return UNKNOWN;
    let results = f.sig.results;
    if (results.some(hasTypeParam)) results = this.inferResults(f.sig, argTypes);
    if (results.length === 0) return { kind: 'tuple', types: [] };
    return results.length === 1 ? results[0]! : { kind: 'tuple', types: results };
  }

  /** When the callee names a type, the call is a conversion to that type. */
  private conversionTarget(fun: ast.Expr): Type | null {
    const look = (x: ast.Expr): Type | null => {
      if (x.kind === 'Ident') { const o = this.host.info.uses.get(x); return o?.kind === 'type' ? o.type : null; }
      if (x.kind === 'SelectorExpr') { const s = this.host.info.selections.get(x); return s?.kind === 'qualified' && s.obj.kind === 'type' ? s.obj.type : null; }
      if (x.kind === 'ArrayType' || x.kind === 'MapType' || x.kind === 'ChanType' || x.kind === 'FuncType' || x.kind === 'InterfaceType' || x.kind === 'StructType') return this.typeOf(x);
      if (x.kind === 'StarExpr' || x.kind === 'ParenExpr') { const t = look(x.x); return t && x.kind === 'StarExpr' ? { kind: 'pointer', elem: t } : t; }
      if (x.kind === 'IndexExpr') { const b = look(x.x); return b ? this.typeOf(x) : null; }
      return null;
    };
    return look(fun);
  }

  /** Infers type arguments of a generic call by matching parameter and argument types. */
  private inferResults(sig: Signature, args: Type[]): Type[] {
    const env = new Map<string, Type>();
    sig.params.forEach((p, i) => {
      const a = i < args.length ? args[i]! : null;
      if (a) unify(p, defaultType(a), env);
    });
    return sig.results.map((r) => substitute(r, env));
  }

  private builtin(name: string, e: ast.CallExpr, scope: Scope): Type {
    const first = e.args[0];
    switch (name) {
      case 'new': return { kind: 'pointer', elem: first ? this.resolveType(first, scope) : UNKNOWN };
      case 'make': {
        const t = first ? this.resolveType(first, scope) : UNKNOWN;
        for (const a of e.args.slice(1)) this.expr(a, scope);
        return t;
      }
      case 'len': case 'cap': case 'copy':
        for (const a of e.args) this.expr(a, scope);
        return basic('int');
      case 'append': {
        const ts = e.args.map((a) => this.expr(a, scope));
        return ts[0] ?? UNKNOWN;
      }
      case 'recover': return EMPTY_INTERFACE;
      case 'min': case 'max': { const ts = e.args.map((a) => this.expr(a, scope)); return ts.find((t) => !isUntyped(t)) ?? ts[0] ?? UNKNOWN; }
      case 'real': case 'imag': for (const a of e.args) this.expr(a, scope); return basic('float64');
      case 'complex': for (const a of e.args) this.expr(a, scope); return basic('complex128');
      default:
        for (const a of e.args) this.expr(a, scope);
        return { kind: 'tuple', types: [] };
    }
  }
}

function unify(p: Type, a: Type, env: Map<string, Type>): void {
  if (p.kind === 'typeparam') { if (!env.has(p.name) && a.kind !== 'unknown') env.set(p.name, a); return; }
  const ua = a.kind === 'named' && p.kind !== 'named' ? underlying(a) : a;
  switch (p.kind) {
    case 'pointer': case 'slice': if (ua.kind === p.kind) unify(p.elem, ua.elem, env); return;
    case 'array': if (ua.kind === 'array') unify(p.elem, ua.elem, env); return;
    case 'chan': if (ua.kind === 'chan') unify(p.elem, ua.elem, env); return;
    case 'map': if (ua.kind === 'map') { unify(p.key, ua.key, env); unify(p.value, ua.value, env); } return;
    case 'func': if (ua.kind === 'func') { p.sig.params.forEach((x, i) => ua.sig.params[i] && unify(x, ua.sig.params[i]!, env)); p.sig.results.forEach((x, i) => ua.sig.results[i] && unify(x, ua.sig.results[i]!, env)); } return;
    case 'named': if (a.kind === 'named' && a.decl === p.decl) p.args.forEach((x, i) => a.args[i] && unify(x, a.args[i]!, env)); return;
    default: return;
  }
}

export function hasTypeParam(t: Type): boolean {
  switch (t.kind) {
    case 'typeparam': return true;
    case 'pointer': case 'slice': case 'array': case 'chan': return hasTypeParam(t.elem);
    case 'map': return hasTypeParam(t.key) || hasTypeParam(t.value);
    case 'named': return t.args.some(hasTypeParam);
    case 'func': return t.sig.params.some(hasTypeParam) || t.sig.results.some(hasTypeParam);
    case 'tuple': return t.types.some(hasTypeParam);
    default: return false;
  }
}

export function isUntyped(t: Type): boolean {
  return t.kind === 'basic' && t.name.startsWith('untyped');
}

export function unparen(e: ast.Expr): ast.Expr {
  while (e.kind === 'ParenExpr') e = e.x;
  return e;
}

/** Key and value types of a range over t. */
function rangeTypes(t: Type): [Type, Type] {
  const u = underlying(t);
  switch (u.kind) {
    case 'slice': return [basic('int'), u.elem];
    case 'array': return [basic('int'), u.elem];
    case 'pointer': { const a = underlying(u.elem); return a.kind === 'array' ? [basic('int'), a.elem] : [UNKNOWN, UNKNOWN]; }
    case 'map': return [u.key, u.value];
    case 'chan': return [u.elem, UNKNOWN];
    case 'basic':
      if (u.name === 'string' || u.name === 'untyped string') return [basic('int'), basic('int32')];
      return [defaultType(u), UNKNOWN]; // range over an integer (go 1.22)
    case 'func': {
      const y = u.sig.params[0] ? underlying(u.sig.params[0]) : UNKNOWN;
      if (y.kind === 'func') return [y.sig.params[0] ?? UNKNOWN, y.sig.params[1] ?? UNKNOWN];
      return [UNKNOWN, UNKNOWN];
    }
    default: return [UNKNOWN, UNKNOWN];
  }
}

/** The implicit field name of an embedded field: `T`, `*T`, `pkg.T`, `T[X]`. */
export function embeddedName(t: ast.Expr): string {
  switch (t.kind) {
    case 'Ident': return t.name;
    case 'StarExpr': return embeddedName(t.x);
    case 'SelectorExpr': return t.sel.name;
    case 'IndexExpr': return embeddedName(t.x);
    case 'ParenExpr': return embeddedName(t.x);
    default: return '_';
  }
}

