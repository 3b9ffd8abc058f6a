import { test } from 'node:test';
import assert from 'node:assert/strict';
import { find, parse, parseBody, shape } from './ast-walk.js';
import type { AssignStmt, ChanType, FuncDecl, GenDecl, ValueSpec } from '../../src/syntax/ast.js';

/** The right-hand side of `_ = <expr>` inside a function. */
function rhs(expr: string): unknown {
  const f = parseBody(`_ = ${expr}`);
  assert.deepEqual(f.syntaxErrors, []);
  return shape(((f.decls[0] as FuncDecl).body!.list[0] as AssignStmt).rhs[0]);
}

const id = (name: string) => ({ kind: 'Ident', name });
const int = (value: string) => ({ kind: 'BasicLit', litKind: 'INT', value });

test('basic literals and predeclared identifiers', () => {
  assert.deepEqual(rhs('1'), int('1'));
  assert.deepEqual(rhs('1.5'), { kind: 'BasicLit', litKind: 'FLOAT', value: '1.5' });
  assert.deepEqual(rhs('2i'), { kind: 'BasicLit', litKind: 'IMAG', value: '2i' });
  assert.deepEqual(rhs("'x'"), { kind: 'BasicLit', litKind: 'CHAR', value: "'x'" });
  assert.deepEqual(rhs('"a\\n"'), { kind: 'BasicLit', litKind: 'STRING', value: '"a\\n"' });
  assert.deepEqual(rhs('`raw`'), { kind: 'BasicLit', litKind: 'STRING', value: '`raw`' });
  assert.deepEqual(rhs('nil'), id('nil'));
  assert.deepEqual(rhs('true'), id('true'));
});

test('composite literals: keyed, positional, nested elided types, &T{}, [...]T', () => {
  assert.deepEqual(rhs('T{a: 1, 2, {3}}'), {
    kind: 'CompositeLit', type: id('T'),
    elts: [
      { kind: 'KeyValueExpr', key: id('a'), value: int('1') },
      int('2'),
      { kind: 'CompositeLit', type: null, elts: [int('3')] },
    ],
  });
  assert.deepEqual(rhs('&Server{mu: sync.Mutex{}}'), {
    kind: 'UnaryExpr', op: '&',
    x: {
      kind: 'CompositeLit', type: id('Server'),
      elts: [{ kind: 'KeyValueExpr', key: id('mu'), value: { kind: 'CompositeLit', type: { kind: 'SelectorExpr', x: id('sync'), sel: id('Mutex') }, elts: [] } }],
    },
  });
  assert.deepEqual(rhs('[...]int{1}'), {
    kind: 'CompositeLit', type: { kind: 'ArrayType', len: { kind: 'Ellipsis', elt: null }, elt: id('int') }, elts: [int('1')],
  });
  assert.deepEqual(rhs('map[string][]int{"a": {1}}'), {
    kind: 'CompositeLit',
    type: { kind: 'MapType', key: id('string'), value: { kind: 'ArrayType', len: null, elt: id('int') } },
    elts: [{ kind: 'KeyValueExpr', key: { kind: 'BasicLit', litKind: 'STRING', value: '"a"' }, value: { kind: 'CompositeLit', type: null, elts: [int('1')] } }],
  });
});

test('func literals with params and results', () => {
  const lit = rhs('func(a int, b ...string) (err error) { return nil }') as {
    kind: string; type: { params: Array<{ type: { kind: string } }>; results: Array<{ names: Array<{ name: string }> }> }; body: { list: unknown[] };
  };
  assert.equal(lit.kind, 'FuncLit');
  assert.deepEqual(lit.type.params.map((p) => p.type.kind), ['Ident', 'Ellipsis']);
  assert.deepEqual(lit.type.results[0].names.map((n) => n.name), ['err']);
  assert.equal(lit.body.list.length, 1);
});

test('selectors, calls with spread, index, generic instantiation, slices', () => {
  assert.deepEqual(rhs('s.mu.Lock'), { kind: 'SelectorExpr', x: { kind: 'SelectorExpr', x: id('s'), sel: id('mu') }, sel: id('Lock') });
  assert.deepEqual(rhs('f(a, xs...)'), { kind: 'CallExpr', fun: id('f'), args: [id('a'), id('xs')], ellipsis: true });
  assert.deepEqual(rhs('m[k]'), { kind: 'IndexExpr', x: id('m'), indices: [id('k')] });
  assert.deepEqual(rhs('Map[int, string]'), { kind: 'IndexExpr', x: id('Map'), indices: [id('int'), id('string')] });
  assert.deepEqual(rhs('New[int]()'), { kind: 'CallExpr', fun: { kind: 'IndexExpr', x: id('New'), indices: [id('int')] }, args: [], ellipsis: false });
  assert.deepEqual(rhs('Pair[K, []V](a)'), {
    kind: 'CallExpr',
    fun: { kind: 'IndexExpr', x: id('Pair'), indices: [id('K'), { kind: 'ArrayType', len: null, elt: id('V') }] },
    args: [id('a')], ellipsis: false,
  });
  assert.deepEqual(rhs('b[1:n]'), { kind: 'SliceExpr', x: id('b'), low: int('1'), high: id('n'), max: null });
  assert.deepEqual(rhs('b[:]'), { kind: 'SliceExpr', x: id('b'), low: null, high: null, max: null });
  assert.deepEqual(rhs('b[:2:3]'), { kind: 'SliceExpr', x: id('b'), low: null, high: int('2'), max: int('3') });
});

