/**
 * The GOOS/GOARCH pairs goconc considers, and the facts about them that build
 * constraints and struct layouts need. The list mirrors `go tool dist list` (Go 1.26):
 * a file is analysed when it can build for at least one of these.
 */
import type { Target } from './types.js';

const DIST_LIST = [
  'aix/ppc64',
  'android/386', 'android/amd64', 'android/arm', 'android/arm64',
  'darwin/amd64', 'darwin/arm64',
  'dragonfly/amd64',
  'freebsd/386', 'freebsd/amd64', 'freebsd/arm', 'freebsd/arm64', 'freebsd/riscv64',
  'illumos/amd64',
  'ios/amd64', 'ios/arm64',
  'js/wasm',
  'linux/386', 'linux/amd64', 'linux/arm', 'linux/arm64', 'linux/loong64',
  'linux/mips', 'linux/mips64', 'linux/mips64le', 'linux/mipsle',
  'linux/ppc64', 'linux/ppc64le', 'linux/riscv64', 'linux/s390x',
  'netbsd/386', 'netbsd/amd64', 'netbsd/arm', 'netbsd/arm64',
  'openbsd/386', 'openbsd/amd64', 'openbsd/arm', 'openbsd/arm64', 'openbsd/ppc64', 'openbsd/riscv64',
  'plan9/386', 'plan9/amd64', 'plan9/arm',
  'solaris/amd64',
  'wasip1/wasm',
  'windows/386', 'windows/amd64', 'windows/arm64',
];

export const DEFAULT_TARGETS: Target[] = DIST_LIST.map((pair) => {
  const [goos, goarch] = pair.split('/') as [string, string];
  return Object.freeze({ goos, goarch });
});

/** Every GOOS go/build recognises in file names (internal/syslist.KnownOS). */
export const KNOWN_OS: ReadonlySet<string> = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js',
  'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos',
]);

/** The GOOS values that satisfy the `unix` build tag (internal/syslist.UnixOS). */
export const UNIX_OS: ReadonlySet<string> = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios',
  'linux', 'netbsd', 'openbsd', 'solaris',
]);

/** Every GOARCH go/build recognises in file names (internal/syslist.KnownArch). */
export const KNOWN_ARCH: ReadonlySet<string> = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64',
  'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le',
  'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
]);

/** Architectures whose pointers and `int` are 4 bytes (and where int64 is only 4-aligned).
 * wasm is a 64-bit architecture. */
const ARCH_32 = new Set([
  '386', 'amd64p32', 'arm', 'armbe', 'mips', 'mipsle', 'mips64p32', 'mips64p32le',
  'ppc', 'riscv', 's390', 'sparc',
]);

export function is32Bit(goarch: string): boolean {
  return ARCH_32.has(goarch);
}

/**
 * Architecture feature tags the go command sets by default (internal/buildcfg
 * gogoarchTags with default GO386, GOAMD64, GOARM, GOARM64, GOMIPS, GOPPC64, GORISCV64),
 * so that `//go:build amd64.v1` or `arm.7` evaluate as they do in a default build.
 */
const DEFAULT_FEATURE_TAGS: Record<string, readonly string[]> = {
  '386': ['386.sse2'],
  amd64: ['amd64.v1'],
  arm: ['arm.5', 'arm.6', 'arm.7'],
  arm64: ['arm64.v8.0'],
  mips: ['mips.hardfloat'],
  mipsle: ['mipsle.hardfloat'],
  mips64: ['mips64.hardfloat'],
  mips64le: ['mips64le.hardfloat'],
  ppc64: ['ppc64.power8'],
  ppc64le: ['ppc64le.power8'],
  riscv64: ['riscv64.rva20u64'],
};

export function defaultFeatureTags(goarch: string): readonly string[] {
  return DEFAULT_FEATURE_TAGS[goarch] ?? [];
}
