/**
 * Struct layouts under gc's 32-bit and 64-bit size models.
 *
 * The rule for misaligned 64-bit atomics needs the absolute offset of a field from the
 * start of its allocation on 32-bit targets, where int64 is only 4-aligned. Everything
 * here answers null when a size is not known (a type parameter, an opaque type missing
 * from the standard-library table, an array of unknown length): a guessed offset would
 * turn into a false report.
 *
 * The size model follows gc (go/types' gcSizes): basic types have their natural size;
 * int64, uint64, float64 and complex128 align to `word64Align` (4 on 32-bit targets);
 * a struct places fields in order at their alignment and rounds its size up to its
 * alignment, and a non-empty struct ending in a zero-size field gets one byte of padding
 * so that the field's address never points past the object.
 */
import type { StructField, StructType, Type, TypeDecl } from './types.js';
import { qualifiedName } from './types.js';
import { hasStdlibLayout, stdlibLayout, stdlibLayoutForAnyToolchain } from './stdlib-sizes.js';

export interface ArchModel {
  bits: 32 | 64;
  ptrSize: 4 | 8;
  /** alignment of int64/uint64/float64/complex128 */
  word64Align: 4 | 8;
}

/** 386, arm, mips, mipsle. */
export const ARCH32: ArchModel = Object.freeze({ bits: 32, ptrSize: 4, word64Align: 4 });
/** amd64, arm64 and the other 64-bit targets. */
export const ARCH64: ArchModel = Object.freeze({ bits: 64, ptrSize: 8, word64Align: 8 });

export interface Layout {
  size: number;
  align: number;
}

export interface FieldLayout {
  name: string;
  /** Offset from the start of the struct that declares the field. */
  offset: number;
  size: number;
  align: number;
  /** The field's type, with the type arguments of a generic instantiation substituted. */
  type: Type;
  embedded: boolean;
}

export interface LayoutOptions {
  /** go.mod's go version; null = unknown (assume the newest toolchain). */
  goVersion: string | null;
  /**
   * go.mod's go line is only the minimum toolchain. When true, a standard-library type
   * whose layout differs between goVersion and the newest checked release is unknown
   * (null), so an answer holds whichever toolchain builds the module. Default false:
   * the layout of the goVersion release is used.
   */
  anyToolchain?: boolean;
}

/** One step of a field path: a field by name (an embedded field by its type name) or an array index. */
export type PathStep = { field: string } | { index: number | null };

interface Ctx {
  arch: ArchModel;
  opts: LayoutOptions;
  /** Named types being laid out, to stop on (invalid) recursive value types. */
  active: Set<TypeDecl>;
}

// ---------------------------------------------------------------------------
// Substitution of type arguments

type Env = ReadonlyMap<string, Type>;

/** Replaces type parameters bound in env. Named types keep their declaration; only
 * their type arguments are substituted (their own underlying is substituted when used). */
export function substituteTypeParams(t: Type, env: Env): Type {
  if (env.size === 0) return t;
  const sub = (x: Type): Type => substituteTypeParams(x, env);
  switch (t.kind) {
    case 'typeparam': return env.get(t.name) ?? t;
    case 'named': return t.args.length ? { ...t, args: t.args.map(sub) } : t;
    case 'pointer': return { kind: 'pointer', elem: sub(t.elem) };
    case 'slice': return { kind: 'slice', elem: sub(t.elem) };
    case 'array': return { kind: 'array', len: t.len, elem: sub(t.elem) };
    case 'map': return { kind: 'map', key: sub(t.key), value: sub(t.value) };
    case 'chan': return { kind: 'chan', dir: t.dir, elem: sub(t.elem) };
    case 'struct': return { kind: 'struct', fields: t.fields.map((f) => ({ ...f, type: sub(f.type) })) };
    case 'func': return { kind: 'func', sig: { ...t.sig, params: t.sig.params.map(sub), results: t.sig.results.map(sub) } };
    case 'interface':
      return {
        kind: 'interface',
        methods: t.methods.map((m) => ({ name: m.name, sig: { ...m.sig, params: m.sig.params.map(sub), results: m.sig.results.map(sub) } })),
        embeds: t.embeds.map(sub),
      };
    case 'tuple': return { kind: 'tuple', types: t.types.map(sub) };
    case 'basic':
    case 'unknown':
      return t;
  }
}

/** The underlying type of a named type, with its type arguments substituted. */
function underlyingOf(t: Type & { kind: 'named' }): Type {
  const { decl, args } = t;
  if (args.length === 0) return decl.underlying;
  // A partial instantiation cannot be laid out: leave the parameters in place (-> null).
  if (args.length !== decl.typeParams.length) return decl.underlying;
  const env = new Map<string, Type>();
  decl.typeParams.forEach((p, i) => env.set(p, args[i]!));
  return substituteTypeParams(decl.underlying, env);
}

