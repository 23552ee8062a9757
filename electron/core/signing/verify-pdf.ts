import { describeCertificate } from './certificate-info';
import { SigningError } from './errors';
import { PdfDocument } from './pdf/document';
import { isArray, isDict, isInteger, isName, isRef, isString, type PdfDict, type PdfObject } from './pdf/objects';
import { decodeTextString } from './pdf/text';
import { findSignatureDictionaries, type FoundSignatureDictionary } from './signature-scan';
import { findTrustAnchor } from './trust';
import { verifyCmsSignature, type SignatureProblem } from './verify-cms';

export interface VerifyPdfOptions {
  /** DER of the certificates the user trusts (the trust store's contents). */
  readonly trusted: readonly Buffer[];
}

/** Who signed, from the certificate that verified the signature. */
export interface SignerIdentity {
  readonly commonName?: string;
  readonly organisation?: string;
  readonly subject: string;
  /** Lower-case hex SHA-256 of the certificate DER. */
  readonly fingerprint: string;
  readonly certificate: Buffer;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export interface SignatureReport {
  /** The form field's name (/T) when the document's form links to this signature. */
  readonly fieldName?: string;
  readonly valid: boolean;
  readonly problem?: SignatureProblem;
  readonly byteRange: readonly number[];
  /** Length of the revision the signature covers: where its last byte range ends. */
  readonly signedLength: number;
  /** The signed revision is the whole file: nothing was appended after this signature. */
  readonly coversWholeFile: boolean;
  readonly subFilter?: string;
  readonly signer?: SignerIdentity;
  /** The CMS signed signing-time attribute. */
  readonly signingTime?: Date;
  /** Whether the signing time falls inside the signer certificate's validity period. */
  readonly certificateValidAtSigningTime?: boolean;
  /** Values from the signature dictionary (inside the signed bytes when `valid`). */
  readonly claims: { readonly name?: string; readonly reason?: string; readonly location?: string; readonly contactInfo?: string };
  /** The signer's certificate is in the trusted set or chains to one in it (only for valid signatures). */
  readonly trusted: boolean;
  /**
   * Fingerprint of the trusted certificate the signer rests on: its own, or the CA it chains to.
   * Show it: trusting a certificate that may issue others (a CA, or our self-signed identities,
   * which must be CAs for NSS) also trusts what it issues.
   */
  readonly trustAnchor?: string;
}

export interface PdfVerification {
  /** Every signature is valid and the last one covers the whole file (and there is at least one). */
  readonly ok: boolean;
  /** In signing order (by the length of the revision each covers). */
  readonly signatures: SignatureReport[];
  readonly fileLength: number;
  /** Bytes after the end of the last signed revision (the whole file when unsigned). */
  readonly bytesAfterLastSignature: number;
}

const ACCEPTED_SUBFILTERS = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);

/**
 * Verifies every signature in a PDF from the bytes alone: each /ByteRange must start at 0, leave
 * a gap that is exactly the /Contents hex string, stay inside the file and cover its own
 * dictionary; the digest is recomputed over the ranges and the CMS checked with pkijs; the signer
 * is trusted only through `options.trusted`.
 * @throws SigningError `invalid-pdf` for input that is not a PDF at all; every problem with a
 * signature is reported in the result instead.
 */
export async function verifyPdf(pdf: Buffer, options: VerifyPdfOptions): Promise<PdfVerification> {
  if (!Buffer.isBuffer(pdf) || pdf.subarray(0, 1024).indexOf('%PDF-') < 0) {
    throw new SigningError('invalid-pdf', 'The file is not a PDF.');
  }
  const names = fieldNames(pdf);
  const signatures: SignatureReport[] = [];
  for (const found of findSignatureDictionaries(pdf)) {
    signatures.push(await verifySignature(pdf, found, names.get(found.objectNumber), options.trusted));
  }
  signatures.sort((a, b) => a.signedLength - b.signedLength);
  const last = signatures[signatures.length - 1];
  return {
    ok: last !== undefined && last.coversWholeFile && signatures.every((s) => s.valid),
    signatures,
    fileLength: pdf.length,
    bytesAfterLastSignature: pdf.length - (last?.signedLength ?? 0),
  };
}

