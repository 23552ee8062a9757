import type { CertificateProblemCode, DisallowedChange } from '../../../shared/domain/signing';
import { describeCertificate } from './certificate-info';
import { signingCertificateProblems } from './certificate-policy';
import { SigningError } from './errors';
import { WalkBudget } from './object-roles';
import { isArray, isDict, isInteger, isName, isString, type PdfDict } from './pdf/objects';
import type { IndirectObject } from './pdf/parser';
import { readRevisions, type PdfRevision } from './pdf/revisions';
import { decodeTextString, parsePdfDate } from './pdf/text';
import { disallowedChanges } from './revision-changes';
import { signatureFields } from './signature-fields';
import { findTrustAnchor } from './trust';
import { verifyCmsSignature, type SignatureProblem } from './verify-cms';

export interface VerifyPdfOptions {
  /** DER of the certificates the user trusts (the trust store's contents). */
  readonly trusted: readonly Buffer[];
  /** Count a signer outside `trusted` as fine for `ok` (whether it is trusted is still reported). */
  readonly allowUntrusted?: boolean;
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
  /** The form field's full name. */
  readonly fieldName: string;
  /** The revision the signature covers (1 = the original document); absent when its range is not one. */
  readonly revision?: number;
  /** The signature itself: sane byte range, readable CMS, digest and signature value match. */
  readonly valid: boolean;
  readonly problem?: SignatureProblem;
  readonly byteRange: readonly number[];
  /** Length of the revision the signature covers: where its last byte range ends. */
  readonly signedLength: number;
  /** The signed revision is the whole file: nothing was appended after this signature. */
  readonly coversWholeFile: boolean;
  readonly subFilter?: string;
  readonly signer?: SignerIdentity;
  /** The CMS signed signing-time attribute, else the dictionary's /M. */
  readonly signingTime?: Date;
  /** Why the signer's certificate did not allow this signature; empty when it did. */
  readonly certificateProblems: readonly CertificateProblemCode[];
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
  /** What the revisions after the signed one changed that a signature workflow does not change. */
  readonly changesAfter: readonly DisallowedChange[];
  /** Valid, in a revision, certificate fit, nothing disallowed after it, trusted unless allowed otherwise. */
  readonly ok: boolean;
}

export interface PdfVerification {
  /** There is a signature, every one is `ok`, and no bytes follow the last revision. */
  readonly ok: boolean;
  /** In signing order (by the length of the revision each covers). */
  readonly signatures: SignatureReport[];
  readonly revisions: number;
  /** Every disallowed change after the first signature, once. */
  readonly changes: readonly DisallowedChange[];
  readonly fileLength: number;
  /** Bytes after the end of the last signed revision (the whole file when unsigned). */
  readonly bytesAfterLastSignature: number;
  /** Bytes after the last revision's `%%EOF` and its end of line, which belong to no revision. */
  readonly trailingBytes: number;
}

const ACCEPTED_SUBFILTERS = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);
/** More signatures than this is an attack on the verifier, not a dossier. */
const MAX_SIGNATURES = 100;
/** Values the revision walks may visit in all: linear in any real document, a wall for hostile ones. */
const WALK_BUDGET = 4_000_000;

/** A signature dictionary reached through a signature field, and where its object sits. */
interface FoundSignature {
  readonly fieldName: string;
  readonly object: IndirectObject & { readonly value: PdfDict };
}

/**
 * Verifies a PDF's signatures as Adobe Reader does, from the bytes alone. The file is split into
 * its revisions; signatures are only those reached through a revision's form field tree (a
 * /ByteRange anywhere else counts for nothing). For each: the byte range must start at 0, leave
 * a gap that is exactly the /Contents hex string, cover its own dictionary and end where a
 * revision ends; the digest is recomputed and the CMS checked with pkijs; the certificate must
 * have been valid at the signing time and allowed for signing; trust comes only from
 * `options.trusted`. Every revision after a signature is compared with the one before it and
 * whatever a signature workflow does not add is reported, by revision and kind. Linear in the
 * file's size: each object is parsed once for all revisions, and every walk is budgeted.
 * @throws SigningError `invalid-pdf` for input that is not a PDF or whose structure cannot be
 * read, `unsupported` for cross-reference streams; every problem with a signature is reported
 * in the result instead.
 */
