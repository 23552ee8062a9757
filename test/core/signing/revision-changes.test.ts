import { beforeAll, describe, expect, test } from 'vitest';
import { PdfDocument } from '../../../electron/core/signing/pdf/document';
import { appendIncrementalUpdate } from '../../../electron/core/signing/pdf/incremental';
import { isArray, isRef, pdfArray, pdfDict, pdfName, type PdfDict, type PdfObject, type PdfRef } from '../../../electron/core/signing/pdf/objects';
import { serialize } from '../../../electron/core/signing/pdf/serialize';
import { signPdf } from '../../../electron/core/signing/sign-pdf';
import type { UnlockedSigner } from '../../../electron/core/signing/unlocked-signer';
import { verifyPdf, type PdfVerification } from '../../../electron/core/signing/verify-pdf';
import { overlayPage, signInsideStream, signUnreachable, swapAssessment } from './hostile-pdfs';
import { buildPdf, makeDossierPdf, makeSigner, pdfsigSummary, run, tempDir, writeTemp } from './support';

const AUDIT = new Date('2026-11-23T09:00:00Z');
const REVIEW = new Date('2026-11-24T10:30:00Z');

let auditor: UnlockedSigner;
let reviewer: UnlockedSigner;
let lookAlike: UnlockedSigner;
let signed: Buffer;
let dir: string;

beforeAll(async () => {
  auditor = makeSigner('李伟 Li Wei', 'Example Audit', 2048);
  reviewer = makeSigner('陈静 Chen Jing', 'Example Audit', 2048);
  // Same name, same organisation, another key: what an attacker makes in a minute.
  lookAlike = makeSigner('陈静 Chen Jing', 'Example Audit', 2048);
  signed = await signPdf(await makeDossierPdf(), { signer: auditor, signingTime: AUDIT, widget: { page: 2, rect: [72, 500, 520, 640] } });
  dir = tempDir();
}, 60_000);

const verify = (pdf: Buffer): Promise<PdfVerification> => verifyPdf(pdf, { trusted: [auditor.certificate, reviewer.certificate] });
const countersign = (pdf: Buffer, signer: UnlockedSigner): Promise<Buffer> =>
  signPdf(pdf, { signer, signingTime: REVIEW, widget: { page: 2, rect: [72, 340, 520, 480] } });
const kinds = (result: PdfVerification, signature = 0) => result.signatures[signature]!.changesAfter.map((c) => [c.revision, c.kind]);

/** An incremental update built from `edit`, which gets the document and returns the objects to write. */
function update(pdf: Buffer, edit: (doc: PdfDocument, next: number) => [PdfRef | number, PdfObject | string][]): Buffer {
  const doc = PdfDocument.parse(pdf);
  const objects = edit(doc, doc.nextObjectNumber()).map(([ref, value]) => ({
    num: typeof ref === 'number' ? ref : ref.num,
    gen: 0,
    body: Buffer.from(typeof value === 'string' ? value : serialize(value), 'latin1'),
  }));
  return appendIncrementalUpdate(pdf, doc, objects);
}
const with_ = (dict: PdfDict, entries: [string, PdfObject][]): PdfDict => pdfDict([...dict.entries, ...entries]);

describe('genuine signatures: only what a signature workflow adds comes after them', () => {
  test('signed, then countersigned by the trusted reviewer: ok, nothing changed after either', async () => {
    const both = await countersign(signed, reviewer);
    const result = await verify(both);
    expect(result).toMatchObject({ ok: true, revisions: 3, changes: [] });
    expect(result.signatures.map((s) => [s.revision, s.ok, s.trusted])).toEqual([
      [2, true, true],
      [3, true, true],
    ]);
  });

  test('a page and a form holding /Annots and /Fields by reference: signing rewrites those arrays, still ok', async () => {
    const base = buildPdf([
      '<</Type /Catalog /Pages 2 0 R /AcroForm 5 0 R>>',
      '<</Type /Pages /Kids [3 0 R] /Count 1>>',
      '<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots 4 0 R>>',
      '[]',
      '<</Fields 6 0 R>>',
      '[]',
    ]);
    const first = await signPdf(base, { signer: auditor, signingTime: AUDIT, widget: { page: 0, rect: [10, 10, 90, 40] } });
    const both = await signPdf(first, { signer: reviewer, signingTime: REVIEW, widget: { page: 0, rect: [10, 50, 90, 80] } });
    const result = await verify(both);
    expect(result).toMatchObject({ ok: true, revisions: 3, changes: [] });
    // A link slipped into the same indirect /Annots array is not a signature's widget.
    const linked = update(both, (doc, next) => [
      [4, pdfArray([...(doc.resolve({ kind: 'ref', num: 4, gen: 0 }) as { items: PdfObject[] }).items, { kind: 'ref', num: next, gen: 0 }])],
      [next, '<</Type /Annot /Subtype /Link /Rect [0 0 200 200]>>'],
    ]);
    expect((await verify(linked)).changes).toEqual([{ revision: 4, kind: 'annotations', objects: [expect.any(Number)] }]);
  });

  test('validation data (/DSS) added after signing is allowed', async () => {
    const pdf = update(signed, (doc, next) => {
      const root = doc.trailer.entries.get('Root') as PdfRef;
      return [
        [root, with_(doc.catalog(), [['DSS', { kind: 'ref', num: next, gen: 0 }]])],
        [next, pdfDict([['Certs', pdfArray([{ kind: 'ref', num: next + 1, gen: 0 }])]])],
        [next + 1, `<</Length 3>>\nstream\nabc\nendstream`],
      ];
    });
    expect(await verify(pdf)).toMatchObject({ ok: true, revisions: 3, changes: [] });
  });

  test('an object rewritten with the same value (other spelling, other order) is no change', async () => {
    const pdf = update(signed, (doc) => {
      const root = doc.trailer.entries.get('Root') as PdfRef;
      const catalog = doc.catalog();
      return [[root, `<<${[...catalog.entries].reverse().map(([k, v]) => `/${k}   ${serialize(v)}`).join('\n')}>>`]];
    });
    expect(await verify(pdf)).toMatchObject({ ok: true, changes: [] });
  });
});

