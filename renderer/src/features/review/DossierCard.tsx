import { Alert, App, Button, Card, Form, Input, Progress, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityInfo } from '../../../../shared/domain/signing';
import { call } from '../../lib/api';
import { newJobId, useJobProgress } from '../../lib/jobs';
import { useLoad } from '../../lib/use-call';
import { useWorkspace } from '../../lib/workspace';
import { CountersignPanel } from './CountersignPanel';
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
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const progress = useJobProgress(jobId);

  const generate = async () => {
    const id = newJobId();
    setJobId(id);
    setBusy(true);
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
      setBusy(false);
      setJobId(null);
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
          disabled={!hasAccepted || noIdentities || busy}
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
          <Button type="primary" htmlType="submit" loading={busy} disabled={!identityId || !passphrase}>
            {t('generate')}
          </Button>
        </Form>
        {busy && (
          <div role="status">
            <Typography.Text>{t('generating')}</Typography.Text>
            <Progress
              percent={progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0}
              status="active"
            />
          </div>
        )}
        <CountersignPanel identities={identities.data} disabled={noIdentities || busy} />
      </Space>
    </Card>
  );
}
