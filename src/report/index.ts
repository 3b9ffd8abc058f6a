/** One entry point for every output format; the CLI picks the format, this file the reporter. */

import type { ScanResult } from '../core/findings.js';
import type { RuleMeta } from '../core/rule-meta.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderSarif, type SarifOptions } from './sarif.js';
import { renderText, type TextOptions } from './text.js';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];

export function isOutputFormat(s: string): s is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(s);
}

export function render(
  format: OutputFormat,
  result: ScanResult,
  rules: RuleMeta[],
  textOpts: TextOptions,
  sarifOpts: SarifOptions = {},
): string {
  switch (format) {
    case 'text':
      return renderText(result, textOpts);
    case 'json':
      return renderJson(result);
    case 'sarif':
      return renderSarif(result, rules, { readSource: textOpts.readSource, ...sarifOpts });
    case 'github':
      return renderGithub(result);
  }
}

export type { TextOptions } from './text.js';
export type { SarifOptions } from './sarif.js';
export { renderText, renderJson, renderSarif, renderGithub };
export { Progress } from './progress.js';
