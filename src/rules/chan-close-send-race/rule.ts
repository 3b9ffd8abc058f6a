/**
 * chan-close-send-race (field guide §4): a channel closed in one goroutine while another
 * may send on it. A select with a default case does not protect the send (a closed
 * channel is always ready), and a mutex counts only when both sides hold it.
 */
import type { RuleMeta } from '../../core/rule-meta.js';
import type { Rule, RuleContext } from '../rule.js';
import { findRaces, lockSummary, raceEvidence, where } from '../shared/races.js';

export const meta: RuleMeta = {
  id: 'chan-close-send-race',
  title: 'Channel closed while another goroutine may send on it',
  severity: 'error',
  defaultConfidence: 'high',
  fixable: false,
  category: '§4 A channel closed while another goroutine may send on it',
  docs: 'docs/rules/chan-close-send-race.md',
};

function check(ctx: RuleContext): void {
  const facts = ctx.facts();
  const races = findRaces(facts, {
    keys: (k) => k.startsWith('chan:'),
    conflicts: (a, b) => a.kind === 'close' && b.kind === 'send',
  });
  for (const r of races) {
    const a = r.primary;
    const b = r.other;
    const onlyCloserLocks = facts.locksIn(a, r.pair.a).length > 0 && facts.locksIn(b, r.pair.b).length === 0;
    const { trace, related } = raceEvidence(facts, r, 'close', b.selectDefault ? 'send (in a select with a default case)' : 'send');
    ctx.report({
      file: a.fn.file, span: a.span, confidence: r.pair.confidence,
      message: `channel ${a.text} is closed here while another goroutine may send on it at ${where(b)}${b.selectDefault ? ' inside a select with a default case, which does not protect a send: a closed channel is always ready' : ''}${b.copiedFrom ? `; the sender took ${b.text} from ${b.copiedFrom} under the lock and sends after releasing it, so it may hold the channel closed here (putting a new channel in the field does not reach the copy)` : onlyCloserLocks ? '; the lock held here is not taken by the sender, so it orders nothing' : ''} (${lockSummary(facts, a, r.pair.a)} here, ${lockSummary(facts, b, r.pair.b)} there); a late send panics with "send on closed channel"; let only the sender close the channel, signal shutdown on a separate done channel, or guard both send and close with the same mutex and a closed flag`,
      related, trace,
    });
  }
}

export const chanCloseSendRace: Rule = { meta, check };
