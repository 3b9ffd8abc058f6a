/** Lexical scopes: block -> function -> file (imports) -> package -> universe. */
import type { Obj } from './objects.js';
import type { Type } from './types.js';

export class Scope {
  private readonly names = new Map<string, Obj>();
  /** Type parameters visible here (generic functions and types). */
  readonly typeParams = new Map<string, Type>();

  /** Package scopes imported with `import . "p"` (file scopes only): their exported
   * names are visible here. Read at lookup time, so a package collected later counts. */
  private dotImported: Array<Map<string, Obj>> | null = null;

  constructor(readonly parent: Scope | null, private readonly base: Map<string, Obj> | null = null) {}

  addDotImport(members: Map<string, Obj>): void {
    (this.dotImported ??= []).push(members);
  }

  define(name: string, obj: Obj): void {
    if (name !== '_') this.names.set(name, obj);
  }

  lookup(name: string): Obj | null {
    for (let s: Scope | null = this; s; s = s.parent) {
      const tp = s.typeParams.get(name);
      if (tp) return { kind: 'type', type: tp };
      const o = s.names.get(name) ?? s.base?.get(name);
      if (o) return o;
      if (s.dotImported && isExported(name)) {
        for (const m of s.dotImported) { const d = m.get(name); if (d) return d; }
      }
    }
    return null;
  }

  /** Only this scope (for `:=` redeclaration rules). */
  lookupLocal(name: string): Obj | null {
    return this.names.get(name) ?? null;
  }
}

function isExported(name: string): boolean {
  const c = name.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