export async function verifyPdf(pdf: Buffer, options: VerifyPdfOptions): Promise<PdfVerification> {
  if (!Buffer.isBuffer(pdf) || pdf.subarray(0, 1024).indexOf('%PDF-') < 0) {
    throw new SigningError('invalid-pdf', 'The file is not a PDF.');
  }
  const revisions = readRevisions(pdf);
  const last = revisions[revisions.length - 1]!;
  const reports = [];
  for (const found of discoverSignatures(revisions)) reports.push(await verifySignature(pdf, revisions, found, options.trusted));
  reports.sort((a, b) => a.signedLength - b.signedLength);

  const firstSigned = Math.min(...reports.map((r) => r.revision ?? Infinity));
  const steps = new Map<number, DisallowedChange[]>();
  const budget = new WalkBudget(WALK_BUDGET);
  for (let n = firstSigned + 1; n <= revisions.length; n++) steps.set(n, disallowedChanges(revisions[n - 2]!, revisions[n - 1]!, budget));
  const after = (revision: number): DisallowedChange[] => [...steps].filter(([n]) => n > revision).flatMap(([, changes]) => changes);

  const signatures: SignatureReport[] = reports.map((report) => {
    const changesAfter = report.revision === undefined ? [] : after(report.revision);
    const ok =
      report.valid &&
      report.revision !== undefined &&
      report.certificateProblems.length === 0 &&
      (report.trusted || options.allowUntrusted === true) &&
      changesAfter.length === 0;
    return { ...report, changesAfter, ok };
  });
  const trailingBytes = pdf.length - last.endWithEol;
  const lastSigned = reports[reports.length - 1];
  return {
    ok: signatures.length > 0 && trailingBytes === 0 && signatures.every((s) => s.ok),
    signatures,
    revisions: revisions.length,
    changes: Number.isFinite(firstSigned) ? after(firstSigned) : [],
    fileLength: pdf.length,
    bytesAfterLastSignature: pdf.length - (lastSigned?.signedLength ?? 0),
    trailingBytes,
  };
}

/**
 * Every signature dictionary some revision's field tree reaches, once each (by where it sits),
 * named as the newest revision names its field. Looking at every revision, not only the last,
 * means a signature a later revision unlinked is still judged, and its unlinking reported.
 */
function discoverSignatures(revisions: readonly PdfRevision[]): FoundSignature[] {
  const found = new Map<number, FoundSignature>();
  for (const revision of [...revisions].reverse()) {
    for (const field of signatureFields(revision.doc)) {
      const object = revision.doc.getIndirectObject(field.value.num);
      if (object === null || object.gen !== field.value.gen || !isDict(object.value) || found.has(object.start)) continue;
      if (found.size >= MAX_SIGNATURES) throw new SigningError('invalid-pdf', 'Malformed PDF: more signatures than any document needs.');
      found.set(object.start, { fieldName: field.name, object: object as FoundSignature['object'] });
    }
  }
  return [...found.values()];
}

async function verifySignature(
  pdf: Buffer,
  revisions: readonly PdfRevision[],
  found: FoundSignature,
  trusted: readonly Buffer[],
): Promise<Omit<SignatureReport, 'changesAfter' | 'ok'>> {
  const dict = found.object.value;
  const text = (key: string): string | undefined => {
    const value = dict.entries.get(key);
    return isString(value) ? decodeTextString(value.bytes) : undefined;
  };
  const subFilterValue = dict.entries.get('SubFilter');
  const byteRangeValue = dict.entries.get('ByteRange');
  const byteRange = isArray(byteRangeValue) ? byteRangeValue.items.filter(isInteger) : [];
  const claimedTime = text('M');
  const base = {
    fieldName: found.fieldName,
    byteRange,
    subFilter: isName(subFilterValue) ? subFilterValue.value : undefined,
    claims: { name: text('Name'), reason: text('Reason'), location: text('Location'), contactInfo: text('ContactInfo') },
    certificateProblems: [],
    trusted: false,
  };
  const rangeProblem = checkByteRange(dict, found.object.end, pdf.length);
  if (rangeProblem) return { ...base, valid: false, problem: rangeProblem, signedLength: 0, coversWholeFile: false };

  const [, gapStart, gapEnd, tailLength] = byteRange as [number, number, number, number];
  const signedLength = gapEnd + tailLength;
  const coversWholeFile = signedLength === pdf.length;
  const revision = revisions.find((r) => signedLength === r.end || signedLength === r.endWithEol)?.number;
  if (!base.subFilter || !ACCEPTED_SUBFILTERS.has(base.subFilter)) {
    const problem = { code: 'unsupported' as const, message: `Signature type ${base.subFilter ?? '(none)'} is not supported.` };
    return { ...base, valid: false, problem, signedLength, coversWholeFile, revision };
  }
  const contents = dict.entries.get('Contents') as { bytes: Buffer };
  const signedBytes = Buffer.concat([pdf.subarray(0, gapStart), pdf.subarray(gapEnd, signedLength)]);
  const check = await verifyCmsSignature(contents.bytes, signedBytes);
  const signer = check.signerCertificate ? identity(check.signerCertificate) : undefined;
  const signingTime = check.signingTime ?? (claimedTime === undefined ? undefined : parsePdfDate(claimedTime));
  const notARevision: SignatureProblem | undefined =
    revision === undefined ? { code: 'not-a-revision', message: 'The signed bytes do not end where a revision of the file ends.' } : undefined;
  const problem = check.problem ?? notARevision;
  const valid = problem === undefined;
  const trustAnchor = valid && signer ? findTrustAnchor(signer.certificate, check.certificates, trusted) : undefined;
  return {
    ...base,
    valid,
    problem,
    revision,
    signedLength,
    coversWholeFile,
    signer,
    signingTime,
    certificateProblems: signer ? signingCertificateProblems(signer.certificate, signingTime) : [],
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
