import { test } from 'node:test';
import assert from 'node:assert/strict';
import { find, findAll, parse } from './ast-walk.js';
import type { FuncDecl, Ident } from '../../src/syntax/ast.js';

test('spans are 1-based, end-exclusive, in UTF-16 columns after non-ASCII text', () => {
  const src = 'package p\n\nvar s = "héllo😀" + x // ünïcode\nvar t = "日本" + y\n';
  const f = parse(src);
  const idents = findAll(f, 'Ident') as unknown as Ident[];
  const x = idents.find((i) => i.name === 'x')!;
  const y = idents.find((i) => i.name === 'y')!;
  // "var s = \"héllo😀\" + x": é is one UTF-16 unit, 😀 is two, so x is at column 21.
  assert.deepEqual(x.span, [3, 21, 3, 22]);
  assert.equal(src.split('\n')[2].slice(x.span[1] - 1, x.span[3] - 1), 'x');
  assert.deepEqual(y.span, [4, 16, 4, 17]);
  const lit = find(f, 'BasicLit') as unknown as { span: number[]; value: string };
  assert.equal(lit.value, '"héllo😀"');
  assert.deepEqual(lit.span, [3, 9, 3, 18]);
  assert.equal(src.split('\n')[2].slice(lit.span[1] - 1, lit.span[3] - 1), lit.value);
  assert.equal(f.lineCount, 4);
});

test('multi-line spans and declaration spans', () => {
  const f = parse('package p\n\nfunc f() {\n\tgo g()\n}\n');
  const fn = f.decls[0] as FuncDecl;
  assert.deepEqual(fn.span, [3, 1, 5, 2]);
  assert.deepEqual(fn.name.span, [3, 6, 3, 7]);
  assert.deepEqual(fn.body!.span, [3, 10, 5, 2]);
  assert.deepEqual(fn.body!.list[0].span, [4, 2, 4, 8]);
});

test('directives and the header build constraint; ordinary comments are dropped', () => {
  const f = parse(`//go:build linux && !arm
// +build linux,!arm

// Package p does things.
package p

//goconc:ignore data-race read-only after init
var x int //nolint:goconc

//go:noinline
func f() {}

//go:build ignore
`);
  assert.equal(f.buildConstraint, 'linux && !arm');
  assert.deepEqual(f.directives.map((d) => [d.line, d.col, d.text]), [
    [1, 1, '//go:build linux && !arm'],
    [2, 1, '// +build linux,!arm'],
    [7, 1, '//goconc:ignore data-race read-only after init'],
    [8, 11, '//nolint:goconc'],
    [10, 1, '//go:noinline'],
    [13, 1, '//go:build ignore'],
  ]);
  assert.equal(parse('package p\n//go:build linux\n').buildConstraint, null);
});

test('a broken file reports syntax errors and keeps the declarations around them', () => {
  const f = parse(`package p

func before() { ok() }

func broken() {
	x := 
	if x > {
	}
	y := [}
}

type After struct{ n int }

func after() { go work() }
`);
  assert.ok(f.syntaxErrors.length >= 1, 'expected syntax errors');
  for (const e of f.syntaxErrors) {
    assert.match(e.message, /^syntax error: /);
    assert.ok(e.line >= 5 && e.line <= 10, `error line ${e.line}`);
  }
  const names = f.decls.map((d) => (d.kind === 'FuncDecl' ? d.name.name : d.kind));
  assert.ok(names.includes('before'), names.join(','));
  assert.ok(names.includes('after'), names.join(','));
  assert.ok(findAll(f, 'TypeSpec').some((t) => (t as unknown as { name: Ident }).name.name === 'After'));
  assert.equal(findAll(f, 'GoStmt').length, 1);
});

test('error messages name the unexpected or missing token', () => {
  const unexpected = parse('package p\n\nfunc f() {\n\tx := 1 }}\n}\n');
  assert.ok(unexpected.syntaxErrors.some((e) => e.message === 'syntax error: unexpected "}"'), JSON.stringify(unexpected.syntaxErrors));
  const missing = parse('package p\n\nfunc f() {\n\tg(1\n}\n');
  assert.ok(missing.syntaxErrors.length > 0);
  assert.match(missing.syntaxErrors[0].message, /^syntax error: (missing|unexpected) /);
  assert.equal(missing.syntaxErrors[0].line >= 4, true);
});

test('statements outside functions are reported, not converted', () => {
  const f = parse('package p\nx := 1\nfunc g() {}\n');
  assert.ok(f.syntaxErrors.some((e) => /non-declaration statement|unexpected/.test(e.message)));
  assert.ok(f.decls.some((d) => d.kind === 'FuncDecl' && d.name.name === 'g'));
});
