import { SigningError } from '../errors';
import { isInteger, isRef, type PdfDict, type PdfObject, type PdfRef } from './objects';

/** Byte classes (§7.2.2), looked up by byte value: 1 whitespace, 2 delimiter, 0 regular. */
const CLASS = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[byte] = 1;
for (const char of '()<>[]{}/%') CLASS[char.charCodeAt(0)] = 2;
/** Deeper nesting than this is hostile, not a document: it would only exhaust the stack. */
const MAX_DEPTH = 64;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
/** Digits beyond this make an integer unsafe; longer runs are still read (as a float, or refused). */
const MAX_SAFE_DIGITS = 15;

const isWhitespace = (byte: number): boolean => CLASS[byte] === 1;
const isRegular = (byte: number): boolean => CLASS[byte] === 0;
const isDigit = (byte: number): boolean => byte >= 0x30 && byte <= 0x39;
const hexValue = (byte: number): number =>
  byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66 ? (byte | 0x20) - 0x57 : -1;

/** Resolves an indirect /Length of a stream; supplied by the document, which knows the xref. */
export type LengthResolver = (ref: PdfRef) => number;

/** An indirect object (`num gen obj … endobj`) and where it sits in the file. */
export interface IndirectObject {
  readonly num: number;
  readonly gen: number;
  readonly value: PdfObject;
  readonly start: number;
  readonly end: number;
}

/**
 * A strict, bounded parser for PDF objects (ISO 32000-1 §7.2–7.3). It trusts nothing: every
 * offset is checked against the buffer, nesting is capped and any surprise is an `invalid-pdf`
 * error naming the byte offset, never an out-of-range read or a stack overflow.
 */
export class PdfParser {
  constructor(
    private readonly buf: Buffer,
    public pos: number,
    private readonly resolveLength?: LengthResolver,
  ) {}

  private fail(message: string): never {
    throw new SigningError('invalid-pdf', `Malformed PDF: ${message} at byte ${this.pos}.`);
  }

