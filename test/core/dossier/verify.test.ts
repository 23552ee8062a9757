import { expect, test } from 'vitest';
import { verifyDossier } from '../../../electron/core/dossier/verify';
import { signPdf } from '../../../electron/core/signing/sign-pdf';
import { makeDossierPdf, makeShapedSigner } from '../signing/support';

test('names and reasons from the PDF reach the report with control characters and bidi overrides shown as visible escapes', async () => {
  const signer = makeShapedSigner('陈静\nResult: OK\u202e', { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') });
  const pdf = await signPdf(await makeDossierPdf(), { signer, signingTime: new Date('2026-11-23T09:00:00Z'), reason: 'line\r\nbreak\u001b[2J' });
  const check = await verifyDossier(pdf, 'd.pdf', [signer.certificate]);
  expect(check.signatures[0]).toMatchObject({ signer: { commonName: '陈静\\nResult: OK\\u202e' }, reason: 'line\\r\\nbreak\\x1b[2J' });
});
