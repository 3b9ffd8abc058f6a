/**
 * Sizes and alignments of standard-library types that user structs embed by value.
 *
 * The model leaves these types opaque (`underlying: unknown`), so their layout comes
 * from this table. Layouts change between Go releases (sync.WaitGroup in 1.18 and 1.20,
 * sync.Map in 1.20 and 1.24, time.Timer in 1.23), so each type has version ranges.
 *
 * How the entries were checked:
 * - the newest range of every entry is compared with the installed toolchain's
 *   unsafe.Sizeof/unsafe.Alignof under GOARCH=386 and GOARCH=amd64
 *   (test/model/stdlib-sizes.test.ts);
 * - older ranges were derived from the struct definitions of those releases and are
 *   recomputed by the layout engine in the same test from hand-built copies of those
 *   definitions (the engine itself being checked against the toolchain).
 * Releases before TABLE_FLOOR are not covered: a lookup there returns null (unknown).
 *
 * 32-bit means every 32-bit GOARCH (386, arm, mips, mipsle): gc uses the same
 * pointer size (4) and maximum alignment (4) on all of them.
 */
import type { Layout } from './layout.js';
import { parseGoVersion, type GoVersion } from './goversion.js';

/** Oldest release the table describes. Go 1.14 is when the runtime timer took the
 * shape the pre-1.23 time.Timer entry describes, and modules became the default. */
export const TABLE_FLOOR = { major: 1, minor: 14 } as const;
/** Newest release whose layouts were checked. Later releases reuse the newest range. */
export const NEWEST_CHECKED = { major: 1, minor: 26 } as const;

type MinorVersion = readonly [major: number, minor: number];

export interface StdlibSizeRange {
  /** First release (major, minor) with this layout. */
  since: MinorVersion;
  /** First release that no longer has it; null = still current. */
  until: MinorVersion | null;
  32: Layout;
  64: Layout;
}

const L = (size: number, align: number): Layout => Object.freeze({ size, align });
const FLOOR: MinorVersion = [TABLE_FLOOR.major, TABLE_FLOOR.minor];

/** One layout for every covered release. */
function always(l32: Layout, l64: Layout): StdlibSizeRange[] {
  return [{ since: FLOOR, until: null, 32: l32, 64: l64 }];
}
/** Types introduced in `since` (sync/atomic's typed values: Go 1.19). */
function since(v: MinorVersion, l32: Layout, l64: Layout): StdlibSizeRange[] {
  return [{ since: v, until: null, 32: l32, 64: l64 }];
}

function ifaces(names: string[]): Record<string, StdlibSizeRange[]> {
  return Object.fromEntries(names.map((n) => [n, always(L(8, 4), L(16, 8))]));
}

const WORD32 = L(4, 4);
const WORD64 = L(8, 8);

