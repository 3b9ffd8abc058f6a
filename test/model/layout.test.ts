import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ARCH32, ARCH64, fieldPathOffset, layoutOf, structFields, embeddedFieldName } from '../../src/model/layout.js';
import { UNKNOWN, type Type } from '../../src/model/types.js';
import { STD, anyT, arr, b, decl, named, ptr, slice, std, struct, tparam } from './layout-fixtures.js';

const NEW = { goVersion: '1.26' };

describe('layoutOf: basic and composite types', () => {
  const cases: Array<[string, Type, [number, number], [number, number]]> = [
    ['bool', b('bool'), [1, 1], [1, 1]],
    ['int16', b('int16'), [2, 2], [2, 2]],
    ['float32', b('float32'), [4, 4], [4, 4]],
    ['int', b('int'), [4, 4], [8, 8]],
    ['uintptr', b('uintptr'), [4, 4], [8, 8]],
    ['unsafe.Pointer', b('unsafe.Pointer'), [4, 4], [8, 8]],
    ['int64', b('int64'), [8, 4], [8, 8]],
    ['float64', b('float64'), [8, 4], [8, 8]],
    ['complex64', b('complex64'), [8, 4], [8, 4]],
    ['complex128', b('complex128'), [16, 4], [16, 8]],
    ['string', b('string'), [8, 4], [16, 8]],
    ['[]byte', slice(b('uint8')), [12, 4], [24, 8]],
    ['any', anyT, [8, 4], [16, 8]],
    ['*int64', ptr(b('int64')), [4, 4], [8, 8]],
    ['map', { kind: 'map', key: b('string'), value: b('int') }, [4, 4], [8, 8]],
    ['chan', { kind: 'chan', dir: 'both', elem: b('int') }, [4, 4], [8, 8]],
    ['func', { kind: 'func', sig: { params: [], results: [], variadic: false } }, [4, 4], [8, 8]],
    ['[3]uint16', arr(3, b('uint16')), [6, 2], [6, 2]],
    ['[2]int64', arr(2, b('int64')), [16, 4], [16, 8]],
    ['[0]int64', arr(0, b('int64')), [0, 4], [0, 8]],
    ['struct{}', struct(), [0, 1], [0, 1]],
  ];
  for (const [name, t, l32, l64] of cases) {
    it(name, () => {
      assert.deepEqual(layoutOf(t, ARCH32, NEW), { size: l32[0], align: l32[1] });
      assert.deepEqual(layoutOf(t, ARCH64, NEW), { size: l64[0], align: l64[1] });
    });
  }
});

