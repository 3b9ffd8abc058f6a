/** Test helpers: parse a snippet and find converted nodes by kind. */
import { parseGoSource } from '../../src/syntax/parse.js';
import type { GoFile } from '../../src/syntax/ast.js';

export function parse(src: string, path = 'x.go'): GoFile {
  return parseGoSource(src, path);
}

/** Parses the body of a function: `src` is placed inside `func f() { ... }`. */
export function parseBody(body: string): GoFile {
  return parse(`package p\n\nfunc f() {\n${body}\n}\n`);
}

type AnyNode = { kind: string; [k: string]: unknown };

/** Every node of a kind, in document order (depth first, fields in declaration order). */
export function findAll(root: unknown, kind: string): AnyNode[] {
  const out: AnyNode[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v !== null && typeof v === 'object') {
      const o = v as AnyNode;
      if (o.kind === kind) out.push(o);
      const vals = Object.entries(o).filter(([k]) => k !== 'span').map(([, x]) => x);
      for (let i = vals.length - 1; i >= 0; i--) stack.push(vals[i]);
    }
  }
  return out;
}

export function find<T = AnyNode>(root: unknown, kind: string, index = 0): T {
  const all = findAll(root, kind);
  if (all.length <= index) throw new Error(`no ${kind} #${index} in tree`);
  return all[index] as T;
}

/** Drops spans so shapes can be compared with deepEqual. */
export function shape(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (k, x) => (k === 'span' ? undefined : x)));
}
