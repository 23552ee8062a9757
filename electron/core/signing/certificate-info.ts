import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SigningError } from './errors';

/** What the UI and the verifier show about a certificate. */
export interface CertificateInfo {
  /** Lower-case hex SHA-256 of the DER: the id of identities and trusted certificates. */
  readonly fingerprint: string;
  readonly commonName?: string;
  readonly organisation?: string;
  readonly email?: string;
  /** The subject as `CN=…, O=…` in certificate order. */
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'E',
};

/** Lower-case hex SHA-256 of some bytes. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Parses a DER certificate with pkijs; anything else is `bad-input`. */
function parseCertificate(der: Uint8Array): pkijs.Certificate {
  try {
    const parsed = asn1js.fromBER(der);
    if (parsed.offset !== der.byteLength) throw new Error('trailing or truncated data');
    return new pkijs.Certificate({ schema: parsed.result });
  } catch (error) {
    throw new SigningError('bad-input', 'The data is not an X.509 certificate.', { cause: error });
  }
}

/** Names, validity and fingerprint of a DER certificate. */
export function describeCertificate(der: Buffer): CertificateInfo {
  const cert = parseCertificate(der);
  const subject = nameParts(cert.subject);
  const find = (short: string): string | undefined => subject.find(([key]) => key === short)?.[1];
  return {
    fingerprint: sha256Hex(der),
    commonName: find('CN'),
    organisation: find('O'),
    email: find('E'),
    subject: formatName(subject),
    issuer: formatName(nameParts(cert.issuer)),
    serialNumber: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
  };
}

function nameParts(name: pkijs.RelativeDistinguishedNames): [string, string][] {
  return name.typesAndValues.map((tv) => {
    const value = tv.value.valueBlock as { value?: unknown };
    return [SHORT_NAMES[tv.type] ?? tv.type, typeof value.value === 'string' ? value.value : ''];
  });
}

const formatName = (parts: [string, string][]): string => parts.map(([key, value]) => `${key}=${value}`).join(', ');
