import { SigningError } from './errors';
import { PdfDocument } from './pdf/document';
import { isArray, isDict, isName, isRef, isStream, isString, type PdfObject } from './pdf/objects';
import { decodeTextString } from './pdf/text';

/** A file attached to a PDF (§7.11.4). */
export interface EmbeddedFile {
  /** The file name (/UF, else /F, else the name-tree key). */
  readonly name: string;
  readonly description?: string;
  /** The MIME type from the stream's /Subtype, e.g. `application/json`. */
  readonly mimeType?: string;
  readonly data: Buffer;
}

/** Name trees deeper or larger than this are hostile. */
const MAX_TREE_DEPTH = 32;
const MAX_FILES = 1_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Extracts the attachments of a PDF: the /EmbeddedFiles name tree and the catalog's /AF array
 * (PDF/A-3 associated files), each file once. Only FlateDecode or unfiltered streams are read.
 * Pass `pdf.subarray(0, signature.signedLength)` to read the attachments as a given signature saw
 * them, since every signed revision is itself a complete PDF.
 * @param maxBytes cap on the total decoded size, against decompression bombs.
 * @throws SigningError `invalid-pdf` or `unsupported`.
 */
export function extractEmbeddedFiles(pdf: Buffer, maxBytes = DEFAULT_MAX_BYTES): EmbeddedFile[] {
  const doc = PdfDocument.parse(pdf);
  if (doc.trailer.entries.has('Encrypt')) throw new SigningError('unsupported', 'Encrypted PDFs are not supported.');
  const catalog = doc.catalog();
  const specs: { key?: string; spec: PdfObject }[] = [];
  const seenNodes = new Set<number>();

  const walk = (node: PdfObject | undefined, depth: number): void => {
    if (isRef(node)) {
      if (seenNodes.has(node.num)) throw new SigningError('invalid-pdf', 'Malformed PDF: the attachment tree loops.');
      seenNodes.add(node.num);
    }
    const dict = doc.resolve(node);
    if (!isDict(dict)) return;
    if (depth > MAX_TREE_DEPTH) throw new SigningError('invalid-pdf', 'Malformed PDF: the attachment tree is too deep.');
    const names = doc.resolve(dict.entries.get('Names'));
    if (isArray(names)) {
      for (let i = 0; i + 1 < names.items.length; i += 2) {
        const key = names.items[i];
        specs.push({ key: isString(key) ? decodeTextString(key.bytes) : undefined, spec: names.items[i + 1]! });
      }
    }
    const kids = doc.resolve(dict.entries.get('Kids'));
    if (isArray(kids)) for (const kid of kids.items) walk(kid, depth + 1);
  };
  const namesDict = doc.resolve(catalog.entries.get('Names'));
  if (isDict(namesDict)) walk(namesDict.entries.get('EmbeddedFiles'), 0);
  const associated = doc.resolve(catalog.entries.get('AF'));
  if (isArray(associated)) for (const spec of associated.items) specs.push({ spec });

  const files: EmbeddedFile[] = [];
  const seenSpecs = new Set<number>();
  let budget = maxBytes;
  for (const { key, spec } of specs) {
    if (isRef(spec)) {
      if (seenSpecs.has(spec.num)) continue;
      seenSpecs.add(spec.num);
    }
    if (files.length >= MAX_FILES) throw new SigningError('invalid-pdf', 'Malformed PDF: too many attachments.');
    const fileSpec = doc.resolve(spec);
    if (!isDict(fileSpec)) continue;
    const ef = doc.resolve(fileSpec.entries.get('EF'));
    const stream = isDict(ef) ? doc.resolve(ef.entries.get('UF') ?? ef.entries.get('F')) : null;
    if (!isStream(stream)) continue; // a reference to an external file: nothing embedded
    const text = (value: PdfObject | undefined): string | undefined => {
      const resolved = doc.resolve(value);
      return isString(resolved) ? decodeTextString(resolved.bytes) : undefined;
    };
    const data = doc.streamData(stream, budget);
    budget -= data.length;
    const subtype = stream.dict.entries.get('Subtype');
    files.push({
      name: text(fileSpec.entries.get('UF')) ?? text(fileSpec.entries.get('F')) ?? key ?? '',
      description: text(fileSpec.entries.get('Desc')),
      mimeType: isName(subtype) ? subtype.value : undefined,
      data,
    });
  }
  return files;
}
