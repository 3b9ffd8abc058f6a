/**
 * Maps string offsets to 1-based line and column numbers.
 *
 * The node binding of tree-sitter feeds the parser UTF-16 and reports every index and
 * column in UTF-16 code units of the JavaScript string, which is exactly the unit of
 * goconc's spans. So no per-line re-encoding is needed: an offset into the source
 * string converts to (line, column) with one binary search over line starts.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: Int32Array;
  private readonly count: number;
  /** Last line found: most lookups come in document order, so try it first. */
  private hint = 0;

  constructor(source: string) {
    let n = 1;
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) n++;
    const starts = new Int32Array(n);
    let k = 1;
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts[k++] = i + 1;
    this.starts = starts;
    this.count = n;
    this.sourceLength = source.length;
    this.endsWithNewline = source.length > 0 && source.charCodeAt(source.length - 1) === 10;
  }

  private readonly sourceLength: number;
  private readonly endsWithNewline: boolean;

  /** Number of lines as an editor shows them (a final newline does not open a line). */
  get lineCount(): number {
    if (this.sourceLength === 0) return 0;
    return this.endsWithNewline ? this.count - 1 : this.count;
  }

  /** 0-based line containing offset. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let h = this.hint;
    if (starts[h] <= offset && (h + 1 >= this.count || starts[h + 1] > offset)) return h;
    h++;
    if (h < this.count && starts[h] <= offset && (h + 1 >= this.count || starts[h + 1] > offset)) {
      this.hint = h;
      return h;
    }
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo;
  }

  /** Offset of the start of a 0-based line. */
  lineStart(line: number): number {
    return this.starts[line];
  }
}
