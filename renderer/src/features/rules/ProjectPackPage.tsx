import { App, Button, Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarriedAnswer, UpgradePlan } from '../../../../shared/rules/upgrade';
import { useLocale } from '../../app/locale-context';
import { call } from '../../lib/api';
import { usePack } from '../../lib/pack';
import { useLoad } from '../../lib/use-call';
import { useWorkspace } from '../../lib/workspace';
import { ExampleWarning } from './PackDiffView';
import { ReconfirmEntry, useAnswerLabel } from './ReconfirmEntry';
import { UpgradePreview } from './UpgradePreview';
import { useCarried } from './use-carried';
import './i18n';

/** The project's pack tab label. */
export function RulesTabLabel() {
  const { t } = useTranslation('rules');
  return <>{t('tab')}</>;
}

/**
 * The rules pack a project is assessed against: moving it to another installed version (preview
 * first, confirm after), the answers carried that wait to be re-confirmed, and the archive.
 */
export function ProjectPackPage({ onPackChanged }: { onPackChanged(): Promise<void> }) {
  const { t } = useTranslation('rules');
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const { pack } = usePack();
  const { ws, reload } = useWorkspace();
  const projectId = ws.project.id;
  const packs = useLoad(() => call('rules:list', {}), []);
  const others = (packs.data ?? []).filter((p) => p.id === pack.id && p.version !== pack.version && !p.problem);
  const [target, setTarget] = useState<string>();
  const [plan, setPlan] = useState<UpgradePlan>();
  const [busy, setBusy] = useState(false);
  const carried = useCarried(projectId, `${pack.contentHash}/${ws.answers.length}/${ws.questions.length}`);

  const preview = async (to: string) => {
    setBusy(true);
    try {
      setPlan(await call('upgrade:preview', { projectId: projectId as never, to }));
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const apply = (p: UpgradePlan) => {
    const to = `${p.diff.to.id}@${p.diff.to.version}`;
    const count = (k: 'carried' | 'reconfirm' | 'archived') => (k === 'carried' ? p.answers.carried + p.questions.carried : p.answers[k].length + p.questions[k].length);
    modal.confirm({
      title: t('project.confirmTitle', { to }),
      content: t('project.confirmBody', { carried: count('carried'), reconfirm: count('reconfirm'), archived: count('archived'), moved: p.determinations.filter((d) => d.changed).length }),
      okText: t('project.confirm'),
      onOk: async () => {
        try {
          const done = await call('upgrade:apply', { projectId: projectId as never, to, expectFrom: p.diff.from.contentHash });
          setPlan(undefined);
          setTarget(undefined);
          await Promise.all([reload(), onPackChanged()]);
          void message.success(t('project.upgraded', { pack: to, revision: done.revision.number }));
        } catch (e) {
          void message.error((e as Error).message);
        }
      },
    });
  };

  const current = `${pack.id}@${pack.version}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={t('project.current')} size="small">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('version')}>
            <Space>
              <Typography.Text code data-testid="project-pack">
                {current}
              </Typography.Text>
              {pack.example && <Tag color="orange">{t('example')}</Tag>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('hash')}>
            <Typography.Text code>{pack.contentHash.slice(0, 16)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="">{pack.title[locale]}</Descriptions.Item>
        </Descriptions>
        {pack.example && <ExampleWarning pack={current} />}
      </Card>
      <Card title={t('project.upgradeTo')} size="small">
        {others.length === 0 ? (
          <Typography.Text type="secondary">{t('project.noOther')}</Typography.Text>
        ) : (
          <Space wrap>
            <Select
              aria-label={t('project.upgradeTo')}
              style={{ width: 360 }}
              value={target}
              onChange={(v: string) => {
                setTarget(v);
                setPlan(undefined);
              }}
              options={others.map((o) => ({ value: `${o.id}@${o.version}`, label: `${o.id}@${o.version}${o.example ? ` — ${t('example')}` : ''}` }))}
            />
            <Button disabled={!target} loading={busy && !plan} onClick={() => target && void preview(target)}>
              {t('project.preview')}
            </Button>
          </Space>
        )}
      </Card>
      {plan && <UpgradePreview plan={plan} busy={busy} onConfirm={() => apply(plan)} />}
      <Card title={t('carried.title')} size="small" data-testid="reconfirm-list">
        <Typography.Paragraph type="secondary">{t('carried.hint')}</Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          {(carried.data?.reconfirm ?? []).map((entry) => (
            <ReconfirmEntry key={`${entry.entity}:${entry.entityId}`} entry={entry} onConfirm={(e) => void carried.confirm(e)} />
          ))}
          {carried.data && carried.data.reconfirm.length === 0 && <Typography.Text type="secondary">{t('carried.none')}</Typography.Text>}
        </Space>
      </Card>
      <ArchivedAnswers answers={carried.data?.archived ?? []} />
    </Space>
  );
}

/** The answers kept with their withdrawn items, for reference. */
function ArchivedAnswers({ answers }: { answers: CarriedAnswer[] }) {
  const { t } = useTranslation('rules');
  const locale = useLocale();
  const answer = useAnswerLabel();
  return (
    <Card title={t('carried.archiveTitle')} size="small" data-testid="archived-answers">
      <Typography.Paragraph type="secondary">{t('carried.archiveHint')}</Typography.Paragraph>
      <Table<CarriedAnswer>
        size="small"
        rowKey={(a) => `${a.entity}:${a.entityId}`}
        pagination={false}
        dataSource={answers}
        locale={{ emptyText: t('carried.archiveNone') }}
        columns={[
          { title: t('carried.flow'), dataIndex: 'flowName', width: 180, render: (f: string | null) => f ?? '—' },
          { title: t('carried.item'), key: 'item', render: (_, a) => `${a.ref ? `${a.ref} ` : ''}${a.label[locale]}` },
          { title: t('carried.result'), key: 'result', width: 140, render: (_, a) => <Tag>{answer(a.entity, a.result)}</Tag> },
        ]}
      />
    </Card>
  );
}
