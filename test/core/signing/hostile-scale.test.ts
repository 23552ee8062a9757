import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { verifyDossier } from '../../../electron/core/dossier/verify';
import { verifyDossierInWorker } from '../../../electron/core/dossier/verify-job';
import { setWorkersDir } from '../../../electron/core/jobs/workers-dir';
import { signPdf } from '../../../electron/core/signing/sign-pdf';
import { byteRangeFlood, deepNesting, hugeFieldList, manyPages, manyRevisions, overlayPage } from './hostile-pdfs';
import { makeDossierPdf, makeSigner } from './support';

const KB = 1024;
const MB = 1024 * KB;
// The old verifier took 124 s on the 200 KB flood. Timings belong to the bench; these timeouts only
// catch a return of that class of slowness.
const CATASTROPHE_MS = 20_000;

beforeAll(() => setWorkersDir(join(process.cwd(), 'dist/workers')));

describe('files made to exhaust the verifier are refused, in linear time', () => {
  test.each([
    ['200 KB', 200 * KB],
    ['2.5 MB', 2.5 * MB],
  ])('one unterminated object of thousands of /ByteRange dictionaries, %s', async (_size, size) => {
    const pdf = byteRangeFlood(size);
    expect(pdf.length).toBeGreaterThan(size * 0.9);
    expect(pdf.toString('latin1').split('/ByteRange').length).toBeGreaterThan(size / 80);
    const check = await verifyDossier(pdf, 'flood.pdf', []);
    expect(check).toMatchObject({ ok: false, signatures: [], problems: [{ code: 'malformed-pdf' }] });
  }, CATASTROPHE_MS);

  test('the same flood without a form pointing at it: a PDF without signatures', async () => {
    const pdf = Buffer.from(byteRangeFlood(2.5 * MB).toString('latin1').replace('/AcroForm <</Fields [4 0 R]>>', '/AcroForm <</Fields []     >>'), 'latin1');
    expect(await verifyDossier(pdf, 'flood.pdf', [])).toMatchObject({ ok: false, signatures: [], problems: [{ code: 'no-signatures' }] });
  }, CATASTROPHE_MS);

  test('2.5 MB of nested arrays', async () => {
    expect(await verifyDossier(deepNesting(2.5 * MB), 'deep.pdf', [])).toMatchObject({ ok: false, problems: [{ code: 'malformed-pdf' }] });
  }, CATASTROPHE_MS);

  test('a field list naming one signature field 320 000 times: one signature, judged once', async () => {
    const check = await verifyDossier(hugeFieldList(2.5 * MB), 'fields.pdf', []);
    expect(check).toMatchObject({ ok: false, signatures: [{ valid: false, problem: 'byte-range' }] });
  }, CATASTROPHE_MS);

  test('more revisions than any dossier has are refused', async () => {
    const pdf = manyRevisions(await makeDossierPdf(), 70);
    expect(await verifyDossier(pdf, 'revisions.pdf', [])).toMatchObject({ ok: false, problems: [{ code: 'malformed-pdf' }] });
  }, CATASTROPHE_MS);

  test('a signed 30 000-page document edited after signing: the whole walk is done and the edit named', async () => {
    const signed = await signPdf(manyPages(2.5 * MB), { signer: makeSigner('Auditor', 'X', 2048), signingTime: new Date('2026-11-23T09:00:00Z') });
    const check = await verifyDossier(overlayPage(signed, 1), 'pages.pdf', [], { allowUntrusted: true });
    expect(check.ok).toBe(false);
    expect(check.changes).toEqual([{ revision: 3, kind: 'page-content', objects: [expect.any(Number)] }]);
  }, CATASTROPHE_MS);

  test('in a worker thread, as the app runs it: the same verdict, and the worker is gone afterwards', async () => {
    const check = await verifyDossierInWorker(byteRangeFlood(2.5 * MB), 'flood.pdf', []);
    expect(check).toMatchObject({ ok: false, problems: [{ code: 'malformed-pdf' }] });
  }, CATASTROPHE_MS);
});
