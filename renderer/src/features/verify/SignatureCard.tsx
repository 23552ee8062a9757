import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { DossierCheck, SignatureCheck } from '../../../../shared/domain/signing';
import { certificateProblemText, changeText, signatureProblemText } from '../../../../shared/i18n/verify-messages';
import { signerName } from '../../../../shared/i18n/verify-report';
import { useLocale } from '../../app/locale-context';
import { useVerifyText } from './use-verify-text';

const time = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

/** One signature: what it signs, whether it holds, who signed and when, certificate, trust, and what changed after it. */
export function SignatureCard({ check, signature: s, index }: { check: DossierCheck; signature: SignatureCheck; index: number }) {
  const m = useVerifyText();
  const locale = useLocale();
  const tag = (good: boolean, text: string) => <Tag color={good ? 'green' : 'red'}>{text}</Tag>;
  return (
    <Card
      size="small"
      title={
        <Space>
          {m('label.signature', { n: index + 1 })}
          {tag(s.ok, m(s.ok ? 'result.ok' : 'result.notOk'))}
          {s.fieldName && <Typography.Text type="secondary">{s.fieldName}</Typography.Text>}
        </Space>
      }
    >
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={m('label.covers')}>
          {s.revision ? m('label.coversRevision', { revision: s.revision, revisions: check.revisions }) : m('label.coversNothing')}
        </Descriptions.Item>
        <Descriptions.Item label={m('label.status')}>
          {s.valid
            ? tag(true, m('label.valid'))
            : tag(false, m('label.invalid', { problem: s.problem ? signatureProblemText(locale, s.problem) : '?' }))}
        </Descriptions.Item>
        <Descriptions.Item label={m('label.signer')}>{signerName(locale, s)}</Descriptions.Item>
        <Descriptions.Item label={m('label.signedAt')}>{time(s.signingTime)}</Descriptions.Item>
        <Descriptions.Item label={m('label.certificate')}>
          {s.certificateProblems.length === 0
            ? s.signer && tag(true, m('label.certificateOk'))
            : s.certificateProblems.map((code) => <div key={code}>{tag(false, certificateProblemText(locale, code, s.signer))}</div>)}
        </Descriptions.Item>
        <Descriptions.Item label={m('label.trusted')}>
          {s.trusted
            ? tag(true, m('label.trustedYes', { anchor: s.trustAnchor?.slice(0, 16) ?? '' }))
            : tag(false, m(check.allowUntrusted ? 'label.trustedNoAllowed' : 'label.trustedNo'))}
        </Descriptions.Item>
        <Descriptions.Item label={m('label.changesAfter')}>
          {s.changesAfter.length === 0
            ? m('label.noChanges')
            : s.changesAfter.map((c) => (
                <div key={`${c.revision}-${c.kind}`}>
                  <Typography.Text type="danger">{changeText(locale, c)}</Typography.Text>
                </div>
              ))}
        </Descriptions.Item>
        {s.reason && <Descriptions.Item label={m('label.reason')}>{s.reason}</Descriptions.Item>}
        {s.signer && (
          <Descriptions.Item label={m('label.fingerprint')}>
            <Typography.Text code>{s.signer.fingerprint}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
