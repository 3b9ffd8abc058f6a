import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ARCH32, ARCH64, layoutOf } from '../../src/model/layout.js';
import {
  NEWEST_CHECKED, STDLIB_SIZES, TABLE_FLOOR, hasStdlibLayout, stdlibLayout, stdlibLayoutForAnyToolchain, stdlibLayoutNames,
  type StdlibSizeRange,
} from '../../src/model/stdlib-sizes.js';
import type { Type } from '../../src/model/types.js';
import { anyT, arr, b, canRun386, installedGo, named, ptr, runGo, slice, std, struct } from './layout-fixtures.js';

describe('stdlibLayout: picking a range', () => {
  it('follows go.mod\'s version', () => {
    assert.deepEqual(stdlibLayout('sync.WaitGroup', 32, '1.17'), { size: 12, align: 4 });
    assert.deepEqual(stdlibLayout('sync.WaitGroup', 64, '1.18'), { size: 16, align: 8 });
    assert.deepEqual(stdlibLayout('sync.WaitGroup', 32, '1.19.13'), { size: 12, align: 4 });
    assert.deepEqual(stdlibLayout('sync.WaitGroup', 32, '1.20'), { size: 16, align: 8 });
    assert.deepEqual(stdlibLayout('sync.Map', 64, '1.23.4'), { size: 32, align: 8 });
    assert.deepEqual(stdlibLayout('sync.Map', 64, '1.24'), { size: 48, align: 8 });
    assert.deepEqual(stdlibLayout('time.Timer', 64, '1.22'), { size: 80, align: 8 });
    assert.deepEqual(stdlibLayout('time.Timer', 64, '1.23rc1'), { size: 16, align: 8 });
  });

  it('defaults to the newest layouts and keeps them for later releases', () => {
    assert.deepEqual(stdlibLayout('sync.Map', 32, null), { size: 28, align: 4 });
    assert.deepEqual(stdlibLayout('sync.Map', 32, 'not a version'), { size: 28, align: 4 });
    assert.deepEqual(stdlibLayout('sync.Map', 32, '1.40'), { size: 28, align: 4 });
  });

  it('is unknown outside the table', () => {
    assert.equal(stdlibLayout('sync.Mutex', 32, `${TABLE_FLOOR.major}.${TABLE_FLOOR.minor - 1}`), null);
    assert.equal(stdlibLayout('sync/atomic.Int64', 32, '1.18'), null);
    assert.equal(stdlibLayout('net/http.Server', 64, null), null);
    assert.equal(hasStdlibLayout('net/http.Server'), false);
    assert.equal(hasStdlibLayout('toString'), false, 'object prototype names are not entries');
  });

  it('stdlibLayoutForAnyToolchain answers only what every later toolchain agrees on', () => {
    assert.equal(stdlibLayoutForAnyToolchain('sync.WaitGroup', 32, '1.18'), null);
    assert.equal(stdlibLayoutForAnyToolchain('sync.WaitGroup', 64, '1.17'), null);
    // On 64-bit targets every release from 1.18 on has the same 16-byte WaitGroup.
    assert.deepEqual(stdlibLayoutForAnyToolchain('sync.WaitGroup', 64, '1.18'), { size: 16, align: 8 });
    assert.deepEqual(stdlibLayoutForAnyToolchain('sync.Mutex', 32, '1.14'), { size: 8, align: 4 });
    assert.equal(stdlibLayoutForAnyToolchain('time.Timer', 64, '1.22'), null);
  });
});

/**
 * The definitions behind every range, transcribed from the Go sources of those releases.
 * The layout engine (itself checked against the toolchain) must reproduce the table.
 */
const word = b('uintptr');
const noCopy = struct();
const fn: Type = { kind: 'func', sig: { params: [], results: [], variadic: false } };
const mutex = struct(['state', b('int32')], ['sema', b('uint32')]);
const atomicStd = (name: string): Type => named(std('sync/atomic', name));
const runtimeTimer = struct(
  ['pp', word], ['when', b('int64')], ['period', b('int64')], ['f', fn], ['arg', anyT], ['seq', word], ['nextwhen', b('int64')], ['status', b('uint32')],
);

