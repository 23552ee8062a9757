import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../shared/ipc/events';
import { shown } from './api';

/** A fresh id for a long job, so its progress events and its cancel button find each other. */
export const newJobId = () => `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The latest progress of one job (undefined until its first event). */
export function useJobProgress(jobId: string | null): JobProgress | undefined {
  const [progress, setProgress] = useState<JobProgress>();
  useEffect(() => {
    setProgress(undefined);
    if (!jobId) return;
    // The label is a file name: shown like every value from main.
    return window.host.on('job:progress', (p) => p.jobId === jobId && setProgress(shown(p)));
  }, [jobId]);
  return progress;
}
