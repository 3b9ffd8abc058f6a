/**
 * What names denote once resolved: the objects of the program model, plus the units of
 * code (functions and function literals) that later stages analyse.
 */
import type * as ast from '../syntax/ast.js';
import type { Signature, Type, TypeDecl } from './types.js';
import type { GoModule, SourceFileRef } from '../workspace/types.js';

export interface VarObj {
  kind: 'var';
  name: string;
  type: Type;
  /** Unique within a Program; stable for one input. */
  id: number;
  scope: 'pkg' | 'local' | 'param' | 'result' | 'recv';
  pkgPath: string;
  file: string | null;
  span: ast.Span | null;
  /** Function whose body or signature declares it (null for package variables). */
  func: FuncInfo | null;
}

export interface ConstObj {
  kind: 'const';
  name: string;
  type: Type;
  pkgPath: string;
  /** Integer value when it could be evaluated (array lengths need it). */
  value: number | null;
}

export interface FuncObj {
  kind: 'func';
  name: string;
  pkgPath: string;
  sig: Signature;
  /** The declaration in the module; null for standard-library models. */
  info: FuncInfo | null;
}

export interface TypeObj {
  kind: 'type';
  type: Type;
}

export interface PkgNameObj {
  kind: 'pkgname';
  /** Import path. */
  path: string;
  /** Model of the package when known (module package or standard-library model). */
  pkg: PackageInfo | null;
}

export interface BuiltinObj {
  kind: 'builtin';
  name: string;
}

export type Obj = VarObj | ConstObj | FuncObj | TypeObj | PkgNameObj | BuiltinObj;

/** A struct field reached through a selector; path lists the embedded fields walked. */
export interface FieldSelection {
  kind: 'field';
  name: string;
  type: Type;
  /** The named type declaring the struct, when the struct is named (or null). */
  owner: TypeDecl | null;
  /** Embedded fields walked to reach the field, outermost first (names). */
  path: string[];
  /** true when a pointer was dereferenced implicitly on the way. */
  indirect: boolean;
  span: ast.Span | null;
  file: string | null;
}

export interface MethodInfo {
  name: string;
  /** The receiver's named type; null for interface methods. */
  recvDecl: TypeDecl | null;
  ptrRecv: boolean;
  sig: Signature;
  /** The method's body in the module; null for stdlib models and interface methods. */
  info: FuncInfo | null;
  /** For an interface method: the interface type. */
  iface: Type | null;
  /** Type parameter names the receiver declares (`func (c *Cache[K, V])`), bound to the
   * receiver type's arguments at a call. */
  recvTypeParams: string[];
}

export interface MethodSelection {
  kind: 'method';
  method: MethodInfo;
  /** Static type of the receiver expression. */
  recvType: Type;
  path: string[];
}

export interface QualifiedSelection {
  kind: 'qualified';
  obj: Obj;
}

export type Selection = FieldSelection | MethodSelection | QualifiedSelection;

export interface FileInfo {
  ast: ast.GoFile;
  ref: SourceFileRef | null;
  /** import local name -> import path. */
  imports: Map<string, string>;
}

export interface PackageInfo {
  importPath: string;
  name: string;
  /** false for standard-library models. */
  inModule: boolean;
  module: GoModule | null;
  files: FileInfo[];
  scope: Map<string, Obj>;
  /** Functions and methods declared in the package, in source order. */
  funcs: FuncInfo[];
}

/** A unit of code: a function, a method, or a function literal. */
export interface FuncInfo {
  /** Readable, unique id: `pkg.Func`, `pkg.(*T).M`, `pkg.Func$1` for literals. */
  id: string;
  /** Display name for traces: `Func`, `(*T).M`, `Func.func1`. */
  name: string;
  pkg: PackageInfo;
  file: FileInfo;
  node: ast.FuncDecl | ast.FuncLit;
  sig: Signature;
  body: ast.BlockStmt | null;
  recv: VarObj | null;
  recvDecl: TypeDecl | null;
  ptrRecv: boolean;
  params: VarObj[];
  results: VarObj[];
  /** Enclosing function of a literal. */
  parent: FuncInfo | null;
  literals: FuncInfo[];
}
