import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackDiff } from '../../../../shared/rules/diff';
import type { PackSummary } from '../../../../shared/ipc/channels/upgrade';
import { useLocale } from '../../app/locale-context';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/use-call';
import { PackDiffView } from './PackDiffView';
import './i18n';

const refOf = (p: Pick<PackSummary, 'id' | 'version'>) => `${p.id}@${p.version}`;

/** The navigation entry of this page. */
export function RulesNavLabel() {
  const { t } = useTranslation('rules');
  return <>{t('nav')}</>;
}

/** The installed packs and a comparison of any two versions. */
export function RulesPacksPage() {
  const { t } = useTranslation('rules');
  const locale = useLocale();
  const { message } = App.useApp();
  const packs = useLoad(() => call('rules:list', {}), []);
  const usable = (packs.data ?? []).filter((p) => !p.problem);
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const [diff, setDiff] = useState<PackDiff>();

  useEffect(() => {
    // By default: the newest release against the newest other version of the same pack.
    const release = usable.filter((p) => !p.version.includes('-')).at(-1) ?? usable[0];
    const other = usable.filter((p) => release && p.id === release.id && p.version !== release.version).at(-1);
    if (release && !from) setFrom(refOf(release));
    if (other && !to) setTo(refOf(other));
  }, [packs.data]);

  const compare = async () => {
    if (!from || !to) return;
    try {
      setDiff(await call('rules:diff', { from, to }));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const options = usable.map((p) => ({ value: refOf(p), label: `${refOf(p)}${p.example ? ` — ${t('example')}` : ''}` }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Card title={t('installed')} size="small">
        <Table<PackSummary>
          size="small"
          rowKey={refOf}
          loading={packs.loading}
          pagination={false}
          dataSource={packs.data ?? []}
          columns={[
            { title: t('version'), key: 'ref', width: 240, render: (_, p) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{refOf(p)}</Typography.Text> },
            {
              title: '',
              key: 'title',
              render: (_, p) =>
                p.problem ? (
                  <Alert type="error" showIcon message={t('problem', { problem: p.problem })} />
                ) : (
                  <Space wrap>
                    {p.title?.[locale]}
                    {p.example && <Tag color="orange">{t('example')}</Tag>}
                  </Space>
                ),
            },
            { title: t('origin.label'), dataIndex: 'origin', width: 140, render: (o: PackSummary['origin']) => <Tag>{t(`origin.${o}`)}</Tag> },
            { title: t('hash'), dataIndex: 'contentHash', width: 140, render: (h: string | null) => (h ? <Typography.Text code>{h.slice(0, 12)}</Typography.Text> : '—') },
          ]}
        />
      </Card>
      <Card size="small">
        <Space wrap>
          <span>{t('from')}</span>
          <Select aria-label={t('from')} style={{ width: 320 }} value={from} onChange={setFrom} options={options} />
          <span>{t('to')}</span>
          <Select aria-label={t('to')} style={{ width: 320 }} value={to} onChange={setTo} options={options} />
          <Button type="primary" disabled={!from || !to || from === to} onClick={() => void compare()}>
            {t('compare')}
          </Button>
        </Space>
        {!diff && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('pickTwo')}</Typography.Paragraph>}
      </Card>
      {diff && <PackDiffView diff={diff} />}
    </Space>
  );
}
