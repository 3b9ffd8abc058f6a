/** The rule registry: the one place that lists every rule. */
import type { Rule } from './rule.js';
import { atomicValueInconsistentType } from './atomic-value-inconsistent-type/rule.js';
import { atomicUnaligned64bit } from './atomic-unaligned-64bit/rule.js';

export const ALL_RULES: readonly Rule[] = [
  atomicValueInconsistentType,
  atomicUnaligned64bit,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
