import type { Confidence, Severity } from './findings.js';

/** What the rest of goconc (reporters, docs, CLI) may know about a rule. */
export interface RuleMeta {
  /** Stable id, read by other tools: never rename. */
  id: string;
  /** One line, sentence case, no final period. */
  title: string;
  severity: Severity;
  defaultConfidence: Confidence;
  fixable: boolean;
  /** The field guide class it belongs to ("§1 atomic.Value ..."). */
  category: string;
  /** Relative path of the English docs page, e.g. `docs/rules/data-race.md`. */
  docs: string;
}
