/**
 * Minimal go.mod / go.work readers: goconc needs only the module path, the go version and
 * the workspace's `use` list. The lexer follows the modfile grammar closely enough for
 * those: `//` comments, "interpreted" and `raw` quoted strings, and `verb ( ... )` blocks.
 */

interface Directive {
  verb: string;
  args: string[];
}

/** Splits one line into tokens; a `//` outside quotes ends the line. */
function tokenizeLine(line: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '/' && line[i + 1] === '/') {
      break;
    } else if (c === '"') {
      let j = i + 1;
      let value = '';
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length) {
          value += line[j + 1];
          j += 2;
        } else {
          value += line[j];
          j++;
        }
      }
      tokens.push(value);
      i = j + 1;
    } else if (c === '`') {
      const close = line.indexOf('`', i + 1);
      const end = close < 0 ? line.length : close;
      tokens.push(line.slice(i + 1, end));
      i = end + 1;
    } else if (c === '(' || c === ')') {
      tokens.push(c);
      i++;
    } else {
      let j = i;
      while (j < line.length && !' \t\r"`()'.includes(line[j]!) && !(line[j] === '/' && line[j + 1] === '/')) j++;
      tokens.push(line.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

/** Flattens `verb ( a \n b )` blocks into one directive per inner line. */
function directives(text: string): Directive[] {
  const out: Directive[] = [];
  let blockVerb: string | null = null;
  for (const raw of text.split('\n')) {
    const tokens = tokenizeLine(raw);
    if (tokens.length === 0) continue;
    if (blockVerb !== null) {
      if (tokens[0] === ')') {
        blockVerb = null;
        continue;
      }
      out.push({ verb: blockVerb, args: tokens });
      continue;
    }
    const [verb, ...args] = tokens as [string, ...string[]];
    if (args.length === 1 && args[0] === '(') {
      blockVerb = verb;
      continue;
    }
    out.push({ verb, args });
  }
  return out;
}

function firstArg(ds: Directive[], verb: string): string | null {
  const d = ds.find((x) => x.verb === verb && x.args.length > 0);
  return d ? d.args[0]! : null;
}

export function parseGoMod(text: string): { module: string | null; go: string | null } {
  const ds = directives(stripBom(text));
  return { module: firstArg(ds, 'module'), go: firstArg(ds, 'go') };
}

export function parseGoWork(text: string): { go: string | null; use: string[] } {
  const ds = directives(stripBom(text));
  const use = ds.filter((d) => d.verb === 'use' && d.args.length > 0).map((d) => d.args[0]!);
  return { go: firstArg(ds, 'go'), use };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
