import type { CountersignPreview, DossierCheck, SignatureCheck } from '../domain/signing';
import type { Locale } from './locale';
import { certificateProblemText, changeText, dossierProblemText, signatureProblemText, verifyMessage } from './verify-messages';

/** "李伟 Li Wei · Example Audit", or a placeholder when the signer cannot be identified. */
export function signerName(locale: Locale, signature: Pick<SignatureCheck, 'signer'>): string {
  const parts = [signature.signer?.commonName, signature.signer?.organisation].filter(Boolean);
  return parts.length ? parts.join(' · ') : verifyMessage(locale, 'label.unknownSigner');
}

/** Why one signature is not `ok`, one phrase per reason (empty when it is). */
export function signatureReasons(locale: Locale, signature: SignatureCheck, allowUntrusted: boolean): string[] {
  const reasons: string[] = [];
  if (signature.problem) reasons.push(signatureProblemText(locale, signature.problem));
  for (const code of signature.certificateProblems) reasons.push(certificateProblemText(locale, code, signature.signer));
  if (signature.valid && !signature.trusted && !allowUntrusted) reasons.push(verifyMessage(locale, 'document.untrusted'));
  for (const change of signature.changesAfter) reasons.push(changeText(locale, change));
  return reasons;
}

/**
 * Every reason a dossier does not verify, in `locale`: the file's own problems first, then each
 * signature's. What the CLI prints under "NOT OK", the verify page lists, and a refused
 * countersignature names.
 */
export function dossierCheckReasons(locale: Locale, check: DossierCheck): string[] {
  const reasons = check.problems.map((problem) => dossierProblemText(locale, problem));
  check.signatures.forEach((signature, index) => {
    for (const why of signatureReasons(locale, signature, check.allowUntrusted)) {
      reasons.push(verifyMessage(locale, 'document.signature-not-ok', { n: index + 1, signer: signerName(locale, signature), why }));
    }
  });
  return reasons;
}

/** Why a dossier may not be countersigned, one sentence per blocker (empty when it may). */
export function countersignBlockerTexts(locale: Locale, preview: CountersignPreview): string[] {
  const { check } = preview;
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const signedAs = 1 + check.signatures.findIndex((s) => s.signer?.fingerprint === preview.identity?.fingerprint);
  return preview.blockers.map((blocker) => {
    switch (blocker) {
      case 'does-not-verify':
        return verifyMessage(locale, 'countersign.does-not-verify', { reasons: dossierCheckReasons(locale, check).join(sep) });
      case 'not-an-accepted-revision':
        return verifyMessage(locale, 'countersign.not-an-accepted-revision', {
          project: check.assessment.projectName ?? check.assessment.projectId ?? '?',
          revision: check.assessment.revision ?? '?',
        });
      case 'signer-is-auditor':
        return verifyMessage(locale, 'countersign.signer-is-auditor');
      case 'already-countersigned':
        return verifyMessage(locale, 'countersign.already-countersigned', { n: signedAs });
    }
  });
}

/** The reviewer-name warning of a countersignature about to be made, when its name is not the project's reviewer. */
export function countersignWarningTexts(locale: Locale, preview: CountersignPreview): string[] {
  return preview.warnings.map(() =>
    verifyMessage(locale, 'countersign.reviewer-differs', { name: preview.identity?.name ?? '?', reviewer: preview.check.assessment.reviewer ?? '?' }),
  );
}

/** What the verifier points out without failing: each countersignature by someone other than the named reviewer. */
export function verifyNoteTexts(locale: Locale, check: DossierCheck): string[] {
  return check.notes.map((note) =>
    verifyMessage(locale, 'note.reviewer-name-differs', { n: note.signature, name: note.certificateName, reviewer: note.projectReviewer }),
  );
}

/** "Countersigning: project … revision …, signed by the auditor … at … (trusted or not)". */
export function countersignAboutText(locale: Locale, preview: CountersignPreview): string {
  const { check } = preview;
  const auditor = check.signatures[0];
  return verifyMessage(locale, 'countersign.about', {
    project: check.assessment.projectName ?? check.assessment.projectId ?? '?',
    revision: check.assessment.revision ?? '?',
    auditor: auditor ? signerName(locale, auditor) : '?',
    time: auditor?.signingTime ? `${auditor.signingTime.replace('T', ' ').slice(0, 19)} UTC` : '?',
    trust: verifyMessage(locale, auditor?.trusted ? 'countersign.auditorTrusted' : 'countersign.auditorUntrusted'),
  });
}
