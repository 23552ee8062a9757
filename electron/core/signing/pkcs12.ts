import { createCipheriv, createHash, createHmac, createPrivateKey, pbkdf2Sync, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Asn1Reader, contextTag, toDer } from './asn1';
import { SigningError } from './errors';
import { badPassphrase, bmpPassword, decryptWithPassword, DIGESTS, PBE_OID, pkcs12Kdf } from './pbe';
import type { UnlockedSigner } from './unlocked-signer';
import { issuerChain, parseX509 } from './x509';

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about 0.15 s with Node's native PBKDF2. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
const MAX_NESTING = 4;

const reader = new Asn1Reader('bad-input', 'Not a usable PKCS#12 file');

/**
 * Opens a PKCS#12 (.p12/.pfx) with its passphrase: verifies the MAC when there is one, decrypts
 * the bags (PBES2 or the legacy PKCS#12 schemes) and returns the private key, the certificate
 * that matches it and that certificate's issuer chain.
 * @throws SigningError `bad-passphrase`, `bad-input` (garbage, no key, no matching certificate), `unsupported`.
 */
export function readPkcs12(p12: Buffer, passphrase: string): UnlockedSigner {
  const [versionNode, authSafe, macData] = reader.sequence(reader.parse(p12), 2);
  if (reader.integer(versionNode) !== 3) reader.fail('unsupported version');
  const [contentType, content] = reader.sequence(authSafe, 2);
  if (reader.oid(contentType) !== OID.data) {
    throw new SigningError('unsupported', 'PKCS#12 files protected by a public key are not supported.');
  }
  const authSafeBytes = reader.octets(reader.explicit(content, 0));
  if (macData) verifyMac(macData, authSafeBytes, passphrase);

  const keys: KeyObject[] = [];
  const certificates: Buffer[] = [];
  const collect = (safeContents: Buffer, depth: number): void => {
    if (depth > MAX_NESTING) reader.fail('bags nested too deeply');
    for (const bag of reader.sequence(reader.parse(safeContents))) {
      const [bagId, bagValue] = reader.sequence(bag, 2);
      const value = reader.explicit(bagValue, 0);
      switch (reader.oid(bagId)) {
        case OID.keyBag:
          keys.push(privateKeyFromPkcs8(Buffer.from(value.valueBeforeDecodeView)));
          break;
        case OID.shroudedKeyBag: {
          const [algorithm, encrypted] = reader.sequence(value, 2);
          keys.push(privateKeyFromPkcs8(decryptWithPassword(algorithm!, reader.octets(encrypted), passphrase)));
          break;
        }
        case OID.certBag: {
          const [certId, certValue] = reader.sequence(value, 2);
          if (reader.oid(certId) === OID.x509Certificate) certificates.push(reader.octets(reader.explicit(certValue, 0)));
          break;
        }
        case OID.safeContentsBag:
          collect(Buffer.from(value.valueBeforeDecodeView), depth + 1);
          break;
        default: // CRL and secret bags carry nothing we sign with.
      }
    }
  };
  for (const info of reader.sequence(reader.parse(authSafeBytes))) {
    const [type, body] = reader.sequence(info, 2);
    const oid = reader.oid(type);
    if (oid === OID.data) collect(reader.octets(reader.explicit(body, 0)), 0);
    else if (oid === OID.encryptedData) {
      const [, encryptedContentInfo] = reader.sequence(reader.explicit(body, 0), 2);
      const [, algorithm, encrypted] = reader.sequence(encryptedContentInfo, 3);
      collect(decryptWithPassword(algorithm!, reader.implicitOctets(encrypted, 0), passphrase), 0);
    } else throw new SigningError('unsupported', 'PKCS#12 uses public-key encrypted contents, which are not supported.');
  }

  if (keys.length === 0) throw new SigningError('bad-input', 'The PKCS#12 file contains no private key.');
  if (certificates.length === 0) throw new SigningError('bad-input', 'The PKCS#12 file contains no certificate.');
  for (const privateKey of keys) {
    const certificate = certificates.find((der) => parseX509(der).checkPrivateKey(privateKey));
    if (certificate) {
      const others = certificates.filter((der) => der !== certificate);
      return { privateKey, certificate, chain: issuerChain(certificate, others) };
    }
  }
  throw new SigningError('bad-input', 'No certificate in the PKCS#12 file matches its private key.');
}

function privateKeyFromPkcs8(der: Buffer): KeyObject {
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch (error) {
    // Decryption with a wrong key can pass the padding check by chance and yield garbage.
    throw badPassphrase(error);
  }
}

