import { appearanceObjects, type AppearanceLine } from './appearance';
import { SigningError } from './errors';
import { PdfDocument } from './pdf/document';
import { appendIncrementalUpdate, type UpdatedObject } from './pdf/incremental';
import {
  isArray,
  isDict,
  isRef,
  isString,
  pdfArray,
  pdfDict,
  pdfName,
  pdfRef,
  type PdfArray,
  type PdfDict,
  type PdfObject,
  type PdfRef,
} from './pdf/objects';
import { serialize } from './pdf/serialize';
import { decodeTextString, encodeTextString, formatPdfDate } from './pdf/text';

/** The placeholder `@signpdf/signpdf` looks for and replaces with the real byte range. */
const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 /********** /********** /**********]';

/** A widget rectangle in PDF user space (points, origin bottom left): [x1, y1, x2, y2]. */
export type WidgetRect = readonly [number, number, number, number];

export interface PlaceholderOptions {
  readonly signingTime: Date;
  /** Room reserved for the CMS signature, in bytes (the hex string is twice as long). */
  readonly signatureBytes: number;
  readonly name?: string;
  readonly reason?: string;
  readonly location?: string;
  readonly contactInfo?: string;
  /** Where the widget sits; without it the signature is invisible (zero rectangle on page 0). */
  readonly widget?: { readonly page: number; readonly rect: WidgetRect };
  /** What the widget shows, drawn with a subset of `font`; without it the appearance is empty. */
  readonly appearance?: { readonly font: Buffer; readonly lines: readonly AppearanceLine[] };
}

// Print (4) + Locked (128): shown and printed (PDF/A needs Print), not movable by the viewer.
const WIDGET_FLAGS = 132;
// SignaturesExist (1) + AppendOnly (2): tells editors to save incrementally.
const SIG_FLAGS = 3;

/**
 * Adds an empty signature (field, widget and /Sig dictionary with a zero-filled /Contents) to a
 * finished PDF as an incremental update. Calling it on a signed PDF adds a second field, so the
 * result is a countersignature that leaves the first one intact.
 */
export function addSignaturePlaceholder(pdf: Buffer, options: PlaceholderOptions): Buffer {
  const doc = PdfDocument.parse(pdf);
  if (doc.trailer.entries.has('Encrypt')) throw new SigningError('unsupported', 'Encrypted PDFs cannot be signed.');
  const rootRef = doc.trailer.entries.get('Root');
  if (!isRef(rootRef)) throw new SigningError('invalid-pdf', 'Malformed PDF: the trailer has no /Root reference.');
  const catalog = doc.catalog();
  const pages = doc.pageRefs();
  const pageIndex = options.widget?.page ?? 0;
  const pageRef = pages[pageIndex];
  if (!Number.isInteger(pageIndex) || pageRef === undefined) {
    throw new SigningError('bad-input', `The PDF has no page ${pageIndex + 1} for the signature widget.`);
  }
  const rect = normaliseRect(options.widget?.rect ?? [0, 0, 0, 0]);

  const next = doc.nextObjectNumber();
  const sigRef = pdfRef(next);
  const widgetRef = pdfRef(next + 1);
  const appearanceRef = pdfRef(next + 2);
  const updates: UpdatedObject[] = [];
  const put = (ref: PdfRef, object: PdfObject | Buffer): void => {
    const body = Buffer.isBuffer(object) ? object : Buffer.from(serialize(object), 'latin1');
    updates.push({ num: ref.num, gen: ref.gen, body });
  };
  const width = rect[2] - rect[0];
  const height = rect[3] - rect[1];
  // An empty, transparent appearance when there is nothing to show: PDF/A wants every widget to have one.
  const appearance = options.appearance
    ? appearanceObjects(options.appearance.font, options.appearance.lines, width, height, appearanceRef.num)
    : [{ num: appearanceRef.num, gen: 0, body: Buffer.from(`<</Type /XObject /Subtype /Form /BBox [0 0 ${serialize(width)} ${serialize(height)}] /Resources <<>> /Length 0>>\nstream\n\nendstream`, 'latin1') }];
  updates.push(...appearance);
  const formNum = appearanceRef.num + appearance.length;

  put(sigRef, signatureDictionary(options));
  put(
    widgetRef,
    pdfDict([
      ['Type', pdfName('Annot')],
      ['Subtype', pdfName('Widget')],
      ['FT', pdfName('Sig')],
      ['T', encodeTextString(uniqueFieldName(doc, catalog))],
      ['V', sigRef],
      ['F', WIDGET_FLAGS],
      ['Rect', pdfArray([...rect])],
      ['P', pageRef],
      ['AP', pdfDict([['N', appearanceRef]])],
    ]),
  );
  const page = doc.resolveDict(pageRef, 'the page');
  appendToArray(doc, page, 'Annots', widgetRef, (updatedPage) => put(pageRef, updatedPage), put);

  const acroForm = catalog.entries.get('AcroForm');
  const withSigFlags = (form: PdfDict): PdfDict => {
    const copy = pdfDict(form.entries);
    copy.entries.set('SigFlags', SIG_FLAGS);
    return copy;
  };
  if (acroForm === undefined) {
    const formRef = pdfRef(formNum);
    put(formRef, pdfDict([['Fields', pdfArray([widgetRef])], ['SigFlags', SIG_FLAGS]]));
    put(rootRef, pdfDict([...catalog.entries, ['AcroForm', formRef]]));
  } else if (isRef(acroForm)) {
    const form = withSigFlags(doc.resolveDict(acroForm, 'the AcroForm'));
    appendToArray(doc, form, 'Fields', widgetRef, (updated) => put(acroForm, updated), put);
  } else {
    if (!isDict(acroForm)) throw new SigningError('invalid-pdf', 'Malformed PDF: /AcroForm is not a dictionary.');
    const form = withSigFlags(acroForm);
    appendToArray(
      doc,
      form,
      'Fields',
      widgetRef,
      (updated) => put(rootRef, pdfDict([...catalog.entries, ['AcroForm', updated]])),
      put,
    );
  }
  return appendIncrementalUpdate(pdf, doc, updates);
}

