import { App } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../shared/domain/evidence';
import { DropUnavailable, fileHost } from '../../lib/host-files';
import { newJobId } from '../../lib/jobs';
import { upsert, useWorkspace } from '../../lib/workspace';
import './i18n';

/**
 * Adding files as evidence (chosen through the host or dropped on the page), one job at a time: the job id for the
 * progress bar, the merge of the result into the workspace, and the messages. After a failure or a
 * cancel the project is re-read, since files finished before it are already stored.
 */
export function useAddEvidence() {
  const { ws, update, reload } = useWorkspace();
  const { t } = useTranslation('evidence');
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<string | null>(null);
  const cancelled = useRef(false);
  const running = useRef(false);
  const projectId = ws.project.id;
  const known = ws.evidence;

  const run = useCallback(
    async (start: (jobId: string) => Promise<Evidence[]>): Promise<Evidence[]> => {
      if (running.current) {
        void message.warning(t('busy'));
        return [];
      }
      running.current = true;
      cancelled.current = false;
      const id = newJobId();
      setJobId(id);
      try {
        const added = await start(id);
        if (added.length) {
          update((w) => ({ ...w, evidence: added.reduce((list, e) => upsert(list, e, (x) => x.id), w.evidence) }));
          const existing = added.filter((e) => known.some((k) => k.id === e.id)).length;
          if (added.length > existing) void message.success(t('added', { n: added.length - existing }));
          if (existing) void message.info(t('addedExisting', { n: existing }));
        }
        return added;
      } catch (e) {
        if (cancelled.current) void message.info(t('cancelled'));
        else if (e instanceof DropUnavailable) void message.warning(t('dropUnavailable'));
        else void message.error((e as Error).message);
        void reload();
        return [];
      } finally {
        running.current = false;
        setJobId(null);
      }
    },
    [known, message, reload, t, update],
  );

  return {
    jobId,
    busy: jobId !== null,
    /** Lets the user choose files through the host; they are added (and linked to `itemId`). */
    pick: (itemId?: string) => run((id) => fileHost().open('evidence:pick', { projectId, itemId, jobId: id })),
    /** Adds files dropped on the page. */
    addDropped: (files: File[], itemId?: string) =>
      run((id) => fileHost().addDropped({ projectId, itemId, jobId: id }, files)),
    /** Tells the hook the user cancelled, so the failure that follows is reported as a cancel. */
    markCancelled: () => {
      cancelled.current = true;
    },
  };
}
