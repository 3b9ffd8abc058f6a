/**
 * Go build constraints: the `//go:build` expression language, legacy `// +build`
 * lines, and GOOS/GOARCH file-name suffixes, evaluated per target with the go
 * command's default tag set (see matchTag below).
 */
import type { Target } from './types.js';
import { KNOWN_ARCH, KNOWN_OS, UNIX_OS, defaultFeatureTags } from './targets.js';

export type BuildExpr =
  | { kind: 'tag'; name: string }
  | { kind: 'not'; x: BuildExpr }
  | { kind: 'and'; x: BuildExpr; y: BuildExpr }
  | { kind: 'or'; x: BuildExpr; y: BuildExpr };

const tag = (name: string): BuildExpr => ({ kind: 'tag', name });
const not = (x: BuildExpr): BuildExpr => ({ kind: 'not', x });
const and = (x: BuildExpr, y: BuildExpr): BuildExpr => ({ kind: 'and', x, y });
const or = (x: BuildExpr, y: BuildExpr): BuildExpr => ({ kind: 'or', x, y });

/** Parenthesis nesting beyond this is refused: it protects the recursive parser's stack
 * from hostile input and no real file comes close. */
const MAX_NESTING = 200;

/** A tag is letters, digits, `_` and `.` (Unicode letters and digits count, as in Go). */
const TAG_CHAR = /[\p{L}\p{N}_.]/u;

export function isValidTag(word: string): boolean {
  if (word === '') return false;
  for (const ch of word) if (!TAG_CHAR.test(ch)) return false;
  return true;
}

/**
 * Parses a `//go:build` expression. Accepts the bare expression (`linux && !cgo`) or the
 * whole comment line (`//go:build linux && !cgo`). `&&` binds tighter than `||`; `!!x` is
 * refused as Go refuses it. Throws an Error naming the problem and its column.
 */
export function parseBuildExpr(text: string): BuildExpr {
  let src = text.trim();
  if (src.startsWith('//go:build')) {
    const rest = src.slice('//go:build'.length);
    if (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t') {
      throw new Error(`invalid //go:build line: ${JSON.stringify(text)}`);
    }
    src = rest;
  }
  return new ExprParser(src).parse();
}

class ExprParser {
  private pos = 0;
  private tok = '';
  private isTag = false;
  private depth = 0;

  constructor(private readonly s: string) {}

  parse(): BuildExpr {
    const x = this.or();
    if (this.tok !== '') this.fail(`unexpected token ${this.tok}`);
    return x;
  }

  private fail(msg: string, at = this.pos): never {
    throw new Error(`malformed build constraint ${JSON.stringify(this.s.trim())}: ${msg} (column ${at + 1})`);
  }

  /** Reads the next token into `tok` ('' at the end). */
  private lex(): void {
    this.isTag = false;
    const s = this.s;
    while (this.pos < s.length && (s[this.pos] === ' ' || s[this.pos] === '\t')) this.pos++;
    if (this.pos >= s.length) {
      this.tok = '';
      return;
    }
    const c = s[this.pos]!;
    if (c === '(' || c === ')' || c === '!') {
      this.tok = c;
      this.pos++;
      return;
    }
    if (c === '&' || c === '|') {
      if (s[this.pos + 1] !== c) this.fail(`invalid syntax at ${c}`);
      this.tok = c + c;
      this.pos += 2;
      return;
    }
    let end = this.pos;
    for (const ch of s.slice(this.pos)) {
      if (!TAG_CHAR.test(ch)) break;
      end += ch.length;
    }
    if (end === this.pos) this.fail(`invalid syntax at ${String.fromCodePoint(s.codePointAt(this.pos)!)}`);
    this.tok = s.slice(this.pos, end);
    this.pos = end;
    this.isTag = true;
  }

  private or(): BuildExpr {
    let x = this.and();
    while (this.tok === '||') x = or(x, this.and());
    return x;
  }

  private and(): BuildExpr {
    let x = this.not();
    while (this.tok === '&&') x = and(x, this.not());
    return x;
  }

  /** Lexes the operand's first token, then reads an optional `!` and an atom. */
  private not(): BuildExpr {
    this.lex();
    if (this.tok === '!') {
      this.lex();
      if (this.tok === '!') this.fail('double negation not allowed');
      return not(this.atom());
    }
    return this.atom();
  }

  private atom(): BuildExpr {
    if (this.tok === '(') {
      const open = this.pos - 1;
      if (++this.depth > MAX_NESTING) this.fail('expression nested too deeply');
      let x: BuildExpr;
      try {
        x = this.or();
      } catch (e) {
        if (e instanceof Error && e.message.includes('unexpected end of expression')) {
          this.fail('missing close paren', open);
        }
        throw e;
      }
      // `tok` was advanced by or(); widen it back from the '(' narrowed above.
      if ((this.tok as string) !== ')') this.fail('missing close paren', open);
      this.depth--;
      this.lex();
      return x;
    }
    if (!this.isTag) {
      if (this.tok === '') this.fail('unexpected end of expression');
      this.fail(`unexpected token ${this.tok}`);
    }
    const name = this.tok;
    this.lex();
    return tag(name);
  }
}

/** True when `line` (one source line) is a `//go:build` comment. */
export function isGoBuildLine(line: string): boolean {
  const t = line.trim();
  if (!t.startsWith('//go:build')) return false;
  const rest = t.slice('//go:build'.length);
  return rest === '' || rest[0] === ' ' || rest[0] === '\t';
}