describe('what was seen: an edit after the auditor signed, then signed again', () => {
  test('(1a) page 3 overlaid, then signed by a look-alike "陈静 Chen Jing": not ok, the overlay named', async () => {
    const pdf = await countersign(overlayPage(signed, 2), lookAlike);
    const result = await verify(pdf);
    expect(result.ok).toBe(false);
    expect(kinds(result)).toEqual([[3, 'page-content']]);
    expect(result.signatures[1]).toMatchObject({ valid: true, trusted: false, ok: false, revision: 4, changesAfter: [] });
    expect(result.signatures[1]!.signer?.commonName).toBe('陈静 Chen Jing');
    expect(result.signatures[1]!.signer?.fingerprint).not.toBe(result.signatures[0]!.signer?.fingerprint);
    // Even a user who accepts untrusted signers is told about the overlay.
    expect(await verifyPdf(pdf, { trusted: [], allowUntrusted: true })).toMatchObject({ ok: false, changes: [{ revision: 3, kind: 'page-content' }] });
  });

  test('(1a′) the embedded assessment.json swapped, then signed by the look-alike: not ok, attachments named', async () => {
    const forged = Buffer.from(JSON.stringify({ format: 'adsg-assessment/1', result: 'forged' }));
    const result = await verify(await countersign(swapAssessment(signed, forged), lookAlike));
    expect(result.ok).toBe(false);
    expect(kinds(result)).toEqual([[3, 'embedded-files']]);
  });

  test('(1b) page 3 overlaid, then countersigned with the real trusted key: pdfsig says valid, we say not ok', async () => {
    const pdf = await countersign(overlayPage(signed, 2), reviewer);
    expect(pdfsigSummary(run('pdfsig', [writeTemp(dir, '1b.pdf', pdf)]).stdout)).toMatchObject({ total: 2, valid: 2 });
    const result = await verify(pdf);
    expect(result.signatures.map((s) => [s.valid, s.trusted])).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(result.ok).toBe(false);
    expect(result.signatures[0]!.changesAfter).toEqual([{ revision: 3, kind: 'page-content', objects: [expect.any(Number)] }]);
    expect(result.signatures[1]!.ok).toBe(true);
  });
});

describe('what was seen: signatures no reader sees count for nothing', () => {
  test.each([
    ['an object no form field reaches', signUnreachable],
    ['the data of a stream', signInsideStream],
  ])('(2) a real signature over the whole file in %s is not a signature', async (_where, sign) => {
    const pdf = await sign(overlayPage(signed, 2), reviewer, REVIEW);
    // Its bytes really are a signature covering the whole file…
    expect(pdf.toString('latin1')).toMatch(new RegExp(`/ByteRange \\[0 \\d+ \\d+ ${''}\\d+\\]`));
    const result = await verify(pdf);
    // …but only the auditor's signature exists, and everything after it is judged.
    expect(result.signatures).toHaveLength(1);
    expect(result.ok).toBe(false);
    expect(kinds(result)).toEqual(expect.arrayContaining([[3, 'page-content'], [4, 'added-object']]));
  });

  test('a later revision that unlinks the signed field is caught, and the old signature still judged', async () => {
    const pdf = update(signed, (doc) => {
      const form = doc.catalog().entries.get('AcroForm') as PdfRef;
      return [[form, with_(doc.resolveDict(form, 'form'), [['Fields', pdfArray([])]])]];
    });
    const result = await verify(pdf);
    expect(result.signatures).toHaveLength(1);
    expect(kinds(result)).toEqual([[3, 'form']]);
  });
});

