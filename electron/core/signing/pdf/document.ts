import { inflateSync } from 'node:zlib';
import { SigningError } from '../errors';
import {
  isArray,
  isDict,
  isInteger,
  isName,
  isRef,
  type PdfDict,
  type PdfObject,
  type PdfRef,
  type PdfStream,
} from './objects';
import { PdfParser, type IndirectObject } from './parser';
import { readXref, type XrefTable } from './xref';

/** A page tree deeper or larger than this is hostile. */
const MAX_TREE_DEPTH = 64;
const MAX_PAGES = 100_000;
/** A chain of references to references longer than this is a loop. */
const MAX_REF_CHAIN = 16;

const invalid = (message: string): SigningError => new SigningError('invalid-pdf', `Malformed PDF: ${message}.`);

/**
 * Random access to the objects of a PDF through its cross-reference table. Objects are parsed on
 * first use and cached; every reference is checked against the table, so a hostile file can make
 * us throw `invalid-pdf` but never read outside the buffer or loop.
 */
export class PdfDocument {
  private readonly cache = new Map<number, IndirectObject>();
  private readonly inProgress = new Set<number>();

  private constructor(
    readonly bytes: Buffer,
    readonly xref: XrefTable,
    /** Objects already parsed by another revision of the same file, by offset. */
    private readonly shared: Map<number, IndirectObject>,
  ) {}

  /** Reads the cross-reference table; objects are parsed lazily. */
  static parse(bytes: Buffer): PdfDocument {
    if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw invalid('no "%PDF-" header');
    return new PdfDocument(bytes, readXref(bytes), new Map());
  }

  /**
   * One revision of a file: `bytes` is the file up to that revision's end (so nothing after it
   * can be read), `xref` its table. Revisions of one file pass the same `shared` map, so an object
   * is parsed once for all of them.
   */
  static ofRevision(bytes: Buffer, xref: XrefTable, shared: Map<number, IndirectObject>): PdfDocument {
    return new PdfDocument(bytes, xref, shared);
  }

  get trailer(): PdfDict {
    return this.xref.trailer;
  }

  /** The number the next new object gets: one past the highest used, whatever /Size claims. */
  nextObjectNumber(): number {
    const size = this.trailer.entries.get('Size');
    let next = isInteger(size) ? size : 1;
    for (const num of this.xref.entries.keys()) next = Math.max(next, num + 1);
    return next;
  }

  /** The object with that number; `null` when free or absent, as §7.3.10 prescribes. */
  getObject(num: number): PdfObject {
    return this.getIndirectObject(num)?.value ?? null;
  }

  /** The object with that number and where it sits in the file; `null` when free or absent. */
  getIndirectObject(num: number): IndirectObject | null {
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    const entry = this.xref.entries.get(num);
    if (entry === undefined || entry === 'free') return null;
    const known = this.shared.get(entry.offset);
    // The same bytes parse the same, as long as they lie inside this revision.
    if (known !== undefined && known.end <= this.bytes.length && known.num === num && known.gen === entry.gen) {
      this.cache.set(num, known);
      return known;
    }
    if (this.inProgress.has(num)) throw invalid(`object ${num} depends on itself`);
    this.inProgress.add(num);
    try {
      // A stream whose /Length is another object may read differently in another revision.
      let lengthFromXref = false;
      const parser = new PdfParser(this.bytes, entry.offset, (ref) => {
        lengthFromXref = true;
        return this.resolveLength(ref);
      });
      const object = parser.parseIndirectObject();
      if (object.num !== num || object.gen !== entry.gen) {
        throw invalid(`cross-reference entry for object ${num} points at object ${object.num} ${object.gen}`);
      }
      this.cache.set(num, object);
      if (!lengthFromXref) this.shared.set(entry.offset, object);
      return object;
    } finally {
      this.inProgress.delete(num);
    }
  }

