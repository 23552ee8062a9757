/**
 * The PDF object model (ISO 32000-1 §7.3) as our parser produces it. Composite values remember
 * where they sit in the file (`start` inclusive, `end` exclusive) so the verifier can check that a
 * signature's /Contents string is exactly the gap its /ByteRange leaves.
 */
export type PdfObject = null | boolean | number | PdfName | PdfString | PdfArray | PdfDict | PdfRef | PdfStream;

export interface PdfName {
  readonly kind: 'name';
  /** The decoded name without the leading slash (`#xx` escapes resolved). */
  readonly value: string;
}

export interface PdfString {
  readonly kind: 'string';
  readonly bytes: Buffer;
  readonly hex: boolean;
  readonly start: number;
  readonly end: number;
}

export interface PdfArray {
  readonly kind: 'array';
  readonly items: PdfObject[];
  readonly start: number;
  readonly end: number;
}

export interface PdfDict {
  readonly kind: 'dict';
  readonly entries: Map<string, PdfObject>;
  readonly start: number;
  readonly end: number;
}

export interface PdfRef {
  readonly kind: 'ref';
  readonly num: number;
  readonly gen: number;
}

export interface PdfStream {
  readonly kind: 'stream';
  readonly dict: PdfDict;
  /** Offsets of the raw (still encoded) stream data in the file. */
  readonly dataStart: number;
  readonly dataEnd: number;
}

/** Constructors and type guards for building and reading objects. */
export const pdfName = (value: string): PdfName => ({ kind: 'name', value });
export const pdfRef = (num: number, gen = 0): PdfRef => ({ kind: 'ref', num, gen });

/** A dictionary built in memory (positions are meaningless for objects we write). */
export function pdfDict(entries: Iterable<[string, PdfObject]>): PdfDict {
  return { kind: 'dict', entries: new Map(entries), start: -1, end: -1 };
}

export function pdfArray(items: PdfObject[]): PdfArray {
  return { kind: 'array', items, start: -1, end: -1 };
}

export function pdfString(bytes: Buffer, hex = true): PdfString {
  return { kind: 'string', bytes, hex, start: -1, end: -1 };
}

export const isName = (o: PdfObject | undefined, value?: string): o is PdfName =>
  typeof o === 'object' && o !== null && o.kind === 'name' && (value === undefined || o.value === value);
export const isDict = (o: PdfObject | undefined): o is PdfDict => typeof o === 'object' && o !== null && o.kind === 'dict';
export const isArray = (o: PdfObject | undefined): o is PdfArray =>
  typeof o === 'object' && o !== null && o.kind === 'array';
export const isRef = (o: PdfObject | undefined): o is PdfRef => typeof o === 'object' && o !== null && o.kind === 'ref';
export const isString = (o: PdfObject | undefined): o is PdfString =>
  typeof o === 'object' && o !== null && o.kind === 'string';
export const isStream = (o: PdfObject | undefined): o is PdfStream =>
  typeof o === 'object' && o !== null && o.kind === 'stream';
export const isInteger = (o: PdfObject | undefined): o is number => typeof o === 'number' && Number.isSafeInteger(o);
