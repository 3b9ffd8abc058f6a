/**
 * The corpus as data: finds every case by its expect.json, validates the label, and
 * checks what can be checked without the Go toolchain (labelled lines, twins).
 * Shared by corpus-verify (which proves labels with `go test`) and eval (which scores
 * goconc against the labels). Layout and schema: corpus/README conventions, i.e.
 * cases/<rule>/<name>/, clean/<name>/, legacy/ as a second module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';

export type CaseKind = 'buggy' | 'fixed' | 'clean';
export type ProofHow = 'race' | 'panic' | 'fatal' | 'race-or-fatal' | '386-panic' | 'clean';

export interface ExpectedLine {
  file: string;
  line: number;
}

export interface Proof {
  how: ProofHow;
  /** Text the output must contain (buggy) or must not contain (clean/fixed; may be ''). */
  match: string;
  runs: number;
}

export interface Expect {
  rule: string;
  kind: CaseKind;
  twin: string | null;
  shape: string;
  expect: ExpectedLine[];
  proof: Proof;
}

export interface CorpusModule {
  /** Absolute directory holding go.mod. */
  dir: string;
  /** Module path from go.mod. */
  path: string;
}

export interface CorpusCase {
  /** Case folder relative to the corpus root, `/`-separated: cases/data-race/x, clean/y, legacy/cases/... */
  id: string;
  /** Absolute folder. */
  dir: string;
  module: CorpusModule;
  /** Folder relative to its module root (cases/<rule>/<name> or clean/<name>). */
  moduleRel: string;
  importPath: string;
  expect: Expect;
}

/** A case whose expect.json could not be used; reported as a failure, never skipped. */
export interface BrokenCase {
  id: string;
  dir: string;
  errors: string[];
}

const RULE_ID = '^[a-z0-9]+(-[a-z0-9]+)*$';

export const EXPECT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['rule', 'kind', 'twin', 'shape', 'expect', 'proof'],
  properties: {
    rule: { type: 'string', pattern: RULE_ID },
    kind: { enum: ['buggy', 'fixed', 'clean'] },
    twin: { type: ['string', 'null'], pattern: '^[a-z0-9-]+/[a-z0-9-]+$' },
    shape: { type: 'string', minLength: 1 },
    expect: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'line'],
        properties: {
          file: { type: 'string', pattern: '^[^/\\\\]+\\.go$' },
          line: { type: 'integer', minimum: 1 },
        },
      },
    },
    proof: {
      type: 'object',
      additionalProperties: false,
      required: ['how', 'match', 'runs'],
      properties: {
        how: { enum: ['race', 'panic', 'fatal', 'race-or-fatal', '386-panic', 'clean'] },
        match: { type: 'string' },
        runs: { type: 'integer', minimum: 1, maximum: 100 },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true });
const validateSchema = ajv.compile(EXPECT_SCHEMA);

/**
 * Validates a parsed expect.json: the schema, then the rules that tie fields together
 * (a buggy case has lines, a twin and a failing proof; fixed and clean cases have none).
 * Returns the problems found; empty means valid.
 */
export function validateExpect(value: unknown): string[] {
  if (!validateSchema(value)) {
    return (validateSchema.errors ?? []).map((e) => `expect.json${e.instancePath || ''} ${e.message ?? 'is invalid'}`);
  }
  const x = value as unknown as Expect;
  const errors: string[] = [];
  if (x.kind === 'buggy') {
    if (x.expect.length === 0) errors.push('buggy case lists no expected line');
    if (x.twin === null) errors.push('buggy case has no fixed twin');
    if (x.proof.how === 'clean') errors.push('buggy case cannot have proof "clean"');
    if (x.proof.match.trim() === '') errors.push('buggy case needs a non-empty proof.match');
  } else {
    if (x.expect.length !== 0) errors.push(`${x.kind} case must expect no finding`);
    if (x.proof.how !== 'clean') errors.push(`${x.kind} case must have proof "clean"`);
    if (x.kind === 'fixed' && x.twin === null) errors.push('fixed case must name its buggy twin');
    if (x.kind === 'clean' && x.twin !== null) errors.push('clean look-alike must have twin null');
  }
  return errors;
}

/** Checks that each labelled line exists in its file and is not blank. */
export function checkLabelledLines(exp: Expect, readFile: (name: string) => string | undefined): string[] {
  const errors: string[] = [];
  for (const { file, line } of exp.expect) {
    const text = readFile(file);
    if (text === undefined) {
      errors.push(`labelled file ${file} does not exist`);
      continue;
    }
    const lines = text.split('\n');
    if (line > lines.length) errors.push(`${file}:${line} is past the end of the file (${lines.length} lines)`);
    else if (lines[line - 1]!.trim() === '') errors.push(`${file}:${line} is a blank line`);
  }
  return errors;
}

/** Checks where the case sits against what its label says (cases/<rule>/ or clean/). */
export function checkPlacement(moduleRel: string, exp: Expect): string[] {
  const parts = moduleRel.split('/');
  if (parts[0] === 'cases' && parts.length === 3) {
    const errors: string[] = [];
    if (parts[1] !== exp.rule) errors.push(`case is under cases/${parts[1]}/ but labelled rule ${exp.rule}`);
    if (exp.kind === 'clean') errors.push('clean look-alikes belong under clean/, not cases/');
    if (exp.kind === 'fixed' && !parts[2]!.endsWith('-fixed')) errors.push('a fixed twin\'s folder name must end in -fixed');
    return errors;
  }
  if (parts[0] === 'clean' && parts.length === 2) {
    return exp.kind === 'clean' ? [] : [`${exp.kind} case must live under cases/<rule>/, not clean/`];
  }
  return [`unexpected location ${moduleRel} (want cases/<rule>/<name> or clean/<name>)`];
}