test('type assertions, conversions and make with a type argument', () => {
  assert.deepEqual(rhs('v.(error)'), { kind: 'TypeAssertExpr', x: id('v'), type: id('error') });
  assert.deepEqual(rhs('[]byte(s)'), { kind: 'CallExpr', fun: { kind: 'ArrayType', len: null, elt: id('byte') }, args: [id('s')], ellipsis: false });
  assert.deepEqual(rhs('(*T)(p)'), { kind: 'CallExpr', fun: { kind: 'ParenExpr', x: { kind: 'StarExpr', x: id('T') } }, args: [id('p')], ellipsis: false });
  assert.deepEqual(rhs('make(chan int, 1)'), {
    kind: 'CallExpr', fun: id('make'), args: [{ kind: 'ChanType', dir: 'both', value: id('int') }, int('1')], ellipsis: false,
  });
});

test('unary, binary, star, receive and address-of', () => {
  assert.deepEqual(rhs('<-ch'), { kind: 'UnaryExpr', op: '<-', x: id('ch') });
  assert.deepEqual(rhs('&s.n'), { kind: 'UnaryExpr', op: '&', x: { kind: 'SelectorExpr', x: id('s'), sel: id('n') } });
  assert.deepEqual(rhs('*p'), { kind: 'StarExpr', x: id('p') });
  assert.deepEqual(rhs('-x + y*2'), {
    kind: 'BinaryExpr', op: '+', x: { kind: 'UnaryExpr', op: '-', x: id('x') }, y: { kind: 'BinaryExpr', op: '*', x: id('y'), y: int('2') },
  });
  assert.deepEqual(rhs('!(a && b)'), { kind: 'UnaryExpr', op: '!', x: { kind: 'ParenExpr', x: { kind: 'BinaryExpr', op: '&&', x: id('a'), y: id('b') } } });
});

test('channel types with directions, including Go\'s leftmost-chan rule', () => {
  const f = parse(`package p
var a chan int
var b chan<- int
var c <-chan int
var d chan<- chan int
var e chan (<-chan int)
var g <-chan <-chan int
var h func(chan<- error) <-chan struct{}
`);
  const types = f.decls.map((d) => ((d as GenDecl).specs[0] as ValueSpec).type as ChanType);
  assert.deepEqual(types.slice(0, 3).map((t) => t.dir), ['both', 'send', 'recv']);
  assert.deepEqual(shape(types[3]), { kind: 'ChanType', dir: 'send', value: { kind: 'ChanType', dir: 'both', value: id('int') } });
  assert.deepEqual(types[3].value.span, [5, 14, 5, 22]);
  assert.deepEqual(shape(types[4]), { kind: 'ChanType', dir: 'both', value: { kind: 'ParenExpr', x: { kind: 'ChanType', dir: 'recv', value: id('int') } } });
  assert.deepEqual(shape(types[5]), { kind: 'ChanType', dir: 'recv', value: { kind: 'ChanType', dir: 'recv', value: id('int') } });
  const fn = f.decls[6] as GenDecl;
  const ft = find(fn, 'FuncType') as unknown as { params: Array<{ type: ChanType }>; results: Array<{ type: ChanType }> };
  assert.equal(ft.params[0].type.dir, 'send');
  assert.equal(ft.results[0].type.dir, 'recv');
});

test('long operator chains (generated tables) convert without a nesting error', () => {
  const terms = Array.from({ length: 1000 }, (_, i) => `"t${i}"`).join(' +\n\t');
  const f = parse(`package p\n\nconst table = "" +\n\t${terms}\n`);
  assert.deepEqual(f.syntaxErrors, []);
  const spec = (f.decls[0] as GenDecl).specs[0] as ValueSpec;
  let depth = 0;
  let e = spec.values[0];
  while (e.kind === 'BinaryExpr') {
    assert.equal(e.op, '+');
    e = e.x;
    depth++;
  }
  assert.equal(depth, 1000);
  assert.deepEqual(shape(e), { kind: 'BasicLit', litKind: 'STRING', value: '""' });
});
