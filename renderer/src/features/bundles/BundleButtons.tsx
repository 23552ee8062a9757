import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { fileHost } from '../../lib/host-files';
import { newJobId, useJobProgress } from '../../lib/jobs';
import './i18n';

function JobBar({ jobId, label }: { jobId: string | null; label: string }) {
  const progress = useJobProgress(jobId);
  if (!jobId) return null;
  return (
    <div role="status" style={{ minWidth: 220 }}>
      {label}
      <Progress
        size="small"
        status="active"
        percent={progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0}
      />
    </div>
  );
}

/** Export the open project as an .adsg bundle (the host asks where to save), with progress. */
export function ExportBundleButton({ projectId }: { projectId: string }) {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<string | null>(null);
  const run = async () => {
    const id = newJobId();
    setJobId(id);
    try {
      const r = await call('bundle:export', { projectId: projectId as never, jobId: id });
      if (r.saved) void message.success(t('exported', { path: r.path }));
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setJobId(null);
    }
  };
  return (
    <Space>
      <Tooltip title={t('exportHint')}>
        <Button icon={<ExportOutlined />} loading={jobId !== null} onClick={() => void run()}>
          {t('export')}
        </Button>
      </Tooltip>
      <JobBar jobId={jobId} label={t('exporting')} />
    </Space>
  );
}

/** Import an .adsg bundle (the host asks which file); as a copy when the project already exists here. */
export function ImportBundleButton({ onImported }: { onImported(projectId: string): void }) {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<string | null>(null);
  const run = async (asCopy: boolean) => {
    const id = newJobId();
    setJobId(id);
    try {
      const r = await fileHost().open('bundle:import', { asCopy, jobId: id });
      if (r.imported && r.result) {
        const signer = r.result.signer;
        void message.success(
          [
            t('imported', { name: r.result.name }),
            signer
              ? t('signer', {
                  who: signer.commonName ?? signer.fingerprint.slice(0, 16),
                  trusted: t(signer.trusted ? 'trusted' : 'untrusted'),
                })
              : '',
          ]
            .filter(Boolean)
            .join(' · '),
        );
        onImported(r.result.projectId);
      }
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setJobId(null);
    }
  };
  return (
    <Space>
      <Button icon={<ImportOutlined />} loading={jobId !== null} onClick={() => void run(false)}>
        {t('import')}
      </Button>
      <Button disabled={jobId !== null} onClick={() => void run(true)}>
        {t('importCopy')}
      </Button>
      <JobBar jobId={jobId} label={t('importing')} />
    </Space>
  );
}
