import { SigningError } from './errors';
import { isArray, isDict, type PdfDict } from './pdf/objects';
import { PdfParser } from './pdf/parser';

/** A signature dictionary found in the raw bytes, with the span of its indirect object. */
export interface FoundSignatureDictionary {
  readonly objectNumber: number;
  readonly dict: PdfDict;
  readonly objectStart: number;
  readonly objectEnd: number;
}

/** More /ByteRange keys than this is an attack on the verifier, not a dossier. */
const MAX_SIGNATURES = 100;
/** How many `obj` keywords to try, walking back from a /ByteRange, before giving up on it. */
const MAX_HEADER_TRIES = 8;
/** How far back the object header may be: other producers put /Contents (tens of KB of hex) before /ByteRange. */
const MAX_LOOKBACK = 4 * 1024 * 1024;
const HEADER_BEFORE_OBJ = /\d+\s+\d+\s+$/;

/**
 * Finds every signature dictionary (a dictionary with /ByteRange and /Contents) by scanning the
 * file's bytes for `/ByteRange` and parsing the indirect object around each hit. It deliberately
 * does not go through the cross-reference table or the form fields: a signature that a later
 * revision unlinked or hid is still found and reported.
 */
export function findSignatureDictionaries(pdf: Buffer): FoundSignatureDictionary[] {
  const found: FoundSignatureDictionary[] = [];
  for (let at = pdf.indexOf('/ByteRange'); at >= 0; at = pdf.indexOf('/ByteRange', at + 1)) {
    if (found.some((f) => at > f.objectStart && at < f.objectEnd)) continue;
    const dictionary = objectAround(pdf, at);
    if (!dictionary) continue;
    if (found.length >= MAX_SIGNATURES) {
      throw new SigningError('invalid-pdf', 'Malformed PDF: more signature dictionaries than any document needs.');
    }
    found.push(dictionary);
  }
  return found;
}

/** The indirect object whose top-level dictionary has the /ByteRange key at `at`, if any. */
function objectAround(pdf: Buffer, at: number): FoundSignatureDictionary | undefined {
  let searchFrom = at;
  for (let tries = 0; tries < MAX_HEADER_TRIES; tries++) {
    const obj = pdf.lastIndexOf('obj', searchFrom);
    if (obj < 0 || at - obj > MAX_LOOKBACK) return undefined;
    searchFrom = obj - 1;
    const windowStart = Math.max(0, obj - 32);
    const header = HEADER_BEFORE_OBJ.exec(pdf.toString('latin1', windowStart, obj));
    if (!header) continue; // "endobj", or "obj" inside a string
    const start = windowStart + header.index;
    try {
      const object = new PdfParser(pdf, start).parseIndirectObject();
      const dict = object.value;
      if (!isDict(dict) || dict.start > at || dict.end <= at) continue;
      const byteRange = dict.entries.get('ByteRange');
      // The hit must be this dictionary's own key, not one in a nested dictionary or a string.
      if (!isArray(byteRange) || pdf.toString('latin1', at + '/ByteRange'.length, byteRange.start).trim() !== '') continue;
      if (!dict.entries.has('Contents')) return undefined;
      return { objectNumber: object.num, dict, objectStart: object.start, objectEnd: object.end };
    } catch (error) {
      if (!(error instanceof SigningError)) throw error;
    }
  }
  return undefined;
}
