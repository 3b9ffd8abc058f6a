/** Source spans `[startLine, startCol, endLine, endCol]` compared by position. */
import type * as ast from '../syntax/ast.js';

/** Whether inner lies within outer (bounds included). */
export function spanContains(outer: ast.Span, inner: ast.Span): boolean {
  const after = (a: number, b: number, c: number, d: number) => a > c || (a === c && b >= d);
  return after(inner[0], inner[1], outer[0], outer[1]) && after(outer[2], outer[3], inner[2], inner[3]);
}
