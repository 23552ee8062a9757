import type { KeyObject } from 'node:crypto';
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
