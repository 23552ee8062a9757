import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SignatureProblemCode } from '../../../shared/domain/signing';
import { cryptoEngine } from './crypto-engine';

export type { SignatureProblemCode };

export interface SignatureProblem {
  readonly code: SignatureProblemCode;
  /** English detail for logs and the CLI. */
  readonly message: string;
}

/** The outcome of checking one CMS SignedData against the bytes it claims to sign. */
export interface CmsCheck {
  readonly problem?: SignatureProblem;
  /** DER of the certificate whose key made the signature, when it could be identified. */
  readonly signerCertificate?: Buffer;
  /** DER of every certificate the CMS carries (candidate intermediates for the trust check). */
  readonly certificates: Buffer[];
  /** The signed signing-time attribute. */
  readonly signingTime?: Date;
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

class Problem extends Error {
  constructor(readonly problem: SignatureProblem) {
    super(problem.message);
  }
}
// Annotated so TypeScript's control flow knows it never returns.
const fail: (code: SignatureProblemCode, message: string) => never = (code, message) => {
  throw new Problem({ code, message });
};

/**
 * Verifies a detached CMS signature over `content` (the recomputed byte ranges) without trusting
 * anything in it: one signer, SHA-256/384/512, signed attributes with exactly one content-type
 * (id-data) and one message-digest equal to our own digest of `content`, then the signature
 * itself with pkijs. Never throws for bad input; the problem is in the result.
 */
export async function verifyCmsSignature(cms: Buffer, content: Buffer): Promise<CmsCheck> {
  let certificates: Buffer[] = [];
  let signerCertificate: Buffer | undefined;
  let signingTime: Date | undefined;
  try {
    const parsed = asn1js.fromBER(new Uint8Array(cms));
    if (parsed.offset === -1) fail('cms-malformed', 'The signature is not valid DER.');
    // /Contents is zero-padded to its reserved size; anything else after the CMS is suspicious.
    if (cms.subarray(parsed.offset).some((byte) => byte !== 0)) fail('cms-malformed', 'Data follows the signature.');
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== OID.signedData) fail('cms-malformed', 'The signature is not CMS SignedData.');
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    certificates = rawCertificates(contentInfo.content);

    if (signedData.signerInfos.length !== 1) fail('unsupported', 'The signature must have exactly one signer.');
    const signerInfo = signedData.signerInfos[0]!;
    // Known early so a report can say whose signature was broken, not only that it was.
    signerCertificate = certificates[claimedSignerIndex(signedData, signerInfo)];
    const digestName = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
    if (!digestName) fail('unsupported', `Digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not accepted.`);
    if (signedData.encapContentInfo.eContent) fail('unsupported', 'The signature is not detached.');
    const attributes = signerInfo.signedAttrs?.attributes ?? fail('unsupported', 'The signature has no signed attributes.');

    const single = (type: string): asn1js.AsnType => {
      const matching = attributes.filter((a) => a.type === type);
      if (matching.length !== 1 || matching[0]!.values.length !== 1) fail('cms-malformed', `Signed attribute ${type} must occur once.`);
      return matching[0]!.values[0] as asn1js.AsnType;
    };
    const contentType = single(OID.contentType);
    if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.getValue() !== OID.data) {
      fail('cms-malformed', 'The signed content type is not id-data.');
    }
    if (attributes.some((a) => a.type === OID.signingTime)) {
      const time = single(OID.signingTime);
      if (time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime) signingTime = time.toDate();
    }
    const messageDigest = single(OID.messageDigest);
    const digest = createHash(digestName).update(content).digest();
    if (!(messageDigest instanceof asn1js.OctetString) || !digest.equals(Buffer.from(messageDigest.valueBlock.valueHexView))) {
      fail('digest-mismatch', 'The signed bytes were changed: their digest differs from the one signed.');
    }

    let result: pkijs.SignedDataVerifyResult;
    try {
      const data = new Uint8Array(content).buffer;
      result = await signedData.verify({ signer: 0, data, extendedMode: true, checkChain: false }, cryptoEngine);
    } catch (error) {
      // pkijs throws (rather than returning false) for a digest mismatch or a missing certificate.
      const message = error instanceof Error ? error.message : String(error);
      fail('signature-mismatch', `The signature does not verify: ${message}`);
    }
    if (result.signerCertificate) signerCertificate = certificates[signedData.certificates?.indexOf(result.signerCertificate) ?? -1];
    if (result.signatureVerified !== true) fail('signature-mismatch', 'The signature does not match the signer’s key.');
    return { signerCertificate, certificates, signingTime };
  } catch (error) {
    const problem =
      error instanceof Problem
        ? error.problem
        : { code: 'cms-malformed' as const, message: `The signature cannot be read: ${error instanceof Error ? error.message : String(error)}` };
    return { problem, signerCertificate, certificates, signingTime };
  }
}

/** The index of the certificate the signer info names by issuer and serial number (-1 if none). */
function claimedSignerIndex(signedData: pkijs.SignedData, signerInfo: pkijs.SignerInfo): number {
  const { sid } = signerInfo;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) return -1;
  return (signedData.certificates ?? []).findIndex(
    (cert) => cert instanceof pkijs.Certificate && cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber),
  );
}

/** The certificates' original bytes (pkijs re-encodes; fingerprints need the bytes as sent). */
function rawCertificates(signedDataSchema: asn1js.AsnType): Buffer[] {
  if (!(signedDataSchema instanceof asn1js.Sequence)) return [];
  const set = signedDataSchema.valueBlock.value.find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 0);
  if (!(set instanceof asn1js.Constructed)) return [];
  return set.valueBlock.value.map((cert) => Buffer.from(cert.valueBeforeDecodeView));
}
