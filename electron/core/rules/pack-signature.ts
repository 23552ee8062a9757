import { describeCertificate } from '../signing/certificate-info';
import { createCmsSignature } from '../signing/cms-signer';
import { readTrustedCertificates } from '../signing/trust-store';
import { findTrustAnchor } from '../signing/trust';
import type { UnlockedSigner } from '../signing/unlocked-signer';
import { verifyCmsSignature } from '../signing/verify-cms';
import { RulesPackError } from './errors';

/** Who signed a rules pack file, as the install log records it. */
export interface PackSigner {
  fingerprint: string;
  commonName: string | null;
  organisation: string | null;
  signingTime: string | null;
  /** Fingerprint of the trusted certificate the signer chains to (itself when trusted directly). */
  trustAnchor: string;
}

/** The detached CMS signature (`<pack>.json.p7s`) a publisher ships beside a compiled pack file. */
export function signPackBytes(bytes: Buffer, signer: UnlockedSigner, signingTime: Date): Promise<Buffer> {
  return createCmsSignature(bytes, signer, signingTime);
}

/**
 * Checks a pack file's detached signature over its exact bytes with the verifier dossiers use
 * (which trusts nothing the CMS claims), then requires the signer to chain to the trust store.
 * Unlike a bundle, an untrusted pack is refused: its rules would decide the user's determinations.
 * @throws RulesPackError `signature-invalid` (the bytes or the signature were changed) | `untrusted`.
 */
export async function checkPackSignature(cms: Buffer, bytes: Buffer, trustDir: string, file: string): Promise<PackSigner> {
  const check = await verifyCmsSignature(cms, bytes);
  if (check.problem || !check.signerCertificate) {
    throw new RulesPackError('signature-invalid', { file, detail: (check.problem?.message ?? 'no signer certificate').slice(0, 200) });
  }
  const info = describeCertificate(check.signerCertificate);
  const anchor = findTrustAnchor(check.signerCertificate, check.certificates, await readTrustedCertificates(trustDir));
  const signer = [info.commonName, info.organisation].filter(Boolean).join(', ') || info.subject;
  if (!anchor) throw new RulesPackError('untrusted', { file, signer, fingerprint: info.fingerprint });
  return {
    fingerprint: info.fingerprint,
    commonName: info.commonName ?? null,
    organisation: info.organisation ?? null,
    signingTime: check.signingTime?.toISOString() ?? null,
    trustAnchor: anchor,
  };
}
