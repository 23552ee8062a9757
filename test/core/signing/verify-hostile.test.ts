import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { extractEmbeddedFiles } from '../../../electron/core/signing/embedded-files';
import { SigningError } from '../../../electron/core/signing/errors';
import { PdfDocument } from '../../../electron/core/signing/pdf/document';
import { appendIncrementalUpdate } from '../../../electron/core/signing/pdf/incremental';
import { isArray, isRef } from '../../../electron/core/signing/pdf/objects';
import { signPdf } from '../../../electron/core/signing/sign-pdf';
import { verifyPdf, type PdfVerification } from '../../../electron/core/signing/verify-pdf';
import { forgedSignature, lastContents, signShortOfTheEnd } from './hostile-pdfs';
import { buildPdf, makeDossierPdf, makeSigner } from './support';

let plain: Buffer;
let signed: Buffer;

beforeAll(async () => {
  plain = await makeDossierPdf();
  signed = await signPdf(plain, { signer: makeSigner('Auditor'), signingTime: new Date('2026-11-23T09:00:00Z') });
}, 60_000);

const TIME = new Date('2026-11-23T09:00:00Z');
const exact = (s: number, e: number, n: number): string => `0 ${s} ${e} ${n - e}`;

async function lastSignature(pdf: Buffer): Promise<PdfVerification['signatures'][number]> {
  const result = await verifyPdf(pdf, { trusted: [], allowUntrusted: true });
  expect(result.ok).toBe(false);
  return result.signatures[result.signatures.length - 1]!;
}

describe('byte ranges are checked, not believed', () => {
  test.each([
    ['does not start at 0', (s: number, e: number, n: number) => `1 ${s - 1} ${e} ${n - e}`],
    ['leaves a gap one byte off the /Contents string', (s: number, e: number, n: number) => `0 ${s + 1} ${e} ${n - e}`],
    ['reaches past the end of the file', (s: number, e: number, n: number) => `0 ${s} ${e} ${n - e + 10}`],
    ['leaves the dictionary itself unsigned', (s: number, e: number) => `0 ${s} ${e} 5`],
    ['has three numbers', (s: number, e: number) => `0 ${s} ${e}`],
    ['has a negative length', (s: number, e: number) => `0 ${s} ${e} -5`],
    ['holds a name', (s: number, e: number) => `0 ${s} ${e} /Length`],
  ])('a /ByteRange that %s is a byte-range problem', async (_name, range) => {
    const signature = await lastSignature(forgedSignature(plain, '<3000>', range));
    expect(signature).toMatchObject({ valid: false, trusted: false, problem: { code: 'byte-range' } });
  });

  test('a literal /Contents string is a byte-range problem', async () => {
    const signature = await lastSignature(forgedSignature(plain, '(3000)', exact));
    expect(signature.problem?.code).toBe('byte-range');
  });

  test('garbage CMS in a sane gap is cms-malformed', async () => {
    const signature = await lastSignature(forgedSignature(plain, `<${'30'.repeat(4)}ffff0000>`, exact));
    expect(signature.problem?.code).toBe('cms-malformed');
  });

  test('a real signature moved onto other bytes is a digest mismatch, and names its claimed signer', async () => {
    const signature = await lastSignature(forgedSignature(plain, lastContents(signed), exact));
    expect(signature).toMatchObject({ valid: false, problem: { code: 'digest-mismatch' }, signer: { commonName: 'Auditor' } });
  });

  test('an unsupported /SubFilter is reported as unsupported', async () => {
    const signature = await lastSignature(forgedSignature(plain, lastContents(signed), exact, 'adbe.x509.rsa_sha1'));
    expect(signature.problem?.code).toBe('unsupported');
  });

  test('a changed signature value is a signature mismatch', async () => {
    const gapStart = signed.lastIndexOf('/Contents <') + '/Contents <'.length;
    // The CMS starts 30 82 LLLL: its length sits in hex digits 4–8 of the /Contents string.
    const cmsLength = 4 + Number.parseInt(signed.toString('latin1', gapStart + 4, gapStart + 8), 16);
    const at = gapStart + 2 * (cmsLength - 20);
    const tampered = Buffer.from(signed);
    tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30;
    const signature = await lastSignature(tampered);
    expect(signature.problem?.code).toBe('signature-mismatch');
  });

  test('a PDF without signatures is not ok', async () => {
    expect(await verifyPdf(plain, { trusted: [] })).toMatchObject({ ok: false, signatures: [], revisions: 1, bytesAfterLastSignature: plain.length });
  });

  test('a valid signature whose range does not end where a revision ends is not-a-revision, and not ok', async () => {
    // The CMS holds, but it stops before "%%EOF": what the rest of the revision says cannot be judged.
    const pdf = await signShortOfTheEnd(plain, makeSigner('Auditor', 'X', 2048), TIME, 6);
    const result = await verifyPdf(pdf, { trusted: [], allowUntrusted: true });
    expect(result).toMatchObject({ ok: false, revisions: 2 });
    expect(result.signatures[0]).toMatchObject({ valid: false, problem: { code: 'not-a-revision' }, revision: undefined, coversWholeFile: false });
    expect(result.signatures[0]!.signer?.commonName).toBe('Auditor');
  });
});

