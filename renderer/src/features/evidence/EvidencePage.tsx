import {
  DeleteOutlined,
  EyeOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence, EvidenceCheck } from '../../../../shared/domain/evidence';
import { FileSize } from '../../components/FileSize';
import { call } from '../../lib/api';
import { useWorkspace } from '../../lib/workspace';
import { DescriptionCell } from './DescriptionCell';
import { EvidencePreview } from './EvidencePreview';
import { ItemLinkSelect } from './ItemLinkSelect';
import { AddEvidenceProgress, FileTypeIcon, ShortHash, formatTime } from './parts';
import { JobProgress } from '../../components/JobProgress';
import { newJobId } from '../../lib/jobs';
import { useAddEvidence } from './use-add-evidence';
import { useEvidenceActions } from './use-evidence-actions';
import './i18n';

type Problem = EvidenceCheck['problems'][number];

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/** The project's evidence vault: add (dialog or drop), describe, link, preview, verify, delete. */
export function EvidencePage() {
  const { t } = useTranslation('evidence');
  const { message } = App.useApp();
  const { ws } = useWorkspace();
  const adder = useAddEvidence();
  const { remove } = useEvidenceActions();
  const [previewing, setPreviewing] = useState<Evidence | null>(null);
  const [check, setCheck] = useState<{ at: string; result: EvidenceCheck }>();
  const [verifying, setVerifying] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);

  const problems = useMemo(
    () => new Map<string, Problem>(check?.result.problems.map((p) => [p.evidenceId, p]) ?? []),
    [check],
  );
  const rows = useMemo(
    () =>
      [...ws.evidence].sort((a, b) => b.capturedAt.localeCompare(a.capturedAt) || a.fileName.localeCompare(b.fileName)),
    [ws.evidence],
  );

  const verify = async () => {
    const jobId = newJobId();
    setVerifying(jobId);
    try {
      const result = await call('evidence:verify', { projectId: ws.project.id, jobId });
      setCheck({ at: formatTime(new Date().toISOString()), result });
      if (result.ok) void message.success(t('verifyOk', { n: result.checked }));
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setVerifying(null);
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length) void adder.addDropped(files);
  };

  return (
    <div
      style={{ position: 'relative', minHeight: 'calc(100vh - 230px)' }}
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        dragDepth.current += 1;
        setDragging(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (!hasFiles(e)) return;
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragging(false);
      }}
      onDrop={onDrop}
      data-testid="evidence-page"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space size="middle" align="baseline">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('total', { n: ws.evidence.length })}</Typography.Text>
          </Space>
          <Space>
            <Button
              icon={<SafetyCertificateOutlined />}
              onClick={() => void verify()}
              loading={verifying !== null}
              disabled={!ws.evidence.length}
            >
              {t('verify')}
            </Button>
            <Button type="primary" icon={<UploadOutlined />} onClick={() => void adder.pick()} loading={adder.busy}>
              {t('add')}
            </Button>
          </Space>
        </Flex>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        <AddEvidenceProgress jobId={adder.jobId} onCancel={adder.markCancelled} />
        <JobProgress jobId={verifying} describe={() => t('verifying')} />
        {check && !check.result.ok && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setCheck(undefined) }}
            title={t('verifyFailedTitle', { bad: check.result.problems.length, n: check.result.checked })}
            description={
              <>
                <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
                  {check.result.problems.map((p) => (
                    <li key={p.evidenceId}>
                      <Typography.Text strong>{p.fileName}</Typography.Text>
                      {t('problemSep')}
                      {t(`problem.${p.problem}`)}
                    </li>
                  ))}
                </ul>
                <Typography.Text type="secondary">{t('verifyFailedHint')}</Typography.Text>
              </>
            }
          />
        )}
        {check?.result.ok && (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => setCheck(undefined) }}
            title={t('verifyOkTitle')}
            description={t('verifyOkBody', { at: check.at, n: check.result.checked })}
          />
        )}
        <Table<Evidence>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          tableLayout="fixed"
          scroll={{ x: 1000 }}
          locale={{
            emptyText: (
              <Empty image={<InboxOutlined style={{ fontSize: 48, color: '#bfc8d6' }} />} description={t('empty')} />
            ),
          }}
          onRow={(e) => ({ style: problems.has(e.id) ? { background: '#fff2f0' } : undefined })}
          columns={[
            {
              title: t('col.fileName'),
              key: 'fileName',
              width: 220,
              render: (_, e) => (
                <Space orientation="vertical" size={2}>
                  <Button
                    type="link"
                    size="small"
                    icon={<FileTypeIcon mediaType={e.mediaType} />}
                    onClick={() => setPreviewing(e)}
                    aria-label={t('previewTitle', { name: e.fileName })}
                    style={{
                      padding: 0,
                      height: 'auto',
                      whiteSpace: 'normal',
                      textAlign: 'start',
                      wordBreak: 'break-all',
                    }}
                  >
                    {e.fileName}
                  </Button>
                  {problems.has(e.id) && <Tag color="error">{t(`problemTag.${problems.get(e.id)!.problem}`)}</Tag>}
                </Space>
              ),
            },
            {
              title: t('col.size'),
              dataIndex: 'size',
              width: 84,
              align: 'right',
              render: (s: number) => <FileSize bytes={s} />,
            },
            {
              title: t('col.sha256'),
              dataIndex: 'sha256',
              width: 132,
              render: (h: string) => <ShortHash sha256={h} />,
            },
            {
              title: t('col.captured'),
              key: 'captured',
              width: 136,
              render: (_, e) => (
                <Space orientation="vertical" size={0}>
                  <span>{e.capturedBy || '—'}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {formatTime(e.capturedAt)}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('col.description'), key: 'description', render: (_, e) => <DescriptionCell evidence={e} /> },
            { title: t('col.items'), key: 'items', width: 220, render: (_, e) => <ItemLinkSelect evidence={e} /> },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 84,
              render: (_, e) => (
                <Space size={0}>
                  <Tooltip title={t('preview')}>
                    <Button
                      type="text"
                      icon={<EyeOutlined />}
                      onClick={() => setPreviewing(e)}
                      aria-label={`${t('preview')} ${e.fileName}`}
                    />
                  </Tooltip>
                  <Tooltip title={t('common.delete')}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(e)}
                      aria-label={`${t('common.delete')} ${e.fileName}`}
                    />
                  </Tooltip>
                </Space>
              ),
            },
          ]}
        />
      </Space>
      {dragging && (
        <div
          aria-hidden
          style={{
            position: 'absolute',
            inset: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            flexDirection: 'column',
            gap: 8,
            background: 'rgba(240, 246, 255, 0.92)',
            border: '2px dashed #1f5fa8',
            borderRadius: 8,
            color: '#1f5fa8',
            fontSize: 16,
            pointerEvents: 'none',
          }}
        >
          <InboxOutlined style={{ fontSize: 48 }} />
          {t('dropHere')}
        </div>
      )}
      <EvidencePreview evidence={previewing} onClose={() => setPreviewing(null)} />
    </div>
  );
}
