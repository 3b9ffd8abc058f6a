import type { Diagnostic, Finding } from '../core/findings.js';
import { compareDiagnostics, compareFindings } from '../core/findings.js';

/** Every reporter prints findings and diagnostics in this one deterministic order, so the
 * same scan gives the same bytes whatever order the analysis happened to produce them in. */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function sortedDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}
