import { createCmsSignature } from '../signing/cms-signer';
import { describeCertificate } from '../signing/certificate-info';
import { SigningError } from '../signing/errors';
import { readTrustedCertificates } from '../signing/trust-store';
import { findTrustAnchor } from '../signing/trust';
import type { UnlockedSigner } from '../signing/unlocked-signer';
import { verifyCmsSignature } from '../signing/verify-cms';
import { BundleError, shown } from './errors';

/** Who signed a bundle's manifest, and whether this machine trusts them. */
export interface ManifestSigner {
  fingerprint: string;
  commonName: string | null;
  organisation: string | null;
  signingTime: string | null;
  /** True when the signer chains to a certificate in the local trust store. */
  trusted: boolean;
}

/** The detached CMS signature (manifest.p7s) over the exact bytes of manifest.json. */
export function signManifest(manifest: Buffer, signer: UnlockedSigner, signingTime: Date): Promise<Buffer> {
  return createCmsSignature(manifest, signer, signingTime);
}

/**
 * Checks manifest.p7s against the manifest bytes with the same verifier as dossier signatures
 * (which trusts nothing the CMS claims), then looks the signer up in the trust store.
 * An untrusted but valid signature is reported, not refused: trust is the reader's decision.
 * @throws BundleError `signature-invalid` when the signature does not verify.
 */
export async function checkManifestSignature(cms: Buffer, manifest: Buffer, trustDir: string): Promise<ManifestSigner> {
  const check = await verifyCmsSignature(cms, manifest);
  if (check.problem || !check.signerCertificate) {
    throw new BundleError('signature-invalid', { detail: shown(check.problem?.message ?? 'no signer certificate', 200) });
  }
  let trusted: readonly Buffer[];
  try {
    trusted = await readTrustedCertificates(trustDir);
  } catch (e) {
    if (e instanceof SigningError) throw new BundleError('io', { detail: shown(e.message, 200) }, { cause: e });
    throw e;
  }
  const info = describeCertificate(check.signerCertificate);
  return {
    fingerprint: info.fingerprint,
    commonName: info.commonName ?? null,
    organisation: info.organisation ?? null,
    signingTime: check.signingTime?.toISOString() ?? null,
    trusted: findTrustAnchor(check.signerCertificate, check.certificates, trusted) !== undefined,
  };
}
