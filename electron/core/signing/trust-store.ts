import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { isNotFound, writeFileAtomic } from './atomic-file';
import { describeCertificate, sha256Hex } from './certificate-info';
import { SigningError } from './errors';
import { certificatesFromFile } from './pem';
import { parseX509 } from './x509';

/** A certificate the user trusts, as the settings page lists it (dates as ISO strings). */
export interface TrustedCertificate {
  /** Lower-case hex SHA-256 of the DER; also the file name `<fingerprint>.der`. */
  readonly fingerprint: string;
  readonly commonName?: string;
  readonly organisation?: string;
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly isCA: boolean;
}

const FILE = /^([0-9a-f]{64})\.der$/;

/**
 * Adds certificates to the trust folder (`<dataDir>/trust`): a PEM file (one or more
 * certificates) or a DER certificate. Every certificate is parsed by two independent parsers
 * before anything is written; re-importing a trusted certificate changes nothing.
 * @throws SigningError `bad-input` for anything that is not a certificate.
 */
export async function importTrustedCertificates(dir: string, file: Buffer): Promise<TrustedCertificate[]> {
  if (!Buffer.isBuffer(file) || file.length === 0) throw new SigningError('bad-input', 'The certificate file is empty.');
  const ders = certificatesFromFile(file);
  const described = ders.map((der) => describe(der));
  await mkdir(dir, { recursive: true });
  for (const [index, der] of ders.entries()) {
    await writeFileAtomic(path.join(dir, `${described[index]!.fingerprint}.der`), der);
  }
  return described;
}

/** Every trusted certificate, by subject; an absent folder is an empty store. @throws SigningError `corrupt-store`. */
export async function listTrustedCertificates(dir: string): Promise<TrustedCertificate[]> {
  const ders = await readTrustedCertificates(dir);
  return ders.map((der) => describe(der)).sort((a, b) => a.subject.localeCompare(b.subject) || a.fingerprint.localeCompare(b.fingerprint));
}

/** The DER bytes of every trusted certificate, for `verifyPdf`'s `trusted` option. @throws SigningError `corrupt-store`. */
export async function readTrustedCertificates(dir: string): Promise<Buffer[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const ders: Buffer[] = [];
  for (const entry of entries.sort()) {
    const match = FILE.exec(entry);
    if (!match) continue; // temp files of an interrupted write, or files a person left there
    const der = await readFile(path.join(dir, entry));
    // A file whose content no longer matches its name was altered behind our back.
    if (sha256Hex(der) !== match[1]) throw new SigningError('corrupt-store', `The trusted certificate ${entry} has been altered.`);
    ders.push(der);
  }
  return ders;
}

/** Stops trusting a certificate. @throws SigningError `not-found`. */
export async function removeTrustedCertificate(dir: string, fingerprint: string): Promise<void> {
  const normalised = fingerprint.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(normalised)) throw new SigningError('not-found', 'No trusted certificate with that fingerprint.');
  try {
    await rm(path.join(dir, `${normalised}.der`));
  } catch (error) {
    if (isNotFound(error)) throw new SigningError('not-found', `No trusted certificate ${normalised}.`);
    throw error;
  }
}

function describe(der: Buffer): TrustedCertificate {
  const x509 = parseX509(der);
  const info = describeCertificate(der);
  return {
    fingerprint: info.fingerprint,
    commonName: info.commonName,
    organisation: info.organisation,
    subject: info.subject,
    issuer: info.issuer,
    notBefore: info.notBefore.toISOString(),
    notAfter: info.notAfter.toISOString(),
    isCA: x509.ca,
  };
}
