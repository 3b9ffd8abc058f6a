/**
 * Field and method lookup with Go's embedding rules (shallowest depth wins, pointer
 * receivers reachable through addressable or pointer values), on model types.
 */
import type { FieldSelection, MethodInfo, MethodSelection } from './objects.js';
import { bindParams, deref, substituteSig, underlying } from './typeops.js';
import type { InterfaceType, Type, TypeDecl } from './types.js';

export type MethodTable = Map<TypeDecl, Map<string, MethodInfo>>;

interface Candidate {
  type: Type;
  path: string[];
  indirect: boolean;
}

/** Looks up `name` on a value of type t: a field, a method of a named type, or an
 * interface method. Returns null when not found or ambiguous. */
export function lookupFieldOrMethod(t: Type, name: string, methods: MethodTable): FieldSelection | MethodSelection | null {
  let level: Candidate[] = [{ type: t, path: [], indirect: false }];
  const seen = new Set<TypeDecl>();
  for (let depth = 0; depth < 8 && level.length; depth++) {
    const found: Array<FieldSelection | MethodSelection> = [];
    const next: Candidate[] = [];
    for (const c of level) {
      const isPtr = c.type.kind === 'pointer';
      const base = deref(c.type);
      const indirect = c.indirect || isPtr;
      if (base.kind === 'named') {
        if (seen.has(base.decl)) continue;
        seen.add(base.decl);
        const m = methods.get(base.decl)?.get(name);
        if (m) {
          const env = bindParams(m.recvTypeParams.length ? m.recvTypeParams : base.decl.typeParams, base.args);
          found.push({ kind: 'method', method: env.size ? { ...m, sig: substituteSig(m.sig, env) } : m, recvType: c.type, path: c.path });
          continue;
        }
      }
      const u = underlying(base);
      if (u.kind === 'struct') {
        for (const f of u.fields) {
          if (f.name === name) {
            found.push({
              kind: 'field', name, type: f.type, owner: base.kind === 'named' ? base.decl : null,
              path: c.path, indirect, span: f.span, file: base.kind === 'named' ? base.decl.file : null,
            });
          } else if (f.embedded) {
            next.push({ type: f.type, path: [...c.path, f.name], indirect });
          }
        }
      } else if (u.kind === 'interface') {
        const im = interfaceMethods(u, methods).get(name);
        if (im) found.push({ kind: 'method', method: { name, recvDecl: null, ptrRecv: false, sig: im, info: null, iface: base, recvTypeParams: [] }, recvType: c.type, path: c.path });
      }
    }
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return null; // ambiguous selector
    level = next;
  }
  return null;
}

/** All methods of an interface, embedded interfaces flattened. */
export function interfaceMethods(t: InterfaceType, methods: MethodTable, depth = 0): Map<string, import('./types.js').Signature> {
  const out = new Map<string, import('./types.js').Signature>();
  for (const m of t.methods) out.set(m.name, m.sig);
  if (depth > 8) return out;
  for (const e of t.embeds) {
    const u = underlying(e);
    if (u.kind === 'interface') for (const [k, v] of interfaceMethods(u, methods, depth + 1)) if (!out.has(k)) out.set(k, v);
  }
  return out;
}

/** Method set names of a named type (or pointer to one), including promoted methods. */
export function methodSetHas(t: Type, name: string, methods: MethodTable): boolean {
  const sel = lookupFieldOrMethod(t, name, methods);
  if (!sel || sel.kind !== 'method') return false;
  // A pointer-receiver method is not in the method set of a non-pointer value.
  if (sel.method.ptrRecv && t.kind !== 'pointer' && sel.path.length === 0) return false;
  return true;
}

/** Whether type t implements interface iface, by method names and arity. */
export function implementsInterface(t: Type, iface: Type, methods: MethodTable): boolean {
  const u = underlying(iface);
  if (u.kind !== 'interface') return false;
  const ms = interfaceMethods(u, methods);
  if (ms.size === 0) return false;
  for (const [name, sig] of ms) {
    const sel = lookupFieldOrMethod(t, name, methods);
    if (!sel || sel.kind !== 'method') return false;
    if (sel.method.ptrRecv && t.kind !== 'pointer' && sel.path.length === 0) return false;
    if (sel.method.sig.params.length !== sig.params.length || sel.method.sig.results.length !== sig.results.length) return false;
    // Parameter and result types that are certainly different rule the method out
    // (`Prepare(string) (*sql.Stmt, error)` is not driver.Conn's `Prepare(string) (driver.Stmt, error)`).
    if (!sel.method.sig.params.every((x, i) => mayBeIdentical(x, sig.params[i]!)) || !sel.method.sig.results.every((x, i) => mayBeIdentical(x, sig.results[i]!))) return false;
  }
  return true;
}

/**
 * Whether two types may be identical as far as the model knows: false only when they are
 * certainly different (named types of different declarations, a pointer and a slice, two
 * different basic types). Unknown types, type parameters, struct and interface literals
 * may be anything.
 */
function mayBeIdentical(a: Type, b: Type, depth = 0): boolean {
  if (a === b || depth > 4) return true;
  if (a.kind === 'unknown' || b.kind === 'unknown' || a.kind === 'typeparam' || b.kind === 'typeparam') return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'basic': return a.name === (b as typeof a).name;
    case 'named': {
      const d = (b as typeof a).decl;
      return a.decl === d || (a.decl.pkgPath === d.pkgPath && a.decl.name === d.name);
    }
    case 'pointer': case 'slice': case 'array': return mayBeIdentical(a.elem, (b as typeof a).elem, depth + 1);
    case 'chan': return mayBeIdentical(a.elem, (b as typeof a).elem, depth + 1);
    case 'map': return mayBeIdentical(a.key, (b as typeof a).key, depth + 1) && mayBeIdentical(a.value, (b as typeof a).value, depth + 1);
    case 'func': {
      const x = a.sig;
      const y = (b as typeof a).sig;
      return x.params.length === y.params.length && x.results.length === y.results.length &&
        x.params.every((t, i) => mayBeIdentical(t, y.params[i]!, depth + 1)) && x.results.every((t, i) => mayBeIdentical(t, y.results[i]!, depth + 1));
    }
    default: return true;
  }
}

