import { Alert, App, Card, Drawer, Input, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Flow } from '../../../../shared/domain/flow';
import { importantDataItemsFor, importantDataResult } from '../../../../shared/domain/important-data';
import { call } from '../../lib/api';
import { usePack, useText } from '../../lib/pack';
import { upsert, useWorkspace } from '../../lib/workspace';
import './i18n';

/** The important-data questionnaire of one flow: every catalogue item of its scenario, autosaved per answer. */
export function QuestionnaireDrawer({ flow, onClose }: { flow: Flow | null; onClose(): void }) {
  const { t } = useTranslation('inventory');
  const { message } = App.useApp();
  const { ws, update } = useWorkspace();
  const { pack } = usePack();
  const text = useText();
  const items = flow ? importantDataItemsFor(pack, flow.scenario) : [];
  const answers = flow ? ws.questions.filter((q) => q.flowId === flow.id) : [];
  const result = importantDataResult(
    items.map((i) => i.id),
    answers,
  );

  const save = async (itemId: string, answer: 'yes' | 'no' | 'unsure', note: string) => {
    try {
      const saved = await call('questions:answer', { flowId: flow!.id as never, itemId, answer, note });
      update((w) => ({ ...w, questions: upsert(w.questions, saved, (q) => `${q.flowId}/${q.itemId}`) }));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Drawer
      open={flow !== null}
      onClose={onClose}
      width={760}
      title={flow && t('q.title', { name: flow.name })}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary">{t('q.intro')}</Typography.Paragraph>
        <Alert
          showIcon
          type={result.importantData ? 'warning' : result.importantData === false ? 'success' : 'info'}
          message={`${t('q.result')}: ${result.importantData ? t('q.found', { n: result.found.length }) : result.importantData === false ? t('q.notFound') : t('q.pending', { n: result.pending })}`}
        />
        {items.length === 0 && <Typography.Text>{t('q.none')}</Typography.Text>}
        {items.map((item) => {
          const a = answers.find((x) => x.itemId === item.id);
          return (
            <Card
              key={item.id}
              size="small"
              title={
                <span>
                  {item.ref && <Tag>{item.ref}</Tag>}
                  {text(item.title)}
                </span>
              }
              extra={!item.verified && <Tag color="gold">{t('q.unverified')}</Tag>}
            >
              {item.category && <Typography.Text type="secondary">{text(item.category)}</Typography.Text>}
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                <b>{t('q.criterion')}</b>
                {text(item.criterion)}
              </Typography.Paragraph>
              {item.thresholdValue && (
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  <b>{t('q.threshold')}</b>
                  {text(item.thresholdValue)}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {text(item.source.clause)} · {item.provenance.join(', ')} · {item.confidence}
              </Typography.Text>
              <Space style={{ display: 'flex', marginTop: 8 }} align="start">
                <Radio.Group
                  aria-label={text(item.title)}
                  value={a?.answer}
                  onChange={(e) => void save(item.id, e.target.value as 'yes', a?.note ?? '')}
                  options={(['yes', 'no', 'unsure'] as const).map((v) => ({ value: v, label: t(`q.${v}`) }))}
                  optionType="button"
                />
                <Input
                  placeholder={t('q.note')}
                  defaultValue={a?.note}
                  disabled={!a}
                  onBlur={(e) => a && e.target.value !== a.note && void save(item.id, a.answer, e.target.value)}
                  style={{ width: 360 }}
                />
              </Space>
            </Card>
          );
        })}
      </Space>
    </Drawer>
  );
}
