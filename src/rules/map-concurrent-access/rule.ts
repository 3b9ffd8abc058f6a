/**
 * map-concurrent-access (field guide §3): a map written (insert, delete, clear) in one
 * goroutine while another writes, reads or iterates it, with no common lock. The Go
 * runtime kills the process with a fatal error that recover cannot catch.
 */
import type { RuleMeta } from '../../core/rule-meta.js';
import type { Access } from '../../concurrency/accesses.js';
import type { Rule, RuleContext } from '../rule.js';
import { findRaces, lockSummary, perCallNote, raceEvidence, where } from '../shared/races.js';

export const meta: RuleMeta = {
  id: 'map-concurrent-access',
  title: 'Map written while another goroutine may use it',
  severity: 'error',
  defaultConfidence: 'high',
  fixable: false,
  category: '§3 Concurrent map writes',
  docs: 'docs/rules/map-concurrent-access.md',
};

const FATAL: Record<string, string> = {
  'map-write': 'fatal error: concurrent map writes',
  'map-read': 'fatal error: concurrent map read and map write',
  'map-iter': 'fatal error: concurrent map iteration and map write',
};

function check(ctx: RuleContext): void {
  const facts = ctx.facts();
  const races = findRaces(facts, {
    keys: (k) => k.startsWith('map:'),
    conflicts: (a, b) => !a.inOnce && !b.inOnce && a.kind === 'map-write' && (b.kind === 'map-write' || b.kind === 'map-read' || b.kind === 'map-iter'),
  });
  for (const r of races) {
    const a = r.primary;
    const b = r.other;
    const op = describe(b);
    const { trace, related } = raceEvidence(facts, r, 'map write', op);
    ctx.report({
      file: a.fn.file, span: a.span, confidence: r.pair.confidence,
      message: `concurrent map access: ${mapName(a)} is written here while another goroutine ${op === 'map write' ? 'writes it' : op === 'map read' ? 'reads it' : 'iterates over it'} at ${where(b)} (${lockSummary(facts, a, r.pair.a)} here, ${lockSummary(facts, b, r.pair.b)} there${perCallNote(r.pair)}); the runtime stops the process with "${FATAL[b.kind]}", which recover cannot catch; protect the map with a sync.RWMutex (do not hold it across slow calls), or use sync.Map for a grow-only cache`,
      related, trace,
    });
  }
}

function describe(a: Access): string {
  return a.kind === 'map-write' ? 'map write' : a.kind === 'map-iter' ? 'map iteration' : 'map read';
}

function mapName(a: Access): string {
  const f = a.place.field;
  // A map held as an element of a collection field (see mapElement in accesses.ts).
  if (a.key.endsWith('[]')) return `the map ${a.text}, an element of ${f ? `field ${f.owner ? f.owner.name + '.' : ''}${f.name}` : a.key.slice('map:field:'.length, -2)},`;
  return f ? `map field ${f.owner ? f.owner.name + '.' : ''}${f.name} (${a.text})` : `map ${a.text}`;
}

export const mapConcurrentAccess: Rule = { meta, check };
