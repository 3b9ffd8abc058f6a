/** The identity of a file's content: sha256 of its bytes, as lowercase hex. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The hash of a file on disk, or null when it cannot be read (the scan then reports the
 * file through its normal path; the cache just stays out of the way). */
export function hashFile(absPath: string): string | null {
  try {
    return contentHash(readFileSync(absPath));
  } catch {
    return null;
  }
}
