import { Alert, Button, Descriptions, Empty, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../shared/domain/evidence';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { FileSize } from '../../components/FileSize';
import { call } from '../../lib/api';
import { formatTime } from './parts';
import './i18n';

type Preview = ChannelOutput<'evidence:preview'>;

/** A look at one evidence file (image or the start of a text) with its record; Escape closes. */
export function EvidencePreview({ evidence, onClose }: { evidence: Evidence | null; onClose(): void }) {
  const { t } = useTranslation('evidence');
  const [preview, setPreview] = useState<{ id: string; value?: Preview; error?: string }>();
  const id = evidence?.id;

  useEffect(() => {
    if (!id) return;
    let live = true;
    setPreview({ id });
    call('evidence:preview', { id }).then(
      (value) => live && setPreview({ id, value }),
      (e: unknown) => live && setPreview({ id, error: (e as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  const current = preview?.id === id ? preview : undefined;
  return (
    <Modal
      open={!!evidence}
      title={evidence ? t('previewTitle', { name: evidence.fileName }) : ''}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('close')}</Button>}
      width={860}
      destroyOnHidden
      // Keys stay in the dialog (the checklist page behind has letter and digit shortcuts); Escape still closes it.
      modalRender={(node) => <div onKeyDown={(e) => e.key !== 'Escape' && e.stopPropagation()}>{node}</div>}
    >
      {evidence && (
        <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('meta.size')}>
            <FileSize bytes={evidence.size} />
          </Descriptions.Item>
          <Descriptions.Item label={t('meta.type')}>{evidence.mediaType}</Descriptions.Item>
          <Descriptions.Item label={t('meta.capturedBy')}>{evidence.capturedBy || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meta.capturedAt')}>{formatTime(evidence.capturedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('meta.sha256')} span={2}>
            <Typography.Text
              code
              copyable={{ tooltips: [t('copyHash'), t('copied')] }}
              style={{ fontSize: 12, wordBreak: 'break-all' }}
            >
              {evidence.sha256}
            </Typography.Text>
          </Descriptions.Item>
          {evidence.description ? (
            <Descriptions.Item label={t('meta.description')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{evidence.description}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      )}
      {current?.error && <Alert type="error" showIcon title={current.error} />}
      {!current?.value && !current?.error && (
        <div style={{ textAlign: 'center', padding: 32 }}>
          <Spin />
        </div>
      )}
      {current?.value?.kind === 'image' && (
        <div style={{ textAlign: 'center', background: '#f5f5f5', padding: 8, borderRadius: 4 }}>
          <img
            src={current.value.data}
            alt={evidence?.fileName}
            style={{ maxWidth: '100%', maxHeight: '60vh', objectFit: 'contain' }}
          />
        </div>
      )}
      {current?.value?.kind === 'text' && (
        <>
          {current.value.truncated && <Alert type="info" showIcon title={t('truncated')} style={{ marginBottom: 8 }} />}
          <pre
            tabIndex={0}
            style={{
              maxHeight: '55vh',
              overflow: 'auto',
              margin: 0,
              padding: 12,
              background: '#f7f8fa',
              border: '1px solid #eceef2',
              borderRadius: 4,
              fontSize: 12,
              lineHeight: 1.6,
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-all',
              fontFamily: "ui-monospace, 'Noto Sans Hans', monospace",
            }}
          >
            {current.value.data}
          </pre>
        </>
      )}
      {current?.value?.kind === 'none' && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noPreview', { type: current.value.mediaType })} />
      )}
    </Modal>
  );
}
