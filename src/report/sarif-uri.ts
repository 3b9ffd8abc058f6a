/**
 * Finding paths are relative to the scan's working directory and `/`-separated. SARIF
 * wants URI references: each segment percent-encoded, relative ones resolved against the
 * `%SRCROOT%` base so GitHub code scanning can map them onto the repository.
 */

/** A relative URI reference for a relative path, or a `file://` URI for an absolute one. */
export function pathToUri(path: string): { uri: string; relative: boolean } {
  let p = path.replace(/\\/g, '/');
  const driveLetter = /^[A-Za-z]:\//.test(p);
  if (p.startsWith('/') || driveLetter) {
    const encoded = driveLetter ? '/' + p.slice(0, 2) + encodeSegments(p.slice(2)) : encodeSegments(p);
    return { uri: 'file://' + encoded, relative: false };
  }
  while (p.startsWith('./')) p = p.slice(2);
  return { uri: encodeSegments(p), relative: true };
}

/** A directory as an absolute `file://` URI ending in `/`, as originalUriBaseIds requires. */
export function directoryToUri(dir: string): string {
  const { uri } = pathToUri(dir.endsWith('/') || dir.endsWith('\\') ? dir : dir + '/');
  return uri.endsWith('/') ? uri : uri + '/';
}

function encodeSegments(p: string): string {
  // encodeURIComponent also encodes `:` so a first segment like `a:b.go` is not a scheme.
  return p.split('/').map(encodeURIComponent).join('/');
}