  /** Skips whitespace and comments. */
  private skipWhitespace(): void {
    const { buf } = this;
    while (this.pos < buf.length) {
      const byte = buf[this.pos]!;
      if (isWhitespace(byte)) this.pos++;
      else if (byte === 0x25 /* % */) {
        while (this.pos < buf.length && buf[this.pos] !== 0x0a && buf[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  /** Reads a run of regular characters (a number or keyword) without interpreting it. */
  readToken(): string {
    this.skipWhitespace();
    const start = this.pos;
    while (this.pos < this.buf.length && isRegular(this.buf[this.pos]!)) this.pos++;
    return this.buf.toString('latin1', start, this.pos);
  }

  private expectKeyword(keyword: string): void {
    const token = this.readToken();
    if (token !== keyword) this.fail(`expected "${keyword}" but found "${token.slice(0, 20)}"`);
  }

  /** Reads a non-negative integer token (object numbers, offsets, counts). */
  readUnsignedInteger(): number {
    this.skipWhitespace();
    const value = this.digits();
    if (value === undefined || (this.pos < this.buf.length && isRegular(this.buf[this.pos]!))) {
      const token = this.readToken();
      this.fail(`expected an integer, found "${token.slice(0, 20)}"`);
    }
    return value;
  }

  /** The `n` or `f` of a cross-reference entry, without making a string; anything else is returned as read. */
  readEntryType(): string {
    this.skipWhitespace();
    const byte = this.buf[this.pos];
    const next = this.buf[this.pos + 1];
    if ((byte === 0x6e || byte === 0x66) && (next === undefined || !isRegular(next))) {
      this.pos++;
      return byte === 0x6e ? 'n' : 'f';
    }
    return this.readToken();
  }

  /**
   * Reads a run of digits at the current position as a safe integer, without making a string;
   * `undefined` (position unchanged) when there is none or it is too long to be exact.
   */
  private digits(): number | undefined {
    const { buf } = this;
    const start = this.pos;
    let value = 0;
    let end = start;
    while (end < buf.length && isDigit(buf[end]!)) value = value * 10 + (buf[end++]! - 0x30);
    if (end === start || end - start > MAX_SAFE_DIGITS) return undefined;
    this.pos = end;
    return value;
  }

  /** Parses one direct object at the current position. */
  parseObject(depth = 0): PdfObject {
    if (depth > MAX_DEPTH) this.fail('objects nested too deeply');
    this.skipWhitespace();
    const { buf } = this;
    if (this.pos >= buf.length) this.fail('unexpected end of file');
    const byte = buf[this.pos]!;
    if (byte === 0x2f /* / */) return { kind: 'name', value: this.parseName() };
    if (byte === 0x28 /* ( */) return this.parseLiteralString();
    if (byte === 0x3c /* < */) return buf[this.pos + 1] === 0x3c ? this.parseDict(depth) : this.parseHexString();
    if (byte === 0x5b /* [ */) return this.parseArray(depth);
    if (!isRegular(byte)) this.fail(`unexpected "${String.fromCharCode(byte)}"`);
    if (isDigit(byte)) {
      // The common case, an unsigned integer (maybe the start of a reference), read without a string.
      const start = this.pos;
      const value = this.digits();
      if (value !== undefined && (this.pos >= buf.length || !isRegular(buf[this.pos]!))) return this.maybeReference(value);
      this.pos = start;
    }
    const token = this.readToken();
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token === 'null') return null;
    if (!NUMBER.test(token)) this.fail(`unexpected token "${token.slice(0, 20)}"`);
    const value = Number(token);
    if (!Number.isFinite(value)) this.fail('number out of range');
    return value;
  }

  /** `num gen R` is a reference; anything else leaves the integer alone. */
  private maybeReference(num: number): PdfObject {
    const { buf } = this;
    const save = this.pos;
    this.skipWhitespace();
    const gen = this.digits();
    if (gen !== undefined && gen <= 65535 && this.pos < buf.length && isWhitespace(buf[this.pos]!)) {
      this.skipWhitespace();
      const next = buf[this.pos + 1];
      if (buf[this.pos] === 0x52 /* R */ && (next === undefined || !isRegular(next))) {
        this.pos++;
        return { kind: 'ref', num, gen };
      }
    }
    this.pos = save;
    return num;
  }

  private parseName(): string {
    const { buf } = this;
    this.pos++; // the slash
    const start = this.pos;
    let end = start;
    while (end < buf.length && isRegular(buf[end]!) && buf[end] !== 0x23) end++;
    if (end >= buf.length || !isRegular(buf[end]!)) {
      this.pos = end;
      return buf.toString('latin1', start, end); // no #xx escape: the bytes are the name
    }
    const bytes: number[] = [];
    while (this.pos < buf.length && isRegular(buf[this.pos]!)) {
      const byte = buf[this.pos]!;
      if (byte === 0x23 /* # */) {
        const hi = hexValue(buf[this.pos + 1] ?? -1);
        const lo = hexValue(buf[this.pos + 2] ?? -1);
        if (hi < 0 || lo < 0) this.fail('bad #xx escape in a name');
        bytes.push(hi * 16 + lo);
        this.pos += 3;
      } else {
        bytes.push(byte);
        this.pos++;
      }
    }
    return Buffer.from(bytes).toString('latin1');
  }

  private parseLiteralString(): PdfObject {
    const { buf } = this;
    const start = this.pos;
    this.pos++;
    const bytes: number[] = [];
    let depth = 1;
    for (;;) {
      if (this.pos >= buf.length) this.fail('unterminated string');
      const byte = buf[this.pos++]!;
      if (byte === 0x5c /* \ */) {
        if (this.pos >= buf.length) this.fail('unterminated string');
        const next = buf[this.pos++]!;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };
        if (next in simple) bytes.push(simple[next]!);
        else if (next >= 0x30 && next <= 0x37) {
          let value = next - 0x30;
          for (let i = 0; i < 2 && (buf[this.pos] ?? 0) >= 0x30 && (buf[this.pos] ?? 0) <= 0x37; i++) {
            value = value * 8 + (buf[this.pos++]! - 0x30);
          }
          bytes.push(value & 0xff);
        } else if (next === 0x0d) {
          if (buf[this.pos] === 0x0a) this.pos++; // a backslash before an end of line continues the line
        } else if (next !== 0x0a) bytes.push(next);
      } else if (byte === 0x28) {
        depth++;
        bytes.push(byte);
      } else if (byte === 0x29) {
        if (--depth === 0) break;
        bytes.push(byte);
      } else if (byte === 0x0d) {
        bytes.push(0x0a); // an unescaped end of line reads as a single LF (§7.3.4.2)
        if (buf[this.pos] === 0x0a) this.pos++;
      } else bytes.push(byte);
    }
    return { kind: 'string', bytes: Buffer.from(bytes), hex: false, start, end: this.pos };
  }

  private parseHexString(): PdfObject {
    const { buf } = this;
    const start = this.pos;
    this.pos++;
    const nibbles: number[] = [];
    for (;;) {
      if (this.pos >= buf.length) this.fail('unterminated hex string');
      const byte = buf[this.pos++]!;
      if (byte === 0x3e /* > */) break;
      if (isWhitespace(byte)) continue;
      const nibble = hexValue(byte);
      if (nibble < 0) this.fail('non-hex character in a hex string');
      nibbles.push(nibble);
    }
    if (nibbles.length % 2 === 1) nibbles.push(0);
    const bytes = Buffer.allocUnsafe(nibbles.length / 2); // every byte is written below
    for (let i = 0; i < bytes.length; i++) bytes[i] = nibbles[2 * i]! * 16 + nibbles[2 * i + 1]!;
    return { kind: 'string', bytes, hex: true, start, end: this.pos };
  }

  private parseArray(depth: number): PdfObject {
    const start = this.pos;
    this.pos++;
    const items: PdfObject[] = [];
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.buf.length) this.fail('unterminated array');
      if (this.buf[this.pos] === 0x5d /* ] */) break;
      items.push(this.parseObject(depth + 1));
    }
    this.pos++;
    return { kind: 'array', items, start, end: this.pos };
  }

  private parseDict(depth: number): PdfDict {
    const start = this.pos;
    this.pos += 2;
    const entries = new Map<string, PdfObject>();
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.buf.length) this.fail('unterminated dictionary');
      if (this.buf[this.pos] === 0x3e && this.buf[this.pos + 1] === 0x3e) break;
      if (this.buf[this.pos] !== 0x2f) this.fail('dictionary key is not a name');
      const key = this.parseName();
      // Two values for one key would let a reader and a verifier see different documents.
      if (entries.has(key)) this.fail(`duplicate key /${key}`);
      entries.set(key, this.parseObject(depth + 1));
    }
    this.pos += 2;
    return { kind: 'dict', entries, start, end: this.pos };
  }

  /** Parses `num gen obj … endobj` at the current position, including a stream body. */
  parseIndirectObject(): IndirectObject {
    this.skipWhitespace();
    const start = this.pos;
    const num = this.readUnsignedInteger();
    const gen = this.readUnsignedInteger();
    this.expectKeyword('obj');
    let value = this.parseObject();
    const afterValue = this.pos;
    const next = this.readToken();
    if (next === 'stream' && typeof value === 'object' && value?.kind === 'dict') {
      value = this.parseStreamBody(value);
      this.expectKeyword('endobj');
    } else if (next !== 'endobj') {
      this.pos = afterValue;
      this.fail(`expected "endobj" but found "${next.slice(0, 20)}"`);
    }
    return { num, gen, value, start, end: this.pos };
  }

  private parseStreamBody(dict: PdfDict): PdfObject {
    const { buf } = this;
    // The keyword is followed by CRLF or LF (§7.3.8.1); a lone CR would make the start ambiguous.
    if (buf[this.pos] === 0x0d && buf[this.pos + 1] === 0x0a) this.pos += 2;
    else if (buf[this.pos] === 0x0a) this.pos += 1;
    else this.fail('"stream" not followed by an end of line');
    const dataStart = this.pos;
    const lengthValue = dict.entries.get('Length');
    let length: number | undefined;
    if (isInteger(lengthValue)) length = lengthValue;
    else if (isRef(lengthValue) && this.resolveLength) length = this.resolveLength(lengthValue);
    if (length === undefined || length < 0 || dataStart + length > buf.length) this.fail('stream /Length missing or out of range');
    this.pos = dataStart + length;
    this.expectKeyword('endstream');
    return { kind: 'stream', dict, dataStart, dataEnd: dataStart + length };
  }
}
