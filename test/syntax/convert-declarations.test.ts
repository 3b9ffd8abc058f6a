import { test } from 'node:test';
import assert from 'node:assert/strict';
import { find, findAll, parse, shape } from './ast-walk.js';
import type { FuncDecl, GenDecl, TypeSpec, ValueSpec } from '../../src/syntax/ast.js';

test('package name and imports: single, grouped, named, dot and blank', () => {
  const f = parse(`package demo

import "fmt"
import (
	str "strings"
	. "math"
	_ "embed"
	"sync/atomic"
)
`);
  assert.equal(f.packageName, 'demo');
  assert.deepEqual(f.imports.map((i) => [i.name, i.path]), [
    [null, 'fmt'], ['str', 'strings'], ['.', 'math'], ['_', 'embed'], [null, 'sync/atomic'],
  ]);
  assert.equal(f.decls.length, 2);
  assert.deepEqual(f.decls.map((d) => (d as GenDecl).tok), ['import', 'import']);
  assert.deepEqual(f.imports[1].span, [5, 2, 5, 15]);
});

test('const groups carry iota indices and keep omitted values empty', () => {
  const f = parse(`package p
const (
	A = iota
	B
	C, D int = 5, 6
)
`);
  const specs = (f.decls[0] as GenDecl).specs as ValueSpec[];
  assert.equal((f.decls[0] as GenDecl).tok, 'const');
  assert.deepEqual(specs.map((s) => s.iota), [0, 1, 2]);
  assert.deepEqual(specs.map((s) => s.names.map((n) => n.name)), [['A'], ['B'], ['C', 'D']]);
  assert.deepEqual(shape(specs[0].values), [{ kind: 'Ident', name: 'iota' }]);
  assert.deepEqual(specs[1].values, []);
  assert.deepEqual(shape(specs[2].type), { kind: 'Ident', name: 'int' });
});

test('var declarations, single and grouped', () => {
  const f = parse(`package p
var x = 1
var (
	m map[string]int
	v atomic.Value
)
`);
  const grouped = (f.decls[1] as GenDecl).specs as ValueSpec[];
  assert.equal(grouped.length, 2);
  assert.deepEqual(shape(grouped[0].type), { kind: 'MapType', key: { kind: 'Ident', name: 'string' }, value: { kind: 'Ident', name: 'int' } });
  assert.deepEqual(shape(grouped[1].type), {
    kind: 'SelectorExpr', x: { kind: 'Ident', name: 'atomic' }, sel: { kind: 'Ident', name: 'Value' },
  });
  assert.deepEqual(shape(((f.decls[0] as GenDecl).specs[0] as ValueSpec).values), [{ kind: 'BasicLit', litKind: 'INT', value: '1' }]);
});

test('struct fields: named, grouped names, embedded value and pointer, tags, generic field', () => {
  const f = parse(`package p
type S struct {
	sync.Mutex
	*Base
	a, b int64 \`json:"a"\`
	c    List[int] "raw"
}
`);
  const st = find(f, 'StructType') as unknown as { fields: Array<{ names: Array<{ name: string }>; type: unknown; tag: string | null }> };
  assert.equal(st.fields.length, 4);
  assert.deepEqual(st.fields[0].names, []);
  assert.deepEqual(shape(st.fields[0].type), { kind: 'SelectorExpr', x: { kind: 'Ident', name: 'sync' }, sel: { kind: 'Ident', name: 'Mutex' } });
  assert.deepEqual(shape(st.fields[1].type), { kind: 'StarExpr', x: { kind: 'Ident', name: 'Base' } });
  assert.deepEqual(st.fields[2].names.map((n) => n.name), ['a', 'b']);
  assert.equal(st.fields[2].tag, '`json:"a"`');
  assert.equal(st.fields[3].tag, '"raw"');
  assert.deepEqual(shape(st.fields[3].type), { kind: 'IndexExpr', x: { kind: 'Ident', name: 'List' }, indices: [{ kind: 'Ident', name: 'int' }] });
});

