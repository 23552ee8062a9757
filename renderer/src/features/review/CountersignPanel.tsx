import { Alert, App, Button, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countersignIdentityChecks, type CountersignPreview, type IdentityInfo } from '../../../../shared/domain/signing';
import { verifyMessage } from '../../../../shared/i18n/verify-messages';
import { countersignBlockerTexts, countersignWarningTexts, signerName } from '../../../../shared/i18n/verify-report';
import { useLocale } from '../../app/locale-context';
import { registerBundle } from '../../i18n';
import { call } from '../../lib/api';
import { fileHost } from '../../lib/host-files';

registerBundle('countersign', {
  'zh-CN': {
    title: '复核人会签',
    hint: '选择已由审核员签署的报告 PDF。会签前先验证该报告，并显示将要会签的内容；确认无误后再输入口令（增量更新，原签名保持有效）。',
    choose: '选择 PDF 并检查…',
    about: '将要会签：{{file}}',
    project: '项目',
    revision: '修订版',
    auditor: '审核员签名',
    signedAt: '签名时间',
    auditorTrust: '审核员是否受信任',
    refused: '不能会签',
    identity: '签名身份（复核人）',
    passphrase: '复核人口令',
    sign: '会签',
    saved: '会签后的报告已保存：{{path}}',
  },
  en: {
    title: 'Reviewer countersignature',
    hint: 'Choose a dossier PDF signed by the auditor. It is verified first and what you are about to countersign is shown; then enter your passphrase (an incremental update; the first signature stays valid).',
    choose: 'Choose PDF and check…',
    about: 'About to countersign: {{file}}',
    project: 'Project',
    revision: 'Revision',
    auditor: 'Auditor’s signature',
    signedAt: 'Signed at',
    auditorTrust: 'Auditor trusted',
    refused: 'This dossier cannot be countersigned',
    identity: 'Signing identity (reviewer)',
    passphrase: 'Reviewer passphrase',
    sign: 'Countersign',
    saved: 'Countersigned dossier saved: {{path}}',
  },
});

const merge = (preview: CountersignPreview, extra: Pick<CountersignPreview, 'blockers' | 'warnings'>) => ({
  blockers: [...preview.blockers, ...extra.blockers],
  warnings: extra.warnings,
});

const identityOptions = (list: IdentityInfo[] | undefined) =>
  (list ?? []).map((i) => ({ value: i.id, label: `${i.name} · ${i.organisation} · ${i.id.slice(0, 12)}` }));

/** Countersigning as the reviewer: pick and check the dossier, show what it is, then ask for the passphrase. */
export function CountersignPanel({ identities, disabled }: { identities: IdentityInfo[] | undefined; disabled: boolean }) {
  const { t } = useTranslation('countersign');
  const locale = useLocale();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<{ previewId: string; preview: CountersignPreview } | null>(null);
  const [identityId, setIdentityId] = useState<string>();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const choose = () =>
    run(async () => {
      setPicked(await fileHost().open('dossier:countersignPreview', {}));
    });
  const sign = () =>
    run(async () => {
      const r = await call('dossier:countersign', { previewId: picked!.previewId, identityId: identityId!, passphrase });
      setPassphrase('');
      if (r.saved) {
        void message.success(t('saved', { path: r.path }));
        setPicked(null);
      }
    });

  // What the chosen identity adds to the checks (the same rules the main process applies on signing).
  const chosen = identities?.find((i) => i.id === identityId);
  const preview: CountersignPreview | undefined =
    picked && chosen
      ? { ...picked.preview, identity: { fingerprint: chosen.id, name: chosen.name }, ...merge(picked.preview, countersignIdentityChecks(picked.preview.check, { fingerprint: chosen.id, name: chosen.name })) }
      : picked?.preview;
  const auditor = preview?.check.signatures[0];
  const blockers = preview ? countersignBlockerTexts(locale, preview) : [];
  const warnings = preview ? countersignWarningTexts(locale, preview) : [];
  const fileBlocked = (picked?.preview.blockers.length ?? 0) > 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={5} style={{ marginBottom: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      <Button onClick={() => void choose()} loading={busy && !picked} disabled={disabled || busy}>
        {t('choose')}
      </Button>
      {preview && (
        <Descriptions size="small" column={1} bordered title={t('about', { file: preview.check.file })} data-testid="countersign-preview">
          <Descriptions.Item label={t('project')}>
            {preview.check.assessment.projectName ?? preview.check.assessment.projectId ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('revision')}>{preview.check.assessment.revision ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('auditor')}>{auditor ? signerName(locale, auditor) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('signedAt')}>
            {auditor?.signingTime ? new Date(auditor.signingTime).toLocaleString() : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('auditorTrust')}>
            {verifyMessage(locale, auditor?.trusted ? 'label.yes' : 'label.no')}
          </Descriptions.Item>
        </Descriptions>
      )}
      {preview && !preview.projectInThisFolder && <Alert type="info" showIcon message={verifyMessage(locale, 'countersign.notInFolder')} />}
      {blockers.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={t('refused')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {blockers.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          }
        />
      )}
      {warnings.map((text) => (
        <Alert key={text} type="warning" showIcon message={text} />
      ))}
      {preview && !fileBlocked && (
        <Form layout="inline" disabled={disabled || busy} onFinish={() => void sign()}>
          <Form.Item label={t('identity')}>
            <Select aria-label={t('identity')} style={{ width: 320 }} value={identityId} onChange={setIdentityId} options={identityOptions(identities)} />
          </Form.Item>
          <Form.Item label={t('passphrase')}>
            <Input.Password aria-label={t('passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={busy} disabled={!identityId || !passphrase || blockers.length > 0}>
            {t('sign')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