/**
 * The /Sig dictionary, written by hand because /ByteRange must be the exact placeholder text and
 * /Contents must follow it (that is where `@signpdf/signpdf` looks).
 */
function signatureDictionary(options: PlaceholderOptions): Buffer {
  const optional = (key: string, value: string | undefined): string =>
    value ? ` /${key} ${serialize(encodeTextString(value))}` : '';
  return Buffer.from(
    `<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached ${BYTE_RANGE_PLACEHOLDER}` +
      ` /Contents <${'0'.repeat(options.signatureBytes * 2)}>` +
      ` /M ${serialize(encodeTextString(formatPdfDate(options.signingTime)))}` +
      optional('Name', options.name) +
      optional('Reason', options.reason) +
      optional('Location', options.location) +
      optional('ContactInfo', options.contactInfo) +
      ' /Prop_Build <</App <</Name /ADSG#20Workbench>>>>>>',
    'latin1',
  );
}

/**
 * Adds `item` to the array under `key` of `owner`: a direct array is extended in a copy of the
 * owner (handed to `writeOwner`); an indirect one is rewritten in place and the owner left alone.
 */
function appendToArray(
  doc: PdfDocument,
  owner: PdfDict,
  key: string,
  item: PdfRef,
  writeOwner: (owner: PdfDict) => void,
  put: (ref: PdfRef, object: PdfObject) => void,
): void {
  const current = owner.entries.get(key);
  if (isRef(current)) {
    const array = doc.resolve(current);
    if (!isArray(array)) throw new SigningError('invalid-pdf', `Malformed PDF: /${key} is not an array.`);
    put(current, pdfArray([...array.items, item]));
    writeOwner(owner);
    return;
  }
  if (current !== undefined && !isArray(current)) {
    throw new SigningError('invalid-pdf', `Malformed PDF: /${key} is not an array.`);
  }
  const items = (current as PdfArray | undefined)?.items ?? [];
  writeOwner(pdfDict([...owner.entries, [key, pdfArray([...items, item])]]));
}

/** "Signature1", "Signature2"…: the first name no existing form field uses. */
function uniqueFieldName(doc: PdfDocument, catalog: PdfDict): string {
  const taken = new Set<string>();
  const form = doc.resolve(catalog.entries.get('AcroForm'));
  const fields = isDict(form) ? doc.resolve(form.entries.get('Fields')) : null;
  for (const field of isArray(fields) ? fields.items : []) {
    const dict = doc.resolve(field);
    const title = isDict(dict) ? dict.entries.get('T') : undefined;
    if (isString(title)) taken.add(decodeTextString(title.bytes));
  }
  for (let n = 1; ; n++) if (!taken.has(`Signature${n}`)) return `Signature${n}`;
}

function normaliseRect(rect: WidgetRect): [number, number, number, number] {
  if (!rect.every(Number.isFinite)) throw new SigningError('bad-input', 'The signature widget rectangle must be four numbers.');
  const [x1, y1, x2, y2] = rect;
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}
