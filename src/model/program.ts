/**
 * The program model: every package of the scan (and the standard-library models they
 * import), their package-level objects, named types with resolved underlying types,
 * methods, and the type information of every function body.
 */
import type * as ast from '../syntax/ast.js';
import type { PackageRef, SourceFileRef } from '../workspace/types.js';
import { Checker, embeddedName, type CheckerHost, type TypeInfo } from './checker.js';
import type { MethodTable } from './lookup.js';
import { lookupFieldOrMethod } from './lookup.js';
import type { FileInfo, FuncInfo, MethodInfo, Obj, PackageInfo, Selection, VarObj } from './objects.js';
import { Scope } from './scope.js';
import { defaultType, underlying } from './typeops.js';
import { UNKNOWN, type Type, type TypeDecl } from './types.js';
import { UNIVERSE } from './universe.js';

export interface ParsedPackage {
  ref: PackageRef | null;
  importPath: string;
  files: Array<{ ast: ast.GoFile; ref: SourceFileRef | null }>;
}

interface PendingVar {
  obj: VarObj;
  spec: ast.ValueSpec;
  index: number;
  checker: Checker;
  scope: Scope;
  done: boolean;
}

interface PendingConst {
  obj: Extract<Obj, { kind: 'const' }>;
  expr: ast.Expr | null;
  iota: number;
  checker: Checker;
  scope: Scope;
  state: 'todo' | 'busy' | 'done';
}

export class Program implements CheckerHost {
  readonly info: TypeInfo = { types: new Map(), uses: new Map(), selections: new Map(), lits: new Map(), defs: new Map() };
  readonly methods: MethodTable = new Map();
  /** Module packages, sorted by import path. */
  readonly packages: PackageInfo[] = [];
  readonly byPath = new Map<string, PackageInfo>();
  /** Every function, method and function literal of the module packages. */
  readonly funcs: FuncInfo[] = [];
  private varIds = 0;
  private readonly pendingConsts = new Map<Extract<Obj, { kind: 'const' }>, PendingConst>();
  private readonly fileScopes = new Map<FileInfo, Scope>();

  static build(pkgs: ParsedPackage[], stdlib: ParsedPackage[]): Program {
    const p = new Program();
    const all = [...stdlib.map((s) => ({ s, inModule: false })), ...pkgs.map((s) => ({ s, inModule: true }))];
    const infos = all.map(({ s, inModule }) => p.declarePackage(s, inModule));
    for (const info of infos) p.resolveImports(info);
    const checkers = infos.map((info) => p.collect(info));
    for (const c of checkers) p.registerConsts(c);
    for (const c of checkers) p.resolveTypes(c);
    for (const c of checkers) p.resolveFuncSigs(c);
    p.finishConsts();
    for (const c of checkers) p.resolvePackageVars(c);
    for (const c of checkers) if (c.pkg.inModule) p.checkBodies(c);
    p.packages.sort((a, b) => (a.importPath < b.importPath ? -1 : a.importPath > b.importPath ? 1 : 0));
    return p;
  }

  // ---------------------------------------------------------------- CheckerHost

  nextVarId(): number {
    return ++this.varIds;
  }

  addFunc(f: FuncInfo): void {
    this.funcs.push(f);
  }

  constValue(_pkg: PackageInfo, e: ast.Expr, scope: Scope): number | null {
    return this.evalConst(e, scope, 0);
  }

  // ---------------------------------------------------------------- queries

  typeOf(e: ast.Expr): Type {
    return this.info.types.get(e) ?? UNKNOWN;
  }

  objectOf(id: ast.Ident): Obj | null {
    return this.info.uses.get(id) ?? null;
  }

  selectionOf(e: ast.SelectorExpr): Selection | null {
    return this.info.selections.get(e) ?? null;
  }

  funcOfLit(e: ast.FuncLit): FuncInfo | null {
    return this.info.lits.get(e) ?? null;
  }

  lookup(t: Type, name: string) {
    return lookupFieldOrMethod(t, name, this.methods);
  }

  methodsOf(decl: TypeDecl): Map<string, MethodInfo> {
    return this.methods.get(decl) ?? new Map();
  }

  /** A package-level object by import path and name. */
  member(pkgPath: string, name: string): Obj | null {
    return this.byPath.get(pkgPath)?.scope.get(name) ?? null;
  }

  // ---------------------------------------------------------------- building

  private declarePackage(s: ParsedPackage, inModule: boolean): PackageInfo {
    const name = mostCommonName(s.files.map((f) => f.ast.packageName));
    const info: PackageInfo = {
      importPath: s.importPath, name, inModule, module: s.ref?.module ?? null, scope: new Map(), funcs: [],
      files: s.files.map((f) => ({ ast: f.ast, ref: f.ref, imports: new Map() })),
    };
    // Module packages shadow a standard-library model of the same path (scanning GOROOT).
    this.byPath.set(s.importPath, info);
    if (inModule) this.packages.push(info);
    return info;
  }

