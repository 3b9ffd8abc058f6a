/** Lexical scopes: block -> function -> file (imports) -> package -> universe. */
import type { Obj } from './objects.js';
import type { Type } from './types.js';

export class Scope {
  private readonly names = new Map<string, Obj>();
  /** Type parameters visible here (generic functions and types). */
  readonly typeParams = new Map<string, Type>();

  constructor(readonly parent: Scope | null, private readonly base: Map<string, Obj> | null = null) {}

  define(name: string, obj: Obj): void {
    if (name !== '_') this.names.set(name, obj);
  }

  lookup(name: string): Obj | null {
    for (let s: Scope | null = this; s; s = s.parent) {
      const tp = s.typeParams.get(name);
      if (tp) return { kind: 'type', type: tp };
      const o = s.names.get(name) ?? s.base?.get(name);
      if (o) return o;
    }
    return null;
  }

  /** Only this scope (for `:=` redeclaration rules). */
  lookupLocal(name: string): Obj | null {
    return this.names.get(name) ?? null;
  }
}
