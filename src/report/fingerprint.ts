import { createHash } from 'node:crypto';

/**
 * A fingerprint that survives unrelated edits: it hashes the rule, the file, the message
 * and the text of the reported line (trimmed), not the line number, so adding a line above
 * a finding does not make code scanning open a new alert and close the old one. Without
 * the source the line number stands in for the text.
 */
export function findingFingerprint(rule: string, file: string, message: string, lineKey: string): string {
  return createHash('sha256')
    .update([rule, file, message, lineKey].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/** Appends `:n` to repeated fingerprints (n-th occurrence, 1-based) to keep them apart. */
export function disambiguate(fingerprints: string[]): string[] {
  const seen = new Map<string, number>();
  return fingerprints.map((fp) => {
    const n = (seen.get(fp) ?? 0) + 1;
    seen.set(fp, n);
    return `${fp}:${n}`;
  });
}
