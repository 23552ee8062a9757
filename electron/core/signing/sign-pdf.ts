import { SignPdf, SignPdfError } from '@signpdf/signpdf';
import type { AppearanceLine } from './appearance';
import { describeCertificate, type CertificateInfo } from './certificate-info';
import { cmsCapacity, CmsSigner } from './cms-signer';
import { SigningError } from './errors';
import { readPkcs12 } from './pkcs12';
import { addSignaturePlaceholder, type WidgetRect } from './placeholder';
import type { UnlockedSigner } from './unlocked-signer';

export interface SignPdfOptions {
  /** An unlocked identity, or a PKCS#12 with its passphrase (unlocked here, never stored). */
  readonly signer: UnlockedSigner | { readonly p12: Buffer; readonly passphrase: string };
  /** The time written into the signature (/M and the CMS signing-time): fixed by the caller so output is reproducible. */
  readonly signingTime: Date;
  /** The signer's name as shown by readers; defaults to the certificate's common name. */
  readonly name?: string;
  readonly reason?: string;
  readonly location?: string;
  readonly contactInfo?: string;
  /** Where the signature shows: a page (0-based) and a rectangle on it; invisible when absent. */
  readonly widget?: { readonly page: number; readonly rect: WidgetRect };
  /**
   * Draw the signature in its widget — signer, organisation, time and certificate fingerprint —
   * with a subset of this font (OpenType or TrueType; it needs the glyphs of the signer's name).
   * Without it the widget is empty.
   */
  readonly appearanceFont?: Buffer;
}

const NAVY = [0.106, 0.227, 0.365] as const;
const INK = [0.2, 0.2, 0.2] as const;
const MUTED = [0.4, 0.4, 0.4] as const;

/** What a visible signature says: no words, only values, so it reads the same in any language. */
function appearanceLines(name: string, certificate: CertificateInfo, signingTime: Date): AppearanceLine[] {
  const time = `${signingTime.toISOString().replace('T', ' ').slice(0, 19)} UTC`;
  return [
    { text: name, size: 12, color: NAVY },
    ...(certificate.organisation ? [{ text: certificate.organisation, size: 8.5, color: INK }] : []),
    { text: time, size: 8.5, color: INK },
    { text: `SHA-256 ${certificate.fingerprint.slice(0, 32)}`, size: 6.5, color: MUTED },
    { text: certificate.fingerprint.slice(32), size: 6.5, color: MUTED },
  ];
}

/**
 * Signs a finished PDF (pdfkit output, or a PDF we signed before) with an `adbe.pkcs7.detached`
 * SHA-256 signature appended as an incremental update. On a signed PDF this adds a
 * countersignature and leaves the earlier ones valid. Same inputs and signing time give the same
 * bytes (with an RSA key).
 * @throws SigningError `bad-passphrase`, `bad-input`, `invalid-pdf`, `unsupported`.
 */
export async function signPdf(pdf: Buffer, options: SignPdfOptions): Promise<Buffer> {
  if (!(options.signingTime instanceof Date) || Number.isNaN(options.signingTime.getTime())) {
    throw new SigningError('bad-input', 'The signing time is not a valid date.');
  }
  const signer = 'p12' in options.signer ? readPkcs12(options.signer.p12, options.signer.passphrase) : options.signer;
  const certificate = describeCertificate(signer.certificate);
  const name = options.name ?? certificate.commonName;
  const visible = options.widget && options.appearanceFont;
  const prepared = addSignaturePlaceholder(pdf, {
    signingTime: options.signingTime,
    signatureBytes: cmsCapacity(signer),
    name,
    reason: options.reason,
    location: options.location,
    contactInfo: options.contactInfo,
    widget: options.widget,
    ...(visible ? { appearance: { font: visible, lines: appearanceLines(name ?? certificate.subject, certificate, options.signingTime) } } : {}),
  });
  try {
    return await new SignPdf().sign(prepared, new CmsSigner(signer), options.signingTime);
  } catch (error) {
    if (error instanceof SignPdfError) throw new SigningError('invalid-pdf', `The PDF could not be signed: ${error.message}`, { cause: error });
    throw error;
  }
}