describe('hostile files give typed errors or a failed report, never a crash', () => {
  const expectTyped = async (pdf: Buffer): Promise<void> => {
    try {
      const result = await verifyPdf(pdf, { trusted: [] });
      expect(typeof result.ok).toBe('boolean');
    } catch (error) {
      expect(error).toBeInstanceOf(SigningError);
    }
    try {
      extractEmbeddedFiles(pdf, 1024 * 1024);
    } catch (error) {
      expect(error).toBeInstanceOf(SigningError);
    }
  };

  test('garbage, empty, header-only and truncated files', async () => {
    await expect(verifyPdf(Buffer.alloc(0), { trusted: [] })).rejects.toMatchObject({ code: 'invalid-pdf' });
    await expect(verifyPdf(Buffer.from('hello'), { trusted: [] })).rejects.toMatchObject({ code: 'invalid-pdf' });
    expect(() => extractEmbeddedFiles(Buffer.from('%PDF-1.7\n'))).toThrow(expect.objectContaining({ code: 'invalid-pdf' }));
    for (let i = 1; i < 20; i++) await expectTyped(signed.subarray(0, Math.floor((signed.length * i) / 20)));
  });

  test('deep nesting, /ByteRange inside strings and nested dictionaries are not signatures', async () => {
    const base = buildPdf([
      '<</Type /Catalog /Pages 2 0 R>>',
      '<</Type /Pages /Kids [3 0 R] /Count 1>>',
      '<</Type /Page /Parent 2 0 R /MediaBox [0 0 10 10]>>',
      `<</ByteRange [0 1 2 3] /Contents <00> /X ${'['.repeat(5000)}${']'.repeat(5000)}>>`,
      '<</Note (/ByteRange [0 1 2 3] /Contents <00>)>>',
      '<</Inner <</ByteRange [0 1 2 3] /Contents <00>>>>>',
    ]);
    expect(await verifyPdf(base, { trusted: [] })).toMatchObject({ ok: false, signatures: [] });
  });

  test('more signature fields than any document needs is refused', async () => {
    const fields = Array.from({ length: 120 }, (_, i) => `${2 * i + 3} 0 R`).join(' ');
    const many = Array.from({ length: 120 }, (_, i) => [`<</FT /Sig /T (S${i}) /V ${2 * i + 4} 0 R>>`, '<</ByteRange [0 1 2 3] /Contents <00>>>']).flat();
    const pdf = buildPdf([`<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields [${fields}]>>>>`, '<</Type /Pages /Kids [] /Count 0>>', ...many]);
    await expect(verifyPdf(pdf, { trusted: [] })).rejects.toMatchObject({ code: 'invalid-pdf' });
  });

  test('random byte changes, insertions and cuts of a signed dossier (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), insert: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.option(fc.nat()),
        async (edits, cut) => {
          let pdf = Buffer.from(signed);
          for (const { at, byte, insert } of edits) {
            const i = at % pdf.length;
            pdf = insert ? Buffer.concat([pdf.subarray(0, i), Buffer.from([byte]), pdf.subarray(i)]) : Buffer.from(pdf.fill(byte, i, i + 1));
          }
          if (cut !== null) pdf = pdf.subarray(0, cut % (pdf.length + 1));
          await expectTyped(pdf);
        },
      ),
      { numRuns: 150, seed: 20261123 },
    );
  }, 60_000);
});

