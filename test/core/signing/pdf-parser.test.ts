import { describe, expect, test } from 'vitest';
import { PdfDocument } from '../../../electron/core/signing/pdf/document';
import { appendIncrementalUpdate } from '../../../electron/core/signing/pdf/incremental';
import { pdfDict, pdfName, pdfString, type PdfObject } from '../../../electron/core/signing/pdf/objects';
import { PdfParser } from '../../../electron/core/signing/pdf/parser';
import { serialize } from '../../../electron/core/signing/pdf/serialize';
import { decodeTextString, encodeTextString, formatPdfDate } from '../../../electron/core/signing/pdf/text';
import { buildPdf, run, tempDir, writeTemp } from './support';

const parse = (text: string): PdfObject => new PdfParser(Buffer.from(text, 'latin1'), 0).parseObject();

/** A minimal one-page PDF, plus extra objects numbered from 4. */
const tinyPdf = (extraObjects: string[] = []): Buffer =>
  buildPdf([
    '<</Type /Catalog /Pages 2 0 R>>',
    '<</Type /Pages /Kids [3 0 R] /Count 1>>',
    '<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>>',
    ...extraObjects,
  ]);

describe('object parser', () => {
  test('literal strings: escapes, octal, balanced parentheses, line continuation, EOL normalisation', () => {
    const value = parse('(a\\(b\\)c (nested) \\101\\n\\\\ x\\\ny\r\nz)');
    expect(value).toMatchObject({ kind: 'string', hex: false });
    expect((value as { bytes: Buffer }).bytes.toString('latin1')).toBe('a(b)c (nested) A\n\\ xy\nz');
  });

  test('hex strings ignore whitespace and pad an odd digit', () => {
    expect((parse('<48 65 6C6C 6F7>') as { bytes: Buffer }).bytes).toEqual(Buffer.from('Hello\x70', 'latin1'));
  });

  test('names decode #xx; references are told apart from integers', () => {
    expect(parse('/A#20B')).toEqual(pdfName('A B'));
    expect(parse('[1 0 R 2 3 4]')).toMatchObject({ items: [{ kind: 'ref', num: 1, gen: 0 }, 2, 3, 4] });
    expect(parse('<</K 12 0 R /N -1.5>>')).toMatchObject({ entries: new Map<string, unknown>([['K', { kind: 'ref', num: 12, gen: 0 }], ['N', -1.5]]) });
  });

  test('hostile syntax is an invalid-pdf error naming the offset, never a crash', () => {
    const cases = [
      '['.repeat(100_000),
      '<</A 1 /A 2>>',
      '(unterminated',
      '<zz>',
      '<</A',
      '/A#4',
      '1e400',
      '{',
      '',
    ];
    for (const text of cases) expect(() => parse(text), text.slice(0, 20)).toThrow(expect.objectContaining({ code: 'invalid-pdf' }));
  });

  test('serialize writes back what parse reads', () => {
    const source = '<</Type /Annot /T (Sig\\(1\\)) /Rect [0 0.5 100 1000000] /V 3 0 R /N null /B true /X <FEFF4E2D>>>';
    expect(serialize(parse(serialize(parse(source))))).toBe(serialize(parse(source)));
    expect(serialize(1e-7)).toBe('0.0000001');
    expect(serialize(pdfName('a b/c'))).toBe('/a#20b#2fc');
  });

  test('text strings: ASCII stays literal, Chinese becomes UTF-16BE with a BOM, PDFDocEncoding decodes', () => {
    expect(encodeTextString('Audit')).toMatchObject({ hex: false, bytes: Buffer.from('Audit') });
    const chinese = encodeTextString('审核');
    expect(chinese.bytes.subarray(0, 2)).toEqual(Buffer.from([0xfe, 0xff]));
    expect(decodeTextString(chinese.bytes)).toBe('审核');
    expect(decodeTextString(Buffer.from([0x80, 0x41, 0xa0]))).toBe('•A€');
    expect(formatPdfDate(new Date('2026-11-23T09:08:07.654Z'))).toBe('D:20261123090807Z');
  });
});

describe('document and incremental update', () => {
  test('reads pages and objects through the xref', () => {
    const doc = PdfDocument.parse(tinyPdf());
    expect(doc.pageRefs()).toEqual([{ kind: 'ref', num: 3, gen: 0 }]);
    expect(doc.nextObjectNumber()).toBe(4);
  });

  test('a stream with an indirect /Length is read, one with a lying /Length refused', () => {
    const good = PdfDocument.parse(tinyPdf(['<</Length 5 0 R>>\nstream\nhello\nendstream', '5']));
    const stream = good.getObject(4);
    expect(stream).toMatchObject({ kind: 'stream' });
    expect(good.streamData(stream as never, 100).toString()).toBe('hello');
    const bad = PdfDocument.parse(tinyPdf(['<</Length 9>>\nstream\nhello\nendstream']));
    expect(() => bad.getObject(4)).toThrow(expect.objectContaining({ code: 'invalid-pdf' }));
  });

  test('page-tree loops, xref loops and xref streams are typed errors', () => {
    const loop = tinyPdf().toString('latin1').replace('/Kids [3 0 R]', '/Kids [2 0 R]');
    expect(() => PdfDocument.parse(Buffer.from(loop, 'latin1')).pageRefs()).toThrow(expect.objectContaining({ code: 'invalid-pdf' }));
    const pdf = tinyPdf();
    const at = pdf.length;
    const selfPrev = Buffer.concat([pdf, Buffer.from(`xref\n0 0\ntrailer\n<</Size 4 /Root 1 0 R /Prev ${at}>>\nstartxref\n${at}\n%%EOF\n`)]);
    expect(() => PdfDocument.parse(selfPrev)).toThrow(expect.objectContaining({ code: 'invalid-pdf' }));
    const xrefStream = Buffer.from('%PDF-1.7\n1 0 obj\n<</Type /XRef>>\nendobj\nstartxref\n9\n%%EOF\n', 'latin1');
    expect(() => PdfDocument.parse(xrefStream)).toThrow(expect.objectContaining({ code: 'unsupported' }));
  });

  test('an incremental update passes qpdf --check with no warning and keeps the original bytes', () => {
    const original = tinyPdf();
    const doc = PdfDocument.parse(original);
    const updated = appendIncrementalUpdate(original, doc, [
      { num: 4, gen: 0, body: Buffer.from(serialize(pdfDict([['Note', pdfString(Buffer.from('added'), false)]]))) },
      { num: 3, gen: 0, body: Buffer.from('<</Type /Page /Parent 2 0 R /MediaBox [0 0 300 300]>>') },
    ]);
    expect(updated.subarray(0, original.length).equals(original)).toBe(true);
    const out = run('qpdf', ['--check', writeTemp(tempDir(), 'update.pdf', updated)]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const reread = PdfDocument.parse(updated);
    expect(reread.resolveDict({ kind: 'ref', num: 3, gen: 0 }, 'page').entries.get('MediaBox')).toMatchObject({ items: [0, 0, 300, 300] });
    expect(reread.trailer.entries.get('Size')).toBe(5);
  });
});
