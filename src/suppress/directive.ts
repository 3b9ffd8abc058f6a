/**
 * Parsing of the two suppression comment forms goconc honours:
 *
 *   //goconc:ignore <rule>[,<rule>...] <reason>     (rule may be `all`)
 *   //nolint:goconc[,other...] [// explanation]     (golangci-lint's form)
 *
 * Parsing is separate from matching so that malformed directives can be reported once,
 * whether or not a finding sits next to them.
 */

export type Directive =
  | { kind: 'ignore'; rules: string[]; reason: string }
  /** `//goconc:ignore` without a rule list or without a reason. */
  | { kind: 'ignore-without-reason' }
  /** `//nolint...`; `linters` is empty for a bare `//nolint`. */
  | { kind: 'nolint'; linters: string[] }
  | { kind: 'other' };

const IGNORE_PREFIX = 'goconc:ignore';
const NOLINT_PREFIX = 'nolint';

/** Parses one line comment. Accepts the text with or without its leading `//`. */
export function parseDirective(commentText: string): Directive {
  const body = commentText.startsWith('//') ? commentText.slice(2) : commentText;

  if (body.startsWith(IGNORE_PREFIX)) {
    const rest = body.slice(IGNORE_PREFIX.length);
    // `//goconc:ignorex` is some other word, not our directive.
    if (rest !== '' && !/^\s/.test(rest)) return { kind: 'other' };
    const m = /^\s*(\S+)\s+(\S.*?)\s*$/.exec(rest);
    if (!m) return { kind: 'ignore-without-reason' };
    const rules = m[1]!.split(',').map((r) => r.trim()).filter((r) => r !== '');
    if (rules.length === 0) return { kind: 'ignore-without-reason' };
    return { kind: 'ignore', rules, reason: m[2]! };
  }

  if (body.startsWith(NOLINT_PREFIX)) {
    const rest = body.slice(NOLINT_PREFIX.length);
    if (rest === '' || /^\s/.test(rest)) return { kind: 'nolint', linters: [] };
    if (!rest.startsWith(':')) return { kind: 'other' };
    // The list ends at the first space; golangci-lint's explanation follows as `// ...`.
    const list = /^:([^\s/]*)/.exec(rest)![1]!;
    const linters = list.split(',').map((l) => l.trim()).filter((l) => l !== '');
    return { kind: 'nolint', linters };
  }

  return { kind: 'other' };
}
