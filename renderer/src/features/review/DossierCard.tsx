import { Alert, App, Button, Card, Form, Input, Progress, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityInfo } from '../../../../shared/domain/signing';
import { call } from '../../lib/api';
import { fileHost } from '../../lib/host-files';
import { newJobId, useJobProgress } from '../../lib/jobs';
import { useLoad } from '../../lib/use-call';
import { useWorkspace } from '../../lib/workspace';
import './i18n';

const identityOptions = (list: IdentityInfo[] | undefined) =>
  (list ?? []).map((i) => ({ value: i.id, label: `${i.name} · ${i.organisation} · ${i.id.slice(0, 12)}` }));

/** Generate the signed dossier of the accepted revision, and countersign one as the reviewer. */
export function DossierCard({ hasAccepted }: { hasAccepted: boolean }) {
  const { t } = useTranslation('review');
  const { message } = App.useApp();
  const { ws } = useWorkspace();
  const identities = useLoad(() => call('identities:list', {}), []);
  const [lang, setLang] = useState<'zh-CN' | 'en' | 'both'>('zh-CN');
  const [identityId, setIdentityId] = useState<string>();
  const [passphrase, setPassphrase] = useState('');
  const [reviewerId, setReviewerId] = useState<string>();
  const [reviewerPass, setReviewerPass] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState<'generate' | 'countersign' | null>(null);
  const progress = useJobProgress(jobId);

  const generate = async () => {
    const id = newJobId();
    setJobId(id);
    setBusy('generate');
    try {
      const r = await call('dossier:generate', {
        projectId: ws.project.id,
        lang,
        identityId: identityId!,
        passphrase,
        jobId: id,
      });
      if (r.saved) void message.success(t('saved', { path: r.path }));
      setPassphrase('');
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(null);
      setJobId(null);
    }
  };
  const countersign = async () => {
    setBusy('countersign');
    try {
      const r = await fileHost().open('dossier:countersign', { identityId: reviewerId!, passphrase: reviewerPass });
      if (r.saved) void message.success(t('saved', { path: r.path }));
      setReviewerPass('');
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const noIdentities = identities.data?.length === 0;
  return (
    <Card title={t('dossier')}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">{t('dossierHint')}</Typography.Text>
        {!hasAccepted && <Alert type="info" showIcon message={t('notAccepted')} />}
        {noIdentities && <Alert type="warning" showIcon message={t('noIdentities')} />}
        <Form
          layout="vertical"
          disabled={!hasAccepted || noIdentities || busy !== null}
          onFinish={() => void generate()}
        >
          <Form.Item label={t('lang')}>
            <Segmented
              value={lang}
              onChange={(v) => setLang(v as typeof lang)}
              options={(['zh-CN', 'en', 'both'] as const).map((l) => ({ value: l, label: t(`langs.${l}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('identity')} required>
            <Select
              aria-label={t('identity')}
              value={identityId}
              onChange={setIdentityId}
              options={identityOptions(identities.data)}
            />
          </Form.Item>
          <Form.Item label={t('passphrase')} required>
            <Input.Password
              aria-label={t('passphrase')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoComplete="off"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy === 'generate'} disabled={!identityId || !passphrase}>
            {t('generate')}
          </Button>
        </Form>
        {busy === 'generate' && (
          <div role="status">
            <Typography.Text>{t('generating')}</Typography.Text>
            <Progress
              percent={progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0}
              status="active"
            />
          </div>
        )}
        <Typography.Title level={5} style={{ marginBottom: 0 }}>
          {t('countersign')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('countersignHint')}</Typography.Text>
        <Form layout="inline" disabled={noIdentities || busy !== null} onFinish={() => void countersign()}>
          <Form.Item label={t('countersignIdentity')}>
            <Select
              style={{ width: 320 }}
              value={reviewerId}
              onChange={setReviewerId}
              options={identityOptions(identities.data)}
            />
          </Form.Item>
          <Form.Item label={t('passphrase')}>
            <Input.Password value={reviewerPass} onChange={(e) => setReviewerPass(e.target.value)} autoComplete="off" />
          </Form.Item>
          <Button htmlType="submit" loading={busy === 'countersign'} disabled={!reviewerId || !reviewerPass}>
            {t('countersignButton')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