describe('layoutOf: structs', () => {
  it('pads between fields and rounds the size to the alignment', () => {
    const s = struct(['a', b('bool')], ['n', b('int64')], ['c', b('uint16')]);
    assert.deepEqual(layoutOf(s, ARCH32, NEW), { size: 16, align: 4 });
    assert.deepEqual(layoutOf(s, ARCH64, NEW), { size: 24, align: 8 });
  });

  it('pads a struct that ends in a zero-size field, but not an all-zero struct', () => {
    assert.deepEqual(layoutOf(struct(['a', b('int64')], ['z', struct()]), ARCH32, NEW), { size: 12, align: 4 });
    assert.deepEqual(layoutOf(struct(['a', b('int64')], ['z', struct()]), ARCH64, NEW), { size: 16, align: 8 });
    assert.deepEqual(layoutOf(struct(['a', b('uint8')], ['z', arr(0, b('uint8'))]), ARCH64, NEW), { size: 2, align: 1 });
    assert.deepEqual(layoutOf(struct(['z', struct()], ['w', arr(0, b('int64'))]), ARCH64, NEW), { size: 0, align: 8 });
    // A zero-size field in the middle gets no padding.
    assert.deepEqual(layoutOf(struct(['z', struct()], ['a', b('int32')]), ARCH64, NEW), { size: 4, align: 4 });
  });

  it('lays out named types through their underlying type', () => {
    const counter = named(decl('Counter', b('int64')));
    const s = named(decl('S', struct(['ok', b('bool')], ['c', counter])));
    assert.deepEqual(layoutOf(s, ARCH32, NEW), { size: 12, align: 4 });
    assert.deepEqual(structFields(s, ARCH32, NEW)?.map((f) => f.offset), [0, 4]);
    assert.deepEqual(structFields(s, ARCH64, NEW)?.map((f) => f.offset), [0, 8]);
  });

  it('uses the standard-library table for opaque types, and atomic.Int64 is 8-aligned on 32-bit', () => {
    const s = struct(['flag', b('bool')], ['n', STD.AtomicInt64], ['m', b('int32')]);
    assert.deepEqual(layoutOf(s, ARCH32, NEW), { size: 24, align: 8 });
    assert.deepEqual(structFields(s, ARCH32, NEW)?.map((f) => f.offset), [0, 8, 16]);
    const plain = struct(['flag', b('bool')], ['n', b('int64')], ['m', b('int32')]);
    assert.deepEqual(structFields(plain, ARCH32, NEW)?.map((f) => f.offset), [0, 4, 12]);
  });

  it('follows go.mod\'s version for standard-library layouts', () => {
    const s = struct(STD.WaitGroup, ['n', b('int64')]);
    assert.equal(fieldPathOffset(s, [{ field: 'n' }], ARCH32, { goVersion: '1.17' }), 12);
    assert.equal(fieldPathOffset(s, [{ field: 'n' }], ARCH32, { goVersion: '1.19' }), 12);
    assert.equal(fieldPathOffset(s, [{ field: 'n' }], ARCH32, { goVersion: '1.20' }), 16);
    assert.equal(fieldPathOffset(s, [{ field: 'n' }], ARCH32, { goVersion: null }), 16);
    // Any toolchain from 1.19 on: WaitGroup's 32-bit layout changed in 1.20, so unknown.
    assert.equal(fieldPathOffset(s, [{ field: 'n' }], ARCH32, { goVersion: '1.19', anyToolchain: true }), null);
    assert.equal(fieldPathOffset(s, [{ field: 'n' }], ARCH32, { goVersion: '1.20', anyToolchain: true }), 16);
    // atomic.Int64 did not exist before 1.19.
    assert.equal(layoutOf(STD.AtomicInt64, ARCH32, { goVersion: '1.18' }), null);
  });

  it('answers null rather than guessing', () => {
    const unknownStd = named(std('net', 'Conn2'));
    assert.equal(layoutOf(unknownStd, ARCH32, NEW), null);
    assert.equal(layoutOf(struct(['a', b('int32')], ['x', UNKNOWN]), ARCH32, NEW), null);
    assert.equal(layoutOf(arr(null, b('int32')), ARCH32, NEW), null);
    assert.equal(layoutOf(tparam('T'), ARCH64, NEW), null);
    assert.equal(layoutOf({ kind: 'tuple', types: [b('int')] }, ARCH64, NEW), null);
    assert.equal(layoutOf(b('untyped nil'), ARCH64, NEW), null);
    assert.equal(structFields(b('int'), ARCH64, NEW), null);
    assert.equal(structFields(STD.Mutex, ARCH64, NEW), null);
    // Below the table's floor, even sync.Mutex is unknown.
    assert.equal(layoutOf(STD.Mutex, ARCH32, { goVersion: '1.10' }), null);
  });

  it('stops on a struct that contains itself by value', () => {
    const d = decl('Loop', UNKNOWN);
    d.underlying = struct(['a', b('int32')], ['self', named(d)]);
    assert.equal(layoutOf(named(d), ARCH64, NEW), null);
    // Through a pointer it is fine.
    const l = decl('List', UNKNOWN);
    l.underlying = struct(['v', b('int64')], ['next', ptr(named(l))]);
    assert.deepEqual(layoutOf(named(l), ARCH32, NEW), { size: 12, align: 4 });
  });

  it('does not cache an answer that was unknown when first asked', () => {
    const later = decl('Later', UNKNOWN);
    const holder = named(decl('Holder', struct(['x', named(later)])));
    assert.equal(layoutOf(holder, ARCH64, NEW), null);
    later.underlying = b('int64');
    assert.deepEqual(layoutOf(holder, ARCH64, NEW), { size: 8, align: 8 });
  });
});

