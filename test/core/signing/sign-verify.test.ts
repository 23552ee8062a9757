import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, test } from 'vitest';
import { extractEmbeddedFiles } from '../../../electron/core/signing/embedded-files';
import { SigningError } from '../../../electron/core/signing/errors';
import { PdfDocument } from '../../../electron/core/signing/pdf/document';
import { isArray, isDict, isRef } from '../../../electron/core/signing/pdf/objects';
import { certificateToPem } from '../../../electron/core/signing/pem';
import { writePkcs12 } from '../../../electron/core/signing/pkcs12';
import { signPdf, type SignPdfOptions } from '../../../electron/core/signing/sign-pdf';
import type { UnlockedSigner } from '../../../electron/core/signing/unlocked-signer';
import { verifyPdf } from '../../../electron/core/signing/verify-pdf';
import { ASSESSMENT, makeDossierPdf, makeSigner, pdfsigSummary, run, tempDir, writeTemp } from './support';

const AUDIT_TIME = new Date('2026-11-23T09:00:00Z');
const REVIEW_TIME = new Date('2026-11-24T10:30:00Z');

let auditor: UnlockedSigner;
let reviewer: UnlockedSigner;
let plain: Buffer;
let signed: Buffer;
let countersigned: Buffer;
let dir: string;

const auditorOptions = (): SignPdfOptions => ({
  signer: auditor,
  signingTime: AUDIT_TIME,
  reason: '审核 Audit',
  location: '上海 Shanghai',
  contactInfo: 'auditor@example.com',
});

beforeAll(async () => {
  auditor = makeSigner('审核员 Auditor');
  reviewer = makeSigner('Reviewer', 'Example Review Ltd');
  plain = await makeDossierPdf();
  signed = await signPdf(plain, auditorOptions());
  countersigned = await signPdf(signed, {
    signer: reviewer,
    signingTime: REVIEW_TIME,
    reason: 'Review',
    widget: { page: 1, rect: [72, 72, 272, 152] },
  });
  dir = tempDir();
}, 60_000);

