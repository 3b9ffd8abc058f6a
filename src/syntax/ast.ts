/**
 * goconc's Go syntax tree: a plain-data, go/ast-shaped tree built from tree-sitter's
 * concrete syntax tree in a worker thread. It is serialisable (JSON / structured clone),
 * so per-file facts can cross threads and be cached by content hash; every later stage
 * (model, concurrency facts, rules) works on this tree and never on tree-sitter nodes.
 *
 * Positions are 1-based lines and 1-based columns counted in UTF-16 code units of the
 * line (what editors and SARIF consumers expect for JavaScript strings).
 */

/** [startLine, startCol, endLine, endCol], all 1-based; end is exclusive. */
export type Span = [number, number, number, number];

interface NodeBase {
  span: Span;
}

// ---------------------------------------------------------------- expressions

export interface Ident extends NodeBase {
  kind: 'Ident';
  /** `_` is an Ident named "_". */
  name: string;
}

export interface BasicLit extends NodeBase {
  kind: 'BasicLit';
  litKind: 'INT' | 'FLOAT' | 'IMAG' | 'CHAR' | 'STRING';
  /** Source text of the literal (for strings: the text with quotes). */
  value: string;
}

/** `nil`, `true`, `false`, `iota` are kept as Idents, as in go/ast. */

export interface CompositeLit extends NodeBase {
  kind: 'CompositeLit';
  type: Expr | null;
  elts: Expr[];
}

export interface KeyValueExpr extends NodeBase {
  kind: 'KeyValueExpr';
  key: Expr;
  value: Expr;
}

export interface FuncLit extends NodeBase {
  kind: 'FuncLit';
  type: FuncType;
  body: BlockStmt;
}

export interface ParenExpr extends NodeBase {
  kind: 'ParenExpr';
  x: Expr;
}

export interface SelectorExpr extends NodeBase {
  kind: 'SelectorExpr';
  x: Expr;
  sel: Ident;
}

/** `x[i]`, and generic instantiation `F[T1, T2]` (indices has several elements). */
export interface IndexExpr extends NodeBase {
  kind: 'IndexExpr';
  x: Expr;
  indices: Expr[];
}

export interface SliceExpr extends NodeBase {
  kind: 'SliceExpr';
  x: Expr;
  low: Expr | null;
  high: Expr | null;
  max: Expr | null;
}

/** `x.(T)`; type is null for `x.(type)` in a type switch. */
export interface TypeAssertExpr extends NodeBase {
  kind: 'TypeAssertExpr';
  x: Expr;
  type: Expr | null;
}

export interface CallExpr extends NodeBase {
  kind: 'CallExpr';
  fun: Expr;
  args: Expr[];
  /** true for `f(xs...)`. */
  ellipsis: boolean;
}

/** `*x`: a dereference in expression position, a pointer type in type position. */
export interface StarExpr extends NodeBase {
  kind: 'StarExpr';
  x: Expr;
}

export interface UnaryExpr extends NodeBase {
  kind: 'UnaryExpr';
  /** One of `&`, `-`, `+`, `!`, `^`, `<-`, `~`. */
  op: string;
  x: Expr;
}

export interface BinaryExpr extends NodeBase {
  kind: 'BinaryExpr';
  op: string;
  x: Expr;
  y: Expr;
}

/** A placeholder for an expression tree-sitter could not parse. */
export interface BadExpr extends NodeBase {
  kind: 'BadExpr';
}

// ---------------------------------------------------------------- type expressions

export interface ArrayType extends NodeBase {
  kind: 'ArrayType';
  /** null for a slice type; an Ellipsis for `[...]T`. */
  len: Expr | null;
  elt: Expr;
}

export interface Ellipsis extends NodeBase {
  kind: 'Ellipsis';
  elt: Expr | null;
}

export interface Field extends NodeBase {
  kind: 'Field';
  /** Empty for an anonymous parameter or an embedded field. */
  names: Ident[];
  type: Expr;
  /** Struct tag source text, if any. */
  tag: string | null;
}

export interface StructType extends NodeBase {
  kind: 'StructType';
  fields: Field[];
}

export interface FuncType extends NodeBase {
  kind: 'FuncType';
  typeParams: Field[];
  params: Field[];
  results: Field[];
}

/** A method in an interface: names has one entry and type is a FuncType. An embedded
 * interface or a type-set element (`~int | string`): names is empty. */
export interface InterfaceType extends NodeBase {
  kind: 'InterfaceType';
  methods: Field[];
}

export interface MapType extends NodeBase {
  kind: 'MapType';
  key: Expr;
  value: Expr;
}

export interface ChanType extends NodeBase {
  kind: 'ChanType';
  dir: 'both' | 'send' | 'recv';
  value: Expr;
}

export type Expr =
  | Ident
  | BasicLit
  | CompositeLit
  | KeyValueExpr
  | FuncLit
  | ParenExpr
  | SelectorExpr
  | IndexExpr
  | SliceExpr
  | TypeAssertExpr
  | CallExpr
  | StarExpr
  | UnaryExpr
  | BinaryExpr
  | BadExpr
  | ArrayType
  | Ellipsis
  | StructType
  | FuncType
  | InterfaceType
  | MapType
  | ChanType;

// ---------------------------------------------------------------- statements

export interface BadStmt extends NodeBase {
  kind: 'BadStmt';
}

export interface DeclStmt extends NodeBase {
  kind: 'DeclStmt';
  decl: GenDecl;
}

export interface EmptyStmt extends NodeBase {
  kind: 'EmptyStmt';
}

export interface LabeledStmt extends NodeBase {
  kind: 'LabeledStmt';
  label: Ident;
  stmt: Stmt;
}

