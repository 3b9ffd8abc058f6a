/**
 * Generic traversal of goconc's syntax tree. Nodes are plain objects with a `kind`;
 * every property holding a node or an array of nodes is a child. Iterative, so deeply
 * nested code cannot overflow the stack.
 *
 * Function bodies are walked by a score of passes (call graph, contexts, accesses,
 * allocations, rules...). The second time a block or function literal is walked, its
 * subtree is flattened once into a pre-order index (nodes, parents, and where each
 * node's subtree ends); that walk and every later one run over the index instead of
 * enumerating each node's properties again. Function literals inside the flattened
 * subtree, and their bodies, share the index. The order of visits is exactly that of the
 * generic traversal, and skipping a subtree jumps past its end.
 */
import type { Node } from './ast.js';

type AnyNode = Node & Record<string, unknown>;

/** A subtree in pre-order: ends[i] is the index just past node i's subtree. */
interface Flat {
  nodes: Node[];
  /** Index in nodes of node i's parent; -1 for the root. Indices rather than nodes: the
   * index of every walked body stays alive for the whole scan, and this is half the size. */
  parents: Int32Array;
  ends: Int32Array;
  /** kindId of each node (see kindIdOf). */
  kinds: Uint8Array;
}

/** Small numbers for node kinds, so that filtered walks test a byte per node. */
const kindIds = new Map<string, number>();
function kindIdOf(kind: string): number {
  let id = kindIds.get(kind);
  if (id === undefined) {
    id = kindIds.size;
    if (id > 255) throw new Error('too many node kinds');
    kindIds.set(kind, id);
  }
  return id;
}
const FUNC_LIT = kindIdOf('FuncLit');

/** A set of node kinds for walkKinds and walkBodyKinds; make it once, at module level. */
export type KindSet = Uint8Array & { readonly __kindSet: true };
export function kindSet(...kinds: Array<Node['kind']>): KindSet {
  const mask = new Uint8Array(256);
  for (const k of kinds) mask[kindIdOf(k)] = 1;
  return mask as KindSet;
}

/** Where a walked root's subtree lies in a flattened index. */
interface FlatView {
  flat: Flat;
  start: number;
}

const views = new WeakMap<Node, FlatView>();
/** Roots walked once; flattened when walked again. */
const walkedOnce = new WeakSet<Node>();

function cacheable(n: Node): boolean {
  return n.kind === 'BlockStmt' || n.kind === 'FuncLit' || n.kind === 'FuncDecl';
}

/** Pushes n's children in source order (the order walk visits them). */
function children(n: AnyNode, out: AnyNode[]): void {
  const first = out.length;
  for (const key in n) {
    if (key === 'span' || key === 'kind') continue;
    const v = n[key];
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === 'object' && 'kind' in x) out.push(x as AnyNode);
    } else if (v && typeof v === 'object' && 'kind' in (v as object)) out.push(v as AnyNode);
  }
  // Reverse so that popping yields the first child first.
  for (let i = first, j = out.length - 1; i < j; i++, j--) {
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
}

