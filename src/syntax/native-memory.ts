/**
 * Keeps the memory of native tree-sitter trees flat over long scans.
 *
 * The node binding frees a tree only in the finalizer of its JS wrapper, and V8 does
 * not know how much native memory a wrapper holds (roughly 30 bytes per source
 * character), so it sees no reason to collect: over the Go standard library a parse loop
 * grew past 5 GB. We therefore ask for a full collection after every
 * GC_EVERY_CHARS characters parsed. The finalizers then run at the thread's next event
 * loop turn, which a worker reaches after every task.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** About 250 MB of native trees between collections. */
const GC_EVERY_CHARS = 8_000_000;

type GcFn = () => void;

let gc: GcFn | null | undefined;
let charsSinceGc = 0;

function gcFunction(): GcFn | null {
  if (gc !== undefined) return gc;
  const existing = (globalThis as { gc?: GcFn }).gc;
  if (typeof existing === 'function') return (gc = existing);
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as GcFn;
    if (typeof gc !== 'function') gc = null;
  } catch {
    gc = null; // without it, trees are still freed by V8's own (later) collections
  }
  return gc;
}

/** Records that a tree for `chars` characters was built and dropped. */
export function noteTreeReleased(chars: number): void {
  charsSinceGc += chars;
  if (charsSinceGc < GC_EVERY_CHARS) return;
  charsSinceGc = 0;
  gcFunction()?.();
}