  private resolveImports(pkg: PackageInfo): void {
    for (const f of pkg.files) {
      for (const imp of f.ast.imports) {
        if (imp.name === '_' || imp.name === '.') continue;
        const local = imp.name ?? this.byPath.get(imp.path)?.name ?? defaultImportName(imp.path);
        f.imports.set(local, imp.path);
      }
    }
  }

  private fileScope(f: FileInfo, pkgScope: Scope): Scope {
    let s = this.fileScopes.get(f);
    if (!s) {
      s = new Scope(pkgScope);
      for (const [local, path] of f.imports) s.define(local, { kind: 'pkgname', path, pkg: this.byPath.get(path) ?? null });
      // `import . "sync"`: the package's exported names are declared in this file.
      for (const imp of f.ast.imports) {
        const members = imp.name === '.' ? this.byPath.get(imp.path)?.scope : undefined;
        if (members) s.addDotImport(members);
      }
      this.fileScopes.set(f, s);
    }
    return s;
  }

  /** Declares package-level objects; returns a checker per file bundle. */
  private collect(pkg: PackageInfo): PkgCheck {
    const universe = new Scope(null, UNIVERSE);
    const pkgScope = new Scope(universe, pkg.scope);
    const files: FileCheck[] = [];
    for (const f of pkg.files) {
      const checker = new Checker(this, pkg, f);
      const scope = this.fileScope(f, pkgScope);
      const fc: FileCheck = { file: f, checker, scope, types: [], vars: [], funcs: [] };
      const opaqueLines = new Set(f.ast.directives.filter((d) => d.text.startsWith('//goconc:opaque')).map((d) => d.line + 1));
      for (const d of f.ast.decls) {
        if (d.kind === 'FuncDecl') {
          fc.funcs.push(this.declareFunc(pkg, f, d));
          continue;
        }
        let lastConst: ast.ValueSpec | null = null;
        for (const spec of d.specs) {
          if (spec.kind === 'TypeSpec') {
            const decl: TypeDecl = {
              pkgPath: pkg.importPath, name: spec.name.name, underlying: UNKNOWN, typeParams: [],
              file: pkg.inModule ? f.ast.path : null, span: pkg.inModule ? spec.span : null,
            };
            if (opaqueLines.has(spec.span[0])) decl.opaque = true;
            const obj: Obj = { kind: 'type', type: spec.alias ? UNKNOWN : { kind: 'named', decl, args: [] } };
            pkg.scope.set(spec.name.name, obj);
            fc.types.push({ spec, decl, obj });
          } else if (spec.kind === 'ValueSpec') {
            // In a const group a spec without values repeats the previous one's.
            if (d.tok === 'const' && spec.values.length) lastConst = spec;
            const source = d.tok === 'const' && !spec.values.length && lastConst ? lastConst : spec;
            spec.names.forEach((n, i) => {
              if (d.tok === 'const') {
                const obj = { kind: 'const' as const, name: n.name, type: UNKNOWN as Type, pkgPath: pkg.importPath, value: null as number | null };
                if (n.name !== '_') pkg.scope.set(n.name, obj);
                fc.consts ??= [];
                fc.consts.push({ obj, spec, source, index: i });
              } else {
                const obj: VarObj = {
                  kind: 'var', name: n.name, type: UNKNOWN, id: this.nextVarId(), scope: 'pkg', pkgPath: pkg.importPath,
                  file: f.ast.path, span: n.span, func: null,
                };
                if (n.name !== '_') pkg.scope.set(n.name, obj);
                this.info.defs.set(n, obj);
                this.info.uses.set(n, obj);
                fc.vars.push({ obj, spec, index: i, checker, scope, done: false });
              }
            });
          }
        }
      }
      files.push(fc);
    }
    return { pkg, files };
  }

  private declareFunc(pkg: PackageInfo, f: FileInfo, d: ast.FuncDecl): FuncInfo {
    const recvName = d.recv ? recvTypeName(d.recv.type) : null;
    const ptrRecv = !!d.recv && unparenType(d.recv.type).kind === 'StarExpr';
    const name = recvName ? `(${ptrRecv ? '*' : ''}${recvName}).${d.name.name}` : d.name.name;
    const fn: FuncInfo = {
      id: `${pkg.importPath}.${name}`, name, pkg, file: f, node: d, sig: { params: [], results: [], variadic: false },
      body: d.body, recv: null, recvDecl: null, ptrRecv, params: [], results: [], parent: null, literals: [],
    };
    if (!d.recv && d.name.name !== 'init' && d.name.name !== '_') {
      pkg.scope.set(d.name.name, { kind: 'func', name: d.name.name, pkgPath: pkg.importPath, sig: fn.sig, info: pkg.inModule ? fn : null });
    }
    if (pkg.inModule) {
      pkg.funcs.push(fn);
      this.funcs.push(fn);
    }
    return fn;
  }