const DEFINITIONS: Record<string, Array<{ version: string; def: Type }>> = {
  'sync.Mutex': [{ version: '1.14', def: mutex }, { version: '1.24', def: struct(['_', noCopy], ['mu', mutex]) }],
  'sync.RWMutex': [{ version: '1.14', def: struct(['w', mutex], ['writerSem', b('uint32')], ['readerSem', b('uint32')], ['readerCount', b('int32')], ['readerWait', b('int32')]) }],
  'sync.WaitGroup': [
    { version: '1.14', def: struct(['noCopy', noCopy], ['state1', arr(3, b('uint32'))]) },
    { version: '1.18', def: struct(['noCopy', noCopy], ['state1', b('uint64')], ['state2', b('uint32')]) },
    { version: '1.20', def: struct(['noCopy', noCopy], ['state', atomicStd('Uint64')], ['sema', b('uint32')]) },
  ],
  'sync.Once': [{ version: '1.14', def: struct(['done', b('uint32')], ['m', mutex]) }],
  'sync.Cond': [{
    version: '1.14',
    def: struct(['noCopy', noCopy], ['L', anyT],
      ['notify', struct(['wait', b('uint32')], ['notify', b('uint32')], ['lock', word], ['head', b('unsafe.Pointer')], ['tail', b('unsafe.Pointer')])],
      ['checker', word]),
  }],
  'sync.Map': [
    { version: '1.14', def: struct(['mu', mutex], ['read', atomicStd('Value')], ['dirty', { kind: 'map', key: anyT, value: ptr(b('int')) }], ['misses', b('int')]) },
    { version: '1.20', def: struct(['mu', mutex], ['read', b('unsafe.Pointer')], ['dirty', { kind: 'map', key: anyT, value: ptr(b('int')) }], ['misses', b('int')]) },
    {
      version: '1.24',
      def: struct(['_', noCopy], ['m', struct(['inited', b('uint32')], ['initMu', mutex], ['root', b('unsafe.Pointer')], ['keyHash', fn], ['valEqual', fn], ['seed', word])]),
    },
  ],
  'sync.Pool': [{ version: '1.14', def: struct(['noCopy', noCopy], ['local', b('unsafe.Pointer')], ['localSize', word], ['victim', b('unsafe.Pointer')], ['victimSize', word], ['New', fn]) }],
  'sync/atomic.Bool': [{ version: '1.19', def: struct(['_', noCopy], ['v', b('uint32')]) }],
  'sync/atomic.Int32': [{ version: '1.19', def: struct(['_', noCopy], ['v', b('int32')]) }],
  'sync/atomic.Uint32': [{ version: '1.19', def: struct(['_', noCopy], ['v', b('uint32')]) }],
  'sync/atomic.Uintptr': [{ version: '1.19', def: struct(['_', noCopy], ['v', word]) }],
  'sync/atomic.Pointer': [{ version: '1.19', def: struct(['_', arr(0, ptr(b('int')))], ['_', noCopy], ['v', b('unsafe.Pointer')]) }],
  'sync/atomic.Value': [{ version: '1.14', def: struct(['v', anyT]) }],
  'time.Time': [{ version: '1.14', def: struct(['wall', b('uint64')], ['ext', b('int64')], ['loc', ptr(b('int'))]) }],
  'time.Duration': [{ version: '1.14', def: b('int64') }],
  'time.Timer': [
    { version: '1.14', def: struct(['C', ptr(b('int'))], ['r', runtimeTimer]) },
    { version: '1.23', def: struct(['C', ptr(b('int'))], ['initTimer', b('bool')]) },
  ],
  'time.Ticker': [
    { version: '1.14', def: struct(['C', ptr(b('int'))], ['r', runtimeTimer]) },
    { version: '1.23', def: struct(['C', ptr(b('int'))], ['initTicker', b('bool')]) },
  ],
  'strings.Builder': [{ version: '1.14', def: struct(['addr', ptr(b('int'))], ['buf', slice(b('uint8'))]) }],
  'bytes.Buffer': [{ version: '1.14', def: struct(['buf', slice(b('uint8'))], ['off', b('int')], ['lastRead', b('int8')]) }],
  'math/big.Int': [{ version: '1.14', def: struct(['neg', b('bool')], ['abs', slice(word)]) }],
  'net/http.Client': [{ version: '1.14', def: struct(['Transport', anyT], ['CheckRedirect', fn], ['Jar', anyT], ['Timeout', b('int64')]) }],
  'context.CancelFunc': [{ version: '1.14', def: fn }],
  'context.CancelCauseFunc': [{ version: '1.20', def: fn }],
  'time.Month': [{ version: '1.14', def: b('int') }],
  'time.Weekday': [{ version: '1.14', def: b('int') }],
  'os.FileMode': [{ version: '1.14', def: b('uint32') }],
  'io/fs.FileMode': [{ version: '1.16', def: b('uint32') }],
  'net.IP': [{ version: '1.14', def: slice(b('uint8')) }],
  'net/http.Header': [{ version: '1.14', def: { kind: 'map', key: b('string'), value: slice(b('string')) } }],
  'net/url.Values': [{ version: '1.14', def: { kind: 'map', key: b('string'), value: slice(b('string')) } }],
  ...Object.fromEntries([
    'context.Context', 'fmt.Stringer', 'hash.Hash', 'io.Closer', 'io.ReadCloser', 'io.ReadWriteCloser', 'io.ReadWriter', 'io.Reader',
    'io.ReaderAt', 'io.Seeker', 'io.WriteCloser', 'io.Writer', 'io.WriterTo', 'io.ReaderFrom', 'net.Addr', 'net.Conn', 'net.Listener',
    'net.PacketConn', 'net/http.Handler', 'net/http.ResponseWriter', 'net/http.RoundTripper', 'net/http.CookieJar', 'os.Signal', 'sync.Locker',
  ].map((n) => [n, [{ version: '1.14', def: anyT }]])),
};
// atomic.Int64/Uint64 carry the compiler's align64 marker, which no Go struct
// definition expresses; they are checked against the toolchain only.
const TOOLCHAIN_ONLY = new Set(['sync/atomic.Int64', 'sync/atomic.Uint64']);

