import { SigningError } from '../errors';
import { PdfDocument } from './document';
import type { IndirectObject } from './parser';
import { readXrefSections, type XrefEntries, type XrefEntry, type XrefSection } from './xref';

/**
 * One revision of a PDF (ISO 32000-1 §7.5.6): the original document, or an incremental update
 * together with everything before it. `doc` reads the file as it stood at this revision: its
 * bytes end at the revision's `%%EOF`, so nothing written later can be seen through it.
 */
export interface PdfRevision {
  /** 1 for the original document, counting up in file order. */
  readonly number: number;
  /** Just after the revision's `%%EOF`. */
  readonly end: number;
  /** `end` plus the end-of-line that may follow `%%EOF`. */
  readonly endWithEol: number;
  /** The objects this revision defined or freed, and its trailer. */
  readonly section: XrefSection;
  readonly doc: PdfDocument;
}

/** A dossier has three or four revisions; more than this is not a document we can vouch for. */
export const MAX_REVISIONS = 64;

const invalid = (message: string): SigningError => new SigningError('invalid-pdf', `Malformed PDF: ${message}.`);
const WS = '[\\0\\t\\n\\f\\r ]';
const TAIL = new RegExp(`^${WS}*startxref${WS}+(\\d+)${WS}+%%EOF`);
/** Room for `startxref`, a ten-digit offset and `%%EOF` with generous whitespace. */
const TAIL_WINDOW = 96;

/**
 * Splits a PDF into its revisions, oldest first, following the cross-reference chain from the
 * last `startxref`. Each section must be followed by `startxref` naming itself and `%%EOF`, every
 * revision must start after the previous one ends, and every object a revision defines must lie
 * inside it. The revisions share one parse cache, so reading all of them costs about as much as
 * reading the file once.
 * @throws SigningError `invalid-pdf` (or `unsupported` for cross-reference streams).
 */
export function readRevisions(pdf: Buffer): PdfRevision[] {
  const sections = readXrefSections(pdf).reverse();
  if (sections.length > MAX_REVISIONS) throw invalid(`more than ${MAX_REVISIONS} revisions`);
  const versions = new Map<number, { revision: number; entry: XrefEntry }[]>();
  const shared = new Map<number, IndirectObject>();
  const revisions: PdfRevision[] = [];
  let previousEnd = 0;
  sections.forEach((section, index) => {
    const number = index + 1;
    if (section.offset < previousEnd) throw invalid(`revision ${number} does not follow revision ${index}`);
    const { end, endWithEol } = revisionEnd(pdf, section, number);
    for (const [num, entry] of section.entries) {
      if (entry !== 'free' && entry.offset >= end) throw invalid(`revision ${number} defines object ${num} after its end`);
      const list = versions.get(num) ?? [];
      list.push({ revision: number, entry });
      versions.set(num, list);
    }
    const xref = { entries: revisionEntries(versions, number), trailer: section.trailer, startxref: section.offset };
    revisions.push({ number, end, endWithEol, section, doc: PdfDocument.ofRevision(pdf.subarray(0, end), xref, shared) });
    previousEnd = endWithEol;
  });
  return revisions;
}

/** Where the revision of `section` ends: after `startxref <its offset> %%EOF`. */
function revisionEnd(pdf: Buffer, section: XrefSection, number: number): { end: number; endWithEol: number } {
  const tail = TAIL.exec(pdf.toString('latin1', section.trailerEnd, Math.min(pdf.length, section.trailerEnd + TAIL_WINDOW)));
  if (!tail || Number(tail[1]) !== section.offset) {
    throw invalid(`revision ${number} does not end with "startxref ${section.offset}" and "%%EOF"`);
  }
  const end = section.trailerEnd + tail[0].length;
  const eol = pdf[end] === 0x0d && pdf[end + 1] === 0x0a ? 2 : pdf[end] === 0x0d || pdf[end] === 0x0a ? 1 : 0;
  return { end, endWithEol: end + eol };
}

/** The table of one revision: for each object, its newest entry written up to that revision. */
function revisionEntries(versions: ReadonlyMap<number, readonly { revision: number; entry: XrefEntry }[]>, revision: number): XrefEntries {
  return {
    get(num) {
      const list = versions.get(num);
      if (list === undefined) return undefined;
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.revision <= revision) return list[i]!.entry;
      return undefined;
    },
    *keys() {
      for (const [num, list] of versions) if (list[0]!.revision <= revision) yield num;
    },
  };
}
