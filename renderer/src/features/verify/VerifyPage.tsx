import { CheckCircleFilled, CloseCircleFilled, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierCheck } from '../../../../shared/domain/signing';
import { registerBundle } from '../../i18n';
import { fileHost } from '../../lib/host-files';

registerBundle('verify', {
  'zh-CN': {
    title: '验证报告',
    intro:
      '打开任意评估报告 PDF，逐一校验签名：签名是否有效、是否覆盖全文、签名人及时间、签名人是否受信任，以及内嵌评估数据是否一致。全部在本机完成。',
    open: '打开 PDF…',
    ok: '验证通过：所有签名有效，最后一个签名覆盖全文，内嵌评估数据一致。',
    notOk: '验证未通过',
    signature: '签名 #{{n}}',
    valid: '有效',
    invalid: '无效',
    signer: '签名人',
    time: '签名时间',
    covers: '覆盖全文',
    trusted: '受信任',
    reason: '签署说明',
    appended: '最后一个签名之后追加了 {{n}} 字节',
    assessment: '内嵌评估数据',
    matches: '一致（项目 {{project}}，修订版 {{revision}}）',
    mismatch: '不一致或已损坏',
    missing: '缺失',
    yes: '是',
    no: '否',
    problem: '问题',
    none: '该文件没有签名。',
  },
  en: {
    title: 'Verify a dossier',
    intro:
      'Open any dossier PDF and check each signature: is it valid, does it cover the whole file, who signed and when, is the signer trusted, and does the embedded assessment match. Everything runs on this machine.',
    open: 'Open PDF…',
    ok: 'Verified: every signature is valid, the last one covers the whole file, and the embedded assessment matches.',
    notOk: 'Not verified',
    signature: 'Signature #{{n}}',
    valid: 'Valid',
    invalid: 'Invalid',
    signer: 'Signer',
    time: 'Signed at',
    covers: 'Covers whole file',
    trusted: 'Trusted',
    reason: 'Reason',
    appended: '{{n}} bytes were added after the last signature',
    assessment: 'Embedded assessment',
    matches: 'Matches (project {{project}}, revision {{revision}})',
    mismatch: 'Does not match or is damaged',
    missing: 'Missing',
    yes: 'Yes',
    no: 'No',
    problem: 'Problem',
    none: 'The file has no signatures.',
  },
});

const yesNo = (v: boolean, yes: string, no: string) => <Tag color={v ? 'green' : 'red'}>{v ? yes : no}</Tag>;

/** Verify any dossier PDF, from its bytes alone. */
export function VerifyPage() {
  const { t } = useTranslation('verify');
  const { message } = App.useApp();
  const [check, setCheck] = useState<DossierCheck | null>(null);
  const open = async () => {
    try {
      const r = await fileHost().open('dossier:verify', {});
      if (r) setCheck(r);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1000 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Button type="primary" icon={<FolderOpenOutlined />} onClick={() => void open()}>
        {t('open')}
      </Button>
      {check && (
        <>
          <Alert
            type={check.ok ? 'success' : 'error'}
            showIcon
            icon={check.ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
            message={`${check.file}: ${check.ok ? t('ok') : t('notOk')}`}
            description={
              check.bytesAfterLastSignature > 0 ? t('appended', { n: check.bytesAfterLastSignature }) : undefined
            }
          />
          {check.signatures.length === 0 && <Alert type="warning" message={t('none')} />}
          {check.signatures.map((s, i) => (
            <Card
              key={i}
              size="small"
              title={
                <Space>
                  {t('signature', { n: i + 1 })}
                  {yesNo(s.valid, t('valid'), t('invalid'))}
                </Space>
              }
            >
              <Descriptions size="small" column={2} bordered>
                <Descriptions.Item label={t('signer')}>
                  {[s.signer?.commonName, s.signer?.organisation].filter(Boolean).join(' · ') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('time')}>
                  {s.signingTime ? new Date(s.signingTime).toLocaleString() : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('covers')}>{yesNo(s.coversWholeFile, t('yes'), t('no'))}</Descriptions.Item>
                <Descriptions.Item label={t('trusted')}>{yesNo(s.trusted, t('yes'), t('no'))}</Descriptions.Item>
                {s.reason && (
                  <Descriptions.Item label={t('reason')} span={2}>
                    {s.reason}
                  </Descriptions.Item>
                )}
                {s.problem && (
                  <Descriptions.Item label={t('problem')} span={2}>
                    {s.problem}
                  </Descriptions.Item>
                )}
                {s.signer && (
                  <Descriptions.Item label="SHA-256" span={2}>
                    <Typography.Text code>{s.signer.fingerprint}</Typography.Text>
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
          ))}
          <Card size="small" title={t('assessment')}>
            {check.assessment.present
              ? check.assessment.matches
                ? t('matches', { project: check.assessment.projectId, revision: check.assessment.revision })
                : t('mismatch')
              : t('missing')}
          </Card>
        </>
      )}
    </Space>
  );
}
