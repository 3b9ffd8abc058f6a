/** Small helpers for Go source text: string unquoting and message quoting. */

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"',
};

/**
 * The value of a Go string literal (`"..."` or `` `...` ``). Malformed escapes are kept
 * as written: this is used for import paths, where escapes are rare and a best effort is
 * enough (the type checker, not the parser, rejects bad paths).
 */
export function unquoteGoString(lit: string): string {
  if (lit.length >= 2 && lit[0] === '`') return lit.slice(1, lit.endsWith('`') ? -1 : undefined).replace(/\r/g, '');
  const body = lit.slice(1, lit.length >= 2 && lit.endsWith('"') ? -1 : undefined);
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\' || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const e = body[++i];
    if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === n ? parseInt(hex, 16) : NaN;
      if (Number.isNaN(code) || code > 0x10ffff) out += '\\' + e;
      else {
        out += String.fromCodePoint(code);
        i += n;
      }
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i, i + 3);
      if (/^[0-7]{3}$/.test(oct)) {
        out += String.fromCharCode(parseInt(oct, 8));
        i += 2;
      } else out += '\\' + e;
    } else out += '\\' + e;
  }
  return out;
}

/** A token quoted for an error message: `"}"`, shortened when long. */
export function quoteToken(text: string): string {
  const short = text.length > 24 ? text.slice(0, 21) + '...' : text;
  return JSON.stringify(short);
}
