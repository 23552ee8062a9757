import fc from 'fast-check';

/** One seed for every fuzz run: a failure is replayed by running the suite again. */
export const FUZZ_SEED = 20261123;

/** Nesting deeper than any recursive walker without a limit survives. */
function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** An object with an own `__proto__` key, as JSON.parse makes it (a literal `__proto__:` would set the prototype). */
export const protoKeyed = (value: unknown): Record<string, unknown> => JSON.parse(`{"__proto__": ${JSON.stringify(value) ?? 'null'}}`) as Record<string, unknown>;

/** Values that break careless code: number edge cases, huge and hostile strings, deep nesting, prototype tricks. */
export const nasty: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  NaN,
  Infinity,
  -Infinity,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  -1,
  1e308,
  0.5,
  '',
  ' ',
  '\u0000',
  '\u202e\u2066evil',
  'x'.repeat(1_000_000),
  '../../../../etc/passwd',
  'C:\\Windows\\win.ini',
  '__proto__',
  'constructor',
  "'; DROP TABLE projects; --",
  '=cmd|"/c calc"!A1',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  null,
  undefined,
  true,
  false,
  [],
  {},
  Object.create(null) as unknown,
  protoKeyed({ polluted: true }),
  { constructor: { prototype: { polluted: true } } },
  nested(5_000),
  new Array(100_000).fill('a'),
  Symbol('s'),
  () => 'function',
  new Date(NaN),
  BigInt(1),
);

/** Any value: fast-check's own, with null-prototype and odd objects, or one of the nasty ones. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.double(),
  fc.integer(),
);

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'isAdmin', ''];

/**
 * Inputs near a valid one: the valid input itself, a field dropped, a field replaced by any value,
 * an extra (often hostile) key, the same one level deeper, or something else entirely.
 */
export function mutationsOf(seed: unknown, depth = 2): fc.Arbitrary<unknown> {
  if (!isPlainObject(seed)) return fc.oneof(fc.constant(seed), anyValue);
  const keys = Object.keys(seed);
  const options: fc.Arbitrary<unknown>[] = [
    fc.constant(seed),
    anyValue,
    fc.tuple(fc.constantFrom(...HOSTILE_KEYS), anyValue).map(([k, v]) => (k === '__proto__' ? { ...seed, ...protoKeyed(v) } : { ...seed, [k]: v })),
  ];
  if (keys.length) {
    options.push(fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(seed).filter(([key]) => key !== k))));
    options.push(fc.tuple(fc.constantFrom(...keys), anyValue).map(([k, v]) => ({ ...seed, [k]: v })));
    const objects = keys.filter((k) => isPlainObject(seed[k]) || Array.isArray(seed[k]));
    if (objects.length && depth > 0) {
      options.push(fc.constantFrom(...objects).chain((k) => mutationsOf(seed[k], depth - 1).map((v) => ({ ...seed, [k]: v }))));
    }
  }
  return fc.oneof(...options);
}

/** True while nothing has been added to Object.prototype (a polluted prototype leaks into every object). */
export function prototypeIsClean(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe.polluted === undefined && Object.keys(Object.prototype).length === 0;
}