/**
 * Cross-checks twins: a buggy case's twin exists in the same module, is fixed, has the
 * same rule and points back, and the reverse for fixed cases. Returns errors per case id.
 */
export function checkTwins(cases: CorpusCase[]): Map<string, string[]> {
  const byKey = new Map<string, CorpusCase>();
  for (const c of cases) byKey.set(twinKey(c.module.dir, c.moduleRel), c);
  const problems = new Map<string, string[]>();
  for (const c of cases) {
    const { kind, twin, rule } = c.expect;
    if (kind === 'clean' || twin === null) continue;
    const errs: string[] = [];
    const other = byKey.get(twinKey(c.module.dir, `cases/${twin}`));
    const want = kind === 'buggy' ? 'fixed' : 'buggy';
    if (!other) errs.push(`twin ${twin} not found`);
    else {
      if (other.expect.kind !== want) errs.push(`twin ${twin} is ${other.expect.kind}, want ${want}`);
      if (other.expect.rule !== rule) errs.push(`twin ${twin} has rule ${other.expect.rule}, want ${rule}`);
      const back = c.moduleRel.replace(/^cases\//, '');
      if (other.expect.twin !== back) errs.push(`twin ${twin} points to ${String(other.expect.twin)}, not back to ${back}`);
    }
    if (errs.length > 0) problems.set(c.id, errs);
  }
  return problems;
}

function twinKey(moduleDir: string, rel: string): string {
  return `${moduleDir}\u0000${rel}`;
}

/** Reads the module path from a go.mod file's text. */
export function modulePathOf(goModText: string): string | undefined {
  const m = /^\s*module\s+("?)([^\s"]+)\1\s*$/m.exec(goModText);
  return m?.[2];
}

export interface Discovery {
  cases: CorpusCase[];
  broken: BrokenCase[];
}

/**
 * Finds every expect.json below the corpus root, attaches each to the nearest go.mod
 * (corpus/ or corpus/legacy/), parses and validates it. Sorted by id so output is stable.
 */
export function discoverCorpus(corpusRoot: string): Discovery {
  const root = path.resolve(corpusRoot);
  const cases: CorpusCase[] = [];
  const broken: BrokenCase[] = [];
  const modules = new Map<string, CorpusModule | null>();
  for (const dir of findCaseDirs(root)) {
    const id = toSlash(path.relative(root, dir));
    const mod = moduleFor(dir, root, modules);
    if (!mod) {
      broken.push({ id, dir, errors: ['no go.mod with a module line above this case'] });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(path.join(dir, 'expect.json'), 'utf8'));
    } catch (err) {
      broken.push({ id, dir, errors: [`expect.json: ${(err as Error).message}`] });
      continue;
    }
    const errors = validateExpect(parsed);
    if (errors.length > 0) {
      broken.push({ id, dir, errors });
      continue;
    }
    const expect = parsed as Expect;
    const moduleRel = toSlash(path.relative(mod.dir, dir));
    const more = [
      ...checkPlacement(moduleRel, expect),
      ...checkLabelledLines(expect, (name) => readIfExists(path.join(dir, name))),
      ...checkPackageFiles(dir),
    ];
    if (more.length > 0) {
      broken.push({ id, dir, errors: more });
      continue;
    }
    cases.push({ id, dir, module: mod, moduleRel, importPath: `${mod.path}/${moduleRel}`, expect });
  }
  for (const [id, errors] of checkTwins(cases)) {
    const i = cases.findIndex((c) => c.id === id);
    const [c] = cases.splice(i, 1);
    broken.push({ id, dir: c!.dir, errors });
  }
  broken.sort((a, b) => compareIds(a.id, b.id));
  return { cases, broken };
}

function checkPackageFiles(dir: string): string[] {
  const names = fs.readdirSync(dir);
  const errors: string[] = [];
  if (!names.some((n) => n.endsWith('.go') && !n.endsWith('_test.go'))) errors.push('no Go source file');
  if (!names.some((n) => n.endsWith('_test.go'))) errors.push('no _test.go file to prove the label');
  return errors;
}

function findCaseDirs(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareIds(a.name, b.name));
    if (entries.some((e) => e.isFile() && e.name === 'expect.json')) found.push(dir);
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'testdata') walk(path.join(dir, e.name));
    }
  };
  walk(root);
  return found.sort((a, b) => compareIds(a, b));
}

function moduleFor(dir: string, root: string, cache: Map<string, CorpusModule | null>): CorpusModule | null {
  for (let d = dir; ; d = path.dirname(d)) {
    if (!cache.has(d)) {
      const text = readIfExists(path.join(d, 'go.mod'));
      const modPath = text === undefined ? undefined : modulePathOf(text);
      cache.set(d, modPath ? { dir: d, path: modPath } : null);
    }
    const hit = cache.get(d);
    if (hit) return hit;
    if (d === root || path.dirname(d) === d) return null;
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function toSlash(p: string): string {
  return p.split(path.sep).join('/');
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
