import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CertificateProblemCode } from '../../../shared/domain/signing';

const KEY_USAGE = '2.5.29.15';
const EXTENDED_KEY_USAGE = '2.5.29.37';
/** digitalSignature (bit 0) and nonRepudiation / contentCommitment (bit 1), RFC 5280 §4.2.1.3. */
const SIGNING_BITS = 0b1100_0000;
/**
 * Extended key usages that allow signing documents: any, e-mail protection (what NSS and Adobe
 * accept for PDF signers), Adobe Authentic Documents, Microsoft document signing and RFC 9336
 * id-kp-documentSigning.
 */
const SIGNING_PURPOSES = new Set([
  '2.5.29.37.0',
  '1.3.6.1.5.5.7.3.4',
  '1.2.840.113583.1.1.5',
  '1.3.6.1.4.1.311.10.3.12',
  '1.3.6.1.5.5.7.3.36',
]);

/**
 * Whether a certificate allowed the signature made with it: valid at the signing time
 * (notBefore ≤ time ≤ notAfter), key usage (when present) including digitalSignature or
 * nonRepudiation, extended key usage (when present) including a document-signing purpose.
 * Every problem found is returned; none means the certificate was fit for this signature.
 * The signing time is what the signer claims (there is no timestamp authority here).
 */
export function signingCertificateProblems(der: Buffer, signingTime: Date | undefined): CertificateProblemCode[] {
  let certificate: pkijs.Certificate;
  try {
    certificate = pkijs.Certificate.fromBER(new Uint8Array(der));
  } catch {
    return ['unreadable'];
  }
  const problems: CertificateProblemCode[] = [];
  if (signingTime === undefined) problems.push('no-signing-time');
  else if (signingTime < certificate.notBefore.value) problems.push('not-yet-valid');
  else if (signingTime > certificate.notAfter.value) problems.push('expired');

  const extension = (id: string): pkijs.Extension | undefined => certificate.extensions?.find((e) => e.extnID === id);
  const keyUsage = extension(KEY_USAGE)?.parsedValue as unknown;
  if (keyUsage !== undefined) {
    const first = keyUsage instanceof asn1js.BitString ? (keyUsage.valueBlock.valueHexView[0] ?? 0) : 0;
    if ((first & SIGNING_BITS) === 0) problems.push('key-usage');
  }
  const extendedKeyUsage = extension(EXTENDED_KEY_USAGE)?.parsedValue as unknown;
  if (extendedKeyUsage !== undefined) {
    const purposes = extendedKeyUsage instanceof pkijs.ExtKeyUsage ? extendedKeyUsage.keyPurposes : [];
    if (!purposes.some((purpose) => SIGNING_PURPOSES.has(purpose))) problems.push('extended-key-usage');
  }
  return problems;
}
