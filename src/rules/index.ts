/** The rule registry: the one place that lists every rule. */
import type { Rule } from './rule.js';
import { atomicValueInconsistentType } from './atomic-value-inconsistent-type/rule.js';
import { atomicUnaligned64bit } from './atomic-unaligned-64bit/rule.js';
import { mapConcurrentAccess } from './map-concurrent-access/rule.js';
import { chanCloseSendRace } from './chan-close-send-race/rule.js';
import { chanDoubleClose } from './chan-double-close/rule.js';
import { chanSendAfterClose } from './chan-send-after-close/rule.js';
import { dataRace } from './data-race/rule.js';

export const ALL_RULES: readonly Rule[] = [
  atomicValueInconsistentType,
  atomicUnaligned64bit,
  mapConcurrentAccess,
  chanCloseSendRace,
  chanDoubleClose,
  chanSendAfterClose,
  dataRace,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