describe('every other change after a signature is named by revision and kind', () => {
  const page = (doc: PdfDocument, index: number): [PdfRef, PdfDict] => {
    const ref = doc.pageRefs()[index]!;
    return [ref, doc.resolveDict(ref, 'page')];
  };

  test.each<[string, (pdf: Buffer) => Buffer, string]>([
    [
      'a new link annotation on a page',
      (pdf) =>
        update(pdf, (doc, next) => {
          const [ref, dict] = page(doc, 0);
          return [
            [ref, with_(dict, [['Annots', pdfArray([{ kind: 'ref', num: next, gen: 0 }])]])],
            [next, '<</Type /Annot /Subtype /Link /Rect [0 0 600 800] /A <</S /URI /URI (https://example.com)>>>>'],
          ];
        }),
      'annotations',
    ],
    [
      'an /OpenAction in the catalog',
      (pdf) => update(pdf, (doc) => [[doc.trailer.entries.get('Root') as PdfRef, with_(doc.catalog(), [['OpenAction', pdfArray([pdfName('X')])]])]]),
      'catalog',
    ],
    [
      'a new page resource (font) on a page',
      (pdf) =>
        update(pdf, (doc) => {
          const [ref, dict] = page(doc, 1);
          return [[ref, with_(dict, [['Resources', pdfDict([['Font', pdfDict([])]])]])]];
        }),
      'page-resources',
    ],
    [
      'the information dictionary edited',
      (pdf) =>
        update(pdf, (doc) => {
          const info = doc.trailer.entries.get('Info') as PdfRef;
          return [[info, with_(doc.resolveDict(info, 'info'), [['Title', { kind: 'string', bytes: Buffer.from('Other'), hex: false, start: -1, end: -1 }]])]];
        }),
      'metadata',
    ],
    [
      'the signed widget moved',
      (pdf) =>
        update(pdf, (doc) => {
          const form = doc.resolveDict(doc.catalog().entries.get('AcroForm'), 'form');
          const fields = doc.resolve(form.entries.get('Fields'));
          const widget = (isArray(fields) ? fields.items[0] : undefined) as PdfRef;
          return [[widget, with_(doc.resolveDict(widget, 'widget'), [['Rect', pdfArray([0, 0, 10, 10])]])]];
        }),
      'signature',
    ],
    [
      'a signed object deleted',
      (pdf) => {
        const doc = PdfDocument.parse(pdf);
        const info = doc.trailer.entries.get('Info') as PdfRef;
        const xref = pdf.length + 1;
        const trailer = pdfDict([...doc.trailer.entries].filter(([k]) => k !== 'Prev').concat([['Prev', doc.xref.startxref]]));
        return Buffer.concat([pdf, Buffer.from(`\nxref\n${info.num} 1\n0000000000 00001 f \ntrailer\n${serialize(trailer)}\nstartxref\n${xref}\n%%EOF\n`, 'latin1')]);
      },
      'deleted-object',
    ],
    ['an object nothing uses', (pdf) => update(pdf, (_doc, next) => [[next, '(stray)']]), 'added-object'],
  ])('%s', async (_name, edit, kind) => {
    const result = await verify(edit(signed));
    expect(result.ok).toBe(false);
    expect(result.changes.map((c) => c.kind), JSON.stringify(result.changes)).toContain(kind);
    expect(result.changes.every((c) => c.revision === 3)).toBe(true);
  });

  test('filling a reference the signed revision left dangling is a change of what referenced it', async () => {
    const base = buildPdf([
      '<</Type /Catalog /Pages 2 0 R>>',
      '<</Type /Pages /Kids [3 0 R] /Count 1>>',
      '<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 9 0 R>>',
    ]);
    const signedBase = await signPdf(base, { signer: auditor, signingTime: AUDIT });
    const filled = update(signedBase, () => [[9, '<</Length 20>>\nstream\nBT (late text) Tj ET\nendstream']]);
    const result = await verify(filled);
    expect(result.ok).toBe(false);
    expect(result.changes).toEqual([{ revision: 3, kind: 'page-content', objects: [9] }]);
  });

  test('a new signature field that carries an action is not just a signature', async () => {
    const pdf = update(signed, (doc, next) => {
      const formRef = doc.catalog().entries.get('AcroForm') as PdfRef;
      const form = doc.resolveDict(formRef, 'form');
      const fields = doc.resolve(form.entries.get('Fields'));
      const [ref, dict] = page(doc, 2);
      const annots = doc.resolve(dict.entries.get('Annots'));
      const widget = { kind: 'ref', num: next, gen: 0 } as const;
      return [
        [formRef, with_(form, [['Fields', pdfArray([...(isArray(fields) ? fields.items : []), widget])]])],
        [ref, with_(dict, [['Annots', pdfArray([...(isArray(annots) ? annots.items : []), widget])]])],
        [next, `<</Type /Annot /Subtype /Widget /FT /Sig /T (Signature9) /Rect [0 0 10 10] /P ${ref.num} 0 R /AA <</O <</S /JavaScript /JS (app.alert(1))>>>>>>`],
      ];
    });
    const result = await verify(pdf);
    expect(result.ok).toBe(false);
    expect(result.changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['form', 'annotations']));
    expect(isRef(PdfDocument.parse(pdf).catalog().entries.get('AcroForm'))).toBe(true);
  });
});
