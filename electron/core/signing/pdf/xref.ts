import { SigningError } from '../errors';
import { isDict, isInteger, type PdfDict } from './objects';
import { PdfParser } from './parser';

/** Where an in-use object lives, or `free` when a newer section deleted it. */
export type XrefEntry = { readonly offset: number; readonly gen: number } | 'free';

/** Object number → entry, as one revision (or the whole file) sees it. */
export interface XrefEntries {
  get(num: number): XrefEntry | undefined;
  keys(): Iterable<number>;
}

/** The merged cross-reference table of every revision (newest wins) and the newest trailer. */
export interface XrefTable {
  readonly entries: XrefEntries;
  readonly trailer: PdfDict;
  /** Offset of the newest xref section (what the last `startxref` points at). */
  readonly startxref: number;
}

/** One cross-reference section (§7.5.4) with its trailer: what one revision defined or freed. */
export interface XrefSection {
  /** Offset of the `xref` keyword. */
  readonly offset: number;
  readonly entries: ReadonlyMap<number, XrefEntry>;
  readonly trailer: PdfDict;
  /** Just after the trailer dictionary, where `startxref` follows. */
  readonly trailerEnd: number;
}

/** More revisions than this is a loop or an attack, not a document. */
const MAX_SECTIONS = 4096;
/** The smallest possible xref entry ("0 0 n" plus an end of line): bounds a hostile count. */
const MIN_ENTRY_BYTES = 6;

const invalid = (message: string): SigningError => new SigningError('invalid-pdf', `Malformed PDF: ${message}.`);

/** The offset after the last `startxref` keyword. */
export function findStartXref(pdf: Buffer): number {
  const at = pdf.lastIndexOf('startxref');
  if (at < 0) throw invalid('no "startxref" found (not a PDF, or truncated)');
  const parser = new PdfParser(pdf, at + 'startxref'.length);
  const offset = parser.readUnsignedInteger();
  if (offset >= pdf.length) throw invalid('"startxref" points past the end of the file');
  return offset;
}

/**
 * The classic cross-reference sections (§7.5.4) from the last `startxref` back through every
 * /Prev, newest first. Cross-reference streams (PDF 1.5) are refused as `unsupported`: pdfkit and
 * our own incremental updates never write them.
 */
export function readXrefSections(pdf: Buffer): XrefSection[] {
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  let offset: number | undefined = findStartXref(pdf);
  while (offset !== undefined) {
    if (seen.has(offset)) throw invalid('cross-reference sections form a loop');
    if (seen.size >= MAX_SECTIONS) throw invalid('too many cross-reference sections');
    seen.add(offset);
    const section = readSection(pdf, offset);
    sections.push(section);
    const prev = section.trailer.entries.get('Prev');
    if (prev !== undefined && !(isInteger(prev) && prev >= 0 && prev < pdf.length)) throw invalid('bad /Prev in a trailer');
    offset = prev;
  }
  return sections;
}

/** Reads every section and merges them: the newest entry for each object wins. */
export function readXref(pdf: Buffer): XrefTable {
  const sections = readXrefSections(pdf);
  const entries = new Map<number, XrefEntry>();
  for (const section of sections) for (const [num, entry] of section.entries) if (!entries.has(num)) entries.set(num, entry);
  return { entries, trailer: sections[0]!.trailer, startxref: sections[0]!.offset };
}

function readSection(pdf: Buffer, offset: number): XrefSection {
  const parser = new PdfParser(pdf, offset);
  const keyword = parser.readToken();
  if (keyword !== 'xref') {
    if (/^\d+$/.test(keyword)) {
      throw new SigningError('unsupported', 'This PDF uses cross-reference streams, which are not supported.');
    }
    throw invalid(`no cross-reference table at byte ${offset}`);
  }
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    const save = parser.pos;
    const token = parser.readToken();
    if (token === 'trailer') break;
    parser.pos = save;
    const first = parser.readUnsignedInteger();
    const count = parser.readUnsignedInteger();
    if (count > (pdf.length - parser.pos) / MIN_ENTRY_BYTES) throw invalid('cross-reference subsection larger than the file');
    for (let i = 0; i < count; i++) {
      const entryOffset = parser.readUnsignedInteger();
      const gen = parser.readUnsignedInteger();
      const type = parser.readEntryType();
      const num = first + i;
      if (!Number.isSafeInteger(num)) throw invalid('object number out of range');
      if (type === 'n') {
        if (entryOffset >= pdf.length) throw invalid(`object ${num} points past the end of the file`);
        if (!entries.has(num)) entries.set(num, { offset: entryOffset, gen });
      } else if (type === 'f') {
        if (!entries.has(num)) entries.set(num, 'free');
      } else throw invalid(`bad cross-reference entry for object ${num}`);
    }
  }
  const trailer = parser.parseObject();
  if (!isDict(trailer)) throw invalid('trailer is not a dictionary');
  if (trailer.entries.has('XRefStm')) {
    throw new SigningError('unsupported', 'This PDF uses hybrid cross-reference streams, which are not supported.');
  }
  return { offset, entries, trailer, trailerEnd: parser.pos };
}
