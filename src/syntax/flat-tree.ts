/**
 * One pass of a tree-sitter TreeCursor that copies the concrete syntax tree into flat
 * typed arrays, so the converter can then work in plain JavaScript.
 *
 * Why: every access to a tree-sitter node crosses into native code, and node objects
 * (`node.children`, `childForFieldName`) are allocated and cached per call. A cursor walk
 * costs two native calls per anonymous token and five per named node, allocates nothing,
 * and is iterative, so a 10,000-deep nesting cannot overflow the JS stack here.
 *
 * Fast path (tree without errors): positions and field names are read for named nodes
 * only, and leaf-like nodes (identifiers, literals) are not entered. When the tree has
 * errors every node is recorded fully, so MISSING and ERROR nodes can be reported.
 * Comments are not recorded at all; directive comments are collected on the way.
 */
import { createRequire } from 'node:module';
import type Parser from 'tree-sitter';

export interface FlatTree {
  count: number;
  /** Node type name per typeId (language-wide table; anonymous tokens are their text). */
  typeNames: readonly string[];
  fieldNames: readonly string[];
  typeId: Uint16Array;
  /** 0 when the node has no field in its parent. */
  fieldId: Uint16Array;
  named: Uint8Array;
  missing: Uint8Array;
  /** UTF-16 offsets; -1 where not recorded (anonymous tokens on the fast path). */
  start: Int32Array;
  end: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** Indices of ERROR nodes not inside another ERROR node. */
  errors: number[];
  /** Indices of MISSING nodes. */
  missingNodes: number[];
  hasError: boolean;
}

export interface RawComment {
  start: number;
  end: number;
}

const ERROR_TYPE_ID = 0xffff;

/** Types whose children the converter never needs (it reads their source text). */
const LEAF_TYPES = new Set([
  'identifier', 'field_identifier', 'type_identifier', 'package_identifier', 'label_name',
  'blank_identifier', 'dot', 'int_literal', 'float_literal', 'imaginary_literal',
  'rune_literal', 'interpreted_string_literal', 'raw_string_literal', 'true', 'false',
  'nil', 'iota', 'comment',
]);

/** Leaf types whose end the walk finds by scanning the source (saves a native call). */
const IDENT_TYPES = new Set(['identifier', 'field_identifier', 'type_identifier', 'package_identifier', 'label_name']);

/**
 * Parent types whose children never carry a field (lists, blocks, ...), read from the
 * grammar's node-types.json: asking the cursor for a field there is a wasted native
 * call. If the file cannot be read every parent is asked, which is only slower.
 */
const FIELDLESS_PARENTS: ReadonlySet<string> = (() => {
  try {
    const info = createRequire(import.meta.url)('tree-sitter-go/src/node-types.json') as Array<{ type: string; named: boolean; fields?: Record<string, unknown> }>;
    return new Set(info.filter((t) => t.named && (t.fields === undefined || Object.keys(t.fields).length === 0)).map((t) => t.type));
  } catch {
    return new Set<string>();
  }
})();

/** Anonymous tokens whose position the converter needs even on the fast path. */
const POSITIONED_TOKENS = new Set(['...']);

// Language-wide lookup tables, filled lazily from the cursor the first time an id is met.
const typeNames: string[] = [];
const typeNamed: boolean[] = [];
const typeIsLeaf: boolean[] = [];
const typeIsComment: boolean[] = [];
const typeNeedsPos: boolean[] = [];
const typeIsIdent: boolean[] = [];
const typeFieldless: boolean[] = [];
const fieldNames: string[] = [''];

function learnType(c: Parser.TreeCursor, id: number): void {
  const name = id === ERROR_TYPE_ID ? 'ERROR' : c.nodeType;
  typeNames[id] = name;
  typeNamed[id] = id === ERROR_TYPE_ID || c.nodeIsNamed;
  typeIsLeaf[id] = LEAF_TYPES.has(name);
  typeIsComment[id] = name === 'comment';
  typeNeedsPos[id] = POSITIONED_TOKENS.has(name);
  typeIsIdent[id] = IDENT_TYPES.has(name);
  typeFieldless[id] = FIELDLESS_PARENTS.has(name);
}

