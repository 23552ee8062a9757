import { createHash, webcrypto } from 'node:crypto';
import { Signer } from '@signpdf/signpdf';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cryptoEngine } from './crypto-engine';
import { assertSupportedKey, type UnlockedSigner } from './unlocked-signer';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

/**
 * Builds the CMS SignedData of an `adbe.pkcs7.detached` PDF signature: SHA-256 over `content`
 * (the PDF's signed byte ranges), signed attributes content-type, signing-time and
 * message-digest (already in DER order), the signer's certificate and chain. With an RSA key the
 * output depends only on its inputs (PKCS#1 v1.5 is deterministic); ECDSA signatures are random.
 */
export async function createCmsSignature(content: Buffer, signer: UnlockedSigner, signingTime: Date): Promise<Buffer> {
  assertSupportedKey(signer.privateKey);
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(signer.certificate));
  const year = signingTime.getUTCFullYear();
  // RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise.
  const time =
    year >= 1950 && year < 2050 ? new asn1js.UTCTime({ valueDate: signingTime }) : new asn1js.GeneralizedTime({ valueDate: signingTime });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
            new pkijs.Attribute({ type: OID.signingTime, values: [time] }),
            new pkijs.Attribute({
              type: OID.messageDigest,
              values: [new asn1js.OctetString({ valueHex: createHash('sha256').update(content).digest() })],
            }),
          ],
        }),
      }),
    ],
    certificates: [certificate, ...signer.chain.map((der) => pkijs.Certificate.fromBER(new Uint8Array(der)))],
  });
  await signedData.sign(await toCryptoKey(signer), 0, 'SHA-256', undefined, cryptoEngine);
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

async function toCryptoKey(signer: UnlockedSigner): Promise<CryptoKey> {
  const pkcs8 = signer.privateKey.export({ format: 'der', type: 'pkcs8' });
  const curve = CURVES[signer.privateKey.asymmetricKeyDetails?.namedCurve ?? ''];
  const algorithm = curve ? { name: 'ECDSA', namedCurve: curve } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  return (await webcrypto.subtle.importKey('pkcs8', new Uint8Array(pkcs8), algorithm, false, ['sign'])) as unknown as CryptoKey;
}

/** Room to reserve in the PDF for this signer's CMS: certificates plus signature plus attributes. */
export function cmsCapacity(signer: UnlockedSigner): number {
  const certificates = [signer.certificate, ...signer.chain].reduce((sum, der) => sum + der.length, 0);
  return certificates + 4096;
}

/** The `@signpdf/signpdf` signer for an unlocked identity. */
export class CmsSigner extends Signer {
  constructor(private readonly signer: UnlockedSigner) {
    super();
  }

  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    // A PDF signature without a caller-chosen time would make the output differ on every run.
    if (!signingTime) throw new TypeError('CmsSigner needs an explicit signing time.');
    return createCmsSignature(content, this.signer, signingTime);
  }
}
