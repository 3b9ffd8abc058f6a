import type { Rule } from '../rules/rule.js';

/** A mistake in how goconc was called: exit code 2 and a one-line message. */
export class UsageError extends Error {}

/** Applies --rules and --disable; unknown ids are usage errors. */
export function selectRules(all: readonly Rule[], only: string | undefined, disable: string | undefined): Rule[] {
  const ids = new Set(all.map((r) => r.meta.id));
  const parse = (s: string | undefined, flag: string): string[] | null => {
    if (s === undefined) return null;
    const list = s.split(',').map((x) => x.trim()).filter(Boolean);
    for (const id of list) if (!ids.has(id)) throw new UsageError(`${flag}: unknown rule "${id}"; known rules: ${[...ids].join(', ')}`);
    return list;
  };
  const onlyList = parse(only, '--rules');
  const off = new Set(parse(disable, '--disable') ?? []);
  return all.filter((r) => (onlyList ? onlyList.includes(r.meta.id) : true) && !off.has(r.meta.id));
}