test('interfaces: methods, embedded interfaces and type sets', () => {
  const f = parse(`package p
type I interface {
	io.Reader
	Close() error
	Get(key string) (v int, ok bool)
	~int | ~string | float64
}
`);
  const it = find(f, 'InterfaceType') as unknown as { methods: Array<{ names: Array<{ name: string }>; type: { kind: string } }> };
  assert.equal(it.methods.length, 4);
  assert.deepEqual(it.methods[0].names, []);
  assert.equal(it.methods[0].type.kind, 'SelectorExpr');
  assert.deepEqual(it.methods[1].names.map((n) => n.name), ['Close']);
  assert.equal(it.methods[1].type.kind, 'FuncType');
  const get = it.methods[2].type as unknown as { params: unknown[]; results: Array<{ names: Array<{ name: string }> }> };
  assert.equal(get.params.length, 1);
  assert.deepEqual(get.results.map((r) => r.names.map((n) => n.name)), [['v'], ['ok']]);
  assert.deepEqual(shape(it.methods[3].type), {
    kind: 'BinaryExpr', op: '|',
    x: {
      kind: 'BinaryExpr', op: '|',
      x: { kind: 'UnaryExpr', op: '~', x: { kind: 'Ident', name: 'int' } },
      y: { kind: 'UnaryExpr', op: '~', x: { kind: 'Ident', name: 'string' } },
    },
    y: { kind: 'Ident', name: 'float64' },
  });
});

test('generic types and functions keep their type parameters and constraints', () => {
  const f = parse(`package p
type Set[K comparable, V any] map[K]V
type Num interface{ ~int | ~float64 }
func Map[T, U any](xs []T, f func(T) U) []U { return nil }
type Alias = Set[string, int]
`);
  const set = find<TypeSpec>(f, 'TypeSpec', 0);
  assert.deepEqual(set.typeParams.map((p) => [p.names.map((n) => n.name), shape(p.type)]), [
    [['K'], { kind: 'Ident', name: 'comparable' }],
    [['V'], { kind: 'Ident', name: 'any' }],
  ]);
  const fn = f.decls.find((d) => d.kind === 'FuncDecl') as FuncDecl;
  assert.equal(fn.name.name, 'Map');
  assert.deepEqual(fn.type.typeParams.map((p) => p.names.map((n) => n.name)), [['T', 'U']]);
  assert.equal(fn.type.params.length, 2);
  assert.deepEqual(shape(fn.type.results), [{ kind: 'Field', names: [], type: { kind: 'ArrayType', len: null, elt: { kind: 'Ident', name: 'U' } }, tag: null }]);
  const alias = find<TypeSpec>(f, 'TypeSpec', 2);
  assert.equal(alias.alias, true);
  assert.equal(set.alias, false);
  assert.deepEqual(shape(alias.type), {
    kind: 'IndexExpr', x: { kind: 'Ident', name: 'Set' }, indices: [{ kind: 'Ident', name: 'string' }, { kind: 'Ident', name: 'int' }],
  });
});

test('methods with pointer and value receivers, variadic params, body-less funcs', () => {
  const f = parse(`package p
func (c *Cache) Get(k string) (string, bool) { return "", false }
func (c Cache) Len() int { return 0 }
func (List[T]) Each(fs ...func(T)) {}
func asm(x int) int
`);
  const [get, len, each, asm] = f.decls as FuncDecl[];
  assert.deepEqual(get.recv?.names.map((n) => n.name), ['c']);
  assert.deepEqual(shape(get.recv?.type), { kind: 'StarExpr', x: { kind: 'Ident', name: 'Cache' } });
  assert.deepEqual(shape(len.recv?.type), { kind: 'Ident', name: 'Cache' });
  assert.deepEqual(each.recv?.names, []);
  assert.equal(each.recv?.type.kind, 'IndexExpr');
  assert.equal(each.type.params[0].type.kind, 'Ellipsis');
  assert.equal((each.type.params[0].type as { elt: { kind: string } }).elt.kind, 'FuncType');
  assert.equal(asm.body, null);
  assert.equal(asm.recv, null);
  assert.equal(get.type.results.length, 2);
  assert.equal(findAll(f, 'ReturnStmt').length, 2);
});
