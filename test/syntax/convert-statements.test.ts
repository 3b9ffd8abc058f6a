import { test } from 'node:test';
import assert from 'node:assert/strict';
import { find, findAll, parseBody, shape } from './ast-walk.js';
import type {
  AssignStmt, BranchStmt, CommClause, ForStmt, FuncDecl, IfStmt, LabeledStmt, RangeStmt, SelectStmt,
  Stmt, SwitchStmt, TypeSwitchStmt,
} from '../../src/syntax/ast.js';

function bodyOf(src: string): Stmt[] {
  const f = parseBody(src);
  assert.deepEqual(f.syntaxErrors, []);
  return (f.decls[0] as FuncDecl).body!.list;
}

test('simple statements: expr, send, inc/dec, assignments, decl, empty, block', () => {
  const list = bodyOf(`
	f()
	ch <- v
	n++
	n--
	a, b = b, a
	x := 1
	m[k] |= 4
	var y int
	;
	{ g() }
`);
  assert.deepEqual(list.map((s) => s.kind), [
    'ExprStmt', 'SendStmt', 'IncDecStmt', 'IncDecStmt', 'AssignStmt', 'AssignStmt', 'AssignStmt', 'DeclStmt', 'EmptyStmt', 'BlockStmt',
  ]);
  assert.deepEqual(list.slice(2, 4).map((s) => (s as { tok: string }).tok), ['++', '--']);
  const [swap, def, orAssign] = list.slice(4, 7) as AssignStmt[];
  assert.equal(swap.tok, '=');
  assert.equal(swap.lhs.length, 2);
  assert.equal(def.tok, ':=');
  assert.equal(orAssign.tok, '|=');
  assert.equal(orAssign.lhs[0].kind, 'IndexExpr');
  assert.deepEqual(shape(list[1]), { kind: 'SendStmt', chan: { kind: 'Ident', name: 'ch' }, value: { kind: 'Ident', name: 'v' } });
});

test('go and defer hold calls, including of func literals and parenthesised calls', () => {
  const list = bodyOf(`
	go worker(i)
	go func() { defer wg.Done() }()
	defer (mu.Unlock)()
	defer (f())
`);
  assert.deepEqual(list.map((s) => s.kind), ['GoStmt', 'GoStmt', 'DeferStmt', 'DeferStmt']);
  const goLit = list[1] as { call: { fun: { kind: string } } };
  assert.equal(goLit.call.fun.kind, 'FuncLit');
  const inner = find(goLit, 'DeferStmt') as unknown as { call: { fun: unknown } };
  assert.deepEqual(shape(inner.call.fun), { kind: 'SelectorExpr', x: { kind: 'Ident', name: 'wg' }, sel: { kind: 'Ident', name: 'Done' } });
  assert.equal((list[2] as { call: { fun: { kind: string } } }).call.fun.kind, 'ParenExpr');
  assert.deepEqual(shape((list[3] as { call: unknown }).call), { kind: 'CallExpr', fun: { kind: 'Ident', name: 'f' }, args: [], ellipsis: false });
});

test('return, branch statements and labels', () => {
  const list = bodyOf(`
outer:
	for {
		for {
			if a { break outer }
			if b { continue outer }
			if c { break }
			goto done
		}
	}
done:
	return 1, err
`);
  const outer = list[0] as LabeledStmt;
  assert.equal(outer.kind, 'LabeledStmt');
  assert.equal(outer.label.name, 'outer');
  assert.equal(outer.stmt.kind, 'ForStmt');
  const branches = findAll(list, 'BranchStmt') as unknown as BranchStmt[];
  assert.deepEqual(branches.map((b) => [b.tok, b.label?.name ?? null]), [
    ['break', 'outer'], ['continue', 'outer'], ['break', null], ['goto', 'done'],
  ]);
  const done = list[1] as LabeledStmt;
  assert.equal(done.stmt.kind, 'ReturnStmt');
  assert.equal((done.stmt as { results: unknown[] }).results.length, 2);
});

test('if with init and else-if chains', () => {
  const [s] = bodyOf(`
	if v, ok := m[k]; ok {
		use(v)
	} else if x > 1 {
	} else {
		other()
	}
`) as IfStmt[];
  assert.equal(s.init?.kind, 'AssignStmt');
  assert.deepEqual(shape(s.cond), { kind: 'Ident', name: 'ok' });
  assert.equal(s.body.list.length, 1);
  assert.equal(s.else?.kind, 'IfStmt');
  const elseIf = s.else as IfStmt;
  assert.equal(elseIf.init, null);
  assert.equal(elseIf.cond.kind, 'BinaryExpr');
  assert.equal(elseIf.else?.kind, 'BlockStmt');
});