function verifyMac(macData: asn1js.AsnType, authSafeBytes: Buffer, passphrase: string): void {
  const [digestInfo, saltNode, iterationsNode] = reader.sequence(macData, 2);
  const [algorithm, digestNode] = reader.sequence(digestInfo, 2);
  const digestOid = reader.oid(reader.sequence(algorithm, 1)[0]);
  const digest = DIGESTS[digestOid];
  if (!digest) throw new SigningError('unsupported', `PKCS#12 uses an unsupported MAC digest (${digestOid}).`);
  const expected = reader.octets(digestNode);
  const salt = reader.octets(saltNode);
  const iterations = iterationsNode ? reader.integer(iterationsNode) : 1;
  // OpenSSL writes an empty password either as a lone NUL terminator or as nothing at all.
  const passwords = passphrase === '' ? [bmpPassword(''), Buffer.alloc(0)] : [bmpPassword(passphrase)];
  for (const password of passwords) {
    const key = pkcs12Kdf(digestOid, password, salt, 3, iterations, digest.bytes);
    const actual = createHmac(digest.name, key).update(authSafeBytes).digest();
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return;
  }
  throw badPassphrase();
}

/**
 * Writes a PKCS#12 whose key bag is PBES2: PBKDF2-HMAC-SHA256 (600 000 iterations, 16-byte salt)
 * and AES-256-CBC, the passphrase taken as UTF-8 as OpenSSL does. Certificates are public and stay
 * unencrypted. There is deliberately no MAC: a PKCS#12 MAC is keyed by the old PKCS#12 KDF, which
 * would give an attacker a far cheaper way to test passphrases than the PBKDF2 guarding the key;
 * the key's own decryption (CBC padding, then PKCS#8 parsing) already detects a wrong passphrase.
 */
export function writePkcs12(
  signer: UnlockedSigner,
  passphrase: string,
  options: { friendlyName?: string; iterations?: number } = {},
): Buffer {
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const pkcs8 = signer.privateKey.export({ format: 'der', type: 'pkcs8' });
  const encrypted = Buffer.concat([cipher.update(pkcs8), cipher.final()]);

  const attributes = new asn1js.Set({
    value: [
      attribute(OID.localKeyId, new asn1js.OctetString({ valueHex: createHash('sha1').update(signer.certificate).digest() })),
      ...(options.friendlyName ? [attribute(OID.friendlyName, new asn1js.BmpString({ value: options.friendlyName }))] : []),
    ],
  });
  const encryptionAlgorithm = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: PBE_OID.pbes2 }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.ObjectIdentifier({ value: PBE_OID.pbkdf2 }),
              new asn1js.Sequence({
                value: [
                  new asn1js.OctetString({ valueHex: salt }),
                  new asn1js.Integer({ value: iterations }),
                  new asn1js.Sequence({
                    value: [new asn1js.ObjectIdentifier({ value: PBE_OID.hmacWithSha256 }), new asn1js.Null()],
                  }),
                ],
              }),
            ],
          }),
          new asn1js.Sequence({
            value: [new asn1js.ObjectIdentifier({ value: PBE_OID.aes256Cbc }), new asn1js.OctetString({ valueHex: iv })],
          }),
        ],
      }),
    ],
  });
  const keyBag = safeBag(
    OID.shroudedKeyBag,
    new asn1js.Sequence({ value: [encryptionAlgorithm, new asn1js.OctetString({ valueHex: encrypted })] }),
    attributes,
  );
  const certBags = [signer.certificate, ...signer.chain].map((der, index) =>
    safeBag(
      OID.certBag,
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: OID.x509Certificate }),
          contextTag(0, new asn1js.OctetString({ valueHex: der })),
        ],
      }),
      index === 0 ? attributes : undefined,
    ),
  );
  const authSafe = new asn1js.Sequence({
    value: [dataContentInfo(new asn1js.Sequence({ value: certBags })), dataContentInfo(new asn1js.Sequence({ value: [keyBag] }))],
  });
  return toDer(new asn1js.Sequence({ value: [new asn1js.Integer({ value: 3 }), dataContentInfo(authSafe)] }));
}

function attribute(oid: string, value: asn1js.AsnType): asn1js.Sequence {
  return new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), new asn1js.Set({ value: [value] })] });
}

function safeBag(oid: string, value: asn1js.AsnType, attributes: asn1js.Set | undefined): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: oid }), contextTag(0, value), ...(attributes ? [attributes] : [])],
  });
}

function dataContentInfo(content: asn1js.AsnType): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: OID.data }), contextTag(0, new asn1js.OctetString({ valueHex: toDer(content) }))],
  });
}