describe('generics', () => {
  const box = decl('Box', struct(['flag', b('bool')], ['v', tparam('T')], ['all', arr(2, tparam('T'))]), ['T']);

  it('substitutes type arguments', () => {
    assert.deepEqual(layoutOf(named(box, b('int64')), ARCH32, NEW), { size: 28, align: 4 });
    assert.deepEqual(layoutOf(named(box, b('int64')), ARCH64, NEW), { size: 32, align: 8 });
    const fields = structFields(named(box, b('uint16')), ARCH64, NEW)!;
    assert.deepEqual(fields.map((f) => [f.name, f.offset, f.size]), [['flag', 0, 1], ['v', 2, 2], ['all', 4, 4]]);
    assert.deepEqual(fields[1]!.type, b('uint16'));
  });

  it('substitutes through nested instantiations', () => {
    const pair = decl('Pair', struct(['a', tparam('K')], ['b', named(box, tparam('K'))]), ['K']);
    assert.deepEqual(layoutOf(named(pair, b('int32')), ARCH64, NEW), { size: 20, align: 4 });
    assert.equal(fieldPathOffset(named(pair, b('int64')), [{ field: 'b' }, { field: 'v' }], ARCH32, NEW), 12);
  });

  it('is unknown when uninstantiated or partially instantiated', () => {
    assert.equal(layoutOf(named(box), ARCH64, NEW), null);
    const two = decl('Two', struct(['a', tparam('A')], ['b', tparam('B')]), ['A', 'B']);
    assert.equal(layoutOf(named(two, b('int8')), ARCH64, NEW), null);
  });

  it('gives atomic.Pointer[T] one word for every T', () => {
    const p = decl('Pointer', UNKNOWN, ['T'], 'sync/atomic');
    assert.deepEqual(layoutOf(named(p, b('string')), ARCH32, NEW), { size: 4, align: 4 });
    assert.deepEqual(layoutOf(named(p, struct(['x', arr(9, b('int64'))])), ARCH64, NEW), { size: 8, align: 8 });
  });
});

