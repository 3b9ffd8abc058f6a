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
  // Two parallel stacks rather than [node, parent] pairs: walks run over every body many
  // times, and the pairs were most of the garbage a scan made.
  const nodes: AnyNode[] = [root as AnyNode];
  const parents: Array<Node | null> = [null];
  while (nodes.length) {
    const n = nodes.pop()!;
    const parent = parents.pop()!;
    if (visit(n, parent) === false) continue;
    const first = nodes.length;
    for (const key in n) {
      if (key === 'span' || key === 'kind') continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (const x of v) if (x && typeof x === 'object' && 'kind' in x) { nodes.push(x as AnyNode); parents.push(n); }
      } else if (v && typeof v === 'object' && 'kind' in (v as object)) { nodes.push(v as AnyNode); parents.push(n); }
    }
    // Children were pushed in source order; reverse them so the first is visited first.
    for (let i = first, j = nodes.length - 1; i < j; i++, j--) {
      const t = nodes[i]!;
      nodes[i] = nodes[j]!;
      nodes[j] = t;
    }
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
