import { X509Certificate } from 'node:crypto';
import { sha256Hex } from './certificate-info';

/** Longer chains than this do not occur in document signing; stop rather than wander. */
const MAX_CHAIN = 8;

/**
 * Whether `signer` is trusted: its own fingerprint is in `trusted`, or it chains to a trusted
 * certificate through issuers taken from `trusted` or the signature's own `intermediates`. Each
 * link must name its issuer, carry the issuer's valid signature, and the issuer must be a CA.
 * Validity periods are not checked here (the report shows them separately).
 */
export function isTrusted(signer: Buffer, intermediates: readonly Buffer[], trusted: readonly Buffer[]): boolean {
  const trustedFingerprints = new Set(trusted.map((der) => sha256Hex(der)));
  if (trustedFingerprints.has(sha256Hex(signer))) return true;
  // Trusted certificates first, so a look-alike intermediate cannot shadow a real anchor.
  const candidates = [...trusted, ...intermediates].flatMap((der) => {
    const x509 = tryParse(der);
    return x509 ? [{ fingerprint: sha256Hex(der), x509 }] : [];
  });
  let current = tryParse(signer);
  const visited = new Set<string>();
  for (let depth = 0; current && depth < MAX_CHAIN; depth++) {
    const child: X509Certificate = current;
    const issuer = candidates.find(
      (c) => !visited.has(c.fingerprint) && c.x509.ca && child.checkIssued(c.x509) && child.verify(c.x509.publicKey),
    );
    if (!issuer) return false;
    if (trustedFingerprints.has(issuer.fingerprint)) return true;
    visited.add(issuer.fingerprint);
    current = issuer.x509;
  }
  return false;
}

function tryParse(der: Buffer): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined; // a garbage certificate in a signature simply cannot be a link
  }
}