describe('signing, checked by poppler and qpdf', () => {
  test('pdfsig: the signature is valid and covers the whole document', () => {
    const out = run('pdfsig', [writeTemp(dir, 'signed.pdf', signed)]);
    expect(out.status).toBe(0);
    expect(pdfsigSummary(out.stdout)).toMatchObject({ total: 1, valid: 1, lastCoversAll: true });
    expect(out.stdout).toContain('Signer Certificate Common Name: 审核员 Auditor');
    expect(out.stdout).toContain('Signing Hash Algorithm: SHA-256');
    expect(out.stdout).toContain('Signature Type: adbe.pkcs7.detached');
    expect(out.stdout).toContain('Signing Time: Nov 23 2026 09:00:00');
  });

  test('pdfsig: the countersignature leaves the first valid; only the last covers the whole file', () => {
    const out = run('pdfsig', [writeTemp(dir, 'countersigned.pdf', countersigned)]);
    expect(pdfsigSummary(out.stdout)).toMatchObject({ total: 2, valid: 2, lastCoversAll: true });
    expect(out.stdout).toContain('Not total document signed');
    expect(out.stdout).toContain('Signature Field Name: Signature2');
  });

  test.each([
    ['plain', () => plain],
    ['signed', () => signed],
    ['countersigned', () => countersigned],
  ])('qpdf --check finds nothing to say about the %s file', (name, pdf) => {
    const out = run('qpdf', ['--check', writeTemp(dir, `${name}-check.pdf`, pdf())]);
    expect(out.stderr).toBe('');
    expect(out.stdout).not.toMatch(/WARNING/);
    expect(out.stdout).toContain('No syntax or stream encoding errors found');
    expect(out.status).toBe(0); // 3 would mean warnings
  });

  test('the attachment survives signing (pdfdetach)', () => {
    const out = run('pdfdetach', ['-list', writeTemp(dir, 'detach.pdf', countersigned)]);
    expect(out.stdout).toContain('1: assessment.json');
  });

  test('the incremental updates leave every earlier byte as it was', () => {
    expect(signed.subarray(0, plain.length).equals(plain)).toBe(true);
    expect(countersigned.subarray(0, signed.length).equals(signed)).toBe(true);
  });

  test('the countersignature widget sits on page 2 at the requested rectangle, the first is invisible', () => {
    const doc = PdfDocument.parse(countersigned);
    const pages = doc.pageRefs();
    const widgets = pages.map((ref) => {
      const annots = doc.resolve(doc.resolveDict(ref, 'page').entries.get('Annots'));
      return isArray(annots) ? annots.items.map((a) => doc.resolveDict(a, 'widget')) : [];
    });
    expect(widgets[0]!.map((w) => w.entries.get('Rect'))).toEqual([expect.objectContaining({ items: [0, 0, 0, 0] })]);
    const [visible] = widgets[1]!;
    expect(visible!.entries.get('Rect')).toMatchObject({ items: [72, 72, 272, 152] });
    const pageRef = visible!.entries.get('P');
    expect(isRef(pageRef) && pageRef.num).toBe(pages[1]!.num);
    const form = doc.resolveDict(doc.catalog().entries.get('AcroForm'), 'form');
    expect(form.entries.get('SigFlags')).toBe(3);
    expect(isDict(visible!.entries.get('AP'))).toBe(true);
  });

  test('a page that already has annotations (a link) keeps them next to the widget', async () => {
    const doc = new PDFDocument({ info: { CreationDate: AUDIT_TIME } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    doc.text('See the guideline').link(72, 72, 100, 20, 'https://example.com/guideline');
    doc.end();
    await ended;
    const pdf = await signPdf(Buffer.concat(chunks), { ...auditorOptions(), widget: { page: 0, rect: [300, 72, 500, 140] } });
    const parsed = PdfDocument.parse(pdf);
    const annots = parsed.resolve(parsed.resolveDict(parsed.pageRefs()[0], 'page').entries.get('Annots'));
    const subtypes = isArray(annots) ? annots.items.map((a) => parsed.resolveDict(a, 'annotation').entries.get('Subtype')) : [];
    expect(subtypes).toEqual([{ kind: 'name', value: 'Link' }, { kind: 'name', value: 'Widget' }]);
    expect(pdfsigSummary(run('pdfsig', [writeTemp(dir, 'link.pdf', pdf)]).stdout)).toMatchObject({ total: 1, valid: 1, lastCoversAll: true });
  });

  test('same inputs and signing time give the same bytes, from an unlocked signer or a PKCS#12', async () => {
    const again = await signPdf(plain, auditorOptions());
    expect(again.equals(signed)).toBe(true);
    const p12 = writePkcs12(auditor, 'correct horse battery', { iterations: 1000 });
    const viaP12 = await signPdf(plain, { ...auditorOptions(), signer: { p12, passphrase: 'correct horse battery' } });
    expect(viaP12.equals(signed)).toBe(true);
    const later = await signPdf(plain, { ...auditorOptions(), signingTime: new Date('2026-11-23T09:00:01Z') });
    expect(later.equals(signed)).toBe(false);
  });

  test('a wrong passphrase for the PKCS#12 is a typed error', async () => {
    const p12 = writePkcs12(auditor, 'correct horse battery', { iterations: 1000 });
    await expect(signPdf(plain, { ...auditorOptions(), signer: { p12, passphrase: 'wrong horse battery' } })).rejects.toMatchObject({
      name: 'SigningError',
      code: 'bad-passphrase',
    });
  });

  test('bad inputs to signPdf are typed errors', async () => {
    await expect(signPdf(Buffer.from('not a pdf'), auditorOptions())).rejects.toMatchObject({ code: 'invalid-pdf' });
    await expect(signPdf(plain, { ...auditorOptions(), signingTime: new Date('nope') })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(signPdf(plain, { ...auditorOptions(), widget: { page: 5, rect: [0, 0, 10, 10] } })).rejects.toMatchObject({
      code: 'bad-input',
    });
  });
});

describe('our verifier', () => {
  test('reports both signatures valid, who signed and when, and the document ok once both signers are trusted', async () => {
    expect((await verifyPdf(countersigned, { trusted: [] })).ok).toBe(false);
    expect((await verifyPdf(countersigned, { trusted: [auditor.certificate] })).ok).toBe(false);
    expect((await verifyPdf(countersigned, { trusted: [], allowUntrusted: true })).ok).toBe(true);
    const result = await verifyPdf(countersigned, { trusted: [auditor.certificate, reviewer.certificate] });
    expect(result).toMatchObject({ ok: true, revisions: 3, changes: [], trailingBytes: 0 });
    expect(result.bytesAfterLastSignature).toBe(0);
    const [first, second] = result.signatures;
    expect(first).toMatchObject({
      fieldName: 'Signature1',
      revision: 2,
      valid: true,
      ok: true,
      changesAfter: [],
      certificateProblems: [],
      coversWholeFile: false,
      signedLength: signed.length,
      subFilter: 'adbe.pkcs7.detached',
      signingTime: AUDIT_TIME,
      trusted: true,
      claims: { name: '审核员 Auditor', reason: '审核 Audit', location: '上海 Shanghai', contactInfo: 'auditor@example.com' },
      signer: { commonName: '审核员 Auditor', organisation: '示例汽车有限公司' },
    });
    expect(second).toMatchObject({ fieldName: 'Signature2', revision: 3, valid: true, ok: true, coversWholeFile: true, signingTime: REVIEW_TIME });
    expect(second!.signer?.commonName).toBe('Reviewer');
    expect(first!.signer?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  test('trust comes only from the trusted set', async () => {
    const trustedAuditor = await verifyPdf(countersigned, { trusted: [auditor.certificate] });
    expect(trustedAuditor.signatures.map((s) => s.trusted)).toEqual([true, false]);
    expect(trustedAuditor.signatures[0]!.trustAnchor).toBe(trustedAuditor.signatures[0]!.signer?.fingerprint);
    expect(trustedAuditor.signatures[1]!.trustAnchor).toBeUndefined();
    const both = await verifyPdf(countersigned, { trusted: [auditor.certificate, reviewer.certificate] });
    expect(both.signatures.map((s) => s.trusted)).toEqual([true, true]);
  });

  test('NSS (pdfsig -nssdir) trusts the signer once its certificate is imported with CT,C,C', () => {
    const nss = tempDir('adsg-nss-');
    const pem = writeTemp(nss, 'auditor.pem', certificateToPem(auditor.certificate));
    expect(run('certutil', ['-N', '--empty-password', '-d', `sql:${nss}`]).status).toBe(0);
    expect(run('certutil', ['-A', '-n', 'signer', '-t', 'CT,C,C', '-i', pem, '-d', `sql:${nss}`]).status).toBe(0);
    const out = run('pdfsig', ['-nssdir', `sql:${nss}`, writeTemp(dir, 'nss.pdf', countersigned)]);
    const blocks = out.stdout.split(/^Signature #\d+:/m).slice(1);
    expect(blocks[0]).toContain('Certificate Validation: Certificate is Trusted.');
    expect(blocks[1]).not.toContain('Certificate is Trusted.');
  });

  test('the embedded assessment can be read back, also as the first signer saw it', async () => {
    const [file] = extractEmbeddedFiles(countersigned);
    expect(file).toMatchObject({ name: 'assessment.json', mimeType: 'application/json', description: 'Machine-readable assessment' });
    expect(JSON.parse(file!.data.toString('utf8'))).toEqual(ASSESSMENT);
    const result = await verifyPdf(countersigned, { trusted: [] });
    const atFirst = extractEmbeddedFiles(countersigned.subarray(0, result.signatures[0]!.signedLength));
    expect(atFirst.map((f) => f.data)).toEqual([file!.data]);
  });
});

describe('tampering is reported by pdfsig and by our verifier', () => {
  const lastGap = (): [number, number] => {
    const text = countersigned.toString('latin1');
    const match = [...text.matchAll(/\/ByteRange \[0 (\d+) (\d+) (\d+)\]/g)].pop()!;
    return [Number(match[1]), Number(match[2])];
  };

  test('flipping any one byte outside the last /Contents gap, at 40 places through the file', async () => {
    const [gapStart, gapEnd] = lastGap();
    const positions = new Set<number>([0, 5, countersigned.length - 1, gapStart - 1, gapEnd, signed.length - 1]);
    for (let i = 0; positions.size < 40; i++) {
      const at = Math.floor(((i + 0.5) * countersigned.length) / 40);
      positions.add(at >= gapStart && at < gapEnd ? gapEnd + (at - gapStart) % 100 : at);
    }
    const file = `${dir}/flipped.pdf`;
    for (const at of positions) {
      const tampered = Buffer.from(countersigned);
      tampered[at] = tampered[at]! ^ 0x01;
      writeTemp(dir, 'flipped.pdf', tampered);
      const poppler = pdfsigSummary(run('pdfsig', [file]).stdout);
      expect(poppler.valid === 2 && poppler.total === 2 && poppler.lastCoversAll, `pdfsig missed a flip at ${at}`).toBe(false);
      const ours = await verifyPdf(tampered, { trusted: [], allowUntrusted: true }).catch((error: unknown) => error);
      if (ours instanceof SigningError) continue; // not even a PDF any more: reported, as a typed error
      expect(ours, `verifyPdf missed a flip at ${at}`).toMatchObject({ ok: false });
    }
  }, 60_000);

  test('a flip inside the last gap (the signature value itself) breaks that signature', async () => {
    const [gapStart] = lastGap();
    const tampered = Buffer.from(countersigned);
    tampered[gapStart + 40] = tampered[gapStart + 40] === 0x30 ? 0x31 : 0x30;
    const result = await verifyPdf(tampered, { trusted: [], allowUntrusted: true });
    expect(result.ok).toBe(false);
    expect(result.signatures[1]!.valid).toBe(false);
  });

  test('appending an end of line after the last %%EOF changes nothing a reader sees: still ok, the byte is reported', async () => {
    const tampered = Buffer.concat([countersigned, Buffer.from('\n')]);
    expect(pdfsigSummary(run('pdfsig', [writeTemp(dir, 'newline.pdf', tampered)]).stdout).lastCoversAll).toBe(false);
    const ours = await verifyPdf(tampered, { trusted: [], allowUntrusted: true });
    expect(ours).toMatchObject({ ok: true, bytesAfterLastSignature: 1, trailingBytes: 0 });
  });

  test.each([
    // The end of line right after %%EOF still belongs to the last revision.
    ['a comment', '% appended\n', 11],
    ['a second end of line', '\n\n', 1],
    ['a whole incremental update without its own table', '\n99 0 obj\n(hello)\nendobj\n', 24],
  ])('appending %s is bytes outside any revision: not ok', async (_name, extra, outside) => {
    const tampered = Buffer.concat([countersigned, Buffer.from(extra, 'latin1')]);
    const poppler = pdfsigSummary(run('pdfsig', [writeTemp(dir, 'appended.pdf', tampered)]).stdout);
    expect(poppler.lastCoversAll).toBe(false);
    const ours = await verifyPdf(tampered, { trusted: [], allowUntrusted: true });
    expect(ours).toMatchObject({ ok: false, bytesAfterLastSignature: extra.length, trailingBytes: outside });
    expect(ours.signatures.every((s) => s.valid && s.ok && !s.coversWholeFile)).toBe(true);
  });
});