function sinceString(r: StdlibSizeRange): string {
  return `${r.since[0]}.${r.since[1]}`;
}

describe('every range matches the release\'s definition', () => {
  for (const name of stdlibLayoutNames()) {
    if (TOOLCHAIN_ONLY.has(name)) continue;
    it(name, () => {
      const defs = DEFINITIONS[name];
      assert.ok(defs, `a definition is recorded for ${name}`);
      const ranges = STDLIB_SIZES[name]!;
      for (const r of ranges) assert.ok(defs.some((d) => d.version === sinceString(r)), `a definition for the range from ${sinceString(r)}`);
      for (const { version, def } of defs) {
        for (const [bits, arch] of [[32, ARCH32], [64, ARCH64]] as const) {
          assert.deepEqual(stdlibLayout(name, bits, version), layoutOf(def, arch, { goVersion: version }), `${name} in go${version} on ${bits}-bit`);
        }
      }
    });
  }

  it('has no definition for a name outside the table', () => {
    for (const name of Object.keys(DEFINITIONS)) assert.ok(hasStdlibLayout(name), name);
  });
});

/** A Go expression of each table type, for unsafe.Sizeof. */
function goExpr(name: string): string {
  const dot = name.lastIndexOf('.');
  const pkg = name.slice(0, dot).split('/').pop()!;
  const generic = name === 'sync/atomic.Pointer' ? '[int]' : '';
  return `${pkg}.${name.slice(dot + 1)}${generic}`;
}

const goVersion = installedGo();
const runnable = goVersion !== null && canRun386();
const skip = runnable ? false : 'needs a Go toolchain on an amd64 Linux/Windows host (GOARCH=386 and amd64 binaries)';

describe(`stdlib table against the installed toolchain`, { skip }, () => {
  const measured = new Map<string, Map<string, [number, number]>>();
  before(() => {
    const names = stdlibLayoutNames();
    const imports = [...new Set(['fmt', 'unsafe', ...names.map((n) => n.slice(0, n.lastIndexOf('.')))])].sort();
    const src = [
      'package main',
      `import (\n${imports.map((p) => `\t"${p}"`).join('\n')}\n)`,
      'func main() {',
      ...names.map((n, i) => `\tvar v${i} ${goExpr(n)}\n\tfmt.Println("${n}", unsafe.Sizeof(v${i}), unsafe.Alignof(v${i}))`),
      '}',
      '',
    ].join('\n');
    for (const goarch of ['386', 'amd64'] as const) {
      const m = new Map<string, [number, number]>();
      for (const line of runGo(src, goarch, goVersion!).trim().split('\n')) {
        const [n, size, align] = line.split(' ');
        m.set(n!, [Number(size), Number(align)]);
      }
      measured.set(goarch, m);
    }
  });

  it(`covers the installed release (go${goVersion}; table checked up to ${NEWEST_CHECKED.major}.${NEWEST_CHECKED.minor})`, () => {
    for (const name of stdlibLayoutNames()) {
      for (const [goarch, bits] of [['386', 32], ['amd64', 64]] as const) {
        const [size, align] = measured.get(goarch)!.get(name)!;
        assert.deepEqual(stdlibLayout(name, bits, goVersion), { size, align }, `${name} on ${goarch} with go${goVersion}`);
      }
    }
  });
});
