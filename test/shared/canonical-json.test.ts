import { expect, test } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';

test('keys are sorted at every depth; undefined is dropped; a "__proto__" key is kept as a key', () => {
  expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  const hostile = JSON.parse('{"__proto__":{"admin":true},"x":1}') as unknown;
  expect(canonicalJson(hostile)).toBe('{"__proto__":{"admin":true},"x":1}');
  expect(canonicalJson(hostile)).not.toBe(canonicalJson({ x: 1 }));
});