export interface ExprStmt extends NodeBase {
  kind: 'ExprStmt';
  x: Expr;
}

export interface SendStmt extends NodeBase {
  kind: 'SendStmt';
  chan: Expr;
  value: Expr;
}

export interface IncDecStmt extends NodeBase {
  kind: 'IncDecStmt';
  x: Expr;
  tok: '++' | '--';
}

/** `=`, `:=`, and the compound operators `+=`, `|=`, ... */
export interface AssignStmt extends NodeBase {
  kind: 'AssignStmt';
  lhs: Expr[];
  tok: string;
  rhs: Expr[];
}

export interface GoStmt extends NodeBase {
  kind: 'GoStmt';
  call: CallExpr;
}

export interface DeferStmt extends NodeBase {
  kind: 'DeferStmt';
  call: CallExpr;
}

export interface ReturnStmt extends NodeBase {
  kind: 'ReturnStmt';
  results: Expr[];
}

export interface BranchStmt extends NodeBase {
  kind: 'BranchStmt';
  tok: 'break' | 'continue' | 'goto' | 'fallthrough';
  label: Ident | null;
}

export interface BlockStmt extends NodeBase {
  kind: 'BlockStmt';
  list: Stmt[];
}

export interface IfStmt extends NodeBase {
  kind: 'IfStmt';
  init: Stmt | null;
  cond: Expr;
  body: BlockStmt;
  /** A BlockStmt, an IfStmt (else if), or null. */
  else: Stmt | null;
}

/** A case of a switch or type switch; list is empty for `default`. */
export interface CaseClause extends NodeBase {
  kind: 'CaseClause';
  list: Expr[];
  body: Stmt[];
}

export interface SwitchStmt extends NodeBase {
  kind: 'SwitchStmt';
  init: Stmt | null;
  tag: Expr | null;
  clauses: CaseClause[];
}

export interface TypeSwitchStmt extends NodeBase {
  kind: 'TypeSwitchStmt';
  init: Stmt | null;
  /** The `v` of `switch v := x.(type)`, or null. */
  binding: Ident | null;
  /** The `x` of `x.(type)`. */
  x: Expr;
  clauses: CaseClause[];
}

/** A case of a select; comm is null for `default`. comm is a SendStmt, an ExprStmt
 * holding a receive (`<-ch`), or an AssignStmt whose rhs is a receive. */
export interface CommClause extends NodeBase {
  kind: 'CommClause';
  comm: Stmt | null;
  body: Stmt[];
}

export interface SelectStmt extends NodeBase {
  kind: 'SelectStmt';
  clauses: CommClause[];
}

export interface ForStmt extends NodeBase {
  kind: 'ForStmt';
  init: Stmt | null;
  cond: Expr | null;
  post: Stmt | null;
  body: BlockStmt;
}

export interface RangeStmt extends NodeBase {
  kind: 'RangeStmt';
  key: Expr | null;
  value: Expr | null;
  /** `:=`, `=`, or null for `for range x`. */
  tok: ':=' | '=' | null;
  x: Expr;
  body: BlockStmt;
}

export type Stmt =
  | BadStmt
  | DeclStmt
  | EmptyStmt
  | LabeledStmt
  | ExprStmt
  | SendStmt
  | IncDecStmt
  | AssignStmt
  | GoStmt
  | DeferStmt
  | ReturnStmt
  | BranchStmt
  | BlockStmt
  | IfStmt
  | CaseClause
  | SwitchStmt
  | TypeSwitchStmt
  | CommClause
  | SelectStmt
  | ForStmt
  | RangeStmt;

// ---------------------------------------------------------------- declarations

export interface ImportSpec extends NodeBase {
  kind: 'ImportSpec';
  /** Explicit name: an identifier, `_` or `.`; null when absent. */
  name: string | null;
  /** The import path without quotes. */
  path: string;
}

export interface ValueSpec extends NodeBase {
  kind: 'ValueSpec';
  names: Ident[];
  type: Expr | null;
  values: Expr[];
  /** Index of this spec inside a const group (for iota). */
  iota: number;
}

export interface TypeSpec extends NodeBase {
  kind: 'TypeSpec';
  name: Ident;
  typeParams: Field[];
  /** true for `type A = B`. */
  alias: boolean;
  type: Expr;
}

export interface GenDecl extends NodeBase {
  kind: 'GenDecl';
  tok: 'import' | 'const' | 'var' | 'type';
  specs: Array<ImportSpec | ValueSpec | TypeSpec>;
}

export interface FuncDecl extends NodeBase {
  kind: 'FuncDecl';
  /** Receiver field for methods, null for functions. */
  recv: Field | null;
  name: Ident;
  type: FuncType;
  /** null for a declaration without body (assembly-implemented). */
  body: BlockStmt | null;
}

export type Decl = GenDecl | FuncDecl;

export type Node = Expr | Stmt | Decl | Field | ImportSpec | ValueSpec | TypeSpec;

/** A comment the analysis cares about (suppressions, build constraints, directives). */
export interface Comment {
  line: number;
  col: number;
  text: string;
}

export interface SyntaxError {
  line: number;
  col: number;
  message: string;
}

/** One parsed Go file. */
export interface GoFile {
  /** Path as given by the workspace (relative to the scan's working directory). */
  path: string;
  packageName: string;
  imports: ImportSpec[];
  decls: Decl[];
  /** Only comments starting with `//go:`, `//goconc:`, `//nolint`, `// +build`. */
  directives: Comment[];
  /** The `//go:build` expression text (after the prefix), or null. */
  buildConstraint: string | null;
  syntaxErrors: SyntaxError[];
  lineCount: number;
}
