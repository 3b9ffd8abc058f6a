/**
 * Hand-built Go types for the layout tests, and a printer that writes them back as Go
 * source so the same types can be measured by the real toolchain.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UNKNOWN, basic, type BasicName, type NamedType, type StructType, type Type, type TypeDecl } from '../../src/model/types.js';

/** Package path of the user types the tests declare (printed as package main). */
export const USER_PKG = 'example.com/m';

export function decl(name: string, underlying: Type, typeParams: string[] = [], pkgPath = USER_PKG): TypeDecl {
  return { pkgPath, name, underlying, typeParams, file: null, span: null };
}
export function named(d: TypeDecl, ...args: Type[]): NamedType {
  return { kind: 'named', decl: d, args };
}
export const b = (n: BasicName): Type => basic(n);
/** A field is [name, type]; a bare type is an embedded field. */
export function struct(...fields: Array<[string, Type] | Type>): StructType {
  return {
    kind: 'struct',
    fields: fields.map((f) =>
      Array.isArray(f) ? { name: f[0], type: f[1], embedded: false, span: null } : { name: '', type: f, embedded: true, span: null },
    ),
  };
}
export const arr = (len: number | null, elem: Type): Type => ({ kind: 'array', len, elem });
export const ptr = (elem: Type): Type => ({ kind: 'pointer', elem });
export const slice = (elem: Type): Type => ({ kind: 'slice', elem });
export const tparam = (name: string): Type => ({ kind: 'typeparam', name, constraint: { kind: 'interface', methods: [], embeds: [] } });
export const anyT: Type = { kind: 'interface', methods: [], embeds: [] };

/** An opaque standard-library type, as the model presents it. */
export function std(pkgPath: string, name: string, typeParams: string[] = []): TypeDecl {
  return decl(name, UNKNOWN, typeParams, pkgPath);
}
export const STD = {
  Mutex: named(std('sync', 'Mutex')),
  RWMutex: named(std('sync', 'RWMutex')),
  WaitGroup: named(std('sync', 'WaitGroup')),
  Once: named(std('sync', 'Once')),
  AtomicInt64: named(std('sync/atomic', 'Int64')),
  AtomicUint32: named(std('sync/atomic', 'Uint32')),
  AtomicValue: named(std('sync/atomic', 'Value')),
  Time: named(std('time', 'Time')),
  Buffer: named(std('bytes', 'Buffer')),
};

/** Go source for a type, with user types named bare and standard-library types by package. */
export function goType(t: Type): string {
  switch (t.kind) {
    case 'basic': return t.name;
    case 'named': {
      const pkg = t.decl.pkgPath;
      const base = pkg === USER_PKG || pkg === '' ? t.decl.name : `${pkg.split('/').pop()}.${t.decl.name}`;
      return t.args.length ? `${base}[${t.args.map(goType).join(', ')}]` : base;
    }
    case 'pointer': return `*${goType(t.elem)}`;
    case 'slice': return `[]${goType(t.elem)}`;
    case 'array': return `[${t.len}]${goType(t.elem)}`;
    case 'map': return `map[${goType(t.key)}]${goType(t.value)}`;
    case 'chan': return `chan ${goType(t.elem)}`;
    case 'struct': return `struct { ${t.fields.map((f) => (f.embedded ? goType(f.type) : `${f.name} ${goType(f.type)}`)).join('; ')} }`;
    case 'func': return `func(${t.sig.params.map(goType).join(', ')})`;
    case 'interface': return t.methods.length === 0 ? 'any' : `interface { ${t.methods.map((m) => `${m.name}()`).join('; ')} }`;
    case 'typeparam': return t.name;
    default: throw new Error(`cannot print ${t.kind}`);
  }
}

/** `type Name[T any] underlying` for a user declaration. */
export function goDecl(d: TypeDecl): string {
  const params = d.typeParams.length ? `[${d.typeParams.map((p) => `${p} any`).join(', ')}]` : '';
  return `type ${d.name}${params} ${goType(d.underlying)}`;
}

/** The installed Go toolchain's version ("1.26"), or null when `go` is not on PATH. */
export function installedGo(): string | null {
  try {
    const v = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const m = /^go(\d+)\.(\d+)/.exec(v);
    return m ? `${m[1]}.${m[2]}` : null;
  } catch {
    return null;
  }
}

/** True when this machine can run both 386 and amd64 binaries (an amd64 Linux or Windows host). */
export function canRun386(): boolean {
  try {
    const out = execFileSync('go', ['env', 'GOHOSTOS', 'GOHOSTARCH'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [os, arch] = out.trim().split(/\s+/);
    return arch === 'amd64' && (os === 'linux' || os === 'windows');
  } catch {
    return false;
  }
}

/** Runs a main package for a GOARCH and returns its stdout. */
export function runGo(source: string, goarch: '386' | 'amd64', goVersion: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'goconc-layout-'));
  try {
    writeFileSync(join(dir, 'go.mod'), `module example.com/m\n\ngo ${goVersion}\n`);
    writeFileSync(join(dir, 'main.go'), source);
    return execFileSync('go', ['run', '.'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GOARCH: goarch, CGO_ENABLED: '0', GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 180_000,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