// ---------------------------------------------------------------------------
// Sizes

function basicLayout(name: string, arch: ArchModel): Layout | null {
  const word = arch.ptrSize;
  switch (name) {
    case 'bool': case 'int8': case 'uint8': case 'untyped bool':
      return { size: 1, align: 1 };
    case 'int16': case 'uint16':
      return { size: 2, align: 2 };
    case 'int32': case 'uint32': case 'float32': case 'untyped rune':
      return { size: 4, align: 4 };
    case 'int': case 'uint': case 'uintptr': case 'unsafe.Pointer': case 'untyped int':
      return { size: word, align: word };
    case 'int64': case 'uint64': case 'float64': case 'untyped float':
      return { size: 8, align: arch.word64Align };
    case 'complex64':
      return { size: 8, align: 4 };
    case 'complex128':
      return { size: 16, align: arch.word64Align };
    case 'string': case 'untyped string':
      return { size: 2 * word, align: word };
    default:
      // untyped nil has no layout of its own.
      return null;
  }
}

function alignUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

const layoutCache = new WeakMap<TypeDecl, Map<string, Layout>>();

function cacheKey(ctx: Ctx): string {
  return `${ctx.arch.bits}/${ctx.arch.ptrSize}/${ctx.arch.word64Align}/${ctx.opts.goVersion ?? ''}/${ctx.opts.anyToolchain ? 1 : 0}`;
}

function stdlibFor(name: string, ctx: Ctx): Layout | null {
  return ctx.opts.anyToolchain
    ? stdlibLayoutForAnyToolchain(name, ctx.arch.bits, ctx.opts.goVersion)
    : stdlibLayout(name, ctx.arch.bits, ctx.opts.goVersion);
}

function layoutIn(t: Type, ctx: Ctx): Layout | null {
  const word = ctx.arch.ptrSize;
  switch (t.kind) {
    case 'basic':
      return basicLayout(t.name, ctx.arch);
    case 'pointer': case 'map': case 'chan': case 'func':
      return { size: word, align: word };
    case 'slice':
      return { size: 3 * word, align: word };
    case 'interface':
      return { size: 2 * word, align: word };
    case 'array': {
      if (t.len === null || t.len < 0 || !Number.isSafeInteger(t.len)) return null;
      const elem = layoutIn(t.elem, ctx);
      if (!elem) return null;
      return { size: t.len * elem.size, align: elem.align };
    }
    case 'struct': {
      const s = layoutStruct(t, ctx);
      return s ? s.layout : null;
    }
    case 'named':
      return layoutNamed(t, ctx);
    case 'tuple': case 'typeparam': case 'unknown':
      return null;
  }
}

function layoutNamed(t: Type & { kind: 'named' }, ctx: Ctx): Layout | null {
  const qname = qualifiedName(t)!;
  // Opaque standard-library types: only the table knows them, even when the model
  // happens to know an underlying (compiler markers such as atomic's align64 are invisible).
  if (hasStdlibLayout(qname)) return stdlibFor(qname, ctx);
  const cacheable = t.args.length === 0;
  const key = cacheable ? cacheKey(ctx) : '';
  if (cacheable) {
    const hit = layoutCache.get(t.decl)?.get(key);
    if (hit) return hit;
  }
  if (ctx.active.has(t.decl)) return null; // a value type containing itself is invalid Go
  ctx.active.add(t.decl);
  try {
    const under = underlyingOf(t);
    const result = under.kind === 'unknown' ? null : layoutIn(under, ctx);
    // Only known answers are cached: the model may still fill in an unknown underlying.
    if (cacheable && result) {
      let perDecl = layoutCache.get(t.decl);
      if (!perDecl) layoutCache.set(t.decl, (perDecl = new Map()));
      perDecl.set(key, result);
    }
    return result;
  } finally {
    ctx.active.delete(t.decl);
  }
}

function layoutStruct(st: StructType, ctx: Ctx): { fields: FieldLayout[]; layout: Layout } | null {
  const fields: FieldLayout[] = [];
  let offset = 0;
  let align = 1;
  for (const f of st.fields) {
    const l = layoutIn(f.type, ctx);
    if (!l) return null;
    offset = alignUp(offset, l.align);
    fields.push({ name: fieldName(f) ?? f.name, offset, size: l.size, align: l.align, type: f.type, embedded: f.embedded });
    offset += l.size;
    align = Math.max(align, l.align);
  }
  // gc: a non-empty struct ending in a zero-size field gets one byte of padding, so
  // that &s.last never points at the next object in memory.
  const last = fields[fields.length - 1];
  if (last && last.size === 0 && offset > 0) offset += 1;
  return { fields, layout: { size: alignUp(offset, align), align } };
}