describe('fieldPathOffset', () => {
  // The field guide's WebSocket incident: an int64 flag at offset 44 on 32-bit targets.
  const conn = named(decl('conn', struct(
    ['name', b('string')], ['buf', slice(b('uint8'))], ['mu', STD.Mutex], ['closed', b('bool')],
    ['n', b('int32')], ['handler', { kind: 'func', sig: { params: [], results: [], variadic: false } }],
    ['id', b('uintptr')], ['readDeadline', b('int64')], ['writeDeadline', b('int64')],
  )));

  it('finds the misaligned flag of the WebSocket incident', () => {
    assert.equal(fieldPathOffset(conn, [{ field: 'readDeadline' }], ARCH32, NEW), 44);
    assert.equal(fieldPathOffset(conn, [{ field: 'writeDeadline' }], ARCH32, NEW), 52);
    assert.equal(fieldPathOffset(conn, [{ field: 'readDeadline' }], ARCH64, NEW), 72);
  });

  it('lays out a struct holding an opaque interface such as net.Conn', () => {
    const timer = named(std('time', 'Timer'));
    const c = named(decl('Conn', struct(
      ['ws', named(std('net', 'Conn'))], ['readTimer', ptr(timer)], ['writeTimer', ptr(timer)], ['readTimedOut', b('int64')],
      ['readBuf', slice(b('uint8'))], ['msgType', b('int')], ['frames', b('int')], ['writeTimedOut', b('int64')],
    )));
    assert.equal(fieldPathOffset(c, [{ field: 'readTimedOut' }], ARCH32, NEW), 16);
    assert.equal(fieldPathOffset(c, [{ field: 'writeTimedOut' }], ARCH32, NEW), 44);
    assert.equal(fieldPathOffset(c, [{ field: 'writeTimedOut' }], ARCH64, NEW), 80);
  });

  const inner = named(decl('Inner', struct(['x', b('int32')], ['y', b('int64')])));
  const outer = named(decl('Outer', struct(['a', b('int32')], ['in', inner], ['z', b('int64')])));

  it('adds offsets through nested structs (absolute, not within the innermost)', () => {
    assert.equal(fieldPathOffset(outer, [{ field: 'in' }, { field: 'y' }], ARCH32, NEW), 8);
    assert.equal(fieldPathOffset(outer, [{ field: 'in' }, { field: 'y' }], ARCH64, NEW), 16);
    assert.equal(fieldPathOffset(outer, [{ field: 'z' }], ARCH32, NEW), 16);
    assert.equal(fieldPathOffset(outer, [], ARCH32, NEW), 0);
  });

  const base = decl('Base', struct(['flag', b('bool')], ['id', b('int32')], ['total', b('int64')]));
  const derived = named(decl('Derived', struct(['pad', b('uint8')], named(base), ['count', b('int64')])));

  it('addresses embedded fields by type name and finds promoted fields', () => {
    assert.equal(fieldPathOffset(derived, [{ field: 'Base' }, { field: 'total' }], ARCH32, NEW), 12);
    assert.equal(fieldPathOffset(derived, [{ field: 'total' }], ARCH32, NEW), 12);
    assert.equal(fieldPathOffset(derived, [{ field: 'count' }], ARCH32, NEW), 20);
    assert.equal(fieldPathOffset(derived, [{ field: 'total' }], ARCH64, NEW), 16);
    assert.equal(embeddedFieldName(ptr(STD.Mutex)), 'Mutex');
    const withMutex = struct(['x', b('uint8')], STD.Mutex, ['n', b('uint64')]);
    assert.equal(fieldPathOffset(withMutex, [{ field: 'Mutex' }], ARCH32, NEW), 4);
    assert.equal(fieldPathOffset(withMutex, [{ field: 'n' }], ARCH32, NEW), 12);
  });

  it('prefers the shallowest field and rejects ambiguous ones', () => {
    const shadow = struct(named(base), ['total', b('uint8')]);
    assert.equal(fieldPathOffset(shadow, [{ field: 'total' }], ARCH32, NEW), 16);
    const a = decl('A', struct(['v', b('int64')]));
    const c = decl('C', struct(['v', b('int32')]));
    assert.equal(fieldPathOffset(struct(named(a), named(c)), [{ field: 'v' }], ARCH32, NEW), null);
    // The same type embedded twice one level down is ambiguous too.
    const left = decl('L', struct(named(a)));
    const right = decl('R', struct(named(a)));
    assert.equal(fieldPathOffset(struct(named(left), named(right)), [{ field: 'v' }], ARCH32, NEW), null);
    assert.equal(fieldPathOffset(struct(named(a)), [{ field: 'missing' }], ARCH32, NEW), null);
  });

  it('restarts at a pointer: the offset is relative to the pointed-to allocation', () => {
    const viaPtr = struct(['x', b('int32')], ['p', ptr(inner)]);
    assert.equal(fieldPathOffset(viaPtr, [{ field: 'p' }, { field: 'y' }], ARCH32, NEW), 4);
    assert.equal(fieldPathOffset(ptr(outer), [{ field: 'z' }], ARCH32, NEW), 16);
    // Promoted through an embedded *Base: relative to Base's own allocation.
    const embPtr = struct(['x', b('int32')], ['y', b('int32')], ptr(named(base)));
    assert.equal(fieldPathOffset(embPtr, [{ field: 'total' }], ARCH32, NEW), 8);
    assert.equal(fieldPathOffset(embPtr, [{ field: 'Base' }], ARCH32, NEW), 8);
  });

  const item = named(decl('Item', struct(['a', b('int32')], ['v', b('int64')], ['b', b('bool')])));
  const holder = struct(['hdr', b('uint32')], ['items', arr(4, item)]);

  it('indexes arrays of structs', () => {
    // Item is 16 bytes on 32-bit: items at 4, items[3] at 52, .v at 56.
    assert.equal(fieldPathOffset(holder, [{ field: 'items' }, { index: 3 }, { field: 'v' }], ARCH32, NEW), 56);
    assert.equal(fieldPathOffset(holder, [{ field: 'items' }, { index: 3 }, { field: 'v' }], ARCH64, NEW), 88);
    assert.equal(fieldPathOffset(holder, [{ field: 'items' }, { index: 4 }], ARCH32, NEW), null);
    assert.equal(fieldPathOffset(holder, [{ field: 'items' }, { index: -1 }], ARCH32, NEW), null);
  });

  it('answers an unknown index only when every index agrees modulo 8', () => {
    // 16-byte elements: every items[i].v has the same offset mod 8; element 0's is returned.
    const h2 = struct(['items', arr(4, item)]);
    assert.equal(fieldPathOffset(h2, [{ field: 'items' }, { index: null }, { field: 'v' }], ARCH32, NEW), 4);
    // 12-byte elements alternate between 0 and 4 mod 8: unknown.
    const small = named(decl('Small', struct(['a', b('int32')], ['v', b('int64')])));
    assert.equal(fieldPathOffset(struct(['xs', arr(4, small)]), [{ field: 'xs' }, { index: null }, { field: 'v' }], ARCH32, NEW), null);
    assert.equal(fieldPathOffset(struct(['xs', arr(4, small)]), [{ field: 'xs' }, { index: 1 }, { field: 'v' }], ARCH32, NEW), 16);
    // A one-element array has only index 0.
    assert.equal(fieldPathOffset(struct(['p', b('int32')], ['xs', arr(1, small)]), [{ field: 'xs' }, { index: null }, { field: 'v' }], ARCH32, NEW), 8);
    assert.equal(fieldPathOffset(struct(['xs', arr(0, small)]), [{ field: 'xs' }, { index: null }], ARCH32, NEW), null);
  });

  it('indexes slices relative to their backing array and *[N]T through the pointer', () => {
    const s = struct(['x', b('int32')], ['xs', slice(b('int64'))]);
    assert.equal(fieldPathOffset(s, [{ field: 'xs' }, { index: 3 }], ARCH32, NEW), 24);
    const p = struct(['x', b('int32')], ['xs', ptr(arr(4, b('uint32')))]);
    assert.equal(fieldPathOffset(p, [{ field: 'xs' }, { index: 3 }], ARCH32, NEW), 12);
  });

  it('returns null for steps that do not apply', () => {
    const m = struct(['m', { kind: 'map', key: b('string'), value: b('int64') }], ['s', b('string')]);
    assert.equal(fieldPathOffset(m, [{ field: 'm' }, { index: 0 }], ARCH32, NEW), null);
    assert.equal(fieldPathOffset(m, [{ field: 's' }, { index: 0 }], ARCH32, NEW), null);
    assert.equal(fieldPathOffset(m, [{ field: 's' }, { field: 'x' }], ARCH32, NEW), null);
    assert.equal(fieldPathOffset(struct(['x', UNKNOWN], ['n', b('int64')]), [{ field: 'n' }], ARCH32, NEW), null);
    // Fields of an opaque standard-library type are not modelled.
    assert.equal(fieldPathOffset(STD.WaitGroup, [{ field: 'state' }], ARCH32, NEW), null);
  });
});
