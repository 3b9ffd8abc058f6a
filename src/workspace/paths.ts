/** Path helpers shared by the workspace layer: output paths are `/`-separated and
 * relative to the scan's working directory. */
import * as path from 'node:path';

export function toSlash(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** `target` relative to `cwd`, `/`-separated, "." for cwd itself. */
export function relativeTo(cwd: string, target: string): string {
  const rel = toSlash(path.relative(cwd, target));
  return rel === '' ? '.' : rel;
}

/** Folders a recursive walk does not enter unless the user names them. */
export function isSkippedDirName(name: string): boolean {
  return (
    name === 'vendor' || name === 'testdata' || name === 'node_modules' ||
    name.startsWith('.') || name.startsWith('_')
  );
}

/** Go ignores source files whose names start with `.` or `_`. */
export function isCandidateGoFile(name: string): boolean {
  return name.endsWith('.go') && !name.startsWith('.') && !name.startsWith('_');
}

export function isTestFileName(name: string): boolean {
  return name.endsWith('_test.go');
}

/** A file-system error as "EACCES: permission denied": Node's messages end with the
 * syscall and absolute path, which the diagnostic's own file field already gives. */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const message = String(err?.message ?? e);
  return err?.code ? message.split(',')[0]! : message;
}
