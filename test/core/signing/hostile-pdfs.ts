/**
 * The hostile corpus of the verifier tests, built by code from a genuine signed PDF: what an
 * attacker holding a signed dossier can append, and files made to exhaust the verifier.
 */
import { SignPdf } from '@signpdf/signpdf';
import { CmsSigner, createCmsSignature } from '../../../electron/core/signing/cms-signer';
import { PdfDocument } from '../../../electron/core/signing/pdf/document';
import { appendIncrementalUpdate, type UpdatedObject } from '../../../electron/core/signing/pdf/incremental';
import { isArray, isRef, pdfArray, pdfDict, pdfRef, type PdfObject } from '../../../electron/core/signing/pdf/objects';
import { serialize } from '../../../electron/core/signing/pdf/serialize';
import { formatPdfDate } from '../../../electron/core/signing/pdf/text';
import { addSignaturePlaceholder } from '../../../electron/core/signing/placeholder';
import type { UnlockedSigner } from '../../../electron/core/signing/unlocked-signer';
import { buildPdf } from './support';

const body = (text: string): Buffer => Buffer.from(text, 'latin1');
const stream = (dict: string, data: string): Buffer => body(`<<${dict} /Length ${Buffer.byteLength(data, 'latin1')}>>\nstream\n${data}\nendstream`);

/** An unsigned incremental update drawing over page `index` (0-based): a white box and new text, appended to its /Contents. */
export function overlayPage(pdf: Buffer, index: number, text = 'FORGED 伪造'): Buffer {
  const doc = PdfDocument.parse(pdf);
  const pageRef = doc.pageRefs()[index]!;
  const page = doc.resolveDict(pageRef, 'page');
  const num = doc.nextObjectNumber();
  const contents = page.entries.get('Contents');
  const items: PdfObject[] = isArray(contents) ? contents.items : contents === undefined ? [] : [contents];
  const updated = pdfDict([...page.entries, ['Contents', pdfArray([...items, pdfRef(num)])]]);
  return appendIncrementalUpdate(pdf, doc, [
    { num, gen: 0, body: stream('', `q 1 1 1 rg 0 0 595 842 re f Q BT /F1 24 Tf 72 700 Td (${text}) Tj ET`) },
    { num: pageRef.num, gen: pageRef.gen, body: body(serialize(updated)) },
  ]);
}

/** An unsigned incremental update replacing the data of the attached assessment.json (the first /AF file). */
export function swapAssessment(pdf: Buffer, data: Buffer): Buffer {
  const doc = PdfDocument.parse(pdf);
  const af = doc.resolve(doc.catalog().entries.get('AF'));
  const filespec = doc.resolveDict(isArray(af) ? af.items[0] : undefined, 'file specification');
  const streamRef = doc.resolveDict(filespec.entries.get('EF'), 'EF').entries.get('F');
  if (!isRef(streamRef)) throw new Error('pdfkit wrote the attachment stream indirectly');
  return appendIncrementalUpdate(pdf, doc, [{ num: streamRef.num, gen: 0, body: stream('/Type /EmbeddedFile /Subtype /application#2Fjson', data.toString('latin1')) }]);
}

/** A signature dictionary placeholder exactly as @signpdf fills it (first /ByteRange placeholder in the file). */
const sigPlaceholder = (time: Date, bytes = 8192): string =>
  `<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 /********** /********** /**********] /Contents <${'0'.repeat(bytes * 2)}> /M (${formatPdfDate(time)})>>`;

/** Appends `objects` (bodies numbered from the next free object), then lets @signpdf sign the one placeholder in them. */
async function appendAndSign(pdf: Buffer, bodies: (num: number) => Buffer[], signer: UnlockedSigner, time: Date): Promise<Buffer> {
  const doc = PdfDocument.parse(pdf);
  const first = doc.nextObjectNumber();
  const objects: UpdatedObject[] = bodies(first).map((b, i) => ({ num: first + i, gen: 0, body: b }));
  return new SignPdf().sign(appendIncrementalUpdate(pdf, doc, objects), new CmsSigner(signer), time);
}