  private resolveLength(ref: PdfRef): number {
    const value = this.resolve(ref);
    if (!isInteger(value)) throw invalid(`stream length ${ref.num} ${ref.gen} R is not an integer`);
    return value;
  }

  /** Follows references until a direct object. */
  resolve(object: PdfObject | undefined): PdfObject {
    let current: PdfObject | undefined = object;
    for (let i = 0; isRef(current); i++) {
      if (i >= MAX_REF_CHAIN) throw invalid('reference chain too long');
      const entry = this.xref.entries.get(current.num);
      // A reference whose generation does not match the table points at nothing (§7.3.10).
      if (entry === undefined || entry === 'free' || entry.gen !== current.gen) return null;
      current = this.getObject(current.num);
    }
    return current ?? null;
  }

  /** `resolve` that insists on a dictionary. */
  resolveDict(object: PdfObject | undefined, what: string): PdfDict {
    const value = this.resolve(object);
    if (!isDict(value)) throw invalid(`${what} is not a dictionary`);
    return value;
  }

  /** The document catalog (/Root). */
  catalog(): PdfDict {
    return this.resolveDict(this.trailer.entries.get('Root'), 'the document catalog');
  }

  /** References to every page, in order, walking the page tree without trusting its shape. */
  pageRefs(): PdfRef[] {
    const root = this.catalog().entries.get('Pages');
    if (!isRef(root)) throw invalid('the catalog has no /Pages reference');
    const pages: PdfRef[] = [];
    const visited = new Set<number>();
    const walk = (ref: PdfRef, depth: number): void => {
      if (depth > MAX_TREE_DEPTH || visited.has(ref.num)) throw invalid('page tree loops or is too deep');
      visited.add(ref.num);
      const node = this.resolveDict(ref, `page tree node ${ref.num}`);
      if (isName(node.entries.get('Type'), 'Page')) {
        if (pages.length >= MAX_PAGES) throw invalid('too many pages');
        pages.push(ref);
        return;
      }
      const kids = this.resolve(node.entries.get('Kids'));
      if (!isArray(kids)) throw invalid(`page tree node ${ref.num} has no /Kids`);
      for (const kid of kids.items) {
        if (!isRef(kid)) throw invalid('page tree kid is not a reference');
        walk(kid, depth + 1);
      }
    };
    walk(root, 0);
    return pages;
  }

  /**
   * The decoded data of a stream. Only unfiltered and plain FlateDecode streams are supported
   * (what pdfkit writes for attachments); `maxBytes` caps the output against zip bombs.
   */
  streamData(stream: PdfStream, maxBytes: number): Buffer {
    const raw = this.bytes.subarray(stream.dataStart, stream.dataEnd);
    const filter = this.resolve(stream.dict.entries.get('Filter'));
    const filters = filter === null ? [] : isArray(filter) ? filter.items : [filter];
    if (filters.length === 0) {
      if (raw.length > maxBytes) throw invalid('stream larger than allowed');
      return Buffer.from(raw);
    }
    if (filters.length > 1 || !isName(filters[0], 'FlateDecode')) {
      throw new SigningError('unsupported', 'Only FlateDecode streams are supported.');
    }
    const parms = this.resolve(stream.dict.entries.get('DecodeParms'));
    const parmsDict = isArray(parms) ? this.resolve(parms.items[0]) : parms;
    if (isDict(parmsDict) && (this.resolve(parmsDict.entries.get('Predictor')) ?? 1) !== 1) {
      throw new SigningError('unsupported', 'FlateDecode predictors are not supported.');
    }
    try {
      return inflateSync(raw, { maxOutputLength: Math.max(1, maxBytes) });
    } catch (error) {
      const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      const message = tooLarge ? 'a compressed stream is larger than allowed' : 'a compressed stream cannot be decoded';
      throw new SigningError('invalid-pdf', `Malformed PDF: ${message}.`, { cause: error });
    }
  }
}
