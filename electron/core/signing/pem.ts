import { SigningError } from './errors';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A DER certificate as PEM (64-column base64 between the usual armour lines). */
export function certificateToPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * The DER certificates in a file a user picked: one or more PEM CERTIFICATE blocks, or raw DER.
 * Malformed base64 and PEM files without a certificate are `bad-input`; whether DER is really a
 * certificate is for the caller's parser to decide.
 */
export function certificatesFromFile(bytes: Buffer): Buffer[] {
  const text = bytes.toString('latin1');
  if (!text.trimStart().startsWith('-----BEGIN')) return [bytes];
  const ders = [...text.matchAll(PEM_BLOCK)].map(([, body]) => {
    const base64 = (body ?? '').replace(/\s+/g, '');
    if (!BASE64.test(base64) || base64.length === 0) throw new SigningError('bad-input', 'The PEM file is damaged.');
    return Buffer.from(base64, 'base64');
  });
  if (ders.length === 0) throw new SigningError('bad-input', 'The PEM file contains no certificate.');
  return ders;
}