function flatten(root: Node): Flat {
  const nodes: Node[] = [];
  const parentsList: number[] = [];
  const endsList: number[] = [];
  // Explicit stack of (node, parent index); a marker entry closes a subtree.
  const stack: AnyNode[] = [root as AnyNode];
  const stackParents: number[] = [-1];
  const open: number[] = [];
  const marker = {} as AnyNode;
  while (stack.length) {
    const n = stack.pop()!;
    const parent = stackParents.pop()!;
    if (n === marker) {
      const i = open.pop()!;
      endsList[i] = nodes.length;
      continue;
    }
    const i = nodes.length;
    nodes.push(n);
    parentsList.push(parent);
    endsList.push(0);
    open.push(i);
    stack.push(marker);
    stackParents.push(-1);
    const first = stack.length;
    children(n, stack);
    for (let k = first; k < stack.length; k++) stackParents.push(i);
  }
  const kinds = new Uint8Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) kinds[i] = kindIdOf(nodes[i]!.kind);
  const parents = Int32Array.from(parentsList);
  // An exact copy: the list grew by half its length at a time, and it is kept.
  const flat: Flat = { nodes: nodes.slice(), parents, ends: Int32Array.from(endsList), kinds };
  // The functions inside share the index (their bodies are walked on their own too).
  views.set(root, { flat, start: 0 });
  for (let i = 1; i < nodes.length; i++) {
    const n = nodes[i]!;
    const k = n.kind;
    const pk = k === 'BlockStmt' ? nodes[parents[i]!]!.kind : '';
    if (k === 'FuncLit' || k === 'FuncDecl' || pk === 'FuncLit' || pk === 'FuncDecl') {
      if (!views.has(n)) views.set(n, { flat, start: i });
    }
  }
  return flat;
}

/** Calls visit for every node under root (root included), parents before children, in
 * source order. Returning false from visit skips that node's children. */
export function walk(root: Node, visit: (n: Node, parent: Node | null) => boolean | void): void {
  let view: FlatView | undefined;
  if (cacheable(root)) {
    view = views.get(root);
    if (!view) {
      if (walkedOnce.has(root)) {
        flatten(root);
        view = views.get(root);
      } else walkedOnce.add(root);
    }
  }
  if (view) {
    const { nodes, parents, ends } = view.flat;
    const start = view.start;
    const stop = ends[start]!;
    if (visit(nodes[start]!, null) === false) return;
    for (let i = start + 1; i < stop; ) {
      if (visit(nodes[i]!, nodes[parents[i]!]!) === false) i = ends[i]!;
      else i++;
    }
    return;
  }
  // Two parallel stacks rather than [node, parent] pairs: walks run over every body many
  // times, and the pairs were most of the garbage a scan made.
  const nodes: AnyNode[] = [root as AnyNode];
  const parents: Array<Node | null> = [null];
  while (nodes.length) {
    const n = nodes.pop()!;
    const parent = parents.pop()!;
    if (visit(n, parent) === false) continue;
    const first = nodes.length;
    children(n, nodes);
    for (let k = first; k < nodes.length; k++) parents.push(n);
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

/** The flattened subtree of a block, function literal or declaration (built on first use). */
function viewOf(root: Node): FlatView | undefined {
  if (!cacheable(root)) return undefined;
  let view = views.get(root);
  if (!view) {
    flatten(root);
    view = views.get(root);
  }
  return view;
}

function walkFiltered(root: Node, kinds: KindSet, body: boolean, visit: (n: Node, parent: Node | null) => boolean | void): void {
  const view = viewOf(root);
  if (!view) {
    (body ? walkBody : walk)(root, (n, p) => (kinds[kindIdOf(n.kind)] ? visit(n, p) : undefined));
    return;
  }
  const { nodes, parents, ends, kinds: ids } = view.flat;
  const start = view.start;
  const stop = ends[start]!;
  for (let i = start; i < stop; ) {
    const k = ids[i]!;
    if (kinds[k] && visit(nodes[i]!, i === start ? null : nodes[parents[i]!]!) === false) i = ends[i]!;
    else if (body && k === FUNC_LIT && i !== start) i = ends[i]!;
    else i++;
  }
}

/** walk, calling visit only for the nodes of the given kinds (same order; returning
 * false still skips that node's children). */
export function walkKinds(root: Node, kinds: KindSet, visit: (n: Node, parent: Node | null) => boolean | void): void {
  walkFiltered(root, kinds, false, visit);
}

/** walkBody, calling visit only for the nodes of the given kinds. */
export function walkBodyKinds(root: Node, kinds: KindSet, visit: (n: Node, parent: Node | null) => boolean | void): void {
  walkFiltered(root, kinds, true, visit);
}
