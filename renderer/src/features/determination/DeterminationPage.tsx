import { Alert, App, Button, Card, Collapse, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceStep } from '../../../../shared/rules/engine';
import { FACT_LABELS, OUTCOME_LABELS } from '../../../../shared/rules/messages';
import type { FactName, Outcome } from '../../../../shared/rules/vocabulary';
import { useLocale } from '../../app/locale-context';
import { OutcomeTag } from '../../components/OutcomeTag';
import { call } from '../../lib/api';
import { useDetermination } from '../../lib/determination';
import { usePack, useText } from '../../lib/pack';
import { useWorkspace } from '../../lib/workspace';
import { ExemptionConditions } from './ExemptionConditions';
import { OverrideModal } from './OverrideModal';
import './i18n';

const RESULT_COLORS = { met: 'green', 'not-met': 'default', unknown: 'gold', applied: 'blue' } as const;

function Trace({ steps }: { steps: TraceStep[] }) {
  const { t } = useTranslation('determination');
  const locale = useLocale();
  return (
    <Table<TraceStep>
      size="small"
      pagination={false}
      rowKey={(s, i) => `${s.rule}-${i}`}
      dataSource={steps}
      columns={[
        {
          title: t('rule'),
          dataIndex: 'rule',
          width: 230,
          render: (r: string) => (
            <Typography.Text code style={{ fontSize: 12 }}>
              {r}
            </Typography.Text>
          ),
        },
        {
          title: '',
          dataIndex: 'result',
          width: 90,
          render: (r: TraceStep['result']) => <Tag color={RESULT_COLORS[r]}>{t(`result.${r}`)}</Tag>,
        },
        { title: t('trace'), key: 'text', render: (_, s) => s.text[locale] },
      ]}
    />
  );
}

/** One decision (organisation or flow): the effective outcome, the engine's reasoning, the override. */
function DecisionCard(props: {
  title: ReactNode;
  scope: string;
  outcome: Outcome;
  exemption?: string;
  missing?: string[];
  trace: TraceStep[];
  extra?: ReactNode;
  onOverride(scope: string): void;
}) {
  const { t } = useTranslation('determination');
  const locale = useLocale();
  const text = useText();
  const { message } = App.useApp();
  const { pack } = usePack();
  const { ws, update } = useWorkspace();
  const override = ws.overrides.find((o) => o.scope === props.scope);
  const effective = (override?.outcome ?? props.outcome) as Outcome;
  const exemptionKey = override ? override.exemption : props.exemption;
  const exemption = pack.exemptions.find((e) => e.key === exemptionKey);
  const missing = props.missing?.map((m) => FACT_LABELS[m.replace(/^flows\[\d+\]/, 'flow') as FactName]?.[locale] ?? m);

  const clear = async () => {
    try {
      await call('overrides:clear', { projectId: ws.project.id, scope: props.scope as never });
      update((w) => ({ ...w, overrides: w.overrides.filter((o) => o.scope !== props.scope) }));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Card
      size="small"
      title={props.title}
      extra={
        override ? (
          <Button size="small" onClick={() => void clear()}>
            {t('clearOverride')}
          </Button>
        ) : (
          <Button size="small" onClick={() => props.onOverride(props.scope)}>
            {t('override')}
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>{t('outcomeLabel')}</Typography.Text>
          <OutcomeTag outcome={effective} />
          {exemption && <Tag color="green">{t('exemption', { name: text(exemption.title) })}</Tag>}
        </Space>
        {override && (
          <Alert
            type="info"
            showIcon
            message={`${t('overridden', { outcome: OUTCOME_LABELS[effective][locale] })} · ${t('engineSays', { outcome: OUTCOME_LABELS[props.outcome][locale] })}`}
            description={t('overrideBy', {
              actor: override.actor,
              at: new Date(override.at).toLocaleString(),
              justification: override.justification,
            })}
          />
        )}
        {missing && missing.length > 0 && (
          <Alert type="warning" showIcon message={t('missing', { facts: missing.join('、') })} />
        )}
        {props.extra}
        <Collapse size="small" items={[{ key: 'trace', label: t('trace'), children: <Trace steps={props.trace} /> }]} />
      </Space>
    </Card>
  );
}

/** The live determination panel: the organisation and every flow, each explaining itself. */
export function DeterminationPage() {
  const { t } = useTranslation('determination');
  const { ws } = useWorkspace();
  const determination = useDetermination();
  const [overriding, setOverriding] = useState<string | null>(null);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {ws.flows.length === 0 && <Empty description={t('noFlows')} />}
      <DecisionCard
        title={t('organization')}
        scope="organization"
        {...determination.organization}
        onOverride={setOverriding}
      />
      {determination.flows.map((d) => {
        const flow = ws.flows.find((f) => f.id === d.id)!;
        return (
          <DecisionCard
            key={d.id}
            title={`${t('flow')} #${flow.position} · ${flow.name}`}
            scope={d.id}
            outcome={d.outcome}
            exemption={d.exemption}
            missing={d.missing}
            trace={d.trace}
            extra={<ExemptionConditions flow={flow} />}
            onOverride={setOverriding}
          />
        );
      })}
      <OverrideModal scope={overriding} onClose={() => setOverriding(null)} />
    </Space>
  );
}
