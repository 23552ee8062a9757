import { Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RESULTS } from '../../../../shared/domain/answer';
import { openFindingsBySeverity, summariseAreas } from '../../../../shared/domain/progress';
import { OUTCOME_LABELS } from '../../../../shared/rules/messages';
import { OUTCOMES, type Outcome } from '../../../../shared/rules/vocabulary';
import { useLocale } from '../../app/locale-context';
import { EChart } from '../../components/EChart';
import { OutcomeTag } from '../../components/OutcomeTag';
import { useDetermination } from '../../lib/determination';
import { usePack } from '../../lib/pack';
import { useWorkspace } from '../../lib/workspace';
import './i18n';

const RESULT_COLORS: Record<string, string> = {
  conforming: '#52c41a',
  'partially-conforming': '#faad14',
  nonconforming: '#f5222d',
  'not-applicable': '#bfbfbf',
  'not-assessed': '#69b1ff',
  none: '#f0f0f0',
};

const mib = (bytes: number) =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Where the audit stands: progress, conformity by area, the determination, open findings. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { t: tc } = useTranslation('checklists');
  const locale = useLocale();
  const { ws } = useWorkspace();
  const { pack } = usePack();
  const determination = useDetermination();
  const areas = useMemo(() => summariseAreas(pack.checklists, ws.answers), [pack, ws.answers]);
  const total = areas.reduce((n, a) => n + a.total, 0);
  const done = areas.reduce((n, a) => n + a.total - a.counts.none - a.counts['not-assessed'], 0);
  const findings = openFindingsBySeverity(ws.findings);
  const effective = (scope: string, engine: Outcome) =>
    (ws.overrides.find((o) => o.scope === scope)?.outcome as Outcome | undefined) ?? engine;
  const flowOutcomes = OUTCOMES.map((o) => ({
    o,
    n: determination.flows.filter((f) => effective(f.id, f.outcome) === o).length,
  })).filter((x) => x.n > 0);

  const conformity = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, textStyle: { fontFamily: 'Noto Sans Hans' } },
      grid: { left: 8, right: 16, top: 8, bottom: 48, containLabel: true },
      xAxis: { type: 'value', max: 'dataMax' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: areas.map((a) => tc(`area.${a.area}`)),
        axisLabel: { fontFamily: 'Noto Sans Hans' },
      },
      series: [...RESULTS, 'none' as const].map((r) => ({
        name: tc(`result.${r}`),
        type: 'bar',
        stack: 'all',
        itemStyle: { color: RESULT_COLORS[r] },
        data: areas.map((a) => a.counts[r]),
      })),
    }),
    [areas, tc],
  );
  const findingsChart = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, textStyle: { fontFamily: 'Noto Sans Hans' } },
      series: [
        {
          type: 'pie',
          radius: ['38%', '60%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}: {c}', fontFamily: 'Noto Sans Hans' },
          data: (['major', 'minor', 'observation'] as const).map((s) => ({
            name: t(`severity.${s}`),
            value: findings[s],
            itemStyle: { color: { major: '#f5222d', minor: '#fa8c16', observation: '#1677ff' }[s] },
          })),
        },
      ],
    }),
    [findings, t],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col span={8}>
        <Card title={t('progress')} size="small">
          <Space direction="vertical" align="center" style={{ width: '100%' }}>
            <Progress type="circle" percent={total ? Math.round((done / total) * 100) : 0} />
            <Typography.Text>{t('answered', { done, total })}</Typography.Text>
          </Space>
        </Card>
      </Col>
      <Col span={8}>
        <Card title={t('determination')} size="small">
          <Space direction="vertical">
            <Space>
              <Typography.Text>{t('organizationLabel')}</Typography.Text>
              <OutcomeTag outcome={effective('organization', determination.organization.outcome)} />
            </Space>
            <Typography.Text type="secondary">{t('flowsCount', { n: ws.flows.length })}</Typography.Text>
            {flowOutcomes.map(({ o, n }) => (
              <Space key={o}>
                <OutcomeTag outcome={o} />
                <Typography.Text>× {n}</Typography.Text>
              </Space>
            ))}
          </Space>
        </Card>
      </Col>
      <Col span={8}>
        <Card title={t('evidence')} size="small">
          <Statistic value={ws.evidence.length} />
          <Typography.Text type="secondary">
            {t('evidenceCount', { n: ws.evidence.length, size: mib(ws.evidence.reduce((n, e) => n + e.size, 0)) })}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={16}>
        <Card title={t('conformity')} size="small">
          <EChart option={conformity} label={t('conformity')} height={300} />
        </Card>
      </Col>
      <Col span={8}>
        <Card title={t('findings')} size="small">
          <EChart option={findingsChart} label={t('findings')} height={300} />
        </Card>
      </Col>
      <Col span={24}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {OUTCOME_LABELS[determination.organization.outcome][locale]} · {pack.id}@{pack.version}
        </Typography.Text>
      </Col>
    </Row>
  );
}
