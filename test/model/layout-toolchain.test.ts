/**
 * Checks the layout engine against the real compiler: each hand-built type is printed
 * as Go, compiled for GOARCH=386 and GOARCH=amd64, and its unsafe.Sizeof/Alignof, every
 * field's unsafe.Offsetof and the absolute offset of a few deep paths are compared with
 * what layoutOf, structFields and fieldPathOffset compute. Skipped without `go`.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ARCH32, ARCH64, fieldPathOffset, layoutOf, structFields, type ArchModel, type PathStep } from '../../src/model/layout.js';
import type { Type, TypeDecl } from '../../src/model/types.js';
import { STD, USER_PKG, anyT, arr, b, canRun386, decl, goDecl, goType, installedGo, named, ptr, runGo, slice, struct, tparam } from './layout-fixtures.js';

interface Case { name: string; root: Type; paths: PathStep[][] }

const fn: Type = { kind: 'func', sig: { params: [], results: [], variadic: false } };
const inner = decl('Inner', struct(['x', b('int32')], ['y', b('int64')], ['z', b('uint8')]));
const base = decl('Base', struct(['flag', b('bool')], ['id', b('int32')], ['total', b('int64')]));
const item = decl('Item', struct(['a', b('int32')], ['v', b('int64')], ['b', b('bool')]));
const box = decl('Box', struct(['flag', b('bool')], ['v', tparam('T')], ['pair', arr(2, tparam('T'))]), ['T']);
const counter = decl('Counter', b('int64'));

const CASES: Case[] = [
  {
    // The field guide's WebSocket incident: readDeadline at 44 on 32-bit targets.
    name: 'wsConn',
    root: named(decl('wsConn', struct(
      ['name', b('string')], ['buf', slice(b('uint8'))], ['mu', STD.Mutex], ['closed', b('bool')], ['n', b('int32')],
      ['handler', fn], ['id', b('uintptr')], ['readDeadline', b('int64')], ['writeDeadline', b('int64')],
    ))),
    paths: [[{ field: 'readDeadline' }], [{ field: 'writeDeadline' }]],
  },
  {
    name: 'Nested',
    root: named(decl('Nested', struct(['a', b('int32')], ['in', named(inner)], ['after', b('uint64')], ['in2', named(inner)]))),
    paths: [[{ field: 'in' }, { field: 'y' }], [{ field: 'in2' }, { field: 'y' }], [{ field: 'after' }]],
  },
  {
    name: 'Embedding',
    root: named(decl('Embedding', struct(['pad', b('uint8')], named(base), ['count', b('int64')]))),
    paths: [[{ field: 'total' }], [{ field: 'Base' }, { field: 'id' }], [{ field: 'count' }]],
  },
  {
    name: 'ArrayOfStructs',
    root: named(decl('ArrayOfStructs', struct(['hdr', b('uint32')], ['items', arr(5, named(item))], ['tail', b('int64')]))),
    paths: [[{ field: 'items' }, { index: 3 }, { field: 'v' }], [{ field: 'items' }, { index: 4 }, { field: 'b' }], [{ field: 'tail' }]],
  },
  {
    name: 'WithAtomicInt64',
    root: named(decl('WithAtomicInt64', struct(['flag', b('bool')], ['n', STD.AtomicInt64], ['m', b('int32')]))),
    paths: [[{ field: 'n' }], [{ field: 'm' }]],
  },
  {
    name: 'TrailingZero',
    // 8 bytes of fields; the padding byte after the zero-size field makes it 12.
    root: named(decl('TrailingZero', struct(['a', b('int32')], ['b', b('int32')], ['z', struct()]))),
    paths: [[{ field: 'z' }]],
  },
  {
    name: 'TrailingZeroArray',
    root: named(decl('TrailingZeroArray', struct(['a', b('int32')], ['z', arr(0, b('int64'))]))),
    paths: [[{ field: 'z' }]],
  },
  {
    name: 'AllZero',
    root: named(decl('AllZero', struct(['a', struct()], ['b', arr(0, b('int64'))]))),
    paths: [],
  },
  {
    name: 'Kinds',
    root: named(decl('Kinds', struct(
      ['c64', b('complex64')], ['b1', b('bool')], ['c128', b('complex128')], ['f32', b('float32')], ['f64', b('float64')],
      ['m', { kind: 'map', key: b('string'), value: b('int') }], ['ch', { kind: 'chan', dir: 'both', elem: b('int') }],
      ['i', anyT], ['s', slice(b('int'))], ['p', ptr(b('int'))], ['u', b('unsafe.Pointer')], ['u16', b('uint16')], ['last', b('int64')],
    ))),
    paths: [[{ field: 'c128' }], [{ field: 'last' }]],
  },
  {
    name: 'Generic',
    root: named(decl('Generic', struct(['a', b('uint8')], ['b64', named(box, b('int64'))], ['b16', named(box, b('uint16'))], ['end', b('uint64')]))),
    paths: [[{ field: 'b64' }, { field: 'v' }], [{ field: 'b64' }, { field: 'pair' }, { index: 1 }], [{ field: 'b16' }, { field: 'pair' }, { index: 1 }], [{ field: 'end' }]],
  },
  {
    name: 'StdEmbeds',
    root: named(decl('StdEmbeds', struct(['x', b('uint8')], STD.Mutex, STD.WaitGroup, ['once', STD.Once], ['n', b('int64')], ['rw', STD.RWMutex], ['v', STD.AtomicValue], ['m', b('uint64')]))),
    paths: [[{ field: 'n' }], [{ field: 'm' }], [{ field: 'WaitGroup' }]],
  },
  {
    name: 'TimeAndBuffer',
    root: named(decl('TimeAndBuffer', struct(['t', STD.Time], ['n', b('int64')], ['buf', STD.Buffer], ['c', named(counter)], ['u', STD.AtomicUint32]))),
    paths: [[{ field: 'n' }], [{ field: 'c' }]],
  },
  {
    name: 'ArrayOfArrays',
    root: named(decl('ArrayOfArrays', struct(['flag', b('bool')], ['grid', arr(3, arr(2, b('int64')))], ['tags', arr(3, b('uint8'))]))),
    paths: [[{ field: 'grid' }, { index: 2 }, { index: 1 }], [{ field: 'tags' }, { index: 2 }]],
  },
];

/** User declarations reachable from the cases, each once, in a stable order. */
function userDecls(): TypeDecl[] {
  const out: TypeDecl[] = [];
  const seen = new Set<TypeDecl>();
  const walk = (t: Type): void => {
    switch (t.kind) {
      case 'named':
        t.args.forEach(walk);
        if (t.decl.pkgPath !== USER_PKG || seen.has(t.decl)) return;
        seen.add(t.decl);
        walk(t.decl.underlying);
        out.push(t.decl);
        return;
      case 'struct': t.fields.forEach((f) => walk(f.type)); return;
      case 'array': case 'slice': case 'pointer': walk(t.elem); return;
      default: return;
    }
  };
  CASES.forEach((c) => walk(c.root));
  return out;
}

