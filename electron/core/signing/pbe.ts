import { createDecipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import { Asn1Reader } from './asn1';
import { SigningError } from './errors';

/** Password-based encryption OIDs (PKCS#5 v2.1, PKCS#12 Appendix C) and the hashes they use. */
export const PBE_OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  pbeSha3KeyTripleDes: '1.2.840.113549.1.12.1.3',
  pbeSha128BitRc2: '1.2.840.113549.1.12.1.5',
  pbeSha40BitRc2: '1.2.840.113549.1.12.1.6',
} as const;

/** Digest OIDs accepted in PKCS#12 MACs and the Node names of their hashes with block sizes. */
export const DIGESTS: Record<string, { name: string; bytes: number; blockBytes: number }> = {
  '1.3.14.3.2.26': { name: 'sha1', bytes: 20, blockBytes: 64 },
  '2.16.840.1.101.3.4.2.4': { name: 'sha224', bytes: 28, blockBytes: 64 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', bytes: 32, blockBytes: 64 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', bytes: 48, blockBytes: 128 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', bytes: 64, blockBytes: 128 },
};

const PRF_HASHES: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

const CIPHERS: Record<string, { name: string; keyBytes: number; ivBytes: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyBytes: 16, ivBytes: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyBytes: 24, ivBytes: 16 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyBytes: 32, ivBytes: 16 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyBytes: 24, ivBytes: 8 },
};

/** Iteration counts above these are a denial-of-service attempt, not a key file. */
const MAX_PBKDF2_ITERATIONS = 10_000_000;
const MAX_PKCS12_KDF_ITERATIONS = 1_000_000;

const reader = new Asn1Reader('bad-input', 'Not a usable PKCS#12 file');

/** The password as PKCS#12 wants it for its own KDF: BMPString (UTF-16BE) with a terminating NUL. */
export function bmpPassword(passphrase: string): Buffer {
  return Buffer.concat([Buffer.from(passphrase, 'utf16le').swap16(), Buffer.alloc(2)]);
}

/**
 * The PKCS#12 key derivation (RFC 7292 Appendix B.2). `id` 1 derives a key, 2 an IV, 3 a MAC key.
 */
