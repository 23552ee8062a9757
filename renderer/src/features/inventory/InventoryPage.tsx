import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flow } from '../../../../shared/domain/flow';
import { importantDataItemsFor, importantDataResult } from '../../../../shared/domain/important-data';
import { call } from '../../lib/api';
import { usePack } from '../../lib/pack';
import { useWorkspace } from '../../lib/workspace';
import { FlowDrawer } from './FlowDrawer';
import { QuestionnaireDrawer } from './QuestionnaireDrawer';
import './i18n';

const count = (n: number | null, unknown: string) =>
  n === null ? <Typography.Text type="warning">{unknown}</Typography.Text> : n.toLocaleString();

/** The export inventory: every data export activity of the project, with its important-data status. */
export function InventoryPage() {
  const { t } = useTranslation('inventory');
  const { modal, message } = App.useApp();
  const { ws, update } = useWorkspace();
  const { pack } = usePack();
  const [editing, setEditing] = useState<Flow | 'new' | null>(null);
  const [asking, setAsking] = useState<Flow | null>(null);

  const importantData = (f: Flow) =>
    importantDataResult(
      importantDataItemsFor(pack, f.scenario).map((i) => i.id),
      ws.questions.filter((q) => q.flowId === f.id),
    ).importantData;

  const remove = (f: Flow) =>
    modal.confirm({
      title: t('deleteTitle', { name: f.name }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await call('flows:delete', { id: f.id as never, confirm: true });
          update((w) => ({
            ...w,
            flows: w.flows.filter((x) => x.id !== f.id),
            questions: w.questions.filter((q) => q.flowId !== f.id),
          }));
          void message.success(t('deleted'));
        } catch (e) {
          void message.error((e as Error).message);
        }
      },
    });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('add')}
        </Button>
      </Space>
      <Table<Flow>
        rowKey="id"
        dataSource={ws.flows}
        pagination={false}
        size="middle"
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          { title: '#', dataIndex: 'position', width: 48 },
          {
            title: t('fields.name'),
            dataIndex: 'name',
            render: (n: string, f) => <Typography.Link onClick={() => setEditing(f)}>{n}</Typography.Link>,
          },
          { title: t('fields.scenario'), dataIndex: 'scenario', render: (s: Flow['scenario']) => t(`scenario.${s}`) },
          {
            title: t('fields.behaviour'),
            dataIndex: 'behaviour',
            render: (b: Flow['behaviour']) => t(`behaviour.${b}`),
          },
          {
            title: t('fields.recipient'),
            key: 'recipient',
            render: (_, f) => [f.recipient, f.country].filter(Boolean).join(' · ') || '—',
          },
          {
            title: <span title={t('fields.individuals')}>{t('fields.individualsShort')}</span>,
            dataIndex: 'individuals',
            align: 'right',
            render: (n: number | null) => count(n, t('fields.unknown')),
          },
          {
            title: <span title={t('fields.sensitiveIndividuals')}>{t('fields.sensitiveShort')}</span>,
            dataIndex: 'sensitiveIndividuals',
            align: 'right',
            render: (n: number | null) => count(n, t('fields.unknown')),
          },
          {
            title: t('fields.importantData'),
            key: 'important',
            render: (_, f) => {
              const v = importantData(f);
              return (
                <Tag color={v ? 'red' : v === false ? 'green' : 'gold'}>
                  {t(`importantData.${v ? 'yes' : v === false ? 'no' : 'unknown'}`)}
                </Tag>
              );
            },
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, f) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setAsking(f)}>
                  {t('questionnaire')}
                </Button>
                <Button type="link" size="small" onClick={() => setEditing(f)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" danger onClick={() => remove(f)}>
                  {t('common.delete')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FlowDrawer
        open={editing !== null}
        flow={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
      />
      <QuestionnaireDrawer
        flow={asking && (ws.flows.find((f) => f.id === asking.id) ?? null)}
        onClose={() => setAsking(null)}
      />
    </Space>
  );
}
