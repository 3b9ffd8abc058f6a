/**
 * chan-send-after-close (field guide §4): on some path through one function, a channel
 * is sent on after it was closed (directly, or through a method that closes it), which
 * panics with "send on closed channel".
 */
import type { RuleMeta } from '../../core/rule-meta.js';
import type { Rule, RuleContext } from '../rule.js';
import { relatedAt } from '../rule.js';
import { walkChannelPaths } from '../shared/channel-paths.js';
import { receiverChanOps } from '../shared/channel-summaries.js';

export const meta: RuleMeta = {
  id: 'chan-send-after-close',
  title: 'Send on a channel after it was closed',
  severity: 'error',
  defaultConfidence: 'high',
  fixable: false,
  category: '§4 A channel closed while another goroutine may send on it',
  docs: 'docs/rules/chan-send-after-close.md',
};

function check(ctx: RuleContext): void {
  const facts = ctx.facts();
  const ops = receiverChanOps(facts);
  const seen = new Set<string>();
  for (const fn of ctx.program.funcs) {
    walkChannelPaths(facts, fn, ops, {
      sendAfterClose: (send, via, closed, deferred) => {
        // The primary location is the send itself (where the panic is raised); the call in
        // this function that reaches it is a related location.
        const at = { file: send.fn.file, span: send.span };
        const k = `${at.file.ast.path}:${at.span[0]}:${at.span[1]}`;
        if (seen.has(k)) return;
        seen.add(k);
        const closeWhere = `${closed.close.fn.file.ast.path}:${closed.close.span[0]}`;
        const related = [relatedAt(closed.close.fn.file, closed.close.span, `${closed.close.text} is closed here`)];
        if (closed.via) related.push(relatedAt(fn.file, closed.via.span, `the close happens in this call`));
        if (via) related.push(relatedAt(fn.file, via.span, deferred ? `${fn.name} defers ${send.fn.name} here; it runs after the close` : `${fn.name} calls ${send.fn.name} here, after the close`));
        ctx.report({
          file: at.file, span: at.span, confidence: 'high',
          message: `send on ${send.text}${via ? ` (reached from ${fn.name} through the ${deferred ? 'deferred ' : ''}call at ${fn.file.ast.path}:${via.span[0]})` : ''} after the channel was closed at ${closeWhere} on this path through ${fn.name}${deferred ? `; deferred calls run when ${fn.name} returns, after the close` : ''}; it panics with "send on closed channel"; ${deferred ? 'make the final send before closing instead of deferring it' : 'return after closing, or close only after the last send (only the sender closes)'}`,
          related,
          trace: [
            `${closeWhere}: ${closed.close.text} closed${closed.via ? ` (via the call at line ${closed.via.span[0]})` : ''}`,
            `${send.fn.file.ast.path}:${send.span[0]}: send on ${send.text} still reachable afterwards in ${fn.name}`,
          ],
        });
      },
      closeAfterClose: () => {},
    });
  }
}

export const chanSendAfterClose: Rule = { meta, check };
