import { X509Certificate, type KeyObject } from 'node:crypto';
import { SigningError } from './errors';

/** A signing key in memory with its certificate: what unlocking an identity gives. */
export interface UnlockedSigner {
  readonly privateKey: KeyObject;
  /** DER of the signer's certificate. */
  readonly certificate: Buffer;
  /** DER of the issuing certificates, nearest first; empty for a self-signed identity. */
  readonly chain: readonly Buffer[];
}

const SUPPORTED_CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1']);

/**
 * Refuses keys PDF readers do not accept for signatures (Ed25519, DSA) or that are too weak
 * (RSA under 2048 bits).
 */
export function assertSupportedKey(key: KeyObject): void {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' && (details.modulusLength ?? 0) >= 2048) return;
  if (key.asymmetricKeyType === 'ec' && SUPPORTED_CURVES.has(details.namedCurve ?? '')) return;
  throw new SigningError(
    'unsupported',
    `Keys of type ${key.asymmetricKeyType ?? 'unknown'} cannot sign PDFs here; use RSA (2048 bits or more) or ECDSA P-256/P-384/P-521.`,
  );
}

/** Parses a DER certificate with Node's X.509 parser, turning garbage into `bad-input`. */
export function parseX509(der: Buffer): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch (error) {
    throw new SigningError('bad-input', 'The data is not an X.509 certificate.', { cause: error });
  }
}

/**
 * Orders `candidates` into the issuer chain of `leaf` (nearest issuer first), checking each link's
 * signature; certificates that are not on the chain are dropped.
 */
export function issuerChain(leaf: Buffer, candidates: readonly Buffer[]): Buffer[] {
  const parsed = candidates.map((der) => ({ der, x509: parseX509(der) }));
  const chain: Buffer[] = [];
  let current = parseX509(leaf);
  for (let depth = 0; depth < 10; depth++) {
    if (current.checkIssued(current) && current.verify(current.publicKey)) break; // self-signed: the top
    const issuer = parsed.find((c) => !chain.includes(c.der) && current.checkIssued(c.x509) && current.verify(c.x509.publicKey));
    if (!issuer) break;
    chain.push(issuer.der);
    current = issuer.x509;
  }
  return chain;
}
