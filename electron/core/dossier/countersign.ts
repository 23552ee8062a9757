import { countersignIdentityChecks, type CountersignBlocker, type CountersignPreview } from '../../../shared/domain/signing';
import type { Locale } from '../../../shared/i18n/locale';
import { verifyMessage } from '../../../shared/i18n/verify-messages';
import { countersignBlockerTexts } from '../../../shared/i18n/verify-report';
import type { Core } from '../core';
import { findProject } from '../db/repos/projects';
import { listRevisions } from '../db/repos/revisions';
import { getIdentity, readTrustedCertificates, signPdf, unlockIdentity } from '../signing';
import { signingAppError } from './service';
import { fontFiles } from './render/fonts';
import { readSignatureBoxes, signingArea } from './signature-boxes';
import { verifyDossierInWorker } from './verify-job';

const REASON = 'ADSG assessment dossier — reviewer countersignature / 复核人会签';

/** The dossier may not be countersigned; `preview` says what was found and why. */
export class CountersignRefused extends Error {
  override readonly name = 'CountersignRefused';

  constructor(readonly preview: CountersignPreview) {
    super(countersignBlockerTexts('en', preview).join('; '));
  }

  /** Why, in `locale`, without the "refused" lead (callers add their own). */
  reasons(locale: Locale): string {
    return countersignBlockerTexts(locale, this.preview).join(locale === 'zh-CN' ? '；' : '; ');
  }

  /** "Countersigning refused: …" in `locale`. */
  describe(locale: Locale): string {
    return verifyMessage(locale, 'countersign.refused', { why: this.reasons(locale) });
  }
}

/**
 * Everything checked before a countersignature, so the reviewer sees what they are about to sign:
 * the dossier must verify (in a worker; an untrusted auditor is shown, not refused), and when its
 * project is in this data folder, its embedded snapshot must be one of that project's accepted
 * revisions (number, state and snapshot hash). With the identity that would sign: it must not be
 * a certificate that already signed the dossier (the auditor's own, or a countersignature made
 * before), and a name other than the project's reviewer is a warning.
 * @throws SigningError `not-found` for an unknown identity.
 */
export async function inspectForCountersign(core: Core, pdf: Buffer, file: string, identityId?: string): Promise<CountersignPreview> {
  const trusted = await readTrustedCertificates(core.paths.trust);
  const check = await verifyDossierInWorker(pdf, file, trusted, { allowUntrusted: true });
  const blockers: CountersignBlocker[] = [];
  if (!check.ok) blockers.push('does-not-verify');
  const { projectId, revision, snapshotHash } = check.assessment;
  const project = projectId === undefined ? undefined : findProject(core.db, projectId);
  if (project && projectId !== undefined) {
    const accepted = listRevisions(core.db, projectId).some((r) => r.number === revision && r.state === 'accepted' && r.snapshotHash === snapshotHash);
    if (!accepted) blockers.push('not-an-accepted-revision');
  }
  const preview: CountersignPreview = { check, projectInThisFolder: project !== undefined, blockers, warnings: [] };
  if (identityId === undefined) return preview;
  const found = await getIdentity(core.paths.identities, identityId);
  // An identity's id is its certificate's SHA-256, as the verifier reports each signer's.
  const identity = { fingerprint: found.id, name: found.name };
  const against = countersignIdentityChecks(check, identity);
  return { ...preview, identity, blockers: [...blockers, ...against.blockers], warnings: against.warnings };
}

/**
 * The reviewer's countersignature: refused (before the key is unlocked) unless
 * {@link inspectForCountersign} finds nothing against it, then an incremental update over the
 * signed dossier with its widget in the reviewer box.
 * @throws CountersignRefused, or an AppError for the signing itself (wrong passphrase…).
 */
export async function countersignDossier(
  core: Core,
  pdf: Buffer,
  file: string,
  identityId: string,
  passphrase: string,
): Promise<{ pdf: Buffer; preview: CountersignPreview }> {
  let preview: CountersignPreview;
  try {
    preview = await inspectForCountersign(core, pdf, file, identityId);
  } catch (e) {
    throw signingAppError(e);
  }
  if (preview.blockers.length > 0) throw new CountersignRefused(preview);
  try {
    const signer = await unlockIdentity(core.paths.identities, identityId, passphrase);
    const box = readSignatureBoxes(pdf).find((b) => b.role === 'reviewer');
    const signed = await signPdf(pdf, {
      signer,
      signingTime: core.now(),
      reason: REASON,
      widget: box && { page: box.page, rect: signingArea(box) },
      appearanceFont: fontFiles().regular,
    });
    return { pdf: signed, preview };
  } catch (e) {
    throw signingAppError(e);
  }
}
