import type { PdfObject } from './objects';

const NAME_PLAIN = /^[\x21-\x7e]$/;
const NAME_DELIMITERS = new Set([...'()<>[]{}/%#']);

/** A number as PDF syntax: no exponent, no more than 10 decimals (§7.3.3). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} in a PDF.`);
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 10 });
}

function formatName(name: string): string {
  let out = '/';
  for (const char of name) {
    const code = char.charCodeAt(0);
    out += NAME_PLAIN.test(char) && !NAME_DELIMITERS.has(char) ? char : `#${code.toString(16).padStart(2, '0')}`;
  }
  return out;
}

function formatLiteral(bytes: Buffer): string {
  let out = '(';
  for (const byte of bytes) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 0x20 || byte > 0x7e) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

/** Writes a direct object in PDF syntax (Latin-1 string; streams are written by their owners). */
export function serialize(object: PdfObject): string {
  if (object === null) return 'null';
  if (typeof object === 'boolean') return object ? 'true' : 'false';
  if (typeof object === 'number') return formatNumber(object);
  switch (object.kind) {
    case 'name':
      return formatName(object.value);
    case 'string':
      return object.hex ? `<${object.bytes.toString('hex').toUpperCase()}>` : formatLiteral(object.bytes);
    case 'array':
      return `[${object.items.map(serialize).join(' ')}]`;
    case 'dict':
      return `<<${[...object.entries].map(([key, value]) => `${formatName(key)} ${serialize(value)}`).join(' ')}>>`;
    case 'ref':
      return `${object.num} ${object.gen} R`;
    case 'stream':
      throw new TypeError('A stream cannot be written as a direct object.');
  }
}
