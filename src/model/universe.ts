/** Go's universe scope: predeclared types, constants, nil and builtin functions. */
import type { Obj } from './objects.js';
import { basic, type BasicName, type Type, type TypeDecl } from './types.js';

const BASIC_NAMES: BasicName[] = [
  'bool', 'int', 'int8', 'int16', 'int32', 'int64',
  'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
  'float32', 'float64', 'complex64', 'complex128', 'string',
];

/** `error` is a named interface type declared in the universe. */
export const ERROR_DECL: TypeDecl = {
  pkgPath: '',
  name: 'error',
  underlying: {
    kind: 'interface',
    methods: [{ name: 'Error', sig: { params: [], results: [basic('string')], variadic: false } }],
    embeds: [],
  },
  typeParams: [],
  file: null,
  span: null,
};
export const ERROR_TYPE: Type = { kind: 'named', decl: ERROR_DECL, args: [] };
export const EMPTY_INTERFACE: Type = { kind: 'interface', methods: [], embeds: [] };

const BUILTIN_FUNCS = [
  'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make',
  'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover',
];

export const UNIVERSE: Map<string, Obj> = (() => {
  const m = new Map<string, Obj>();
  for (const n of BASIC_NAMES) m.set(n, { kind: 'type', type: basic(n) });
  m.set('byte', { kind: 'type', type: basic('uint8') });
  m.set('rune', { kind: 'type', type: basic('int32') });
  m.set('any', { kind: 'type', type: EMPTY_INTERFACE });
  m.set('comparable', { kind: 'type', type: { kind: 'interface', methods: [], embeds: [] } });
  m.set('error', { kind: 'type', type: ERROR_TYPE });
  m.set('true', { kind: 'const', name: 'true', type: basic('untyped bool'), pkgPath: '', value: null });
  m.set('false', { kind: 'const', name: 'false', type: basic('untyped bool'), pkgPath: '', value: null });
  m.set('iota', { kind: 'const', name: 'iota', type: basic('untyped int'), pkgPath: '', value: null });
  m.set('nil', { kind: 'const', name: 'nil', type: basic('untyped nil'), pkgPath: '', value: null });
  for (const f of BUILTIN_FUNCS) m.set(f, { kind: 'builtin', name: f });
  return m;
})();
