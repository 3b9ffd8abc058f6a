/**
 * Generic traversal of goconc's syntax tree. Nodes are plain objects with a `kind`;
 * every property holding a node or an array of nodes is a child. Iterative, so deeply
 * nested code cannot overflow the stack.
 */
import type { Node } from './ast.js';

type AnyNode = Node & Record<string, unknown>;

/** Calls visit for every node under root (root included), parents before children, in
 * source order. Returning false from visit skips that node's children. */
export function walk(root: Node, visit: (n: Node, parent: Node | null) => boolean | void): void {
  const stack: Array<[AnyNode, Node | null]> = [[root as AnyNode, null]];
  while (stack.length) {
    const [n, parent] = stack.pop()!;
    if (visit(n, parent) === false) continue;
    const kids: AnyNode[] = [];
    for (const key in n) {
      if (key === 'span' || key === 'kind') continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (const x of v) if (x && typeof x === 'object' && 'kind' in x) kids.push(x as AnyNode);
      } else if (v && typeof v === 'object' && 'kind' in (v as object)) kids.push(v as AnyNode);
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, n]);
  }
}

/** Like walk, but does not descend into function literals (their bodies are functions
 * of their own in the model). */
export function walkBody(root: Node, visit: (n: Node, parent: Node | null) => boolean | void): void {
  walk(root, (n, p) => {
    if (n.kind === 'FuncLit' && n !== root) {
      visit(n, p);
      return false;
    }
    return visit(n, p);
  });
}
