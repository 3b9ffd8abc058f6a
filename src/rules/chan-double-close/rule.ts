/**
 * chan-double-close (field guide §4): a channel that can be closed twice: a close that
 * runs in goroutines that overlap (a Stop reachable from concurrent callers, an
 * unguarded check-then-close), or twice along one path (an explicit close plus a
 * deferred one).
 */
import type { RuleMeta } from '../../core/rule-meta.js';
import type { Rule, RuleContext } from '../rule.js';
import { relatedAt } from '../rule.js';
import { walkChannelPaths } from '../shared/channel-paths.js';
import { receiverChanOps, type ReceiverChanOps } from '../shared/channel-summaries.js';
import type { FuncInfo } from '../../model/objects.js';
import { findDoubleRegistrations } from './registered-twice.js';
import { sameOnce } from '../../concurrency/accesses.js';
import { findRaces, lockSummary, raceEvidence, where } from '../shared/races.js';

export const meta: RuleMeta = {
  id: 'chan-double-close',
  title: 'Channel that can be closed twice',
  severity: 'error',
  defaultConfidence: 'high',
  fixable: false,
  category: '§4 A channel closed while another goroutine may send on it',
  docs: 'docs/rules/chan-double-close.md',
};

const ADVICE = 'close it through sync.Once (or guard the close with the same mutex and a closed flag), or let a single owner close it exactly once';

function check(ctx: RuleContext): void {
  const facts = ctx.facts();
  const reported = new Set<string>();
  const key = (file: string, line: number, col: number) => `${file}:${line}:${col}`;

  // Closes that can run at the same time in two goroutines.
  const races = findRaces(facts, {
    keys: (k) => k.startsWith('chan:'),
    // Both under one sync.Once is one close; a Once-guarded close and a direct one are
    // two, and so are closes under two different Onces (`failOnce`, `closeOnce`).
    // One close of a member each call is given (`delete(b.subs, ch); close(ch)` with the
    // caller's own subscription, see chan-origins.ts) closes another channel in every call.
    // Closes that each claim their object from a shared collection first close two objects.
    conflicts: (a, b) => a.kind === 'close' && b.kind === 'close' && !sameOnce(a, b) && !(a === b && !!a.place.indexed && a.key.startsWith('chan:elem:')) && !(a.claimed && b.claimed),
    // A channel closed by one goroutine and later by another, after waiting for the first
    // (`<-s.done; s.Close()`), panics just the same.
    anyOrder: true,
  });
  for (const r of races) {
    const a = r.primary;
    const b = r.other;
    if (a !== b && (where(b) < where(a) || (where(b) === where(a) && b.span[1] < a.span[1]))) continue;
    const k = key(a.fn.file.ast.path, a.span[0], a.span[1]);
    if (reported.has(k)) continue;
    reported.add(k);
    const same = a === b;
    const { trace, related } = raceEvidence(facts, r, 'close', same ? 'the same close in another goroutine' : 'close');
    ctx.report({
      file: a.fn.file, span: a.span, confidence: r.pair.confidence,
      message: `channel ${a.text} can be closed twice: ${same ? 'this close runs in goroutines that can overlap' : `this close and the one at ${where(b)} both run on one channel, at the same time or one after the other`}${a.guarded ? '; checking first (select with default, or a flag) without a lock held by every closer does not help, two goroutines can pass the check together' : ''} (${lockSummary(facts, a, r.pair.a)}); the second close panics with "close of closed channel"; ${ADVICE}`,
      related, trace,
    });
  }

  // Twice along one path.
  const ops = receiverChanOps(facts);
  reportDoubleRegistrations(ctx, ops, reported);
  for (const fn of ctx.program.funcs) {
    walkChannelPaths(facts, fn, ops, {
      sendAfterClose: () => {},
      closeAfterClose: (second, first, deferred) => {
        // The primary location is a close statement: the one that closes again (where the
        // panic is raised) or, with a deferred close, the extra explicit one. The calls in
        // this function that lead to them are related locations.
        const a = second.close;
        const here = (n: { span: readonly number[] }) => `${fn.file.ast.path}:${n.span[0]}`;
        const at = { file: a.fn.file, span: a.span };
        const k = key(at.file.ast.path, at.span[0], at.span[1]);
        if (reported.has(k)) return;
        reported.add(k);
        const related = [];
        if (first.close !== a) related.push(relatedAt(first.close.fn.file, first.close.span, deferred ? 'the deferred close' : 'the first close'));
        if (first.via) related.push(relatedAt(fn.file, first.via.span, deferred ? 'deferred here' : 'first closed by this call'));
        if (second.via) related.push(relatedAt(fn.file, second.via.span, 'closed again by this call'));
        ctx.report({
          file: at.file, span: at.span, confidence: 'high',
          message: `channel ${a.text} is closed twice on one path through ${fn.name}: ${deferred ? `${second.via ? `the call at ${here(second.via)}` : 'this close'} runs, then the deferred ${first.via ? 'call' : 'close'} at ${here(first.via ?? first.close)} closes it again when ${fn.name} returns` : first.close === second.close && first.via === second.via ? `${second.via ? `the call at ${here(second.via)} runs this close` : 'this close runs'} again in a later iteration of the loop around it: nothing leaves the loop after the close, and no condition before it tests anything the close changes` : `${second.via ? `the call at ${here(second.via)} runs this close` : 'this close runs'} after ${first.via ? `the call at ${here(first.via)}` : `the close at ${here(first.close)}`} already closed it`}; the second close panics with "close of closed channel"; ${ADVICE}`,
          related,
          trace: [
            `${fn.file.ast.path}:${(first.via ?? first.close).span[0]}: ${deferred ? 'deferred close' : 'first close'}${first.via ? ` (in ${first.close.fn.name})` : ''}`,
            `${fn.file.ast.path}:${(second.via ?? second.close).span[0]}: ${deferred ? 'explicit close on a path that returns' : 'second close'}${second.via ? ` (in ${second.close.fn.name})` : ''}`,
          ],
        });
      },
    });
  }
}