/** A real signature over the whole file whose dictionary no form field reaches (an object of its own). */
export function signUnreachable(pdf: Buffer, signer: UnlockedSigner, time: Date): Promise<Buffer> {
  return appendAndSign(pdf, () => [body(sigPlaceholder(time))], signer, time);
}

/** A real signature over the whole file whose dictionary is the data of a stream. */
export function signInsideStream(pdf: Buffer, signer: UnlockedSigner, time: Date): Promise<Buffer> {
  return appendAndSign(pdf, () => [stream('', sigPlaceholder(time))], signer, time);
}

/**
 * A signature field whose /ByteRange and /Contents say what the test wants: our own placeholder,
 * its bytes overwritten in place (same length, so every offset stays right). `range` gets the
 * real gap and the file length.
 */
export function forgedSignature(
  base: Buffer,
  contents: string,
  range: (gapStart: number, gapEnd: number, length: number) => string,
  subFilter?: string,
): Buffer {
  const prepared = addSignaturePlaceholder(base, { signingTime: new Date('2026-11-23T09:00:00Z'), signatureBytes: 8192 });
  let text = prepared.toString('latin1');
  const rangeAt = text.indexOf('/ByteRange [0 /*', base.length) + '/ByteRange ['.length;
  const rangeEnd = text.indexOf(']', rangeAt);
  const contentsAt = text.indexOf('/Contents <', rangeEnd) + '/Contents '.length;
  const contentsEnd = text.indexOf('>', contentsAt) + 1;
  const rangeText = range(contentsAt, contentsAt + contents.length, prepared.length);
  if (rangeText.length > rangeEnd - rangeAt || contents.length > contentsEnd - contentsAt) throw new Error('the forged values do not fit');
  text = text.slice(0, rangeAt) + rangeText.padEnd(rangeEnd - rangeAt) + text.slice(rangeEnd, contentsAt) + contents.padEnd(contentsEnd - contentsAt) + text.slice(contentsEnd);
  if (subFilter) {
    const at = text.indexOf('/SubFilter /adbe.pkcs7.detached', base.length);
    const replacement = `/SubFilter /${subFilter}`.padEnd('/SubFilter /adbe.pkcs7.detached'.length);
    if (replacement.length !== '/SubFilter /adbe.pkcs7.detached'.length) throw new Error('the forged subfilter does not fit');
    text = text.slice(0, at) + replacement + text.slice(at + replacement.length);
  }
  return Buffer.from(text, 'latin1');
}

/** The CMS of the last signature of `signed` as hex, the way it sits in its /Contents. */
export function lastContents(signed: Buffer): string {
  const start = signed.lastIndexOf('/Contents <') + '/Contents '.length;
  return signed.toString('latin1', start, signed.indexOf('>', start) + 1);
}

/**
 * Our own placeholder signed by hand with a range that stops `shortBy` bytes before the end of
 * the file: a valid CMS over bytes that are not a whole revision.
 */
export async function signShortOfTheEnd(pdf: Buffer, signer: UnlockedSigner, time: Date, shortBy: number): Promise<Buffer> {
  const prepared = addSignaturePlaceholder(pdf, { signingTime: time, signatureBytes: 8192 });
  const text = prepared.toString('latin1');
  const rangeAt = text.indexOf('/ByteRange [0 /*', pdf.length) + '/ByteRange ['.length;
  const rangeEnd = text.indexOf(']', rangeAt);
  const gapStart = text.indexOf('/Contents <', rangeEnd) + '/Contents '.length;
  const gapEnd = text.indexOf('>', gapStart) + 1;
  const tail = prepared.length - gapEnd - shortBy;
  const withRange = Buffer.from(text.slice(0, rangeAt) + `0 ${gapStart} ${gapEnd} ${tail}`.padEnd(rangeEnd - rangeAt) + text.slice(rangeEnd), 'latin1');
  const cms = await createCmsSignature(Buffer.concat([withRange.subarray(0, gapStart), withRange.subarray(gapEnd, gapEnd + tail)]), signer, time);
  const hex = cms.toString('hex').padEnd(gapEnd - gapStart - 2, '0');
  return Buffer.concat([withRange.subarray(0, gapStart + 1), Buffer.from(hex, 'latin1'), withRange.subarray(gapEnd - 1)]);
}

