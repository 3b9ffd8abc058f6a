/**
 * Go version strings as they appear in go.mod (`go 1.21`, `go 1.22.3`, `go 1.23rc1`)
 * and toolchain lines (`go1.22.0`). Rules use them to decide which fixes apply
 * (atomic.Int64 needs 1.19) and which standard-library layouts to assume.
 */

export interface GoVersion {
  major: number;
  minor: number;
  /** Patch release; 0 when absent ("1.21" and "1.21.0" are the same language version). */
  patch: number;
  /** Pre-release tag ("rc1", "beta2"), or null for a release. */
  prerelease: { kind: 'alpha' | 'beta' | 'rc'; n: number } | null;
}

const VERSION_RE = /^(?:go)?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(alpha|beta|rc)(\d+))?$/;

/** Parses "1.21", "1.22.3", "1.23rc1", "go1.22.0"; null for anything else. */
export function parseGoVersion(text: string): GoVersion | null {
  const m = VERSION_RE.exec(text.trim());
  if (!m) return null;
  const major = Number(m[1]);
  const minor = m[2] === undefined ? 0 : Number(m[2]);
  const patch = m[3] === undefined ? 0 : Number(m[3]);
  // "1.21.3rc1" does not exist in Go's scheme: pre-releases only follow major.minor.
  if (m[4] !== undefined && m[3] !== undefined) return null;
  const prerelease = m[4] === undefined ? null : { kind: m[4] as 'alpha' | 'beta' | 'rc', n: Number(m[5]) };
  return { major, minor, patch, prerelease };
}

const PRE_RANK = { alpha: 0, beta: 1, rc: 2 } as const;

/** Orders versions as Go does: 1.21rc1 < 1.21.0 < 1.21.1 < 1.22beta1. */
export function compareGoVersions(a: GoVersion, b: GoVersion): number {
  if (a.major !== b.major) return a.major - b.major;
  if (a.minor !== b.minor) return a.minor - b.minor;
  if (a.prerelease || b.prerelease) {
    if (!a.prerelease) return 1;
    if (!b.prerelease) return -1;
    if (a.prerelease.kind !== b.prerelease.kind) return PRE_RANK[a.prerelease.kind] - PRE_RANK[b.prerelease.kind];
    return a.prerelease.n - b.prerelease.n;
  }
  return a.patch - b.patch;
}

/**
 * True when the language version `v` is at least major.minor. A pre-release of
 * 1.23 counts as 1.23: go.mod's `go 1.23rc1` already selects the 1.23 language.
 * null or an unparsable string assumes a modern toolchain (true): go.mod files
 * without a go line are rare and old toolchains cannot build current modules anyway.
 */
export function goVersionAtLeast(v: string | null, major: number, minor: number): boolean {
  if (v === null) return true;
  const parsed = parseGoVersion(v);
  if (!parsed) return true;
  if (parsed.major !== major) return parsed.major > major;
  return parsed.minor >= minor;
}

/** The major.minor language version ("1.22.3" -> {1, 22}); null when unparsable. */
export function languageVersion(v: string): { major: number; minor: number } | null {
  const parsed = parseGoVersion(v);
  return parsed ? { major: parsed.major, minor: parsed.minor } : null;
}