/** One object registered twice in a collection whose elements are all closed. */
function reportDoubleRegistrations(ctx: RuleContext, ops: Map<FuncInfo, ReceiverChanOps>, reported: Set<string>): void {
  for (const d of findDoubleRegistrations(ctx.facts(), ops)) {
    const a = d.close;
    const k = `${a.fn.file.ast.path}:${a.span[0]}:${a.span[1]}`;
    if (reported.has(k)) continue;
    reported.add(k);
    const at = (fn: FuncInfo, n: { span: readonly number[] }) => `${fn.file.ast.path}:${n.span[0]}`;
    ctx.report({
      file: a.fn.file, span: a.span, confidence: 'high',
      message: `channel ${a.text} is closed twice: ${d.object} is registered twice (${at(d.first.fn, d.first.node)} and ${at(d.second.fn, d.second.node)}${d.via ? `, once held in field ${d.via.field} of a ${d.via.type} whose ${d.closing.method} closes it too` : ''}) in a collection whose elements are all closed by the call at ${at(d.closing.fn, d.closing.call)}, so ${d.closing.method} runs twice on the same object; the second close panics with "close of closed channel"; register each object once, or ${ADVICE}`,
      related: [
        relatedAt(d.first.fn.file, d.first.node.span, `${d.object} registered`),
        relatedAt(d.second.fn.file, d.second.node.span, `${d.object} registered again`),
        relatedAt(d.closing.fn.file, d.closing.call.span, `${d.closing.method} called on every registered element`),
      ],
      trace: [
        `${at(d.first.fn, d.first.node)}: ${d.object} added to the collection`,
        `${at(d.second.fn, d.second.node)}: the same ${d.object} added again`,
        `${at(d.closing.fn, d.closing.call)}: ${d.closing.method}() on each element, twice on ${d.object}`,
        `${a.fn.file.ast.path}:${a.span[0]}: ${a.text} closed by ${a.fn.name}`,
      ],
    });
  }
}

export const chanDoubleClose: Rule = { meta, check };
