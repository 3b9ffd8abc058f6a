/**
 * Turning source text into terminal cells. Positions in findings are UTF-16 code units;
 * a terminal shows cells: a tab jumps to the next tab stop, East Asian wide characters
 * take two cells, combining marks none. Control characters are drawn as their Unicode
 * "control pictures" so a source line can never inject escape sequences into the output.
 */

export const TAB_WIDTH = 4;

export interface DisplayLine {
  /** What to print. */
  text: string;
  /** cells[i] = the cell where UTF-16 index i starts (length = source length + 1). */
  cells: number[];
}

export function toDisplay(source: string): DisplayLine {
  let text = '';
  const cells: number[] = [];
  let cell = 0;
  for (let i = 0; i < source.length; ) {
    const cp = source.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    for (let k = 0; k < units; k++) cells.push(cell);
    if (cp === 0x09) {
      const next = (Math.floor(cell / TAB_WIDTH) + 1) * TAB_WIDTH;
      text += ' '.repeat(next - cell);
      cell = next;
    } else if (isControl(cp)) {
      text += controlPicture(cp);
      cell += 1;
    } else {
      text += String.fromCodePoint(cp);
      cell += cellWidth(cp);
    }
    i += units;
  }
  cells.push(cell);
  return { text, cells };
}

/** Makes message text safe to print: no control characters, tabs as one space. */
export function sanitize(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += cp === 0x09 ? ' ' : isControl(cp) ? controlPicture(cp) : ch;
  }
  return out;
}

function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

function controlPicture(cp: number): string {
  if (cp < 0x20) return String.fromCodePoint(0x2400 + cp);
  if (cp === 0x7f) return '\u2421';
  return '\ufffd';
}

/** Terminal cells taken by a printable code point (a compact wcwidth). */
export function cellWidth(cp: number): number {
  if (isZeroWidth(cp)) return 0;
  return isWide(cp) ? 2 : 1;
}

function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) || // combining diacritical marks
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff
  );
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, punctuation
    (cp >= 0x3041 && cp <= 0x33ff) || // kana, CJK symbols
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xa000 && cp <= 0xa4cf) || // Yi
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || // fullwidth forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) || // emoji
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