// ---------------------------------------------------------------------------
// Public entry points

function newCtx(arch: ArchModel, opts: LayoutOptions): Ctx {
  return { arch, opts, active: new Set() };
}

/** Size and alignment of `t`; null = unknown, never a guess. */
export function layoutOf(t: Type, arch: ArchModel, opts: LayoutOptions): Layout | null {
  return layoutIn(t, newCtx(arch, opts));
}

/**
 * The struct type that `t` denotes, with type arguments substituted: `t` itself, or the
 * underlying struct of a named type. null for anything else, including opaque
 * standard-library types (their fields are not modelled).
 */
function structTypeOf(t: Type): StructType | null {
  let cur = t;
  const seen = new Set<TypeDecl>();
  while (cur.kind === 'named') {
    if (hasStdlibLayout(qualifiedName(cur)!) || seen.has(cur.decl)) return null;
    seen.add(cur.decl);
    cur = underlyingOf(cur);
  }
  return cur.kind === 'struct' ? cur : null;
}

/**
 * The fields of a struct type (or of a named type whose underlying is a struct) with
 * offsets from the start of that struct. null when `t` is not a struct or any field's
 * layout is unknown.
 */
export function structFields(t: Type, arch: ArchModel, opts: LayoutOptions): FieldLayout[] | null {
  const ctx = newCtx(arch, opts);
  const st = structTypeOf(t);
  if (!st) return null;
  const s = t.kind === 'named' ? withActive(t.decl, ctx, () => layoutStruct(st, ctx)) : layoutStruct(st, ctx);
  return s ? s.fields : null;
}

function withActive<R>(decl: TypeDecl, ctx: Ctx, f: () => R): R {
  ctx.active.add(decl);
  try {
    return f();
  } finally {
    ctx.active.delete(decl);
  }
}

// ---------------------------------------------------------------------------
// Field paths

/** Go's name for an embedded field: the type name without package, pointer or type arguments. */
export function embeddedFieldName(t: Type): string | null {
  const base = t.kind === 'pointer' ? t.elem : t;
  if (base.kind === 'named') return base.decl.name;
  if (base.kind === 'basic') return base.name.includes('.') ? base.name.slice(base.name.lastIndexOf('.') + 1) : base.name;
  return null;
}

function fieldName(f: StructField): string | null {
  if (f.name) return f.name;
  return f.embedded ? embeddedFieldName(f.type) : null;
}

function fieldMatches(f: StructField, name: string): boolean {
  return f.name === name || (f.embedded && embeddedFieldName(f.type) === name);
}

interface Hop {
  /** The struct holding the field. */
  struct: StructType;
  index: number;
  /** The struct was reached through an embedded pointer: it is its own allocation. */
  viaPointer: boolean;
  /** Declaration of the struct, when named (guards recursion while laying it out). */
  decl: TypeDecl | null;
}

/**
 * Finds field `name` in `st` or, as Go's selector rules do, promoted from embedded
 * structs: the shallowest depth wins and two matches at that depth are ambiguous (null).
 */
function findField(st: StructType, decl: TypeDecl | null, name: string): Hop[] | null {
  interface Candidate { st: StructType; decl: TypeDecl | null; hops: Hop[]; viaPointer: boolean; multiple: boolean }
  let level: Candidate[] = [{ st, decl, hops: [], viaPointer: false, multiple: false }];
  // Types met at a shallower depth shadow the same type deeper down.
  const seen = new Set<StructType | TypeDecl>();
  for (let depth = 0; level.length > 0 && depth < 64; depth++) {
    const found: Array<{ hops: Hop[]; multiple: boolean }> = [];
    const next: Candidate[] = [];
    for (const c of level) {
      const id = c.decl ?? c.st;
      if (seen.has(id)) continue;
      seen.add(id);
      c.st.fields.forEach((f, index) => {
        const hop: Hop = { struct: c.st, index, viaPointer: c.viaPointer, decl: c.decl };
        if (fieldMatches(f, name)) found.push({ hops: [...c.hops, hop], multiple: c.multiple });
        if (!f.embedded) return;
        const viaPointer = f.type.kind === 'pointer';
        const target = f.type.kind === 'pointer' ? f.type.elem : f.type;
        const inner = structTypeOf(target);
        if (!inner) return;
        next.push({ st: inner, decl: target.kind === 'named' ? target.decl : null, hops: [...c.hops, hop], viaPointer, multiple: c.multiple });
      });
    }
    if (found.length === 1 && !found[0]!.multiple) return found[0]!.hops;
    if (found.length > 0) return null; // ambiguous selector
    level = consolidate(next);
  }
  return null;
}

