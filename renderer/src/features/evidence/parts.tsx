import {
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FilePptOutlined,
  FileTextOutlined,
  FileWordOutlined,
  FileZipOutlined,
} from '@ant-design/icons';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { JobProgress } from '../../components/JobProgress';
import './i18n';

/** An icon for the file's media type. */
export function FileTypeIcon({ mediaType }: { mediaType: string }) {
  const style = { color: '#5b6b7f' };
  if (mediaType.startsWith('image/')) return <FileImageOutlined style={style} />;
  if (mediaType === 'application/pdf') return <FilePdfOutlined style={{ color: '#c0392b' }} />;
  if (mediaType.includes('spreadsheet') || mediaType === 'text/csv')
    return <FileExcelOutlined style={{ color: '#1e7a46' }} />;
  if (mediaType.includes('wordprocessing')) return <FileWordOutlined style={{ color: '#2b5797' }} />;
  if (mediaType.includes('presentation')) return <FilePptOutlined style={{ color: '#c55a11' }} />;
  if (mediaType === 'application/zip') return <FileZipOutlined style={style} />;
  if (mediaType.startsWith('text/') || mediaType === 'application/json' || mediaType === 'application/xml')
    return <FileTextOutlined style={style} />;
  return <FileOutlined style={style} />;
}

/** The first 10 hex digits of a SHA-256, with a button that copies all 64. */
export function ShortHash({ sha256 }: { sha256: string }) {
  const { t } = useTranslation('evidence');
  return (
    <Typography.Text
      code
      copyable={{ text: sha256, tooltips: [t('copyHash'), t('copied')] }}
      title={sha256}
      style={{ whiteSpace: 'nowrap' }}
    >
      {sha256.slice(0, 10)}…
    </Typography.Text>
  );
}

/** "2026-11-23 14:05" in local time. */
export const formatTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** The progress of adding evidence files, with Cancel: the same bar on the vault and on an item. */
export function AddEvidenceProgress({ jobId, onCancel }: { jobId: string | null; onCancel(): void }) {
  const { t } = useTranslation('evidence');
  return <JobProgress jobId={jobId} describe={(file) => t('adding', { file })} onCancel={onCancel} />;
}