test('for loops: three-clause, condition only, infinite, range with and without key', () => {
  const list = bodyOf(`
	for i := 0; i < n; i++ {}
	for cond {}
	for {}
	for k, v := range m {}
	for i = range xs {}
	for range ch {}
	for _, x := range 10 {}
`);
  const [three, condOnly, inf] = list as ForStmt[];
  assert.equal(three.init?.kind, 'AssignStmt');
  assert.equal(three.cond?.kind, 'BinaryExpr');
  assert.equal(three.post?.kind, 'IncDecStmt');
  assert.deepEqual(shape(condOnly.cond), { kind: 'Ident', name: 'cond' });
  assert.equal(condOnly.init, null);
  assert.equal(inf.cond, null);
  const ranges = list.slice(3) as RangeStmt[];
  assert.deepEqual(ranges.map((r) => r.kind), ['RangeStmt', 'RangeStmt', 'RangeStmt', 'RangeStmt']);
  assert.deepEqual(ranges.map((r) => [r.tok, (r.key as { name?: string } | null)?.name ?? null, (r.value as { name?: string } | null)?.name ?? null]), [
    [':=', 'k', 'v'], ['=', 'i', null], [null, null, null], [':=', '_', 'x'],
  ]);
  assert.deepEqual(shape(ranges[2].x), { kind: 'Ident', name: 'ch' });
});

test('expression switch with init, tag, multi-value cases, default and fallthrough', () => {
  const [s] = bodyOf(`
	switch x := f(); x {
	case 1, 2:
		a()
		fallthrough
	case 3:
	default:
		b()
	}
	switch {
	case x > 0:
	}
`) as SwitchStmt[];
  assert.equal(s.kind, 'SwitchStmt');
  assert.equal(s.init?.kind, 'AssignStmt');
  assert.deepEqual(shape(s.tag), { kind: 'Ident', name: 'x' });
  assert.deepEqual(s.clauses.map((c) => [c.list.length, c.body.length]), [[2, 2], [1, 0], [0, 1]]);
  assert.equal((s.clauses[0].body[1] as BranchStmt).tok, 'fallthrough');
});

test('type switches with and without binding', () => {
  const list = bodyOf(`
	switch v := x.(type) {
	case int, *T:
		use(v)
	case nil:
	default:
	}
	switch y.(type) {
	case error:
	}
`);
  const [bound, plain] = list as TypeSwitchStmt[];
  assert.equal(bound.kind, 'TypeSwitchStmt');
  assert.equal(bound.binding?.name, 'v');
  assert.deepEqual(shape(bound.x), { kind: 'Ident', name: 'x' });
  assert.deepEqual(shape(bound.clauses[0].list), [{ kind: 'Ident', name: 'int' }, { kind: 'StarExpr', x: { kind: 'Ident', name: 'T' } }]);
  assert.equal(bound.clauses[0].body.length, 1);
  assert.deepEqual(bound.clauses.map((c) => c.list.length), [2, 1, 0]);
  assert.equal(plain.binding, null);
  assert.deepEqual(shape(plain.x), { kind: 'Ident', name: 'y' });
});

test('select with send, receive, receive-assign and default cases', () => {
  const [s] = bodyOf(`
	select {
	case ch <- v:
	case x := <-in:
		use(x)
	case x, ok = <-in:
	case <-ctx.Done():
		return
	default:
	}
`) as SelectStmt[];
  const cs = s.clauses as CommClause[];
  assert.deepEqual(cs.map((c) => c.comm?.kind ?? null), ['SendStmt', 'AssignStmt', 'AssignStmt', 'ExprStmt', null]);
  const recv = cs[1].comm as AssignStmt;
  assert.equal(recv.tok, ':=');
  assert.deepEqual(shape(recv.rhs), [{ kind: 'UnaryExpr', op: '<-', x: { kind: 'Ident', name: 'in' } }]);
  assert.equal((cs[2].comm as AssignStmt).tok, '=');
  assert.equal((cs[2].comm as AssignStmt).lhs.length, 2);
  const done = cs[3].comm as { x: { op: string; x: { kind: string } } };
  assert.equal(done.x.op, '<-');
  assert.equal(done.x.x.kind, 'CallExpr');
  assert.deepEqual(cs.map((c) => c.body.length), [0, 1, 0, 1, 0]);
});
