import { Alert, Button, Card, Collapse, Descriptions, List, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../shared/i18n/locale';
import { DIFF_LABELS } from '../../../../shared/rules/diff-labels';
import type { OutcomeChange, UpgradePlan } from '../../../../shared/rules/upgrade';
import { useLocale } from '../../app/locale-context';
import { OutcomeTag } from '../../components/OutcomeTag';
import { ExampleWarning, PackDiffView } from './PackDiffView';
import { useAnswerLabel } from './ReconfirmEntry';
import './i18n';

interface Row {
  key: string;
  flowName: string | null;
  ref?: string;
  label: Bilingual;
  answer?: string;
}

function AnswerList({ rows }: { rows: Row[] }) {
  const locale = useLocale();
  return (
    <List
      size="small"
      dataSource={rows}
      renderItem={(r) => (
        <List.Item key={r.key}>
          <Space wrap size={4}>
            {r.flowName && <Tag>{r.flowName}</Tag>}
            {r.ref && <Tag>{r.ref}</Tag>}
            <span>{r.label[locale].slice(0, 100)}</span>
            {r.answer && <Tag color="blue">{r.answer}</Tag>}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The fate of one kind of answer: the counts, then the lists to look at. */
function CarrySummary({ title, carry }: { title: string; carry: UpgradePlan['answers'] }) {
  const { t } = useTranslation('rules');
  const answer = useAnswerLabel();
  const held = (list: UpgradePlan['answers']['reconfirm']): Row[] => list.map((a) => ({ key: a.entityId, flowName: a.flowName, ref: a.ref, label: a.label, answer: answer(a.entity, a.result) }));
  const lists = [
    { key: 'reconfirm', title: t('project.reconfirm'), rows: held(carry.reconfirm) },
    { key: 'archived', title: t('project.archived'), rows: held(carry.archived) },
    { key: 'unanswered', title: t('project.unanswered'), rows: carry.unanswered.map((u) => ({ key: `${u.flowId ?? ''}/${u.itemId}`, flowName: u.flowName, ref: u.ref, label: u.label })) },
  ].filter((l) => l.rows.length > 0);
  return (
    <Card size="small" title={title}>
      <Descriptions size="small" column={4}>
        <Descriptions.Item label={t('project.carried')}>{carry.carried}</Descriptions.Item>
        <Descriptions.Item label={t('project.reconfirm')}>{carry.reconfirm.length}</Descriptions.Item>
        <Descriptions.Item label={t('project.archived')}>{carry.archived.length}</Descriptions.Item>
        <Descriptions.Item label={t('project.unanswered')}>{carry.unanswered.length}</Descriptions.Item>
      </Descriptions>
      {lists.length > 0 && (
        <Collapse size="small" defaultActiveKey={lists.map((l) => l.key)} items={lists.map((l) => ({ key: l.key, label: `${l.title} (${l.rows.length})`, children: <AnswerList rows={l.rows} /> }))} />
      )}
    </Card>
  );
}

/** What the upgrade will do, shown before it is confirmed: the determinations that move, the carried answers, the diff. */
export function UpgradePreview({ plan, busy, onConfirm }: { plan: UpgradePlan; busy: boolean; onConfirm(): void }) {
  const { t } = useTranslation('rules');
  const locale = useLocale();
  const from = `${plan.diff.from.id}@${plan.diff.from.version}`;
  const to = `${plan.diff.to.id}@${plan.diff.to.version}`;
  const { revision } = plan;
  const underReview = revision.state === 'submitted';
  return (
    <Card title={t('project.previewTitle', { from, to })} data-testid="upgrade-preview">
      <Space direction="vertical" style={{ width: '100%' }}>
        {plan.diff.to.example && <ExampleWarning pack={to} />}
        {underReview && <Alert type="error" showIcon message={t('project.underReview', { revision: revision.number })} />}
        {revision.opensRevision && <Alert type="info" showIcon message={t('project.opensRevision', { revision: revision.number, next: revision.opensRevision })} />}
        <Card size="small" title={t('project.determinations')}>
          <Table<OutcomeChange>
            size="small"
            pagination={false}
            rowKey="scope"
            dataSource={plan.determinations}
            onRow={(d) => ({ style: d.changed ? { background: '#fffbe6' } : undefined })}
            columns={[
              { title: t('project.scope'), key: 'scope', render: (_, d) => d.name ?? DIFF_LABELS.organization[locale] },
              { title: t('project.before'), dataIndex: 'before', render: (o: OutcomeChange['before']) => <OutcomeTag outcome={o} /> },
              { title: t('project.after'), dataIndex: 'after', render: (o: OutcomeChange['after']) => <OutcomeTag outcome={o} /> },
              { title: '', dataIndex: 'changed', width: 90, render: (c: boolean) => (c ? <Tag color="gold">{t('project.changed')}</Tag> : null) },
            ]}
          />
        </Card>
        <CarrySummary title={t('project.checklist')} carry={plan.answers} />
        <CarrySummary title={t('project.questionnaire')} carry={plan.questions} />
        <Collapse size="small" items={[{ key: 'diff', label: t('project.changes'), children: <PackDiffView diff={plan.diff} /> }]} />
        <Button type="primary" disabled={underReview} loading={busy} onClick={onConfirm}>
          {t('project.confirm')}
        </Button>
      </Space>
    </Card>
  );
}