  private resolveTypes(pc: PkgCheck): void {
    for (const fc of pc.files) {
      for (const { spec, decl, obj } of fc.types) {
        const inner = new Scope(fc.scope);
        decl.typeParams = fc.checker.declareTypeParams(spec.typeParams, inner);
        const t = fc.checker.resolveType(spec.type, inner);
        if (spec.alias) {
          (obj as { type: Type }).type = t;
        } else {
          decl.underlying = t.kind === 'named' ? t : t;
        }
      }
    }
    // Named types defined as other named types take their underlying type.
    for (const fc of pc.files) {
      for (const { decl } of fc.types) {
        if (decl.underlying.kind === 'named') decl.underlying = underlying(decl.underlying);
      }
    }
  }

  /**
   * Constants are registered before any type is resolved: an array type's length
   * (`[shardCount]shard`) is evaluated while its type is resolved.
   */
  private registerConsts(pc: PkgCheck): void {
    for (const fc of pc.files) {
      for (const c of fc.consts ?? []) {
        const expr = c.source.values[c.index] ?? null;
        const pc2: PendingConst = { obj: c.obj, expr, iota: c.spec.iota, checker: fc.checker, scope: fc.scope, state: 'todo' };
        if (c.source.type) c.obj.type = fc.checker.resolveType(c.source.type, fc.scope);
        this.pendingConsts.set(c.obj, pc2);
      }
    }
  }

  private resolveFuncSigs(pc: PkgCheck): void {
    for (const fc of pc.files) {
      for (const fn of fc.funcs) {
        const d = fn.node as ast.FuncDecl;
        const scope = new Scope(fc.scope);
        let recvTypeParams: string[] = [];
        if (d.recv) {
          const rt = unparenType(d.recv.type);
          const base = rt.kind === 'StarExpr' ? rt.x : rt;
          if (base.kind === 'IndexExpr') {
            recvTypeParams = base.indices.filter((i): i is ast.Ident => i.kind === 'Ident').map((i) => i.name);
            for (const n of recvTypeParams) scope.typeParams.set(n, { kind: 'typeparam', name: n, constraint: UNKNOWN });
          }
          const t = fc.checker.resolveType(d.recv.type, scope);
          const named = t.kind === 'pointer' ? t.elem : t;
          if (named.kind === 'named') {
            fn.recvDecl = named.decl;
            let table = this.methods.get(named.decl);
            if (!table) this.methods.set(named.decl, (table = new Map()));
            const m: MethodInfo = { name: d.name.name, recvDecl: named.decl, ptrRecv: fn.ptrRecv, sig: fn.sig, info: pc.pkg.inModule ? fn : null, iface: null, recvTypeParams };
            table.set(d.name.name, m);
            fc.recvParams ??= new Map();
            fc.recvParams.set(fn, recvTypeParams);
          }
        }
        fc.checker.declareTypeParams(d.type.typeParams, scope);
        const sig = fc.checker.signature(d.type, scope).sig;
        fn.sig.params = sig.params;
        fn.sig.results = sig.results;
        fn.sig.variadic = sig.variadic;
      }
    }
  }

  private resolvePackageVars(pc: PkgCheck): void {
    for (const fc of pc.files) {
      const bySpec = new Map<ast.ValueSpec, PendingVar[]>();
      for (const v of fc.vars) {
        const list = bySpec.get(v.spec) ?? [];
        list.push(v);
        bySpec.set(v.spec, list);
      }
      for (const [spec, vars] of bySpec) {
        if (spec.type) {
          const t = fc.checker.resolveType(spec.type, fc.scope);
          for (const v of vars) v.obj.type = t;
          // Initialisers still get typed (closures in them are functions too).
          if (pc.pkg.inModule) for (const e of spec.values) fc.checker.expr(e, fc.scope);
        }
      }
    }
    // Initialisers without a declared type, in file order (a var used before its
    // initialiser is typed stays unknown: good enough for concurrency facts).
    for (const fc of pc.files) {
      const seen = new Set<ast.ValueSpec>();
      for (const v of fc.vars) {
        if (v.spec.type || seen.has(v.spec)) continue;
        seen.add(v.spec);
        const group = fc.vars.filter((x) => x.spec === v.spec);
        if (!pc.pkg.inModule && v.spec.values.length === 0) continue;
        const types = v.spec.values.length === 1 && group.length > 1
          ? splitTuple(fc.checker.expr(v.spec.values[0]!, fc.scope), group.length)
          : v.spec.values.map((e) => fc.checker.expr(e, fc.scope));
        group.forEach((g, i) => { g.obj.type = defaultType(types[i] ?? UNKNOWN); });
      }
    }
  }