/** Keyed by `pkgPath.Name`, as qualifiedName() in types.ts spells it. */
export const STDLIB_SIZES: Readonly<Record<string, readonly StdlibSizeRange[]>> = Object.freeze({
  // {state int32; sema uint32}; Go 1.24 wraps the same two words in internal/sync.Mutex.
  'sync.Mutex': always(L(8, 4), L(8, 4)),
  // {w Mutex; writerSem, readerSem uint32; readerCount, readerWait int32 (atomic.Int32 since 1.20)}
  'sync.RWMutex': always(L(24, 4), L(24, 4)),
  'sync.WaitGroup': [
    // {noCopy; state1 [3]uint32}
    { since: FLOOR, until: [1, 18], 32: L(12, 4), 64: L(12, 4) },
    // {noCopy; state1 uint64; state2 uint32}: uint64 is only 4-aligned on 32-bit targets
    { since: [1, 18], until: [1, 20], 32: L(12, 4), 64: L(16, 8) },
    // {noCopy; state atomic.Uint64; sema uint32}: atomic.Uint64 is 8-aligned everywhere
    { since: [1, 20], until: null, 32: L(16, 8), 64: L(16, 8) },
  ],
  // {done uint32 (atomic.Uint32, later atomic.Bool); m Mutex}
  'sync.Once': always(L(12, 4), L(12, 4)),
  // {noCopy; L Locker; notify notifyList{wait, notify uint32; lock uintptr; head, tail unsafe.Pointer}; checker uintptr}
  'sync.Cond': always(L(32, 4), L(56, 8)),
  'sync.Map': [
    // {mu Mutex; read atomic.Value; dirty map; misses int}
    { since: FLOOR, until: [1, 20], 32: L(24, 4), 64: L(40, 8) },
    // {mu Mutex; read atomic.Pointer[readOnly]; dirty map; misses int}
    { since: [1, 20], until: [1, 24], 32: L(20, 4), 64: L(32, 8) },
    // {noCopy; m internal/sync.HashTrieMap{inited atomic.Uint32; initMu Mutex; root atomic.Pointer; keyHash, valEqual func; seed uintptr}}
    { since: [1, 24], until: null, 32: L(28, 4), 64: L(48, 8) },
  ],
  // {noCopy; local unsafe.Pointer; localSize uintptr; victim unsafe.Pointer; victimSize uintptr; New func() any}
  'sync.Pool': always(L(20, 4), L(40, 8)),

  // sync/atomic typed values arrived in Go 1.19. Int64/Uint64 carry an align64 marker
  // that makes them (and any struct holding them) 8-aligned on 32-bit targets too.
  'sync/atomic.Bool': since([1, 19], L(4, 4), L(4, 4)),
  'sync/atomic.Int32': since([1, 19], L(4, 4), L(4, 4)),
  'sync/atomic.Uint32': since([1, 19], L(4, 4), L(4, 4)),
  'sync/atomic.Int64': since([1, 19], L(8, 8), L(8, 8)),
  'sync/atomic.Uint64': since([1, 19], L(8, 8), L(8, 8)),
  'sync/atomic.Uintptr': since([1, 19], WORD32, WORD64),
  // Generic, but {_ [0]*T; _ noCopy; v unsafe.Pointer} is one word for every T.
  'sync/atomic.Pointer': since([1, 19], WORD32, WORD64),
  // {v any}
  'sync/atomic.Value': always(L(8, 4), L(16, 8)),

  // {wall uint64; ext int64; loc *Location}
  'time.Time': always(L(20, 4), L(24, 8)),
  'time.Duration': always(L(8, 4), L(8, 8)),
  'time.Timer': [
    // {C <-chan Time; r runtimeTimer{pp uintptr; when, period int64; f func; arg any; seq uintptr; nextwhen int64; status uint32}}
    { since: FLOOR, until: [1, 23], 32: L(52, 4), 64: L(80, 8) },
    // {C <-chan Time; initTimer bool}
    { since: [1, 23], until: null, 32: L(8, 4), 64: L(16, 8) },
  ],
  'time.Ticker': [
    { since: FLOOR, until: [1, 23], 32: L(52, 4), 64: L(80, 8) },
    { since: [1, 23], until: null, 32: L(8, 4), 64: L(16, 8) },
  ],
  // {addr *Builder; buf []byte}
  'strings.Builder': always(L(16, 4), L(32, 8)),
  // {buf []byte; off int; lastRead readOp(int8)}
  'bytes.Buffer': always(L(20, 4), L(40, 8)),
  // {neg bool; abs nat}
  'math/big.Int': always(L(16, 4), L(32, 8)),
  // {Transport RoundTripper; CheckRedirect func; Jar CookieJar; Timeout time.Duration}
  'net/http.Client': always(L(28, 4), L(48, 8)),
  'context.CancelFunc': always(WORD32, WORD64),
  'context.CancelCauseFunc': since([1, 20], WORD32, WORD64),

  // Interfaces are two words whatever their methods: listed so that a struct holding
  // one (a net.Conn field, an embedded io.Reader) can be laid out even when the model
  // keeps the standard-library declaration opaque.
  ...ifaces([
    'context.Context', 'fmt.Stringer', 'hash.Hash', 'io.Closer', 'io.ReadCloser', 'io.ReadWriteCloser',
    'io.ReadWriter', 'io.Reader', 'io.ReaderAt', 'io.Seeker', 'io.WriteCloser', 'io.Writer', 'io.WriterTo', 'io.ReaderFrom',
    'net.Addr', 'net.Conn', 'net.Listener', 'net.PacketConn', 'net/http.Handler', 'net/http.ResponseWriter',
    'net/http.RoundTripper', 'net/http.CookieJar', 'os.Signal', 'sync.Locker',
  ]),
  // Named basic, slice and map types that show up as struct fields.
  'time.Month': always(WORD32, WORD64),
  'time.Weekday': always(WORD32, WORD64),
  'os.FileMode': always(L(4, 4), L(4, 4)),
  'io/fs.FileMode': since([1, 16], L(4, 4), L(4, 4)),
  'net.IP': always(L(12, 4), L(24, 8)),
  'net/http.Header': always(WORD32, WORD64),
  'net/url.Values': always(WORD32, WORD64),
});

