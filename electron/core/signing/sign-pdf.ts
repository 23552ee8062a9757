import { SignPdf, SignPdfError } from '@signpdf/signpdf';
import { describeCertificate } from './certificate-info';
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
  /** A widget over the dossier's own drawing of the signature block; invisible when absent. */
  readonly widget?: { readonly page: number; readonly rect: WidgetRect };
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
  const prepared = addSignaturePlaceholder(pdf, {
    signingTime: options.signingTime,
    signatureBytes: cmsCapacity(signer),
    name: options.name ?? describeCertificate(signer.certificate).commonName,
    reason: options.reason,
    location: options.location,
    contactInfo: options.contactInfo,
    widget: options.widget,
  });
  try {
    return await new SignPdf().sign(prepared, new CmsSigner(signer), options.signingTime);
  } catch (error) {
    if (error instanceof SignPdfError) throw new SigningError('invalid-pdf', `The PDF could not be signed: ${error.message}`, { cause: error });
    throw error;
  }
}
