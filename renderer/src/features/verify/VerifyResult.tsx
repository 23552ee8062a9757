import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Card, Space } from 'antd';
import type { DossierCheck } from '../../../../shared/domain/signing';
import { dossierCheckReasons, verifyNoteTexts } from '../../../../shared/i18n/verify-report';
import { useLocale } from '../../app/locale-context';
import { SignatureCard } from './SignatureCard';
import { useVerifyText } from './use-verify-text';

/** The verifier's verdict on one file and, for a signed PDF, each signature and the embedded assessment. */
export function VerifyResult({ check }: { check: DossierCheck }) {
  const m = useVerifyText();
  const locale = useLocale();
  const reasons = dossierCheckReasons(locale, check);
  const verdict = check.ok ? 'success' : check.untrustedOnly ? 'warning' : 'error';
  const icon = { success: <CheckCircleFilled />, warning: <ExclamationCircleFilled />, error: <CloseCircleFilled /> }[verdict];
  const description = check.ok ? m('result.okSummary') : check.untrustedOnly ? m('result.untrustedOnly') : undefined;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type={verdict}
        showIcon
        icon={icon}
        data-testid="verify-result"
        message={m('result.fileResult', { file: check.file, result: m(check.ok ? 'result.ok' : 'result.notOk') })}
        description={
          <>
            {description && <div>{description}</div>}
            {reasons.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            )}
          </>
        }
      />
      {verifyNoteTexts(locale, check).map((note) => (
        <Alert key={note} type="info" showIcon message={note} />
      ))}
      {check.signatures.length > 0 && (
        <>
          <div>{m('label.summary', { revisions: check.revisions, signatures: check.signatures.length })}</div>
          {check.signatures.map((s, i) => (
            <SignatureCard key={i} check={check} signature={s} index={i} />
          ))}
          {check.assessment.present && check.assessment.matches && (
            <Card size="small" title={m('label.assessment')}>
              {m('label.assessmentMatches', {
                project: check.assessment.projectName ?? check.assessment.projectId ?? '?',
                revision: check.assessment.revision ?? '?',
              })}
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