const FLOOD_ITEM = '/ByteRange [0 1 2 3] /Contents <00> /Type /Sig ';

/**
 * About `size` bytes: a catalog whose form lists object 4 as a field, and object 4 one unterminated
 * dictionary of thousands of nested signature-like dictionaries (the file that took the old
 * byte-scanning verifier minutes).
 */
export function byteRangeFlood(size: number): Buffer {
  const count = Math.ceil(size / (FLOOD_ITEM.length + 12));
  let flood = '<<';
  for (let i = 0; i < count; i++) flood += `/K${i} <<${FLOOD_ITEM}>> `;
  const head = buildPdf(['<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields [4 0 R]>>>>', '<</Type /Pages /Kids [] /Count 0>>', '<<>>']);
  // Object 4 is written without "endobj" or closing brackets, then a table that points at it.
  const text = head.toString('latin1');
  const at = text.indexOf('xref');
  const offset = at;
  const objects = text.slice(0, at) + `4 0 obj\n${flood}\n`;
  const xref = Buffer.byteLength(objects, 'latin1');
  const table = text.slice(at, text.indexOf('trailer')).replace('0 4\n', '0 5\n') + `${String(offset).padStart(10, '0')} 00000 n \n`;
  return Buffer.from(`${objects}${table}trailer\n<</Size 5 /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`, 'latin1');
}

/** About `size` bytes of arrays nested inside each other in the form's field list. */
export function deepNesting(size: number): Buffer {
  const depth = Math.floor(size / 2);
  return buildPdf([
    `<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields 3 0 R>>>>`,
    '<</Type /Pages /Kids [] /Count 0>>',
    `${'['.repeat(depth)}${']'.repeat(depth)}`,
  ]);
}

/** About `size` bytes: a form whose /Fields lists one signature field hundreds of thousands of times. */
export function hugeFieldList(size: number): Buffer {
  const count = Math.floor(size / 7);
  return buildPdf([
    `<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields [${'4 0 R '.repeat(count)}]>>>>`,
    '<</Type /Pages /Kids [] /Count 0>>',
    '<<>>',
    '<</FT /Sig /T (S) /V 5 0 R>>',
    '<</Type /Sig /ByteRange [0 1 2 3] /Contents <00>>>',
  ]);
}

/** About `size` bytes: a page tree of tens of thousands of pages, each with its own (empty) annotation list. */
export function manyPages(size: number): Buffer {
  const count = Math.floor(size / 80);
  const kids = Array.from({ length: count }, (_, i) => `${i + 3} 0 R`).join(' ');
  const pages = Array.from({ length: count }, () => '<</Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Annots []>>');
  return buildPdf([`<</Type /Catalog /Pages 2 0 R>>`, `<</Type /Pages /Kids [${kids}] /Count ${count}>>`, ...pages]);
}

/** `count` tiny incremental updates on top of `pdf`, each rewriting one object. */
export function manyRevisions(pdf: Buffer, count: number): Buffer {
  let out = pdf;
  for (let i = 0; i < count; i++) {
    const doc = PdfDocument.parse(out);
    out = appendIncrementalUpdate(out, doc, [{ num: doc.nextObjectNumber(), gen: 0, body: body(`(${i})`) }]);
  }
  return out;
}
