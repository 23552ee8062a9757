import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, test } from 'vitest';
import { signingCertificateProblems } from '../../../electron/core/signing/certificate-policy';
import { createIdentity, unlockIdentity } from '../../../electron/core/signing/identities';
import { signPdf } from '../../../electron/core/signing/sign-pdf';
import { verifyPdf } from '../../../electron/core/signing/verify-pdf';
import { makeDossierPdf, makeShapedSigner, tempDir, type CertificateShape } from './support';

const SIGNING_TIME = new Date('2026-11-23T09:00:00Z');
const VALID: Pick<CertificateShape, 'notBefore' | 'notAfter'> = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') };

let plain: Buffer;
beforeAll(async () => {
  plain = await makeDossierPdf();
}, 30_000);

/** Signs the test dossier with a certificate of that shape and verifies it with that certificate trusted. */
async function signedWith(shape: CertificateShape) {
  const signer = makeShapedSigner('陈静 Chen Jing', shape);
  const pdf = await signPdf(plain, { signer, signingTime: SIGNING_TIME });
  return (await verifyPdf(pdf, { trusted: [signer.certificate] })).signatures[0]!;
}

describe('a signature counts only when its certificate allowed it at the signing time', () => {
  test.each<[string, CertificateShape, string[]]>([
    ['expired years before the signing time', { notBefore: new Date('2015-01-01T00:00:00Z'), notAfter: new Date('2018-01-01T00:00:00Z') }, ['expired']],
    ['not yet valid at the signing time', { notBefore: new Date('2027-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') }, ['not-yet-valid']],
    ['key usage keyEncipherment only', { ...VALID, keyUsage: { keyEncipherment: true } }, ['key-usage']],
    ['extended key usage serverAuth only', { ...VALID, extKeyUsage: { serverAuth: true } }, ['extended-key-usage']],
    ['expired and for TLS servers only', { notBefore: new Date('2015-01-01T00:00:00Z'), notAfter: new Date('2018-01-01T00:00:00Z'), keyUsage: { keyEncipherment: true }, extKeyUsage: { serverAuth: true } }, ['expired', 'key-usage', 'extended-key-usage']],
  ])('%s: valid and trusted, yet not ok, the reason named', async (_name, shape, problems) => {
    const signature = await signedWith(shape);
    expect(signature).toMatchObject({ valid: true, trusted: true, ok: false });
    expect(signature.certificateProblems).toEqual(problems);
  });

  test.each<[string, CertificateShape]>([
    ['no key usage and no extended key usage at all', VALID],
    ['nonRepudiation only', { ...VALID, keyUsage: { nonRepudiation: true } }],
    ['digitalSignature with e-mail protection', { ...VALID, keyUsage: { digitalSignature: true, keyEncipherment: true }, extKeyUsage: { emailProtection: true } }],
  ])('%s: ok', async (_name, shape) => {
    expect(await signedWith(shape)).toMatchObject({ valid: true, trusted: true, ok: true, certificateProblems: [] });
  });

  test('without a signing time the validity cannot be judged', () => {
    expect(signingCertificateProblems(makeShapedSigner('X', VALID).certificate, undefined)).toEqual(['no-signing-time']);
    expect(signingCertificateProblems(Buffer.from('not a certificate'), SIGNING_TIME)).toEqual(['unreadable']);
  });
});

describe('the identities we create pass the policy', () => {
  test('digitalSignature + nonRepudiation (and keyCertSign for NSS), no extended key usage, valid from creation', async () => {
    const dir = tempDir();
    const identity = await createIdentity(dir, { name: '李伟 Li Wei', organisation: 'Example Audit', passphrase: 'correct horse 2026', keyBits: 2048, now: SIGNING_TIME });
    const { certificate } = await unlockIdentity(dir, identity.id, 'correct horse 2026');
    const cert = pkijs.Certificate.fromBER(new Uint8Array(certificate));
    const keyUsage = cert.extensions?.find((e) => e.extnID === '2.5.29.15')?.parsedValue as asn1js.BitString;
    // Bits 0 (digitalSignature), 1 (nonRepudiation) and 5 (keyCertSign): 1100 0100.
    expect(keyUsage.valueBlock.valueHexView[0]).toBe(0b1100_0100);
    expect(cert.extensions?.some((e) => e.extnID === '2.5.29.37')).toBe(false);
    expect(signingCertificateProblems(certificate, SIGNING_TIME)).toEqual([]);
    expect(signingCertificateProblems(certificate, new Date('2026-11-23T08:59:59Z'))).toEqual(['not-yet-valid']);
  });
});
