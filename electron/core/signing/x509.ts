import { X509Certificate } from 'node:crypto';
import { SigningError } from './errors';

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
