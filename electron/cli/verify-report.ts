import type { DossierCheck, SignatureCheck } from '../../shared/domain/signing';
import type { Locale } from '../../shared/i18n/locale';
import { certificateProblemText, changeText, dossierProblemText, signatureProblemText, verifyMessage } from '../../shared/i18n/verify-messages';
import { dossierCheckReasons, signerName, verifyNoteTexts } from '../../shared/i18n/verify-report';

const time = (iso: string | undefined): string => (iso ? `${iso.replace('T', ' ').slice(0, 19)} UTC` : '—');

function signatureLines(locale: Locale, check: DossierCheck, s: SignatureCheck, index: number): string[] {
  const m = (key: Parameters<typeof verifyMessage>[1], params = {}) => verifyMessage(locale, key, params);
  const sep = locale === 'zh-CN' ? '：' : ': ';
  const line = (label: string, value: string): string => `  ${label}${sep}${value}`;
  const certificate = s.certificateProblems.length
    ? s.certificateProblems.map((code) => certificateProblemText(locale, code, s.signer)).join('; ')
    : s.signer
      ? m('label.certificateOk')
      : '—';
  const trust = s.trusted
    ? m('label.trustedYes', { anchor: s.trustAnchor?.slice(0, 16) ?? '' })
    : m(check.allowUntrusted ? 'label.trustedNoAllowed' : 'label.trustedNo');
  return [
    `${m('label.signature', { n: index + 1 })}${s.fieldName ? m('label.field', { name: s.fieldName }) : ''}`,
    line(m('label.covers'), s.revision ? m('label.coversRevision', { revision: s.revision, revisions: check.revisions }) : m('label.coversNothing')),
    line(m('label.status'), s.valid ? m('label.valid') : m('label.invalid', { problem: s.problem ? signatureProblemText(locale, s.problem) : '?' })),
    line(m('label.signer'), signerName(locale, s)),
    line(m('label.fingerprint'), s.signer?.fingerprint ?? '—'),
    line(m('label.signedAt'), time(s.signingTime)),
    line(m('label.certificate'), certificate),
    line(m('label.trusted'), trust),
    line(m('label.changesAfter'), s.changesAfter.length ? s.changesAfter.map((c) => changeText(locale, c)).join('; ') : m('label.noChanges')),
    ...(s.reason ? [line(m('label.reason'), s.reason)] : []),
  ];
}

/**
 * What `adsg verify` prints: each signature (what it signs, whether it is valid, who signed and
 * when, the certificate, trust, and what changed after it), the embedded assessment, and the
 * result with every reason. A file that is not a PDF, or has no signatures, gets that one line.
 */
export function describeDossierCheck(check: DossierCheck, locale: Locale): string[] {
  const m = (key: Parameters<typeof verifyMessage>[1], params = {}) => verifyMessage(locale, key, params);
  const sep = locale === 'zh-CN' ? '：' : ': ';
  const result = `${m('label.result')}${sep}${m(check.ok ? 'result.ok' : 'result.notOk')}`;
  if (check.signatures.length === 0) {
    return [...check.problems.map((p) => `${check.file}${sep}${dossierProblemText(locale, p)}`), result];
  }
  const lines = [`${check.file}${sep}${m('label.summary', { revisions: check.revisions, signatures: check.signatures.length })}`, ''];
  check.signatures.forEach((s, i) => lines.push(...signatureLines(locale, check, s, i), ''));
  const a = check.assessment;
  if (a.present && a.matches) {
    lines.push(`${m('label.assessment')}${sep}${m('label.assessmentMatches', { project: a.projectName ?? a.projectId ?? '?', revision: a.revision ?? '?' })}`);
  }
  const notes = verifyNoteTexts(locale, check);
  if (notes.length) lines.push(`${m('label.notes')}${sep}`, ...notes.map((note) => `  - ${note}`));
  lines.push(result);
  for (const reason of dossierCheckReasons(locale, check)) lines.push(`  - ${reason}`);
  if (check.untrustedOnly) lines.push(`  ${m('result.untrustedHintCli')}`);
  return lines;
}