/** Merges candidates of the same type at one depth; a field found in a merged one is ambiguous. */
function consolidate<C extends { st: StructType; decl: TypeDecl | null; multiple: boolean }>(cands: C[]): C[] {
  const byId = new Map<StructType | TypeDecl, C>();
  for (const c of cands) {
    const id = c.decl ?? c.st;
    const prev = byId.get(id);
    if (prev) prev.multiple = true;
    else byId.set(id, { ...c });
  }
  return [...byId.values()];
}

function fieldsOfHop(hop: Hop, ctx: Ctx): FieldLayout[] | null {
  const s = hop.decl ? withActive(hop.decl, ctx, () => layoutStruct(hop.struct, ctx)) : layoutStruct(hop.struct, ctx);
  return s ? s.fields : null;
}

/**
 * Offset of the location reached from the start of `root` through `path`, under `arch`.
 *
 * - `{field: name}` selects a field; an embedded field is named by its type name
 *   (`Mutex` for an embedded `sync.Mutex`), and fields promoted from embedded structs
 *   are found as Go finds them (shallowest depth; ambiguous -> null).
 * - `{index: i}` selects element i of an array (i * element size); out of range -> null.
 * - `{index: null}` is an unknown index: the result is the offset of element 0, returned
 *   only when every element has the same offset modulo 8 (element size a multiple of 8,
 *   or a one-element array). Then only the result modulo 8 is meaningful; otherwise null.
 * - Pointers restart the count: a step applied to a pointer (Go's automatic dereference,
 *   `p.f`, `p[i]` on *[N]T, or a field promoted through an embedded *T) moves into
 *   another allocation, and the offset becomes relative to the start of that allocation.
 *   Indexing a slice likewise restarts at the start of its backing array (assumed to be
 *   the start of an allocation, as it is unless the slice was re-sliced).
 *   So the result is always relative to the last allocation on the path, which is what
 *   an alignment check needs: the start of an allocation is 8-aligned.
 *
 * null when any size on the way is unknown, a field does not exist, or a step does
 * not apply (indexing a map or a string, selecting a field of a non-struct).
 */
export function fieldPathOffset(root: Type, path: PathStep[], arch: ArchModel, opts: LayoutOptions): number | null {
  const ctx = newCtx(arch, opts);
  let cur: Type = root;
  let offset = 0;
  for (const step of path) {
    const deref = pointee(cur);
    if (deref) {
      cur = deref;
      offset = 0;
    }
    if ('field' in step) {
      const st = structTypeOf(cur);
      if (!st) return null;
      const hops = findField(st, cur.kind === 'named' ? cur.decl : null, step.field);
      if (!hops) return null;
      for (const hop of hops) {
        if (hop.viaPointer) offset = 0;
        const fields = fieldsOfHop(hop, ctx);
        if (!fields) return null;
        offset += fields[hop.index]!.offset;
        cur = fields[hop.index]!.type;
      }
    } else {
      const under = resolveNamed(cur);
      if (!under) return null;
      let elem: Type;
      let len: number | null;
      if (under.kind === 'array') {
        elem = under.elem;
        len = under.len;
      } else if (under.kind === 'slice') {
        elem = under.elem;
        len = null;
        offset = 0; // the backing array is another allocation
      } else {
        return null;
      }
      const el = layoutIn(elem, ctx);
      if (!el) return null;
      if (step.index === null) {
        if (len === 0) return null;
        if (len !== 1 && el.size % 8 !== 0) return null;
      } else {
        if (!Number.isInteger(step.index) || step.index < 0) return null;
        if (len !== null && step.index >= len) return null;
        offset += step.index * el.size;
      }
      cur = elem;
    }
  }
  return offset;
}

/** The underlying type of `t` through named types (type arguments substituted); null on a cycle or an opaque type. */
function resolveNamed(t: Type): Type | null {
  let cur = t;
  const seen = new Set<TypeDecl>();
  while (cur.kind === 'named') {
    if (seen.has(cur.decl)) return null;
    seen.add(cur.decl);
    cur = underlyingOf(cur);
  }
  return cur.kind === 'unknown' ? null : cur;
}

/** The element of a pointer type (also through a defined pointer type), else null. */
function pointee(t: Type): Type | null {
  if (t.kind === 'pointer') return t.elem;
  if (t.kind === 'named' && !hasStdlibLayout(qualifiedName(t)!)) {
    const under = resolveNamed(t);
    if (under && under.kind === 'pointer') return under.elem;
  }
  return null;
}
