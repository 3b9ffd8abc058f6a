/** Reads source lines through a caller-supplied reader, splitting each file once. */
export class SourceLines {
  private readonly cache = new Map<string, string[] | null>();

  constructor(private readonly readSource: (file: string) => string | null) {}

  /** Line `line` (1-based) of `file` without its line ending, or null if unknown. */
  line(file: string, line: number): string | null {
    let lines = this.cache.get(file);
    if (lines === undefined) {
      let src: string | null = null;
      try {
        src = this.readSource(file);
      } catch {
        src = null; // A reporter never fails because a file vanished since the scan.
      }
      lines = src === null ? null : src.split(/\r?\n/);
      this.cache.set(file, lines);
    }
    if (lines === null || line < 1 || line > lines.length) return null;
    return lines[line - 1]!;
  }
}