describe('attachments from hostile files', () => {
  const catalogWithFiles = (namesTree: string, ...rest: string[]): Buffer =>
    buildPdf([
      '<</Type /Catalog /Pages 2 0 R /Names <</EmbeddedFiles 4 0 R>>>>',
      '<</Type /Pages /Kids [] /Count 0>>',
      '<</Type /Filespec /F (x.json) /EF <</F 5 0 R>>>>',
      namesTree,
      ...rest,
    ]);
  const stream = (data: Buffer, dict = '/Filter /FlateDecode'): string =>
    `<</Type /EmbeddedFile ${dict} /Length ${data.length}>>\nstream\n${data.toString('latin1')}\nendstream`;

  test('a decompression bomb stops at the size cap', () => {
    const bomb = deflateSync(Buffer.alloc(5 * 1024 * 1024));
    const pdf = catalogWithFiles('<</Names [(x.json) 3 0 R]>>', stream(bomb));
    expect(() => extractEmbeddedFiles(pdf, 1024 * 1024)).toThrow(expect.objectContaining({ code: 'invalid-pdf', message: expect.stringContaining('larger') }));
    expect(extractEmbeddedFiles(pdf)[0]!.data.length).toBe(5 * 1024 * 1024);
  });

  test('a name tree that loops is invalid-pdf; an unknown filter is unsupported', () => {
    const loop = catalogWithFiles('<</Kids [4 0 R]>>', stream(Buffer.from('{}'), ''));
    expect(() => extractEmbeddedFiles(loop)).toThrow(expect.objectContaining({ code: 'invalid-pdf' }));
    const lzw = catalogWithFiles('<</Names [(x.json) 3 0 R]>>', stream(Buffer.from('{}'), '/Filter /LZWDecode'));
    expect(() => extractEmbeddedFiles(lzw)).toThrow(expect.objectContaining({ code: 'unsupported' }));
  });

  test('an attachment swapped in after signing shows in the file but not in the signed revision', async () => {
    const doc = PdfDocument.parse(signed);
    const [original] = extractEmbeddedFiles(signed);
    const forged = Buffer.from(JSON.stringify({ project: 'Example Motors', result: 'forged' }));
    // Rewrite the embedded file stream object in an incremental update, as an attacker would.
    const af = doc.resolve(doc.catalog().entries.get('AF'));
    const filespec = doc.resolveDict(isArray(af) ? af.items[0] : undefined, 'file specification');
    const streamRef = doc.resolveDict(filespec.entries.get('EF'), 'EF').entries.get('F');
    if (!isRef(streamRef)) throw new Error('pdfkit wrote the attachment stream indirectly');
    const streamNum = streamRef.num;
    const body = Buffer.from(`<</Type /EmbeddedFile /Subtype /application#2Fjson /Length ${forged.length}>>\nstream\n${forged.toString('latin1')}\nendstream`, 'latin1');
    const tampered = appendIncrementalUpdate(signed, doc, [{ num: streamNum, gen: 0, body }]);
    expect(extractEmbeddedFiles(tampered)[0]!.data).toEqual(forged);
    const result = await verifyPdf(tampered, { trusted: [], allowUntrusted: true });
    expect(result).toMatchObject({ ok: false, signatures: [{ valid: true, coversWholeFile: false, changesAfter: [{ revision: 3, kind: 'embedded-files' }] }] });
    expect(extractEmbeddedFiles(tampered.subarray(0, result.signatures[0]!.signedLength))[0]!.data).toEqual(original!.data);
  });
});
