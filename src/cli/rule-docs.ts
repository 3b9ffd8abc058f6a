import { readFileSync } from 'node:fs';
import type { Rule } from '../rules/rule.js';
import { ALL_RULES } from '../rules/index.js';

/** The docs folder shipped with the package (docs/rules/). */
const DOCS_ROOT = new URL('../../../', import.meta.url);

export function listRules(rules: readonly Rule[]): string {
  const w = Math.max(...rules.map((r) => r.meta.id.length));
  return rules.map((r) => `${r.meta.id.padEnd(w)}  ${r.meta.defaultConfidence.padEnd(6)}  ${r.meta.fixable ? 'fix ' : '    '}  ${r.meta.title}\n`).join('');
}

/** The rule's docs page in the language asked for, or null for an unknown rule. */
export function explainRule(id: string, lang: 'en' | 'zh'): string | null {
  const rule = ALL_RULES.find((r) => r.meta.id === id);
  if (!rule) return null;
  const page = lang === 'zh' ? rule.meta.docs.replace(/\.md$/, '.zh.md') : rule.meta.docs;
  try {
    return readFileSync(new URL(page, DOCS_ROOT), 'utf8');
  } catch {
    return `${rule.meta.id}: ${rule.meta.title}\n(documentation page ${page} is missing from this installation)\n`;
  }
}
