import type { PdfObject } from './objects';

/**
 * Whether two parsed objects mean the same thing (§7.3): same type and value, strings compared by
 * their bytes (literal or hex alike), dictionaries by their entries in any order, references by
 * number and generation (not followed), streams by their dictionary (without /Length) and their
 * raw data. `bytesA`/`bytesB` are the files the two objects were parsed from (stream data offsets
 * point into them). Nesting is bounded by the parser, so the recursion is too.
 */
export function samePdfObject(a: PdfObject | undefined, bytesA: Buffer, b: PdfObject | undefined, bytesB: Buffer): boolean {
  if (a === undefined || b === undefined || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'name':
      return a.value === (b as typeof a).value;
    case 'string':
      return a.bytes.equals((b as typeof a).bytes);
    case 'ref':
      return a.num === (b as typeof a).num && a.gen === (b as typeof a).gen;
    case 'array': {
      const other = b as typeof a;
      return a.items.length === other.items.length && a.items.every((item, i) => samePdfObject(item, bytesA, other.items[i], bytesB));
    }
    case 'dict':
      return sameEntries(a.entries, bytesA, (b as typeof a).entries, bytesB);
    case 'stream': {
      const other = b as typeof a;
      const dataA = bytesA.subarray(a.dataStart, a.dataEnd);
      const dataB = bytesB.subarray(other.dataStart, other.dataEnd);
      return dataA.equals(dataB) && sameEntries(a.dict.entries, bytesA, other.dict.entries, bytesB, 'Length');
    }
  }
}

function sameEntries(
  a: ReadonlyMap<string, PdfObject>,
  bytesA: Buffer,
  b: ReadonlyMap<string, PdfObject>,
  bytesB: Buffer,
  ignored?: string,
): boolean {
  const keys = (map: ReadonlyMap<string, PdfObject>): string[] => [...map.keys()].filter((key) => key !== ignored);
  const keysA = keys(a);
  if (keysA.length !== keys(b).length) return false;
  return keysA.every((key) => b.has(key) && samePdfObject(a.get(key), bytesA, b.get(key), bytesB));
}