/** End of the identifier starting at `i` (letters, digits, `_`, as in the Go spec). */
function identEnd(src: string, i: number): number {
  for (;;) {
    const ch = src.charCodeAt(i);
    if ((ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95) i++;
    else if (ch >= 128) {
      const cp = src.codePointAt(i)!;
      if (!IDENT_CHAR.test(String.fromCodePoint(cp))) return i;
      i += cp > 0xffff ? 2 : 1;
    } else return i;
  }
}
const IDENT_CHAR = /[\p{L}\p{Nd}_]/u;

class Growable {
  cap: number;
  typeId: Uint16Array;
  fieldId: Uint16Array;
  named: Uint8Array;
  missing: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;

  constructor(cap: number) {
    this.cap = cap;
    this.typeId = new Uint16Array(cap);
    this.fieldId = new Uint16Array(cap);
    this.named = new Uint8Array(cap);
    this.missing = new Uint8Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.firstChild = new Int32Array(cap);
    this.nextSibling = new Int32Array(cap);
  }

  grow(): void {
    const cap = this.cap * 2;
    const g = <T extends Uint16Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.typeId = g(this.typeId, (n) => new Uint16Array(n));
    this.fieldId = g(this.fieldId, (n) => new Uint16Array(n));
    this.named = g(this.named, (n) => new Uint8Array(n));
    this.missing = g(this.missing, (n) => new Uint8Array(n));
    this.start = g(this.start, (n) => new Int32Array(n));
    this.end = g(this.end, (n) => new Int32Array(n));
    this.firstChild = g(this.firstChild, (n) => new Int32Array(n));
    this.nextSibling = g(this.nextSibling, (n) => new Int32Array(n));
    this.cap = cap;
  }
}

/**
 * The arrays every flattenTree call of this thread writes into. Reused rather than
 * allocated per file: fresh arrays sized for each file (and doubled as it grows) were
 * megabytes of zeroed native memory per file, and that churn stayed in the process's
 * RSS after the phase.
 */
let scratch: Growable | null = null;

/**
 * Copies `tree` into a FlatTree. `onComment` receives every comment (offsets only), so
 * the caller decides which ones are directives without materialising the rest.
 *
 * The FlatTree's arrays are this thread's scratch arrays, longer than `count`: they are
 * valid until the next call on this thread. Convert the tree or copy it (packTree) first.
 */
export function flattenTree(tree: Parser.Tree, source: string, onComment: (c: RawComment) => void): FlatTree {
  const sourceLength = source.length;
  const root = tree.rootNode;
  const hasError = root.hasError;
  const c = root.walk();
  // Every field of a recorded node is written below, so nothing left over is ever read.
  const a = (scratch ??= new Growable(Math.max(4096, (sourceLength >> 2) + 64)));
  const errors: number[] = [];
  const missingNodes: number[] = [];

  // Per depth: index of the last recorded child, or -1.
  let lastChild: number[] = [];
  const parents: number[] = [];
  let errorDepth = 0; // how many ERROR ancestors the cursor is inside
  const errorAt: boolean[] = [];
  let count = 0;
  let curId = 0; // typeId of the node under the cursor

  /** Records the cursor's node; returns its index, or -1 for a skipped comment. */
  const record = (depth: number): number => {
    const id = c.nodeTypeId;
    curId = id;
    if (typeNames[id] === undefined) learnType(c, id);
    if (typeIsComment[id]) {
      onComment({ start: c.startIndex, end: c.endIndex });
      return -1;
    }
    if (count === a.cap) a.grow();
    const i = count++;
    a.typeId[i] = id;
    a.firstChild[i] = -1;
    a.nextSibling[i] = -1;
    const isNamed = typeNamed[id];
    a.named[i] = isNamed ? 1 : 0;
    if (isNamed || hasError || typeNeedsPos[id]) {
      const s = c.startIndex;
      a.start[i] = s;
      a.end[i] = !hasError && typeIsIdent[id] ? identEnd(source, s) : c.endIndex;
      if (hasError || (isNamed && !(depth > 0 && typeFieldless[a.typeId[parents[depth - 1]]]))) {
        const f = c.currentFieldId ?? 0;
        if (f !== 0 && fieldNames[f] === undefined) fieldNames[f] = c.currentFieldName;
        a.fieldId[i] = f;
      } else a.fieldId[i] = 0;
    } else {
      a.start[i] = -1;
      a.end[i] = -1;
      a.fieldId[i] = 0;
    }
    if (hasError) {
      if (c.nodeIsMissing) {
        a.missing[i] = 1;
        missingNodes.push(i);
      } else a.missing[i] = 0;
      if (id === ERROR_TYPE_ID && errorDepth === 0) errors.push(i);
    } else a.missing[i] = 0;
    if (depth > 0) {
      const prev = lastChild[depth];
      if (prev === -1) a.firstChild[parents[depth - 1]] = i;
      else a.nextSibling[prev] = i;
    }
    lastChild[depth] = i;
    return i;
  };

  record(0);
  parents[0] = 0;
  let depth = 0;
  let current = 0; // index of the node under the cursor (-1 for a comment)
  for (;;) {
    const id = curId;
    const enter = current !== -1 && typeNamed[id] && (hasError || !typeIsLeaf[id]);
    if (enter && c.gotoFirstChild()) {
      parents[depth] = current;
      errorAt[depth] = id === ERROR_TYPE_ID;
      if (id === ERROR_TYPE_ID) errorDepth++;
      depth++;
      lastChild[depth] = -1;
      current = record(depth);
      continue;
    }
    for (;;) {
      if (depth === 0) break;
      if (c.gotoNextSibling()) {
        current = record(depth);
        break;
      }
      c.gotoParent();
      depth--;
      if (errorAt[depth]) errorDepth--;
    }
    if (depth === 0) break;
  }
  lastChild = [];

  return {
    count,
    typeNames,
    fieldNames,
    typeId: a.typeId,
    fieldId: a.fieldId,
    named: a.named,
    missing: a.missing,
    start: a.start,
    end: a.end,
    firstChild: a.firstChild,
    nextSibling: a.nextSibling,
    errors,
    missingNodes,
    hasError,
  };
}