function toMinor(v: GoVersion): MinorVersion {
  return [v.major, v.minor];
}

function minorCompare(a: MinorVersion, b: MinorVersion): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1];
}

/** The release whose layouts apply: go.mod's version, or the newest checked one when unknown. */
function effectiveVersion(goVersion: string | null): MinorVersion {
  if (goVersion === null) return [NEWEST_CHECKED.major, NEWEST_CHECKED.minor];
  const parsed = parseGoVersion(goVersion);
  if (!parsed) return [NEWEST_CHECKED.major, NEWEST_CHECKED.minor];
  // A pre-release of 1.N (1.20rc1) already has 1.N's library, so only major.minor matters.
  return toMinor(parsed);
}

function rangeFor(ranges: readonly StdlibSizeRange[], v: MinorVersion): StdlibSizeRange | null {
  for (const r of ranges) {
    if (minorCompare(v, r.since) >= 0 && (r.until === null || minorCompare(v, r.until) < 0)) return r;
  }
  return null;
}

/** True when the table has an entry for `pkgPath.Name` (whatever the version). */
export function hasStdlibLayout(qualifiedName: string): boolean {
  return Object.prototype.hasOwnProperty.call(STDLIB_SIZES, qualifiedName);
}

/**
 * Layout of a standard-library type for a Go version (go.mod's go line; null = newest).
 * null when the type is not in the table or the version is outside what the table covers
 * (older than TABLE_FLOOR, or before the type existed).
 */
export function stdlibLayout(qualifiedName: string, bits: 32 | 64, goVersion: string | null): Layout | null {
  if (!hasStdlibLayout(qualifiedName)) return null;
  const v = effectiveVersion(goVersion);
  const r = rangeFor(STDLIB_SIZES[qualifiedName]!, v);
  return r ? r[bits] : null;
}

/**
 * Like stdlibLayout, but only when every release from `goVersion` to the newest checked
 * one agrees. go.mod's go line is a minimum: the module may be built by any later
 * toolchain, so this is the layout that holds whichever one is used.
 */
export function stdlibLayoutForAnyToolchain(qualifiedName: string, bits: 32 | 64, goVersion: string | null): Layout | null {
  const first = stdlibLayout(qualifiedName, bits, goVersion);
  if (!first) return null;
  const v = effectiveVersion(goVersion);
  for (const r of STDLIB_SIZES[qualifiedName]!) {
    const applies = r.until === null || minorCompare(r.until, v) > 0;
    if (!applies) continue;
    if (r[bits].size !== first.size || r[bits].align !== first.align) return null;
  }
  return first;
}

/** Every `pkgPath.Name` in the table, sorted. */
export function stdlibLayoutNames(): string[] {
  return Object.keys(STDLIB_SIZES).sort();
}