function goPath(path: PathStep[]): string {
  return path.map((s) => ('field' in s ? `.${s.field}` : `[${s.index}]`)).join('');
}

function program(): string {
  const lines = [
    'package main',
    '',
    'import (\n\t"bytes"\n\t"fmt"\n\t"sync"\n\t"sync/atomic"\n\t"time"\n\t"unsafe"\n)',
    '',
    'var _ = bytes.MinRead\nvar _ sync.Mutex\nvar _ atomic.Int32\nvar _ time.Duration',
    '',
    ...userDecls().map(goDecl),
    '',
  ];
  CASES.forEach((c, i) => lines.push(`var v${i} ${goType(c.root)}`));
  lines.push('', 'func main() {');
  CASES.forEach((c, i) => {
    lines.push(`\tfmt.Println("size", ${i}, unsafe.Sizeof(v${i}), unsafe.Alignof(v${i}))`);
    const fields = structFields(c.root, ARCH64, { goVersion: null }) ?? [];
    fields.forEach((f, j) => lines.push(`\tfmt.Println("field", ${i}, ${j}, unsafe.Offsetof(v${i}.${f.name}))`));
    c.paths.forEach((p, k) => lines.push(`\tfmt.Println("path", ${i}, ${k}, uintptr(unsafe.Pointer(&v${i}${goPath(p)})) - uintptr(unsafe.Pointer(&v${i})))`));
  });
  lines.push('}', '');
  return lines.join('\n');
}

function parse(out: string): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const line of out.trim().split('\n')) {
    const [kind, ...nums] = line.trim().split(/\s+/);
    const values = nums.map(Number);
    const keyLen = kind === 'size' ? 1 : 2;
    m.set(`${kind} ${values.slice(0, keyLen).join(' ')}`, values.slice(keyLen));
  }
  return m;
}

const goVersion = installedGo();
const runnable = goVersion !== null && canRun386();
const skip = runnable ? false : 'needs a Go toolchain on an amd64 Linux/Windows host (GOARCH=386 and amd64 binaries)';

describe('layout engine against the Go toolchain', { skip }, () => {
  const measured = new Map<string, Map<string, number[]>>();
  before(() => {
    const src = program();
    measured.set('386', parse(runGo(src, '386', goVersion!)));
    measured.set('amd64', parse(runGo(src, 'amd64', goVersion!)));
  });

  const archs: Array<[string, ArchModel]> = [['386', ARCH32], ['amd64', ARCH64]];
  for (const [goarch, arch] of archs) {
    CASES.forEach((c, i) => {
      it(`${c.name} on ${goarch}`, () => {
        const m = measured.get(goarch)!;
        const opts = { goVersion };
        const [size, align] = m.get(`size ${i}`)!;
        assert.deepEqual(layoutOf(c.root, arch, opts), { size, align }, 'size and alignment');
        const fields = structFields(c.root, arch, opts);
        assert.ok(fields, 'fields are known');
        fields.forEach((f, j) => assert.equal(f.offset, m.get(`field ${i} ${j}`)![0], `offset of ${f.name}`));
        c.paths.forEach((p, k) => assert.equal(fieldPathOffset(c.root, p, arch, opts), m.get(`path ${i} ${k}`)![0], `offset of ${goPath(p)}`));
      });
    });
  }

  it('reproduces the incident: readDeadline is misaligned on 386 only', () => {
    const m386 = measured.get('386')!;
    assert.equal(m386.get('path 0 0')![0], 44);
    assert.equal(fieldPathOffset(CASES[0]!.root, [{ field: 'readDeadline' }], ARCH32, { goVersion })! % 8, 4);
    assert.equal(fieldPathOffset(CASES[0]!.root, [{ field: 'readDeadline' }], ARCH64, { goVersion })! % 8, 0);
  });
});