/** True when `line` is a legacy `// +build` comment. */
export function isPlusBuildLine(line: string): boolean {
  const t = line.trim();
  if (!t.startsWith('//')) return false;
  const rest = t.slice(2).trim();
  if (!rest.startsWith('+build')) return false;
  const after = rest.slice('+build'.length);
  return after === '' || after[0] === ' ' || after[0] === '\t';
}

/**
 * Parses one legacy `// +build` line: space-separated options are ORed, comma-separated
 * terms ANDed, `!` negates. Like Go, it never fails: a malformed term (`!!x`, `a-b`) or an
 * empty line becomes the tag `ignore`, which no build satisfies.
 */
export function parsePlusBuildLine(line: string): BuildExpr {
  let text = line.trim();
  if (text.startsWith('//')) text = text.slice(2).trim();
  if (text.startsWith('+build')) text = text.slice('+build'.length);
  let x: BuildExpr | null = null;
  for (const option of text.split(/[ \t]+/).filter((f) => f !== '')) {
    let y: BuildExpr | null = null;
    for (const lit of option.split(',')) {
      let z: BuildExpr;
      if (lit.startsWith('!!') || lit === '!') {
        z = tag('ignore');
      } else {
        const neg = lit.startsWith('!');
        const name = neg ? lit.slice(1) : lit;
        z = isValidTag(name) ? tag(name) : tag('ignore');
        if (neg) z = not(z);
      }
      y = y === null ? z : and(y, z);
    }
    if (y !== null) x = x === null ? y : or(x, y);
  }
  return x ?? tag('ignore');
}

/**
 * The minor number of a Go version ("1.22.3" -> 22, "1.21rc1" -> 21, "1" -> 0), or null
 * when the text is not a Go 1.x version.
 */
export function goMinorVersion(version: string | null | undefined): number | null {
  if (!version) return null;
  const m = /^(?:go)?1(?:\.(\d+))?(?:[.a-z].*)?$/.exec(version.trim());
  if (!m) return null;
  return m[1] === undefined ? 0 : Number(m[1]);
}

/**
 * Whether tag `name` is satisfied when building for `t` with the go command's defaults:
 * GOOS, GOARCH (linux also for android, solaris for illumos, darwin for ios), `unix`,
 * `cgo` (assumed enabled: it can be), `gc`, the default architecture feature tags, and
 * release tags go1.1..go1.N for the module's go version N (all of them when unknown).
 * `ignore` and every other custom tag are false.
 */
export function matchTag(name: string, t: Target, goVersion?: string | null): boolean {
  if (name === 'cgo' || name === 'gc') return true;
  if (name === t.goos || name === t.goarch) return true;
  if (name === 'linux' && t.goos === 'android') return true;
  if (name === 'solaris' && t.goos === 'illumos') return true;
  if (name === 'darwin' && t.goos === 'ios') return true;
  if (name === 'unix') return UNIX_OS.has(t.goos);
  if (defaultFeatureTags(t.goarch).includes(name)) return true;
  const release = /^go1\.([1-9]\d*)$/.exec(name);
  if (release) {
    const minor = goMinorVersion(goVersion);
    return minor === null || Number(release[1]) <= minor;
  }
  return false;
}

export function evalBuildExpr(e: BuildExpr, t: Target, goVersion?: string | null): boolean {
  switch (e.kind) {
    case 'tag':
      return matchTag(e.name, t, goVersion);
    case 'not':
      return !evalBuildExpr(e.x, t, goVersion);
    case 'and':
      return evalBuildExpr(e.x, t, goVersion) && evalBuildExpr(e.y, t, goVersion);
    case 'or':
      return evalBuildExpr(e.x, t, goVersion) || evalBuildExpr(e.y, t, goVersion);
  }
}

/**
 * The GOOS/GOARCH a file name restricts the file to, following go/build's
 * goodOSArchFile: only what follows the first `_` counts (so `linux.go` is not
 * constrained but `foo_linux.go` is), a trailing `_test` is ignored, and the last one or
 * two `_`-separated words are checked against the known GOOS and GOARCH lists.
 */
export function fileNameTargets(fileName: string): { goos?: string; goarch?: string } {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const stem = base.split('.')[0]!;
  const underscore = stem.indexOf('_');
  if (underscore < 0) return {};
  const parts = stem.slice(underscore).split('_');
  if (parts[parts.length - 1] === 'test') parts.pop();
  const n = parts.length;
  if (n >= 2 && KNOWN_OS.has(parts[n - 2]!) && KNOWN_ARCH.has(parts[n - 1]!)) {
    return { goos: parts[n - 2]!, goarch: parts[n - 1]! };
  }
  const last = parts[n - 1];
  if (last !== undefined && KNOWN_OS.has(last)) return { goos: last };
  if (last !== undefined && KNOWN_ARCH.has(last)) return { goarch: last };
  return {};
}

/** Whether a file with this name may build for `t` (suffix tags use matchTag's aliases). */
export function fileNameMatches(fileName: string, t: Target): boolean {
  const { goos, goarch } = fileNameTargets(fileName);
  return (goos === undefined || matchTag(goos, t)) && (goarch === undefined || matchTag(goarch, t));
}
