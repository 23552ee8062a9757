import { randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** What goes into a self-signed signing certificate. */
export interface SelfSignedCertificateInput {
  readonly name: string;
  readonly organisation: string;
  readonly email?: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/**
 * Builds a self-signed X.509 v3 certificate for document signing with node-forge: SHA-256 with
 * RSA, key usage digitalSignature + nonRepudiation, no extended key usage (NSS's e-mail-signer
 * check and Adobe both accept a certificate without one).
 *
 * It is also marked as a CA (pathLen 0) with keyCertSign: a recipient trusts a self-signed
 * certificate by making it a trust anchor, and NSS's libpkix (poppler's pdfsig, Firefox, Thunderbird)
 * refuses an anchor that cannot sign certificates, reporting "issuer unknown" even when the
 * certificate is explicitly trusted. pathLen 0 keeps it from vouching for sub-CAs.
 * @returns the certificate DER.
 */
export function createSelfSignedCertificate(input: SelfSignedCertificateInput): Buffer {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(input.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // 16 random bytes with the top bit clear: a positive serial in DER without a padding byte.
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = input.notBefore;
  cert.validity.notAfter = input.notAfter;
  // forge writes PrintableString unless told otherwise, which cannot hold Chinese names or "@".
  const utf8 = forge.asn1.Type.UTF8;
  const attributes = [
    { shortName: 'CN', value: input.name, valueTagClass: utf8 },
    { shortName: 'O', value: input.organisation, valueTagClass: utf8 },
    ...(input.email ? [{ name: 'emailAddress', value: input.email, valueTagClass: forge.asn1.Type.IA5STRING }] : []),
    // @types/node-forge types valueTagClass as asn1.Class; forge reads it as an asn1.Type.
  ] as unknown as forge.pki.CertificateField[];
  cert.setSubject(attributes);
  cert.setIssuer(attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, keyCertSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    ...(input.email ? [{ name: 'subjectAltName', altNames: [{ type: 1, value: input.email }] }] : []),
  ]);
  const forgeKey = forge.pki.privateKeyFromPem(input.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  cert.sign(forgeKey, forge.md.sha256.create());
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}
