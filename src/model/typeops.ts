/** Operations on model types: underlying types, substitution, identity, pointers. */
import { UNKNOWN, type Signature, type Type } from './types.js';

/** The underlying type, with a generic named type's arguments substituted. */
export function underlying(t: Type): Type {
  let cur = t;
  for (let i = 0; i < 32 && cur.kind === 'named'; i++) {
    const decl = cur.decl;
    let u = decl.underlying;
    if (cur.args.length && decl.typeParams.length) u = substitute(u, bindParams(decl.typeParams, cur.args));
    cur = u;
  }
  return cur.kind === 'named' ? UNKNOWN : cur;
}

export function bindParams(names: string[], args: Type[]): Map<string, Type> {
  const m = new Map<string, Type>();
  names.forEach((n, i) => { if (args[i]) m.set(n, args[i]!); });
  return m;
}

export function substitute(t: Type, env: Map<string, Type>): Type {
  if (env.size === 0) return t;
  switch (t.kind) {
    case 'typeparam': return env.get(t.name) ?? t;
    case 'named': return t.args.length ? { ...t, args: t.args.map((a) => substitute(a, env)) } : t;
    case 'pointer': return { kind: 'pointer', elem: substitute(t.elem, env) };
    case 'slice': return { kind: 'slice', elem: substitute(t.elem, env) };
    case 'array': return { kind: 'array', len: t.len, elem: substitute(t.elem, env) };
    case 'map': return { kind: 'map', key: substitute(t.key, env), value: substitute(t.value, env) };
    case 'chan': return { kind: 'chan', dir: t.dir, elem: substitute(t.elem, env) };
    case 'struct': return { kind: 'struct', fields: t.fields.map((f) => ({ ...f, type: substitute(f.type, env) })) };
    case 'func': return { kind: 'func', sig: substituteSig(t.sig, env) };
    case 'tuple': return { kind: 'tuple', types: t.types.map((x) => substitute(x, env)) };
    case 'interface': return { kind: 'interface', methods: t.methods.map((m) => ({ name: m.name, sig: substituteSig(m.sig, env) })), embeds: t.embeds.map((e) => substitute(e, env)) };
    default: return t;
  }
}

export function substituteSig(s: Signature, env: Map<string, Type>): Signature {
  if (env.size === 0) return s;
  return { params: s.params.map((p) => substitute(p, env)), results: s.results.map((r) => substitute(r, env)), variadic: s.variadic };
}

/** `*T` -> T; anything else unchanged. */
export function deref(t: Type): Type {
  return t.kind === 'pointer' ? t.elem : t;
}

export function isPointer(t: Type): boolean {
  return t.kind === 'pointer';
}

export function isInterface(t: Type): boolean {
  return underlying(t).kind === 'interface';
}

/** Type identity as far as the model can tell (unknown is never identical). */
export function identical(a: Type, b: Type): boolean {
  if (a === b) return a.kind !== 'unknown';
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'basic': return a.name === (b as typeof a).name;
    case 'named': {
      const nb = b as typeof a;
      return a.decl === nb.decl && a.args.length === nb.args.length && a.args.every((x, i) => identical(x, nb.args[i]!));
    }
    case 'pointer': case 'slice': return identical(a.elem, (b as typeof a).elem);
    case 'array': return a.len !== null && a.len === (b as typeof a).len && identical(a.elem, (b as typeof a).elem);
    case 'map': return identical(a.key, (b as typeof a).key) && identical(a.value, (b as typeof a).value);
    case 'chan': return a.dir === (b as typeof a).dir && identical(a.elem, (b as typeof a).elem);
    case 'typeparam': return a.name === (b as typeof a).name;
    case 'struct': {
      const sb = b as typeof a;
      return a.fields.length === sb.fields.length && a.fields.every((f, i) => f.name === sb.fields[i]!.name && f.embedded === sb.fields[i]!.embedded && identical(f.type, sb.fields[i]!.type));
    }
    case 'func': {
      const fb = b as typeof a;
      return sigIdentical(a.sig, fb.sig);
    }
    case 'interface': {
      const ib = b as typeof a;
      return a.methods.length === ib.methods.length && a.embeds.length === 0 && ib.embeds.length === 0 &&
        a.methods.every((m) => ib.methods.some((n) => n.name === m.name && sigIdentical(m.sig, n.sig)));
    }
    default: return false;
  }
}

function sigIdentical(a: Signature, b: Signature): boolean {
  return a.variadic === b.variadic && a.params.length === b.params.length && a.results.length === b.results.length &&
    a.params.every((p, i) => identical(p, b.params[i]!)) && a.results.every((r, i) => identical(r, b.results[i]!));
}

/** true when the type is completely known (no unknown anywhere shallowly). */
export function isKnown(t: Type): boolean {
  return t.kind !== 'unknown';
}

/** Default type of an untyped constant (`untyped int` -> int). */
export function defaultType(t: Type): Type {
  if (t.kind !== 'basic') return t;
  switch (t.name) {
    case 'untyped int': return { kind: 'basic', name: 'int' };
    case 'untyped float': return { kind: 'basic', name: 'float64' };
    case 'untyped rune': return { kind: 'basic', name: 'int32' };
    case 'untyped string': return { kind: 'basic', name: 'string' };
    case 'untyped bool': return { kind: 'basic', name: 'bool' };
    default: return t;
  }
}
