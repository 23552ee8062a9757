import { createHash } from 'node:crypto';
import { isArray, isString, pdfArray, pdfDict, pdfString, type PdfObject } from './objects';
import type { PdfDocument } from './document';
import { serialize } from './serialize';

/** An object to add or replace: `body` is everything between `obj` and `endobj`. */
export interface UpdatedObject {
  readonly num: number;
  readonly gen: number;
  readonly body: Buffer;
}

/**
 * Appends objects to a PDF as an incremental update (ISO 32000-1 §7.5.6), leaving every original
 * byte untouched so earlier signatures stay valid. Written so `qpdf --check` has nothing to say:
 * `startxref` points exactly at the `x` of `xref` (a newline in between is the "whitespace before
 * xref" warning), every entry is exactly 20 bytes, subsections cover only consecutive numbers, and
 * /Size is one past the highest object number in any revision.
 *
 * The second /ID element is derived from the bytes written, so the same input gives the same output.
 */
export function appendIncrementalUpdate(original: Buffer, doc: PdfDocument, objects: readonly UpdatedObject[]): Buffer {
  const parts: Buffer[] = [original];
  let length = original.length;
  const push = (chunk: Buffer | string): void => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(bytes);
    length += bytes.length;
  };
  const last = original[original.length - 1];
  if (last !== 0x0a && last !== 0x0d) push('\n');

  const sorted = [...objects].sort((a, b) => a.num - b.num);
  if (sorted.some((o, i) => !Number.isSafeInteger(o.num) || o.num < 1 || o.num === sorted[i - 1]?.num)) {
    throw new TypeError('Incremental update objects need distinct positive object numbers.');
  }
  const offsets = new Map<number, { offset: number; gen: number }>();
  for (const object of sorted) {
    offsets.set(object.num, { offset: length, gen: object.gen });
    push(`${object.num} ${object.gen} obj\n`);
    push(object.body);
    push('\nendobj\n');
  }

  const xrefOffset = length;
  let xref = 'xref\n';
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.num === sorted[j]!.num + 1) j++;
    xref += `${sorted[i]!.num} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const { offset, gen } = offsets.get(sorted[k]!.num)!;
      xref += `${String(offset).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }

  const size = Math.max(doc.nextObjectNumber(), ...sorted.map((o) => o.num + 1));
  const newId = pdfString(createHash('sha256').update(Buffer.concat(parts)).digest().subarray(0, 16));
  const oldId = doc.trailer.entries.get('ID');
  const firstId = isArray(oldId) && isString(oldId.items[0]) ? oldId.items[0] : newId;
  const trailer = pdfDict(
    [...doc.trailer.entries].filter(([key]) => key !== 'Prev' && key !== 'Size' && key !== 'ID'),
  );
  trailer.entries.set('Size', size);
  trailer.entries.set('ID', pdfArray([firstId, newId] satisfies PdfObject[]));
  trailer.entries.set('Prev', doc.xref.startxref);
  push(xref);
  push(`trailer\n${serialize(trailer)}\nstartxref\n${xrefOffset}\n%%EOF\n`);
  return Buffer.concat(parts, length);
}
