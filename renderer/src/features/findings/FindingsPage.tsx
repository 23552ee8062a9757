import { DeleteOutlined, EditOutlined, FileExcelOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINDING_STATUSES, SEVERITIES, type Finding } from '../../../../shared/domain/finding';
import { call } from '../../lib/api';
import { useItemLabel } from '../../lib/pack';
import { useWorkspace } from '../../lib/workspace';
import { FindingForm } from './FindingForm';
import { SEVERITY_RANK, SeverityTag, StatusBadge, isOverdue } from './parts';
import './i18n';

export { NewFindingButton } from './NewFindingButton';

/** The form's subject; kept while the drawer closes so its title does not flip mid-animation. */
type Editing = { finding?: Finding; open: boolean };

/** The project's findings: filter, create, edit, delete, and export the action plan as CSV or XLSX. */
export function FindingsPage() {
  const { t } = useTranslation('findings');
  const { message, modal } = App.useApp();
  const { ws, update } = useWorkspace();
  const itemLabel = useItemLabel();
  const [severity, setSeverity] = useState<Finding['severity']>();
  const [status, setStatus] = useState<Finding['status']>();
  const [editing, setEditing] = useState<Editing>({ open: false });
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const today = dayjs().format('YYYY-MM-DD');
  const evidenceName = useMemo(() => new Map(ws.evidence.map((e) => [e.id, e.fileName])), [ws.evidence]);
  const rows = useMemo(
    () =>
      ws.findings
        .filter((f) => (!severity || f.severity === severity) && (!status || f.status === status))
        .sort((a, b) => a.number - b.number),
    [ws.findings, severity, status],
  );
  const open = ws.findings.filter((f) => f.status !== 'closed').length;
  const overdue = ws.findings.filter((f) => isOverdue(f, today)).length;

  const exportPlan = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    try {
      const result = await call('findings:export', { projectId: ws.project.id, format });
      if (result.saved && result.path) setExported(result.path);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setExporting(null);
    }
  };

  const remove = (f: Finding) =>
    modal.confirm({
      title: t('deleteTitle', { n: f.number }),
      content: t('deleteBody', { n: f.number, title: f.title }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await call('findings:delete', { id: f.id, confirm: true });
          update((w) => ({ ...w, findings: w.findings.filter((x) => x.id !== f.id) }));
          void message.success(t('deleted', { n: f.number }));
        } catch (e) {
          void message.error((e as Error).message);
        }
      },
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="findings-page">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space size="middle" align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('summary', { n: ws.findings.length, open })}
            {overdue > 0 && <Typography.Text type="danger">{t('summaryOverdue', { n: overdue })}</Typography.Text>}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Tooltip title={t('export.hint')}>
            <Button
              icon={<FileTextOutlined />}
              loading={exporting === 'csv'}
              disabled={!!exporting}
              onClick={() => void exportPlan('csv')}
            >
              {t('export.csv')}
            </Button>
          </Tooltip>
          <Tooltip title={t('export.hint')}>
            <Button
              icon={<FileExcelOutlined />}
              loading={exporting === 'xlsx'}
              disabled={!!exporting}
              onClick={() => void exportPlan('xlsx')}
            >
              {t('export.xlsx')}
            </Button>
          </Tooltip>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true })}>
            {t('new')}
          </Button>
        </Space>
      </Flex>
      {exported && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setExported(null) }}
          title={t('export.saved', { path: exported })}
        />
      )}
      <Space wrap aria-label={t('filter.label')}>
        <Select
          aria-label={t('col.severity')}
          allowClear
          style={{ width: 160 }}
          placeholder={t('filter.severity')}
          value={severity}
          onChange={(v?: Finding['severity']) => setSeverity(v)}
          options={SEVERITIES.map((s) => ({ value: s, label: <SeverityTag severity={s} /> }))}
        />
        <Select
          aria-label={t('col.status')}
          allowClear
          style={{ width: 160 }}
          placeholder={t('filter.status')}
          value={status}
          onChange={(v?: Finding['status']) => setStatus(v)}
          options={FINDING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </Space>
      <Table<Finding>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={ws.findings.length ? t('emptyFiltered') : t('empty')} /> }}
        onRow={(f) => ({ onDoubleClick: () => setEditing({ finding: f, open: true }) })}
        columns={[
          {
            title: t('col.number'),
            dataIndex: 'number',
            width: 80,
            sorter: (a, b) => a.number - b.number,
            render: (n: number) => <Typography.Text strong>F-{n}</Typography.Text>,
          },
          {
            title: t('col.severity'),
            dataIndex: 'severity',
            width: 100,
            sorter: (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
            render: (s: Finding['severity']) => <SeverityTag severity={s} />,
          },
          {
            title: t('col.title'),
            dataIndex: 'title',
            render: (title: string, f) => (
              <Typography.Link
                onClick={() => setEditing({ finding: f, open: true })}
                style={{ wordBreak: 'break-word' }}
              >
                {title}
              </Typography.Link>
            ),
          },
          { title: t('col.owner'), dataIndex: 'owner', width: 140, render: (o: string) => o || '—' },
          {
            title: t('col.dueDate'),
            dataIndex: 'dueDate',
            width: 150,
            sorter: (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
            render: (d: string | null, f) =>
              !d ? (
                '—'
              ) : isOverdue(f, today) ? (
                <Space size={4} wrap>
                  <Typography.Text type="danger" strong>
                    {d}
                  </Typography.Text>
                  <Tag color="error" style={{ marginInlineEnd: 0 }}>
                    {t('overdue')}
                  </Tag>
                </Space>
              ) : (
                d
              ),
          },
          {
            title: t('col.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: Finding['status']) => <StatusBadge status={s} />,
          },
          {
            title: t('col.links'),
            key: 'links',
            width: 170,
            render: (_, f) => (
              <Tooltip
                title={
                  f.itemIds.length + f.evidenceIds.length ? (
                    <div style={{ whiteSpace: 'pre-line' }}>
                      {[
                        ...f.itemIds.map(itemLabel),
                        ...f.evidenceIds.map((id) => evidenceName.get(id) ?? t('deletedEvidence')),
                      ].join('\n')}
                    </div>
                  ) : undefined
                }
              >
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {t('links', { items: f.itemIds.length, evidence: f.evidenceIds.length })}
                </Typography.Text>
              </Tooltip>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_, f) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ finding: f, open: true })}
                  aria-label={`${t('common.edit')} F-${f.number}`}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f)}
                  aria-label={`${t('common.delete')} F-${f.number}`}
                >
                  {t('common.delete')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FindingForm
        open={editing.open}
        finding={editing.finding}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
      />
    </Space>
  );
}
