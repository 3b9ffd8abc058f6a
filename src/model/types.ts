/**
 * Go types as the model knows them. What the model cannot establish is `unknown`;
 * a rule that needs an unknown fact says nothing.
 */
import type { Span } from '../syntax/ast.js';

export type BasicName =
  | 'bool'
  | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
  | 'float32' | 'float64' | 'complex64' | 'complex128'
  | 'string'
  | 'unsafe.Pointer'
  // untyped constants
  | 'untyped int' | 'untyped float' | 'untyped rune' | 'untyped string' | 'untyped bool' | 'untyped nil';

export interface BasicType { kind: 'basic'; name: BasicName }

/** A declared (named) type, from the module or from the standard-library model. */
export interface NamedType {
  kind: 'named';
  decl: TypeDecl;
  /** Type arguments of an instantiated generic type. */
  args: Type[];
}

export interface PointerType { kind: 'pointer'; elem: Type }
export interface SliceType { kind: 'slice'; elem: Type }
/** len is null when it could not be evaluated. */
export interface ArrayType { kind: 'array'; len: number | null; elem: Type }
export interface MapType { kind: 'map'; key: Type; value: Type }
export interface ChanType { kind: 'chan'; dir: 'both' | 'send' | 'recv'; elem: Type }

export interface StructField {
  name: string;
  type: Type;
  embedded: boolean;
  span: Span | null;
}
export interface StructType { kind: 'struct'; fields: StructField[] }

export interface Signature {
  params: Type[];
  results: Type[];
  variadic: boolean;
}
export interface FuncType { kind: 'func'; sig: Signature }

export interface InterfaceMethod { name: string; sig: Signature }
export interface InterfaceType {
  kind: 'interface';
  methods: InterfaceMethod[];
  /** Embedded interfaces and type-set terms, resolved lazily by the model. */
  embeds: Type[];
}

/** Multiple results of a call. */
export interface TupleType { kind: 'tuple'; types: Type[] }
export interface TypeParamType { kind: 'typeparam'; name: string; constraint: Type }
export interface UnknownType { kind: 'unknown' }

export type Type =
  | BasicType
  | NamedType
  | PointerType
  | SliceType
  | ArrayType
  | MapType
  | ChanType
  | StructType
  | FuncType
  | InterfaceType
  | TupleType
  | TypeParamType
  | UnknownType;

/** Where a named type comes from and what it is. */
export interface TypeDecl {
  /** Import path of the declaring package ("sync", "example.com/m/pkg"). */
  pkgPath: string;
  name: string;
  /** Filled in by the model once the declaration is resolved; `unknown` for opaque
   * standard-library types whose layout only the size table knows. */
  underlying: Type;
  typeParams: string[];
  /** Declaring file (relative path) and span; null for standard-library models. */
  file: string | null;
  span: Span | null;
  /** Standard-library model whose real fields are not modelled: its layout comes only
   * from the size table (src/model/stdlib-sizes.ts), never from `underlying`. */
  opaque?: boolean;
}

export const UNKNOWN: UnknownType = { kind: 'unknown' };

export function basic(name: BasicName): BasicType {
  return { kind: 'basic', name };
}

/** `pkgPath.Name` of a named type, or null. */
export function qualifiedName(t: Type): string | null {
  return t.kind === 'named' ? `${t.decl.pkgPath}.${t.decl.name}` : null;
}

/** Short human form used in messages: `*pkg.Name`, `[]int`, `map[string]int`. */
export function typeString(t: Type): string {
  switch (t.kind) {
    case 'basic': return t.name;
    case 'named': {
      const last = t.decl.pkgPath.split('/').pop() ?? t.decl.pkgPath;
      const base = t.decl.pkgPath === '' ? t.decl.name : `${last}.${t.decl.name}`;
      return t.args.length ? `${base}[${t.args.map(typeString).join(', ')}]` : base;
    }
    case 'pointer': return `*${typeString(t.elem)}`;
    case 'slice': return `[]${typeString(t.elem)}`;
    case 'array': return `[${t.len ?? '?'}]${typeString(t.elem)}`;
    case 'map': return `map[${typeString(t.key)}]${typeString(t.value)}`;
    case 'chan': return t.dir === 'send' ? `chan<- ${typeString(t.elem)}` : t.dir === 'recv' ? `<-chan ${typeString(t.elem)}` : `chan ${typeString(t.elem)}`;
    case 'struct': return `struct{${t.fields.map((f) => (f.embedded ? typeString(f.type) : `${f.name} ${typeString(f.type)}`)).join('; ')}}`;
    case 'func': return `func(${t.sig.params.map(typeString).join(', ')})${t.sig.results.length ? ' ' + (t.sig.results.length === 1 ? typeString(t.sig.results[0]!) : `(${t.sig.results.map(typeString).join(', ')})`) : ''}`;
    case 'interface': return t.methods.length === 0 && t.embeds.length === 0 ? 'interface{}' : 'interface{...}';
    case 'tuple': return `(${t.types.map(typeString).join(', ')})`;
    case 'typeparam': return t.name;
    case 'unknown': return '?';
  }
}