  private checkBodies(pc: PkgCheck): void {
    for (const fc of pc.files) {
      for (const fn of fc.funcs) fc.checker.checkFunc(fn, fc.scope, fc.recvParams?.get(fn) ?? []);
    }
  }

  // ---------------------------------------------------------------- constants

  private evalConst(e: ast.Expr, scope: Scope, iota: number): number | null {
    switch (e.kind) {
      case 'BasicLit': {
        if (e.litKind !== 'INT') return null;
        const v = Number(e.value.replace(/_/g, ''));
        return Number.isFinite(v) ? v : null;
      }
      case 'ParenExpr': return this.evalConst(e.x, scope, iota);
      case 'Ident': {
        if (e.name === 'iota') return iota;
        const o = scope.lookup(e.name);
        return o?.kind === 'const' ? this.constOf(o) : null;
      }
      case 'SelectorExpr': {
        if (e.x.kind !== 'Ident') return null;
        const p = scope.lookup(e.x.name);
        if (p?.kind !== 'pkgname') return null;
        const o = p.pkg?.scope.get(e.sel.name);
        return o?.kind === 'const' ? this.constOf(o) : null;
      }
      case 'UnaryExpr': {
        const x = this.evalConst(e.x, scope, iota);
        if (x === null) return null;
        return e.op === '-' ? -x : e.op === '+' ? x : e.op === '^' ? ~x : null;
      }
      case 'BinaryExpr': {
        const x = this.evalConst(e.x, scope, iota);
        const y = this.evalConst(e.y, scope, iota);
        if (x === null || y === null) return null;
        switch (e.op) {
          case '+': return x + y;
          case '-': return x - y;
          case '*': return x * y;
          case '/': return y === 0 ? null : Math.trunc(x / y);
          case '%': return y === 0 ? null : x % y;
          case '<<': return y < 53 ? x * 2 ** y : null;
          case '>>': return Math.floor(x / 2 ** y);
          case '&': return x & y;
          case '|': return x | y;
          case '^': return x ^ y;
          default: return null;
        }
      }
      case 'CallExpr': {
        // unsafe.Sizeof and len of constants are not evaluated: unknown.
        return null;
      }
      default: return null;
    }
  }

  private constOf(o: Extract<Obj, { kind: 'const' }>): number | null {
    const p = this.pendingConsts.get(o);
    if (!p) return o.value;
    if (p.state === 'done') return o.value;
    if (p.state === 'busy') return null;
    p.state = 'busy';
    const expr = p.expr;
    o.value = expr ? this.evalConst(expr, p.scope, p.iota) : null;
    if (expr && o.type.kind === 'unknown') o.type = defaultType(p.checker.expr(expr, p.scope));
    p.state = 'done';
    return o.value;
  }

  /** The expression a constant is declared with (null for universe constants and a
   * constant declared without one). */
  constExpr(o: Extract<Obj, { kind: 'const' }>): ast.Expr | null {
    return this.pendingConsts.get(o)?.expr ?? null;
  }

  /** Resolves every constant (types and values); called after building. */
  finishConsts(): void {
    for (const o of this.pendingConsts.keys()) this.constOf(o);
  }
}

interface FileCheck {
  file: FileInfo;
  checker: Checker;
  scope: Scope;
  types: Array<{ spec: ast.TypeSpec; decl: TypeDecl; obj: Obj }>;
  vars: PendingVar[];
  consts?: Array<{ obj: Extract<Obj, { kind: 'const' }>; spec: ast.ValueSpec; source: ast.ValueSpec; index: number }>;
  funcs: FuncInfo[];
  recvParams?: Map<FuncInfo, string[]>;
}

interface PkgCheck {
  pkg: PackageInfo;
  files: FileCheck[];
}

function mostCommonName(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) if (!n.endsWith('_test')) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = names[0] ?? 'main';
  let bestN = 0;
  for (const [n, c] of counts) if (c > bestN) { best = n; bestN = c; }
  return best;
}

/** The package name Go developers expect for an import path outside the scan. */
export function defaultImportName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1] ?? path;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2]!;
  last = last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/-go$/, '');
  return last.replace(/[^A-Za-z0-9_]/g, '_');
}

function unparenType(e: ast.Expr): ast.Expr {
  while (e.kind === 'ParenExpr') e = e.x;
  return e;
}

function recvTypeName(e: ast.Expr): string | null {
  const t = unparenType(e);
  if (t.kind === 'StarExpr') return recvTypeName(t.x);
  const n = embeddedName(t);
  return n === '_' ? null : n;
}

function splitTuple(t: Type, n: number): Type[] {
  if (t.kind === 'tuple') return t.types;
  return n === 2 ? [t, { kind: 'basic', name: 'bool' }] : [t];
}
