import { Badge, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../shared/domain/finding';
import './i18n';

export const SEVERITY_COLOR: Record<Finding['severity'], string> = {
  major: 'red',
  minor: 'orange',
  observation: 'blue',
};
/** Text colours matching the tags (antd's red-7, orange-7, blue-7). */
export const SEVERITY_TEXT: Record<Finding['severity'], string> = {
  major: '#cf1322',
  minor: '#d46b08',
  observation: '#0958d9',
};
export const SEVERITY_RANK: Record<Finding['severity'], number> = { major: 0, minor: 1, observation: 2 };
const STATUS_BADGE = { open: 'error', 'in-progress': 'processing', closed: 'success' } as const;

export function SeverityTag({ severity }: { severity: Finding['severity'] }) {
  const { t } = useTranslation('findings');
  return (
    <Tag color={SEVERITY_COLOR[severity]} style={{ marginInlineEnd: 0 }}>
      {t(`severity.${severity}`)}
    </Tag>
  );
}

export function StatusBadge({ status }: { status: Finding['status'] }) {
  const { t } = useTranslation('findings');
  return <Badge status={STATUS_BADGE[status]} text={t(`status.${status}`)} />;
}

/** Past its due date and not closed yet. */
export const isOverdue = (f: Pick<Finding, 'dueDate' | 'status'>, today = dayjs().format('YYYY-MM-DD')) =>
  f.status !== 'closed' && !!f.dueDate && f.dueDate < today;