export function pkcs12Kdf(
  digestOid: string,
  password: Buffer,
  salt: Buffer,
  id: 1 | 2 | 3,
  iterations: number,
  length: number,
): Buffer {
  const digest = DIGESTS[digestOid];
  if (!digest) throw new SigningError('unsupported', `PKCS#12 uses an unsupported digest (${digestOid}).`);
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_PKCS12_KDF_ITERATIONS) {
    throw new SigningError('bad-input', 'Not a usable PKCS#12 file: unreasonable iteration count.');
  }
  const v = digest.blockBytes;
  const stretch = (source: Buffer): Buffer => {
    const out = Buffer.alloc(v * Math.ceil(source.length / v));
    for (let i = 0; i < out.length; i++) out[i] = source[i % source.length]!;
    return out;
  };
  const block = Buffer.alloc(v, id);
  const input = Buffer.concat([stretch(salt), stretch(password)]);
  const out = Buffer.alloc(length);
  for (let offset = 0; offset < length; ) {
    let a = createHash(digest.name).update(block).update(input).digest();
    for (let r = 1; r < iterations; r++) a = createHash(digest.name).update(a).digest();
    offset += a.copy(out, offset);
    if (offset >= length) break;
    // I_j = (I_j + B + 1) mod 2^(8v), with B the hash repeated to v bytes.
    const b = stretch(a);
    for (let j = 0; j < input.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = input[j + k]! + b[k]! + carry;
        input[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out;
}

/**
 * Decrypts data protected by a password-based AlgorithmIdentifier: PBES2 (PBKDF2 + AES/3DES, the
 * password as UTF-8 like OpenSSL) or the legacy PKCS#12 schemes (SHA-1 + 3DES or RC2, the
 * password as BMPString). A wrong passphrase surfaces as `bad-passphrase`.
 */
export function decryptWithPassword(algorithm: asn1js.AsnType, data: Buffer, passphrase: string): Buffer {
  const [oidNode, params] = reader.sequence(algorithm, 1);
  const oid = reader.oid(oidNode);
  if (oid === PBE_OID.pbes2) return decryptPbes2(params, data, passphrase);
  if (oid === PBE_OID.pbeSha3KeyTripleDes || oid === PBE_OID.pbeSha128BitRc2 || oid === PBE_OID.pbeSha40BitRc2) {
    const [saltNode, iterationsNode] = reader.sequence(params, 2);
    const salt = reader.octets(saltNode);
    const iterations = reader.integer(iterationsNode);
    const password = bmpPassword(passphrase);
    const sha1 = '1.3.14.3.2.26';
    const iv = pkcs12Kdf(sha1, password, salt, 2, iterations, 8);
    if (oid === PBE_OID.pbeSha3KeyTripleDes) {
      return decipher('des-ede3-cbc', pkcs12Kdf(sha1, password, salt, 1, iterations, 24), iv, data);
    }
    // RC2 lives only in OpenSSL's legacy provider, which Node does not load; forge implements it.
    const keyBytes = oid === PBE_OID.pbeSha40BitRc2 ? 5 : 16;
    const key = pkcs12Kdf(sha1, password, salt, 1, iterations, keyBytes);
    const cipher = forge.rc2.createDecryptionCipher(key.toString('binary'), keyBytes * 8);
    cipher.start(iv.toString('binary'));
    cipher.update(forge.util.createBuffer(data.toString('binary')));
    if (!cipher.finish()) throw badPassphrase();
    return Buffer.from(cipher.output.getBytes(), 'binary');
  }
  throw new SigningError('unsupported', `PKCS#12 uses an unsupported encryption scheme (${oid}).`);
}

function decryptPbes2(params: asn1js.AsnType | undefined, data: Buffer, passphrase: string): Buffer {
  const [kdf, scheme] = reader.sequence(params, 2);
  const [kdfOid, kdfParams] = reader.sequence(kdf, 2);
  if (reader.oid(kdfOid) !== PBE_OID.pbkdf2) throw new SigningError('unsupported', 'PKCS#12 uses an unsupported key derivation.');
  const [saltNode, iterationsNode, ...rest] = reader.sequence(kdfParams, 2);
  const salt = reader.octets(saltNode);
  const iterations = reader.integer(iterationsNode);
  if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) reader.fail('unreasonable iteration count');
  // keyLength (INTEGER) and prf (AlgorithmIdentifier) are both optional; prf defaults to HMAC-SHA1.
  const keyLengthNode = rest.find((node) => node instanceof asn1js.Integer);
  const prfNode = rest.find((node) => node instanceof asn1js.Sequence);
  const prfOid = prfNode ? reader.oid(reader.sequence(prfNode, 1)[0]) : '1.2.840.113549.2.7';
  const hash = PRF_HASHES[prfOid];
  const [cipherOid, ivNode] = reader.sequence(scheme, 2);
  const cipher = CIPHERS[reader.oid(cipherOid)];
  if (!hash || !cipher) throw new SigningError('unsupported', 'PKCS#12 uses an unsupported PBES2 cipher or hash.');
  const iv = reader.octets(ivNode);
  if (iv.length !== cipher.ivBytes) reader.fail('bad IV length');
  if (keyLengthNode && reader.integer(keyLengthNode) !== cipher.keyBytes) reader.fail('key length does not fit the cipher');
  const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, iterations, cipher.keyBytes, hash);
  return decipher(cipher.name, key, iv, data);
}

function decipher(name: string, key: Buffer, iv: Buffer, data: Buffer): Buffer {
  try {
    const d = createDecipheriv(name, key, iv);
    return Buffer.concat([d.update(data), d.final()]);
  } catch (error) {
    // With a wrong key the CBC padding is almost always wrong: the one sign we get without a MAC.
    throw badPassphrase(error);
  }
}

/** The error for a passphrase that does not open a key file. */
export const badPassphrase = (cause?: unknown): SigningError =>
  new SigningError('bad-passphrase', 'The passphrase is wrong for this key file.', { cause });