async function verifySignature(
  pdf: Buffer,
  found: FoundSignatureDictionary,
  fieldName: string | undefined,
  trusted: readonly Buffer[],
): Promise<SignatureReport> {
  const { dict } = found;
  const text = (key: string): string | undefined => {
    const value = dict.entries.get(key);
    return isString(value) ? decodeTextString(value.bytes) : undefined;
  };
  const subFilterValue = dict.entries.get('SubFilter');
  const byteRangeValue = dict.entries.get('ByteRange');
  const byteRange = isArray(byteRangeValue) ? byteRangeValue.items.filter(isInteger) : [];
  const base = {
    fieldName,
    byteRange,
    subFilter: isName(subFilterValue) ? subFilterValue.value : undefined,
    claims: { name: text('Name'), reason: text('Reason'), location: text('Location'), contactInfo: text('ContactInfo') },
  };
  const rangeProblem = checkByteRange(dict, found.objectEnd, pdf.length);
  if (rangeProblem) return { ...base, valid: false, problem: rangeProblem, signedLength: 0, coversWholeFile: false, trusted: false };

  const [, gapStart, gapEnd, tailLength] = byteRange as [number, number, number, number];
  const signedLength = gapEnd + tailLength;
  const coversWholeFile = signedLength === pdf.length;
  if (!base.subFilter || !ACCEPTED_SUBFILTERS.has(base.subFilter)) {
    const problem = { code: 'unsupported' as const, message: `Signature type ${base.subFilter ?? '(none)'} is not supported.` };
    return { ...base, valid: false, problem, signedLength, coversWholeFile, trusted: false };
  }
  const contents = dict.entries.get('Contents') as { bytes: Buffer };
  const signedBytes = Buffer.concat([pdf.subarray(0, gapStart), pdf.subarray(gapEnd, signedLength)]);
  const check = await verifyCmsSignature(contents.bytes, signedBytes);
  const signer = check.signerCertificate ? identity(check.signerCertificate) : undefined;
  const valid = check.problem === undefined;
  const time = check.signingTime;
  const trustAnchor = valid && signer ? findTrustAnchor(signer.certificate, check.certificates, trusted) : undefined;
  return {
    ...base,
    valid,
    problem: check.problem,
    signedLength,
    coversWholeFile,
    signer,
    signingTime: time,
    certificateValidAtSigningTime: signer && time ? time >= signer.notBefore && time <= signer.notAfter : undefined,
    trusted: trustAnchor !== undefined,
    trustAnchor,
  };
}

/** The sanity rules for /ByteRange and /Contents; `undefined` when they hold. */
function checkByteRange(dict: PdfDict, objectEnd: number, fileLength: number): SignatureProblem | undefined {
  const problem = (message: string): SignatureProblem => ({ code: 'byte-range', message });
  const byteRange = dict.entries.get('ByteRange');
  const contents = dict.entries.get('Contents');
  if (!isArray(byteRange) || byteRange.items.length !== 4 || !byteRange.items.every(isInteger)) {
    return problem('/ByteRange is not four integers.');
  }
  if (!isString(contents) || !contents.hex) return problem('/Contents is not a hex string.');
  const [start, gapStart, gapEnd, tailLength] = byteRange.items as [number, number, number, number];
  if (start !== 0) return problem('/ByteRange does not start at the beginning of the file.');
  if (gapStart !== contents.start || gapEnd !== contents.end) {
    return problem('/ByteRange leaves out more or less than the /Contents string.');
  }
  if (tailLength < 0 || gapEnd + tailLength > fileLength) return problem('/ByteRange reaches past the end of the file.');
  if (objectEnd > gapEnd + tailLength) return problem('The signature dictionary itself is not signed.');
  return undefined;
}

function identity(certificate: Buffer): SignerIdentity | undefined {
  try {
    const info = describeCertificate(certificate);
    const { commonName, organisation, subject, fingerprint, notBefore, notAfter } = info;
    return { commonName, organisation, subject, fingerprint, certificate, notBefore, notAfter };
  } catch {
    return undefined; // a certificate pkijs verified with but cannot describe: report no identity
  }
}

/**
 * Signature object number → form field name, read through the document structure. Best effort:
 * a document whose structure we cannot read still gets its signatures verified, just unnamed.
 */
function fieldNames(pdf: Buffer): Map<number, string> {
  const names = new Map<number, string>();
  try {
    const doc = PdfDocument.parse(pdf);
    const form = doc.resolve(doc.catalog().entries.get('AcroForm'));
    const fields = isDict(form) ? doc.resolve(form.entries.get('Fields')) : null;
    const visit = (items: PdfObject[], prefix: string, depth: number): void => {
      for (const item of items.slice(0, 10_000)) {
        const field = doc.resolve(item);
        if (!isDict(field)) continue;
        const title = field.entries.get('T');
        const name = isString(title) ? prefix + decodeTextString(title.bytes) : prefix.replace(/\.$/, '');
        const value = field.entries.get('V');
        if (isRef(value)) names.set(value.num, name);
        const kids = doc.resolve(field.entries.get('Kids'));
        if (isArray(kids) && depth < 8) visit(kids.items, `${name}.`, depth + 1);
      }
    };
    if (isArray(fields)) visit(fields.items, '', 0);
  } catch (error) {
    if (!(error instanceof SigningError)) throw error;
  }
  return names;
}
