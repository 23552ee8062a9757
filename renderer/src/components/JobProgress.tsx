import { App, Button, Flex, Progress, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../lib/api';
import { useJobProgress } from '../lib/jobs';
import { formatFileSize } from './FileSize';

export interface JobProgressProps {
  /** The running job; nothing is shown while null or before its first progress report. */
  jobId: string | null;
  /** The line above the bar, from the job's label (a file name for evidence jobs). */
  describe?: (label: string) => ReactNode;
  /** Called once the user asked to cancel (the job's own call then fails with "cancelled"). */
  onCancel?: () => void;
}

/** A long job's progress (label, bytes done of total, percentage) with a Cancel button. */
export function JobProgress({ jobId, describe, onCancel }: JobProgressProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const progress = useJobProgress(jobId);
  const [cancelling, setCancelling] = useState<string | null>(null);
  if (!jobId || !progress) return null;

  const percent = progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
  const cancel = async () => {
    setCancelling(jobId);
    onCancel?.();
    try {
      await call('jobs:cancel', { jobId });
    } catch (e) {
      setCancelling(null);
      void message.error((e as Error).message);
    }
  };

  return (
    <div
      role="status"
      aria-live="polite"
      style={{ border: '1px solid #d6e4f5', background: '#f5f9ff', borderRadius: 4, padding: '8px 12px' }}
      data-testid="job-progress"
    >
      <Flex align="center" gap={12}>
        <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
          {describe ? describe(progress.label) : progress.label}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {formatFileSize(progress.done)} / {formatFileSize(progress.total)}
        </Typography.Text>
        <Button size="small" onClick={() => void cancel()} disabled={cancelling === jobId}>
          {t('common.cancel')}
        </Button>
      </Flex>
      <Progress percent={percent} size="small" status={cancelling === jobId ? 'exception' : 'active'} />
    </div>
  );
}
