import { X509Certificate } from 'node:crypto';
import { sha256Hex } from './certificate-info';

/** Longer chains than this do not occur in document signing; stop rather than wander. */
const MAX_CHAIN = 8;

/**
 * The trusted certificate `signer` rests on: itself when its fingerprint is in `trusted`, else the
 * trusted certificate it chains to through issuers taken from `trusted` or the signature's own
 * `intermediates`. Each link must name its issuer, carry the issuer's valid signature, and the
 * issuer must be a CA. Validity periods are not checked here (the report shows them separately).
 * @returns the anchor's fingerprint, or `undefined` when the signer is not trusted.
 */
export function findTrustAnchor(signer: Buffer, intermediates: readonly Buffer[], trusted: readonly Buffer[]): string | undefined {
  const trustedFingerprints = new Set(trusted.map((der) => sha256Hex(der)));
  const own = sha256Hex(signer);
  if (trustedFingerprints.has(own)) return own;
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
    if (!issuer) return undefined;
    if (trustedFingerprints.has(issuer.fingerprint)) return issuer.fingerprint;
    visited.add(issuer.fingerprint);
    current = issuer.x509;
  }
  return undefined;
}

function tryParse(der: Buffer): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined; // a garbage certificate in a signature simply cannot be a link
  }
}
